/**
 * Indicator values are text: "≥90%", "≤24小时", "4次/年", "2000余册", "不低于95%", "稳步提升",
 * and in other provinces' forms "≧ 735 人次" (operator, figure and unit in three columns, joined by
 * the reader), "═ 100 %", "2019年12月底前", or "—" / "无" for not applicable. This module reads them,
 * infers the direction of well-known indicators whose target has no operator, and suggests a score.
 *
 * The tables (operator words, date patterns, direction keywords) are built inside the functions that read them rather
 * than as module constants: mutation testing (`npm run mutate`, issue 14) then credits each table to the tests that read
 * it instead of re-running every test for each of its mutants. The memos keep this off the recalculation path.
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

/** Memos, each emptied when it reaches MEMO_LIMIT entries: parsed 指标值 texts, and directions inferred from 三级指标 names. */
const parseCache = new Map<string, IndicatorValue>();
/** Parsed cell numbers (a weight, a score, an actual typed as a number), by value. */
const numberCache = new Map<number, IndicatorValue>();
const directionCache = new Map<string, InferredDirection | null>();
const MEMO_LIMIT = 10_000;

/**
 * Empties the memos of parsed indicator texts and of directions inferred from names. For tests: a test that clears
 * them first parses its texts itself, so mutation testing (per-test coverage) sees every test that reads a text, not
 * only the first test of the file that happened to fill the memo.
 */
export function clearIndicatorCaches(): void {
  parseCache.clear();
  numberCache.clear();
  directionCache.clear();
}

/**
 * Parses a 年度指标值 or 实际完成值 as a cell holds it: text, a number, or blank (null / undefined → missing).
 * A finite number is that figure (=, no unit); NaN or ±Infinity is not a figure (qualitative). Anything else is read
 * as its text. Results are memoized and frozen: a workbook repeats the same few dozen indicator texts and figures on
 * every recalculation.
 */
export function parseIndicatorValue(raw: unknown): IndicatorValue {
  if (raw === null || raw === undefined) return { kind: "missing" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "qualitative", text: String(raw) };
    let n = numberCache.get(raw);
    if (n === undefined) {
      if (numberCache.size >= MEMO_LIMIT) numberCache.clear();
      n = Object.freeze({ kind: "quantity", op: "=", value: new D(String(raw)), unit: "", approx: false, explicitOp: false } as const);
      numberCache.set(raw, n);
    }
    return n;
  }
  const text = String(raw);
  let v = parseCache.get(text);
  if (v === undefined) {
    if (parseCache.size >= MEMO_LIMIT) parseCache.clear();
    v = Object.freeze(parseText(text));
    parseCache.set(text, v);
  }
  return v;
}

