/**
 * The JX custom functions as one typed table: name, parameters, and a small
 * pure body over the core. One coercion routine turns cell inputs into
 * decimals and one error shape carries a Chinese message; the Excel wrappers
 * in src/functions only translate that shape into CustomFunctions.Error.
 */
import { parseAmount } from "./amount";
import { changeText, changeTextNumber, executionScore, executionScoreNumber, grade, gradeNumber, rateNumber, roundRate, share, type GradeScheme } from "./calc";
import { hundredths, relativeChange, sumHundredths } from "./exact";
import { D, type Dec, fmt, round } from "./decimal";
import { suggestScoreNumber } from "./indicator";
import { HUNAN_2024, PRESETS, type Preset } from "./preset";

/** Error kinds, named as CustomFunctions.ErrorCode. */
export type JxErrorCode = "invalidValue" | "divisionByZero" | "notAvailable" | "invalidNumber";

export interface JxError {
  jxError: JxErrorCode;
  message: string;
}

export type JxResult = number | string | JxError;

export function isJxError(v: unknown): v is JxError {
  return typeof v === "object" && v !== null && "jxError" in v;
}

const err = (jxError: JxErrorCode, message: string): JxError => ({ jxError, message });

/**
 * Settings the task pane sets in the shared runtime (the preset). The task pane and the functions are
 * separate bundles in one page, so the setting lives on the global object, not in this module.
 */
const PRESET_KEY = "__jixiaoPreset";
type SettingsHolder = { [PRESET_KEY]?: Preset };
export function setJxPreset(preset: Preset): void {
  (globalThis as SettingsHolder)[PRESET_KEY] = preset;
}
export function jxPreset(): Preset {
  return (globalThis as SettingsHolder)[PRESET_KEY] ?? HUNAN_2024;
}

export interface JxParam {
  name: string; // as in the JSDoc
  label: string; // Chinese, for messages
  optional?: boolean;
  repeating?: boolean;
}

export interface JxFunction {
  id: string; // the function's id in Excel: JX.<id>
  params: JxParam[];
  /** Body: receives the raw arguments (already unwrapped from 1×1 ranges). */
  run(args: unknown[]): JxResult;
}

/** A 1×1 range arrives as [[v]]; a larger range is not one value. */
function single(v: unknown, label: string): unknown | JxError {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
    return err("invalidValue", `${label}应为单个单元格，而不是区域`);
  }
  return v;
}

/** The one coercion: a cell input → decimal, or an error naming the parameter and what was expected. */
export function toDecimal(v: unknown, label: string, fallback?: Dec): Dec | JxError {
  const s = single(v, label);
  if (isJxError(s)) return s;
  const p = parseAmount(s);
  switch (p.kind) {
    case "number":
      return p.value;
    case "missing":
      return fallback ?? err("notAvailable", `${label}为空，应填写数字`);
    case "placeholder":
      return err("invalidValue", `${label}「${p.text}」是占位符，应填写数字`);
    default:
      return err("invalidValue", `${label}：${p.message}`);
  }
}

function text(v: unknown, label: string): string | JxError {
  const s = single(v, label);
  if (isJxError(s)) return s;
  if (s === null || s === undefined) return "";
  if (typeof s === "number" || typeof s === "string") return String(s);
  if (typeof s === "boolean") return err("invalidValue", `${label}是逻辑值，应为文字或数字`);
  return err("invalidValue", `${label}不是文字或数字`);
}

/** An exact decimal as the number a cell stores (never NaN or Infinity). */
function out(x: Dec): number | JxError {
  return finite(x.toNumber());
}

/** A computed number, or an error when it overflowed the range of a double (1e308 ÷ 1e-9). */
function finite(n: number): number | JxError {
  return Number.isFinite(n) ? n : err("invalidNumber", "结果超出 Excel 数字范围");
}

/** Runs `body` over decimals coerced from the listed arguments; the first bad argument wins. */
function withNumbers(args: unknown[], params: JxParam[], body: (xs: Dec[]) => JxResult, defaults: (Dec | undefined)[] = []): JxResult {
  const xs: Dec[] = [];
  for (let i = 0; i < params.length; i++) {
    const d = toDecimal(args[i], params[i].label, defaults[i]);
    if (isJxError(d)) return d;
    xs.push(d);
  }
  return body(xs);
}

/** A finite number as Excel passes a filled number cell: the common case, computed without decimals. */
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A blank cell or argument: a zero part in SUMCHECK, the default where a parameter has one. */
const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

const ZERO_DIVISOR = (what: string): JxError => err("divisionByZero", `${what}为0，无法计算`);

const P = (name: string, label: string, extra: Partial<JxParam> = {}): JxParam => ({ name, label, ...extra });

function schemeFor(id: string): GradeScheme | null {
  if (!id) return jxPreset().grades;
  const preset = PRESETS.find((p) => p.grades.id === id || p.id === id);
  return preset ? preset.grades : null;
}

