/**
 * GB/T 9704 page geometry in Word's units, computed from the millimetres and points of
 * src/core/report/style.ts. Pure numbers: tested without the docx package.
 */
import { PAGE_MM, SIZES_PT } from "../core/report/style";
import { textUnits } from "../core/template/print";

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

/** A cell that must not wrap: an amount, a rate or a code ("1227.61", "95.39%", "2010301", "-"). */
const UNBREAKABLE = /^[-+−]?[\d,.]+%?$|^[-—–/]$/;

/**
 * Column widths (twips, adding up to `total`) for a report table, from what the columns hold: an amount or a code
 * never wraps ("1227.61" must not break into "1227." / "61"), text columns share the rest in proportion to their
 * longest text, and a header may wrap over up to three lines. When even the figures do not fit, every column is
 * scaled down alike. `fontPt`: the table's font size in points.
 */
export function tableColumnWidths(header: string[], rows: string[][], total: number, fontPt: number): number[] {
  const n = header.length;
  const unitTwips = fontPt * 10; // half an em of a `fontPt` font, in twips
  const need: number[] = [];
  const rigid: boolean[] = [];
  for (let c = 0; c < n; c++) {
    const body = rows.map((r) => (r[c] ?? "").trim()).filter(Boolean);
    const longest = Math.max(0, ...body.map(textUnits));
    rigid.push(body.length > 0 && body.every((t) => UNBREAKABLE.test(t)));
    need.push(Math.max(4, longest, Math.ceil(textUnits(header[c] ?? "") / 3)) * unitTwips + CELL_PADDING_TWIPS);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  const rigidSum = sum(need.filter((_, i) => rigid[i]));
  const flexNeed = sum(need.filter((_, i) => !rigid[i]));
  if (sum(need) <= total) {
    // Room for all: the spare goes to the text columns (or to all when every column is a figure).
    const spare = total - sum(need);
    const base = flexNeed > 0 ? flexNeed : sum(need);
    widths = need.map((w, i) => (flexNeed > 0 && rigid[i] ? w : w + (spare * w) / base));
  } else if (rigidSum < total && flexNeed > 0) {
    // Figures keep their width; text columns share what is left (and wrap).
    widths = need.map((w, i) => (rigid[i] ? w : ((total - rigidSum) * w) / flexNeed));
  } else {
    widths = need.map((w) => (total * w) / sum(need));
  }
  const out = widths.map((w) => Math.floor(w));
  out[out.length - 1] += total - sum(out); // whole twips adding up to the type area
  return out;
}
