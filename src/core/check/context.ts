/**
 * What a rule sees: the package, where each figure sits, the preset, and a
 * way to report. Rules never touch grids or hosts.
 */
import { parseAmount, type Parsed } from "../amount";
import { D, type Dec, round, fmt, fmtPercent } from "../decimal";
import { divide, mulDiv, roundNumber, sum as exactSum } from "../exact";
import type { FinalAccounts } from "../finalAccounts/model";
import type { FormFacts, Indicator, Package, SheetFacts } from "../model";
import type { Preset } from "../preset";
import type { CellRef } from "../read/sheet";
import { BASIC_SHEET_NAME } from "../template/basic";
import { getPath } from "../template/layout";
import { SELF_EVALUATION_SHEET_NAME } from "../template/selfEvaluation";
import { projectSheetName } from "../template/workbook";
import { describeField } from "./labels";
import type { Finding, Rule, Severity } from "./types";

export interface CheckInput {
  pkg: Package;
  /** Model path → cell, from the reader; absent for a model that came from JSON. */
  cellOf?: (path: string) => CellRef | undefined;
  sheets?: { name: string; path: string }[];
  /** The 部门决算公开 tables when the workbook holds them (FA.* rules; paths "finalAccounts.…"). */
  finalAccounts?: FinalAccounts | null;
  /**
   * Why a path has no cell in the form (the column or row it does not print), from the reader.
   * A finding at such a path is not made: the check is listed as not possible instead (NotChecked).
   */
  absent?: (path: string) => string | undefined;
  /** What the forms print beyond the package (fund sub-rows, 得分计算方法, note weights…), by sheet path. */
  facts?: FormFacts;
}

/** A check that could not be made on a sheet, and why (in Chinese, e.g. "表中没有「全年预算数」栏"). */
export interface NotChecked {
  rule: string;
  title: string;
  sheet: string;
  reason: string;
}

/** A scored form: 附件2 (base "selfEvaluation.") or one 附件3 (base "projects.3."). */
export interface ScoredSheet {
  base: string;
  /** Path of the scored budget row: "selfEvaluation.funds" or "projects.3.funds.total". */
  exec: string;
  kind: "selfEvaluation" | "project";
}

export class CheckContext {
  readonly findings: Finding[] = [];
  readonly notChecked: NotChecked[] = [];
  private rule: Rule | null = null;
  /** Per check (the package does not change while its rules run): labels, scored sheets, indicator rows. */
  private readonly labels = new Map<string, string>();
  private scored: ScoredSheet[] | null = null;
  private readonly indicatorRows = new Map<string, { ind: Indicator; path: string }[]>();
  private roundingTolerance: Dec | undefined;

  constructor(
    readonly input: CheckInput,
    readonly preset: Preset,
  ) {}

  get pkg(): Package {
    return this.input.pkg;
  }

  get year(): number {
    return this.pkg.year;
  }

  /** Runs one rule, so that its reports carry its id and severity. */
  runRule(rule: Rule): void {
    this.rule = rule;
    try {
      rule.run(this);
    } finally {
      this.rule = null;
    }
  }

  /** The raw value at a model path; lists and objects too; then what the form prints beyond the model (SheetFacts). */
  raw(path: string): unknown {
    const v = getPath(this.pkg, path);
    if (v !== undefined || !this.input.facts) return v;
    const sheetPath = sheetPathOf(path);
    return getPath(this.input.facts[sheetPath], path.slice(sheetPath.length + 1));
  }

  /** What the form of a sheet prints beyond the model ("selfEvaluation", "projects.2"). */
  facts(sheetPath: string): SheetFacts {
    return this.input.facts?.[sheetPath] ?? {};
  }

  /** Why the form has no cell for `path` (e.g. "「全年预算数」栏"); undefined when it has one or the model came from JSON. */
  absent(path: string): string | undefined {
    return this.input.absent?.(path);
  }

  /** Records, under the running rule, that a check was not possible on a sheet and why. */
  skip(path: string, reason: string): void {
    if (!this.rule) throw new Error("skip() outside a rule");
    const sheet = this.sheetOf(path);
    const rule = this.rule;
    if (this.notChecked.some((n) => n.rule === rule.id && n.sheet === sheet && n.reason === reason)) return;
    this.notChecked.push({ rule: rule.id, title: rule.title, sheet, reason });
  }

  /** The figure at `path`, parsed. */
  parsed(path: string): Parsed {
    return parseValue(this.raw(path));
  }

  /** The figure at `path`, or null when blank or not a number (INPUT.* rules report those). */
  num(path: string): Dec | null {
    const p = this.parsed(path);
    return p.kind === "number" ? p.value : null;
  }

  /** Like num, but a blank counts as 0 (a blank part of a sum is a zero in these forms). */
  numOrZero(path: string): Dec | null {
    const p = this.parsed(path);
    if (p.kind === "number") return p.value;
    if (p.kind === "missing") return new D(0);
    return null;
  }

  isBlank(path: string): boolean {
    return this.parsed(path).kind === "missing";
  }