/** Flattens repeating arguments (each a value or a range) into single values. */
function flatten(args: unknown[]): unknown[] {
  const outv: unknown[] = [];
  for (const a of args) {
    if (!Array.isArray(a)) outv.push(a);
    else for (const row of a) outv.push(...(Array.isArray(row) ? row : [row]));
  }
  return outv;
}

const RATE_PARAMS = [P("numerator", "分子"), P("denominator", "分母")];

export const JX_FUNCTIONS: readonly JxFunction[] = [
  {
    id: "AMOUNT",
    params: [P("value", "值")],
    run: (a) => {
      if (typeof a[0] === "number" && Number.isFinite(a[0])) return a[0];
      const d = toDecimal(a[0], "值");
      return isJxError(d) ? d : out(d);
    },
  },
  {
    id: "RATE",
    params: RATE_PARAMS,
    run: (a) => {
      const n = a[0];
      const d = a[1];
      if (isNum(n) && isNum(d)) return d === 0 ? ZERO_DIVISOR("分母") : finite(rateNumber(n, d) as number);
      return withNumbers(a, RATE_PARAMS, ([n, d]) => {
        if (d.isZero()) return err("divisionByZero", "分母为0，无法计算比率");
        return out(roundRate(n.dividedBy(d)));
      });
    },
  },
  {
    id: "CHANGE",
    params: [P("current", "本期数"), P("previous", "上期数")],
    run: (a) => {
      const c = a[0];
      const p = a[1];
      if (isNum(c) && isNum(p) && p !== 0) {
        const r = relativeChange(c, p, 4);
        if (r !== null) return r;
      }
      return withNumbers(a, [P("current", "本期数"), P("previous", "上期数")], ([c, p]) => {
        if (p.isZero()) return err("notAvailable", "上期数为0，变动率无可比");
        return out(roundRate(c.minus(p).dividedBy(p.abs())));
      });
    },
  },
  {
    id: "CHANGETEXT",
    params: [P("current", "本期数"), P("previous", "上期数")],
    run: (a) => {
      const c = a[0];
      const p = a[1];
      const fast = isNum(c) && isNum(p) ? changeTextNumber(c, p) : null;
      return fast ?? withNumbers(a, [P("current", "本期数"), P("previous", "上期数")], ([cur, prev]) => changeText(cur, prev));
    },
  },
  {
    id: "SHARE",
    params: [P("part", "部分"), P("total", "合计")],
    run: (a) => {
      const part = a[0];
      const total = a[1];
      if (isNum(part) && isNum(total)) return total === 0 ? ZERO_DIVISOR("合计") : finite(rateNumber(part, total) as number);
      return withNumbers(a, [P("part", "部分"), P("total", "合计")], ([part, total]) => {
        const r = share(part, total);
        return r.ok ? out(roundRate(r.value)) : err("divisionByZero", r.message);
      });
    },
  },
  {
    id: "EXECSCORE",
    params: [P("executed", "全年执行数"), P("budget", "全年预算数"), P("weight", "分值", { optional: true })],
    run: (a) => {
      const b = a[0];
      const budget = a[1];
      const preset = jxPreset();
      if (isNum(b) && isNum(budget) && preset.executionScoring.kind === "proportional") {
        const w = a[2] === undefined || a[2] === null ? preset.weights.execution : a[2];
        if (isNum(w)) {
          const r = executionScoreNumber(b, budget, w);
          if (r !== null) return r;
        }
      }
      return withNumbers(
        a,
        [P("executed", "全年执行数"), P("budget", "全年预算数"), P("weight", "分值")],
        ([b, budget, w]) => {
          const r = executionScore(b, budget, w, jxPreset().executionScoring);
          if (r.ok) return out(r.value);
          return budget.isZero() ? err("divisionByZero", r.message) : err("invalidValue", r.message);
        },
        [undefined, undefined, new D(jxPreset().weights.execution)],
      );
    },
  },
  {
    id: "SCORE",
    params: [P("target", "年度指标值"), P("actual", "实际完成值"), P("weight", "分值"), P("name", "三级指标", { optional: true })],
    run: (a) => {
      const t = text(a[0], "年度指标值");
      if (isJxError(t)) return t;
      const act = text(a[1], "实际完成值");
      if (isJxError(act)) return act;
      let weight: number;
      if (isNum(a[2])) weight = a[2];
      else {
        const w = toDecimal(a[2], "分值");
        if (isJxError(w)) return w;
        weight = w.toNumber();
        if (!Number.isFinite(weight)) return err("invalidNumber", "分值超出 Excel 数字范围");
      }
      if (weight < 0) return err("invalidValue", "分值不能为负数");
      // The 三级指标 name lets a target without an operator take its kind's direction (控制率 ≤, 满意度 ≥).
      const name = a[3] === undefined || a[3] === null ? "" : text(a[3], "三级指标");
      if (isJxError(name)) return name;
      return suggestScoreNumber(t, act, weight, name);
    },
  },
  {
    id: "GRADE",
    params: [P("total", "总分"), P("scheme", "等级标准", { optional: true })],
    run: (a) => {
      if (typeof a[0] === "number" && Number.isFinite(a[0]) && (a[1] === undefined || a[1] === null)) return gradeNumber(a[0], jxPreset().grades).name;
      const total = toDecimal(a[0], "总分");
      if (isJxError(total)) return total;
      const id = text(a[1], "等级标准");
      if (isJxError(id)) return id;
      const scheme = schemeFor(id.trim());
      if (!scheme) return err("invalidValue", `没有名为「${id}」的等级标准，可用：${[...new Set(PRESETS.map((p) => p.grades.id))].join("、")}`);
      return grade(total, scheme).name;
    },
  },
  {
    id: "SUMCHECK",
    params: [P("total", "合计"), P("parts", "分项", { repeating: true })],
    run: (a) => {
      if (isNum(a[0])) {
        // Whole hundredths: round(total, 2) − round(Σ parts, 2), exactly.
        const numbers = numericParts(a);
        const parts = numbers && sumHundredths(numbers);
        const total = hundredths(a[0]);
        const diff = parts === null || total === null ? NaN : Math.abs(total - parts);
        if (diff <= MAX_HUNDREDTHS) return sumCheckText(diff / 100, `${Math.floor(diff / 100)}.${String(diff % 100).padStart(2, "0")}`);
      }
      const parts = flatten(a.slice(1));
      const total = toDecimal(a[0], "合计");
      if (isJxError(total)) return total;
      let sum = new D(0);
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (isBlank(p)) continue; // a blank part is a zero in these forms
        const d = toDecimal(p, `第${i + 1}个分项`);
        if (isJxError(d)) return d;
        sum = sum.plus(d);
      }
      const diff = round(total, 2).minus(round(sum, 2)).abs();
      return sumCheckText(diff.toNumber(), fmt(diff));
    },
  },
  {
    id: "SCORECHECK",
    params: [P("score", "得分"), P("weight", "分值"), P("reason", "偏差原因", { optional: true })],
    run: (a) => {
      const s = a[0];
      const w = a[1];
      if (isNum(s) && isNum(w)) {
        const why = text(a[2], "偏差原因");
        if (isJxError(why)) return why;
        return scoreCheckText(s < 0, s > w, s < w, why);
      }
      const score = toDecimal(a[0], "得分");
      if (isJxError(score)) return score;
      const weight = toDecimal(a[1], "分值");
      if (isJxError(weight)) return weight;
      const reason = text(a[2], "偏差原因");
      if (isJxError(reason)) return reason;
      return scoreCheckText(score.lessThan(0), score.greaterThan(weight), score.lessThan(weight), reason);
    },
  },
];

