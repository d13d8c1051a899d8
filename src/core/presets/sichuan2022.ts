/**
 * 四川 2022 绩效目标自评表 (中江县水利局): 注 1 一级指标分值统一设置为 产出 50、效益 30、满意度 10、预算资金执行率 10;
 * 得分按分值区间 100–80%（含80%）、80–60%（含60%）、60–0%; no 年初预算数 column; 分值 before 年度指标值.
 */
import { NATIONAL_2020 } from "./national";
import { SICHUAN_LAYOUT } from "./layouts";
import type { Preset } from "./types";

export const SICHUAN_2022: Preset = {
  ...NATIONAL_2020,
  id: "sichuan-2022",
  label: "四川2022年（绩效目标自评表）",
  source: "中江县水利局 2022 年度绩效目标自评表 注1（shared/cases sc-zhongjiang-slj-2022）",
  layout: SICHUAN_LAYOUT,
};
