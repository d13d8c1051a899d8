/** 部门决算公开: the nine tables (model, templates, reader), their FA.* rules, the 情况说明. */
export * from "./model";
export * from "./templates";
export { readFinalAccounts, isFinalAccountsGrid, withFinalAccounts, FA_PATH, type FinalAccountsRead } from "./read";
export { finalAccountsRules } from "./rules";
export * from "./narrate";
export { checkFinalAccountsText, finalAccountsTextRules, isFinalAccountsNarrativeSheet, type FaTextOptions } from "./checkText";
export { basicSplitFromFinalAccounts, type BasicSplit } from "./forReport";
export { faMaterialLayout, faMaterialTemplate, readFaMaterial, isFaMaterialSheet, FA_MATERIAL_SHEET_NAME, FA_MATERIAL_ITEMS } from "./material";
