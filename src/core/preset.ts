/**
 * Scoring presets: the rules that differ between provinces and years.
 * Hunan 2024 is the default. Tolerances are named settings, not literals in rules.
 */
import { type ExecutionScoring, type GradeScheme, NATIONAL_GRADES, SUINING_GRADES } from "./calc";

/** Which budget figure 执行率 divides by. */
export type ExecutionDenominator = "fullBudget" | "initialBudget";

export interface Preset {
  id: string;
  label: string;
  executionDenominator: ExecutionDenominator;
  executionScoring: ExecutionScoring;
  /** 一级 weights of 附件2: 预算执行率 10, 产出 50, 效益 30, 满意度 10. */
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  /** Weight of 执行率 in 附件3 (the indicators make up the rest of 100). */
  projectExecutionWeight: number;
  grades: GradeScheme;
  tolerances: Tolerances;
}

export interface Tolerances {
  /** A sum off by at most this much (万元) is a 尾数差 (rounding), not an error. */
  roundingDiff: number;
  /** An indicator done by more than this fraction above a ≥ target: the target was probably set too low. */
  overCompletion: number;
  /** An amount of this many 万元 or more in one cell most likely was typed in 元. */
  yuanSuspect: number;
  /** Rates beyond this (as a fraction) are out of any plausible range and flagged for review. */
  implausibleRate: number;
  /**
   * Two names pair across tables (附件3 project ↔ 附件1 专项) when, after normalizing, one contains
   * the other or their character-bigram Dice coefficient (0…1) is at least this (src/core/pairing.ts).
   */
  nameSimilarity: number;
}

export const DEFAULT_TOLERANCES: Tolerances = {
  roundingDiff: 0.01,
  overCompletion: 0.3,
  yuanSuspect: 1_000_000,
  implausibleRate: 2,
  nameSimilarity: 0.6,
};

export const HUNAN_2024: Preset = {
  id: "hunan-2024",
  label: "湖南省2024年（默认）",
  executionDenominator: "fullBudget",
  executionScoring: { kind: "proportional" },
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  projectExecutionWeight: 10,
  grades: NATIONAL_GRADES,
  tolerances: DEFAULT_TOLERANCES,
};

/** Seed 002's county form: same weights, its own grade wording (大于90分为优秀). */
export const SUINING_2024: Preset = { ...HUNAN_2024, id: "suining-2024", label: "绥宁县2024年说明", grades: SUINING_GRADES };

/** Older Hunan forms: 执行率 against 年初预算, 2 points off per full 5% short. */
export const HUNAN_STEPS: Preset = {
  ...HUNAN_2024,
  id: "hunan-steps",
  label: "湖南旧版（按年初预算，每差5%扣2分）",
  executionDenominator: "initialBudget",
  executionScoring: { kind: "steps", stepPercent: 5, deduct: 2 },
};

export const PRESETS: Preset[] = [HUNAN_2024, SUINING_2024, HUNAN_STEPS];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
