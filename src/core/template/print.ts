/**
 * How a form prints: A4 page setup, font sizes, and row heights computed from the text a row holds.
 * Excel does not auto-fit the height of merged or wrapped cells (and LibreOffice keeps the height a
 * file states), so the height is worked out here from character counts and the (merged) column width,
 * and every writer applies the same figures.
 */
import type { CellStyle } from "./types";

/** Font size in points of each cell style, the same in every writer (printed at 100%, so never under 9 pt). */
export const STYLE_FONT_SIZE: Record<CellStyle, number> = {
  title: 16,
  header: 11,
  label: 11,
  input: 11,
  computed: 11,
  note: 10,
};

/**
 * Shading shown on screen while a cell is blank (conditional format "LEN(cell)=0"): the user sees where
 * to type, and a filled form prints without fills in Excel and LibreOffice alike. The page setup also
 * asks for black-and-white printing, so Excel prints a blank form without fills too.
 */
export const BLANK_FILL: Partial<Record<CellStyle, string>> = {
  input: "#FFF2CC", // 待填写
  computed: "#EDEDED", // 自动计算, still waiting for its inputs
};

/** Fonts of the forms: 宋体 for the tables, 黑体 for the 附件 mark (as on the published forms). */
export const FORM_FONT = "宋体";
export const MARK_FONT = "黑体";

/** Size of the 附件 mark above the title. */
export const MARK_FONT_SIZE = 12;

/** The page-header code of the 附件 mark: left, 黑体 bold, 12 pt ('&L&"黑体,Bold"&12附件2'), the same in Excel and the .xlsx. */
export function markHeader(mark: string): string {
  return `&L&"${MARK_FONT},Bold"&${MARK_FONT_SIZE}${mark}`;
}

/** A4 page setup of one sheet; margins in points (72 per inch), rows 0-based. */
export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Fit to one page wide, as many pages tall as needed (0 = automatic). */
  fitToWidth: 1;
  fitToHeight: 0;
  centerHorizontally: boolean;
  /** Prints without colours or fills (Excel; LibreOffice ignores it, hence the blank-only fills). */
  blackAndWhite: boolean;
  /** Rows repeated at the top of every printed page after the first (the indicator table's header). */
  titleRows: { first: number; last: number } | null;
  /**
   * The 附件 mark ("附件2"), printed at the top left of the first page, above the title, in the page
   * header (a row above the title would move every cell address of the published layout); null when none.
   */
  firstPageMark: string | null;
}

/** 0.5 inch left/right, 0.6 inch top/bottom: the printable width of A4 is 595 − 72 = 523 pt upright, 842 − 72 = 770 pt across. */
export const PAGE_MARGINS: PageSetup["margins"] = { top: 43, bottom: 43, left: 36, right: 36, header: 22, footer: 22 };

/** A4 in points. */
export const A4 = { width: 595, height: 842 };

/** Points per character of column width (Excel's unit: the width of "0" in the default 11 pt font, 7 px = 5.25 pt). */
export const POINTS_PER_WIDTH_CHAR = 5.25;

/** Excel's column width in points for a width in characters (7 px per character plus 5 px of padding, at 96 dpi). */
export function columnWidthPoints(chars: number): number {
  return chars * POINTS_PER_WIDTH_CHAR + 3.75;
}

/** Printable width in width characters for an orientation (the widths of a form must stay within it, so it prints at 100%). */
export function printableWidthChars(orientation: PageSetup["orientation"]): number {
  const paper = orientation === "portrait" ? A4.width : A4.height;
  return Math.floor((paper - PAGE_MARGINS.left - PAGE_MARGINS.right) / POINTS_PER_WIDTH_CHAR);
}

/** Full-width characters (CJK, full-width punctuation and forms, ㎡) take two width units; others one. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of a text in width units: CJK counts 2, other characters 1. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Share of a cell's width that text may fill: cell padding and fonts wider than Excel's "0" (宋体 CJK ≈ 2.1 units). */
const USABLE = 0.9;

/** Line height as a multiple of the font size: the CJK fonts LibreOffice falls back to need about 1.45. */
const LINE_FACTOR = 1.5;

/** Points above and below the text. */
const PADDING = 3;

/** Width units one line holds in a cell `widthChars` wide at `fontPt` (at least 1). */
export function lineCapacity(widthChars: number, fontPt: number): number {
  return Math.max(1, Math.floor((widthChars * USABLE * 11) / fontPt));
}

/**
 * Lines a text takes in a cell `widthChars` wide (a merged cell: the sum of its columns' widths) at
 * `fontPt`: each explicit line ("\n") wraps every `lineCapacity` units. An empty text takes one line.
 */
export function wrappedLines(text: string, widthChars: number, fontPt: number): number {
  const cap = lineCapacity(widthChars, fontPt);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / cap)), 0);
}

/** Height in points of `lines` lines at `fontPt`: lines × 1.5 × font + 3, rounded up to a whole point. */
export function linesHeight(lines: number, fontPt: number): number {
  return Math.ceil(lines * fontPt * LINE_FACTOR + PADDING);
}

/** Row height in points that shows all of `text` in a cell `widthChars` wide at `fontPt`. */
export function textHeight(text: string, widthChars: number, fontPt: number): number {
  return linesHeight(wrappedLines(text, widthChars, fontPt), fontPt);
}

/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;

/** One cell's text and extent, as the height computation needs it. */
export interface TextCell {
  row: number;
  col: number;
  text: string;
  style: CellStyle;
  /** Merged extent (inclusive); a single cell when absent. */
  bottom?: number;
  right?: number;
  /** Text at the top of a merge over several rows: its first row gets the height the text needs. */
  top?: boolean;
}

/**
 * Heights of rows `0 … rowCount-1` so that every text shows whole: the tallest cell of each row, at
 * least `minimum[row]` (a template's blank row for writing by hand) and one line. A cell merged over
 * several rows adds what it still lacks to its last row, or, when its text sits at the top, makes its
 * first row tall enough for the whole text (so a page break between rows never cuts it). Capped at 409 pt.
 */
export function fitRowHeights(cells: TextCell[], widths: number[], rowCount: number, minimum: Record<number, number> = {}): number[] {
  const oneLine = linesHeight(1, STYLE_FONT_SIZE.label);
  const heights = Array.from({ length: rowCount }, (_, r) => Math.max(oneLine, minimum[r] ?? 0));
  const width = (c: TextCell) => widths.slice(c.col, (c.right ?? c.col) + 1).reduce((s, w) => s + w, 0);
  const tall: TextCell[] = [];
  for (const c of cells) {
    if (c.row >= rowCount || c.text === "") continue;
    if ((c.bottom ?? c.row) > c.row) {
      tall.push(c);
      continue;
    }
    heights[c.row] = Math.max(heights[c.row], textHeight(c.text, width(c), STYLE_FONT_SIZE[c.style]));
  }
  for (const c of tall) {
    const last = Math.min(c.bottom ?? c.row, rowCount - 1);
    const need = textHeight(c.text, width(c), STYLE_FONT_SIZE[c.style]);
    if (c.top) {
      heights[c.row] = Math.max(heights[c.row], need);
      continue;
    }
    const have = heights.slice(c.row, last + 1).reduce((s, h) => s + h, 0);
    if (need > have) heights[last] += need - have;
  }
  return heights.map((h) => Math.min(h, MAX_ROW_HEIGHT));
}
