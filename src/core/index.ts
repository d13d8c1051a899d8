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
export { callsJx, finalizeFormula, formulaRefs, nativeGradeFormula, normalizeJxCalls, shiftFormula, twin, type Finalized, type FormulaRef } from "./finalize";
export { callJx, isJxError, JX_FUNCTIONS, jxFunction, setJxPreset, jxPreset, type JxError, type JxResult, type JxFunction } from "./jx";
export * from "./template/types";
export * from "./template/layout";
export * from "./template/print";
export * from "./template/refit";
export * from "./template/workbook";
export { basicTemplate, BASIC_SHEET_NAME } from "./template/basic";
export { selfEvaluationTemplate, SELF_EVALUATION_SHEET_NAME } from "./template/selfEvaluation";
export { projectTemplate, PROJECT_SHEET_PREFIX } from "./template/project";
export { withLayout, inLayoutUnit, PROPORTIONAL_METHOD_TEXT } from "./template/presetLayout";
export { readWorkbook, classifySheet, findYear, packagesByYear, type PackageGroup, type ReadWorkbookOptions, type WorkbookRead, type CellRef } from "./read/workbook";
export { COLUMN_SYNONYMS, columnKey, amountUnitOf, AMOUNT_UNITS, type AmountUnit } from "./read/headers";
export { checkPackage, checkPackageFull, countBySeverity, FORM_BLANK, isBlankForm, notCheckedText, RULES, ruleById, type Finding, type Rule, type Severity, type CheckInput, type NotChecked } from "./check";
export { SEVERITIES } from "./check/types";

import type { Grid } from "./grid";
import { checkReportText, materialLayout, paragraphsFromGrid } from "./report";
import { packageLayouts } from "./template/workbook";
import type { SheetLayout } from "./template/layout";
import type { TemplateParams } from "./template/types";
import { HUNAN_2024, type Preset } from "./preset";
import { readWorkbook } from "./read/workbook";
import { checkPackageFull, notCheckedText } from "./check";
import { checkFinalAccountsText, isFinalAccountsNarrativeSheet } from "./finalAccounts/checkText";
import { withFinalAccounts } from "./finalAccounts/read";

/** Is this sheet a narrative report (自评报告, 自评报告(2), or a sheet whose title ends with 自评报告)? */
export function isReportSheet(grid: Grid): boolean {
  if (/^自评报告/.test(grid.sheet.trim())) return true;
  // The first text of the first three rows is the title.
  for (const row of grid.values.slice(0, 3)) {
    for (const v of row ?? []) if (typeof v === "string" && v.trim()) return /自评报告$/.test(v.replace(/\s+/g, ""));
  }
  return false;
}

/**
 * Grids → model → findings, in one call: what every host does on 校验. Report sheets in the
 * workbook (generated, edited, or pasted in from last year) are checked against the tables too.
 */
export function checkGrids(grids: Grid[], preset: Preset = HUNAN_2024) {
  const read = withFinalAccounts(readWorkbook(grids), grids);
  const { findings, notChecked } = checkPackageFull({ pkg: read.pkg, cellOf: read.cellOf, sheets: read.sheets, absent: read.absent, facts: read.facts, finalAccounts: read.finalAccounts }, preset);
  const hasTables = read.sheets.length > 0;
  for (const grid of grids) {
    if (read.finalAccounts && isFinalAccountsNarrativeSheet(grid)) {
      findings.push(...checkFinalAccountsText(paragraphsFromGrid(grid), read.finalAccounts, { sheet: grid.sheet, cellOf: read.cellOf, basic: read.pkg.basic }));
      continue;
    }
    if (!hasTables || !isReportSheet(grid)) continue;
    findings.push(...checkReportText(paragraphsFromGrid(grid), read.pkg, { preset, sheet: grid.sheet, cellOf: read.cellOf }));
  }
  // What could not be checked is said, never skipped in silence: in the notices every host shows.
  return { ...read, findings, notChecked, notices: [...read.notices, ...notChecked.map(notCheckedText)] };
}

/** Everything a new workbook gets: 附件1, 附件2, the 附件3 sheets, and the 报告素材 sheet for the report. */
export function newWorkbookLayouts(params: TemplateParams & { projects?: number }): SheetLayout[] {
  return [...packageLayouts(params), materialLayout(params)];
}

export * from "./report";
export * from "./finalAccounts";
