/**
 * Reads one sheet by its template's labels, not by fixed addresses: rows are
 * found by their label text wherever they are (the user may insert rows), and
 * fields are read at the template's columns, shifted as the labels are.
 * Values go straight into the model objects; where each came from is kept in
 * a compact index and turned into an address only when a finding needs one.
 */
import { cellAddress, formulaAt, normalizeLabel, textAt, valueAt, type CellScalar, type Grid } from "../grid";
import type { Raw } from "../model";
import type { Block, CellDef, IndicatorBlock, ListBlock, RowDef, SheetTemplate, ValueType } from "../template/types";

/** Where a field was read: sheet, address, and the formula when the cell holds one. */
export interface CellRef {
  sheet: string;
  cell: string;
  formula?: string;
}

/** Where the figures of one sheet sit: fixed fields by path, list items by row. */
export interface SheetIndex {
  grid: Grid;
  /** Field path → [row, col]. */
  fixed: Map<string, [number, number]>;
  /** List path ("indicators") → the row of each item and the column of each item field. */
  lists: Map<string, { rows: number[]; cols: Record<string, number> }>;
}

export interface SheetReadInto {
  index: SheetIndex;
  /** Rows of the template that were not found ("「政府采购金额」"). */
  missingRows: string[];
}

/** The cell of a path relative to the sheet ("sangong.final", "indicators.3.score"). */
export function cellOf(index: SheetIndex, path: string): CellRef | undefined {
  let pos = index.fixed.get(path);
  if (!pos) {
    const m = /^(.+)\.(\d+)\.([^.]+)$/.exec(path);
    const list = m && index.lists.get(m[1]);
    if (!m || !list) return undefined;
    const row = list.rows[Number(m[2])];
    const col = list.cols[m[3]];
    if (row === undefined || col === undefined) return undefined;
    pos = [row, col];
  }
  const [r, c] = pos;
  const formula = formulaAt(index.grid, r, c);
  return formula ? { sheet: index.grid.sheet, cell: cellAddress(r, c), formula } : { sheet: index.grid.sheet, cell: cellAddress(r, c) };
}

const TEXT_TYPES: ReadonlySet<ValueType | undefined> = new Set(["text", undefined]);

function toRaw(v: CellScalar, type: ValueType | undefined): Raw {
  if (v === null) return TEXT_TYPES.has(type) ? "" : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") {
    if (TEXT_TYPES.has(type)) return v.trim();
    return v.trim() === "" ? null : v;
  }
  return TEXT_TYPES.has(type) ? String(v) : v;
}

function matchers(row: RowDef): (string | RegExp)[] {
  if (row.match) return row.match;
  const first = row.cells.find((c) => c.label !== undefined);
  return first?.label ? [first.label] : [];
}

function anchorCol(row: RowDef): number {
  return row.cells.find((c) => c.label !== undefined)?.col ?? 0;
}

/** Normalized label text of every text cell, computed once per grid (labels are compared many times). */
const normalizedCache = new WeakMap<Grid, (string | undefined)[][]>();
function normalizedGrid(grid: Grid): (string | undefined)[][] {
  let n = normalizedCache.get(grid);
  if (!n) {
    n = grid.values.map((row) => row.map((v) => (typeof v === "string" && v.trim() !== "" ? normalizeLabel(v) : undefined)));
    normalizedCache.set(grid, n);
  }
  return n;
}

const normalizedMatcher = new Map<string, string>();
function matches(t: string, m: string | RegExp): boolean {
  if (typeof m !== "string") return m.test(t);
  let nm = normalizedMatcher.get(m);
  if (nm === undefined) normalizedMatcher.set(m, (nm = normalizeLabel(m)));
  return t === nm;
}

/** First row at or after `from` holding one of the row's labels; with the column it was found in. */
function findRow(grid: Grid, row: RowDef, from: number, until = grid.values.length): { r: number; c: number } | null {
  const ms = matchers(row);
  const norm = normalizedGrid(grid);
  for (let r = from; r < until; r++) {
    const cells = norm[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const t = cells[c];
      if (t && ms.some((m) => matches(t, m))) return { r, c };
    }
  }
  return null;
}

function firstRowOf(block: Block): RowDef | null {
  if (block.kind === "row") return block.row;
  if (block.kind === "indicators") return block.header;
  return null;
}

function isFiller(text: string): boolean {
  return /^[.…。·\s]*$/.test(text);
}

const splitCache = new Map<string, string[]>();

/** Sets "a.b.c" in nested objects, creating them on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  let parts = splitCache.get(path);
  if (!parts) splitCache.set(path, (parts = path.split(".")));
  let cur = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    let next = cur[key];
    if (next === undefined || next === null) {
      const c = parts[i + 1].charCodeAt(0);
      cur[key] = next = c >= 48 && c <= 57 ? [] : {};
    }
    cur = next as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** Reads `grid` as `template` into `target` (the sheet's part of the model). */
