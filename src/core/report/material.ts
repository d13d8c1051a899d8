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
  duties: string; // 职能职责
  organization: string; // 机构设置
  staffNotes: string; // 人员情况说明
  goals: string; // 年度绩效目标
  achievements: string[]; // 主要成绩 (several)
  problems: string; // 存在的问题及原因分析
  improvements: string; // 下一步改进措施
  resultUse: string; // 结果应用和公开
  other: string; // 其他需要说明的情况
}

type TextKey = Exclude<keyof ReportMaterial, "achievements">;

/** One labelled text row per item, in the order of the report; `hint` goes into the note column. */
export const MATERIAL_ITEMS: { key: TextKey | "achievements"; label: string; hint: string }[] = [
  { key: "duties", label: "职能职责", hint: "每条职责一行（单元格内换行）" },
  { key: "organization", label: "机构设置", hint: "内设机构、所属单位" },
  { key: "staffNotes", label: "人员情况说明", hint: "编制数和在职人数由基础数据表生成，这里写离退休人员、人员变动等" },
  { key: "goals", label: "年度绩效目标", hint: "留空则使用自评表的年初目标" },
  { key: "achievements", label: "主要成绩", hint: "每项成绩一行，可插入行" },
  { key: "problems", label: "存在的问题", hint: "存在的问题及原因分析" },
  { key: "improvements", label: "改进措施", hint: "下一步改进措施" },
  { key: "resultUse", label: "结果应用和公开", hint: "留空则使用通用表述" },
  { key: "other", label: "其他需要说明的情况", hint: "留空则写“无”" },
];

/** How many 主要成绩 rows an empty sheet offers. */
export const ACHIEVEMENT_ROWS = 5;

/** 96 characters: within A4's printable width upright (template/print.ts). */
const WIDTHS = [16, 80];

function textRow(key: string, label: string, field: string, height: number): RowDef {
  return {
    key,
    height,
    cells: [
      { col: 0, label, style: "label" },
      { col: 1, field, type: "text", style: "input" },
    ],
  };
}

export function materialTemplate(params: { year: number }): SheetTemplate {
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", height: 30, match: [/报告素材$/], cells: [{ col: 0, span: 2, label: `${params.year}${MATERIAL_TITLE_SUFFIX}`, style: "title" }] } },
    {
      kind: "row",
      row: {
        key: "note",
        height: 45,
        match: [/^说明/],
        cells: [
          {
            col: 0,
            span: 2,
            label: "说明：本表填写只有本单位才知道的情况；报告中的数字一律取自基础数据表和自评表，不在此填写。" + MATERIAL_ITEMS.map((i) => `${i.label}：${i.hint}`).join("；") + "。",
            style: "note",
          },
        ],
      },
    },
  ];
  for (const item of MATERIAL_ITEMS) {
    if (item.key === "achievements") {
      blocks.push({ kind: "list", path: "achievements", count: ACHIEVEMENT_ROWS, item: textRow("achievement", item.label, "text", 60) });
    } else {
      blocks.push({ kind: "row", row: textRow(item.key, item.label, item.key, item.key === "duties" ? 120 : 60) });
    }
  }
  return { kind: "material", name: MATERIAL_SHEET_NAME, title: `${params.year}${MATERIAL_TITLE_SUFFIX}`, widths: WIDTHS, blocks };
}

export function emptyMaterial(): ReportMaterial {
  return { duties: "", organization: "", staffNotes: "", goals: "", achievements: [], problems: "", improvements: "", resultUse: "", other: "" };
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
