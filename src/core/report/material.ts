/**
 * 报告素材: what only the department knows (职能职责, 主要成绩, 存在的问题 …),
 * filled in as text next to the forms. Declared as a template like the forms, so
 * that the same layout writes it and the same label-based reader reads it back.
 */
import { normalizeLabel, textAt, type Grid } from "../grid";
import { readSheet } from "../read/sheet";
import { layoutSheet, type SheetLayout } from "../template/layout";
import type { Block, RowDef, SheetTemplate } from "../template/types";

export const MATERIAL_SHEET_NAME = "报告素材";
export const MATERIAL_TITLE_SUFFIX = "年度部门整体支出绩效自评报告素材";

/** The texts of 报告素材, one per item; 主要成绩 one entry per achievement. */
export interface ReportMaterial {
  noticeTitle: string; // 文件依据：通知名称（《湖南省财政厅关于开展2024年度省级预算部门绩效自评和部门评价的通知》）
  noticeNumber: string; // 文件依据：文号（湘财绩〔2025〕1号）
  period: string; // 评价时段（2025年3月至2025年4月）
  organizationWork: string; // 工作组织（成立绩效评价工作小组……）
  duties: string; // 职能职责
  organization: string; // 机构设置
  staffNotes: string; // 人员情况说明
  staffBudget: string; // 人员经费预算数（万元）: the tables do not hold it, never derived
  staffFinal: string; // 人员经费实际支出（万元）
  stateCapitalExpense: string; // 国有资本经营预算支出（万元）: 附件1/附件2 do not hold it; 0 → 报告写“无”
  socialInsuranceExpense: string; // 社会保险基金预算支出（万元）: likewise
  goals: string; // 年度绩效目标
  achievements: string[]; // 主要成绩 (several)
  problems: string; // 存在的问题及原因分析
  improvements: string; // 下一步改进措施
  resultUse: string; // 结果应用和公开
  other: string; // 其他需要说明的情况
  signatureUnit: string; // 落款单位（留空用单位名称）
  signatureDate: string; // 成文日期（2025年4月17日；留空用基础数据表的填报日期）
}

type TextKey = Exclude<keyof ReportMaterial, "achievements">;

/** One labelled text row per item, in the order of the report; `hint` goes into the note column. */
export const MATERIAL_ITEMS: { key: TextKey | "achievements"; label: string; hint: string }[] = [
  { key: "noticeTitle", label: "通知名称", hint: "本次自评依据的通知，如《湖南省财政厅关于开展2024年度省级预算部门绩效自评和部门评价的通知》" },
  { key: "noticeNumber", label: "通知文号", hint: "如湘财绩〔2025〕1号" },
  { key: "period", label: "评价时段", hint: "如2025年3月至2025年4月" },
  { key: "organizationWork", label: "工作组织", hint: "谁组织、怎样开展的自评，如成立绩效评价工作小组" },
  { key: "duties", label: "职能职责", hint: "每条职责一行（单元格内换行）" },
  { key: "organization", label: "机构设置", hint: "内设机构、所属单位" },
  { key: "staffNotes", label: "人员情况说明", hint: "编制数和在职人数由基础数据表生成，这里写离退休人员、人员变动等" },
  { key: "staffBudget", label: "人员经费预算数", hint: "万元，表格中没有这个数，按决算填写；留空则报告不写人员经费" },
  { key: "staffFinal", label: "人员经费实际支出", hint: "万元，按决算填写" },
  { key: "stateCapitalExpense", label: "国有资本经营预算支出", hint: "万元，没有则填0（报告写“无”）；有决算公开08表时取自该表" },
  { key: "socialInsuranceExpense", label: "社会保险基金预算支出", hint: "万元，没有则填0（报告写“无”）" },
  { key: "goals", label: "年度绩效目标", hint: "留空则使用自评表的年初目标" },
  { key: "achievements", label: "主要成绩", hint: "每项成绩一行，可插入行" },
  { key: "problems", label: "存在的问题", hint: "存在的问题及原因分析" },
  { key: "improvements", label: "改进措施", hint: "下一步改进措施" },
  { key: "resultUse", label: "结果应用和公开", hint: "留空则使用通用表述" },
  { key: "other", label: "其他需要说明的情况", hint: "留空则写“无”" },
  { key: "signatureUnit", label: "落款单位", hint: "留空则用单位名称" },
  { key: "signatureDate", label: "成文日期", hint: "如2025年4月17日；留空则用基础数据表的填报日期" },
];

/** How many 主要成绩 rows an empty sheet offers. */
export const ACHIEVEMENT_ROWS = 5;

/** 项目 | 内容 (the input) | 填写说明 (each item's hint, next to its cell): 96 characters, within A4's printable width upright (template/print.ts). */
const WIDTHS = [14, 52, 30];

/** Items of one line (a title, a number, a date): a short row. */
const SHORT_ITEMS = new Set<string>(["noticeTitle", "noticeNumber", "period", "staffBudget", "staffFinal", "stateCapitalExpense", "socialInsuranceExpense", "signatureUnit", "signatureDate"]);

/** Lines a text takes in a column of `width` characters (a Chinese character counts 2), at about 14 pt a line. */
function hintHeight(text: string, width: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return Math.ceil(w / (width - 2)) * 14 + 6;
}

