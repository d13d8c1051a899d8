/**
 * The narrative report (自评报告): 报告素材 sheet → document tree → renderers,
 * and the check of a report's text against the tables. Pure; the .docx packer
 * lives in src/report-docx (it loads the `docx` package on demand).
 */
export {
  MATERIAL_SHEET_NAME,
  MATERIAL_TITLE_SUFFIX,
  MATERIAL_ITEMS,
  ACHIEVEMENT_ROWS,
  materialTemplate,
  materialLayout,
  emptyMaterial,
  materialFields,
  isMaterialSheet,
  readMaterial,
  type ReportMaterial,
} from "./material";
export { blockText, headings, documentTitle, isPrompt, prompts, nestQuotes, promptText, PROMPT_RE, type PromptKind, type ReportBlock, type ReportDocument, type Run } from "./document";
export { generateReport, totalScore, chineseDate, projectHasFigures, REPORT_SECTIONS, REPORT_TITLE_SUFFIX, WARNING_PREFIX, sectionHeading, type ReportOptions } from "./generate";
export { checkReportText, paragraphsFromGrid, REPORT_RULES, type ReportCheckOptions, type ReportParagraph, type ReportRule } from "./checkText";
export { renderSheet, freeReportSheetName, displayWidth, REPORT_SHEET_NAME, REPORT_ROW_FORMATS, type ReportSheet, type ReportSheetRow, type ReportRowStyle, type ReportRowFormat } from "./renderSheet";
export { renderPlainText, renderHtml, clipboardPayload } from "./renderText";
export { FONTS, SIZES_PT, PAGE_MM, PROMPT_COLOR } from "./style";
