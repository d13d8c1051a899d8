/**
 * How a core SheetLayout becomes cell contents for Office.js: one 2-D array
 * of formulas/values and one of number formats for the whole rectangle, plus
 * the merges, widths, heights and style groups. Pure: no Office.js here, so
 * it is tested in Node; excelHost.ts queues the result.
 */
import {
  columnWidthPoints,
  NUMBER_FORMATS,
  STYLE_FONT_SIZE,
  tableAreas,
  type CellStyle,
  type FillArea,
  type FormulaFlavour,
  type PageSetup,
  type SheetLayout,
  type ValueType,
} from "../core";

/** One rectangle, 0-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetWrite {
  rows: number;
  cols: number;
  /** What to assign to range.formulas: numbers, texts (forced to text where needed) and formulas. */
  contents: (string | number | boolean)[][];
  numberFormats: string[][];
  merges: Area[];
  /** Column widths in points and row heights in points (every row: heights come from the text, print.ts). */
  widths: number[];
  heights: { row: number; height: number }[];
  /** Cells of each style, as [row, col] pairs, for bold and font sizes. */
  styles: Partial<Record<CellStyle, [number, number][]>>;
  /** The bordered table (rows without title or notes) and the boxes drawn without inner borders. */
  tables: Area[];
  groups: Area[];
  /** Cells whose text sits at the top (headings of the indicator groups). */
  tops: [number, number][];
  /** Shading while blank, as conditional formats. */
  fills: FillArea[];
  page: PageSetup;
}


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
  const tops: [number, number][] = [];
  for (const c of layout.cells) {
    if (c.vertical === "top") tops.push([c.row, c.col]);
    if (c.formula) contents[c.row][c.col] = c.formula[flavour];
    else if (typeof c.value === "string") contents[c.row][c.col] = asText(c.value, c.type);
    else if (c.value !== null) contents[c.row][c.col] = c.value;
    if (c.type) numberFormats[c.row][c.col] = NUMBER_FORMATS[c.type];
    (styles[c.style] ??= []).push([c.row, c.col]);
  }
  const area = (m: { top: number; left: number; bottom: number; right: number }): Area => ({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
  return {
    rows,
    cols,
    contents,
    numberFormats,
    merges: layout.merges.map(area),
    widths: layout.widths.map(columnWidthPoints),
    heights: Object.entries(layout.heights).map(([row, h]) => ({ row: Number(row), height: h })),
    styles,
    tables: tableAreas(layout).map(area),
    groups: layout.groups.map(area),
    tops,
    fills: layout.fills,
    page: layout.page,
  };
}

/** Font size of a style where it differs from the sheet's (the body is set at once, STYLE_FONT_SIZE.input). */
export function fontSizeOf(style: CellStyle): number | null {
  return STYLE_FONT_SIZE[style] === STYLE_FONT_SIZE.input ? null : STYLE_FONT_SIZE[style];
}



/**
 * Request size of a write, to stay under Excel on the web's 5 MB per request. An upper estimate:
 * the arrays as JSON (UTF-8: Chinese takes 3 bytes) plus a generous allowance per queued format
 * command (measured against the in-memory host: about 1.5× the arrays alone).
 */
export function payloadSize(w: SheetWrite): number {
  const utf8 = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;
  const commands =
    w.merges.length + w.heights.length + w.widths.length + Object.values(w.styles).reduce((n, cells) => n + (cells?.length ?? 0), 0) + 6 * w.tables.length + w.groups.length + w.tops.length + 3 * w.fills.length + 16;
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
