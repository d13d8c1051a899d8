/**
 * Template + optional data → a concrete sheet layout: every cell's position,
 * style, value or formula (both flavours), the merges, widths and heights.
 * Hosts (the Excel adapter, the exceljs writer) only apply a layout; they
 * never decide what goes where.
 */
import { parseAmount } from "../amount";
import { cellAddress, columnName, type CellScalar, type Grid } from "../grid";
import type { Raw } from "../model";
import { BLANK_FILL, fitRowHeights, PAGE_MARGINS, type PageSetup, type TextCell } from "./print";
import type { CellDef, CellStyle, FormulaDef, IndicatorBlock, SheetKind, SheetTemplate, ValueType } from "./types";

export interface LayoutCell {
  row: number;
  col: number;
  style: CellStyle;
  /** The value to write (labels, data). Null where the cell is blank or holds a formula. */
  value: CellScalar;
  formula?: FormulaDef; // resolved to addresses
  type?: ValueType;
  field?: string; // full path in the sheet's data, e.g. "indicators.3.score"
  /**
   * "top" for the 一级/二级 headings merged down the indicator table: a page break may fall inside
   * such a merge, and text centred in it would be cut in two (its first row is tall enough instead).
   */
  vertical?: "top";
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Cells shaded while blank: the writers add a conditional format with `formula` over the area (one
 * column of top-left cells of a run of rows), so that a filled form prints without fills.
 */
export interface FillArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
  color: string; // "#RRGGBB"
  /** Condition for the area's top-left cell, relative references ("LEN(B3)=0"). */
  formula: string;
}

export interface SheetLayout {
  kind: SheetKind;
  name: string;
  title: string;
  /** Column widths in characters (Excel's unit). */
  widths: number[];
  /** Height in points of every row, from the text it holds (print.ts fitRowHeights). */
  heights: Record<number, number>;
  page: PageSetup;
  fills: FillArea[];
  rowCount: number;
  colCount: number;
  cells: LayoutCell[];
  merges: MergeRange[];
  /** Cells drawn as one box over several rows without being merged (no inner horizontal borders). */
  groups: MergeRange[];
  /** Field path → position: where each figure lives. */
  fields: Record<string, { row: number; col: number }>;
}

export type FormulaFlavour = "jx" | "native";

type Data = object | null | undefined;

const NUMERIC_TYPES: ReadonlySet<ValueType> = new Set(["amount", "count", "rate", "score", "weight", "area"]);

/** Paths split once (the checker asks for the same ones often); emptied when it reaches SPLIT_LIMIT entries. */
const SPLIT = new Map<string, string[]>();
const SPLIT_LIMIT = 50_000;

/** Reads "a.b.3.c" from nested data; undefined when a step is missing or not an object. */
export function getPath(data: unknown, path: string): unknown {
  let parts = SPLIT.get(path);
  if (!parts) {
    if (SPLIT.size >= SPLIT_LIMIT) SPLIT.clear();
    SPLIT.set(path, (parts = path.split(".")));
  }
  let cur: unknown = data;
  for (const part of parts) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** What a typed value becomes in a cell: numeric text in a number cell is stored as the number Excel would make of it. */
export function cellValueFor(type: ValueType | undefined, raw: unknown): CellScalar {
  if (raw === undefined || raw === null || raw === "") return null;
  if (type && NUMERIC_TYPES.has(type) && typeof raw === "string") {
    const p = parseAmount(raw);
    if (p.kind === "number") return p.value.toNumber();
    return raw;
  }
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  return String(raw);
}

export function layoutSheet(template: SheetTemplate, data?: Data, name = template.name): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: MergeRange[] = [];
  const groups: MergeRange[] = [];
  const heights: Record<number, number> = {};
  const fields: SheetLayout["fields"] = {};
  const lists: Record<string, { first: number; last: number }> = {};
  const rowOfKey: Record<string, number> = {};
  let row = 0;

  const place = (def: CellDef, r: number, base: string) => {
    if (def.span && def.span > 1) merges.push({ top: r, left: def.col, bottom: r + (def.rowSpan ?? 1) - 1, right: def.col + def.span - 1 });
    else if (def.rowSpan && def.rowSpan > 1) merges.push({ top: r, left: def.col, bottom: r + def.rowSpan - 1, right: def.col });
    if (def.groupRows && def.groupRows > 1) groups.push({ top: r, left: def.col, bottom: r + def.groupRows - 1, right: def.col });
    if (def.label !== undefined) {
      cells.push({ row: r, col: def.col, style: def.style ?? "label", value: def.label, ...(def.vertical ? { vertical: def.vertical } : {}) });
      return;
    }
    if (def.field === undefined) return;
    const field = base + def.field;
    fields[field] = { row: r, col: def.col };
    const value = cellValueFor(def.type, getPath(data, field));
    const useFormula = value === null && def.formula !== undefined;
    cells.push({ row: r, col: def.col, style: def.style ?? "input", value, type: def.type, field, formula: useFormula ? def.formula : undefined });
  };

  for (const block of template.blocks) {
    if (block.kind === "row") {
      for (const def of block.row.cells) place(def, row, "");
      if (block.row.height) heights[row] = block.row.height;
      rowOfKey[block.row.key] = row;
      row++;
    } else if (block.kind === "list") {
      const items = getPath(data, block.path);
      const count = Array.isArray(items) ? items.length : block.count;
      for (let i = 0; i < count; i++) {
        for (const def of block.item.cells) place(def, row, `${block.path}.${i}.`);
        if (block.item.height) heights[row] = block.item.height; // e.g. 主要成绩: room for a paragraph
        row++;
      }
    } else {
      rowOfKey[block.header.key] = row;
      row = placeIndicators(block, data, row, place, heights, lists);
    }
  }

  const resolved = cells.map((c) => (c.formula ? { ...c, formula: resolveFormula(c.formula, fields, lists) } : c));
  const titleRow = template.printTitleRow === undefined ? undefined : rowOfKey[template.printTitleRow];
  const page: PageSetup = {
    paper: "A4",
    orientation: template.orientation ?? "portrait",
    margins: PAGE_MARGINS,
    fitToWidth: 1,
    fitToHeight: 0,
    centerHorizontally: true,
    blackAndWhite: true,
    titleRows: titleRow === undefined ? null : { first: titleRow, last: titleRow },
    firstPageMark: template.mark ?? null,
  };
  const fitted = fitRowHeights(textCells(resolved, merges), template.widths, row, heights);
  return {
    kind: template.kind,
    name,
    title: template.title,
    widths: template.widths,
    heights: Object.fromEntries(fitted.map((h, r) => [r, h])),
    page,
    fills: fillAreas(resolved, fields),
    rowCount: row,
    colCount: template.widths.length,
    cells: resolved,
    merges,
    groups,
    fields,
  };
}

