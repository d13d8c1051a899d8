/**
 * createExcelHost(): an in-memory Excel for tests — `run` behaves like `Excel.run`, plus what a
 * test needs around it: the workbook's state, sync counting, simulated user actions (typing into
 * cells, inserting rows, being in cell-edit mode) and change events. Browser-safe (no Node
 * imports); saving to .xlsx lives in ./save (Node only).
 */
import { cellsOf, columnIndex, parseAddress, rect, rectA1, type Rect } from "./address";
import { Engine, type FormulaEvaluator, type HostLimits, type SyncRecord } from "./engine";
import { HostOfficeError } from "./errors";
import { applyParsed, displayText, parseInput, type Cell, type CellStyle, type Scalar, type SheetModel, type WorkbookModel } from "./model";
import { HostContext, HostObject } from "./proxies";

export interface ExcelHostOptions {
  /** Sheets the workbook starts with (default: one sheet, "Sheet1"). */
  sheets?: string[];
  /** Request / response size limits (default 5 MB each, as Excel on the web). */
  limits?: Partial<HostLimits>;
  /** Computes formula values; without it a formula cell's `values` entry is null (not computed). */
  evaluate?: FormulaEvaluator;
  /** Clock for "3-5"-style date entry (current year). */
  now?: () => Date;
  /** What Office.context.requirements.isSetSupported answers (default ExcelApi 1.14 and a few others). */
  requirementSets?: Record<string, string>;
}

export interface RunOptionsLike {
  delayForCellEdit?: boolean;
  previousObjects?: unknown;
}

