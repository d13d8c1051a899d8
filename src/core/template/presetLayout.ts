/**
 * A template laid out in a preset's own column order (四川: no 年初预算数, 分值 before 年度指标值; 云南:
 * 指标性质 / 指标值 / 度量单位, amounts in 元; 贵州: 年初预算数(A) / 全年执行数(B) / 得分计算方法). The
 * template's rows stay as they are; only the funds block's and the indicator table's columns move,
 * drop or are added, and formulas follow their fields. Reading needs nothing of this: the reader finds
 * columns by their header text whatever the order.
 */
import { D } from "../decimal";
import type { FormLayout } from "../preset";
import { columnKey } from "../read/headers";
import type { Block, CellDef, IndicatorBlock, RowDef, SheetTemplate } from "./types";

/** The text a 得分计算方法 column states for proportional, capped scoring (read back as proportional). */
export const PROPORTIONAL_METHOD_TEXT = "执行率×该指标分值，最高不得超过分值上限";

const INDICATOR_FIELDS: Record<string, keyof IndicatorBlock["columns"]> = {
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "name",
  年度指标值: "target",
  实际完成值: "actual",
  分值: "weight",
  得分: "score",
  偏差原因: "reason",
};

/** Is this the add-in's own layout (nothing to move)? */
function isTemplateLayout(t: SheetTemplate, layout: FormLayout): boolean {
  return layout.id === "hunan-2024" || layout.id === "hubei-2019" || t.kind === "basic" || t.kind === "material";
}

/** `template` with its funds and indicator columns in `layout`'s order and words. */
export function withLayout(template: SheetTemplate, layout: FormLayout): SheetTemplate {
  if (isTemplateLayout(template, layout)) return template;
  const firstFundCol = 2;
  const fundCols = new Map(layout.funds.map((c, i) => [c.key, firstFundCol + i]));
  const fundsEnd = firstFundCol + layout.funds.length;
  const indicatorCols = new Map(layout.indicators.map((c, i) => [c.key, 1 + i]));
  const width = Math.max(template.widths.length, fundsEnd, 1 + layout.indicators.length);

  let fundRows = new Set<string>();
  let fundHeaderCols = new Map<number, string>(); // old col → key
  let totalRow: { weight: number; score: number } | null = null;
  const blocks: Block[] = [];

  for (const block of template.blocks) {
    if (block.kind === "indicators") {
      const columns = { ...block.columns };
      for (const [key, field] of Object.entries(INDICATOR_FIELDS)) columns[field] = indicatorCols.get(key) ?? -1;
      const header: RowDef = {
        ...block.header,
        cells: layout.indicators.map((c, i) => ({ col: 1 + i, label: c.text, style: "header" as const })),
      };
      blocks.push({ ...block, header, columns });
      const w = indicatorCols.get("分值");
      const s = indicatorCols.get("得分");
      if (w !== undefined && s !== undefined) totalRow = { weight: w, score: s };
      continue;
    }
    if (block.kind !== "row") {
      blocks.push(block);
      continue;
    }
    const row = block.row;
    if (row.headerOf && row.key === "fundsHeader") {
      fundRows = new Set(row.headerOf);
      fundHeaderCols = new Map();
      const kept: CellDef[] = [];
      for (const cell of row.cells) {
        const key = cell.label !== undefined && cell.col >= firstFundCol ? columnKey(cell.label) : null;
        if (key) fundHeaderCols.set(cell.col, key);
        else kept.push(cell.col === 0 && template.kind === "project" ? { ...cell, label: layout.fundsLabel } : cell);
      }
      const headers = layout.funds.map((c, i): CellDef => ({ col: firstFundCol + i, label: c.text, style: "header" }));
      stretchLast(headers, width);
      blocks.push({ kind: "row", row: { ...row, cells: [...kept, ...headers] } });
      continue;
    }
    if (fundRows.has(row.key)) {
      const cells: CellDef[] = [];
      for (const cell of row.cells) {
        const key = fundHeaderCols.get(cell.col);
        if (key === undefined) {
          cells.push(cell);
          continue;
        }
        const col = fundCols.get(key);
        if (col !== undefined) cells.push({ ...cell, col, span: undefined });
      }
      // The scored row states how its score is computed when the layout has that column (贵州).
      const method = fundCols.get("得分计算方法");
      if (method !== undefined && row.cells.some((c) => c.field?.endsWith("weight"))) cells.push({ col: method, label: PROPORTIONAL_METHOD_TEXT, style: "note" });
      stretchLast(cells, width);
      blocks.push({ kind: "row", row: { ...row, cells } });
      continue;
    }
    if (totalRow && (row.key === "total" || row.key === "grade")) {
      const t = totalRow;
      const cells = row.cells.map((cell): CellDef => {
        if (cell.label !== undefined) return { ...cell, span: Math.min(t.weight, t.score) };
        if (cell.field === "total.weight") return { ...cell, col: t.weight };
        if (cell.field === "total.score") return { ...cell, col: t.score };
        return { ...cell, col: Math.min(t.weight, t.score), span: Math.abs(t.score - t.weight) + 1 };
      });
      blocks.push({ kind: "row", row: { ...row, cells } });
      continue;
    }
    blocks.push({ kind: "row", row: widen(row, template.widths.length, width) });
  }
  // Each indicator column keeps the width it has in the template (三级指标 wide, 分值 narrow); new ones are narrow.
  const widths = [...template.widths];
  while (widths.length < width) widths.push(10);
  const oldIndicators = template.blocks.find((b): b is IndicatorBlock => b.kind === "indicators")?.columns;
  if (oldIndicators) {
    layout.indicators.forEach((c, i) => {
      const field = INDICATOR_FIELDS[c.key];
      widths[1 + i] = field ? template.widths[oldIndicators[field]] ?? 10 : 8;
    });
  }
  return { ...template, widths, blocks };
}

/** A row whose last cell reaches the template's right edge (title, goals, notes) reaches the wider table's edge too. */
function widen(row: RowDef, oldWidth: number, width: number): RowDef {
  if (width === oldWidth) return row;
  const cells = row.cells.map((c) => (c.col + (c.span ?? 1) === oldWidth ? { ...c, span: width - c.col } : c));
  return { ...row, cells };
}

/** The rightmost cell of a row spans to the table's last column (as 得分 spans H:I in the template). */
function stretchLast(cells: CellDef[], width: number): void {
  let last: CellDef | null = null;
  for (const c of cells) if (!last || c.col > last.col) last = c;
  if (last && last.col < width - 1) {
    const i = cells.indexOf(last);
    cells[i] = { ...last, span: width - last.col };
  }
}

/** A project's data with its amounts in the layout's unit (云南: 元 = 万元 × 10000, exact in decimal). */
export function inLayoutUnit<T>(data: T, layout: FormLayout): T {
  if (layout.amountUnit === "万元" || data === null || data === undefined) return data;
  const copy = JSON.parse(JSON.stringify(data)) as { funds?: Record<string, Record<string, unknown>> };
  for (const row of Object.values(copy.funds ?? {})) {
    for (const k of ["initialBudget", "fullBudget", "executed"]) {
      const v = row?.[k];
      if (typeof v === "number") row[k] = new D(String(v)).times(10000).toNumber();
    }
  }
  return copy as T;
}
