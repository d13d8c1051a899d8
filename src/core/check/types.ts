/** Findings and rules: what the checker says, and the catalogue's shape. */
import type { CheckContext } from "./context";

/** 错误: the figures contradict each other; 警告: likely wrong or needs an explanation; 提示: worth a look. */
export type Severity = "错误" | "警告" | "提示";

export const SEVERITIES: Severity[] = ["错误", "警告", "提示"];

export interface Finding {
  rule: string; // rule id, e.g. "BASIC.STAFF_RATE"
  severity: Severity;
  sheet: string; // sheet name ("附件1 基础数据表")
  cell: string; // "F4"; "" when the figure has no cell (a model read from JSON)
  message: string; // Chinese, names the figure and what is wrong
  expected: string; // what the figures say it should be ("" when not a value)
  actual: string; // what is written
}

export interface Rule {
  id: string;
  severity: Severity;
  /** Short Chinese title for the UI and docs/rules.md. */
  title: string;
  /** What the rule checks and why, in Chinese. */
  description: string;
  /** An example finding message, from the seeds where possible. */
  example: string;
  run(ctx: CheckContext): void;
}
