/**
 * The look of an official document (GB/T 9704-2012 党政机关公文格式), as data shared
 * by the HTML and .docx renderers: one place for the fonts, sizes and page geometry.
 */

/** Fonts in order of preference: the official face first, then what Windows, macOS and Linux have. */
export const FONTS = {
  title: ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体", "SimSun", "Noto Serif CJK SC", "serif"],
  body: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "serif"],
  heading1: ["黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "sans-serif"],
  heading2: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", "serif"],
  pageNumber: ["宋体", "SimSun", "Noto Serif CJK SC", "serif"],
} as const;

/** Sizes in points: 二号 22 for the title, 三号 16 for the body, 四号 14 for page numbers. */
export const SIZES_PT = {
  title: 22,
  body: 16,
  pageNumber: 14,
  table: 10.5, // 五号
  /** 22 lines on the 225 mm type area: 225 mm ÷ 22 ≈ 28.95 pt per line. */
  linePitch: 28.95,
} as const;

/** A4 and the type area 156 mm × 225 mm: 28 characters × 22 lines. */
export const PAGE_MM = {
  width: 210,
  height: 297,
  top: 37,
  bottom: 35,
  left: 28,
  right: 26,
  charsPerLine: 28,
  linesPerPage: 22,
} as const;

/** The colour of every note to the user (【待填写：…】, 【请核对：…】) in the sheet, the .docx and the clipboard HTML. */
export const PROMPT_COLOR = "#C00000";
