/**
 * The "Excel process" of the host: the workbook model, the request pipeline behind
 * `context.sync()` (edit-mode refusal, payload limits, in-order execution, loads committed only
 * when the whole request succeeded), sync counting, and event delivery.
 * Browser-safe (no Node imports).
 */
import { cellA1, rectA1, type Rect } from "./address";
import { HostOfficeError, type HostErrorCode } from "./errors";
import { WorkbookModel, type Cell, type Scalar, type SheetModel } from "./model";

export interface HostLimits {
  /** Excel on the web refuses a request (the queued commands of one sync) above 5 MB. */
  requestBytes: number;
  /** … and a response above 5 MB. */
  responseBytes: number;
  /** Reading more cells than this in one property makes the sync fail (RangeExceedsLimit). */
  cellsPerRead: number;
}

/** Computes a formula's value; return undefined to leave it uncomputed (values reads null). */
export type FormulaEvaluator = (formula: string, at: { sheet: string; address: string }, read: CellReader) => Scalar | null | undefined;

export interface CellReader {
  /** The value of a cell as `range.values` would give it ("" when empty). */
  value(sheet: string, address: string): Scalar | null;
}

export interface SyncRecord {
  /** The implicit flush at the end of `Excel.run` (only when commands were still queued). */
  implicit: boolean;
  /** Commands in the request (loads, writes, method calls, object creations). */
  commands: number;
  requestBytes: number;
  responseBytes: number;
  /** Error code when the sync rejected. */
  error?: string;
}

/** One queued command. */
export interface Op {
  location: string;
  bytes: number;
  exec(tx: Tx): void;
}

/** What one request accumulates while its commands run. */
export class Tx {
  commits: (() => void)[] = [];
  responseBytes = 0;
  events: (() => void)[] = [];
  constructor(readonly engine: Engine) {}
}

export type EventName = "onChanged" | "onAdded" | "onDeleted" | "onActivated" | "onDeactivated" | "onSelectionChanged";

interface Registration {
  id: number;
  scope: string; // "*" for the collection, else a worksheet id
  event: EventName;
  handler: (args: never) => Promise<unknown>;
}

export interface ContextLikeForEngine {
  _takeQueue(): Op[];
  readonly _delayForCellEdit: boolean;
}

