/**
 * The in-memory Excel host (browser-safe entry). Node-only saving: ./save.
 * See README.md in this folder for the semantics modelled and the simplifications.
 */
export { createExcelHost, type ExcelHost, type ExcelHostOptions, type ExcelRun, type SheetView, type CellInfo } from "./host";
export { installExcelGlobals, EXCEL_ENUMS, type GlobalsOptions } from "./globals";
export { HostOfficeError, isHostError, SHAPE_MISMATCH, type HostErrorCode } from "./errors";
export type { FormulaEvaluator, CellReader, HostLimits, SyncRecord } from "./engine";
export type { Scalar, CellStyle } from "./model";
export type * from "./api";
