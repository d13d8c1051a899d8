/** Parts common to 附件2 and 附件3: the 绩效指标 table, the 总分 and 等级 rows, the goals. */
import type { Block, FormulaDef, IndicatorBlock, RowDef, TemplateParams } from "./types";
import { twin } from "../finalize";

/** The nine columns A–I of 附件2 and 附件3. */
export const EVAL_WIDTHS = [12, 18, 16, 26, 14, 14, 8, 8, 26];

export const INDICATOR_COLUMNS = { level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8 };

export function indicatorBlock(
  skeleton: IndicatorBlock["skeleton"],
  sideLabel: string | null,
  params: TemplateParams,
): IndicatorBlock {
  const header: RowDef = {
    key: "indicatorHeader",
    match: ["一级指标"],
    headerOf: ["total"],
    cells: [
      { col: 1, label: "一级指标", style: "header" },
      { col: 2, label: "二级指标", style: "header" },
      { col: 3, label: "三级指标", style: "header" },
      { col: 4, label: "年度指标值", style: "header" },
      { col: 5, label: "实际完成值", style: "header" },
      { col: 6, label: "分值", style: "header" },
      { col: 7, label: "得分", style: "header" },
      { col: 8, label: "偏差原因分析及改进措施", style: "header" },
    ],
  };
  // Broken before the parenthesis: the narrow column A would break "绩效指标（90分 / ）".
  const side = sideLabel?.replace(/（/, "\n（") ?? null;
  return { kind: "indicators", path: "indicators", header, skeleton, rowsPerGroup: params.indicatorRows ?? 2, columns: INDICATOR_COLUMNS, sideLabel: side };
}

/** The goals: a header row and the text row. */
export function goalBlocks(plannedLabel: string, achievedLabel: string): Block[] {
  return [
    {
      kind: "row",
      row: {
        key: "goalsHeader",
        match: ["年度总体目标"],
        cells: [
          { col: 0, rowSpan: 2, label: "年度总体目标", style: "header" },
          { col: 1, span: 4, label: plannedLabel, style: "header" },
          { col: 5, span: 4, label: achievedLabel, style: "header" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "goals",
        match: [],
        height: 60, // room to write by hand; grows with the text (print.ts)
        cells: [
          { col: 1, span: 4, field: "goals.planned", type: "text", style: "input" },
          { col: 5, span: 4, field: "goals.achieved", type: "text", style: "input" },
        ],
      },
    },
  ];
}

/**
 * 总分 = 执行率得分 + Σ indicator 得分; 分值 likewise; 等级 from the preset's scheme.
 * `exec` is the path of the scored budget row ("funds" or "funds.total").
 */
export function totalBlocks(exec: string, params: TemplateParams): Block[] {
  // Blank until an indicator row holds a 分值/得分: the 执行率 row alone (its 分值 is pre-filled)
  // is not a total, and a blank form must show no 总分 and no 等级 (COUNT: the cells are numbers or blank).
  const weightSum = twin(`=IF(COUNT({indicators.*.weight})=0,"",SUM({${exec}.weight},{indicators.*.weight}))`, params.preset);
  const scoreSum = twin(`=IF(COUNT({indicators.*.score})=0,"",ROUND(SUM({${exec}.score},{indicators.*.score}),2))`, params.preset);
  const total: RowDef = {
    key: "total",
    match: ["总分"],
    cells: [
      { col: 0, span: 6, label: "总分", style: "header" },
      { col: 6, field: "total.weight", type: "weight", style: "computed", formula: weightSum },
      { col: 7, field: "total.score", type: "score", style: "computed", formula: scoreSum },
    ],
  };
  const grade: RowDef = {
    key: "grade",
    match: ["评价等级", "自评等级", "等级"],
    cells: [
      { col: 0, span: 6, label: "评价等级", style: "header" },
      {
        col: 6,
        span: 2,
        field: "total.grade",
        type: "grade",
        style: "computed",
        formula: twin(`=IF({total.score}="","",JX.GRADE({total.score},"${params.preset.grades.id}"))`, params.preset),
      },
    ],
  };
  return [
    { kind: "row", row: total },
    { kind: "row", row: grade },
  ];
}

/** 执行率 and 得分 formulas over a scored budget row at `base` ("funds." / "funds.total."). */
export function executionFormulas(base: string, params: TemplateParams): { rate: FormulaDef; score: FormulaDef } {
  const den = `{${base}${params.preset.executionDenominator}}`;
  const num = `{${base}executed}`;
  const w = `{${base}weight}`;
  const blank = `OR(${num}="",${den}="")`;
  return {
    rate: twin(`=IF(${blank},"",JX.RATE(${num},${den}))`, params.preset),
    score: twin(`=IF(${blank},"",JX.EXECSCORE(${num},${den},${w}))`, params.preset),
  };
}

/**
 * A sum that stays blank until one of its parts is filled (a blank form shows no 0.00).
 * Guarded with COUNT of the parts: a SUM is 0, never "", so `IF(x="",…)` on it would not do.
 */
export function blankSum(...paths: string[]): string {
  const parts = paths.map((p) => `{${p}}`).join(",");
  return `=IF(COUNT(${parts})=0,"",SUM(${parts}))`;
}

/**
 * The 填表人/填报日期 line of a form that the model does not hold (附件2): labelled boxes to fill in by
 * hand or by typing, not read back.
 */
export function signatureLine(): Block {
  return {
    kind: "row",
    row: {
      key: "signature",
      match: ["填表人"],
      cells: [
        { col: 0, span: 2, label: "填表人", style: "label" },
        { col: 2, span: 3 }, // one box to write the name in
        { col: 5, label: "填报日期", style: "label" },
        { col: 6, span: 3 },
      ],
    },
  };
}

export function noteBlock(key: string, text: string): Block {
  return { kind: "row", row: { key, match: [new RegExp(`^${text.slice(0, 6).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)], cells: [{ col: 0, span: 9, label: text, style: "note" }] } };
}
