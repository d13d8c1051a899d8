/**
 * 财预〔2020〕10号《项目支出绩效评价管理办法》: the national default. 项目支出绩效自评表: 一级指标权重
 * 产出 50、效益 30、满意度 10、预算执行率 10; 执行率 = 全年执行数 ÷ 全年预算数, scored in proportion,
 * capped at the weight; grades 90(含)–100 优, 80(含)–90 良, 60(含)–80 中, < 60 差.
 */
import { NATIONAL_GRADES } from "../calc";
import { HUNAN_LAYOUT } from "./layouts";
import { DEFAULT_TOLERANCES, type Preset } from "./types";

export const NATIONAL_2020: Preset = {
  id: "national-2020",
  label: "全国通用（财预〔2020〕10号）",
  source: "财政部 财预〔2020〕10号 附件 项目支出绩效自评表",
  executionDenominator: "fullBudget",
  executionScoring: { kind: "proportional" },
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  projectExecutionWeight: 10,
  projectLevelWeights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  grades: NATIONAL_GRADES,
  passMark: 60,
  tolerances: DEFAULT_TOLERANCES,
  layout: HUNAN_LAYOUT,
};