export type ExcelRun = {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(first: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
};

/** Everything about one cell, straight from the model. */
export interface CellInfo {
  /** As `range.values` reports it: "" when empty, null for a formula the host does not compute. */
  value: Scalar | null;
  /** As `range.formulas` reports it. */
  formula: Scalar;
  /** The formula text when the cell holds one. */
  isFormula: boolean;
  numberFormat: string;
  text: string;
  /** Entered with Excel's ' text prefix. */
  quotePrefix: boolean;
  style: Readonly<CellStyle>;
}

/** Read-only view of one sheet for assertions (addresses in A1 form; rows 1-based as in A1). */
export interface SheetView {
  readonly name: string;
  readonly id: string;
  readonly position: number;
  readonly visibility: string;
  readonly tabColor: string;
  value(address: string): Scalar | null;
  formula(address: string): Scalar;
  numberFormat(address: string): string;
  text(address: string): string;
  cell(address: string): CellInfo;
  values(address?: string): (Scalar | null)[][];
  formulas(address?: string): Scalar[][];
  /** Merged areas, e.g. ["A1:I1", "A3:A4"], sorted by position. */
  merges(): string[];
  /** Column width in points (Excel's unit for `format.columnWidth`). */
  columnWidth(column: string): number;
  /** Row height in points; `row` as in A1 ("5" or 5 = the fifth row). */
  rowHeight(row: number | string): number;
  usedRange(valuesOnly?: boolean): string | null;
  freeze(): { rows: number; cols: number } | null;
  /** What was set through `worksheet.pageLayout` (printTitleRows from setPrintTitleRows). */
  page(): Record<string, unknown>;
  /** Conditional formats added, as { address, type, formula, fill }. */
  conditionalFormats(): { address: string; type: string; formula?: string; fill?: string }[];
}

export interface ExcelHost {
  /** `Excel.run`. */
  run: ExcelRun;
  readonly syncCount: number;
  resetSyncCount(): void;
  /** One record per sync since the last reset: commands, bytes, error code. */
  readonly syncLog: readonly SyncRecord[];
  sheetNames(): string[];
  hasSheet(name: string): boolean;
  sheet(name: string): SheetView;
  activeSheetName(): string;
  selection(): { sheet: string; address: string };
  /** Setup helper: adds a sheet directly (no sync, no event). */
  addSheet(name: string): SheetView;
  /** Setup helper: writes like `range.values` would, without a sync and without events. */
  setValues(sheet: string, address: string, values: unknown): void;
  /** The user types into cells (Excel's input rules), then onChanged fires (triggerSource "Unknown"). Resolves after the handlers. */
  userEdit(sheet: string, address: string, values: unknown): Promise<void>;
  /** The user selects a range (activating its sheet); selection events fire. */
  userSelect(sheet: string, address: string): Promise<void>;
  /** The user inserts `count` whole rows before row `row` (1-based, as in A1). */
  userInsertRows(sheet: string, row: number, count?: number): Promise<void>;
  /** The user renames a sheet (formulas referring to it follow). */
  userRenameSheet(from: string, to: string): Promise<void>;
  /** Fires onChanged for an address without changing anything. */
  fireChange(sheet: string, address: string, options?: { changeType?: string; triggerSource?: "Unknown" | "ThisLocalAddin" }): Promise<void>;
  /**
   * The user is (or stops) editing a cell: syncs reject with InvalidOperationInCellEditMode —
   * the next `syncs` of them when given, else until setEditingCell(false). Runs with
   * `{ delayForCellEdit: true }` wait instead.
   */
  setEditingCell(editing: boolean, syncs?: number): void;
  readonly limits: HostLimits;
  /** Resolves when all event handlers started so far have finished. */
  idle(): Promise<void>;
  /** Errors thrown by event handlers (they never reach the caller, as in Excel). */
  readonly eventErrors: readonly unknown[];
  /** Registered event handlers (all, or of one event). */
  handlerCount(event?: "onChanged" | "onAdded" | "onDeleted" | "onActivated" | "onDeactivated" | "onSelectionChanged"): number;
  /** Requirement sets answered by Office.context.requirements.isSetSupported. */
  readonly requirementSets: Record<string, string>;
  /** The model itself (for ./save and for debugging). */
  readonly model: WorkbookModel;
  /** The engine (for ./globals and for debugging). */
  readonly engine: Engine;
}

const DEFAULT_SETS: Record<string, string> = {
  ExcelApi: "1.14",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.3",
  RibbonApi: "1.1",
  DialogApi: "1.2",
  IdentityAPI: "1.3",
};

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const engine = new Engine({ limits: options.limits, evaluate: options.evaluate, now: options.now });
  const model = engine.model;
  for (const name of options.sheets ?? ["Sheet1"]) model.add(name);

  const sheetOrThrow = (name: string): SheetModel => {
    const s = model.byName(name);
    if (!s) throw new Error(`No sheet named "${name}" (sheets: ${model.sheets.map((x) => x.name).join(", ")})`);
    return s;
  };
  const rectOf = (address: string): Rect => {
    const p = parseAddress(address);
    if (!p) throw new Error(`Not an address: ${address}`);
    return p.rect;
  };

  const run = (async (...args: unknown[]) => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: HostContext | undefined;
    let delay = false;
    const contextOf = (o: unknown): HostContext | undefined => (o instanceof HostContext ? o : o instanceof HostObject ? o.context : undefined);
    if (first !== undefined) {
      ctx = contextOf(first);
      if (!ctx && Array.isArray(first)) {
        const contexts = new Set(first.map(contextOf));
        if (contexts.size > 1) throw new HostOfficeError("InvalidRequestContext", undefined, "Excel.run");
        ctx = [...contexts][0];
      }
      if (!ctx && first && typeof first === "object") {
        const o = first as RunOptionsLike;
        delay = Boolean(o.delayForCellEdit);
        const prev = o.previousObjects;
        ctx = contextOf(prev) ?? (Array.isArray(prev) ? contextOf(prev[0]) : undefined);
      }
    }
    const context = ctx ?? new HostContext(engine);
    const previousDelay = context._delayForCellEdit;
    context._delayForCellEdit = delay;
    try {
      const ret = batch(context as unknown as Excel.RequestContext) as unknown;
      if (!ret || typeof (ret as Promise<unknown>).then !== "function") throw new HostOfficeError("RunMustReturnPromise", undefined, "Excel.run");
      const result = await (ret as Promise<unknown>);
      if (context._queueItems.length > 0) await engine.sync(context, true);
      return result;
    } finally {
      context._queueItems = [];
      context._gen++;
      context._delayForCellEdit = previousDelay;
    }
  }) as ExcelRun;

  const view = (s: SheetModel): SheetView => {
    const info = (address: string): CellInfo => {
      const r = rectOf(address);
      const cell: Cell | undefined = s.cell(r.r0, r.c0);
      const value = engine.valueOf(s, r.r0, r.c0, cell);
      return {
        value,
        formula: engine.formulaOf(cell),
        isFormula: cell?.f !== undefined,
        numberFormat: cell?.nf ?? "General",
        text: displayText(value, cell?.nf),
        quotePrefix: Boolean(cell?.q),
        style: { ...cell?.s },
      };
    };
    const area = (address?: string): Rect => (address ? rectOf(address) : (s.usedRect(false) ?? rect(0, 0, 0, 0)));
    const grid = <V>(r: Rect, fn: (row: number, col: number) => V): V[][] => {
      const out: V[][] = [];
      for (let i = r.r0; i <= r.r1; i++) {
        const line: V[] = [];
        for (let j = r.c0; j <= r.c1; j++) line.push(fn(i, j));
        out.push(line);
      }
      return out;
    };
    return {
      get name() {
        return s.name;
      },
      get id() {
        return s.id;
      },
      get position() {
        return model.sheets.indexOf(s);
      },
      get visibility() {
        return s.visibility;
      },
      get tabColor() {
        return s.tabColor;
      },
      value: (a) => info(a).value,
      formula: (a) => info(a).formula,
      numberFormat: (a) => info(a).numberFormat,
      text: (a) => info(a).text,
      cell: info,
      values: (a) => grid(area(a), (i, j) => engine.valueOf(s, i, j)),
      formulas: (a) => grid(area(a), (i, j) => engine.formulaOf(s.cell(i, j))),
      merges: () => [...s.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0).map(rectA1),
      columnWidth: (column) => s.columnWidth(columnIndex(column)),
      rowHeight: (row) => s.rowHeight(Number(row) - 1),
      usedRange: (valuesOnly = false) => {
        const u = s.usedRect(valuesOnly);
        return u ? rectA1(u) : null;
      },
      freeze: () => (s.freeze ? { ...s.freeze } : null),
      page: () => structuredClone(s.page),
      conditionalFormats: () => s.conditionalFormats.map((c) => ({ address: rectA1(c.rect), type: c.type, formula: c.formula, fill: c.fill })),
    };
  };

  const writeAsUser = (s: SheetModel, r: Rect, values: unknown): void => {
    const grid = Array.isArray(values) ? (values as unknown[][]) : null;
    if (grid && (grid.length !== r.r1 - r.r0 + 1 || grid.some((row) => !Array.isArray(row) || row.length !== r.c1 - r.c0 + 1))) {
      throw new Error(`userEdit/setValues: the array does not match ${rectA1(r)}`);
    }
    for (const [i, j] of cellsOf(r)) {
      const raw = grid ? grid[i - r.r0][j - r.c0] : values;
      applyParsed(s, i, j, parseInput(raw, s.cell(i, j)?.nf, model.now(), "userEdit"));
    }
  };

  const host: ExcelHost = {
    run,
    get syncCount() {
      return engine.syncCount;
    },
    resetSyncCount() {
      engine.syncCount = 0;
      engine.syncLog = [];
    },
    get syncLog() {
      return engine.syncLog;
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    hasSheet: (name) => model.byName(name) !== undefined,
    sheet: (name) => view(sheetOrThrow(name)),
    activeSheetName: () => model.active().name,
    selection: () => {
      const s = model.active();
      return { sheet: s.name, address: rectA1(s.selection) };
    },
    addSheet(name) {
      return view(model.add(name));
    },
    setValues(sheet, address, values) {
      writeAsUser(sheetOrThrow(sheet), rectOf(address), values);
    },
    async userEdit(sheet, address, values) {
      const s = sheetOrThrow(sheet);
      const r = rectOf(address);
      const single = r.r0 === r.r1 && r.c0 === r.c1;
      const before = single ? { v: engine.valueOf(s, r.r0, r.c0), t: engine.valueTypeOf(s, r.r0, r.c0) } : null;
      writeAsUser(s, r, values);
      const details = before
        ? { valueBefore: before.v, valueTypeBefore: before.t, valueAfter: engine.valueOf(s, r.r0, r.c0), valueTypeAfter: engine.valueTypeOf(s, r.r0, r.c0) }
        : undefined;
      engine.emit(null, "onChanged", s.id, engine.changedArgs(s, r, "RangeEdited", "Unknown", details));
      await engine.idle();
    },
    async userSelect(sheet, address) {
      const s = sheetOrThrow(sheet);
      const r = rectOf(address);
      const before = model.active();
      model.activeId = s.id;
      s.selection = r;
      if (before !== s) {
        engine.emit(null, "onDeactivated", before.id, { type: "WorksheetDeactivated", worksheetId: before.id });
        engine.emit(null, "onActivated", s.id, { type: "WorksheetActivated", worksheetId: s.id });
      }
      engine.emit(null, "onSelectionChanged", s.id, { type: "WorksheetSelectionChanged", worksheetId: s.id, address: rectA1(r) });
      await engine.idle();
    },
    async userInsertRows(sheet, row, count = 1) {
      const s = sheetOrThrow(sheet);
      model.shift(s, "row", row - 1, count, [0, 16383], "userInsertRows");
      engine.emit(null, "onChanged", s.id, engine.changedArgs(s, rect(row - 1, 0, row - 2 + count, 16383), "RowInserted", "Unknown"));
      await engine.idle();
    },
    async userRenameSheet(from, to) {
      model.rename(sheetOrThrow(from), to, "userRenameSheet");
      await engine.idle();
    },
    async fireChange(sheet, address, opts = {}) {
      const s = sheetOrThrow(sheet);
      engine.emit(null, "onChanged", s.id, engine.changedArgs(s, rectOf(address), opts.changeType ?? "RangeEdited", opts.triggerSource ?? "Unknown"));
      await engine.idle();
    },
    setEditingCell(editing, syncs) {
      engine.setEditing(editing, syncs);
    },
    get limits() {
      return engine.limits;
    },
    idle: () => engine.idle(),
    get eventErrors() {
      return engine.eventErrors;
    },
    handlerCount: (event) => engine.handlerCount(event),
    requirementSets: { ...DEFAULT_SETS, ...options.requirementSets },
    model,
    engine,
  };
  return host;
}

