/**
 * What the task pane needs from Excel, checked once at start (src/taskpane/index.tsx) with
 * Office.context.requirements.isSetSupported. manifest.xml declares the same sets, so Excel should not
 * even offer the add-in where they are missing; this check is the second line (a manifest sideloaded or
 * deployed without its <Requirements>, an Excel updated backwards) and says in Chinese what to do instead.
 * test/manifest/apisets.test.ts proves the code uses nothing above these versions.
 */

/**
 * The ExcelApi version the Excel adapter (src/excel) needs: ExcelApi 1.14 for WorksheetChangedEventArgs.triggerSource
 * (our own writes must not re-trigger a check); 1.9 for worksheets.onChanged, 1.7 for getRangeByIndexes.
 * Excel 2021 (Windows, version 2108), Microsoft 365, Mac 16.52 and Excel on the web have it; Excel 2019 and 2016 do not.
 */
export const EXCEL_API_MIN = "1.14";

/** The requirement sets checked at start, with what each means to the user. */
export const REQUIRED_SETS: readonly { name: string; version: string }[] = [
  { name: "ExcelApi", version: EXCEL_API_MIN },
  { name: "SharedRuntime", version: "1.1" },
];

export interface RequirementProblem {
  /** The sets this Excel lacks, as "ExcelApi 1.14". */
  missing: string[];
  title: string;
  lines: string[];
}

/** The same words as startup.js and README「没有加载项时」. */
export const WITHOUT_ADDIN =
  "暂时无法使用加载项时：请信息化部门用命令行 jixiao template 生成只用 Excel 内置公式的空白表格（任何版本的 Excel、WPS 都能计算），" +
  "填好后用 jixiao check 校验、jixiao report 生成自评报告。";

/**
 * Null when this Excel has every set in REQUIRED_SETS; otherwise the message the task pane shows instead of itself.
 * `isSetSupported` is Office.context.requirements.isSetSupported; one that throws counts as "not supported".
 */
export function requirementProblem(isSetSupported: (name: string, version: string) => boolean): RequirementProblem | null {
  const missing = REQUIRED_SETS.filter((s) => {
    try {
      return !isSetSupported(s.name, s.version);
    } catch {
      return true;
    }
  }).map((s) => `${s.name} ${s.version}`);
  if (missing.length === 0) return null;
  return {
    missing,
    title: "这个版本的 Excel 太旧，绩效自评助手的任务窗格无法运行",
    lines: [
      `缺少的 Office 接口：${missing.join("、")}。`,
      "可以运行本加载项的 Excel：Microsoft 365 订阅版、Excel 2021 / 2024（Windows）、Mac 版 Excel 16.52 及以上、Excel 网页版；Excel 2019 / 2016 不行。",
      "JX 自定义函数同样需要 Microsoft 365 或 Excel 2021 及以上（或 Mac 版、网页版）。",
      WITHOUT_ADDIN,
    ],
  };
}
