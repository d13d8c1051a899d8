/**
 * Office.js-style proxy objects over the engine: every property read needs a prior `load` and
 * `context.sync()`; every write or method call is queued and runs, in order, at the next sync.
 * Objects returned by methods resolve when the request runs (so a missing sheet rejects the sync
 * with ItemNotFound, an *OrNullObject call yields `isNullObject === true`).
 * Browser-safe (no Node imports).
 */
import type * as Api from "./api";
import {
  MAX_COLS,
  MAX_ROWS,
  boundingRect,
  cols,
  inGrid,
  intersection,
  intersects,
  isEntireColumn,
  isEntireRow,
  parseAddress,
  qualifiedA1,
  rect,
  rectA1,
  rows,
  type Rect,
} from "./address";
import { jsonBytes, type Engine, type EventName, type Op, type Tx } from "./engine";
import { HostOfficeError, SHAPE_MISMATCH, invalidObjectPath, propertyNotLoaded } from "./errors";
import {
  applyParsed,
  displayText,
  normalizeColor,
  parseInput,
  DEFAULT_FONT,
  type BorderSide,
  type BorderSpec,
  type Cell,
  type CellStyle,
  type Parsed,
  type SheetModel,
  type ConditionalFormatRecord,
} from "./model";

// ---------------------------------------------------------------------------------------------
// load(): "a, b/c", ["a", "b/c"], { select, expand }, { a: true, b: { c: true } }, or nothing

interface LoadTree {
  all: boolean;
  props: Map<string, LoadTree>;
}

const ALL: LoadTree = { all: true, props: new Map() };

function addPath(tree: LoadTree, path: string, all: boolean): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter(Boolean);
  let cur = tree;
  parts.forEach((p, i) => {
    let next = cur.props.get(p);
    if (!next) {
      next = { all: false, props: new Map() };
      cur.props.set(p, next);
    }
    if (i === parts.length - 1 && all) next.all = true;
    cur = next;
  });
}

function parseLoad(spec: unknown): LoadTree {
  if (spec === undefined || spec === null) return { all: true, props: new Map() };
  const tree: LoadTree = { all: false, props: new Map() };
  const paths = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(",") : []);
  if (typeof spec === "string" || Array.isArray(spec)) {
    for (const p of paths(spec)) if (p.trim()) addPath(tree, p, false);
    return tree;
  }
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      if (o.select === undefined) tree.all = true;
      for (const p of paths(o.select)) if (p.trim()) addPath(tree, p, false);
      for (const p of paths(o.expand)) if (p.trim()) addPath(tree, p, true);
      return tree;
    }
    const walk = (obj: Record<string, unknown>, t: LoadTree) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === "$all") {
          if (v) t.all = true;
          continue;
        }
        if (k.startsWith("$")) continue;
        if (v === true) addPath(t, k, false);
        else if (v && typeof v === "object") {
          const sub: LoadTree = { all: false, props: new Map() };
          walk(v as Record<string, unknown>, sub);
          t.props.set(k, sub);
        }
      }
    };
    walk(o, tree);
    return tree;
  }
  throw new HostOfficeError("InvalidArgument", undefined, "load");
}

const unsupported = (type: string, prop: string) =>
  new HostOfficeError("InvalidArgument", `The in-memory Excel host does not implement '${type}.${prop}'.`, `${type}.${prop}`);

// ---------------------------------------------------------------------------------------------

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

let proxyCounter = 0;

export abstract class HostObject<T> {
  readonly context: HostContext;
  /** Loaded (after sync) or locally set property values. */
  _values = new Map<string, unknown>();
  _isNull: boolean | undefined = undefined;
  _gen: number;
  _tracked = false;
  /** Roots and navigation children are never stale by themselves (their parent is checked). */
  _pinned = false;
  readonly _id = ++proxyCounter;
  abstract readonly _type: string;

  constructor(
    context: HostContext,
    readonly _path: string,
  ) {
    this.context = context;
    this._gen = context._gen;
  }

  abstract _scalars(): readonly string[];
  _nav(_name: string): HostObject<unknown> | undefined {
    return undefined;
  }
  abstract _resolve(tx: Tx): T | null;
  abstract _snapshot(prop: string, target: T, tx: Tx): unknown;

  _target(tx: Tx): T | null {
    if (!this._pinned && !this._tracked && this._gen !== this.context._gen) throw invalidObjectPath(this._path);
    return this._resolve(tx);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._type);
    return this._isNull;
  }

  _get<V>(prop: string): V {
    if (this._values.has(prop)) return this._values.get(prop) as V;
    if (this._isNull === true) return undefined as V;
    throw propertyNotLoaded(prop, this._type);
  }

  /** Queues a command on this object; ignored when the object turns out to be a null object. */
  _queue(location: string, payload: unknown, exec: (target: T, tx: Tx) => void): void {
    const op: Op = {
      location,
      bytes: 48 + location.length + jsonBytes(payload ?? null),
      exec: (tx) => {
        const t = this._target(tx);
        if (t !== null) exec(t, tx);
      },
    };
    this.context._enqueue(op);
  }

  _set(prop: string, value: unknown, exec: (target: T, tx: Tx) => void): void {
    this._values.set(prop, value);
    this._queue(`${this._type}.${prop}`, value, exec);
  }

  /** Queues the creation of an object returned by a method, so that it resolves in order. */
  _instantiate(location: string, args: unknown): this {
    this.context._enqueue({
      location,
      bytes: 48 + location.length + jsonBytes(args ?? null),
      exec: (tx) => {
        const t = this._target(tx);
        tx.commits.push(() => {
          this._isNull = t === null;
        });
      },
    });
    return this;
  }

  load(propertyNames?: unknown): this {
    const tree = parseLoad(propertyNames);
    this._check(tree);
    this.context._enqueue({
      location: `${this._type}.load`,
      bytes: 48 + jsonBytes(propertyNames ?? null),
      exec: (tx) => this._loadInto(tree, tx),
    });
    return this;
  }

  _check(tree: LoadTree): void {
    for (const [name, sub] of tree.props) {
      if (name === "isNullObject" || this._scalars().includes(name)) continue;
      const nav = this._nav(name);
      if (!nav) throw unsupported(this._type, name);
      nav._check(sub);
    }
  }

  _selected(tree: LoadTree): string[] {
    const out = new Set<string>(tree.all ? this._scalars() : []);
    for (const name of tree.props.keys()) if (this._scalars().includes(name)) out.add(name);
    return [...out];
  }

  _loadInto(tree: LoadTree, tx: Tx): void {
    const target = this._target(tx);
    const out = new Map<string, unknown>();
    if (target !== null) for (const prop of this._selected(tree)) out.set(prop, this._snapshot(prop, target, tx));
    tx.responseBytes += jsonBytes(Object.fromEntries(out));
    const isNull = target === null;
    tx.commits.push(() => {
      this._isNull = isNull;
      for (const [k, v] of out) this._values.set(k, v);
    });
    if (target === null) return;
    for (const [name, sub] of tree.props) {
      if (this._scalars().includes(name) && sub.props.size === 0 && !sub.all) continue;
      this._nav(name)?._loadInto(sub.props.size === 0 && !sub.all ? ALL : sub, tx);
    }
  }

  /** Navigation properties whose loaded values toJSON() nests. */
  _navList(): readonly string[] {
    return [];
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) {
      out[k] = Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof HostObject) ? v.map((x: HostObject<unknown>) => x.toJSON()) : v;
    }
    for (const name of this._navList()) {
      const nested = this._nav(name)?.toJSON();
      if (nested && Object.keys(nested).length > 0) out[name] = nested;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------

export class HostClientResult<T> {
  private _set = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._set) throw new HostOfficeError("ValueNotLoaded", undefined, "ClientResult.value");
    return this._value as T;
  }

  _commit(v: T): void {
    this._set = true;
    this._value = v;
  }
}

export class HostTrackedObjects {
  add(objects: unknown): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) if (o instanceof HostObject) o._tracked = true;
  }
  remove(objects: unknown): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) if (o instanceof HostObject) o._tracked = false;
  }
}

export class HostContext implements Api.RequestContextLike {
  /** Bumped when an Excel.run ends: objects created before (and not tracked) become invalid. */
  _gen = 1;
  _queueItems: Op[] = [];
  _delayForCellEdit = false;
  readonly workbook: HostWorkbook;
  readonly application: HostApplication;
  readonly runtime: HostRuntime;
  readonly trackedObjects = new HostTrackedObjects();
  requestHeaders: { [name: string]: string } = {};

