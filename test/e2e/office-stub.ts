/**
 * What the browser test serves in place of office.js: the in-memory Excel host installed as the
 * Office and Excel globals, exposed as window.__host so the test can type into cells like a user.
 */
import { createExcelHost, installExcelGlobals } from "../host";

const host = createExcelHost({ sheets: ["Sheet1"], requirementSets: { CustomFunctionsRuntime: "1.1" } });
installExcelGlobals(host);
(window as unknown as { __host: typeof host }).__host = host;
