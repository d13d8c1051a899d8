/**
 * The part of the Excel JavaScript API the in-memory host implements, as types cut out of
 * @types/office-js (Pick<Excel.X, …> plus the navigation members narrowed to this subset).
 *
 * Two compile-time guarantees:
 * - the host's classes `implements` these interfaces, so every member has Office's signature;
 * - the real Excel types are assignable to them (checked at the bottom), so Excel-layer code can
 *   be written against `RequestContextLike` (`import type`, erased from the bundle) and take the
 *   real `Excel.RequestContext` in production — then calling anything the host does not
 *   implement is a compile error rather than a surprise in a test.
 */

type LoadSpec = string | string[];
type SelectExpand = { select?: string; expand?: string };

export interface ClientObjectLike {
  readonly context: RequestContextLike;
  readonly isNullObject: boolean;
}

export interface RequestContextLike
  extends Pick<Excel.RequestContext, "trackedObjects" | "requestHeaders" | "sync" | "load" | "loadRecursive" | "trace" | "debugInfo"> {
  readonly workbook: WorkbookLike;
  readonly application: ApplicationLike;
  readonly runtime: RuntimeLike;
}

export interface EventHandlerResultLike {
  readonly context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

export interface EventHandlersLike<T> {
  add(handler: (args: T) => Promise<unknown>): EventHandlerResultLike;
  remove(handler: (args: T) => Promise<unknown>): void;
}

export interface WorksheetChangedEventArgsLike
  extends Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType" | "source" | "type" | "worksheetId" | "triggerSource"> {
  /** Only for a single-cell change (as in Excel). */
  details?: Pick<Excel.ChangedEventDetail, "valueAfter" | "valueBefore" | "valueTypeAfter" | "valueTypeBefore">;
  getRange(ctx: RequestContextLike): RangeLike;
  getRangeOrNullObject(ctx: RequestContextLike): RangeLike;
}

export type WorksheetAddedEventArgsLike = Excel.WorksheetAddedEventArgs;
export type WorksheetDeletedEventArgsLike = Excel.WorksheetDeletedEventArgs;
export type WorksheetActivatedEventArgsLike = Excel.WorksheetActivatedEventArgs;
export type WorksheetDeactivatedEventArgsLike = Excel.WorksheetDeactivatedEventArgs;
export type WorksheetSelectionChangedEventArgsLike = Excel.WorksheetSelectionChangedEventArgs;

type RangeMembers =
  | "address"
  | "addressLocal"
  | "values"
  | "formulas"
  | "formulasLocal"
  | "numberFormat"
  | "numberFormatLocal"
  | "text"
  | "valueTypes"
  | "rowCount"
  | "columnCount"
  | "cellCount"
  | "rowIndex"
  | "columnIndex"
  | "isEntireRow"
  | "isEntireColumn"
  | "isNullObject"
  | "merge"
  | "unmerge"
  | "select"
  | "clear"
  | "delete";

export interface RangeLike extends Pick<Excel.Range, RangeMembers> {
  readonly context: RequestContextLike;
  readonly format: RangeFormatLike;
  readonly worksheet: WorksheetLike;
  getCell(row: number, column: number): RangeLike;
  getOffsetRange(rowOffset: number, columnOffset: number): RangeLike;
  getResizedRange(deltaRows: number, deltaColumns: number): RangeLike;
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeLike;
  getRow(row: number): RangeLike;
  getColumn(column: number): RangeLike;
  getEntireRow(): RangeLike;
  getEntireColumn(): RangeLike;
  getLastCell(): RangeLike;
  getLastRow(): RangeLike;
  getLastColumn(): RangeLike;
  getRowsAbove(count?: number): RangeLike;
  getRowsBelow(count?: number): RangeLike;
  getColumnsBefore(count?: number): RangeLike;
  getColumnsAfter(count?: number): RangeLike;
  getBoundingRect(anotherRange: RangeLike | string): RangeLike;
  getIntersection(anotherRange: RangeLike | string): RangeLike;
  getIntersectionOrNullObject(anotherRange: RangeLike | string): RangeLike;
  getUsedRange(valuesOnly?: boolean): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  getMergedAreasOrNullObject(): RangeAreasLike;
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): RangeLike;
  track(): RangeLike;
  untrack(): RangeLike;
  load(propertyNames?: LoadSpec): RangeLike;
  load(propertyNamesAndPaths?: SelectExpand): RangeLike;
}

export interface RangeAreasLike extends Pick<Excel.RangeAreas, "address" | "addressLocal" | "areaCount" | "cellCount" | "isNullObject"> {
  readonly context: RequestContextLike;
  readonly areas: RangeCollectionLike;
  readonly worksheet: WorksheetLike;
  load(propertyNames?: LoadSpec): RangeAreasLike;
  load(propertyNamesAndPaths?: SelectExpand): RangeAreasLike;
}

export interface RangeCollectionLike extends Pick<Excel.RangeCollection, "isNullObject"> {
  readonly context: RequestContextLike;
  readonly items: RangeLike[];
  load(propertyNames?: LoadSpec): RangeCollectionLike;
}

export interface RangeFormatLike
  extends Pick<
    Excel.RangeFormat,
    "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "indentLevel" | "autofitColumns" | "autofitRows" | "isNullObject"
  > {
  readonly context: RequestContextLike;
  readonly fill: RangeFillLike;
  readonly font: RangeFontLike;
  readonly borders: RangeBorderCollectionLike;
  load(propertyNames?: LoadSpec): RangeFormatLike;
  load(propertyNamesAndPaths?: SelectExpand): RangeFormatLike;
}

