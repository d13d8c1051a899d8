/**
 * A sheet as the hosts give it: a name and a 2-D array of values (and, when
 * known, formulas). Office.js `range.values`, exceljs rows and test fixtures
 * all become this, so that one reader serves them all.
 */
export type CellScalar = string | number | boolean | null;

export interface Grid {
  sheet: string;
  /** values[r][c], r and c from 0 = A1. Merged areas hold their value in the top-left cell only. */
  values: CellScalar[][];
  /** Same shape; a formula text ("=JX.RATE(D4,B4)") where the cell holds one, else null/"". */
  formulas?: (string | null)[][];
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "D12" → { row: 11, col: 3 }. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`不是单元格地址：${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function valueAt(grid: Grid, row: number, col: number): CellScalar {
  return grid.values[row]?.[col] ?? null;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  const f = grid.formulas?.[row]?.[col];
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/** The text of a cell for label matching ("" for blanks and numbers). */
export function textAt(grid: Grid, row: number, col: number): string {
  const v = valueAt(grid, row, col);
  return typeof v === "string" ? v : "";
}

/**
 * A label as compared: no spaces, half-width brackets and colons dropped,
 * no "1、" numbering, no "其中：", no parenthesized notes ("（万元）", "（每个专项一行）").
 */
export function normalizeLabel(text: string): string {
  let t = normalizedLabels.get(text);
  if (t === undefined) {
    // Labels repeat across sheets, rows and rules: each distinct text is normalized once (bounded, like the indicator cache).
    if (normalizedLabels.size >= NORMALIZED_LABELS_LIMIT) normalizedLabels.clear();
    normalizedLabels.set(text, (t = normalizeUncached(text)));
  }
  return t;
}

const NORMALIZED_LABELS_LIMIT = 50_000;
const normalizedLabels = new Map<string, string>();

function normalizeUncached(text: string): string {
  let t = text.replace(/[\s\u3000]+/g, "");
  t = t.replace(/[（(][^（()）]*[)）]/g, "");
  t = t.replace(/^[0-9一二三四五六七八九十]+[、.．)）]/, "");
  t = t.replace(/^其中[:：]?/, "");
  t = t.replace(/[:：]+$/, "");
  return t;
}

/** Normalized label text of every text cell (undefined where no text), computed once per grid (labels are compared many times). */
const normalizedCache = new WeakMap<Grid, (string | undefined)[][]>();
export function normalizedGrid(grid: Grid): (string | undefined)[][] {
  let n = normalizedCache.get(grid);
  if (!n) {
    n = grid.values.map((row) => row.map((v) => (typeof v === "string" && v.trim() !== "" ? normalizeLabel(v) : undefined)));
    normalizedCache.set(grid, n);
  }
  return n;
}

/**
 * Where each label text sits in a grid: normalized text → its cells as [row, col, row, col, …] in reading
 * order (row by row, left to right); and the same for each regular expression asked about; and every text
 * cell. Built once per grid: the reader looks up some thirty row labels per sheet and scans for notes,
 * prompts and titles, and a scan of the sheet for each cost more than reading it.
 */
interface TextIndex {
  at: Map<string, number[]>;
  byPattern: Map<RegExp, number[]>;
  /** Every cell holding text that is not blank, in reading order, as written. */
  texts: GridText[];
}

/** A cell holding text (not blank): its row, column and text as written. */
export interface GridText {
  r: number;
  c: number;
  text: string;
}

const textIndexCache = new WeakMap<Grid, TextIndex>();
function textIndex(grid: Grid): TextIndex {
  let ix = textIndexCache.get(grid);
  if (ix) return ix;
  ix = { at: new Map(), byPattern: new Map(), texts: [] };
  const norm = normalizedGrid(grid);
  for (let r = 0; r < norm.length; r++) {
    const cells = norm[r];
    for (let c = 0; cells && c < cells.length; c++) {
      const t = cells[c];
      if (t === undefined) continue;
      ix.texts.push({ r, c, text: grid.values[r][c] as string });
      if (t === "") continue; // a text of brackets alone names no label
      const list = ix.at.get(t);
      if (list) list.push(r, c);
      else ix.at.set(t, [r, c]);
    }
  }
  textIndexCache.set(grid, ix);
  return ix;
}

const NO_CELLS: readonly number[] = [];

/** The cells of a grid holding text (not blank), in reading order: for the scans that look for notes, prompts and titles. */
export function gridTexts(grid: Grid): readonly GridText[] {
  return textIndex(grid).texts;
}

/**
 * The cells a label names (compared as normalizeLabel compares: "1、年度资金总额：" is 年度资金总额), or whose
 * normalized text a pattern matches, as [row, col, row, col, …] in reading order.
 */
export function cellsMatching(grid: Grid, m: string | RegExp): readonly number[] {
  const ix = textIndex(grid);
  if (typeof m === "string") return ix.at.get(normalizeLabel(m)) ?? NO_CELLS;
  let cells = ix.byPattern.get(m);
  if (!cells) {
    const pairs: [number, number][] = [];
    for (const [t, list] of ix.at) if (m.test(t)) for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    ix.byPattern.set(m, (cells = pairs.flat()));
  }
  return cells;
}