  /** True when the cell holds a formula (its value then comes from the host, possibly not computed yet). */
  hasFormula(path: string): boolean {
    return Boolean(this.input.cellOf?.(path)?.formula);
  }

  where(path: string): { sheet: string; cell: string } {
    const ref = this.input.cellOf?.(path);
    if (ref) return { sheet: ref.sheet, cell: ref.cell };
    return { sheet: this.sheetOf(path), cell: "" };
  }

  sheetOf(path: string): string {
    const sheetPath = sheetPathOf(path);
    const known = this.input.sheets?.find((s) => s.path === sheetPath);
    if (known) return known.name;
    if (sheetPath === "basic") return BASIC_SHEET_NAME;
    if (sheetPath.startsWith("projects.")) {
      const i = Number(sheetPath.split(".")[1]);
      return projectSheetName(this.pkg.projects[i]?.name ?? "", i + 1);
    }
    return SELF_EVALUATION_SHEET_NAME;
  }

  /** Chinese name of a figure: "三公经费（2024年决算数）", "项目「…」执行率". */
  label(path: string): string {
    let l = this.labels.get(path);
    if (l === undefined) this.labels.set(path, (l = this.describe(path)));
    return l;
  }

  private describe(path: string): string {
    const parts = path.split(".");
    let rest: string;
    let prefix = "";
    let root: unknown;
    if (parts[0] === "projects") {
      const p = this.pkg.projects[Number(parts[1])];
      prefix = `项目「${p?.name || `第${Number(parts[1]) + 1}个项目`}」`;
      rest = parts.slice(2).join(".");
      root = p;
    } else if (parts[0] === "basic" || parts[0] === "selfEvaluation") {
      rest = parts.slice(1).join(".");
      root = getPath(this.pkg, parts[0]);
    } else {
      rest = path; // "unit": the package's own fields hold no named list
    }
    const sheetFacts = this.input.facts?.[sheetPathOf(path)];
    const itemName = (list: string, i: number) => {
      const item = (getPath(root, `${list}.${i}`) ?? getPath(sheetFacts, `${list}.${i}`)) as { name?: string; label?: string } | undefined;
      return item?.name ?? item?.label ?? "";
    };
    return prefix + (rest === "unit" ? "单位名称" : describeField(rest, this.year, itemName));
  }

  /** Reports under the running rule. */
  report(path: string, message: string, expected = "", actual = ""): void {
    if (!this.rule) throw new Error("report() outside a rule");
    this.push(this.rule.id, this.rule.severity, path, message, expected, actual);
  }

  /** Reports under another rule of the catalogue (e.g. a sum rule handing a 尾数差 to SUM.ROUNDING). */
  reportAs(ruleId: string, severity: Severity, path: string, message: string, expected = "", actual = ""): void {
    this.push(ruleId, severity, path, message, expected, actual);
  }

  private push(rule: string, severity: Severity, path: string, message: string, expected: string, actual: string): void {
    const missing = this.absent(path);
    if (missing !== undefined && this.rule) {
      // The form has no such cell: not a finding about the user's figures, but a check not possible.
      this.skip(path, `表中没有${missing}`);
      return;
    }
    const { sheet, cell } = this.where(path);
    this.findings.push({ rule, severity, sheet, cell, message, expected, actual });
  }

  /** The scored forms present: 附件2 and every 附件3. */
  scoredSheets(): ScoredSheet[] {
    if (this.scored) return this.scored;
    const out: ScoredSheet[] = [];
    if (this.pkg.selfEvaluation) out.push({ base: "selfEvaluation.", exec: "selfEvaluation.funds", kind: "selfEvaluation" });
    this.pkg.projects.forEach((_, i) => out.push({ base: `projects.${i}.`, exec: `projects.${i}.funds.total`, kind: "project" }));
    return (this.scored = out);
  }

  /** The indicator rows of a scored sheet, with their model paths ("selfEvaluation.indicators.3"). */
  indicators(s: ScoredSheet): { ind: Indicator; path: string }[] {
    let rows = this.indicatorRows.get(s.base);
    if (rows) return rows;
    const list = (s.kind === "selfEvaluation" ? this.pkg.selfEvaluation?.indicators : this.pkg.projects[Number(s.base.split(".")[1])]?.indicators) ?? [];
    rows = list.map((ind, i) => ({ ind, path: `${s.base}indicators.${i}` }));
    this.indicatorRows.set(s.base, rows);
    return rows;
  }

  /** The 尾数差 tolerance of the preset (万元), as a decimal built once per check. */
  get tolerance(): Dec {
    return (this.roundingTolerance ??= new D(this.preset.tolerances.roundingDiff));
  }
}

/** "projects.2.funds.total.rate" → "projects.2"; "basic.sangong.final" → "basic". */
export function sheetPathOf(path: string): string {
  if (path.startsWith("projects.")) {
    const second = path.indexOf(".", 9);
    return second === -1 ? path : path.slice(0, second);
  }
  const dot = path.indexOf(".");
  return dot === -1 ? path : path.slice(0, dot);
}