export interface RangeFillLike extends Pick<Excel.RangeFill, "color" | "clear" | "isNullObject"> {
  readonly context: RequestContextLike;
  load(propertyNames?: LoadSpec): RangeFillLike;
}

export interface RangeFontLike extends Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size" | "name" | "underline" | "isNullObject"> {
  readonly context: RequestContextLike;
  load(propertyNames?: LoadSpec): RangeFontLike;
}

export type BorderIndexName = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";

export interface RangeBorderCollectionLike extends Pick<Excel.RangeBorderCollection, "isNullObject"> {
  readonly context: RequestContextLike;
  getItem(index: Excel.BorderIndex | BorderIndexName): RangeBorderLike;
}

export interface RangeBorderLike extends Pick<Excel.RangeBorder, "style" | "color" | "weight" | "sideIndex" | "isNullObject"> {
  readonly context: RequestContextLike;
  load(propertyNames?: LoadSpec): RangeBorderLike;
}

type WorksheetMembers =
  | "id"
  | "name"
  | "position"
  | "visibility"
  | "tabColor"
  | "showGridlines"
  | "standardWidth"
  | "standardHeight"
  | "isNullObject"
  | "activate"
  | "delete";

export interface WorksheetLike extends Pick<Excel.Worksheet, WorksheetMembers> {
  readonly context: RequestContextLike;
  readonly freezePanes: WorksheetFreezePanesLike;
  readonly onChanged: EventHandlersLike<WorksheetChangedEventArgsLike>;
  readonly onActivated: EventHandlersLike<WorksheetActivatedEventArgsLike>;
  readonly onDeactivated: EventHandlersLike<WorksheetDeactivatedEventArgsLike>;
  readonly onSelectionChanged: EventHandlersLike<WorksheetSelectionChangedEventArgsLike>;
  getRange(address?: string): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  getCell(row: number, column: number): RangeLike;
  getUsedRange(valuesOnly?: boolean): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  copy(positionType?: Excel.WorksheetPositionType | "None" | "Before" | "After" | "Beginning" | "End", relativeTo?: WorksheetLike): WorksheetLike;
  load(propertyNames?: LoadSpec): WorksheetLike;
  load(propertyNamesAndPaths?: SelectExpand): WorksheetLike;
}

export interface WorksheetFreezePanesLike extends Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "unfreeze" | "isNullObject"> {
  readonly context: RequestContextLike;
  freezeAt(frozenRange: RangeLike | string): void;
}

export interface WorksheetCollectionLike extends Pick<Excel.WorksheetCollection, "isNullObject"> {
  readonly context: RequestContextLike;
  readonly items: WorksheetLike[];
  readonly onChanged: EventHandlersLike<WorksheetChangedEventArgsLike>;
  readonly onAdded: EventHandlersLike<WorksheetAddedEventArgsLike>;
  readonly onDeleted: EventHandlersLike<WorksheetDeletedEventArgsLike>;
  readonly onActivated: EventHandlersLike<WorksheetActivatedEventArgsLike>;
  readonly onDeactivated: EventHandlersLike<WorksheetDeactivatedEventArgsLike>;
  readonly onSelectionChanged: EventHandlersLike<WorksheetSelectionChangedEventArgsLike>;
  add(name?: string): WorksheetLike;
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
  getActiveWorksheet(): WorksheetLike;
  getFirst(visibleOnly?: boolean): WorksheetLike;
  getLast(visibleOnly?: boolean): WorksheetLike;
  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number>;
  load(propertyNames?: LoadSpec): WorksheetCollectionLike;
  load(propertyNamesAndPaths?: OfficeExtension.LoadOption): WorksheetCollectionLike;
}

export interface WorkbookLike extends Pick<Excel.Workbook, "name" | "isNullObject"> {
  readonly context: RequestContextLike;
  readonly worksheets: WorksheetCollectionLike;
  readonly application: ApplicationLike;
  getSelectedRange(): RangeLike;
  getActiveCell(): RangeLike;
  load(propertyNames?: LoadSpec): WorkbookLike;
}

export interface ApplicationLike
  extends Pick<Excel.Application, "calculationMode" | "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync" | "isNullObject"> {
  readonly context: RequestContextLike;
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void;
  load(propertyNames?: LoadSpec): ApplicationLike;
}

export interface RuntimeLike extends Pick<Excel.Runtime, "enableEvents" | "isNullObject"> {
  readonly context: RequestContextLike;
  load(propertyNames?: LoadSpec): RuntimeLike;
}

export type RunBatch<T> = (context: Excel.RequestContext) => Promise<T>;

// ---------------------------------------------------------------------------------------------
// Compile-time proof that the real Excel types fit the subset (a `false` here fails the build).

type Fits<A, B> = [A] extends [B] ? true : false;

export const REAL_EXCEL_FITS_SUBSET: [
  Fits<Excel.RequestContext, RequestContextLike>,
  Fits<Excel.Workbook, WorkbookLike>,
  Fits<Excel.WorksheetCollection, WorksheetCollectionLike>,
  Fits<Excel.Worksheet, WorksheetLike>,
  Fits<Excel.Range, RangeLike>,
  Fits<Excel.RangeAreas, RangeAreasLike>,
  Fits<Excel.RangeFormat, RangeFormatLike>,
  Fits<Excel.RangeFill, RangeFillLike>,
  Fits<Excel.RangeFont, RangeFontLike>,
  Fits<Excel.RangeBorder, RangeBorderLike>,
  Fits<Excel.WorksheetChangedEventArgs, WorksheetChangedEventArgsLike>,
] = [true, true, true, true, true, true, true, true, true, true, true];