/** UTF-8 byte length of a value's JSON, as the request would carry it. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class Engine {
  readonly model: WorkbookModel;
  limits: HostLimits;
  evaluate?: FormulaEvaluator;
  syncCount = 0;
  syncLog: SyncRecord[] = [];
  enableEvents = true;
  workbookName = "Book1.xlsx";
  calculationMode: Excel.Application["calculationMode"] = "Automatic";
  eventErrors: unknown[] = [];
  private editing: { remaining: number | null } | null = null;
  private editWaiters: (() => void)[] = [];
  private registrations: Registration[] = [];
  private nextRegistration = 1;
  private pending = new Set<Promise<unknown>>();

  constructor(options: { limits?: Partial<HostLimits>; evaluate?: FormulaEvaluator; now?: () => Date }) {
    this.model = new WorkbookModel({ now: options.now });
    this.limits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000, ...options.limits };
    this.evaluate = options.evaluate;
  }

  // --- cells as Excel reports them ---------------------------------------------------------

  valueOf(sheet: SheetModel, r: number, c: number, cell = sheet.cell(r, c)): Scalar | null {
    if (!cell) return "";
    if (cell.f !== undefined) {
      if (!this.evaluate) return null;
      const reader: CellReader = {
        value: (name, address) => {
          const s = this.model.byName(name);
          const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
          if (!s || !m) return null;
          let col = 0;
          for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
          return this.valueOf(s, Number(m[2]) - 1, col - 1);
        },
      };
      const v = this.evaluate(cell.f, { sheet: sheet.name, address: cellA1(r, c) }, reader);
      return v === undefined ? null : v;
    }
    return cell.v ?? "";
  }

  /** `range.formulas` of one cell: the formula, else the constant (a '-prefixed text loses its apostrophe, as in Excel). */
  formulaOf(cell: Cell | undefined): Scalar {
    if (!cell) return "";
    return cell.f ?? cell.v ?? "";
  }

  valueTypeOf(sheet: SheetModel, r: number, c: number, cell = sheet.cell(r, c)): string {
    if (!cell || (cell.v === undefined && cell.f === undefined)) return "Empty";
    const v = this.valueOf(sheet, r, c, cell);
    if (v === null) return "Unknown";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "number") return "Double";
    if (v === "") return cell.f !== undefined ? "String" : "Empty";
    if (cell.f !== undefined && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(v)) return "Error";
    return "String";
  }

  // --- the request pipeline ----------------------------------------------------------------

  setEditing(editing: boolean, syncs?: number): void {
    if (!editing) {
      this.editing = null;
      const waiters = this.editWaiters;
      this.editWaiters = [];
      for (const w of waiters) w();
      return;
    }
    this.editing = { remaining: syncs === undefined ? null : syncs };
    if (syncs === 0) this.setEditing(false);
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }

  private consumeEdit(): void {
    if (this.editing && this.editing.remaining !== null && --this.editing.remaining <= 0) this.setEditing(false);
  }

  async sync(ctx: ContextLikeForEngine, implicit = false): Promise<void> {
    this.syncCount++;
    const ops = ctx._takeQueue();
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = { implicit, commands: ops.length, requestBytes, responseBytes: 0 };
    this.syncLog.push(record);
    const fail = (code: HostErrorCode, location?: string): never => {
      record.error = code;
      throw new HostOfficeError(code, undefined, location);
    };
    await Promise.resolve();
    if (this.editing) {
      if (ctx._delayForCellEdit) {
        if (this.editing.remaining !== null) this.consumeEdit();
        else await new Promise<void>((resolve) => this.editWaiters.push(resolve));
      } else {
        this.consumeEdit();
        fail("InvalidOperationInCellEditMode");
      }
    }
    if (requestBytes > this.limits.requestBytes) fail("RequestPayloadSizeLimitExceeded");
    const tx = new Tx(this);
    try {
      for (const op of ops) op.exec(tx);
    } catch (e) {
      record.error = e instanceof HostOfficeError ? e.code : "GeneralException";
      this.deliver(tx);
      throw e;
    }
    record.responseBytes = tx.responseBytes;
    if (tx.responseBytes > this.limits.responseBytes) {
      this.deliver(tx);
      fail("ResponsePayloadSizeLimitExceeded");
    }
    for (const commit of tx.commits) commit();
    this.deliver(tx);
  }

  // --- events ------------------------------------------------------------------------------

  register(scope: string, event: EventName, handler: (args: never) => Promise<unknown>): number {
    const id = this.nextRegistration++;
    this.registrations.push({ id, scope, event, handler });
    return id;
  }

  unregister(id: number): void {
    this.registrations = this.registrations.filter((r) => r.id !== id);
  }

  unregisterHandler(scope: string, event: EventName, handler: unknown): void {
    this.registrations = this.registrations.filter((r) => !(r.scope === scope && r.event === event && r.handler === handler));
  }

  handlerCount(event?: EventName): number {
    return this.registrations.filter((r) => event === undefined || r.event === event).length;
  }

  /** Queues an event for delivery once the current request (or user action) is done. */
  emit(tx: Tx | null, event: EventName, sheetId: string, args: object): void {
    if (!this.enableEvents) return;
    const fire = () => {
      for (const reg of this.registrations.filter((r) => r.event === event && (r.scope === "*" || r.scope === sheetId))) {
        const p = Promise.resolve()
          .then(() => reg.handler(args as never))
          .catch((e: unknown) => {
            this.eventErrors.push(e);
          });
        this.pending.add(p);
        void p.finally(() => this.pending.delete(p));
      }
    };
    if (tx) tx.events.push(fire);
    else fire();
  }

  private deliver(tx: Tx): void {
    const events = tx.events;
    tx.events = [];
    if (events.length === 0) return;
    const p = Promise.resolve().then(() => {
      for (const fire of events) fire();
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Resolves when every event handler started so far (and those they triggered) has finished. */
  async idle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      if (this.pending.size === 0) {
        await new Promise((r) => setTimeout(r, 0));
        if (this.pending.size === 0) return;
      }
      await Promise.allSettled([...this.pending]);
    }
  }

  changedArgs(sheet: SheetModel, area: Rect, changeType: string, triggerSource: "ThisLocalAddin" | "Unknown", details?: object): object {
    const address = rectA1(area);
    const sheetId = sheet.id;
    const base = {
      type: "WorksheetChanged",
      worksheetId: sheetId,
      address,
      changeType,
      source: "Local",
      triggerSource,
      getRange: (ctx: { workbook: { worksheets: { getItem(k: string): { getRange(a: string): unknown } } } }) =>
        ctx.workbook.worksheets.getItem(sheetId).getRange(address),
      getRangeOrNullObject: (ctx: {
        workbook: { worksheets: { getItemOrNullObject(k: string): { getRange(a: string): unknown } } };
      }) => ctx.workbook.worksheets.getItemOrNullObject(sheetId).getRange(address),
    };
    return details ? { ...base, details } : base;
  }
}
