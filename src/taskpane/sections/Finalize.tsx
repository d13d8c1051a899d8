import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Confirm } from "./Confirm";
import { useState } from "react";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalL },
  note: { color: tokens.colorNeutralForeground3 },
});

/** 定稿 before sending the workbook to someone without the add-in: JX formulas become built-in ones. */
export function Finalize({ onFinalize, busy, result }: { onFinalize(): void; busy: boolean; result: string | null }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.box}>
      <Text weight="semibold">提交前定稿</Text>
      <Text size={200} className={styles.note}>
        把工作簿中所有 =JX.… 公式换成等价的 Excel 内置公式（没有等价的换成当前数值），发给财政局或用 WPS 的同事时不会显示 #NAME?。显示的数字不变，其他内容不动。
      </Text>
      <div>
        <Button disabled={busy} onClick={() => setOpen(true)}>
          定稿
        </Button>
      </div>
      {result && <Text size={200}>{result}</Text>}
      <Confirm
        open={open}
        title="把 JX 公式换成内置公式？"
        body="之后这些单元格不再由本加载项计算，改由 Excel 内置函数计算。建议先另存一份副本。可在 Excel 中撤销。"
        action="定稿"
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onFinalize();
        }}
      />
    </div>
  );
}
