/**
 * 决算说明素材: what the 情况说明 needs and the nine tables do not hold — the previous year's
 * totals and the 年初预算 of each 功能分类 项 (万元). Declared as a template like the 报告素材, so the
 * same layout writes it and the same label reader (readSheet / readSheetInto) reads it back.
 */
import { amountOrNull } from "../amount";
import { normalizeLabel, type Grid } from "../grid";
import type { Raw } from "../model";
import { readSheet } from "../read/sheet";
import { layoutSheet, type SheetLayout } from "../template/layout";
import type { Block, SheetTemplate } from "../template/types";
import type { FaNarrativeExtra } from "./narrate";

export const FA_MATERIAL_SHEET_NAME = "决算说明素材";
export const FA_MATERIAL_TITLE_SUFFIX = "年度部门决算情况说明素材";

/** The single figures, in the order of the 情况说明. */
export const FA_MATERIAL_ITEMS: { key: Exclude<keyof FaNarrativeExtra, "initialBudgets">; label: string; hint: string }[] = [
  { key: "prevTotal", label: "上年收支总计", hint: "上年收入支出决算总表的总计，用于“一、收入支出决算总体情况”的增减" },
  { key: "prevFiscalTotal", label: "上年财政拨款收支总计", hint: "用于“四、财政拨款收入支出决算总体情况”的增减" },
  { key: "prevGeneralExpense", label: "上年一般公共预算财政拨款支出", hint: "用于“五、（一）”的增减" },
  { key: "initialBudget", label: "一般公共预算财政拨款支出年初预算数", hint: "用于“完成年初预算的…%”" },
  { key: "prevOperatingFunds", label: "上年机关运行经费", hint: "用于“十、机关运行经费”的增减" },
];

const WIDTHS = [36, 30, 16, 50];

export function faMaterialTemplate(params: { year: number }, budgetRows = 10): SheetTemplate {
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", height: 30, match: [/决算情况说明素材$/], cells: [{ col: 0, span: 4, label: `${params.year}${FA_MATERIAL_TITLE_SUFFIX}`, style: "title" }] } },
    { kind: "row", row: { key: "note", height: 30, match: [/^说明/], cells: [{ col: 0, span: 4, label: "说明：本表填写决算表中没有、情况说明却要用到的数字（万元）；留空的在情况说明中标为【请填写】。", style: "note" }] } },
    {
      kind: "row",
      row: { key: "header", cells: [{ col: 0, label: "项目", style: "header" }, { col: 1, span: 2, label: "金额（万元）", style: "header" }, { col: 3, label: "用途", style: "header" }] },
    },
  ];
  for (const item of FA_MATERIAL_ITEMS) {
    blocks.push({
      kind: "row",
      row: { key: item.key, cells: [{ col: 0, label: item.label, style: "label" }, { col: 1, span: 2, field: item.key, type: "amount", style: "input" }, { col: 3, label: item.hint, style: "note" }] },
    });
  }
  blocks.push(
    { kind: "row", row: { key: "budgetHeader", match: ["功能分类科目编码"], cells: [{ col: 0, label: "功能分类科目编码", style: "header" }, { col: 1, label: "科目名称", style: "header" }, { col: 2, label: "年初预算数", style: "header" }, { col: 3, label: "说明", style: "header" }] } },
    {
      kind: "list",
      path: "initialBudgets",
      count: budgetRows,
      item: { key: "budget", cells: [{ col: 0, field: "code", type: "text", style: "input" }, { col: 1, field: "name", type: "text", style: "input" }, { col: 2, field: "budget", type: "amount", style: "input" }] },
    },
  );
  return { kind: "material", name: FA_MATERIAL_SHEET_NAME, title: `${params.year}${FA_MATERIAL_TITLE_SUFFIX}`, widths: WIDTHS, blocks };
}

/** The sheet to insert; its 项 rows prefilled with the codes and names given (from 公开05表). */
export function faMaterialLayout(params: { year: number }, items: { code: string; name: string }[] = []): SheetLayout {
  const rows = items.length > 0 ? items.map((i) => ({ ...i, budget: null })) : undefined;
  return layoutSheet(faMaterialTemplate(params, Math.max(items.length, 10)), rows ? { initialBudgets: rows } : undefined);
}

/** Is this grid the 决算说明素材 sheet (its title in the first rows)? */
export function isFaMaterialSheet(grid: Grid): boolean {
  return grid.values.slice(0, 3).some((row) => row.some((v) => typeof v === "string" && /决算情况说明素材$/.test(normalizeLabel(v))));
}

/** Reads the 决算说明素材 sheet into the generator's extra figures; null when there is none. */
export function readFaMaterial(grids: Grid[]): FaNarrativeExtra | null {
  const grid = grids.find(isFaMaterialSheet);
  if (!grid) return null;
  const data = readSheet(grid, faMaterialTemplate({ year: 0 })).data;
  const extra: FaNarrativeExtra = {};
  for (const item of FA_MATERIAL_ITEMS) extra[item.key] = (data[item.key] as Raw | undefined) ?? null;
  const budgets: Record<string, Raw> = {};
  for (const row of (data.initialBudgets as { code?: unknown; budget?: Raw }[] | undefined) ?? []) {
    const code = typeof row.code === "number" ? String(row.code) : typeof row.code === "string" ? row.code.replace(/\s+/g, "") : "";
    if (/^\d{3,7}$/.test(code) && amountOrNull(row.budget ?? null) !== null) budgets[code] = row.budget ?? null;
  }
  extra.initialBudgets = budgets;
  return extra;
}
