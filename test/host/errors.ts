/**
 * Errors shaped like OfficeExtension.Error ("RichApi.Error"): `code`, `message`,
 * `debugInfo.code/message/errorLocation`. Codes and English messages as Excel sends them.
 */

export type HostErrorCode =
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "RunMustReturnPromise"
  | "MergedRangeConflict"
  | "InsertDeleteConflict"
  | "GeneralException";

const LIMITS_DOC =
  "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-rendering-optimization?view=excel-js-preview#excel-add-ins";

export const MESSAGES: Record<HostErrorCode, string> = {
  PropertyNotLoaded: "",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is not permitted for the current object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}".`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}".`,
  InvalidObjectPath: "",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  MergedRangeConflict: "Cannot perform the operation as a merged range is in conflict.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  GeneralException: "There was an internal error while processing the request.",
};

export const SHAPE_MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export interface HostDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** What Office.js rejects `context.sync()` with (and throws on unloaded reads). */
export class HostOfficeError extends Error {
  code: string;
  debugInfo: HostDebugInfo;
  traceMessages: string[] = [];
  innerError: HostOfficeError | null = null;

  constructor(code: HostErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation ? { code, message: text, errorLocation } : { code, message: text };
  }
}

export function propertyNotLoaded(property: string, typeName: string): HostOfficeError {
  return new HostOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function invalidObjectPath(path: string): HostOfficeError {
  return new HostOfficeError(
    "InvalidObjectPath",
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    path,
  );
}

export function isHostError(e: unknown, code?: HostErrorCode): e is HostOfficeError {
  return e instanceof HostOfficeError && (code === undefined || e.code === code);
}
