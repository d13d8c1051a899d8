/**
 * What a scoring preset is: the rules that differ between provinces and years, as data.
 * One preset per file beside this one; preset.ts lists them. See docs/presets.md.
 */
import type { ExecutionScoring, GradeScheme } from "../calc";

/** Which budget figure 执行率 divides by. */
export type ExecutionDenominator = "fullBudget" | "initialBudget";

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

/** One printed column: its key (read/headers.ts COLUMN_SYNONYMS) and the header text the form prints. */
export interface LayoutColumn {
  key: string;
  text: string;
}

/**
 * The column layout of a project form (附件3 and its kin; 附件2 uses the same funds and indicator
 * blocks): the 项目资金 columns after the row label, and the 绩效指标 columns, left to right.
 */
export interface FormLayout {
  id: string;
  /** How the layout is named to the user ("四川 2022 绩效目标自评表"). */
  label: string;
  /** Header of the funds block, with its unit: "项目资金（万元）", "项目资金(元)". */
  fundsLabel: string;
  /** The unit amounts are printed in; the model is always 万元. */
  amountUnit: "万元" | "元";
  funds: LayoutColumn[];
  indicators: LayoutColumn[];
}

export interface Preset {
  id: string;
  label: string;
  /** Where the preset comes from (the document or the published form it was read from). */
  source: string;
  executionDenominator: ExecutionDenominator;
  executionScoring: ExecutionScoring;
  /** 一级 weights of 附件2: 预算执行率 10, 产出 50, 效益 30, 满意度 10. */
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  /** Weight of 执行率 in 附件3 (the indicators make up the rest of 100). */
  projectExecutionWeight: number;
  /**
   * 一级 weights of 附件3 by 一级 name (湖南 2024: 产出指标 40, 效益指标 20, 满意度指标 10, 成本指标 20), or of the
   * 项目决策 / 项目过程 / 产出 / 效益 scheme; null when the preset fixes none.
   */
  projectLevelWeights: Record<string, number> | null;
  grades: GradeScheme;
  /**
   * The pass mark of the two-word scheme some forms use instead (合格 ≥ passMark > 不合格); both wordings
   * are legal on a form of this preset. 60 in every scheme seen.
   */
  passMark: number;
  tolerances: Tolerances;
  /** The form layout this preset injects and recognizes. */
  layout: FormLayout;
}
