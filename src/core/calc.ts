/**
 * The calculations of the forms, exact (decimal, half-up). Each returns a
 * result or a reason in Chinese, never a silent zero.
 */
import { D, type Dec, ZERO, ONE, round, fmt, fmtPercent } from "./decimal";
import { divide, mulDiv, roundNumber, subtract } from "./exact";

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Result<T> => ({ ok: false, message });

/** rate(a, b) = a ÷ b, unrounded. A zero or missing base is an error, not 0%. */
export function rate(numerator: Dec, denominator: Dec): Result<Dec> {
  if (denominator.isZero()) return fail("分母为0，无法计算比率");
  return ok(numerator.dividedBy(denominator));
}

/**
 * rate for cell numbers, rounded as a cell stores it (4 decimals): exact integer arithmetic when the
 * figures allow, decimals otherwise. Null when the denominator is 0.
 */
export function rateNumber(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return divide(numerator, denominator, 4) ?? roundRate(new D(String(numerator)).dividedBy(new D(String(denominator)))).toNumber();
}

/**
 * executionScore for cell numbers (proportional scoring; 分值 and the score in points, 2 decimals): exact integer
 * arithmetic when the figures allow (min(B, A) × 分值 ÷ A), decimals otherwise. Null when the budget is 0 or
 * negative, or the executed amount negative.
 */
export function executionScoreNumber(executed: number, budget: number, weight: number): number | null {
  if (budget <= 0 || executed < 0) return null;
  return (
    mulDiv(weight, Math.min(executed, budget), budget, 2) ??
    proportionalScore(new D(String(executed)), new D(String(budget)), new D(String(weight))).toNumber()
  );
}

/** min(B ÷ A, 100%) × 分值, half-up to 2 decimals; A > 0 and B ≥ 0 (checked by the callers). */
function proportionalScore(executed: Dec, budget: Dec, weight: Dec): Dec {
  return round(D.min(executed.dividedBy(budget), ONE).times(weight), 2);
}

/** A rate as stored in a cell formatted 0.00%: rounded to 4 decimals (85.23% = 0.8523). */
export function roundRate(fraction: Dec): Dec {
  return round(fraction, 4);
}

export type Change =
  | { kind: "flat"; diff: Dec }
  | { kind: "up" | "down"; diff: Dec; rate: Dec | null }; // rate null: 无可比 (base 0)

/** change(cur, prev): the difference and the relative change. */
export function change(current: Dec, previous: Dec): Change {
  const diff = current.minus(previous);
  if (round(diff, 2).isZero()) return { kind: "flat", diff: ZERO };
  const kind = diff.isNegative() ? "down" : "up";
  const r = previous.isZero() ? null : diff.abs().dividedBy(previous.abs());
  return { kind, diff, rate: r };
}

/** "增加43.00万元，增长6.48%" / "减少…，下降…%" / "持平" / "增加5.00万元（上年为0，无可比）". */
export function changeText(current: Dec, previous: Dec, unit = "万元"): string {
  const c = change(current, previous);
  if (c.kind === "flat") return "持平";
  const verb = c.kind === "up" ? "增加" : "减少";
  const amount = `${verb}${fmt(c.diff.abs())}${unit}`;
  if (c.rate === null) return `${amount}（上年为0，无可比）`;
  return `${amount}，${c.kind === "up" ? "增长" : "下降"}${fmtPercent(c.rate)}`;
}

/**
 * changeText for cell numbers (万元), with exact integer arithmetic; null when the figures do not fit
 * (the caller then takes the decimal path). Same text as changeText.
 */
export function changeTextNumber(current: number, previous: number, unit = "万元"): string | null {
  const diff = subtract(current, previous);
  if (diff === null) return null;
  const shown = roundNumber(Math.abs(diff), 2);
  if (shown === null) return null; // a difference of 10^13 or more
  if (shown === 0) return "持平";
  const up = Math.sign(diff) === 1; // not 0 here (0 shows as 持平)
  // toFixed is exact here: each figure is the double of a 2-decimal decimal of at most 15 digits.
  const amount = `${up ? "增加" : "减少"}${shown.toFixed(2)}${unit}`;
  if (previous === 0) return `${amount}（上年为0，无可比）`;
  const percent = mulDiv(Math.abs(diff), 100, Math.abs(previous), 2);
  return percent === null ? null : `${amount}，${up ? "增长" : "下降"}${percent.toFixed(2)}%`;
}

