/**
 * Row heights after the user types: Excel does not grow a merged or wrapped row by itself, so when a
 * row's text changes the task pane asks the core for the height its text needs (print.ts, the same
 * measure as on insert) and sets it, in one batch.
 */
import type { Grid } from "../grid";
import type { Package } from "../model";
import type { Preset } from "../preset";
import type { CellRef } from "../read/sheet";
import { packageLayouts } from "./workbook";

/** A row height to set: sheet name, 0-based row, points. */
export interface RowHeight {
  sheet: string;
  row: number;
  height: number;
}

/** What the reader found (readWorkbook's result, the parts used here). */
export interface ReadForms {
  pkg: Package;
  cellOf(path: string): CellRef | undefined;
  sheets: { name: string; kind: string; path: string }[];
}

/** The model path of a field of the sheet at `sheetPath` ("selfEvaluation", "projects.2"); 附件2's 单位名称 is the package's. */
function modelPath(sheetPath: string, field: string): string {
  return sheetPath === "selfEvaluation" && field === "unit" ? "unit" : `${sheetPath}.${field}`;
}

/**
 * The height each row of the recognised forms needs for the text it now holds (grid rows, as read:
 * rows the user inserted keep their own height). Rows are found through the fields they hold.
 */
export function formRowHeights(read: ReadForms, preset: Preset): RowHeight[] {
  const layouts = packageLayouts({ year: read.pkg.year, preset }, read.pkg);
  const order = [...(read.pkg.basic ? ["basic"] : []), ...(read.pkg.selfEvaluation ? ["selfEvaluation"] : []), ...read.pkg.projects.map((_, i) => `projects.${i}`)];
  const out = new Map<string, RowHeight>();
  order.forEach((sheetPath, i) => {
    const layout = layouts[i];
    if (!layout || !read.sheets.some((s) => s.path === sheetPath)) return;
    for (const [field, pos] of Object.entries(layout.fields)) {
      const ref = read.cellOf(modelPath(sheetPath, field));
      if (!ref) continue;
      const row = Number(/\d+$/.exec(ref.cell)?.[0]) - 1;
      const height = layout.heights[pos.row];
      const key = `${ref.sheet}\u0000${row}`;
      const known = out.get(key);
      if (!known || known.height < height) out.set(key, { sheet: ref.sheet, row, height });
    }
  });
  return [...out.values()];
}

/** "sheet\0row" of every row whose texts differ between two readings of the workbook (a sheet new in `after` counts whole). */
export function rowsWithChangedText(before: Grid[], after: Grid[]): Set<string> {
  const rowText = (g: Grid, r: number) => (g.values[r] ?? []).map((v) => (v === null || v === undefined ? "" : String(v))).join("\u0001");
  const changed = new Set<string>();
  const old = new Map(before.map((g) => [g.sheet, g]));
  for (const g of after) {
    const prev = old.get(g.sheet);
    const rows = Math.max(g.values.length, prev?.values.length ?? 0);
    for (let r = 0; r < rows; r++) if (!prev || rowText(prev, r) !== rowText(g, r)) changed.add(`${g.sheet}\u0000${r}`);
  }
  return changed;
}

/**
 * The heights to set after an edit: the rows of the forms whose text changed since the last reading
 * (none on the first reading: a row the user sized by hand keeps its height until its text changes).
 */
export function heightsToRefit(before: Grid[] | null, after: Grid[], read: ReadForms, preset: Preset): RowHeight[] {
  if (before === null) return [];
  const changed = rowsWithChangedText(before, after);
  if (changed.size === 0) return [];
  return formRowHeights(read, preset).filter((h) => changed.has(`${h.sheet}\u0000${h.row}`));
}