export function readSheetInto(grid: Grid, template: SheetTemplate, target: Record<string, unknown>): SheetReadInto {
  const index: SheetIndex = { grid, fixed: new Map(), lists: new Map() };
  const missingRows: string[] = [];
  let pointer = 0;
  let lastRow = -1;
  let shift = 0;

  const blocks = template.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === "row") {
      const row = block.row;
      let at: { r: number; c: number } | null;
      if (row.match && row.match.length === 0) at = lastRow >= 0 ? { r: lastRow + 1, c: -1 } : null;
      else at = findRow(grid, row, pointer);
      if (!at) {
        if (row.cells.some((c) => c.field)) missingRows.push(describeRow(row));
        continue;
      }
      if (at.c >= 0) shift = at.c - anchorCol(row);
      for (const def of row.cells) {
        if (!def.field) continue;
        const c = def.col + shift;
        setPath(target, def.field, toRaw(valueAt(grid, at.r, c), def.type));
        index.fixed.set(def.field, [at.r, c]);
      }
      pointer = at.r + 1;
      lastRow = at.r;
    } else if (block.kind === "list") {
      const end = nextAnchor(grid, blocks, b + 1, pointer);
      readList(grid, block, pointer, end, shift, target, index);
      pointer = end;
    } else {
      const head = findRow(grid, block.header, pointer);
      if (!head) {
        missingRows.push("绩效指标表头（一级指标）");
        continue;
      }
      shift = head.c - block.columns.level1;
      const end = nextAnchor(grid, blocks, b + 1, head.r + 1);
      readIndicators(grid, block, head.r + 1, end, shift, target, index);
      pointer = end;
      lastRow = end - 1;
    }
  }
  return { index, missingRows };
}

/** The row where the next located block starts (or the end of the sheet). */
function nextAnchor(grid: Grid, blocks: Block[], from: number, pointer: number): number {
  for (let i = from; i < blocks.length; i++) {
    const row = firstRowOf(blocks[i]);
    if (!row || (row.match && row.match.length === 0)) continue;
    const at = findRow(grid, row, pointer);
    if (at) return at.r;
  }
  return grid.values.length;
}

function readList(grid: Grid, block: ListBlock, from: number, end: number, shift: number, target: Record<string, unknown>, index: SheetIndex): void {
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const cols: Record<string, number> = {};
  for (const def of block.item.cells) if (def.field) cols[def.field] = def.col + shift;
  for (let r = from; r < end; r++) {
    const cells = block.item.cells.map((def) => valueAt(grid, r, def.col + shift));
    const empty = cells.every((v) => v === null || (typeof v === "string" && isFiller(v)));
    if (empty) continue;
    const item: Record<string, unknown> = {};
    for (const def of block.item.cells) if (def.field) item[def.field] = toRaw(valueAt(grid, r, def.col + shift), def.type);
    if (typeof item.name === "string") item.name = item.name.replace(/^\s*其中[:：]\s*/, "");
    items.push(item);
    rows.push(r);
  }
  setPath(target, block.path, items);
  index.lists.set(block.path, { rows, cols });
}

function readIndicators(grid: Grid, block: IndicatorBlock, from: number, end: number, shift: number, target: Record<string, unknown>, index: SheetIndex): void {
  const c = block.columns;
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  let level1 = "";
  let level2 = "";
  for (let r = from; r < end; r++) {
    const l1 = textAt(grid, r, c.level1 + shift).trim();
    const l2 = textAt(grid, r, c.level2 + shift).trim();
    if (l1) {
      level1 = l1;
      level2 = "";
    }
    if (l2) level2 = l2;
    const name = valueAt(grid, r, c.name + shift);
    const target_ = valueAt(grid, r, c.target + shift);
    const actual = valueAt(grid, r, c.actual + shift);
    const weight = valueAt(grid, r, c.weight + shift);
    const score = valueAt(grid, r, c.score + shift);
    if ([name, target_, actual, weight, score].every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    items.push({
      level1,
      level2: level2.replace(/\s+/g, ""),
      name: toRaw(name, "text"),
      target: toRaw(target_, "indicatorValue"),
      actual: toRaw(actual, "indicatorValue"),
      weight: toRaw(weight, "weight"),
      score: toRaw(score, "score"),
      reason: toRaw(valueAt(grid, r, c.reason + shift), "text"),
    });
    rows.push(r);
  }
  setPath(target, block.path, items);
  const cols: Record<string, number> = {};
  for (const k of ["level1", "level2", "name", "target", "actual", "weight", "score", "reason"] as const) cols[k] = c[k] + shift;
  index.lists.set(block.path, { rows, cols });
}

function describeRow(row: RowDef): string {
  const label = row.cells.find((c) => c.label)?.label;
  return label ? `「${label}」` : row.key;
}

/** Flat view of one sheet read on its own (for small sheets such as 报告素材): path → value and path → cell. */
export interface SheetRead {
  values: Record<string, Raw>;
  cells: Record<string, CellRef>;
  missingRows: string[];
  /** Number of items read per list path. */
  counts: Record<string, number>;
  data: Record<string, unknown>;
}

export function readSheet(grid: Grid, template: SheetTemplate): SheetRead {
  const data: Record<string, unknown> = {};
  const { index, missingRows } = readSheetInto(grid, template, data);
  const values: Record<string, Raw> = {};
  const cells: Record<string, CellRef> = {};
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === "object") {
      for (const k in v as Record<string, unknown>) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    values[path] = v as Raw;
    const ref = cellOf(index, path);
    if (ref) cells[path] = ref;
  };
  walk(data, "");
  const counts: Record<string, number> = {};
  for (const [list, { rows }] of index.lists) counts[list] = rows.length;
  return { values, cells, missingRows, counts, data };
}

/** Kept for callers that build a model field by field. */
export type { CellDef };