/** Styles of the lines around the table (title, notes): printed without borders. */
export const OUTSIDE_TABLE: ReadonlySet<CellStyle> = new Set<CellStyle>(["title", "note"]);

/** The bordered parts of a sheet: runs of rows holding no title or note, across all columns. */
export function tableAreas(layout: Pick<SheetLayout, "cells" | "rowCount" | "colCount">): MergeRange[] {
  const outside = new Set(layout.cells.filter((c) => OUTSIDE_TABLE.has(c.style)).map((c) => c.row));
  const areas: MergeRange[] = [];
  for (let r = 0; r < layout.rowCount; r++) {
    if (outside.has(r)) continue;
    const last = areas[areas.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else areas.push({ top: r, left: 0, bottom: r, right: layout.colCount - 1 });
  }
  return areas;
}

/** The texts of a layout with their merged extents, for the row heights. */
export function textCells(cells: LayoutCell[], merges: MergeRange[]): TextCell[] {
  const mergeAt = new Map(merges.map((m) => [`${m.top}:${m.left}`, m]));
  const out: TextCell[] = [];
  for (const c of cells) {
    if (typeof c.value !== "string" || c.value === "") continue;
    const m = mergeAt.get(`${c.row}:${c.col}`);
    out.push({ row: c.row, col: c.col, text: c.value, style: c.style, bottom: m?.bottom, right: m?.right, top: c.vertical === "top" });
  }
  return out;
}

/**
 * Runs of input (or computed) cells down one column, each shaded while blank. A 偏差原因 is only
 * needed below full marks: it is shaded while blank and its row is unscored or scored below its 分值,
 * so a finished form's full-mark rows print white even in LibreOffice (which ignores black-and-white).
 */
function fillAreas(cells: LayoutCell[], fields: SheetLayout["fields"]): FillArea[] {
  const groups = new Map<string, { color: string; col: number; rows: number[]; formula: (row: number) => string }>();
  for (const c of cells) {
    const color = BLANK_FILL[c.style];
    if (!color || c.field === undefined) continue;
    const reason = /^(.+\.\d+)\.reason$/.exec(c.field);
    const score = reason && fields[`${reason[1]}.score`];
    const weight = reason && fields[`${reason[1]}.weight`];
    const key = `${color}|${c.col}|${score && weight ? "reason" : "blank"}`;
    let g = groups.get(key);
    if (!g) {
      const self = (r: number) => cellAddress(r, c.col);
      const formula =
        score && weight
          ? (r: number) => `AND(LEN(${self(r)})=0,OR(LEN(${cellAddress(r, score.col)})=0,${cellAddress(r, score.col)}<${cellAddress(r, weight.col)}))`
          : (r: number) => `LEN(${self(r)})=0`;
      groups.set(key, (g = { color, col: c.col, rows: [], formula }));
    }
    g.rows.push(c.row);
  }
  const areas: FillArea[] = [];
  for (const g of groups.values()) {
    const rows = g.rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      areas.push({ top: start, left: g.col, bottom: rows[i - 1], right: g.col, color: g.color, formula: g.formula(start) });
      start = rows[i];
    }
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

function placeIndicators(
  block: IndicatorBlock,
  data: Data,
  startRow: number,
  place: (def: CellDef, r: number, base: string) => void,
  heights: Record<number, number>,
  lists: Record<string, { first: number; last: number }>,
): number {
  const given = getPath(data, block.path);
  const rows: { level1: string; level2: string; index: number }[] = [];
  if (Array.isArray(given) && given.length > 0) {
    given.forEach((ind: { level1?: string; level2?: string }, index) => rows.push({ level1: ind.level1 ?? "", level2: ind.level2 ?? "", index }));
  } else {
    let index = 0;
    for (const g of block.skeleton) for (const l2 of g.level2) for (let k = 0; k < block.rowsPerGroup; k++) rows.push({ level1: g.level1, level2: l2, index: index++ });
  }
  let r = startRow;
  const c = block.columns;
  if (block.sideLabel !== null) place({ col: 0, rowSpan: rows.length + 1, label: block.sideLabel, style: "header", vertical: "top" }, r, "");
  for (const def of block.header.cells) place(def, r, "");
  if (block.header.height) heights[r] = block.header.height;
  r++;
  const first = r;
  const inputs: [keyof IndicatorBlock["columns"], ValueType][] = [
    ["name", "text"],
    ["target", "indicatorValue"],
    ["actual", "indicatorValue"],
    ["weight", "weight"],
    ["score", "score"],
    ["reason", "text"],
  ];
  rows.forEach((ind, i) => {
    const base = `${block.path}.${ind.index}.`;
    const startsL1 = i === 0 || rows[i - 1].level1 !== ind.level1;
    const startsL2 = startsL1 || rows[i - 1].level2 !== ind.level2;
    if (startsL1) place(groupCell(c.level1, rows, i, (a, b) => a.level1 === b.level1, ind.level1), r, "");
    if (startsL2) place(groupCell(c.level2, rows, i, (a, b) => a.level1 === b.level1 && a.level2 === b.level2, ind.level2), r, "");
    for (const [key, type] of inputs) place({ col: c[key], field: key, type, style: "input" }, r, base);
    r++;
  });
  lists[block.path] = { first, last: Math.max(first, r - 1) };
  return r;
}

/** A 一级/二级 heading drawn as one box over its group's rows (not merged: see CellDef.groupRows). */
function groupCell<T>(col: number, rows: T[], i: number, same: (a: T, b: T) => boolean, label: string): CellDef {
  let n = 1;
  while (i + n < rows.length && same(rows[i], rows[i + n])) n++;
  return { col, groupRows: n, label, style: "label", vertical: "top" };
}

/** "{staff.actual}" → "D4"; "{indicators.*.score}" → "H13:H40". */
function resolveFormula(f: FormulaDef, fields: SheetLayout["fields"], lists: Record<string, { first: number; last: number }>): FormulaDef {
  const sub = (text: string) =>
    text.replace(/\{([^}]+)\}/g, (_, path: string) => {
      const star = /^(.+)\.\*\.(.+)$/.exec(path);
      if (star) {
        const list = lists[star[1]];
        const anyField = Object.keys(fields).find((k) => k.startsWith(`${star[1]}.`) && k.endsWith(`.${star[2]}`));
        if (!list || !anyField) return "0";
        const col = columnName(fields[anyField].col);
        return `${col}${list.first + 1}:${col}${list.last + 1}`;
      }
      const pos = fields[path];
      if (!pos) throw new Error(`模板公式引用了不存在的字段：${path}`);
      return cellAddress(pos.row, pos.col);
    });
  return { jx: sub(f.jx), native: sub(f.native) };
}

/** The layout as a plain grid (values and formulas), as a host would read it back. */
export function layoutToGrid(layout: SheetLayout, flavour: FormulaFlavour = "native"): Grid {
  const values: CellScalar[][] = Array.from({ length: layout.rowCount }, () => Array<CellScalar>(layout.colCount).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: layout.rowCount }, () => Array<string | null>(layout.colCount).fill(null));
  for (const c of layout.cells) {
    values[c.row][c.col] = c.value;
    if (c.formula) formulas[c.row][c.col] = c.formula[flavour];
  }
  return { sheet: layout.name, values, formulas };
}

/** Raw is what the model keeps; exported for writers that fill a layout from a model. */
export type { Raw };
