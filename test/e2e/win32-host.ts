/**
 * What Excel on Windows answers to office.js, and nothing more: the `window.external` object the Office
 * webview gives the page (GetContext() with the app type, version, locale, theme, settings and the
 * requirement sets this Excel supports; Execute / RegisterEvent accepted and left unanswered). The real
 * office.js and the real excel-win32-16.01.js host file do everything else. Used by deploy.e2e.test.ts
 * with the offline build. Plain ES5 text: it runs as an init script before any page script.
 */

/** Requirement sets as Excel reports them, e.g. { ExcelApi: 1.14, SharedRuntime: 1.1 }. */
export type SupportedMatrix = Record<string, number>;

/** Excel 2021 (volume licensed, version 2108): ExcelApi 1.14, shared runtime, custom functions runtime 1.3. */
export const EXCEL_2021: SupportedMatrix = { ExcelApi: 1.14, SharedRuntime: 1.1, CustomFunctionsRuntime: 1.3, DialogApi: 1.2, RibbonApi: 1.1 };
/** Excel 2019: ExcelApi up to 1.8, no shared runtime, no custom functions. */
export const EXCEL_2019: SupportedMatrix = { ExcelApi: 1.8, DialogApi: 1.1 };

/** The init script: window.external as Excel for Windows provides it. */
export function win32HostScript(matrix: SupportedMatrix, hostVersion = "16.0.14326.20508"): string {
  return `
(function () {
  var theme = { primaryFontColor: 0x262626, primaryBackgroundColor: 0xffffff, secondaryFontColor: 0x666666, secondaryBackgroundColor: 0xf3f3f3 };
  var context = {
    GetAppType: function () { return 1; },                       // OSF.AppName.Excel
    GetSolutionRef: function () { return ""; },
    GetAppVersionMajor: function () { return 16; },
    GetAppVersionMinor: function () { return 0; },
    GetAppUILocale: function () { return "zh-CN"; },
    GetAppDataLocale: function () { return "zh-CN"; },
    GetDocUrl: function () { return ""; },
    GetAppCapabilities: function () { return 0; },
    GetActivationMode: function () { return 0; },
    GetControlIntegrationLevel: function () { return 0; },
    GetSolutionToken: function () { return ""; },
    GetHostFullVersion: function () { return ${JSON.stringify(hostVersion)}; },
    GetSupportedMatrix: function () { return ${JSON.stringify(JSON.stringify(matrix))}; },
    GetOfficeThemeInfo: function () { return JSON.stringify(theme); },
    GetSettings: function () { return { Read: function () {}, Write: function () {} }; }
  };
  var external = {
    GetContext: function () { return context; },
    Execute: function () { window.__win32Executed = (window.__win32Executed || 0) + 1; },
    RegisterEvent: function () {},
    UnregisterEvent: function () {}
  };
  Object.defineProperty(window, "external", { value: external, configurable: true, writable: true });
})();`;
}
