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
export * from "./template/workbook";
export { basicTemplate, BASIC_SHEET_NAME } from "./template/basic";
export { selfEvaluationTemplate, SELF_EVALUATION_SHEET_NAME } from "./template/selfEvaluation";
export { projectTemplate, PROJECT_SHEET_PREFIX } from "./template/project";
export { readWorkbook, classifySheet, findYear, type WorkbookRead, type CellRef } from "./read/workbook";
export { checkPackage, countBySeverity, RULES, ruleById, type Finding, type Rule, type Severity, type CheckInput } from "./check";
export { SEVERITIES } from "./check/types";

import type { Grid } from "./grid";
import { HUNAN_2024, type Preset } from "./preset";
import { readWorkbook } from "./read/workbook";
import { checkPackage } from "./check";

/** Grids → model → findings, in one call: what every host does on 校验. */
export function checkGrids(grids: Grid[], preset: Preset = HUNAN_2024) {
  const read = readWorkbook(grids);
  const findings = checkPackage({ pkg: read.pkg, cellOf: read.cellOf, sheets: read.sheets }, preset);
  return { ...read, findings };
}
