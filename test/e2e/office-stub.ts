/**
 * What the browser test serves in place of office.js: the in-memory Excel host installed as the
 * Office and Excel globals, exposed as window.__host so the test can type into cells like a user.
 */
import { createExcelHost, installExcelGlobals } from "../host";

// A test may set window.__OFFICE_STUB_SETS before the page loads to play an older Excel.
const older = (window as unknown as { __OFFICE_STUB_SETS?: Record<string, string> }).__OFFICE_STUB_SETS;
const host = createExcelHost({ sheets: ["Sheet1"], requirementSets: { CustomFunctionsRuntime: "1.1", ...older } });
installExcelGlobals(host);
(window as unknown as { __host: typeof host }).__host = host;
