/**
 * GB/T 9704 page geometry in Word's units, computed from the millimetres and points of
 * src/core/report/style.ts. Pure numbers: tested without the docx package.
 */
import { PAGE_MM, SIZES_PT } from "../core/report/style";

/** 1 mm = 1440 ÷ 25.4 twips (twentieths of a point). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
/** Font sizes in docx are half-points. */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);

const typeAreaWidthMm = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right; // 156
const typeAreaHeightMm = PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom; // 225

export const DOCX_LAYOUT = {
  page: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height) }, // 11906 × 16838
  margin: {
    top: mmToTwip(PAGE_MM.top),
    bottom: mmToTwip(PAGE_MM.bottom),
    left: mmToTwip(PAGE_MM.left),
    right: mmToTwip(PAGE_MM.right),
    header: mmToTwip(15),
    // The page number's line sits 7 mm below the type area (GB/T 9704 7.5): its foot about 23 mm above the page edge.
    footer: mmToTwip(PAGE_MM.bottom - 7 - 5),
  },
  typeAreaWidth: mmToTwip(typeAreaWidthMm), // 8844
  /** 22 lines on the type area: the line pitch, rounded down so that the 22nd line still fits. */
  linePitch: Math.floor(mmToTwip(typeAreaHeightMm) / PAGE_MM.linesPerPage), // 579
  /**
   * 28 characters a line: 156 mm ÷ 28 ≈ 15.79 pt a character, 0.21 pt less than the 16 pt body font,
   * so every run is condensed by 5 twips (0.25 pt). Done with character spacing rather than Word's
   * character grid (docGrid linesAndChars + charSpace), which LibreOffice and WPS lay out differently.
   */
  characterSpacing: Math.floor(((typeAreaWidthMm * 72) / 25.4 / PAGE_MM.charsPerLine - SIZES_PT.body) * 20),
  /** First-line indent of two characters of the body font. */
  indent: ptToTwip(SIZES_PT.body * 2),
} as const;

/** Left + right cell margins Word puts in every table cell (108 twips each side by default). */
const CELL_PADDING_TWIPS = 216;

/**
 * Width of a text in twips at `fontPt`, on the safe side: a CJK or full-width character and "%" one em, any other
 * digit or letter 0.65 em (仿宋 and the fonts LibreOffice and WPS fall back to set digits wider than half an em).
 */
export function textTwips(text: string, fontPt: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0xff || ch === "%" ? fontPt * 20 : fontPt * 13;
  return Math.ceil(w);
}

/**
 * Headers are bold, and bold glyphs are wider: a header estimated to fit exactly ("2023年决算数" in 1602 twips) wrapped
 * its last character in LibreOffice. Their width is taken 10% wider (in tenths, on whole twips: no float rounding).
 */
const BOLD_HEADER_TENTHS = 11;

/** A cell that must not wrap: an amount, a rate or a code ("1227.61", "95.39%", "2010301", "-"). */
const UNBREAKABLE = /^[-+−]?[\d,.]+%?$|^[-—–/]$/;

/**
 * Column widths (twips, adding up to `total`) for a report table, from what the columns hold. Each column needs
 * its longest figure unbroken ("1227.61" must never wrap into "1227." / "61"), its longest text on two lines and its
 * header on two lines; it would like its header and its longest cell on one line. Widths go first to what is needed,
 * then toward what is liked, and what is left to the text columns. When even the figures do not fit, the text columns
 * wrap in what is left; past that every column is scaled alike. `fontPt`: the table's font size in points.
 */
export function tableColumnWidths(header: string[], rows: string[][], total: number, fontPt: number): number[] {
  const n = header.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const minimum = 2 * fontPt * 20 + CELL_PADDING_TWIPS; // two CJK characters
  const need: number[] = [];
  const like: number[] = [];
  const rigid: boolean[] = [];
  for (let c = 0; c < n; c++) {
    const body = rows.map((r) => (r[c] ?? "").trim()).filter(Boolean);
    const figures = body.length > 0 && body.every((t) => UNBREAKABLE.test(t));
    const longest = Math.max(0, ...body.map((t) => textTwips(t, fontPt)));
    // A code or amount never wraps, even in a column that also holds text (科目编码 beside its 合计 row: "2010301" not "20/10/30/1"):
    // such a column is as rigid as a column of figures when its figures are what it needs.
    const longestFigure = Math.max(0, ...body.filter((t) => UNBREAKABLE.test(t)).map((t) => textTwips(t, fontPt)));
    rigid.push(figures || (longestFigure > 0 && longestFigure >= Math.ceil(longest / 2)));
    const head = Math.ceil((textTwips(header[c] ?? "", fontPt) * BOLD_HEADER_TENTHS) / 10);
    need.push(Math.max(minimum, (figures ? longest : Math.max(longestFigure, Math.ceil(longest / 2))) + CELL_PADDING_TWIPS, Math.ceil(head / 2) + CELL_PADDING_TWIPS));
    like.push(Math.max(need[c], longest + CELL_PADDING_TWIPS, head + CELL_PADDING_TWIPS));
  }
  let widths: number[];
  if (sum(like) <= total) {
    // Room for everything on one line: the spare goes to the text columns (or to all when every column is a figure).
    const text = like.map((w, i) => (rigid[i] ? 0 : w));
    const base = sum(text) > 0 ? text : like;
    const spare = total - sum(like);
    widths = like.map((w, i) => w + (spare * base[i]) / sum(base));
  } else if (sum(need) <= total) {
    // Everything needed fits: what is left goes toward what each column would like.
    const gap = like.map((w, i) => w - need[i]);
    const spare = total - sum(need);
    widths = need.map((w, i) => w + (spare * gap[i]) / sum(gap));
  } else {
    const rigidSum = sum(need.filter((_, i) => rigid[i]));
    const flex = sum(need.filter((_, i) => !rigid[i]));
    widths =
      rigidSum < total && flex > 0
        ? need.map((w, i) => (rigid[i] ? w : ((total - rigidSum) * w) / flex)) // figures unbroken, text wraps
        : need.map((w) => (total * w) / sum(need));
  }
  const out = widths.map((w) => Math.floor(w));
  out[out.length - 1] += total - sum(out); // whole twips adding up to the type area
  return out;
}
