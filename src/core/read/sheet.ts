/**
 * Reads one sheet by its template's labels, not by fixed addresses: rows are
 * found by their label text wherever they are (the user may insert rows), and
 * fields are read at the template's columns, shifted as the labels are.
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

export interface SheetRead {
  /** Field path (relative to the sheet's data) → raw value. */
  values: Record<string, Raw>;
  cells: Record<string, CellRef>;
  /** Rows of the template that were not found ("经费控制情况：未找到「政府采购金额」行"). */
  missingRows: string[];
  /** Number of list items read per list path. */
  counts: Record<string, number>;
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

export function readSheet(grid: Grid, template: SheetTemplate): SheetRead {
  const out: SheetRead = { values: {}, cells: {}, missingRows: [], counts: {} };
  let pointer = 0;
  let lastRow = -1;
  let shift = 0;

  const readCell = (def: CellDef, r: number, base: string, field = def.field) => {
    if (!field) return;
    const c = def.col + shift;
    const path = base + field;
    out.values[path] = toRaw(valueAt(grid, r, c), def.type);
    const formula = formulaAt(grid, r, c);
    out.cells[path] = formula ? { sheet: grid.sheet, cell: cellAddress(r, c), formula } : { sheet: grid.sheet, cell: cellAddress(r, c) };
  };

  const blocks = template.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === "row") {
      const row = block.row;
      let at: { r: number; c: number } | null;
      if (row.match && row.match.length === 0) at = lastRow >= 0 ? { r: lastRow + 1, c: -1 } : null;
      else at = findRow(grid, row, pointer);
      if (!at) {
        if (row.cells.some((c) => c.field)) out.missingRows.push(describeRow(row));
        continue;
      }
      if (at.c >= 0) shift = at.c - anchorCol(row);
      for (const def of row.cells) readCell(def, at.r, "");
      pointer = at.r + 1;
      lastRow = at.r;
    } else if (block.kind === "list") {
      const end = nextAnchor(grid, blocks, b + 1, pointer);
      pointer = readList(grid, block, pointer, end, readCell, out);
    } else {
      const head = findRow(grid, block.header, pointer);
      if (!head) {
        out.missingRows.push("绩效指标表头（一级指标）");
        continue;
      }
      shift = head.c - block.columns.level1;
      const end = nextAnchor(grid, blocks, b + 1, head.r + 1);
      readIndicators(grid, block, head.r + 1, end, shift, readCell, out);
      pointer = end;
      lastRow = end - 1;
    }
  }
  return out;
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

type ReadCell = (def: CellDef, r: number, base: string, field?: string) => void;

function readList(grid: Grid, block: ListBlock, from: number, end: number, readCell: ReadCell, out: SheetRead): number {
  let n = 0;
  for (let r = from; r < end; r++) {
    const texts = block.item.cells.map((def) => valueAt(grid, r, def.col));
    const nameCell = texts[0];
    const empty = texts.every((v) => v === null || (typeof v === "string" && isFiller(v)));
    if (empty) continue;
    if (typeof nameCell === "string" && isFiller(nameCell) && texts.slice(1).every((v) => v === null)) continue;
    for (const def of block.item.cells) readCell(def, r, `${block.path}.${n}.`);
    const nameKey = `${block.path}.${n}.name`;
    if (typeof out.values[nameKey] === "string") out.values[nameKey] = (out.values[nameKey] as string).replace(/^\s*其中[:：]\s*/, "");
    n++;
  }
  out.counts[block.path] = n;
  return end;
}

function readIndicators(grid: Grid, block: IndicatorBlock, from: number, end: number, shift: number, readCell: ReadCell, out: SheetRead): void {
  const c = block.columns;
  let level1 = "";
  let level2 = "";
  let n = 0;
  for (let r = from; r < end; r++) {
    const l1 = textAt(grid, r, c.level1 + shift).trim();
    const l2 = textAt(grid, r, c.level2 + shift).trim();
    if (l1) {
      level1 = l1;
      level2 = "";
    }
    if (l2) level2 = l2;
    const fields = [c.name, c.target, c.actual, c.weight, c.score].map((col) => valueAt(grid, r, col + shift));
    if (fields.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const base = `${block.path}.${n}.`;
    out.values[`${base}level1`] = level1;
    out.values[`${base}level2`] = level2.replace(/\s+/g, "");
    const defs: [keyof typeof c, ValueType][] = [
      ["name", "text"],
      ["target", "indicatorValue"],
      ["actual", "indicatorValue"],
      ["weight", "weight"],
      ["score", "score"],
      ["reason", "text"],
    ];
    for (const [key, type] of defs) readCell({ col: c[key], type, field: key }, r, base);
    n++;
  }
  out.counts[block.path] = n;
}

function describeRow(row: RowDef): string {
  const label = row.cells.find((c) => c.label)?.label;
  return label ? `「${label}」` : row.key;
}