  constructor(readonly _engine: Engine) {
    this.workbook = new HostWorkbook(this);
    this.application = this.workbook.application;
    this.runtime = new HostRuntime(this);
  }

  get debugInfo(): OfficeExtension.RequestContextDebugInfo {
    return { pendingStatements: this._queueItems.map((op) => op.location) };
  }

  _enqueue(op: Op): void {
    this._queueItems.push(op);
  }

  _takeQueue(): Op[] {
    const q = this._queueItems;
    this._queueItems = [];
    return q;
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this._engine.sync(this).then(() => passThroughValue as T);
  }

  load(object: OfficeExtension.ClientObject, option?: string | string[] | OfficeExtension.LoadOption): void {
    if (!(object instanceof HostObject)) throw new HostOfficeError("InvalidArgument", undefined, "RequestContext.load");
    if (object.context !== this) throw new HostOfficeError("InvalidRequestContext", undefined, "RequestContext.load");
    object.load(option);
  }

  loadRecursive(object: OfficeExtension.ClientObject, options: { [typeName: string]: string | string[] | OfficeExtension.LoadOption }): void {
    const type = object instanceof HostObject ? object._type : "";
    this.load(object, options[type]);
  }

  trace(_message: string): void {}
}

// ---------------------------------------------------------------------------------------------
// Events

export class HostEventHandlerResult implements Api.EventHandlerResultLike {
  _registration: number | undefined;
  constructor(readonly context: HostContext) {}
  remove(): void {
    this.context._enqueue({
      location: "EventHandlerResult.remove",
      bytes: 64,
      exec: (tx) => {
        if (this._registration !== undefined) tx.engine.unregister(this._registration);
      },
    });
  }
}

export class HostEventHandlers<A> implements Api.EventHandlersLike<A> {
  constructor(
    private readonly owner: HostObject<unknown>,
    private readonly scope: (tx: Tx) => string | null,
    private readonly event: EventName,
  ) {}

  add(handler: (args: A) => Promise<unknown>): HostEventHandlerResult {
    const result = new HostEventHandlerResult(this.owner.context);
    this.owner.context._enqueue({
      location: `${this.owner._type}.${this.event}.add`,
      bytes: 64,
      exec: (tx) => {
        const scope = this.scope(tx);
        if (scope !== null) result._registration = tx.engine.register(scope, this.event, handler as (args: never) => Promise<unknown>);
      },
    });
    return result;
  }

  remove(handler: (args: A) => Promise<unknown>): void {
    this.owner.context._enqueue({
      location: `${this.owner._type}.${this.event}.remove`,
      bytes: 64,
      exec: (tx) => {
        const scope = this.scope(tx);
        if (scope !== null) tx.engine.unregisterHandler(scope, this.event, handler);
      },
    });
  }
}

