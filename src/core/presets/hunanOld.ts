/**
 * Older Hunan forms (2021 and before; 新田县教育局 2021): 执行率 against 年初预算数, 2 points off per full 5%
 * short of 100%; 附件1 has a 4、其他资金 row under 项目支出 (read by the header reader wherever it is).
 */
import { HUNAN_2024 } from "./hunan2024";
import type { Preset } from "./types";

export const HUNAN_STEPS: Preset = {
  ...HUNAN_2024,
  id: "hunan-steps",
  label: "湖南旧版（按年初预算，每差5%扣2分）",
  source: "湖南 2021 年及以前的部门整体支出绩效评价表（按年初预算计算执行率，分档扣分）",
  executionDenominator: "initialBudget",
  executionScoring: { kind: "steps", stepPercent: 5, deduct: 2 },
  projectLevelWeights: null,
};
