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