/**
 * parseAmount memoized by value (an object by identity): a package repeats the same figures and texts
 * (0, 10, 100%, "") and every rule asks for them again. Parsed results are never mutated. At most
 * 50,000 values are kept: then it starts afresh.
 */
const PARSED = new Map<unknown, Parsed>();
export function parseValue(v: unknown): Parsed {
  let p = PARSED.get(v);
  if (!p) {
    if (PARSED.size > 50_000) PARSED.clear();
    PARSED.set(v, (p = parseAmount(v)));
  }
  return p;
}

/**
 * Σ of the figures among raw cell values, exactly, as a decimal (万元, 分 …: the values' own unit); a blank or a
 * value that is no number adds nothing, as `numOf(v) ?? 0` would. Figures a double holds exactly are added as
 * integers (src/core/exact.ts) and one decimal is built; the others, or a sum that does not fit, as decimals.
 */
export function sumOf(values: readonly unknown[]): Dec {
  const xs: number[] = [];
  let rest: Dec | null = null;
  for (const v of values) {
    const p = parseValue(v);
    if (p.kind !== "number") continue;
    // Which path adds a figure only decides the speed: both give the exact sum.
    // Stryker disable next-line ConditionalExpression: either path gives the same sum
    if (p.asNumber !== null) xs.push(p.asNumber);
    else rest = rest === null ? p.value : rest.plus(p.value);
  }
  const fast = exactSum(xs);
  // Stryker disable next-line ConditionalExpression: either path gives the same sum
  const head = fast !== null ? new D(String(fast)) : xs.reduce((a, x) => a.plus(String(x)), new D(0));
  return rest === null ? head : head.plus(rest);
}

/**
 * Compares a parsed figure with a plain number (−1, 0, 1): on the double when the figure has one (no decimal
 * built; doubles keep the order of the decimals they stand for), else as decimals.
 */
export function compareFigure(p: Parsed & { kind: "number" }, x: number): number {
  // Stryker disable next-line ConditionalExpression: the decimal comparison gives the same answer, only slower
  if (p.asNumber === null) return p.value.comparedTo(x);
  return p.asNumber < x ? -1 : p.asNumber > x ? 1 : 0;
}

/** A raw value as a number, or null when blank or not a number. */
export function numOf(v: unknown): Dec | null {
  const p = parseValue(v);
  return p.kind === "number" ? p.value : null;
}

/** Amount text for messages: "18259.03". */
export const money = (x: Dec): string => fmt(x, 2);
export const percent = (x: Dec): string => fmtPercent(x, 2);

/**
 * Does a stated rate agree with the computed one? Always at 2 decimals of percent, whatever was
 * typed: a text "50%" or a cell showing 60% states 50.00% / 60.00%, so 154.74 ÷ 310.2 = 49.88%
 * written "50%" does not agree (a rate is stated to 2 decimals on these forms).
 */
export function rateAgrees(stated: Parsed & { kind: "number" }, computed: Dec): boolean {
  return round(stated.value.times(100), 2).equals(round(computed.times(100), 2));
}

/**
 * rateAgrees for cell numbers, decided on exact integers (src/core/exact.ts): true when the stated rate is
 * numerator ÷ denominator at 2 decimals of percent. False means "let the decimal path decide" (a figure a
 * double does not hold exactly, a zero denominator), not "they differ".
 */
export function rateAgreesExactly(stated: Parsed & { kind: "number" }, numerator: Parsed & { kind: "number" }, denominator: Parsed & { kind: "number" }): boolean {
  // A figure no double holds (asNumber null) goes in as NaN, which the integer path turns down (null).
  const computed = divide(numerator.asNumber ?? NaN, denominator.asNumber ?? NaN, 4);
  return computed !== null && computed === roundNumber(stated.asNumber ?? NaN, 4);
}

/**
 * Proportional 执行率得分 (EXEC.SCORE) on cell numbers, decided on exact integers (src/core/exact.ts): true when the
 * stated score is min(B, A) × 分值 ÷ A at 2 decimals (B, A in 万元; 分值 and score in points). False means "let the
 * decimal path decide" (a figure a double does not hold exactly, A = 0, no 分值), not "they differ". A negative A
 * or B is the decimal path's to refuse: EXEC.SCORE says nothing of such a row either way.
 */
export function scoreAgreesExactly(stated: Parsed & { kind: "number" }, executed: Parsed & { kind: "number" }, budget: Parsed & { kind: "number" }, weight: number | null): boolean {
  // A figure no double holds (asNumber null) goes in as NaN, which the integer path turns down (null).
  const a = budget.asNumber ?? NaN;
  const expected = mulDiv(weight ?? NaN, Math.min(executed.asNumber ?? NaN, a), a, 2);
  return expected !== null && expected === roundNumber(stated.asNumber ?? NaN, 2);
}

/** How the stated rate reads in a message. */
export function statedRateText(stated: Parsed & { kind: "number" }): string {
  if (stated.percent) return `${plainPercent(stated.value, stated.decimals)}%`;
  return fmtPercent(stated.value, 2);
}

function plainPercent(fraction: Dec, dp: number): string {
  return round(fraction.times(100), dp).toFixed(dp);
}
