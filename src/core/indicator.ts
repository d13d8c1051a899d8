/**
 * Indicator values are text: "≥90%", "≤24小时", "4次/年", "2000余册", "不低于95%", "稳步提升",
 * and in other provinces' forms "≧ 735 人次" (operator, figure and unit in three columns, joined by
 * the reader), "═ 100 %", "2019年12月底前", or "—" / "无" for not applicable. This module reads them,
 * infers the direction of well-known indicators whose target has no operator, and suggests a score.
 */
import { D, type Dec, round } from "./decimal";
import { isNotApplicable, toHalfWidth } from "./amount";
import { mulDiv, roundNumber } from "./exact";

export type Op = ">=" | "<=" | "=" | ">" | "<";

/**
 * A date as written: "2019年" (year only), "2019年12月", "2019年12月31日", "12月31日" (no year).
 * dateEnd() gives the last day it covers ("2019年" → 20191231): a deadline is met when the
 * actual's last day is not later than the target's.
 */
export interface DateValue {
  year: number | null;
  month: number | null;
  day: number | null;
}

export type IndicatorValue =
  | { kind: "quantity"; op: Op; value: Dec; unit: string; approx: boolean; explicitOp: boolean }
  /** A 完成时限 target or actual. Without a written operator a date target is a deadline (≤). */
  | { kind: "date"; op: Op; date: DateValue; explicitOp: boolean; text: string }
  /** "—", "/", "无", "不适用", "……": the form's way of saying none or not applicable. */
  | { kind: "notApplicable"; text: string }
  /** Words such as 稳步提升: only the accountant can judge them. */
  | { kind: "qualitative"; text: string }
  | { kind: "missing" };

/** Units seen in the forms; a different CJK unit still parses, this list only orders the match. */
export const KNOWN_UNITS = ["万元", "%", "次", "个", "册", "人", "人次", "小时", "天", "工作日", "个工作日", "套", "所", "场", "项", "家", "件", "条", "户", "台", "篇", "期", "名", "元", "平方米", "㎡", "米", "厘米", "分钟", "月", "个月", "年", "批", "份", "处", "起", "km", "公里"];

/**
 * Operators written before the figure. toHalfWidth has already turned ＞ ＜ ＝ ═ into > < =, so "＞＝" is ">=".
 * Order matters: two-character signs before one-character ones.
 */
const PREFIX_OPS: [RegExp, Op][] = [
  [/^(>=|=>|≥|≧|⩾|大于等于|大于或等于|不低于|不少于|不小于|至少|达到)/, ">="],
  [/^(<=|=<|≤|≦|⩽|小于等于|小于或等于|不高于|不超过|不多于|不大于|控制在|不晚于|不迟于|截至|截止)/, "<="],
  [/^(>|大于|高于|多于|超过)/, ">"],
  [/^(<|小于|低于|少于)/, "<"],
  [/^(==|=|等于)/, "="],
];

const SUFFIX_OPS: [RegExp, Op][] = [
  [/(以上|及以上|以上的)$/, ">="],
  [/(以内|以下|及以下|之内|内)$/, "<="],
];

/** After a date: 前 / 之前 / 以前 / 底前 mean "by", 后 / 之后 / 以后 "not before". */
const DATE_SUFFIX_OPS: [RegExp, Op][] = [
  [/(之前|以前|前|止)$/, "<="],
  [/(之后|以后|后)$/, ">="],
];

/**
 * One 年度指标值 from a form that splits it into 指标性质 / 指标值 / 度量单位 columns (Yunnan:
 * "≧" | 735 | "人次"): the parts joined by single spaces, blanks left out → "≧ 735 人次", which
 * parseIndicatorValue reads as ≥735人次. A number part is written as the shortest text of its value.
 * Null when every part is blank (the target is missing, not "").
 */
