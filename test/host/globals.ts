/**
 * Installs the host as the page's `Excel`, `Office`, `OfficeExtension` (and, if absent,
 * `CustomFunctions`) globals — for browser tests where office.js is routed to a stub, and for
 * code under test that calls `Excel.run` directly. Browser-safe (no Node imports).
 */
import { HostOfficeError } from "./errors";
import type { ExcelHost } from "./host";
import { HostClientResult } from "./proxies";

/** `{ edgeTop: "EdgeTop", … }` — Office's string enums, keyed by their camel-case member names. */
function strEnum(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) out[v.charAt(0).toLowerCase() + v.slice(1)] = v;
  return out;
}

export const EXCEL_ENUMS: Record<string, Record<string, string>> = {
  BorderIndex: strEnum(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]),
  BorderLineStyle: strEnum(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]),
  BorderWeight: strEnum(["Hairline", "Thin", "Medium", "Thick"]),
  HorizontalAlignment: strEnum(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]),
  VerticalAlignment: strEnum(["Top", "Center", "Bottom", "Justify", "Distributed"]),
  ClearApplyTo: strEnum(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"]),
  InsertShiftDirection: strEnum(["Down", "Right"]),
  DeleteShiftDirection: strEnum(["Up", "Left"]),
  WorksheetPositionType: strEnum(["None", "Before", "After", "Beginning", "End"]),
  SheetVisibility: strEnum(["Visible", "Hidden", "VeryHidden"]),
  DataChangeType: strEnum(["Unknown", "RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]),
  EventSource: strEnum(["Local", "Remote"]),
  EventTriggerSource: strEnum(["Unknown", "ThisLocalAddin"]),
  RangeValueType: strEnum(["Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"]),
  RangeUnderlineStyle: strEnum(["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"]),
  CalculationMode: strEnum(["Automatic", "AutomaticExceptTables", "Manual"]),
  CalculationType: strEnum(["Recalculate", "Full", "FullRebuild"]),
  ErrorCodes: strEnum([
    "AccessDenied",
    "ApiNotFound",
    "GeneralException",
    "InsertDeleteConflict",
    "InvalidArgument",
    "InvalidOperation",
    "InvalidOperationInCellEditMode",
    "InvalidReference",
    "ItemAlreadyExists",
    "ItemNotFound",
    "MergedRangeConflict",
    "NotImplemented",
    "RequestAborted",
    "ResponsePayloadSizeLimitExceeded",
    "UnsupportedOperation",
  ]),
};

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface GlobalsOptions {
  platform?: "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal";
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
}

export interface CustomFunctionsStub {
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  readonly associated: Map<string, unknown>;
}

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** Sets the globals; returns a function that puts the previous ones back. */
export function installExcelGlobals(host: ExcelHost, options: GlobalsOptions = {}): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = new Map<string, unknown>(["Excel", "Office", "OfficeExtension", "CustomFunctions"].map((k) => [k, g[k]]));
  const platform = options.platform ?? "OfficeOnline";
  const info = { host: "Excel", platform };

  g.Excel = { run: host.run, ...EXCEL_ENUMS };
  g.OfficeExtension = {
    Error: HostOfficeError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: "InvalidObjectPath",
      propertyNotLoaded: "PropertyNotLoaded",
      valueNotLoaded: "ValueNotLoaded",
      invalidRequestContext: "InvalidRequestContext",
      invalidArgument: "InvalidArgument",
      runMustReturnPromise: "RunMustReturnPromise",
      cannotRegisterEvent: "CannotRegisterEvent",
      apiNotFound: "ApiNotFound",
      connectionFailure: "ConnectionFailure",
    },
    ClientResult: HostClientResult,
    config: { extendedErrorLogging: false },
    Promise,
  };
  const office: Record<string, unknown> = {
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve().then(() => {
        callback?.(info);
        const init = office.initialize;
        if (typeof init === "function") init("");
        return info;
      });
    },
    initialize: undefined,
    context: {
      host: "Excel",
      platform,
      displayLanguage: options.displayLanguage ?? "zh-CN",
      contentLanguage: options.displayLanguage ?? "zh-CN",
      diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
      officeTheme: options.officeTheme ?? {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = host.requirementSets[name];
          if (have === undefined) return false;
          return minVersion === undefined || compareVersions(have, String(minVersion)) >= 0;
        },
      },
      document: {},
      ui: { messageParent() {} },
    },
    HostType: strEnumKeys(["Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Project", "Access"]),
    PlatformType: strEnumKeys(["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"]),
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      setStartupBehavior: () => Promise.resolve(),
      getStartupBehavior: () => Promise.resolve("None"),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
    actions: { associate() {} },
  };
  g.Office = office;
  if (g.CustomFunctions === undefined) {
    const associated = new Map<string, unknown>();
    g.CustomFunctions = {
      associate(id: string | Record<string, unknown>, fn?: unknown) {
        if (typeof id === "string") associated.set(id, fn);
        else for (const [k, v] of Object.entries(id)) associated.set(k, v);
      },
      associated,
      Error: CustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    };
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}

function strEnumKeys(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v, v]));
}