function textRow(key: string, label: string, field: string, height: number, hint: string): RowDef {
  return {
    key,
    // Tall enough for the input's usual text and for the whole hint: nothing is clipped when printed.
    height: Math.max(height, hintHeight(hint, WIDTHS[2])),
    cells: [
      { col: 0, label, style: "label" },
      { col: 1, field, type: "text", style: "input" },
      { col: 2, label: hint, style: "note" },
    ],
  };
}

export function materialTemplate(params: { year: number }): SheetTemplate {
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", height: 30, match: [/报告素材$/], cells: [{ col: 0, span: 3, label: `${params.year}${MATERIAL_TITLE_SUFFIX}`, style: "title" }] } },
    {
      kind: "row",
      row: {
        key: "note",
        height: 32,
        match: [/^说明/],
        cells: [
          {
            col: 0,
            span: 3,
            label: "说明：本表填写只有本单位才知道的情况。报告中的数字取自基础数据表和自评表；表格中没有的数（人员经费、国有资本经营和社会保险基金预算支出）才在这里填写。留空的项目在报告中以红字【待填写】标出。",
            style: "note",
          },
        ],
      },
    },
  ];
  for (const item of MATERIAL_ITEMS) {
    if (item.key === "achievements") {
      blocks.push({ kind: "list", path: "achievements", count: ACHIEVEMENT_ROWS, item: textRow("achievement", item.label, "text", 60, item.hint) });
    } else {
      blocks.push({ kind: "row", row: textRow(item.key, item.label, item.key, item.key === "duties" ? 120 : SHORT_ITEMS.has(item.key) ? 20 : 60, item.hint) });
    }
  }
  return { kind: "material", name: MATERIAL_SHEET_NAME, title: `${params.year}${MATERIAL_TITLE_SUFFIX}`, widths: WIDTHS, blocks };
}

/**
 * The fields of 报告素材 as the sheet's own template declares them, in order: a text (one row), or a list
 * of texts (one row each, such as 主要成绩). The model JSON (jixiao export/import) and its schema are
 * derived from this, so that a field added to the template travels with the model without further code.
 */
export function materialFields(): { key: string; label: string; list: boolean }[] {
  const out: { key: string; label: string; list: boolean }[] = [];
  for (const block of materialTemplate({ year: 0 }).blocks) {
    const row = block.kind === "row" ? block.row : block.kind === "list" ? block.item : null;
    const field = row?.cells.find((c) => c.field);
    if (!row || !field) continue;
    const label = row.cells.find((c) => c.label)?.label ?? field.field!;
    out.push(block.kind === "list" ? { key: block.path, label, list: true } : { key: field.field!, label, list: false });
  }
  return out;
}

export function emptyMaterial(): ReportMaterial {
  return {
    noticeTitle: "",
    noticeNumber: "",
    period: "",
    organizationWork: "",
    duties: "",
    organization: "",
    staffNotes: "",
    staffBudget: "",
    staffFinal: "",
    stateCapitalExpense: "",
    socialInsuranceExpense: "",
    goals: "",
    achievements: [],
    problems: "",
    improvements: "",
    resultUse: "",
    other: "",
    signatureUnit: "",
    signatureDate: "",
  };
}

/** The sheet to insert, empty or holding a material (achievements one per row). */
export function materialLayout(params: { year: number }, material?: ReportMaterial | null, name = MATERIAL_SHEET_NAME): SheetLayout {
  const data = material ? { ...material, achievements: padAchievements(material.achievements).map((text) => ({ text })) } : undefined;
  return layoutSheet(materialTemplate(params), data, name);
}

function padAchievements(list: string[]): string[] {
  return list.length >= ACHIEVEMENT_ROWS ? list : [...list, ...Array<string>(ACHIEVEMENT_ROWS - list.length).fill("")];
}

/** Is this grid a 报告素材 sheet? By its title, or failing that by its labels (the user may rename the sheet). */
export function isMaterialSheet(grid: Grid): boolean {
  const labels = new Set(MATERIAL_ITEMS.map((i) => normalizeLabel(i.label)));
  let found = 0;
  const rows = Math.min(grid.values.length, 40);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < Math.min(grid.values[r]?.length ?? 0, 4); c++) {
      const t = normalizeLabel(textAt(grid, r, c));
      if (!t) continue;
      if (r < 5 && /报告素材$/.test(t)) return true;
      if (labels.has(t)) found++;
    }
  }
  return found >= 4;
}

/** Finds the 报告素材 sheet among the grids and reads it; null when there is none. */
export function readMaterial(grids: Grid[], year = 0): ReportMaterial | null {
  const grid = grids.find(isMaterialSheet);
  if (!grid) return null;
  const data = readSheet(grid, materialTemplate({ year })).data;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  const material = emptyMaterial();
  for (const item of MATERIAL_ITEMS) if (item.key !== "achievements") material[item.key] = text(data[item.key]);
  const rows = Array.isArray(data.achievements) ? (data.achievements as { text?: unknown }[]) : [];
  for (const row of rows) {
    const t = text(row?.text);
    if (t) material.achievements.push(t);
  }
  return material;
}
