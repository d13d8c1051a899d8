/**
 * Indicator values are text: "≥90%", "≤24小时", "4次/年", "2000余册",
 * "不低于95%", "稳步提升". This module reads them and suggests a score.
 */
import { D, type Dec, round } from "./decimal";
import { toHalfWidth } from "./amount";
import { mulDiv, roundNumber } from "./exact";

export type Op = ">=" | "<=" | "=" | ">" | "<";

export type IndicatorValue =
  | { kind: "quantity"; op: Op; value: Dec; unit: string; approx: boolean; explicitOp: boolean }
  /** Words such as 稳步提升: only the accountant can judge them. */
  | { kind: "qualitative"; text: string }
  | { kind: "missing" };

/** Units seen in the forms; a different CJK unit still parses, this list only orders the match. */
export const KNOWN_UNITS = ["万元", "%", "次", "个", "册", "人", "小时", "天", "工作日", "个工作日", "套", "所", "场", "项", "家", "件", "条", "户", "台", "篇", "期", "名", "元", "平方米", "㎡", "分钟", "月", "年", "批", "份", "处", "km", "公里"];

const PREFIX_OPS: [RegExp, Op][] = [
  [/^(>=|≥|≧|大于等于|不低于|不少于|不小于|至少|达到)/, ">="],
  [/^(<=|≤|≦|小于等于|不高于|不超过|不多于|不大于|控制在)/, "<="],
  [/^(>|＞|大于|高于|多于|超过)/, ">"],
  [/^(<|＜|小于|低于|少于)/, "<"],
  [/^(=|＝|等于)/, "="],
];

const SUFFIX_OPS: [RegExp, Op][] = [
  [/(以上|及以上|以上的)$/, ">="],
  [/(以内|以下|及以下)$/, "<="],
];

const parseCache = new Map<string, IndicatorValue>();
const PARSE_CACHE_LIMIT = 10_000;

/**
 * Parses a 年度指标值 or 实际完成值. Results are immutable and memoized by text:
 * a workbook repeats the same few dozen indicator texts on every recalculation.
 */
export function parseIndicatorValue(raw: unknown): IndicatorValue {
  if (typeof raw !== "string") return parseUncached(raw);
  let v = parseCache.get(raw);
  if (v === undefined) {
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    v = Object.freeze(parseUncached(raw));
    parseCache.set(raw, v);
  }
  return v;
}

function parseUncached(raw: unknown): IndicatorValue {
  if (raw === null || raw === undefined) return { kind: "missing" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "qualitative", text: String(raw) };
    return { kind: "quantity", op: "=", value: new D(String(raw)), unit: "", approx: false, explicitOp: false };
  }
  const original = String(raw).trim();
  let t = toHalfWidth(original).replace(/\s+/g, "");
  if (t === "") return { kind: "missing" };
  let op: Op = "=";
  let explicitOp = false;
  for (const [re, o] of PREFIX_OPS) {
    const m = re.exec(t);
    if (m) {
      op = o;
      explicitOp = true;
      t = t.slice(m[0].length);
      break;
    }
  }
  for (const [re, o] of SUFFIX_OPS) {
    if (re.test(t)) {
      op = o;
      explicitOp = true;
      t = t.replace(re, "");
      break;
    }
  }
  // "4次/年", "4次每年": the period is not a unit of the count.
  t = t.replace(/(\/|每)(年|季度|月|周|天)$/, "");
  const m = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)(余|多)?(.*)$/.exec(t);
  if (!m) return { kind: "qualitative", text: original };
  const [, digits, approxMark, rest] = m;
  const unit = rest.replace(/^(余|多)/, "");
  if (unit !== "" && !isUnit(unit)) return { kind: "qualitative", text: original };
  const approx = approxMark !== undefined || rest.startsWith("余") || rest.startsWith("多");
  let value = new D(digits.replace(/,/g, ""));
  if (unit === "%") value = value.dividedBy(100);
  // "2000余册" as an achievement means "a little over 2000": at least 2000.
  if (approx && !explicitOp) op = ">=";
  return { kind: "quantity", op, value, unit: unit === "%" ? "%" : unit, approx, explicitOp };
}

