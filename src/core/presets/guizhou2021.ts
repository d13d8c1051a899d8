/**
 * 贵州 2021 部门整体支出绩效自评表 (绥阳县太白镇): only 年初预算数(A) and 全年执行数(B), so 执行率 = B ÷ 年初预算数;
 * 得分计算方法 "执行率*该指标分值,最高不得超过分值上限" (proportional, capped).
 */
import { NATIONAL_2020 } from "./national";
import { GUIZHOU_LAYOUT } from "./layouts";
import type { Preset } from "./types";

export const GUIZHOU_2021: Preset = {
  ...NATIONAL_2020,
  id: "guizhou-2021",
  label: "贵州2021年（按年初预算数）",
  source: "绥阳县太白镇人民政府 2021 年度部门整体支出绩效自评表（shared/cases gz-suiyang-taibai-2021）",
  executionDenominator: "initialBudget",
  layout: GUIZHOU_LAYOUT,
};
