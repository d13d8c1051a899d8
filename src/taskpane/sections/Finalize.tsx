import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Confirm } from "./Confirm";
import { useState } from "react";

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalL },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * 定稿 before sending the workbook to someone without the add-in: JX formulas become built-in ones.
 * Collapsed (one line) until the workbook has forms: it is the last step, not the first screen.
 */
export function Finalize({ onFinalize, busy, result, defaultOpen = false }: { onFinalize(): void; busy: boolean; result: string | null; defaultOpen?: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Accordion collapsible defaultOpenItems={defaultOpen ? ["finalize"] : []} className={styles.box}>
      <AccordionItem value="finalize">
        <AccordionHeader size="small">提交前定稿（最后一步）</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Text size={200} className={styles.note} block>
            把工作簿中所有 =JX.… 公式换成等价的 Excel 内置公式（没有等价的换成当前数值），发给财政局或用 WPS 的同事时不会显示 #NAME?。显示的数字不变，其他内容不动。
          </Text>
          <div>
            <Button disabled={busy} onClick={() => setOpen(true)}>
              定稿
            </Button>
          </div>
          {result && <Text size={200}>{result}</Text>}
        </AccordionPanel>
      </AccordionItem>
      <Confirm
        open={open}
        title="把 JX 公式换成内置公式？"
        body="之后这些单元格不再由本加载项计算，改由 Excel 内置函数计算。加载项所做的修改不能用 Excel 的「撤销」恢复，请先另存一份副本。"
        action="定稿"
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onFinalize();
        }}
      />
    </Accordion>
  );
}
