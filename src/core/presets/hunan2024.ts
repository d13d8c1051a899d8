/**
 * 湖南 2024 (the default; seeds 002–004): 附件2 预算执行率 10、产出 50、效益 30、满意度 10; 附件3 预算执行率 10 +
 * 产出 40、效益 20、满意度 10、成本 20 (seed 004); 执行率 against 全年预算数, proportional; national grades.
 */
import { NATIONAL_GRADES } from "../calc";
import { HUNAN_LAYOUT } from "./layouts";
import { DEFAULT_TOLERANCES, type Preset } from "./types";

export const HUNAN_2024: Preset = {
  id: "hunan-2024",
  label: "湖南省2024年（默认）",
  source: "湖南省财政厅 2024 年度部门整体支出、项目支出绩效自评表（种子 002–004）",
  executionDenominator: "fullBudget",
  executionScoring: { kind: "proportional" },
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  projectExecutionWeight: 10,
  projectLevelWeights: { 产出指标: 40, 效益指标: 20, 满意度指标: 10, 成本指标: 20 },
  grades: NATIONAL_GRADES,
  passMark: 60,
  tolerances: DEFAULT_TOLERANCES,
  layout: HUNAN_LAYOUT,
};
