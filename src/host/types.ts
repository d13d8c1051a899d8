/**
 * The one interface through which the task pane reaches a spreadsheet.
 * src/excel/ implements it over Office.js; a WPS 表格 implementation can be
 * added beside it without touching the core or the UI. Everything is batched:
 * an implementation makes a fixed number of round trips per call, whatever
 * the number of sheets, rows or projects.
 */
import type { CellScalar, FormulaFlavour, Grid, ReportSheet, RowHeight, SheetLayout } from "../core";

export interface InsertResult {
  /** The names the sheets were given (a taken name gets a free one: "附件1 基础数据表 (2)"). */
  names: string[];
}

/** One cell to rewrite: a formula, or a value (written as a value, text as text). */
export interface CellWrite {
  sheet: string;
  row: number; // 0-based
  col: number;
  formula?: string;
  value?: CellScalar;
}

export interface SpreadsheetHost {
  /** Shown in the UI ("Excel"). */
  readonly name: string;
  /** Every sheet's values and formulas, aligned to A1. */
  readGrids(): Promise<Grid[]>;
  /** Names of the sheets, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** Adds sheets from layouts, never touching an existing sheet. */
  insertSheets(layouts: SheetLayout[], flavour: FormulaFlavour): Promise<InsertResult>;
  /** Adds the narrative report as a new sheet (an earlier report is never replaced); resolves to its name. */
  insertReportSheet(sheet: ReportSheet): Promise<string>;
  /** Rewrites single cells (finalize: JX formulas → native formulas or values), in one batch; `heights` are set in the same batch. */
  writeCells(writes: CellWrite[], heights?: RowHeight[]): Promise<void>;
  /**
   * Sets row heights in points (the rows whose text changed: Excel does not grow merged or wrapped
   * rows by itself), all in one round trip. Optional: a host without it leaves heights alone.
   */
  setRowHeights?(heights: RowHeight[]): Promise<void>;
  /** Deletes a sheet (the UI asks the user first). */
  deleteSheet(name: string): Promise<void>;
  /** Selects and reveals a cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls `handler` after the user changes cells; resolves to an unsubscribe function. */
  onChange(handler: () => void): Promise<() => Promise<void>>;
  /** Whether this host runs the JX custom functions (decides the formula flavour "auto"). */
  supportsCustomFunctions(): boolean;
}

/** A failure the UI shows as it is: the message is Chinese and says what to do. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: string = "HostError",
  ) {
    super(message);
    this.name = "HostError";
  }
}
