/** 附件2 部门整体支出绩效自评表. Columns A–I. */
import type { Block, RowDef, SheetTemplate, TemplateParams } from "./types";
import { blankSum, EVAL_WIDTHS, executionFormulas, goalBlocks, indicatorBlock, noteBlock, signatureLine, totalBlocks } from "./shared";

export const SELF_EVALUATION_SHEET_NAME = "附件2 整体支出自评表";
export const SELF_EVALUATION_TITLE_SUFFIX = "年度部门整体支出绩效自评表";

export const SELF_EVALUATION_SKELETON = [
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
];

/** A split row: 按收入性质分 label in B:C and its figure in D; 按支出性质分 label in E:G and its figure in H:I. */
function splitRow(key: string, incomeLabel: string, incomeField: string, expenseLabel?: string, expenseField?: string, incomeFormula?: string, expenseFormula?: string): RowDef {
  const cells: RowDef["cells"] = [
    { col: 1, span: 2, label: incomeLabel, style: "label" },
    {
      col: 3,
      field: incomeField,
      type: "amount",
      style: incomeFormula ? "computed" : "input",
      formula: incomeFormula ? { jx: incomeFormula, native: incomeFormula } : undefined,
    },
  ];
  if (expenseLabel && expenseField) {
    cells.push(
      { col: 4, span: 3, label: expenseLabel, style: "label" },
      {
        col: 7,
        span: 2,
        field: expenseField,
        type: "amount",
        style: expenseFormula ? "computed" : "input",
        formula: expenseFormula ? { jx: expenseFormula, native: expenseFormula } : undefined,
      },
    );
  }
  return { key, cells };
}

export function selfEvaluationTemplate(params: TemplateParams): SheetTemplate {
  const y = params.year;
  const w = params.preset.weights;
  const exec = executionFormulas("funds.", params);
  const skeleton = SELF_EVALUATION_SKELETON.map((g) => ({
    level1: `${g.level1}（${g.level1 === "产出指标" ? w.output : g.level1 === "效益指标" ? w.effect : w.satisfaction}分）`,
    level2: g.level2,
  }));
  const indicatorsWeight = 100 - w.execution;
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", match: [/自评表$/], cells: [{ col: 0, span: 9, label: `${y}${SELF_EVALUATION_TITLE_SUFFIX}`, style: "title" }] } },
    {
      kind: "row",
      row: {
        key: "unit",
        match: ["单位名称", /单位名称$/],
        cells: [
          { col: 0, span: 2, label: "单位名称", style: "label" },
          { col: 2, span: 7, field: "unit", type: "text", style: "input" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "fundsHeader",
        match: ["年度预算申请", /总体资金$/],
        headerOf: ["funds"],
        cells: [
          { col: 0, rowSpan: 7, label: "年度预算申请\n（万元）", style: "header" },
          { col: 2, label: "年初预算数", style: "header" },
          { col: 3, label: "全年预算数(A)", style: "header" },
          { col: 4, label: "全年执行数(B)", style: "header" },
          { col: 5, label: "分值", style: "header" },
          { col: 6, label: "执行率\n(B/A)", style: "header" },
          { col: 7, span: 2, label: "得分", style: "header" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "funds",
        match: ["年度资金总额"],
        cells: [
          { col: 1, label: "年度资金总额", style: "label" },
          { col: 2, field: "funds.initialBudget", type: "amount", style: "input" },
          { col: 3, field: "funds.fullBudget", type: "amount", style: "input" },
          { col: 4, field: "funds.executed", type: "amount", style: "input" },
          { col: 5, field: "funds.weight", type: "weight", style: "input" },
          { col: 6, field: "funds.rate", type: "rate", style: "computed", formula: exec.rate },
          { col: 7, span: 2, field: "funds.score", type: "score", style: "computed", formula: exec.score },
        ],
      },
    },
    { kind: "row", row: splitRow("splitTotals", "按收入性质分", "byIncome.total", "按支出性质分", "byExpense.total", blankSum("byIncome.general", "byIncome.govFund", "byIncome.specialAccount", "byIncome.other"), blankSum("byExpense.basic", "byExpense.project")) },
    { kind: "row", row: splitRow("split1", "其中：一般公共预算", "byIncome.general", "其中：基本支出", "byExpense.basic") },
    { kind: "row", row: splitRow("split2", "政府性基金拨款", "byIncome.govFund", "项目支出", "byExpense.project") },
    { kind: "row", row: splitRow("split3", "纳入专户管理的非税收入拨款", "byIncome.specialAccount") },
    { kind: "row", row: splitRow("split4", "其他资金", "byIncome.other") },
    ...goalBlocks("年初目标设定", "全年实际完成情况"),
    indicatorBlock(skeleton, `绩效指标（${indicatorsWeight}分）`, params),
    ...totalBlocks("funds", params),
    noteBlock(
      "note1",
      `说明：1.分值设定100分，其中预算执行率${w.execution}分、产出指标${w.output}分、效益指标${w.effect}分、满意度指标${w.satisfaction}分。除预算执行率外的指标应根据权重自行合理设定分值。`,
    ),
    noteBlock("note2", `2.综合评价等级：${gradeNote(params)}。3.三级绩效指标按需自行增减行。个别不涉及的二级指标可删除不要。`),
    signatureLine(),
  ];
  return {
    kind: "selfEvaluation",
    name: SELF_EVALUATION_SHEET_NAME,
    title: `${y}${SELF_EVALUATION_TITLE_SUFFIX}`,
    widths: EVAL_WIDTHS,
    blocks,
    orientation: "landscape",
    printTitleRow: "indicatorHeader",
    mark: "附件2",
  };
}

export function gradeNote(params: TemplateParams): string {
  const bands = params.preset.grades.bands;
  return bands
    .map((b, i) => {
      if (b.min === null) return `${b.name}（${bands[i - 1]?.min ?? 0}分以下）`;
      return `${b.name}（${b.min}分${b.exclusive ? "以上，不含" : "及以上"}）`;
    })
    .join("、");
}
