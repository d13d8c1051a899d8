/**
 * 部门决算公开 in the task pane: insert the nine tables (公开01–09表, numbered 2022+ or pre-2022),
 * and narrate them (部门决算情况说明) into the 报告 tab, where the sheet / Word / clipboard outputs
 * serve it as they serve the 自评报告. Checking needs nothing here: 校验 recognises the tables by title.
 */
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { FA_NUMBERINGS, type FaNumbering } from "../../core";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface FinalAccountsProps {
  onInsert(numbering: FaNumbering): void;
  onNarrate(): void;
  busy: boolean;
}

export function FinalAccounts({ onInsert, onNarrate, busy }: FinalAccountsProps) {
  const styles = useStyles();
  const [numbering, setNumbering] = useState<FaNumbering>(FA_NUMBERINGS[0]);
  return (
    <div className={styles.box}>
      <Text weight="semibold">部门决算公开</Text>
      <Field label="表格编号">
        <Dropdown value={numbering.label} selectedOptions={[numbering.id]} onOptionSelect={(_, d) => setNumbering(FA_NUMBERINGS.find((n) => n.id === d.optionValue) ?? FA_NUMBERINGS[0])}>
          {FA_NUMBERINGS.map((n) => (
            <Option key={n.id} value={n.id}>
              {n.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => onInsert(numbering)}>
          插入决算公开表（9张）
        </Button>
        <Button disabled={busy} onClick={onNarrate}>
          生成决算情况说明
        </Button>
      </div>
      <Text className={styles.note} size={200}>
        各表按表名识别，不论编号和位置；「校验」核对表内合计、类款项、表间一致和“三公”经费。情况说明由表格生成，上年数、年初预算、原因等表中没有的内容标为【请填写】。
      </Text>
    </div>
  );
}
