/** 附件3 项目支出绩效自评表, one per project. Columns A–I. */
import type { Block, RowDef, SheetTemplate, TemplateParams } from "./types";
import { blankSum, EVAL_WIDTHS, executionFormulas, goalBlocks, indicatorBlock, totalBlocks } from "./shared";

export const PROJECT_SHEET_PREFIX = "附件3 ";
export const PROJECT_TITLE_SUFFIX = "年度项目支出绩效自评表";

export const PROJECT_SKELETON = [
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
  { level1: "成本指标", level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
];

function sourceRow(key: string, label: string, base: string): RowDef {
  // Blank until a source is filled, so that 执行率/得分 (guarded by `=""`) stay blank too, not #DIV/0!.
  const sum = (col: string) => blankSum(`funds.current.${col}`, `funds.carryover.${col}`, `funds.other.${col}`);
  const isTotal = base === "funds.total.";
  const cell = (col: number, name: "initialBudget" | "fullBudget" | "executed") => ({
    col,
    field: `${base}${name}`,
    type: "amount" as const,
    style: isTotal ? ("computed" as const) : ("input" as const),
    formula: isTotal ? { jx: sum(name), native: sum(name) } : undefined,
  });
  return { key, cells: [{ col: 1, label, style: "label" }, cell(2, "initialBudget"), cell(3, "fullBudget"), cell(4, "executed")] };
}

export function projectTemplate(params: TemplateParams, index = 1): SheetTemplate {
  const y = params.year;
  const exec = executionFormulas("funds.total.", params);
  const total = sourceRow("fundsTotal", "年度资金总额", "funds.total.");
  total.cells.push(
    { col: 5, field: "funds.total.weight", type: "weight", style: "input" },
    { col: 6, field: "funds.total.rate", type: "rate", style: "computed", formula: exec.rate },
    { col: 7, span: 2, field: "funds.total.score", type: "score", style: "computed", formula: exec.score },
  );
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", match: [/项目支出绩效自评表$/], cells: [{ col: 0, span: 9, label: `${y}${PROJECT_TITLE_SUFFIX}`, style: "title" }] } },
    {
      kind: "row",
      row: {
        key: "name",
        cells: [
          { col: 0, label: "项目支出名称", style: "label" },
          { col: 1, span: 8, field: "name", type: "text", style: "input" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "owner",
        cells: [
          { col: 0, label: "主管部门", style: "label" },
          { col: 1, span: 4, field: "department", type: "text", style: "input" },
          { col: 5, label: "实施单位", style: "label" },
          { col: 6, span: 3, field: "implementer", type: "text", style: "input" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "fundsHeader",
        match: ["项目资金", "资金情况"],
        headerOf: ["current", "carryover", "other", "fundsTotal"],
        cells: [
          { col: 0, rowSpan: 5, label: "项目资金\n（万元）", style: "header" },
          { col: 1, label: "资金来源", style: "header" },
          { col: 2, label: "年初预算数", style: "header" },
          { col: 3, label: "全年预算数", style: "header" },
          { col: 4, label: "全年执行数", style: "header" },
          { col: 5, label: "分值", style: "header" },
          { col: 6, label: "执行率", style: "header" },
          { col: 7, span: 2, label: "得分", style: "header" },
        ],
      },
    },
    { kind: "row", row: sourceRow("current", "其中：当年财政拨款", "funds.current.") },
    { kind: "row", row: { ...sourceRow("carryover", "上年结转金额", "funds.carryover."), match: ["上年结转金额", "上年结转资金", "上年结转"] } },
    { kind: "row", row: { ...sourceRow("other", "其它资金", "funds.other."), match: ["其它资金", "其他资金"] } },
    { kind: "row", row: total },
    ...goalBlocks("预期目标", "实际完成情况"),
    indicatorBlock(PROJECT_SKELETON, "绩效指标", params),
    ...totalBlocks("funds.total", params),
  ];
  return {
    kind: "project",
    name: `${PROJECT_SHEET_PREFIX}项目${index}`,
    title: `${y}${PROJECT_TITLE_SUFFIX}`,
    widths: EVAL_WIDTHS,
    blocks,
    orientation: "landscape",
    printTitleRow: "indicatorHeader",
    mark: "附件3",
  };
}
