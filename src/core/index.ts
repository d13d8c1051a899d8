/** The core's public surface: what the Excel layer, the functions, the CLI and the task pane use. */
export * from "./model";
export * from "./decimal";
export * from "./amount";
export * from "./calc";
export * from "./indicator";
export * from "./preset";
export * from "./grid";
export * from "./empty";
export * from "./exact";
export { finalizeFormula, nativeGradeFormula, twin, type Finalized } from "./finalize";
export { callJx, isJxError, JX_FUNCTIONS, jxFunction, setJxPreset, jxPreset, type JxError, type JxResult, type JxFunction } from "./jx";
export * from "./template/types";
export * from "./template/layout";
export * from "./template/print";
export * from "./template/refit";
export * from "./template/workbook";
export { basicTemplate, BASIC_SHEET_NAME } from "./template/basic";
export { selfEvaluationTemplate, SELF_EVALUATION_SHEET_NAME } from "./template/selfEvaluation";
export { projectTemplate, PROJECT_SHEET_PREFIX } from "./template/project";
export { readWorkbook, classifySheet, findYear, type WorkbookRead, type CellRef } from "./read/workbook";
export { checkPackage, countBySeverity, FORM_BLANK, isBlankForm, RULES, ruleById, type Finding, type Rule, type Severity, type CheckInput } from "./check";
export { SEVERITIES } from "./check/types";

import type { Grid } from "./grid";
import { checkReportText, materialLayout, paragraphsFromGrid } from "./report";
import { packageLayouts } from "./template/workbook";
import type { SheetLayout } from "./template/layout";
import type { TemplateParams } from "./template/types";
import { HUNAN_2024, type Preset } from "./preset";
import { readWorkbook } from "./read/workbook";
import { checkPackage } from "./check";

/** Is this sheet a narrative report (自评报告, 自评报告(2), or a sheet whose title ends with 自评报告)? */
export function isReportSheet(grid: Grid): boolean {
  if (/^自评报告/.test(grid.sheet.trim())) return true;
  const first = grid.values.slice(0, 3).flat().find((v) => typeof v === "string" && v.trim());
  return typeof first === "string" && /自评报告$/.test(first.replace(/\s+/g, ""));
}

/**
 * Grids → model → findings, in one call: what every host does on 校验. Report sheets in the
 * workbook (generated, edited, or pasted in from last year) are checked against the tables too.
 */
export function checkGrids(grids: Grid[], preset: Preset = HUNAN_2024) {
  const read = readWorkbook(grids);
  const findings = checkPackage({ pkg: read.pkg, cellOf: read.cellOf, sheets: read.sheets }, preset);
  const hasTables = read.sheets.length > 0;
  for (const grid of grids) {
    if (!hasTables || !isReportSheet(grid)) continue;
    findings.push(...checkReportText(paragraphsFromGrid(grid), read.pkg, { preset, sheet: grid.sheet, cellOf: read.cellOf }));
  }
  return { ...read, findings };
}

/** Everything a new workbook gets: 附件1, 附件2, the 附件3 sheets, and the 报告素材 sheet for the report. */
export function newWorkbookLayouts(params: TemplateParams & { projects?: number }): SheetLayout[] {
  return [...packageLayouts(params), materialLayout(params)];
}

export * from "./report";
