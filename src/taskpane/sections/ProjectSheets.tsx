import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Confirm } from "./Confirm";
import { useState } from "react";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The 附件3 sheets found by the last check, each removable after confirmation. */
export function ProjectSheets({ sheets, onRemove, busy }: { sheets: string[]; onRemove(name: string): void; busy: boolean }) {
  const styles = useStyles();
  const [confirm, setConfirm] = useState<string | null>(null);
  if (sheets.length === 0) return null;
  return (
    <div>
      <Text weight="semibold">项目表</Text>
      <ul className={styles.list}>
        {sheets.map((name) => (
          <li key={name} className={styles.item}>
            <Text>{name}</Text>
            <Button size="small" disabled={busy} onClick={() => setConfirm(name)}>
              删除
            </Button>
          </li>
        ))}
      </ul>
      <Confirm
        open={confirm !== null}
        title={`删除工作表「${confirm}」？`}
        body="该表中填写的所有内容都会被删除。Excel 中删除工作表无法撤销，如需保留请先另存一份副本。"
        action="删除"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm) onRemove(confirm);
          setConfirm(null);
        }}
      />
    </div>
  );
}