export function joinIndicatorParts(parts: readonly unknown[]): string | null {
  const texts = parts
    .map((p) => (p === null || p === undefined ? "" : typeof p === "number" ? (Number.isFinite(p) ? String(p) : "") : String(p)).trim())
    .filter((t) => t !== "");
  return texts.length === 0 ? null : texts.join(" ");
}

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
  if (isNotApplicable(t)) return { kind: "notApplicable", text: original };
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
  const date = parseDate(t);
  if (date) {
    const deadline = explicitOp ? op : date.op ?? "<=";
    return { kind: "date", op: deadline, date: date.date, explicitOp: explicitOp || date.op !== null, text: original };
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

const YEAR = "((?:19|20)\\d{2})年度?";
const DATE_PATTERNS: RegExp[] = [
  // 2019年12月31日, 2019年12月底, 2019年12月, 2019年, 2019年度
  new RegExp(`^${YEAR}(?:(\\d{1,2})月(?:份)?(?:(\\d{1,2})[日号]|(底|末))?)?(?:底|末)?`),
  // 12月31日, 12月底 (year not written: the evaluation year)
  /^()(\d{1,2})月(?:份)?(?:(\d{1,2})[日号]|(底|末))?/,
  // 2019-12-31, 2019/12/31, 2019-12 (a dot needs the day too: "2019.5" is a figure, not May 2019)
  /^((?:19|20)\d{2})[-/](\d{1,2})(?:[-/](\d{1,2}))?/,
  /^((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})/,
];

/** "2019年12月底前" → { date: 2019-12-31, op: "<=" }; null when the text is not a date. */
function parseDate(t: string): { date: DateValue; op: Op | null } | null {
  for (const re of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    let rest = t.slice(m[0].length);
    const year = m[1] ? Number(m[1]) : null;
    const month = m[2] ? Number(m[2]) : null;
    const day = m[3] ? Number(m[3]) : null;
    if (year === null && month === null) continue;
    if (month !== null && (month < 1 || month > 12)) return null;
    if (day !== null && (day < 1 || day > 31)) return null;
    rest = rest.replace(/^(底|末)/, "").replace(/(完成|完工|办结|到位|实施)$/, "");
    let op: Op | null = null;
    for (const [sre, o] of DATE_SUFFIX_OPS) {
      if (sre.test(rest)) {
        op = o;
        rest = rest.replace(sre, "");
        break;
      }
    }
    if (rest !== "") return null;
    return { date: { year, month, day }, op };
  }
  return null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day a date covers, as yyyymmdd; a missing year is taken from `defaultYear` (0 when none). */
export function dateEnd(d: DateValue, defaultYear: number | null = null): number {
  const y = d.year ?? defaultYear ?? 0;
  const m = d.month ?? 12;
  const day = d.day ?? DAYS_IN_MONTH[m - 1];
  return y * 10000 + m * 100 + day;
}

/** "2019年12月31日", "2019年", "12月31日": a date as people write it. */
export function formatDate(d: DateValue): string {
  return `${d.year !== null ? `${d.year}年` : ""}${d.month !== null ? `${d.month}月` : ""}${d.day !== null ? `${d.day}日` : ""}`;
}

/**
 * The direction of well-known indicators, for targets written without an operator ("100%" for
 * 三公经费控制率 means "at most 100%"). The keyword that ends last in the name decides
 * ("投诉处理及时率" is a 及时率: ≥); a longer keyword wins a tie.
 */
export const DIRECTION_KEYWORDS: readonly { keyword: string; op: "<=" | ">=" }[] = [
  ...["控制率", "变动率", "成本", "时间", "时长", "耗时", "时限", "时效", "工期", "差错率", "错误率", "投诉", "投诉率", "事故", "发生率", "故障率", "变质", "超支率", "调整率", "结余率", "结转结余率", "闲置率"].map((keyword) => ({ keyword, op: "<=" as const })),
  ...["满意度", "完成率", "达标率", "覆盖率", "及时率", "合格率", "到位率", "执行率", "知晓率", "验收率", "利用率", "达成率", "通过率", "办结率", "可用率", "修复率", "准确率", "完好率", "参与率", "入学率", "受益率", "回收率", "正确率", "普及率", "保障率", "兑付率", "发放率", "完工率"].map((keyword) => ({ keyword, op: ">=" as const })),
];

export interface InferredDirection {
  op: "<=" | ">=";
  keyword: string;
}

/** "三公经费控制率" → { op: "<=", keyword: "控制率" }; null when the name says nothing about direction. */
const directionCache = new Map<string, InferredDirection | null>();

export function inferDirection(name: unknown): InferredDirection | null {
  if (typeof name !== "string" || name === "") return null;
  let d = directionCache.get(name);
  if (d === undefined) {
    if (directionCache.size >= PARSE_CACHE_LIMIT) directionCache.clear();
    d = inferUncached(name);
    directionCache.set(name, d === null ? null : Object.freeze(d));
  }
  return d;
}

function inferUncached(name: string): InferredDirection | null {
  const n = name.replace(/[\s\u3000]+/g, "").replace(/[（(][^（()）]*[)）]/g, "");
  let best: { op: "<=" | ">="; keyword: string; end: number } | null = null;
  for (const { keyword, op } of DIRECTION_KEYWORDS) {
    const at = n.lastIndexOf(keyword);
    if (at < 0) continue;
    const end = at + keyword.length;
    if (!best || end > best.end || (end === best.end && keyword.length > best.keyword.length)) best = { op, keyword, end };
  }
  return best ? { op: best.op, keyword: best.keyword } : null;
}

/** How an inferred direction reads in a finding: "按「控制率」类指标推定为≤". */
export function directionNote(d: InferredDirection): string {
  return `目标未写比较符号，按「${d.keyword}」类指标推定为${d.op === "<=" ? "≤" : "≥"}`;
}

export type Suggestion =
  | {
      kind: "score";
      score: Dec;
      met: boolean;
      ratio: Dec | null;
      target: Dec;
      actual: Dec;
      op: Op;
      /** Set when the target had no operator and the name decided the direction. */
      inferred: InferredDirection | null;
    }
  /** `met` is known when no formula gives a score but the comparison is clear (a 完成时限 missed or kept). */
  | { kind: "manual"; reason: string; met?: boolean };

export const MANUAL_SCORE = "需人工评分";

type Comparison =
  | { kind: "manual"; reason: string; met?: boolean }
  | { kind: "compare"; op: Op; t: Dec; a: Dec; met: boolean; lowerIsBetter: boolean; inferred: InferredDirection | null };

function notQuantity(v: IndicatorValue, what: string): string {
  if (v.kind === "notApplicable") return `${MANUAL_SCORE}：${what}为「${v.text}」（不适用）`;
  if (v.kind === "date") return `${MANUAL_SCORE}：${what}是日期`;
  return `${MANUAL_SCORE}：${what}不是可计算的数量`;
}

/** A 完成时限: met when the actual's last day is not later than the target's (≤), or not earlier (≥). */
function compareDates(target: Extract<IndicatorValue, { kind: "date" }>, actual: Extract<IndicatorValue, { kind: "date" }>): Comparison {
  const year = target.date.year ?? actual.date.year;
  const t = dateEnd(target.date, year);
  const a = dateEnd(actual.date, year);
  let met: boolean;
  if (target.op === ">=" || target.op === ">") met = target.op === ">" ? a > t : a >= t;
  else met = target.op === "<" ? a < t : a <= t;
  if (met) return { kind: "manual", reason: `完成时限已达到（目标${target.text}，实际${actual.text}）`, met: true };
  return { kind: "manual", reason: `${MANUAL_SCORE}：未在时限内完成（目标${target.text}，实际${actual.text}）`, met: false };
}

/** A 4-digit year typed as a plain number ("2019" or 2019), or null. */
function bareYear(v: IndicatorValue): number | null {
  if (v.kind !== "quantity" || v.unit !== "" || v.explicitOp || !v.value.isInteger()) return null;
  const y = v.value.toNumber();
  return y >= 1900 && y <= 2099 ? y : null;
}

/** Under a 完成时限 (a name ending in 时限), years typed as plain numbers are dates: 2019 → 2020 is late, not 99.95%. */
function bareYears(target: IndicatorValue, actual: IndicatorValue, name: unknown): [DateOf, DateOf] | null {
  if (inferDirection(name)?.keyword !== "时限") return null;
  const t = bareYear(target);
  const a = bareYear(actual);
  if (t === null || a === null) return null;
  const as = (y: number): DateOf => ({ kind: "date", op: "<=", date: { year: y, month: null, day: null }, explicitOp: false, text: `${y}` });
  return [as(t), as(a)];
}

type DateOf = Extract<IndicatorValue, { kind: "date" }>;

/**
 * Reads target and actual and decides whether the target is met; everything the score needs but the arithmetic.
 * `name` (三级指标) lets a target without an operator take the direction of its kind (控制率 ≤, 满意度 ≥).
 */
function compare(targetRaw: unknown, actualRaw: unknown, name?: unknown): Comparison {
  const target = parseIndicatorValue(targetRaw);
  const actual = parseIndicatorValue(actualRaw);
  if (target.kind === "date" && actual.kind === "date") return compareDates(target, actual);
  const years = bareYears(target, actual, name);
  if (years) return compareDates(years[0], years[1]);
  if (target.kind !== "quantity") return { kind: "manual", reason: target.kind === "date" ? `${MANUAL_SCORE}：年度指标值是日期，实际完成值不是日期` : notQuantity(target, "年度指标值") };
  if (actual.kind !== "quantity") return { kind: "manual", reason: notQuantity(actual, "实际完成值") };
  if (actual.unit !== "" && target.unit !== "" && actual.unit !== target.unit) {
    return { kind: "manual", reason: `${MANUAL_SCORE}：单位不一致（${target.unit}/${actual.unit}）` };
  }
  const t = target.value;
  // "87.18" typed for 87.18%: read it in percent points.
  const a = target.unit === "%" && actual.unit === "" && actual.value.greaterThan(1) ? actual.value.dividedBy(100) : actual.value;
  const inferred = target.explicitOp || target.approx ? null : inferDirection(name);
  const op: Op = inferred ? inferred.op : target.op;
  const lowerIsBetter = op === "<=" || op === "<";
  const met = isMet(op, a, t);
  if (!met && !lowerIsBetter && t.isZero()) return { kind: "manual", reason: `${MANUAL_SCORE}：目标值为0，无法按比例计算` };
  return { kind: "compare", op, t, a, met, lowerIsBetter, inferred };
}

/**
 * Suggested indicator score (DOMAIN.md): met → full 分值; ≥ not met → 分值 × actual ÷ target;
 * ≤ exceeded → 分值 × target ÷ actual (actual 0 → full); = missed → treated as ≥.
 * A target without an operator takes its direction from the indicator's `name` when the name is a
 * well-known kind (DIRECTION_KEYWORDS); dates compare as deadlines (met → full, missed → 需人工评分).
 */
export function suggestScore(targetRaw: unknown, actualRaw: unknown, weight: Dec, name?: unknown): Suggestion {
  const c = compare(targetRaw, actualRaw, name);
  if (c.kind === "manual") return c.met === true ? { kind: "manual", reason: c.reason, met: true } : c;
  const { t, a, met, lowerIsBetter, op, inferred } = c;
  let score: Dec;
  if (met) score = weight;
  else if (lowerIsBetter) score = a.isZero() ? weight : weight.times(t).dividedBy(a);
  else score = D.max(0, weight.times(a).dividedBy(t));
  const ratio = t.isZero() ? null : a.dividedBy(t);
  return { kind: "score", score: round(D.min(score, weight), 2), met, ratio, target: t, actual: a, op, inferred };
}

/**
 * The same suggestion for a numeric 分值, as a number (or 需人工评分), computed with exact integer
 * arithmetic where the figures allow (src/core/exact.ts) and with decimals otherwise.
 * A deadline kept gives the full 分值; a deadline missed needs the accountant (需人工评分).
 */
export function suggestScoreNumber(targetRaw: unknown, actualRaw: unknown, weight: number, name?: unknown): number | string {
  const c = compare(targetRaw, actualRaw, name);
  if (c.kind === "manual") return c.met === true ? (roundNumber(weight, 2) ?? weight) : MANUAL_SCORE;
  const { t, a, met, lowerIsBetter } = c;
  let fast: number | null;
  if (met || (lowerIsBetter && a.isZero())) fast = roundNumber(weight, 2);
  else if (lowerIsBetter) fast = mulDiv(weight, t.toNumber(), a.toNumber(), 2);
  else fast = mulDiv(weight, a.toNumber(), t.toNumber(), 2);
  if (fast !== null) return Math.min(Math.max(fast, 0), roundNumber(weight, 2) ?? weight);
  const s = suggestScore(targetRaw, actualRaw, new D(String(weight)), name);
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
