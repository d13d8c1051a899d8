/**
 * How a core SheetLayout becomes cell contents for Office.js: one 2-D array
 * of formulas/values and one of number formats for the whole rectangle, plus
 * the merges, widths, heights and style groups. Pure: no Office.js here, so
 * it is tested in Node; excelHost.ts queues the result.
 */
import { NUMBER_FORMATS, type CellStyle, type FormulaFlavour, type SheetLayout, type ValueType } from "../core";

/** Fill colours of the styles: inputs stand out from computed cells and labels. */
export const STYLE_FILL: Partial<Record<CellStyle, string>> = {
  input: "#FFF9E0",
  computed: "#EDEDED",
  header: "#DDEBF7",
};

export interface SheetWrite {
  rows: number;
  cols: number;
  /** What to assign to range.formulas: numbers, texts (forced to text where needed) and formulas. */
  contents: (string | number | boolean)[][];
  numberFormats: string[][];
  merges: { row: number; col: number; rows: number; cols: number }[];
  /** Column widths in points and row heights in points. */
  widths: number[];
  heights: { row: number; height: number }[];
  /** Cells of each style, as [row, col] pairs, for fills and bold. */
  styles: Partial<Record<CellStyle, [number, number][]>>;
}

/** Characters → points (Excel's default font: about 7 points per half-width character, 2 per full-width one). */
const POINTS_PER_CHAR = 7;

/**
 * A text Excel would turn into something else if written as is: a formula (=, +, -, @),
 * or a number/date where the cell is meant to hold text. The "'" prefix keeps it text.
 */
export function asText(value: string, type?: ValueType): string {
  if (/^[=+\-@]/.test(value)) return `'${value}`;
  if ((type === "text" || type === "indicatorValue" || type === undefined) && /^\s*[\d.,]+%?\s*$/.test(value)) return `'${value}`;
  return value;
}

export function toSheetWrite(layout: SheetLayout, flavour: FormulaFlavour): SheetWrite {
  const rows = layout.rowCount;
  const cols = layout.colCount;
  const contents: (string | number | boolean)[][] = Array.from({ length: rows }, () => Array<string | number | boolean>(cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  const styles: SheetWrite["styles"] = {};
  for (const c of layout.cells) {
    if (c.formula) contents[c.row][c.col] = c.formula[flavour];
    else if (typeof c.value === "string") contents[c.row][c.col] = asText(c.value, c.type);
    else if (c.value !== null) contents[c.row][c.col] = c.value;
    if (c.type) numberFormats[c.row][c.col] = NUMBER_FORMATS[c.type];
    (styles[c.style] ??= []).push([c.row, c.col]);
  }
  // Input cells with no content still get their style (the user must see where to type).
  return {
    rows,
    cols,
    contents,
    numberFormats,
    merges: layout.merges.map((m) => ({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })),
    widths: layout.widths.map((w) => w * POINTS_PER_CHAR),
    heights: Object.entries(layout.heights).map(([row, h]) => ({ row: Number(row), height: h })),
    styles,
  };
}

/**
 * Request size of a write, to stay under Excel on the web's 5 MB per request. An upper estimate:
 * the arrays as JSON (UTF-8: Chinese takes 3 bytes) plus a generous allowance per queued format
 * command (measured against the in-memory host: about 1.5× the arrays alone).
 */
export function payloadSize(w: SheetWrite): number {
  const utf8 = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;
  const commands = w.merges.length + w.heights.length + w.widths.length + Object.values(w.styles).reduce((n, cells) => n + (cells?.length ?? 0), 0);
  return utf8(w.contents) + utf8(w.numberFormats) + 250 * commands;
}

/** A free sheet name: the name itself, or "name (2)", "name (3)"… within Excel's 31 characters. */
export function freeName(name: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