/** share(part, total) = part ÷ total. */
export function share(part: Dec, total: Dec): Result<Dec> {
  if (total.isZero()) return fail("合计为0，无法计算占比");
  return ok(part.dividedBy(total));
}

/** How 执行率 is scored. Hunan 2024 (the default): proportional. Older forms deduct in steps. */
export type ExecutionScoring =
  | { kind: "proportional" }
  /** Full marks at 100%; `deduct` points per full `stepPercent` short. */
  | { kind: "steps"; stepPercent: number; deduct: number };

/**
 * 执行率得分 = min(B ÷ A, 100%) × 分值, half-up to 2 decimals (84% → 8.40; 99.88% → 9.99).
 */
export function executionScore(
  executed: Dec,
  budget: Dec,
  weight: Dec = new D(10),
  scoring: ExecutionScoring = { kind: "proportional" },
): Result<Dec> {
  if (budget.isZero()) return fail("全年预算数为0，无法计算执行率得分");
  if (budget.isNegative() || executed.isNegative()) return fail("预算数或执行数为负数");
  if (scoring.kind === "proportional") return ok(proportionalScore(executed, budget, weight));
  const r = D.min(executed.dividedBy(budget), ONE);
  const shortPoints = ONE.minus(r).times(100);
  const steps = shortPoints.dividedBy(scoring.stepPercent).floor();
  return ok(round(D.max(ZERO, weight.minus(steps.times(scoring.deduct))), 2));
}

/** One band of a grade scheme: totals ≥ min (or > min when `exclusive`) get `name`. */
export interface GradeBand {
  name: string; // 优
  aliases: string[]; // 优秀
  min: number | null; // null: everything below the previous bands
  exclusive?: boolean;
}

export interface GradeScheme {
  id: string;
  label: string;
  bands: GradeBand[]; // from the highest down
}

/** 财预〔2020〕10号: 90(含)–100 优, 80(含)–90 良, 60(含)–80 中, <60 差. */
export const NATIONAL_GRADES: GradeScheme = {
  id: "national",
  label: "全国通用（90分及以上为优）",
  bands: [
    { name: "优", aliases: ["优秀"], min: 90 },
    { name: "良", aliases: ["良好"], min: 80 },
    { name: "中", aliases: ["中等", "一般"], min: 60 },
    { name: "差", aliases: ["较差"], min: null },
  ],
};

/** Seed 002's 说明: 优秀（大于90分）、良好（80-90分）、较差（60-80分）、差（小于60分）. */
export const SUINING_GRADES: GradeScheme = {
  id: "suining-2024",
  label: "绥宁县2024年说明（大于90分为优秀）",
  bands: [
    { name: "优秀", aliases: ["优"], min: 90, exclusive: true },
    { name: "良好", aliases: ["良"], min: 80 },
    { name: "较差", aliases: ["中"], min: 60 },
    { name: "差", aliases: [], min: null },
  ],
};

export function grade(total: Dec, scheme: GradeScheme = NATIONAL_GRADES): GradeBand {
  for (const band of scheme.bands) {
    if (band.min === null) return band;
    const min = new D(band.min);
    if (band.exclusive ? total.greaterThan(min) : total.greaterThanOrEqualTo(min)) return band;
  }
  return scheme.bands[scheme.bands.length - 1];
}

/** grade() for a cell number: doubles order as the decimals they stand for. */
export function gradeNumber(total: number, scheme: GradeScheme = NATIONAL_GRADES): GradeBand {
  for (const band of scheme.bands) {
    if (band.min === null) return band;
    if (band.exclusive ? total > band.min : total >= band.min) return band;
  }
  return scheme.bands[scheme.bands.length - 1];
}

/** Does a stated grade ("良好", "良", "“良”") name the band? */
export function gradeMatches(stated: string, band: GradeBand): boolean {
  const s = stated.replace(/[\s“”"'‘’「」等级]/g, "");
  return s === band.name || band.aliases.includes(s);
}