function isUnit(unit: string): boolean {
  if (KNOWN_UNITS.includes(unit)) return true;
  // One or two CJK characters (个小区, 所学校 are rare; keep it short to avoid reading sentences).
  return /^[\u4e00-\u9fff㎡]{1,3}$/.test(unit) && !/[提升降低完成良好一般优]/.test(unit);
}

export type Suggestion =
  | { kind: "score"; score: Dec; met: boolean; ratio: Dec | null; target: Dec; actual: Dec; op: Op }
  | { kind: "manual"; reason: string };

export const MANUAL_SCORE = "需人工评分";

type Comparison =
  | { kind: "manual"; reason: string }
  | { kind: "compare"; op: Op; t: Dec; a: Dec; met: boolean; lowerIsBetter: boolean };

/** Reads target and actual and decides whether the target is met; everything the score needs but the arithmetic. */
function compare(targetRaw: unknown, actualRaw: unknown): Comparison {
  const target = parseIndicatorValue(targetRaw);
  const actual = parseIndicatorValue(actualRaw);
  if (target.kind !== "quantity") return { kind: "manual", reason: `${MANUAL_SCORE}：年度指标值不是可计算的数量` };
  if (actual.kind !== "quantity") return { kind: "manual", reason: `${MANUAL_SCORE}：实际完成值不是可计算的数量` };
  if (actual.unit !== "" && target.unit !== "" && actual.unit !== target.unit) {
    return { kind: "manual", reason: `${MANUAL_SCORE}：单位不一致（${target.unit}/${actual.unit}）` };
  }
  const t = target.value;
  // "87.18" typed for 87.18%: read it in percent points.
  const a = target.unit === "%" && actual.unit === "" && actual.value.greaterThan(1) ? actual.value.dividedBy(100) : actual.value;
  const lowerIsBetter = target.op === "<=" || target.op === "<";
  const met = isMet(target.op, a, t);
  if (!met && !lowerIsBetter && t.isZero()) return { kind: "manual", reason: `${MANUAL_SCORE}：目标值为0，无法按比例计算` };
  return { kind: "compare", op: target.op, t, a, met, lowerIsBetter };
}

/**
 * Suggested indicator score (DOMAIN.md): met → full 分值; ≥ not met → 分值 × actual ÷ target;
 * ≤ exceeded → 分值 × target ÷ actual (actual 0 → full); = missed → treated as ≥.
 */
export function suggestScore(targetRaw: unknown, actualRaw: unknown, weight: Dec): Suggestion {
  const c = compare(targetRaw, actualRaw);
  if (c.kind === "manual") return c;
  const { t, a, met, lowerIsBetter, op } = c;
  let score: Dec;
  if (met) score = weight;
  else if (lowerIsBetter) score = a.isZero() ? weight : weight.times(t).dividedBy(a);
  else score = D.max(0, weight.times(a).dividedBy(t));
  const ratio = t.isZero() ? null : a.dividedBy(t);
  return { kind: "score", score: round(D.min(score, weight), 2), met, ratio, target: t, actual: a, op };
}

/**
 * The same suggestion for a numeric 分值, as a number (or 需人工评分), computed with exact integer
 * arithmetic where the figures allow (src/core/exact.ts) and with decimals otherwise.
 */
export function suggestScoreNumber(targetRaw: unknown, actualRaw: unknown, weight: number): number | string {
  const c = compare(targetRaw, actualRaw);
  if (c.kind === "manual") return MANUAL_SCORE;
  const { t, a, met, lowerIsBetter } = c;
  let fast: number | null;
  if (met || (lowerIsBetter && a.isZero())) fast = roundNumber(weight, 2);
  else if (lowerIsBetter) fast = mulDiv(weight, t.toNumber(), a.toNumber(), 2);
  else fast = mulDiv(weight, a.toNumber(), t.toNumber(), 2);
  if (fast !== null) return Math.min(Math.max(fast, 0), roundNumber(weight, 2) ?? weight);
  const s = suggestScore(targetRaw, actualRaw, new D(String(weight)));
  return s.kind === "score" ? s.score.toNumber() : MANUAL_SCORE;
}

function isMet(op: Op, a: Dec, t: Dec): boolean {
  switch (op) {
    case ">":
      return a.greaterThan(t);
    case "<":
      return a.lessThan(t);
    case "<=":
      return a.lessThanOrEqualTo(t);
    default:
      return a.greaterThanOrEqualTo(t); // ≥, and = missed is treated as ≥
  }
}
