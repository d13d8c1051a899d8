/**
 * A1 addresses as Excel writes and reads them: rectangles, whole rows and
 * columns, sheet-name quoting. Browser-safe (no Node imports).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

export function rows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function cols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function isEntireRow(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

export function isEntireColumn(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
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

/** "A" → 0, "AA" → 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function cellA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "A1", "A1:C3", "A:C" for whole columns, "2:4" for whole rows — as Excel's `address` writes them. */
export function rectA1(r: Rect): string {
  if (isEntireColumn(r) && !isEntireRow(r)) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  if (isEntireRow(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return cellA1(r.r0, r.c0);
  return `${cellA1(r.r0, r.c0)}:${cellA1(r.r1, r.c1)}`;
}

/**
 * Excel quotes a sheet name in an address unless it is a plain identifier: letters (any script),
 * digits, "_" and "." only, not starting with a digit and not readable as a cell reference.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedA1(sheet: string, r: Rect): string {
  return `${quoteSheetName(sheet)}!${rectA1(r)}`;
}

/** Parses "A1", "$A$1:$C$3", "A:C", "2:4", optionally prefixed by "Sheet!" or "'My sheet'!". */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let text = address.trim();
  let sheet: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    text = text.slice(quoted[0].length);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      text = text.slice(bang + 1);
    }
  }
  const parts = text.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  let out: Rect | null = null;
  if (parts.every((p) => cell.test(p))) {
    const [a, b] = [cell.exec(parts[0])!, cell.exec(parts[parts.length - 1])!];
    const ra = Number(a[2]) - 1;
    const rb = Number(b[2]) - 1;
    const ca = columnIndex(a[1]);
    const cb = columnIndex(b[1]);
    out = rect(Math.min(ra, rb), Math.min(ca, cb), Math.max(ra, rb), Math.max(ca, cb));
  } else if (parts.length === 2 && parts.every((p) => colOnly.test(p))) {
    const ca = columnIndex(colOnly.exec(parts[0])![1]);
    const cb = columnIndex(colOnly.exec(parts[1])![1]);
    out = rect(0, Math.min(ca, cb), MAX_ROWS - 1, Math.max(ca, cb));
  } else if (parts.length === 2 && parts.every((p) => rowOnly.test(p))) {
    const ra = Number(rowOnly.exec(parts[0])![1]) - 1;
    const rb = Number(rowOnly.exec(parts[1])![1]) - 1;
    out = rect(Math.min(ra, rb), 0, Math.max(ra, rb), MAX_COLS - 1);
  }
  if (!out || !inGrid(out)) return null;
  return sheet === undefined ? { rect: out } : { sheet, rect: out };
}

/** Iterates the cells of a rectangle row by row. */
export function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) yield [row, col];
}
