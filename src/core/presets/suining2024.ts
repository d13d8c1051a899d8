/** Seed 002's county form (绥宁县 2024): Hunan's weights, its own grade wording (大于90分为优秀). */
import { SUINING_GRADES } from "../calc";
import { HUNAN_2024 } from "./hunan2024";
import type { Preset } from "./types";

export const SUINING_2024: Preset = {
  ...HUNAN_2024,
  id: "suining-2024",
  label: "绥宁县2024年说明",
  source: "绥宁县数据局 2024 年部门整体支出绩效自评表 说明（种子 002）",
  grades: SUINING_GRADES,
};