function emitActivation(tx: Tx, from: SheetModel | undefined, to: SheetModel): void {
  if (from === to) return;
  if (from) tx.engine.emit(tx, "onDeactivated", from.id, { type: "WorksheetDeactivated", worksheetId: from.id });
  tx.engine.emit(tx, "onActivated", to.id, { type: "WorksheetActivated", worksheetId: to.id });
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, runtime

export class HostWorkbook extends HostObject<true> implements Api.WorkbookLike {
  readonly _type = "Workbook";
  readonly worksheets: HostWorksheetCollection;
  readonly application: HostApplication;

  constructor(context: HostContext) {
    super(context, "Workbook");
    this._pinned = true;
    this._isNull = false;
    this.worksheets = new HostWorksheetCollection(context);
    this.application = new HostApplication(context);
  }

  _scalars() {
    return ["name"] as const;
  }
  override _nav(name: string) {
    return name === "worksheets" ? this.worksheets : name === "application" ? this.application : undefined;
  }
  _resolve(): true {
    return true;
  }
  _snapshot(_prop: string, _t: true, tx: Tx) {
    return tx.engine.workbookName;
  }

  get name(): string {
    return this._get("name");
  }

  getSelectedRange(): HostRange {
    return new HostRange(this.context, "Workbook.getSelectedRange()", (tx) => {
      const sheet = tx.engine.model.active();
      return { sheet, rect: sheet.selection };
    })._instantiate("Workbook.getSelectedRange", null);
  }

  getActiveCell(): HostRange {
    return new HostRange(this.context, "Workbook.getActiveCell()", (tx) => {
      const sheet = tx.engine.model.active();
      return { sheet, rect: rect(sheet.selection.r0, sheet.selection.c0, sheet.selection.r0, sheet.selection.c0) };
    })._instantiate("Workbook.getActiveCell", null);
  }
}

export class HostApplication extends HostObject<true> implements Api.ApplicationLike {
  readonly _type = "Application";
  constructor(context: HostContext) {
    super(context, "Application");
    this._pinned = true;
    this._isNull = false;
  }
  _scalars() {
    return ["calculationMode"] as const;
  }
  _resolve(): true {
    return true;
  }
  _snapshot(_prop: string, _t: true, tx: Tx) {
    return tx.engine.calculationMode;
  }
  get calculationMode(): Excel.Application["calculationMode"] {
    return this._get("calculationMode");
  }
  set calculationMode(v: Excel.Application["calculationMode"]) {
    this._set("calculationMode", v, (_t, tx) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "Application.calculationMode");
      tx.engine.calculationMode = v;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue("Application.suspendApiCalculationUntilNextSync", null, () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue("Application.suspendScreenUpdatingUntilNextSync", null, () => {});
  }
  calculate(calculationType: string): void {
    this._queue("Application.calculate", calculationType, () => {});
  }
}

export class HostRuntime extends HostObject<true> implements Api.RuntimeLike {
  readonly _type = "Runtime";
  constructor(context: HostContext) {
    super(context, "Runtime");
    this._pinned = true;
    this._isNull = false;
  }
  _scalars() {
    return ["enableEvents"] as const;
  }
  _resolve(): true {
    return true;
  }
  _snapshot(_prop: string, _t: true, tx: Tx) {
    return tx.engine.enableEvents;
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this._set("enableEvents", v, (_t, tx) => {
      tx.engine.enableEvents = Boolean(v);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

type SheetLocate = (tx: Tx) => SheetModel | null | undefined;

const SHEET_SCALARS = ["id", "name", "position", "visibility", "tabColor", "showGridlines", "standardWidth", "standardHeight"] as const;

export class HostWorksheetCollection extends HostObject<true> implements Api.WorksheetCollectionLike {
  readonly _type = "WorksheetCollection";
  readonly onChanged: HostEventHandlers<Api.WorksheetChangedEventArgsLike>;
  readonly onAdded: HostEventHandlers<Api.WorksheetAddedEventArgsLike>;
  readonly onDeleted: HostEventHandlers<Api.WorksheetDeletedEventArgsLike>;
  readonly onActivated: HostEventHandlers<Api.WorksheetActivatedEventArgsLike>;
  readonly onDeactivated: HostEventHandlers<Api.WorksheetDeactivatedEventArgsLike>;
  readonly onSelectionChanged: HostEventHandlers<Api.WorksheetSelectionChangedEventArgsLike>;

  constructor(context: HostContext) {
    super(context, "WorksheetCollection");
    this._pinned = true;
    this._isNull = false;
    const all = () => "*";
    this.onChanged = new HostEventHandlers(this, all, "onChanged");
    this.onAdded = new HostEventHandlers(this, all, "onAdded");
    this.onDeleted = new HostEventHandlers(this, all, "onDeleted");
    this.onActivated = new HostEventHandlers(this, all, "onActivated");
    this.onDeactivated = new HostEventHandlers(this, all, "onDeactivated");
    this.onSelectionChanged = new HostEventHandlers(this, all, "onSelectionChanged");
  }

  _scalars() {
    return [] as const;
  }
  _resolve(): true {
    return true;
  }
  _snapshot(): unknown {
    return undefined;
  }

  override _check(tree: LoadTree): void {
    const items = tree.props.get("items");
    const rest: LoadTree = { all: tree.all, props: new Map([...tree.props].filter(([k]) => k !== "items")) };
    const probe = new HostWorksheet(this.context, "probe", () => undefined, false);
    if (items) probe._check(items);
    probe._check(rest);
  }

  override _loadInto(tree: LoadTree, tx: Tx): void {
    const sub: LoadTree = tree.props.get("items") ?? { all: tree.all || tree.props.size === 0, props: new Map([...tree.props].filter(([k]) => k !== "items")) };
    const items = tx.engine.model.sheets.map((s) => {
      const ws = new HostWorksheet(this.context, `Worksheet(${s.id})`, () => s, false);
      ws._loadInto(sub.props.size === 0 && !sub.all ? ALL : sub, tx);
      return ws;
    });
    tx.commits.push(() => {
      this._values.set("items", items);
    });
  }

  get items(): HostWorksheet[] {
    return this._get("items");
  }

  add(name?: string): HostWorksheet {
    const ws = new HostWorksheet(this.context, `WorksheetCollection.add(${JSON.stringify(name ?? null)})`, () => undefined, false);
    this.context._enqueue({
      location: "WorksheetCollection.add",
      bytes: 64 + jsonBytes(name ?? null),
      exec: (tx) => {
        if (name !== undefined && name !== null && typeof name !== "string") throw new HostOfficeError("InvalidArgument", undefined, "WorksheetCollection.add");
        const sheet = tx.engine.model.add(name);
        ws._memo = sheet;
        tx.commits.push(() => {
          ws._isNull = false;
        });
        tx.engine.emit(tx, "onAdded", sheet.id, { type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
      },
    });
    return ws;
  }

  getItem(key: string): HostWorksheet {
    return new HostWorksheet(this.context, `WorksheetCollection.getItem(${JSON.stringify(key)})`, (tx) => tx.engine.model.find(String(key)), false)._instantiate(
      "WorksheetCollection.getItem",
      key,
    );
  }

  getItemOrNullObject(key: string): HostWorksheet {
    return new HostWorksheet(this.context, `WorksheetCollection.getItemOrNullObject(${JSON.stringify(key)})`, (tx) => tx.engine.model.find(String(key)) ?? null, true)._instantiate(
      "WorksheetCollection.getItemOrNullObject",
      key,
    );
  }

  getActiveWorksheet(): HostWorksheet {
    return new HostWorksheet(this.context, "WorksheetCollection.getActiveWorksheet()", (tx) => tx.engine.model.active(), false)._instantiate(
      "WorksheetCollection.getActiveWorksheet",
      null,
    );
  }

  getFirst(visibleOnly = false): HostWorksheet {
    return new HostWorksheet(this.context, "WorksheetCollection.getFirst()", (tx) => tx.engine.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible"), false)._instantiate(
      "WorksheetCollection.getFirst",
      visibleOnly,
    );
  }

  getLast(visibleOnly = false): HostWorksheet {
    return new HostWorksheet(
      this.context,
      "WorksheetCollection.getLast()",
      (tx) => [...tx.engine.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible"),
      false,
    )._instantiate("WorksheetCollection.getLast", visibleOnly);
  }

  getCount(visibleOnly = false): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._queue("WorksheetCollection.getCount", visibleOnly, (_t, tx) => {
      const n = tx.engine.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length;
      tx.responseBytes += 8;
      tx.commits.push(() => result._commit(n));
    });
    return result;
  }
}

export class HostWorksheet extends HostObject<SheetModel> implements Api.WorksheetLike {
  readonly _type = "Worksheet";
  _memo: SheetModel | null | undefined = undefined;
  private _freeze?: HostFreezePanes;
  readonly onChanged: HostEventHandlers<Api.WorksheetChangedEventArgsLike>;
  readonly onActivated: HostEventHandlers<Api.WorksheetActivatedEventArgsLike>;
  readonly onDeactivated: HostEventHandlers<Api.WorksheetDeactivatedEventArgsLike>;
  readonly onSelectionChanged: HostEventHandlers<Api.WorksheetSelectionChangedEventArgsLike>;

  constructor(
    context: HostContext,
    path: string,
    private readonly locate: SheetLocate,
    private readonly nullable: boolean,
  ) {
    super(context, path);
    const scope = (tx: Tx) => this._target(tx)?.id ?? null;
    this.onChanged = new HostEventHandlers(this, scope, "onChanged");
    this.onActivated = new HostEventHandlers(this, scope, "onActivated");
    this.onDeactivated = new HostEventHandlers(this, scope, "onDeactivated");
    this.onSelectionChanged = new HostEventHandlers(this, scope, "onSelectionChanged");
  }

  _scalars() {
    return SHEET_SCALARS;
  }
  override _nav(name: string) {
    return name === "freezePanes" ? this.freezePanes : undefined;
  }

  _resolve(tx: Tx): SheetModel | null {
    if (this._memo === undefined) {
      const found = this.locate(tx);
      if (found === undefined) {
        if (!this.nullable) throw new HostOfficeError("ItemNotFound", undefined, this._path);
        this._memo = null;
      } else this._memo = found;
    }
    if (this._memo && this._memo.deleted) {
      if (this.nullable) return null;
      throw new HostOfficeError("ItemNotFound", undefined, this._path);
    }
    return this._memo;
  }

  _snapshot(prop: string, s: SheetModel, tx: Tx): unknown {
    switch (prop) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return tx.engine.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return s.showGridlines;
      case "standardWidth":
        return s.standardWidth;
      case "standardHeight":
        return 15;
    }
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s, tx) => {
      tx.engine.model.rename(s, v);
    });
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s, tx) => tx.engine.model.move(s, v));
  }
  get visibility(): Excel.Worksheet["visibility"] {
    return this._get("visibility");
  }
  set visibility(v: Excel.Worksheet["visibility"]) {
    this._set("visibility", v, (s, tx) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.visibility");
      if (v !== "Visible" && tx.engine.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new HostOfficeError("InvalidOperation", undefined, "Worksheet.visibility");
      }
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => {
      s.tabColor = v === "" ? "" : normalizeColor(v, "Worksheet.tabColor");
    });
  }
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._set("showGridlines", v, (s) => {
      s.showGridlines = Boolean(v);
    });
  }
  get standardWidth(): number {
    return this._get("standardWidth");
  }
  set standardWidth(v: number) {
    this._set("standardWidth", v, (s) => {
      if (typeof v !== "number" || !(v > 0)) throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.standardWidth");
      s.standardWidth = v;
    });
  }
  get standardHeight(): number {
    return this._get("standardHeight");
  }

  get freezePanes(): HostFreezePanes {
    if (!this._freeze) this._freeze = new HostFreezePanes(this);
    return this._freeze;
  }

  private _pageLayout?: HostPageLayout;
  get pageLayout(): HostPageLayout {
    if (!this._pageLayout) this._pageLayout = new HostPageLayout(this);
    return this._pageLayout;
  }

  activate(): void {
    this._queue("Worksheet.activate", null, (s, tx) => {
      if (s.visibility !== "Visible") throw new HostOfficeError("InvalidOperation", undefined, "Worksheet.activate");
      const before = tx.engine.model.active();
      tx.engine.model.activeId = s.id;
      emitActivation(tx, before, s);
    });
  }

  delete(): void {
    this._queue("Worksheet.delete", null, (s, tx) => {
      const wasActive = tx.engine.model.active() === s;
      tx.engine.model.remove(s);
      tx.engine.emit(tx, "onDeleted", s.id, { type: "WorksheetDeleted", worksheetId: s.id, source: "Local" });
      if (wasActive && tx.engine.model.sheets.length > 0) emitActivation(tx, undefined, tx.engine.model.active());
    });
  }

  _range(path: string, locate: (s: SheetModel, tx: Tx) => Rect | null, args: unknown): HostRange {
    return new HostRange(this.context, `${this._path}.${path}`, (tx) => {
      const s = this._target(tx);
      if (s === null) return null;
      const r = locate(s, tx);
      return r === null ? null : { sheet: s, rect: r };
    })._instantiate(`Worksheet.${path.replace(/\(.*$/, "")}`, args);
  }

  getRange(address?: string): HostRange {
    return this._range(
      `getRange(${JSON.stringify(address ?? "")})`,
      (s) => {
        if (address === undefined || address === null || address === "") return rect(0, 0, MAX_ROWS - 1, MAX_COLS - 1);
        const parsed = typeof address === "string" ? parseAddress(address) : null;
        if (!parsed) throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.getRange");
        if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.getRange");
        return parsed.rect;
      },
      address ?? null,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return this._range(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => checkedRect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1, "Worksheet.getRangeByIndexes", [rowCount, columnCount]),
      [startRow, startColumn, rowCount, columnCount],
    );
  }

  getCell(row: number, column: number): HostRange {
    return this._range(`getCell(${row},${column})`, () => checkedRect(row, column, row, column, "Worksheet.getCell"), [row, column]);
  }

  getUsedRange(valuesOnly = false): HostRange {
    return this._range(`getUsedRange(${valuesOnly})`, (s) => s.usedRect(Boolean(valuesOnly)) ?? rect(0, 0, 0, 0), valuesOnly);
  }

  getUsedRangeOrNullObject(valuesOnly = false): HostRange {
    return this._range(`getUsedRangeOrNullObject(${valuesOnly})`, (s) => s.usedRect(Boolean(valuesOnly)), valuesOnly);
  }

  copy(positionType: string = "None", relativeTo?: Api.WorksheetLike): HostWorksheet {
    const ws = new HostWorksheet(this.context, `${this._path}.copy()`, () => undefined, false);
    const rel = relativeTo instanceof HostWorksheet ? relativeTo : undefined;
    if (relativeTo !== undefined && !rel) throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.copy");
    this._queue("Worksheet.copy", [positionType], (s, tx) => {
      const model = tx.engine.model;
      let position: number;
      if (positionType === "None") position = model.sheets.indexOf(s) + 1;
      else if (positionType === "Beginning") position = 0;
      else if (positionType === "End") position = model.sheets.length;
      else if (positionType === "Before" || positionType === "After") {
        const r = rel?._target(tx);
        if (!r) throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.copy");
        position = model.sheets.indexOf(r) + (positionType === "After" ? 1 : 0);
      } else throw new HostOfficeError("InvalidArgument", undefined, "Worksheet.copy");
      const copy = model.copy(s, position);
      ws._memo = copy;
      tx.commits.push(() => {
        ws._isNull = false;
      });
      tx.engine.emit(tx, "onAdded", copy.id, { type: "WorksheetAdded", worksheetId: copy.id, source: "Local" });
    });
    return ws;
  }
}

function checkedRect(r0: number, c0: number, r1: number, c1: number, location: string, counts?: [number, number]): Rect {
  const ints = [r0, c0, r1, c1].every((n) => Number.isInteger(n));
  const r = rect(r0, c0, r1, c1);
  if (!ints || (counts && (counts[0] < 1 || counts[1] < 1)) || !inGrid(r)) throw new HostOfficeError("InvalidArgument", undefined, location);
  return r;
}

export class HostFreezePanes extends HostObject<SheetModel> implements Api.WorksheetFreezePanesLike {
  readonly _type = "WorksheetFreezePanes";
  constructor(private readonly sheet: HostWorksheet) {
    super(sheet.context, `${sheet._path}.freezePanes`);
    this._pinned = true;
  }
  _scalars() {
    return [] as const;
  }
  _resolve(tx: Tx) {
    return this.sheet._target(tx);
  }
  _snapshot(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._queue("WorksheetFreezePanes.freezeRows", count, (s) => {
      s.freeze = { rows: count, cols: s.freeze?.cols ?? 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._queue("WorksheetFreezePanes.freezeColumns", count, (s) => {
      s.freeze = { rows: s.freeze?.rows ?? 0, cols: count };
    });
  }
  freezeAt(frozenRange: Api.RangeLike | string): void {
    this._queue("WorksheetFreezePanes.freezeAt", typeof frozenRange === "string" ? frozenRange : null, (s, tx) => {
      let r: Rect | null;
      if (typeof frozenRange === "string") r = parseAddress(frozenRange)?.rect ?? null;
      else r = frozenRange instanceof HostRange ? (frozenRange._target(tx)?.rect ?? null) : null;
      if (!r) throw new HostOfficeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeAt");
      s.freeze = { rows: r.r1 + 1, cols: r.c1 + 1 };
    });
  }
  unfreeze(): void {
    this._queue("WorksheetFreezePanes.unfreeze", null, (s) => {
      s.freeze = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
  "rowCount",
  "columnCount",
  "cellCount",
  "rowIndex",
  "columnIndex",
  "isEntireRow",
  "isEntireColumn",
] as const;

/** A 2-D input checked against the range's shape; a non-array applies to every cell (Excel's rule). */
function shaped(input: unknown, r: Rect, location: string): (i: number, j: number) => unknown {
  if (input === null || input === undefined) throw new HostOfficeError("InvalidArgument", undefined, location);
  if (!Array.isArray(input)) return () => input;
  if (!input.every((row) => Array.isArray(row))) throw new HostOfficeError("InvalidArgument", undefined, location);
  const grid = input as unknown[][];
  if (grid.length !== rows(r) || grid.some((row) => row.length !== cols(r))) throw new HostOfficeError("InvalidArgument", SHAPE_MISMATCH, location);
  return (i, j) => grid[i][j];
}

const MAX_FORMAT_CELLS = 1_000_000;

function eachCell(t: RangeTarget, location: string, fn: (r: number, c: number) => void): void {
  if (rows(t.rect) * cols(t.rect) > MAX_FORMAT_CELLS) {
    throw new HostOfficeError("GeneralException", `The in-memory Excel host does not format more than ${MAX_FORMAT_CELLS} cells at once.`, location);
  }
  for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) fn(r, c);
}

/** A property over a range: its value when every cell agrees, else null (as Excel reports it). */
function uniform<V>(sheet: SheetModel, area: Rect, get: (cell: Cell | undefined, r: number, c: number) => V): V | null {
  let first: { v: V } | undefined;
  let count = 0;
  for (const [r, c, cell] of sheet.stored(area)) {
    count++;
    const v = get(cell, r, c);
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  if (count < rows(area) * cols(area)) {
    const v = get(undefined, -1, -1);
    if (!first) return v;
    if (first.v !== v) return null;
  }
  return first ? first.v : null;
}

type RangeLocate = (tx: Tx) => RangeTarget | null;

export class HostRange extends HostObject<RangeTarget> implements Api.RangeLike {
  readonly _type = "Range";
  _memo: RangeTarget | null | undefined = undefined;
  private _format?: HostRangeFormat;
  private _sheetNav?: HostWorksheet;

  constructor(
    context: HostContext,
    path: string,
    private readonly locate: RangeLocate,
  ) {
    super(context, path);
  }

  _scalars() {
    return RANGE_SCALARS;
  }
  override _nav(name: string) {
    return name === "format" ? this.format : name === "worksheet" ? this.worksheet : undefined;
  }
  override _navList() {
    return ["format"] as const;
  }

  _resolve(tx: Tx): RangeTarget | null {
    if (this._memo === undefined) this._memo = this.locate(tx);
    if (this._memo && this._memo.sheet.deleted) throw new HostOfficeError("ItemNotFound", undefined, this._path);
    return this._memo;
  }

  _snapshot(prop: string, t: RangeTarget, tx: Tx): unknown {
    const { sheet, rect: r } = t;
    const e = tx.engine;
    const grid = <V>(fn: (row: number, col: number, cell: Cell | undefined) => V): V[][] => {
      if (rows(r) * cols(r) > e.limits.cellsPerRead) throw new HostOfficeError("GeneralException", "The range is too large to read at once.", `Range.${prop}`);
      const out: V[][] = [];
      for (let i = r.r0; i <= r.r1; i++) {
        const line: V[] = [];
        for (let j = r.c0; j <= r.c1; j++) line.push(fn(i, j, sheet.cell(i, j)));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualifiedA1(sheet.name, r);
      case "values":
        return grid((i, j, cell) => e.valueOf(sheet, i, j, cell));
      case "formulas":
      case "formulasLocal":
        return grid((_i, _j, cell) => e.formulaOf(cell));
      case "numberFormat":
      case "numberFormatLocal":
        return grid((_i, _j, cell) => cell?.nf ?? "General");
      case "text":
        return grid((i, j, cell) => displayText(e.valueOf(sheet, i, j, cell), cell?.nf));
      case "valueTypes":
        return grid((i, j, cell) => e.valueTypeOf(sheet, i, j, cell));
      case "rowCount":
        return rows(r);
      case "columnCount":
        return cols(r);
      case "cellCount":
        return rows(r) * cols(r);
      case "rowIndex":
        return r.r0;
      case "columnIndex":
        return r.c0;
      case "isEntireRow":
        return isEntireRow(r);
      case "isEntireColumn":
        return isEntireColumn(r);
    }
    return undefined;
  }

  // --- properties ---

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown) {
    this._set("values", v, (t, tx) => this._writeCells(t, tx, v, "Range.values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown) {
    this._set("formulas", v, (t, tx) => this._writeCells(t, tx, v, "Range.formulas"));
  }
  get formulasLocal(): unknown[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: unknown) {
    this._set("formulasLocal", v, (t, tx) => this._writeCells(t, tx, v, "Range.formulasLocal"));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._set("numberFormat", v, (t) => writeNumberFormat(t, v, "Range.numberFormat"));
  }
  get numberFormatLocal(): unknown[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(v: unknown) {
    this._set("numberFormatLocal", v, (t) => writeNumberFormat(t, v, "Range.numberFormatLocal"));
  }

  _writeCells(t: RangeTarget, tx: Tx, input: unknown, location: string): void {
    const { sheet, rect: r } = t;
    const at = shaped(input, r, location);
    const now = tx.engine.model.now();
    const parsed: Parsed[] = [];
    for (let i = 0; i < rows(r); i++) for (let j = 0; j < cols(r); j++) parsed.push(parseInput(at(i, j), sheet.cell(r.r0 + i, r.c0 + j)?.nf, now, location));
    if (parsed.every((p) => p.kind === "skip")) return;
    const single = rows(r) === 1 && cols(r) === 1;
    const before = single ? { v: tx.engine.valueOf(sheet, r.r0, r.c0), t: tx.engine.valueTypeOf(sheet, r.r0, r.c0) } : null;
    let k = 0;
    for (let i = 0; i < rows(r); i++) for (let j = 0; j < cols(r); j++) applyParsed(sheet, r.r0 + i, r.c0 + j, parsed[k++]);
    const details = before
      ? {
          valueBefore: before.v,
          valueTypeBefore: before.t,
          valueAfter: tx.engine.valueOf(sheet, r.r0, r.c0),
          valueTypeAfter: tx.engine.valueTypeOf(sheet, r.r0, r.c0),
        }
      : undefined;
    tx.engine.emit(tx, "onChanged", sheet.id, tx.engine.changedArgs(sheet, r, "RangeEdited", "ThisLocalAddin", details));
  }

  // --- navigation ---

  get format(): HostRangeFormat {
    if (!this._format) this._format = new HostRangeFormat(this);
    return this._format;
  }

  private _conditionalFormats?: HostConditionalFormats;
  get conditionalFormats(): HostConditionalFormats {
    if (!this._conditionalFormats) this._conditionalFormats = new HostConditionalFormats(this);
    return this._conditionalFormats;
  }

  get worksheet(): HostWorksheet {
    if (!this._sheetNav) {
      this._sheetNav = new HostWorksheet(this.context, `${this._path}.worksheet`, (tx) => this._target(tx)?.sheet ?? null, true);
      this._sheetNav._pinned = true;
    }
    return this._sheetNav;
  }

  _derive(name: string, args: unknown, fn: (t: RangeTarget, tx: Tx) => Rect | null): HostRange {
    return new HostRange(this.context, `${this._path}.${name}`, (tx) => {
      const t = this._target(tx);
      if (t === null) return null;
      const r = fn(t, tx);
      return r === null ? null : { sheet: t.sheet, rect: r };
    })._instantiate(`Range.${name.replace(/\(.*$/, "")}`, args);
  }

  getCell(row: number, column: number): HostRange {
    return this._derive(`getCell(${row},${column})`, [row, column], (t) =>
      checkedRect(t.rect.r0 + row, t.rect.c0 + column, t.rect.r0 + row, t.rect.c0 + column, "Range.getCell"),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): HostRange {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, [rowOffset, columnOffset], ({ rect: r }) =>
      checkedRect(r.r0 + rowOffset, r.c0 + columnOffset, r.r1 + rowOffset, r.c1 + columnOffset, "Range.getOffsetRange"),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, [deltaRows, deltaColumns], ({ rect: r }) =>
      checkedRect(r.r0, r.c0, r.r1 + deltaRows, r.c1 + deltaColumns, "Range.getResizedRange"),
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): HostRange {
    return this._derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, [numRows, numColumns], ({ rect: r }) =>
      checkedRect(r.r0, r.c0, r.r0 + numRows - 1, r.c0 + numColumns - 1, "Range.getAbsoluteResizedRange", [numRows, numColumns]),
    );
  }
  getRow(row: number): HostRange {
    return this._derive(`getRow(${row})`, row, ({ rect: r }) => {
      if (!Number.isInteger(row) || row < 0 || row >= rows(r)) throw new HostOfficeError("InvalidArgument", undefined, "Range.getRow");
      return rect(r.r0 + row, r.c0, r.r0 + row, r.c1);
    });
  }
  getColumn(column: number): HostRange {
    return this._derive(`getColumn(${column})`, column, ({ rect: r }) => {
      if (!Number.isInteger(column) || column < 0 || column >= cols(r)) throw new HostOfficeError("InvalidArgument", undefined, "Range.getColumn");
      return rect(r.r0, r.c0 + column, r.r1, r.c0 + column);
    });
  }
  getEntireRow(): HostRange {
    return this._derive("getEntireRow()", null, ({ rect: r }) => rect(r.r0, 0, r.r1, MAX_COLS - 1));
  }
  getEntireColumn(): HostRange {
    return this._derive("getEntireColumn()", null, ({ rect: r }) => rect(0, r.c0, MAX_ROWS - 1, r.c1));
  }
  getLastCell(): HostRange {
    return this._derive("getLastCell()", null, ({ rect: r }) => rect(r.r1, r.c1, r.r1, r.c1));
  }
  getLastRow(): HostRange {
    return this._derive("getLastRow()", null, ({ rect: r }) => rect(r.r1, r.c0, r.r1, r.c1));
  }
  getLastColumn(): HostRange {
    return this._derive("getLastColumn()", null, ({ rect: r }) => rect(r.r0, r.c1, r.r1, r.c1));
  }
  getRowsAbove(count = 1): HostRange {
    return this._derive(`getRowsAbove(${count})`, count, ({ rect: r }) => checkedRect(r.r0 - count, r.c0, r.r0 - 1, r.c1, "Range.getRowsAbove", [count, 1]));
  }
  getRowsBelow(count = 1): HostRange {
    return this._derive(`getRowsBelow(${count})`, count, ({ rect: r }) => checkedRect(r.r1 + 1, r.c0, r.r1 + count, r.c1, "Range.getRowsBelow", [count, 1]));
  }
  getColumnsBefore(count = 1): HostRange {
    return this._derive(`getColumnsBefore(${count})`, count, ({ rect: r }) => checkedRect(r.r0, r.c0 - count, r.r1, r.c0 - 1, "Range.getColumnsBefore", [1, count]));
  }
  getColumnsAfter(count = 1): HostRange {
    return this._derive(`getColumnsAfter(${count})`, count, ({ rect: r }) => checkedRect(r.r0, r.c1 + 1, r.r1, r.c1 + count, "Range.getColumnsAfter", [1, count]));
  }

  private other(another: Api.RangeLike | string, t: RangeTarget, tx: Tx, location: string): Rect {
    if (typeof another === "string") {
      const p = parseAddress(another);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== t.sheet.name.toLowerCase())) throw new HostOfficeError("InvalidArgument", undefined, location);
      return p.rect;
    }
    if (!(another instanceof HostRange)) throw new HostOfficeError("InvalidArgument", undefined, location);
    if (another.context !== this.context) throw new HostOfficeError("InvalidRequestContext", undefined, location);
    const o = another._target(tx);
    if (!o || o.sheet !== t.sheet) throw new HostOfficeError("InvalidArgument", undefined, location);
    return o.rect;
  }

  getBoundingRect(anotherRange: Api.RangeLike | string): HostRange {
    return this._derive("getBoundingRect()", typeof anotherRange === "string" ? anotherRange : null, (t, tx) =>
      boundingRect(t.rect, this.other(anotherRange, t, tx, "Range.getBoundingRect")),
    );
  }
  getIntersection(anotherRange: Api.RangeLike | string): HostRange {
    return this._derive("getIntersection()", typeof anotherRange === "string" ? anotherRange : null, (t, tx) => {
      const r = intersection(t.rect, this.other(anotherRange, t, tx, "Range.getIntersection"));
      if (!r) throw new HostOfficeError("ItemNotFound", undefined, "Range.getIntersection");
      return r;
    });
  }
  getIntersectionOrNullObject(anotherRange: Api.RangeLike | string): HostRange {
    return this._derive("getIntersectionOrNullObject()", typeof anotherRange === "string" ? anotherRange : null, (t, tx) =>
      intersection(t.rect, this.other(anotherRange, t, tx, "Range.getIntersectionOrNullObject")),
    );
  }
  getUsedRange(valuesOnly = false): HostRange {
    return this._derive(`getUsedRange(${valuesOnly})`, valuesOnly, (t) => {
      const used = t.sheet.usedRect(Boolean(valuesOnly));
      const r = used ? intersection(used, t.rect) : null;
      if (!r) throw new HostOfficeError("ItemNotFound", undefined, "Range.getUsedRange");
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): HostRange {
    return this._derive(`getUsedRangeOrNullObject(${valuesOnly})`, valuesOnly, (t) => {
      const used = t.sheet.usedRect(Boolean(valuesOnly));
      return used ? intersection(used, t.rect) : null;
    });
  }

  getMergedAreasOrNullObject(): HostRangeAreas {
    return new HostRangeAreas(this.context, `${this._path}.getMergedAreasOrNullObject()`, (tx) => {
      const t = this._target(tx);
      if (t === null) return null;
      const areas = t.sheet.merges.filter((m) => intersects(m, t.rect)).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
      return areas.length === 0 ? null : { sheet: t.sheet, rects: areas };
    })._instantiate("Range.getMergedAreasOrNullObject", null);
  }

  // --- methods ---

  merge(across = false): void {
    this._queue("Range.merge", across, (t, tx) => tx.engine.model.merge(t.sheet, t.rect, Boolean(across)));
  }

  unmerge(): void {
    this._queue("Range.unmerge", null, (t, tx) => tx.engine.model.unmerge(t.sheet, t.rect));
  }

  clear(applyTo: string = "All"): void {
    this._queue("Range.clear", applyTo, (t, tx) => {
      const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (!contents && !formats && applyTo !== "Hyperlinks" && applyTo !== "RemoveHyperlinks") throw new HostOfficeError("InvalidArgument", undefined, "Range.clear");
      const hits = [...t.sheet.stored(t.rect)];
      for (const [r, c, cell] of hits) {
        if (contents) {
          delete cell.v;
          delete cell.f;
          delete cell.q;
        }
        if (formats) {
          delete cell.nf;
          delete cell.s;
        }
        t.sheet.prune(r, c);
      }
      if (formats) tx.engine.model.unmerge(t.sheet, t.rect);
      if (contents) tx.engine.emit(tx, "onChanged", t.sheet.id, tx.engine.changedArgs(t.sheet, t.rect, "RangeEdited", "ThisLocalAddin"));
    });
  }

  select(): void {
    this._queue("Range.select", null, (t, tx) => {
      if (t.sheet.visibility !== "Visible") throw new HostOfficeError("InvalidOperation", undefined, "Range.select");
      const before = tx.engine.model.active();
      tx.engine.model.activeId = t.sheet.id;
      t.sheet.selection = { ...t.rect };
      emitActivation(tx, before, t.sheet);
      tx.engine.emit(tx, "onSelectionChanged", t.sheet.id, { type: "WorksheetSelectionChanged", worksheetId: t.sheet.id, address: rectA1(t.rect) });
    });
  }

  insert(shift: string): HostRange {
    const inserted = new HostRange(this.context, `${this._path}.insert(${JSON.stringify(shift)})`, (tx) => this._target(tx));
    this._queue("Range.insert", shift, (t, tx) => {
      if (shift !== "Down" && shift !== "Right") throw new HostOfficeError("InvalidArgument", undefined, "Range.insert");
      const r = t.rect;
      if (shift === "Down") tx.engine.model.shift(t.sheet, "row", r.r0, rows(r), [r.c0, r.c1], "Range.insert");
      else tx.engine.model.shift(t.sheet, "col", r.c0, cols(r), [r.r0, r.r1], "Range.insert");
      const type = isEntireRow(r) ? "RowInserted" : isEntireColumn(r) ? "ColumnInserted" : "CellInserted";
      tx.engine.emit(tx, "onChanged", t.sheet.id, tx.engine.changedArgs(t.sheet, r, type, "ThisLocalAddin"));
    });
    return inserted._instantiate("Range.insert#result", null);
  }

  delete(shift: string): void {
    this._queue("Range.delete", shift, (t, tx) => {
      if (shift !== "Up" && shift !== "Left") throw new HostOfficeError("InvalidArgument", undefined, "Range.delete");
      const r = t.rect;
      if (shift === "Up") tx.engine.model.shift(t.sheet, "row", r.r0, -rows(r), [r.c0, r.c1], "Range.delete");
      else tx.engine.model.shift(t.sheet, "col", r.c0, -cols(r), [r.r0, r.r1], "Range.delete");
      const type = isEntireRow(r) ? "RowDeleted" : isEntireColumn(r) ? "ColumnDeleted" : "CellDeleted";
      tx.engine.emit(tx, "onChanged", t.sheet.id, tx.engine.changedArgs(t.sheet, r, type, "ThisLocalAddin"));
    });
  }

  track(): this {
    this._tracked = true;
    return this;
  }
  untrack(): this {
    this._tracked = false;
    return this;
  }
}

function writeNumberFormat(t: RangeTarget, input: unknown, location: string): void {
  const at = shaped(input, t.rect, location);
  const entries: (string | null)[] = [];
  for (let i = 0; i < rows(t.rect); i++)
    for (let j = 0; j < cols(t.rect); j++) {
      const v = at(i, j);
      if (v === null || v === undefined) entries.push(null);
      else if (typeof v === "string") entries.push(v);
      else throw new HostOfficeError("InvalidArgument", undefined, location);
    }
  let k = 0;
  for (let i = 0; i < rows(t.rect); i++)
    for (let j = 0; j < cols(t.rect); j++) {
      const nf = entries[k++];
      if (nf === null) continue;
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      const cell = t.sheet.ensure(r, c);
      if (nf === "" || nf === "General") delete cell.nf;
      else cell.nf = nf;
      t.sheet.prune(r, c);
    }
}

// ---------------------------------------------------------------------------------------------
// Range areas (merged areas)

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class HostRangeAreas extends HostObject<AreasTarget> implements Api.RangeAreasLike {
  readonly _type = "RangeAreas";
  _memo: AreasTarget | null | undefined = undefined;
  readonly areas: HostRangeCollection;
  private _sheetNav?: HostWorksheet;

  constructor(
    context: HostContext,
    path: string,
    private readonly locate: (tx: Tx) => AreasTarget | null,
  ) {
    super(context, path);
    this.areas = new HostRangeCollection(this);
  }
  _scalars() {
    return ["address", "addressLocal", "areaCount", "cellCount"] as const;
  }
  override _nav(name: string) {
    return name === "areas" ? this.areas : name === "worksheet" ? this.worksheet : undefined;
  }
  _resolve(tx: Tx) {
    if (this._memo === undefined) this._memo = this.locate(tx);
    return this._memo;
  }
  _snapshot(prop: string, t: AreasTarget): unknown {
    switch (prop) {
      case "address":
      case "addressLocal":
        return t.rects.map((r) => qualifiedA1(t.sheet.name, r)).join(",");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rows(r) * cols(r), 0);
    }
    return undefined;
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get worksheet(): HostWorksheet {
    if (!this._sheetNav) {
      this._sheetNav = new HostWorksheet(this.context, `${this._path}.worksheet`, (tx) => this._target(tx)?.sheet ?? null, true);
      this._sheetNav._pinned = true;
    }
    return this._sheetNav;
  }
}

export class HostRangeCollection extends HostObject<AreasTarget> implements Api.RangeCollectionLike {
  readonly _type = "RangeCollection";
  constructor(private readonly owner: HostRangeAreas) {
    super(owner.context, `${owner._path}.areas`);
    this._pinned = true;
  }
  _scalars() {
    return [] as const;
  }
  _resolve(tx: Tx) {
    return this.owner._target(tx);
  }
  _snapshot(): unknown {
    return undefined;
  }
  override _check(tree: LoadTree): void {
    const probe = new HostRange(this.context, "probe", () => null);
    probe._check(tree.props.get("items") ?? { all: tree.all, props: new Map([...tree.props].filter(([k]) => k !== "items")) });
  }
  override _loadInto(tree: LoadTree, tx: Tx): void {
    const t = this._target(tx);
    const sub: LoadTree = tree.props.get("items") ?? { all: tree.all || tree.props.size === 0, props: new Map([...tree.props].filter(([k]) => k !== "items")) };
    const items = (t?.rects ?? []).map((r) => {
      const range = new HostRange(this.context, `${this._path}.items`, () => ({ sheet: t!.sheet, rect: r }));
      range._pinned = true;
      range._loadInto(sub.props.size === 0 && !sub.all ? ALL : sub, tx);
      return range;
    });
    tx.commits.push(() => {
      this._isNull = t === null;
      this._values.set("items", items);
    });
  }
  get items(): HostRange[] {
    return this._get("items");
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

abstract class RangePart extends HostObject<RangeTarget> {
  constructor(
    protected readonly range: HostRange,
    path: string,
  ) {
    super(range.context, path);
    this._pinned = true;
  }
  _resolve(tx: Tx): RangeTarget | null {
    return this.range._target(tx);
  }
  /** Sets one style attribute on every cell of the range (undefined removes it). */
  protected _setStyle<K extends keyof CellStyle>(t: RangeTarget, location: string, key: K, value: CellStyle[K] | undefined): void {
    eachCell(t, location, (r, c) => {
      const s = t.sheet.style(r, c);
      if (value === undefined) delete s[key];
      else s[key] = value;
      t.sheet.prune(r, c);
    });
  }
  protected _readStyle<V>(t: RangeTarget, get: (s: CellStyle | undefined) => V): V | null {
    return uniform(t.sheet, t.rect, (cell) => get(cell?.s));
  }
}

export class HostRangeFormat extends RangePart implements Api.RangeFormatLike {
  readonly _type = "RangeFormat";
  readonly fill: HostRangeFill;
  readonly font: HostRangeFont;
  readonly borders: HostRangeBorderCollection;

  constructor(range: HostRange) {
    super(range, `${range._path}.format`);
    this.fill = new HostRangeFill(range);
    this.font = new HostRangeFont(range);
    this.borders = new HostRangeBorderCollection(range);
  }
  _scalars() {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment", "indentLevel"] as const;
  }
  override _nav(name: string) {
    return name === "fill" ? this.fill : name === "font" ? this.font : name === "borders" ? this.borders : undefined;
  }
  override _navList() {
    return ["fill", "font"] as const;
  }
  _snapshot(prop: string, t: RangeTarget): unknown {
    const { sheet, rect: r } = t;
    switch (prop) {
      case "columnWidth": {
        const w = new Set<number>();
        for (let c = r.c0; c <= r.c1 && w.size < 2; c++) w.add(sheet.columnWidth(c));
        return w.size === 1 ? [...w][0] : null;
      }
      case "rowHeight": {
        const h = new Set<number>();
        for (let i = r.r0; i <= r.r1 && h.size < 2; i++) h.add(sheet.rowHeight(i));
        return h.size === 1 ? [...h][0] : null;
      }
      case "wrapText":
        return this._readStyle(t, (s) => s?.wrap ?? false);
      case "horizontalAlignment":
        return this._readStyle(t, (s) => s?.hAlign ?? "General");
      case "verticalAlignment":
        return this._readStyle(t, (s) => s?.vAlign ?? "Bottom");
      case "indentLevel":
        return this._readStyle(t, (s) => s?.indent ?? 0);
    }
    return undefined;
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1800) throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.columnWidth");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, (t) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 409) throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.rowHeight");
      if (rows(t.rect) > MAX_FORMAT_CELLS) throw new HostOfficeError("GeneralException", "Too many rows for the in-memory host.", "RangeFormat.rowHeight");
      for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (t) => {
      if (typeof v !== "boolean") throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.wrapText");
      this._setStyle(t, "RangeFormat.wrapText", "wrap", v ? true : undefined);
    });
  }
  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.RangeFormat["horizontalAlignment"]) {
    this._set("horizontalAlignment", v, (t) => {
      if (!H_ALIGN.includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.horizontalAlignment");
      this._setStyle(t, "RangeFormat.horizontalAlignment", "hAlign", v === "General" ? undefined : String(v));
    });
  }
  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: Excel.RangeFormat["verticalAlignment"]) {
    this._set("verticalAlignment", v, (t) => {
      if (!V_ALIGN.includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.verticalAlignment");
      this._setStyle(t, "RangeFormat.verticalAlignment", "vAlign", v === "Bottom" ? undefined : String(v));
    });
  }
  get indentLevel(): number {
    return this._get("indentLevel");
  }
  set indentLevel(v: number) {
    this._set("indentLevel", v, (t) => {
      if (!Number.isInteger(v) || v < 0 || v > 250) throw new HostOfficeError("InvalidArgument", undefined, "RangeFormat.indentLevel");
      this._setStyle(t, "RangeFormat.indentLevel", "indent", v === 0 ? undefined : v);
    });
  }
  /** No text measuring here: widths and heights stay as they are. */
  autofitColumns(): void {
    this._queue("RangeFormat.autofitColumns", null, () => {});
  }
  autofitRows(): void {
    this._queue("RangeFormat.autofitRows", null, () => {});
  }
}

export class HostRangeFill extends RangePart implements Api.RangeFillLike {
  readonly _type = "RangeFill";
  constructor(range: HostRange) {
    super(range, `${range._path}.format.fill`);
  }
  _scalars() {
    return ["color"] as const;
  }
  _snapshot(_prop: string, t: RangeTarget): unknown {
    return this._readStyle(t, (s) => s?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => this._setStyle(t, "RangeFill.color", "fill", v === "" ? undefined : normalizeColor(v, "RangeFill.color")));
  }
  clear(): void {
    this._queue("RangeFill.clear", null, (t) => this._setStyle(t, "RangeFill.clear", "fill", undefined));
  }
}

export class HostRangeFont extends RangePart implements Api.RangeFontLike {
  readonly _type = "RangeFont";
  constructor(range: HostRange) {
    super(range, `${range._path}.format.font`);
  }
  _scalars() {
    return ["bold", "italic", "color", "size", "name", "underline"] as const;
  }
  _snapshot(prop: string, t: RangeTarget): unknown {
    switch (prop) {
      case "bold":
        return this._readStyle(t, (s) => s?.bold ?? false);
      case "italic":
        return this._readStyle(t, (s) => s?.italic ?? false);
      case "color":
        return this._readStyle(t, (s) => s?.fontColor ?? DEFAULT_FONT.color);
      case "size":
        return this._readStyle(t, (s) => s?.fontSize ?? DEFAULT_FONT.size);
      case "name":
        return this._readStyle(t, (s) => s?.fontName ?? DEFAULT_FONT.name);
      case "underline":
        return this._readStyle(t, (s) => s?.underline ?? "None");
    }
    return undefined;
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (t) => {
      if (typeof v !== "boolean") throw new HostOfficeError("InvalidArgument", undefined, "RangeFont.bold");
      this._setStyle(t, "RangeFont.bold", "bold", v || undefined);
    });
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (t) => {
      if (typeof v !== "boolean") throw new HostOfficeError("InvalidArgument", undefined, "RangeFont.italic");
      this._setStyle(t, "RangeFont.italic", "italic", v || undefined);
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => this._setStyle(t, "RangeFont.color", "fontColor", normalizeColor(v, "RangeFont.color")));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, (t) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw new HostOfficeError("InvalidArgument", undefined, "RangeFont.size");
      this._setStyle(t, "RangeFont.size", "fontSize", v);
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      if (typeof v !== "string" || v.trim() === "") throw new HostOfficeError("InvalidArgument", undefined, "RangeFont.name");
      this._setStyle(t, "RangeFont.name", "fontName", v);
    });
  }
  get underline(): Excel.RangeFont["underline"] {
    return this._get("underline");
  }
  set underline(v: Excel.RangeFont["underline"]) {
    this._set("underline", v, (t) => {
      if (!UNDERLINE.includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "RangeFont.underline");
      this._setStyle(t, "RangeFont.underline", "underline", v === "None" ? undefined : String(v));
    });
  }
}

const BORDER_INDEXES: Api.BorderIndexName[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** The cells and sides a border index stands for, for writing (both faces of inside edges) or reading. */
function borderCells(r: Rect, index: Api.BorderIndexName, forWrite: boolean): [number, number, BorderSide][] {
  const out: [number, number, BorderSide][] = [];
  const rowsOf = (row: number, side: BorderSide) => {
    for (let c = r.c0; c <= r.c1; c++) out.push([row, c, side]);
  };
  const colsOf = (col: number, side: BorderSide) => {
    for (let i = r.r0; i <= r.r1; i++) out.push([i, col, side]);
  };
  switch (index) {
    case "EdgeTop":
      rowsOf(r.r0, "top");
      break;
    case "EdgeBottom":
      rowsOf(r.r1, "bottom");
      break;
    case "EdgeLeft":
      colsOf(r.c0, "left");
      break;
    case "EdgeRight":
      colsOf(r.c1, "right");
      break;
    case "InsideHorizontal":
      for (let i = r.r0; i < r.r1; i++) {
        rowsOf(i, "bottom");
        if (forWrite) rowsOf(i + 1, "top");
      }
      break;
    case "InsideVertical":
      for (let c = r.c0; c < r.c1; c++) {
        colsOf(c, "right");
        if (forWrite) colsOf(c + 1, "left");
      }
      break;
    case "DiagonalDown":
    case "DiagonalUp":
      for (let i = r.r0; i <= r.r1; i++) for (let c = r.c0; c <= r.c1; c++) out.push([i, c, index === "DiagonalDown" ? "diagonalDown" : "diagonalUp"]);
      break;
  }
  return out;
}

export class HostRangeBorderCollection extends RangePart implements Api.RangeBorderCollectionLike {
  readonly _type = "RangeBorderCollection";
  private items = new Map<string, HostRangeBorder>();
  constructor(range: HostRange) {
    super(range, `${range._path}.format.borders`);
  }
  _scalars() {
    return [] as const;
  }
  _snapshot(): unknown {
    return undefined;
  }
  getItem(index: Excel.BorderIndex | Api.BorderIndexName): HostRangeBorder {
    const name = String(index) as Api.BorderIndexName;
    if (!BORDER_INDEXES.includes(name)) throw new HostOfficeError("InvalidArgument", undefined, "RangeBorderCollection.getItem");
    let item = this.items.get(name);
    if (!item) {
      item = new HostRangeBorder(this.range, name);
      this.items.set(name, item);
    }
    return item;
  }
}

export class HostRangeBorder extends RangePart implements Api.RangeBorderLike {
  readonly _type = "RangeBorder";
  constructor(
    range: HostRange,
    private readonly index: Api.BorderIndexName,
  ) {
    super(range, `${range._path}.format.borders.getItem(${index})`);
  }
  _scalars() {
    return ["style", "color", "weight", "sideIndex"] as const;
  }
  _snapshot(prop: string, t: RangeTarget): unknown {
    if (prop === "sideIndex") return this.index;
    const cells = borderCells(t.rect, this.index, false);
    if (cells.length > MAX_FORMAT_CELLS) throw new HostOfficeError("GeneralException", "Too many cells for the in-memory host.", "RangeBorder");
    const seen = new Set<string | undefined>();
    for (const [r, c, side] of cells) {
      const b = t.sheet.cell(r, c)?.s?.borders?.[side];
      seen.add(prop === "style" ? (b?.style ?? "None") : prop === "color" ? (b?.color ?? "#000000") : (b?.weight ?? "Thin"));
      if (seen.size > 1) return null;
    }
    return seen.size === 1 ? [...seen][0] : prop === "style" ? "None" : null;
  }
  private write(t: RangeTarget, location: string, change: (b: BorderSpec | undefined) => BorderSpec | undefined): void {
    const cells = borderCells(t.rect, this.index, true);
    if (cells.length > MAX_FORMAT_CELLS) throw new HostOfficeError("GeneralException", "Too many cells for the in-memory host.", location);
    for (const [r, c, side] of cells) {
      const s = t.sheet.style(r, c);
      const next = change(s.borders?.[side]);
      if (next) s.borders = { ...s.borders, [side]: next };
      else if (s.borders) {
        delete s.borders[side];
        if (Object.keys(s.borders).length === 0) delete s.borders;
      }
      t.sheet.prune(r, c);
    }
  }
  get sideIndex(): Excel.RangeBorder["sideIndex"] {
    return this._get("sideIndex");
  }
  get style(): Excel.RangeBorder["style"] {
    return this._get("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    this._set("style", v, (t) => {
      if (!LINE_STYLES.includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "RangeBorder.style");
      this.write(t, "RangeBorder.style", (b) => (v === "None" ? undefined : { color: b?.color ?? "#000000", weight: b?.weight ?? "Thin", style: String(v) }));
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      const color = normalizeColor(v, "RangeBorder.color");
      this.write(t, "RangeBorder.color", (b) => ({ style: b?.style ?? "Continuous", weight: b?.weight ?? "Thin", color }));
    });
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this._get("weight");
  }
  set weight(v: Excel.RangeBorder["weight"]) {
    this._set("weight", v, (t) => {
      if (!WEIGHTS.includes(String(v))) throw new HostOfficeError("InvalidArgument", undefined, "RangeBorder.weight");
      this.write(t, "RangeBorder.weight", (b) => ({ style: b?.style ?? "Continuous", color: b?.color ?? "#000000", weight: String(v) }));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Page layout and conditional formats: recorded as set (no printing, no rule evaluation)

/**
 * An object whose listed properties are recorded into a plain record of the model when the queued
 * command runs, and read back from it on load.
 */
class HostRecord extends HostObject<Record<string, unknown>> {
  constructor(
    context: HostContext,
    path: string,
    readonly _type: string,
    private readonly locate: (tx: Tx) => Record<string, unknown> | null,
    private readonly props: readonly string[],
  ) {
    super(context, path);
    this._pinned = true;
    for (const prop of props) {
      Object.defineProperty(this, prop, {
        get: () => this._get(prop),
        set: (v: unknown) => this._set(prop, v, (rec) => (rec[prop] = v)),
        enumerable: true,
      });
    }
  }
  _scalars() {
    return this.props;
  }
  _resolve(tx: Tx) {
    return this.locate(tx);
  }
  _snapshot(prop: string, rec: Record<string, unknown>): unknown {
    return rec[prop];
  }
}

const PAGE_LAYOUT_PROPS = [
  "orientation",
  "paperSize",
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
  "centerHorizontally",
  "centerVertically",
  "blackAndWhite",
  "zoom",
  "printGridlines",
  "firstPageNumber",
] as const;

/** `worksheet.pageLayout`: properties recorded in SheetModel.page; `setPrintTitleRows` records the address. */
export class HostPageLayout extends HostRecord {
  readonly headersFooters: HostRecord & { readonly firstPage: HostRecord };
  constructor(sheet: HostWorksheet) {
    super(sheet.context, `${sheet._path}.pageLayout`, "PageLayout", (tx) => sheet._target(tx)?.page ?? null, PAGE_LAYOUT_PROPS);
    const group = new HostRecord(sheet.context, `${this._path}.headersFooters`, "HeadersFootersGroup", (tx) => sheet._target(tx)?.page.headersFooters ?? null, ["state", "useSheetMargins", "useSheetScale"]);
    const first = new HostRecord(sheet.context, `${group._path}.firstPage`, "HeaderFooter", (tx) => sheet._target(tx)?.page.headersFooters.firstPage ?? null, [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ]);
    this.headersFooters = Object.assign(group, { firstPage: first });
  }
  setPrintTitleRows(rows: string): void {
    this._queue("PageLayout.setPrintTitleRows", rows, (page) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new HostOfficeError("InvalidArgument", undefined, "PageLayout.setPrintTitleRows");
      page.printTitleRows = rows;
    });
  }
}

/** `range.conditionalFormats`: `add(type)` records a ConditionalFormatRecord over the range. */
export class HostConditionalFormats extends HostObject<RangeTarget> {
  readonly _type = "ConditionalFormatCollection";
  constructor(private readonly range: HostRange) {
    super(range.context, `${range._path}.conditionalFormats`);
    this._pinned = true;
  }
  _scalars() {
    return [] as const;
  }
  _resolve(tx: Tx) {
    return this.range._target(tx);
  }
  _snapshot(): unknown {
    return undefined;
  }
  add(type: string): HostRecord & { readonly custom: { readonly rule: HostRecord; readonly format: { readonly fill: HostRecord } } } {
    let record: ConditionalFormatRecord | null = null;
    this._queue("ConditionalFormatCollection.add", type, (t) => {
      record = { rect: t.rect, type };
      t.sheet.conditionalFormats.push(record);
    });
    const path = `${this._path}.add()`;
    const rec = () => record as unknown as Record<string, unknown> | null;
    const cf = new HostRecord(this.context, path, "ConditionalFormat", rec, ["priority", "stopIfTrue"]);
    const rule = new HostRecord(this.context, `${path}.custom.rule`, "ConditionalFormatRule", rec, ["formula"]);
    const fill = new HostRecord(this.context, `${path}.custom.format.fill`, "ConditionalRangeFill", () => (record ? (new FillView(record) as unknown as Record<string, unknown>) : null), ["color"]);
    return Object.assign(cf, { custom: { rule, format: { fill } } });
  }
}

/** The fill colour of a conditional format, recorded as `fill` on its record. */
class FillView {
  constructor(private readonly record: ConditionalFormatRecord) {}
  get color(): string | undefined {
    return this.record.fill;
  }
  set color(v: string | undefined) {
    this.record.fill = v === undefined ? undefined : normalizeColor(v, "ConditionalRangeFill.color");
  }
}