function parseText(raw: string): IndicatorValue {
  const original = raw.trim();
  let t = toHalfWidth(original).replace(/\s/g, "");
  if (t === "") return { kind: "missing" };
  if (isNotApplicable(t)) return { kind: "notApplicable", text: original };
  // Operators written before the figure, tried in order (大于等于 before 大于, == before =). toHalfWidth has already
  // turned ＞ ＜ ＝ ═ into > < =, so "＞＝" is ">=".
  const prefixOps: [string[], Op][] = [
    [[">=", "=>", "≥", "≧", "⩾", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少", "达到"], ">="],
    [["<=", "=<", "≤", "≦", "⩽", "小于等于", "小于或等于", "不高于", "不超过", "不多于", "不大于", "控制在", "不晚于", "不迟于", "截至", "截止"], "<="],
    [[">", "大于", "高于", "多于", "超过"], ">"],
    [["<", "小于", "低于", "少于"], "<"],
    [["==", "=", "等于"], "="],
  ];
  let op: Op = "=";
  let explicitOp = false;
  for (const [words, o] of prefixOps) {
    const word = words.find((w) => t.startsWith(w));
    if (word !== undefined) {
      op = o;
      explicitOp = true;
      t = t.slice(word.length);
      break;
    }
  }
  const date = parseDate(t);
  if (date) {
    const deadline = explicitOp ? op : date.op ?? "<=";
    return { kind: "date", op: deadline, date: date.date, explicitOp: explicitOp || date.op !== null, text: original };
  }
  // Operators written after the figure ("10次以上", "24小时以内"), tried in order (及以上 before 以上, 之内 before 内).
  const suffixOps: [string[], Op][] = [
    [["及以上", "以上的", "以上"], ">="],
    [["及以下", "以内", "以下", "之内", "内"], "<="],
  ];
  for (const [words, o] of suffixOps) {
    const word = words.find((w) => t.endsWith(w));
    if (word !== undefined) {
      op = o;
      explicitOp = true;
      t = t.slice(0, -word.length);
      break;
    }
  }
  // "4次/年", "4次每年": the period is not a unit of the count.
  t = t.replace(/(\/|每)(年|季度|月|周|天)$/, "");
  // The figure, then 余 / 多 ("2000余册": a little over 2000), then the unit.
  const m = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)(余|多)?(.*)/.exec(t);
  if (!m) return { kind: "qualitative", text: original };
  const [, digits, approxMark, unit] = m;
  if (unit !== "" && !isUnit(unit)) return { kind: "qualitative", text: original };
  const approx = approxMark !== undefined;
  let value = new D(digits.replace(/,/g, ""));
  if (unit === "%") value = value.dividedBy(100);
  // "2000余册" as an achievement means "a little over 2000": at least 2000.
  if (approx && !explicitOp) op = ">=";
  return { kind: "quantity", op, value, unit, approx, explicitOp };
}

/**
 * A unit after the figure: %, km, 个工作日, or one to three CJK characters (次, 万元, 平方米, ㎡, 个小区; a longer text
 * is a sentence) without words of judgement (提升, 降低, 完成, 良好, 一般, 优): "100%完成" and "3次提高" are not quantities.
 */
function isUnit(unit: string): boolean {
  return unit === "%" || unit === "km" || unit === "个工作日" || (/^[\u4e00-\u9fff㎡]{1,3}$/.test(unit) && !/[提升降低完成良好一般优]/.test(unit));
}

/**
 * "2019年12月底前" → { date: 2019-12, op: "<=" }; null when the whole text is not a date. After the date may come
 * 底 / 末 (end of), then 前 / 之前 / 以前 / 止 ("by", ≤) or 后 / 之后 / 以后 ("not before", ≥), then 完成 / 完工 / 办结 /
 * 到位 / 实施; op is null when no 前 / 后 is written.
 */
function parseDate(t: string): { date: DateValue; op: Op | null } | null {
  const year = "((?:19|20)\\d{2})";
  const tail = "(?:底|末)?(?:(之前|以前|前|止)|(之后|以后|后))?(?:完成|完工|办结|到位|实施)?$";
  // Groups: 1 year, 2 month, 3 day, 4 a "by" word, 5 a "not before" word.
  const patterns = [
    // 2019年12月31日, 2019年12月底, 2019年12月, 2019年, 2019年度
    new RegExp(`^${year}年度?(?:(\\d{1,2})月份?(?:(\\d{1,2})[日号])?)?${tail}`),
    // 12月31日, 12月底 (year not written: the evaluation year)
    new RegExp(`^()(\\d{1,2})月份?(?:(\\d{1,2})[日号])?${tail}`),
    // 2019-12-31, 2019/12/31, 2019-12 (a dot needs the day too: "2019.5" is a figure, not May 2019)
    new RegExp(`^${year}[-/](\\d{1,2})(?:[-/](\\d{1,2}))?${tail}`),
    new RegExp(`^${year}\\.(\\d{1,2})\\.(\\d{1,2})${tail}`),
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (!m) continue;
    const date: DateValue = { year: m[1] ? Number(m[1]) : null, month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
    if (date.month !== null && (date.month < 1 || date.month > 12)) return null;
    if (date.day !== null && (date.day < 1 || date.day > 31)) return null;
    return { date, op: m[4] ? "<=" : m[5] ? ">=" : null };
  }
  return null;
}

/** The last day a date covers, as yyyymmdd; a missing year is taken from `defaultYear` (0 when none). February has 29. */
export function dateEnd(d: DateValue, defaultYear: number | null = null): number {
  const y = d.year ?? defaultYear ?? 0;
  const m = d.month ?? 12;
  const day = d.day ?? [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return y * 10000 + m * 100 + day;
}

/** "2019年12月31日", "2019年", "12月31日": a date as people write it. */
export function formatDate(d: DateValue): string {
  return `${d.year !== null ? `${d.year}年` : ""}${d.month !== null ? `${d.month}月` : ""}${d.day !== null ? `${d.day}日` : ""}`;
}

export interface InferredDirection {
  op: "<=" | ">=";
  keyword: string;
}

/**
 * The direction of a well-known indicator from its 三级指标 name, for targets written without an operator ("100%" for
 * 三公经费控制率 means "at most 100%"): "三公经费控制率" → { op: "<=", keyword: "控制率" }; null when the name says
 * nothing about direction (or is not text). The keyword that ends last in the name decides ("投诉处理及时率" is a
 * 及时率: ≥); of two ending at the same place the longer wins (结转结余率, not 结余率). A bracketed note and spaces are
 * set aside. Memoized by name; results are frozen.
 */
export function inferDirection(name: unknown): InferredDirection | null {
  if (typeof name !== "string") return null;
  let d = directionCache.get(name);
  if (d === undefined) {
    if (directionCache.size >= MEMO_LIMIT) directionCache.clear();
    d = inferUncached(name);
    directionCache.set(name, d);
  }
  return d;
}

function inferUncached(name: string): InferredDirection | null {
  // A keyword that ends another is listed before it (结转结余率 before 结余率): the first found wins a tie.
  const keywords: [string[], "<=" | ">="][] = [
    [["控制率", "变动率", "成本", "时间", "时长", "耗时", "时限", "时效", "工期", "差错率", "错误率", "投诉", "投诉率", "事故", "发生率", "故障率", "变质", "超支率", "调整率", "结转结余率", "结余率", "闲置率"], "<="],
    [["满意度", "完成率", "达标率", "覆盖率", "及时率", "合格率", "到位率", "执行率", "知晓率", "验收率", "利用率", "达成率", "通过率", "办结率", "可用率", "修复率", "准确率", "完好率", "参与率", "入学率", "受益率", "回收率", "正确率", "普及率", "保障率", "兑付率", "发放率", "完工率"], ">="],
  ];
  const n = name.replace(/\s/g, "").replace(/[（(][^（()）]*[)）]/g, "");
  let best: InferredDirection | null = null;
  let bestEnd = 0; // every keyword found ends after position 0
  for (const [words, op] of keywords) {
    for (const keyword of words) {
      const at = n.lastIndexOf(keyword);
      if (at < 0) continue;
      if (at + keyword.length > bestEnd) {
        best = Object.freeze({ op, keyword });
        bestEnd = at + keyword.length;
      }
    }
  }
  return best;
}

/** How an inferred direction reads in a finding: "目标未写比较符号，按「控制率」类指标推定为≤". */
export function directionNote(d: InferredDirection): string {
  return `目标未写比较符号，按「${d.keyword}」类指标推定为${d.op === "<=" ? "≤" : "≥"}`;
}

export type Suggestion =
  | {
      kind: "score";
      score: Dec;
      met: boolean;
      target: Dec;
      actual: Dec;
      op: Op;
      /** Set when the target had no operator and the name decided the direction. */
      inferred: InferredDirection | null;
    }
  /** `met` is known when no formula gives a score but the comparison is clear (a 完成时限 missed or kept). */
  | { kind: "manual"; reason: string; met?: boolean };

export const MANUAL_SCORE = "需人工评分";

type Manual = Extract<Suggestion, { kind: "manual" }>;
type Compared = { kind: "compare"; op: Op; t: Dec; a: Dec; met: boolean; lowerIsBetter: boolean; inferred: InferredDirection | null };

function notQuantity(v: IndicatorValue, what: string): string {
  if (v.kind === "notApplicable") return `${MANUAL_SCORE}：${what}为「${v.text}」（不适用）`;
  if (v.kind === "date") return `${MANUAL_SCORE}：${what}是日期`;
  return `${MANUAL_SCORE}：${what}不是可计算的数量`;
}

/**
 * A 完成时限: met when the actual's last day is not later than the target's (≤; a date written with = is a deadline
 * too), not earlier (≥), or strictly so (< >). A date without a year takes the other's year.
 */
function compareDates(op: Op, target: { date: DateValue; text: string }, actual: { date: DateValue; text: string }): Manual {
  const year = target.date.year ?? actual.date.year;
  const t = dateEnd(target.date, year);
  const a = dateEnd(actual.date, year);
  const met = op === ">" ? a > t : op === ">=" ? a >= t : op === "<" ? a < t : a <= t;
  if (met) return { kind: "manual", reason: `完成时限已达到（目标${target.text}，实际${actual.text}）`, met: true };
  return { kind: "manual", reason: `${MANUAL_SCORE}：未在时限内完成（目标${target.text}，实际${actual.text}）`, met: false };
}

/** A 4-digit year (1900–2099) typed as a plain number ("2019" or 2019) as the date it means, or null. */
function bareYear(v: IndicatorValue): { date: DateValue; text: string } | null {
  if (v.kind !== "quantity" || v.unit || v.explicitOp || !v.value.isInteger()) return null;
  const y = v.value.toNumber();
  return y >= 1900 && y <= 2099 ? { date: { year: y, month: null, day: null }, text: String(y) } : null;
}

/**
 * Reads target and actual and decides whether the target is met; everything the score needs but the arithmetic.
 * `name` (三级指标) lets a target without an operator take the direction of its kind (控制率 ≤, 满意度 ≥); under a
 * 完成时限 (a name ending in 时限) years typed as plain numbers are dates: 2019 → 2020 is late, not 99.95%.
 */
function compare(targetRaw: unknown, actualRaw: unknown, name?: unknown): Manual | Compared {
  const target = parseIndicatorValue(targetRaw);
  const actual = parseIndicatorValue(actualRaw);
  if (target.kind === "date" && actual.kind === "date") return compareDates(target.op, target, actual);
  const direction = inferDirection(name);
  if (direction?.keyword === "时限") {
    const t = bareYear(target);
    const a = bareYear(actual);
    if (t && a) return compareDates(direction.op, t, a);
  }
  if (target.kind !== "quantity") return { kind: "manual", reason: target.kind === "date" ? `${MANUAL_SCORE}：年度指标值是日期，实际完成值不是日期` : notQuantity(target, "年度指标值") };
  if (actual.kind !== "quantity") return { kind: "manual", reason: notQuantity(actual, "实际完成值") };
  if (actual.unit !== "" && target.unit !== "" && actual.unit !== target.unit) {
    return { kind: "manual", reason: `${MANUAL_SCORE}：单位不一致（${target.unit}/${actual.unit}）` };
  }
  const t = target.value;
  // "87.18" typed for 87.18%: read it in percent points.
  const a = target.unit === "%" && actual.unit === "" && actual.value.greaterThan(1) ? actual.value.dividedBy(100) : actual.value;
  const inferred = target.explicitOp || target.approx ? null : direction;
  const op: Op = inferred ? inferred.op : target.op;
  const lowerIsBetter = op === "<=" || op === "<";
  const met = isMet(op, a, t);
  // Missed against a target of 0 (≥) or below 0, actual ÷ target and target ÷ actual mean nothing.
  if (!met && t.isZero() && !lowerIsBetter) return { kind: "manual", reason: `${MANUAL_SCORE}：目标值为0，无法按比例计算` };
  if (!met && t.lessThan(0)) return { kind: "manual", reason: `${MANUAL_SCORE}：目标值为负数，无法按比例计算` };
  return { kind: "compare", op, t, a, met, lowerIsBetter, inferred };
}

/** Whether the formula gives the full 分值: the target met, or a lower-is-better actual of 0 (DOMAIN.md: actual 0 → full). */
function fullMarks(c: Compared): boolean {
  return c.met || (c.lowerIsBetter && c.a.isZero());
}

/** The share of the 分值 a missed target earns, as [numerator, denominator]: actual ÷ target (≥), target ÷ actual (≤). */
function share(c: Compared): [Dec, Dec] {
  return c.lowerIsBetter ? [c.t, c.a] : [c.a, c.t];
}

/** 分值 × numerator ÷ denominator, not below 0, rounded half-up to 2 decimals. */
function partialScore(weight: Dec, [num, den]: [Dec, Dec]): Dec {
  return round(D.max(weight.times(num).dividedBy(den), 0), 2);
}

/**
 * Suggested indicator score (DOMAIN.md), in the units of `weight` (分值), rounded half-up to 2 decimals:
 * met → full 分值; ≥ not met → 分值 × actual ÷ target (not below 0); ≤ exceeded → 分值 × target ÷ actual
 * (actual 0 → full); = missed → treated as ≥. A target without an operator takes its direction from the indicator's
 * `name` when the name is a well-known kind (inferDirection). Dates compare as deadlines (kept → manual with
 * met: true, missed → 需人工评分 with met: false); a missed target of 0 (≥) or below 0, different units, and
 * anything not a quantity → 需人工评分 with the reason.
 */
export function suggestScore(targetRaw: unknown, actualRaw: unknown, weight: Dec, name?: unknown): Suggestion {
  const c = compare(targetRaw, actualRaw, name);
  if (c.kind === "manual") return c;
  const score = fullMarks(c) ? round(weight, 2) : partialScore(weight, share(c));
  return { kind: "score", score, met: c.met, target: c.t, actual: c.a, op: c.op, inferred: c.inferred };
}

/**
 * The same suggestion for a numeric 分值, as a number (or 需人工评分), computed with exact integer
 * arithmetic where the figures allow (src/core/exact.ts) and with decimals otherwise.
 * A deadline kept gives the full 分值; a deadline missed needs the accountant (需人工评分).
 */
export function suggestScoreNumber(targetRaw: unknown, actualRaw: unknown, weight: number, name?: unknown): number | string {
  const c = compare(targetRaw, actualRaw, name);
  if (c.kind === "manual") return c.met === true ? fullNumber(weight) : MANUAL_SCORE;
  if (fullMarks(c)) return fullNumber(weight);
  const [num, den] = share(c);
  const fast = mulDiv(weight, num.toNumber(), den.toNumber(), 2);
  return fast !== null ? Math.max(fast, 0) : partialScore(new D(String(weight)), [num, den]).toNumber();
}

/** The full 分值 rounded half-up to 2 decimals, as a number. */
function fullNumber(weight: number): number {
  return roundNumber(weight, 2) ?? round(new D(String(weight)), 2).toNumber();
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
