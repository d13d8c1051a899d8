import { makeStyles, Tab, TabList, Text, tokens, type SelectTabData } from "@fluentui/react-components";
import { useState } from "react";

/** The task pane sections, in tab order. Each shows what will appear there once it has content. */
export const SECTIONS = [
  {
    id: "templates",
    label: "模板",
    empty: "选择评价年度后，这里会列出可插入的空白附件表：附件1 部门整体支出绩效评价基础数据表、附件2 部门整体支出绩效自评表、附件3 项目支出绩效自评表。",
  },
  {
    id: "checks",
    label: "校验",
    empty: "点击「开始校验」后，这里按工作表列出发现的问题，每条注明单元格、应为多少、实际多少。",
  },
  {
    id: "report",
    label: "报告",
    empty: "附件填好并通过校验后，这里会显示预算执行率得分、各项指标得分、总分与评价等级，并可生成自评报告初稿。",
  },
  {
    id: "settings",
    label: "设置",
    empty: "这里可以设置评价年度、单位名称、评价等级的分数线（默认按财预〔2020〕10号：90 分及以上为优）和金额比对的容差。",
  },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`,
  },
});

export function App({ initialSection = "templates" }: { initialSection?: SectionId }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<SectionId>(initialSection);
  const section = SECTIONS.find((s) => s.id === selected) ?? SECTIONS[0];

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={24} height={24} alt="" />
        <Text as="h1" size={500} weight="semibold">
          绩效自评助手
        </Text>
      </header>
      <TabList
        selectedValue={selected}
        onTabSelect={(_event, data: SelectTabData) => setSelected(data.value as SectionId)}
        aria-label="功能分区"
      >
        {SECTIONS.map((s) => (
          <Tab key={s.id} value={s.id}>
            {s.label}
          </Tab>
        ))}
      </TabList>
      <section role="tabpanel" aria-label={section.label}>
        <Text as="p" block className={styles.empty}>
          {section.empty}
        </Text>
      </section>
    </main>
  );
}