function scoreCheckText(negative: boolean, over: boolean, under: boolean, reason: string): string {
  if (negative) return "得分为负";
  if (over) return "超出分值";
  if (under && !reason.trim()) return "扣分须填写偏差原因";
  return "✓";
}

/** The parts of SUMCHECK when every one is a number or blank (cells or ranges of them), else null. */
function numericParts(args: unknown[]): number[] | null {
  const out: number[] = [];
  for (let i = 1; i < args.length; i++) {
    const v = args[i];
    if (isNum(v)) out.push(v);
    else if (Array.isArray(v)) {
      for (const row of v) {
        if (!Array.isArray(row)) return null;
        for (const x of row) {
          if (isNum(x)) out.push(x);
          else if (!isBlank(x)) return null;
        }
      }
    } else if (!isBlank(v)) return null;
  }
  return out;
}

/** Differences up to 15 digits of hundredths are formatted from the integer; larger ones take the decimal path. */
const MAX_HUNDREDTHS = 999_999_999_999_999;

/** "✓", "尾数差 0.01" or "差 43.00" for an absolute difference exact to 2 decimals, and its text. */
function sumCheckText(diff: number, text: string): string {
  if (diff === 0) return "✓";
  return diff <= jxPreset().tolerances.roundingDiff ? `尾数差 ${text}` : `差 ${text}`;
}

const BY_ID = new Map(JX_FUNCTIONS.map((f) => [f.id, f]));

export function jxFunction(id: string): JxFunction {
  const f = BY_ID.get(id);
  if (!f) throw new Error(`未定义的函数 JX.${id}`);
  return f;
}

/** Calls a JX function; whatever the input, returns a number, a text or an error value — never throws. */
export function callJx(id: string, args: unknown[]): JxResult {
  try {
    return jxFunction(id).run(args);
  } catch (e) {
    return err("invalidValue", `计算出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

