/**
 * Checking a report's text against the tables. A report edited by hand, or pasted
 * in from last year's, quotes figures next to labels ("公用经费405.96万元"); each
 * figure is read with the label before it and the words between ("预算数", "实际支出",
 * "较上年", "控制率") and compared with what the sheets say. Placeholders (××, XX,
 * 待填写) and rates far out of range are reported too. Findings carry the sentence.
 *
 * The reading is deliberately cautious: a figure whose label or meaning is not
 * recognised (人员经费, a figure in a flattened table, a target value) is skipped,
 * never guessed.
 */
import { amountOrNull } from "../amount";
import { executionScore, grade, gradeMatches } from "../calc";
import type { Finding, Severity } from "../check/types";
import { D, type Dec, fmt, fmtPercent, round } from "../decimal";
import { cellAddress, type Grid } from "../grid";
import type { Package, ProjectEvaluation, Raw, ScoredBudgetRow, SelfEvaluation, YearTriple } from "../model";
import { HUNAN_2024, type Preset } from "../preset";
import type { CellRef } from "../read/sheet";
import { BASIC_SHEET_NAME } from "../template/basic";
import { SELF_EVALUATION_SHEET_NAME } from "../template/selfEvaluation";
import { projectSheetName } from "../template/workbook";
import { PROMPT_RE } from "./document";
import { totalScore } from "./generate";
import { REPORT_SHEET_NAME } from "./renderSheet";


export interface ReportRule {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  example: string;
}

/** The report-text rules, as data (shown with the table rules in the UI and the docs). */
export const REPORT_RULES: readonly ReportRule[] = [
  {
    id: "REPORT.PLACEHOLDER",
    severity: "错误",
    title: "报告留有占位符",
    description: "报告中仍有模板占位符（××、XX）或给用户的提示（【待填写：…】、【请核对：…】，包括开头的表格错误提示），发布前必须替换为实际内容或删去。",
    example: "原句「根据部门整体支出绩效自评评分（详见附件2），得分××分」：得分应为 97.00",
  },
  {
    id: "REPORT.FIGURE_MISMATCH",
    severity: "错误",
    title: "报告数字与表格不符",
    description: "报告中紧跟在已知项目名称（公用经费、三公经费、基本支出、项目支出、在职人员控制率、总分、执行率等）后面的数字，与基础数据表或自评表不一致。",
    example: "报告写公用经费405.96万元，基础数据表公用经费（2024年决算数）为377.19万元",
  },
  {
    id: "REPORT.IMPLAUSIBLE_RATE",
    severity: "警告",
    title: "报告中的比率超出合理范围",
    description: "执行率、完成率、控制率超过合理上限（预设中的 implausibleRate，默认200%），多半是口径或计算有误，请核实。",
    example: "整体支出预算完成率 885.81%（2547.86 ÷ 287.63）",
  },
  {
    id: "REPORT.GRADE_MISMATCH",
    severity: "警告",
    title: "报告中的评价等级与总分不符",
    description: "报告写的评价等级与自评表总分按当前评分标准得出的等级不一致。",
    example: "总分 97 分，报告却写绩效为“良”",
  },
];

const RULE = Object.fromEntries(REPORT_RULES.map((r) => [r.id, r])) as Record<string, ReportRule>;

export interface ReportParagraph {
  text: string;
  /** The cell the paragraph is in (A12), when the report was read from a sheet. */
  cell?: string;
}

export interface ReportCheckOptions {
  preset?: Preset;
  /** Sheet name the findings carry; default 自评报告. */
  sheet?: string;
  /** Where each model figure sits (WorkbookRead.cellOf), to name the table cell in messages. */
  cellOf?: (path: string) => CellRef | undefined;
}

// ---- What the tables say: one "subject" per label the text may use ----

type FigureKind = "amount" | "count" | "score";

interface Subject {
  name: string; // Chinese name in messages
  kind: FigureKind;
  labels: string[]; // literal texts, compared after normalize()
  /** A figure far from its label (after a comma) still belongs to it: 公用经费预算数…，实际支出…. */
  persists: boolean;
  budget: Dec[];
  final: Dec[];
  prev: Dec[];
  diff: Dec[];
  rates: Dec[]; // 控制率 / 执行率 / 完成率 (computed and stated)
  changes: Dec[]; // 增长 / 下降 rates
  /** The figure a mismatch is compared with, and where it sits. */
  primary: { value: Dec; path: string; what: string } | null;
  primaryRate: { value: Dec; how: string } | null;
}

/** Column names that also serve a project ("…项目：全年预算数15.00万元"): they name the department only when nothing else was named before. */
const WEAK_LABELS = new Set(["全年预算数", "全年执行数", "年初预算数"]);

/** Labels whose figures the tables do not hold: a figure after one of them is not checked. */
const BLOCKERS = [
  "人员经费", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "基本建设", "其他运转类", "其他事业发展资金",
  "其他资金", "一般公共预算", "财政拨款", "上年结转", "结转和结余", "结转结余", "非税收入", "事业收入", "经营收入", "其他收入",
  "办公经费", "办公费", "印刷费", "水费", "电费", "水电费", "差旅费", "会议费", "培训费", "维修费", "物业管理费", "邮电费",
  "离休人员", "退休人员", "离退休人员", "离休", "退休", "调出", "调入", "录用", "招考", "编外", "劳务派遣", "合同制",
  "行政编制", "事业编制", "工勤编制", "在职转退休", "国有资本经营", "社会保险基金", "资产", "负债",
];

const num = (raw: Raw | undefined): Dec | null => amountOrNull(raw ?? null);
const present = (...xs: (Dec | null)[]): Dec[] => xs.filter((x): x is Dec => x !== null);

function ratio(a: Dec | null, b: Dec | null): Dec | null {
  return a !== null && b !== null && !b.isZero() ? a.dividedBy(b) : null;
}

function absDiff(a: Dec | null, b: Dec | null): Dec | null {
  return a !== null && b !== null ? a.minus(b).abs() : null;
}

function subject(name: string, kind: FigureKind, labels: string[], persists = kind === "amount"): Subject {
  return { name, kind, labels, persists, budget: [], final: [], prev: [], diff: [], rates: [], changes: [], primary: null, primaryRate: null };
}

/** A 附件1 row (Y-1决算, Y预算, Y决算) as a subject. */
function tripleSubject(name: string, labels: string[], t: YearTriple | undefined, path: string, y: number): Subject {
  const s = subject(name, "amount", labels);
  const prev = num(t?.prevFinal);
  const budget = num(t?.budget);
  const final = num(t?.final);
  s.prev = present(prev);
  s.budget = present(budget);
  s.final = present(final);
  s.diff = present(absDiff(budget, final), absDiff(final, prev), absDiff(budget, prev));
  s.rates = present(ratio(final, budget));
  s.changes = present(ratio(absDiff(final, prev), prev), ratio(absDiff(budget, final), budget), ratio(absDiff(budget, prev), prev));
  if (final !== null) s.primary = { value: final, path: `${path}.final`, what: `${name}（${y}年决算数）` };
  const r = ratio(final, budget);
  if (r !== null && final !== null && budget !== null) s.primaryRate = { value: r, how: `${fmt(final)} ÷ ${fmt(budget)}` };
  return s;
}

/** A project's 总分 as stated, and as recomputed (执行率得分 from the amounts + Σ indicator 得分). */
function projectScore(p: ProjectEvaluation, preset: Preset): Dec[] {
  return present(num(p.total.score), totalScore(p, p.funds.total, preset, preset.projectExecutionWeight), recomputedTotal(p, p.funds.total, preset, preset.projectExecutionWeight));
}

function recomputedTotal(e: SelfEvaluation | ProjectEvaluation, row: ScoredBudgetRow, preset: Preset, weight: number): Dec | null {
  const executed = num(row.executed);
  const budget = num(row[preset.executionDenominator]);
  if (executed === null || budget === null) return null;
  const exec = executionScore(executed, budget, num(row.weight) ?? new D(weight), preset.executionScoring);
  if (!exec.ok) return null;
  const scores = e.indicators.map((i) => num(i.score)).filter((x): x is Dec => x !== null);
  return scores.length ? scores.reduce((a, b) => a.plus(b), exec.value) : null;
}

/** Everything the text may be compared with, from the package. */
function subjects(pkg: Package, preset: Preset): Subject[] {
  const y = pkg.year;
  const b = pkg.basic;
  const e = pkg.selfEvaluation;
  const out: Subject[] = [];
  if (b) {
    out.push(
      tripleSubject("三公经费", ["三公经费", "三公经费支出"], b.sangong, "basic.sangong", y),
      tripleSubject("公务用车购置和维护经费", ["公务用车购置和维护经费", "公务用车购置及运行维护费", "公务用车购置和运行维护费", "公车购置及运行维护费", "公务用车购置及运行费", "公务用车购置和维护费"], b.vehicle, "basic.vehicle", y),
      tripleSubject("公车购置", ["公车购置", "公车购置费", "公务用车购置费"], b.vehiclePurchase, "basic.vehiclePurchase", y),
      tripleSubject("公车运行维护", ["公车运行维护", "公车运行维护费", "公务用车运行维护费", "公务用车运行费"], b.vehicleOperation, "basic.vehicleOperation", y),
      tripleSubject("出国经费", ["出国经费", "出国费", "因公出国（境）费", "因公出国(境)费", "因公出国（境）费用", "因公出国境费用", "因公出国费"], b.overseas, "basic.overseas", y),
      tripleSubject("公务接待费", ["公务接待", "公务接待费"], b.reception, "basic.reception", y),
      tripleSubject("业务工作经费", ["业务工作经费"], b.businessWork, "basic.businessWork", y),
      tripleSubject("运行维护经费", ["运行维护经费"], b.operation, "basic.operation", y),
      tripleSubject("专项资金", unique(["专项资金", "上级专项资金", "省级专项资金", "市级专项资金", "县级专项资金", "本级专项资金", normalize(b.specialLabel)]), b.special, "basic.special", y),
      tripleSubject("公用经费", ["公用经费", "公用经费支出"], b.publicFunds, "basic.publicFunds", y),
    );
    b.specialFunds.forEach((f, i) => {
      const name = normalize(f.name);
      if (name.length >= 4) out.push(tripleSubject(`专项资金「${f.name.trim()}」`, [name], f, `basic.specialFunds.${i}`, y));
    });
    const project = tripleSubject("项目支出", ["项目支出", "项目经费", "项目支出总额"], b.project, "basic.project", y);
    // 附件2's 项目支出, each project's own funds and their sums are 项目支出 figures too.
    project.final.push(...present(num(e?.byExpense.project)));
    let sumBudget = new D(0);
    let sumExecuted = new D(0);
    for (const p of pkg.projects) {
      project.final.push(...present(num(p.funds.total.executed)));
      project.budget.push(...present(num(p.funds.total.fullBudget), num(p.funds.total.initialBudget)));
      sumBudget = sumBudget.plus(num(p.funds.total.fullBudget) ?? 0);
      sumExecuted = sumExecuted.plus(num(p.funds.total.executed) ?? 0);
    }
    if (pkg.projects.length) {
      project.budget.push(sumBudget);
      project.final.push(sumExecuted);
    }
    out.push(project);

    const authorized = num(b.staff.authorized);
    const actual = num(b.staff.actual);
    const staffRates = present(ratio(actual, authorized), num(b.staff.controlRate));
    const onStaff = subject("在职人员", "count", ["在职人员", "在职人数", "实有人数", "实有在职人员", "实际在职人数", "实有在职人数", "在岗人数", "年末实有人数"]);
    onStaff.final = present(actual);
    onStaff.diff = present(absDiff(actual, authorized));
    onStaff.rates = staffRates;
    if (actual !== null) onStaff.primary = { value: actual, path: "basic.staff.actual", what: `${y}年实际在职人数` };
    const sr = ratio(actual, authorized);
    if (sr !== null) onStaff.primaryRate = { value: sr, how: `${fmt(actual as Dec, 0)} ÷ ${fmt(authorized as Dec, 0)}` };
    const posts = subject("编制数", "count", ["编制数", "编制人数", "共有编制", "核定编制"]);
    posts.final = present(authorized);
    posts.diff = present(absDiff(actual, authorized));
    if (authorized !== null) posts.primary = { value: authorized, path: "basic.staff.authorized", what: "编制数" };
    out.push(onStaff, posts);
  }
  if (e) {
    const basic = subject("基本支出", "amount", ["基本支出"]);
    const bv = num(e.byExpense.basic);
    basic.final = present(bv);
    if (bv !== null) basic.primary = { value: bv, path: "selfEvaluation.byExpense.basic", what: "基本支出" };
    const gov = subject("政府性基金", "amount", ["政府性基金", "政府性基金预算支出", "政府性基金拨款", "政府性基金预算"]);
    const gv = num(e.byIncome.govFund);
    gov.final = present(gv);
    if (gv !== null) gov.primary = { value: gv, path: "selfEvaluation.byIncome.govFund", what: "政府性基金拨款" };

    const dept = subject("部门整体支出", "amount", ["整体支出", "部门整体支出", "年度资金总额", "全年预算数", "全年执行数", "年初预算数"]);
    const initial = num(e.funds.initialBudget);
    const full = num(e.funds.fullBudget);
    const executed = num(e.funds.executed);
    const denominator = num(e.funds[preset.executionDenominator]);
    dept.budget = present(initial, full);
    dept.final = present(executed);
    dept.diff = present(absDiff(full, executed), absDiff(full, initial));
    dept.rates = present(ratio(executed, denominator), num(e.funds.rate));
    if (executed !== null) dept.primary = { value: executed, path: "selfEvaluation.funds.executed", what: "全年执行数" };
    const dr = ratio(executed, denominator);
    if (dr !== null) dept.primaryRate = { value: dr, how: `${fmt(executed as Dec)} ÷ ${fmt(denominator as Dec)}` };

    const total = subject("总分", "score", ["总分", "自评得分", "评价得分", "综合得分", "总得分", "自评总分", "绩效自评得分"]);
    const t = totalScore(e, e.funds, preset, preset.weights.execution);
    total.final = present(num(e.total.score), t, recomputedTotal(e, e.funds, preset, preset.weights.execution), ...pkg.projects.flatMap((p) => projectScore(p, preset)));
    if (t !== null) total.primary = { value: t, path: "selfEvaluation.total.score", what: "总分" };
    out.push(basic, gov, dept, total);
  } else if (pkg.projects.length) {
    const total = subject("项目自评得分", "score", ["自评得分", "评价得分", "绩效自评得分"]);
    total.final = pkg.projects.flatMap((p) => projectScore(p, preset));
    out.push(total);
  }
  pkg.projects.forEach((p, i) => {
    const name = normalize(p.name);
    if (name.length < 4) return;
    const s = subject(`项目「${p.name.trim()}」`, "amount", [name, `${name}项目`]);
    const full = num(p.funds.total.fullBudget);
    const executed = num(p.funds.total.executed);
    const denominator = num(p.funds.total[preset.executionDenominator]);
    s.budget = present(full, num(p.funds.total.initialBudget));
    s.final = present(executed);
    s.diff = present(absDiff(full, executed));
    s.rates = present(ratio(executed, denominator), num(p.funds.total.rate));
    if (executed !== null) s.primary = { value: executed, path: `projects.${i}.funds.total.executed`, what: "全年执行数" };
    const r = ratio(executed, denominator);
    if (r !== null) s.primaryRate = { value: r, how: `${fmt(executed as Dec)} ÷ ${fmt(denominator as Dec)}` };
    out.push(s);
  });
  return out;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

// ---- Reading the text ----

/**
 * The text as compared: ASCII digits, no quotes, no spaces (except between two
 * numbers, so that a flattened table row stays several numbers), no thousands
 * separators, and years relative to Y (上年 / 本年).
 */
export function normalize(text: string, year?: number): string {
  let t = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) t += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === "．") t += ".";
    else if (ch === "％" || ch === "﹪") t += "%";
    else if ("“”\"‘’「」『』*".includes(ch)) continue; // quotes; * of Markdown bold in extracted text
    else t += ch;
  }
  t = t.replace(/[\s\u3000]+/g, " ");
  let out = "";
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== " ") out += t[i];
    else if (/\d/.test(t[i - 1] ?? "") && /\d/.test(t[i + 1] ?? "")) out += " ";
  }
  out = out.replace(/(\d)\.\s*(\d)/g, "$1.$2").replace(/(\d),(\d{3})(?!\d)/g, "$1$2");
  if (year !== undefined) {
    out = out.replace(/(\d{4})年(度)?/g, (m, y: string) => (Number(y) === year - 1 ? "上年" : Number(y) === year ? "本年" : m.length === 5 ? "某年" : "某年度"));
  }
  return out;
}

type Measure = "budget" | "final" | "prev" | "diff" | "rate" | "change" | "skip" | "none";

/** Words between a label and its figure, and what they make the figure mean. Longer words first. */
const MEASURE_WORDS: [string, Measure][] = [
  ["年度指标值", "skip"], ["指标值", "skip"], ["目标值", "skip"],
  ["实际完成值", "rate"], ["控制率", "rate"], ["执行率", "rate"], ["完成率", "rate"], ["执行进度", "rate"],
  ["调整率", "skip"], ["变动率", "change"], ["占比", "skip"], ["比重", "skip"], ["占", "skip"],
  ["上年结转", "skip"], ["结转结余", "diff"], ["结转", "skip"], ["追加", "skip"], ["调增", "skip"], ["调减", "skip"], ["调整", "skip"], ["收回", "skip"],
  ["上年决算数", "prev"], ["上年决算", "prev"], ["上年支出", "prev"], ["上年度", "prev"], ["上年", "prev"], ["上一年", "prev"], ["去年", "prev"], ["同期", "prev"],
  ["可用预算金额", "budget"], ["预算安排金额", "budget"], ["预算安排", "budget"], ["预算数", "budget"], ["年初预算", "budget"], ["全年预算", "budget"], ["预算收入", "budget"], ["批复", "budget"], ["预算", "budget"],
  // Income (收入) is neither a budget nor a spending figure of these rows.
  ["总收入", "skip"], ["收入", "skip"],
  ["实际支出金额", "final"], ["实际支出", "final"], ["决算支出", "final"], ["决算数", "final"], ["决算", "final"], ["执行数", "final"], ["实际执行", "final"], ["支出", "final"],
  ["结余", "diff"], ["节约", "diff"], ["超出", "diff"], ["超编", "diff"], ["增加", "diff"], ["减少", "diff"], ["增长", "diff"], ["下降", "diff"], ["降低", "diff"], ["上升", "diff"],
];
const MEASURE_RE = new RegExp(MEASURE_WORDS.map(([w]) => escapeRe(w)).join("|"), "g");
const MEASURE_OF = new Map(MEASURE_WORDS);
const CHANGE_WORDS = new Set(["增加", "减少", "增长", "下降", "降低", "上升", "变动率"]);
const IMPLAUSIBLE_WORDS = new Set(["控制率", "执行率", "完成率"]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The last measure word in a stretch of (masked) text, and whether it speaks of a change. */
function lastMeasure(text: string): { measure: Measure; word: string } | null {
  let last: { measure: Measure; word: string } | null = null;
  for (const m of text.matchAll(MEASURE_RE)) last = { measure: MEASURE_OF.get(m[0]) as Measure, word: m[0] };
  return last;
}

interface Label {
  start: number;
  end: number;
  subject: Subject | null; // null: a blocker
}

/**
 * The labels of a sentence. A label written after its amount ("990.97万元专项资金") names
 * that amount, not the next ones: it only blocks. A generic label right after a specific
 * one ("…改革工作经费项目" + "项目支出") belongs to the specific one.
 */
function findLabels(sentence: string, matcher: { re: RegExp; byText: Map<string, Subject | null> }): Label[] {
  const out: Label[] = [];
  for (const m of sentence.matchAll(matcher.re)) {
    const start = m.index ?? 0;
    let subject = matcher.byText.get(m[0]) ?? null;
    const prev = out[out.length - 1];
    const earlier = [...out].reverse().find((l) => l.subject)?.subject;
    if (prev && prev.end === start && prev.subject) subject = prev.subject;
    else if (WEAK_LABELS.has(m[0]) && earlier) subject = earlier;
    else if (/\d\s?(万元|元)$/.test(sentence.slice(Math.max(0, start - 4), start))) subject = null;
    out.push({ start, end: start + m[0].length, subject });
  }
  return out;
}

function buildMatcher(list: Subject[]): { re: RegExp; byText: Map<string, Subject | null> } {
  const byText = new Map<string, Subject | null>();
  for (const b of BLOCKERS) byText.set(b, null);
  for (const s of list) for (const l of s.labels) if (l) byText.set(normalize(l), s);
  const texts = [...byText.keys()].sort((a, b) => b.length - a.length);
  return { re: new RegExp(texts.map(escapeRe).join("|"), "g"), byText };
}

interface Figure {
  start: number;
  end: number;
  text: string; // "405.96"
  value: Dec;
  decimals: number;
  unit: "万元" | "%" | "人" | "分" | "";
}

const NUMBER_RE = /\d+(?:\.\d+)?/g;

/** Numbers that are figures: with a unit we know (or none); not years, dates, counts of things, list numbers or targets. */
function findFigures(s: string): { figures: Figure[]; all: { start: number; end: number }[] } {
  const figures: Figure[] = [];
  const all: { start: number; end: number }[] = [];
  for (const m of s.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    all.push({ start, end });
    const before = s.slice(Math.max(0, start - 3), start);
    const after = s.slice(end, end + 2);
    if (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)) continue; // X86, IPv6
    if (/[≥≤<>＞＜=＝]$/.test(before) || /(不低于|不高于|不超过|不少于|附件|附表|第)$/.test(before)) continue;
    if (/[（(]$/.test(before) && /^[)）]/.test(after)) continue; // （3）
    if (/^[、.．](?!\d)/.test(after)) continue; // 1. 2、
    let unit: Figure["unit"];
    if (after.startsWith("万元")) unit = "万元";
    else if (after.startsWith("%")) unit = "%";
    else if (/^[人名]/.test(after)) unit = "人";
    else if (after.startsWith("分")) unit = "分";
    else if (/^[\u4e00-\u9fa5]/.test(after) && !/^(相比|较|比|为|是|的|，|。)/.test(after)) continue; // 年 月 个 项 次 元 亿 …
    else unit = "";
    const dot = m[0].indexOf(".");
    figures.push({ start, end, text: m[0], value: new D(m[0]), decimals: dot < 0 ? 0 : m[0].length - dot - 1, unit });
  }
  return { figures, all };
}

/** Does the written figure agree with one of the values, at the decimals written? */
function agrees(f: Figure, values: Dec[], percent: boolean): boolean {
  return roundedTexts(values, percent, f.decimals).has(f.value.toFixed(f.decimals));
}

/** The values rounded to `decimals`, as texts; cached per list (a package's lists are compared with many figures). */
const ROUNDED = new WeakMap<Dec[], Map<string, Set<string>>>();
function roundedTexts(values: Dec[], percent: boolean, decimals: number): Set<string> {
  let byKey = ROUNDED.get(values);
  if (!byKey) ROUNDED.set(values, (byKey = new Map()));
  const key = `${percent ? "%" : ""}${decimals}`;
  let set = byKey.get(key);
  if (!set || set.size === 0) {
    set = new Set(values.map((v) => round(percent ? v.times(100) : v, decimals).toFixed(decimals)));
    byKey.set(key, set);
  }
  return set;
}

// ---- The check ----

export function checkReportText(input: string | ReportParagraph[], pkg: Package | null, options: ReportCheckOptions = {}): Finding[] {
  const preset = options.preset ?? HUNAN_2024;
  const sheet = options.sheet ?? REPORT_SHEET_NAME;
  const year = pkg?.year;
  const list = pkg ? subjects(pkg, preset) : [];
  const matcher = buildMatcher(list);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (rule: string, cell: string, message: string, expected: string, actual: string) => {
    const key = `${rule}|${cell}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ rule, severity: RULE[rule].severity, sheet, cell, message, expected, actual });
  };
  const where = (path: string): string => {
    const ref = options.cellOf?.(path);
    if (ref) return `${ref.sheet} ${ref.cell}`;
    if (path.startsWith("basic.")) return BASIC_SHEET_NAME;
    if (path.startsWith("projects.") && pkg) {
      const i = Number(path.split(".")[1]);
      return projectSheetName(pkg.projects[i]?.name ?? "", i + 1);
    }
    return SELF_EVALUATION_SHEET_NAME;
  };
  const total = pkg?.selfEvaluation ? totalScore(pkg.selfEvaluation, pkg.selfEvaluation.funds, preset, preset.weights.execution) : null;

  for (const para of paragraphsOf(input)) {
    const cell = para.cell ?? "";
    // A note to the user (【待填写：…】, 【请核对：…】) is reported whole; the figures it quotes are not report text.
    for (const m of para.text.matchAll(PROMPT_RE)) {
      push("REPORT.PLACEHOLDER", cell, `报告中留有给填报人的提示「${clip(m[0], m[0].slice(0, 12))}」，请按提示补充或更正后删去。`, "", m[0]);
    }
    for (const sentence of sentencesOf(para.text.replace(PROMPT_RE, ""))) {
      const quote = sentence.trim();
      checkPlaceholders(quote, total, (actual, expected) =>
        push("REPORT.PLACEHOLDER", cell, `报告留有占位符「${actual}」${expected ? `，按自评表应为 ${expected}` : ""}。原句：「${clip(quote, actual)}」`, expected, actual),
      );
      // 《titles》 and document numbers (湘财绩〔2025〕1号) hold no figures of the tables.
      const s = normalize(sentence, year).replace(/《[^》]*》|[〔［[]\d{4}[〕］\]]\s*\d+\s*号/g, (m) => "□".repeat(m.length));
      checkGrade(s, total, preset, (stated, expected) =>
        push("REPORT.GRADE_MISMATCH", cell, `报告写评价等级为“${stated}”，自评表总分 ${fmt(total as Dec)} 分按评分标准应为“${expected}”。原句：「${clip(quote, stated)}」`, expected, stated),
      );
      const labels = findLabels(s, matcher);
      const masked = mask(s, labels);
      const { figures, all } = findFigures(s);
      const runs = tableRuns(s, all);
      for (const f of figures) {
        if (runs.has(f.start)) continue;
        const prevBoundary = Math.max(0, ...all.filter((n) => n.end <= f.start).map((n) => n.end));
        const label = [...labels].reverse().find((l) => l.end <= f.start);
        const boundary = Math.max(prevBoundary, label?.end ?? 0);
        const lead = masked.slice(boundary, f.start);
        const inLead = lastMeasure(lead);
        // Implausible rates need no table: a 执行率 of 885.81% is wrong whatever the tables say.
        if (f.unit === "%" && inLead && IMPLAUSIBLE_WORDS.has(inLead.word) && f.value.greaterThan(preset.tolerances.implausibleRate * 100)) {
          push(
            "REPORT.IMPLAUSIBLE_RATE",
            cell,
            `报告中的「${s.slice(label?.start ?? boundary, f.start).replace(/^[^\u4e00-\u9fa5]+|[^\u4e00-\u9fa5]+$/g, "") || inLead.word}」为 ${f.text}%，超出合理范围（>${preset.tolerances.implausibleRate * 100}%），请核实计算口径。原句：「${clip(quote, f.text)}」`,
            `≤${preset.tolerances.implausibleRate * 100}%`,
            `${f.text}%`,
          );
          continue;
        }
        if (!label?.subject) continue;
        const subj = label.subject;
        const near = masked.slice(label.end, f.start);
        if (!subj.persists && (near.length > 8 || /[，,、：:]/.test(near))) continue;
        if (near.length > 80) continue;
        const measure = (inLead ?? lastMeasure(masked.slice(0, label.start)) ?? { measure: "none" as Measure, word: "" }).measure;
        const verdict = judge(subj, f, measure, inLead?.word ?? "");
        if (!verdict) continue;
        push("REPORT.FIGURE_MISMATCH", cell, verdict.message(where) + `原句：「${clip(quote, f.text)}」`, verdict.expected, verdict.actual);
      }
    }
  }
  return findings;
}

/** Is the figure one the subject has for this measure? null when it agrees or cannot be judged. */
function judge(s: Subject, f: Figure, measure: Measure, word: string): { message: (where: (p: string) => string) => string; expected: string; actual: string } | null {
  if (measure === "skip") return null;
  if (f.unit === "%") {
    if (s.kind === "score") return null;
    const values = measure === "rate" ? s.rates : measure === "diff" && CHANGE_WORDS.has(word) ? s.changes : null;
    if (!values || values.length === 0 || agrees(f, values, true)) return null;
    if (measure === "rate" && s.primaryRate) {
      const r = s.primaryRate;
      return {
        message: () => `报告中${s.name}的${word || "比率"}为 ${f.text}%，按表格计算 ${r.how} = ${fmtPercent(r.value)}。`,
        expected: fmtPercent(r.value),
        actual: `${f.text}%`,
      };
    }
    return {
      message: () => `报告中${s.name}的${word || "变动率"}为 ${f.text}%，与表格数字算出的 ${values.map((v) => fmtPercent(v)).join(" / ")} 都不一致。`,
      expected: fmtPercent(values[0]),
      actual: `${f.text}%`,
    };
  }
  const kindOk = (s.kind === "amount" && (f.unit === "万元" || f.unit === "")) || (s.kind === "count" && f.unit === "人") || (s.kind === "score" && f.unit === "分");
  if (!kindOk) return null;
  let values: Dec[];
  if (measure === "budget") values = s.budget;
  else if (measure === "final") values = s.final;
  else if (measure === "prev") values = s.prev;
  else if (measure === "diff") values = s.diff;
  else if (measure === "rate") return null;
  else values = [...s.final, ...s.budget, ...s.prev, ...s.diff];
  if (values.length === 0 || agrees(f, values, false)) return null;
  const unit = s.kind === "amount" ? "万元" : s.kind === "count" ? "人" : "分";
  const dp = s.kind === "count" ? 0 : 2;
  const p = s.primary;
  const others = (exclude: Dec | null) => {
    const rest = [...new Set(values.filter((v) => !exclude || !v.equals(exclude)).map((v) => fmt(v, dp)))];
    if (rest.length === 0) return "";
    return `；表格中可对应的其他数：${rest.slice(0, 6).join("、")}${rest.length > 6 ? "等" : ""}`;
  };
  if (p && (measure === "final" || measure === "none")) {
    return {
      message: (where) => `报告中${s.name}为 ${f.text}${unit}，与${where(p.path)}（${p.what}）的 ${fmt(p.value, dp)}${unit} 不符${others(p.value)}。`,
      expected: fmt(p.value, dp),
      actual: f.text,
    };
  }
  const label = { budget: "预算数", prev: "上年决算数", diff: "差额", final: "决算数", none: "", rate: "", change: "", skip: "" }[measure];
  return {
    message: () => `报告中${s.name}${label ? `的${label}` : ""}为 ${f.text}${unit}，表格中没有这个数（应为 ${[...new Set(values.map((v) => fmt(v, dp)))].slice(0, 6).join("、")}）。`,
    expected: fmt(values[0], dp),
    actual: f.text,
  };
}

/** Label texts blanked out, so that "基本支出" is not read as the measure word "支出". */
function mask(s: string, labels: Label[]): string {
  const chars = [...s];
  // Positions are UTF-16 offsets; the texts compared are BMP-only, so indexes agree.
  for (const l of labels) for (let i = l.start; i < l.end; i++) chars[i] = "□";
  return chars.join("");
}

/** Numbers in a flattened table row (three or more separated only by spaces and units): not attributable. */
function tableRuns(s: string, all: { start: number; end: number }[]): Set<number> {
  const out = new Set<number>();
  let run: { start: number; end: number }[] = [];
  const flush = () => {
    if (run.length >= 3) for (const n of run) out.add(n.start);
    run = [];
  };
  for (const n of all) {
    const prev = run[run.length - 1];
    if (prev && /^(万元|%|人)?\s+$/.test(s.slice(prev.end, n.start))) run.push(n);
    else {
      flush();
      run.push(n);
    }
  }
  flush();
  return out;
}

const PLACEHOLDER_RE = /×{2,}|[xX]{2,}(?![A-Za-z])|Ｘ{2,}|○{2,}|待填写|待补充/g;

function checkPlaceholders(sentence: string, total: Dec | null, report: (actual: string, expected: string) => void): void {
  for (const m of sentence.matchAll(PLACEHOLDER_RE)) {
    const at = m.index ?? 0;
    const before = sentence.slice(Math.max(0, at - 4), at);
    const after = sentence.slice(at + m[0].length, at + m[0].length + 1);
    const isScore = /(得分|总分)[为是]?$/.test(before) && after === "分";
    report(`${m[0]}${after === "分" || after === "%" ? after : ""}`, isScore && total !== null ? fmt(total) : "");
  }
}

const GRADE_RE = /(?:等级|绩效|评价|结果|评定|评为)[为是]?[:：]?(优秀|良好|优|良|中等|中|较差|差|一般)(?:等次|等级)?/g;

function checkGrade(s: string, total: Dec | null, preset: Preset, report: (stated: string, expected: string) => void): void {
  if (total === null) return;
  const band = grade(total, preset.grades);
  for (const m of s.matchAll(GRADE_RE)) {
    if (!gradeMatches(m[1], band)) report(m[1], band.name);
  }
}

/** A sentence for a message: whole when short, else the part around the figure. */
function clip(sentence: string, around: string): string {
  if (sentence.length <= 120) return sentence;
  const at = Math.max(0, sentence.indexOf(around));
  const start = Math.max(0, at - 50);
  const end = Math.min(sentence.length, at + around.length + 50);
  return `${start > 0 ? "…" : ""}${sentence.slice(start, end)}${end < sentence.length ? "…" : ""}`;
}

/**
 * Paragraphs of the input. Plain text (pasted, or extracted from a PDF with lines
 * wrapped mid-sentence) is joined into one stream and split into sentences.
 */
function paragraphsOf(input: string | ReportParagraph[]): ReportParagraph[] {
  if (typeof input !== "string") return input.filter((p) => !ATTACHMENT_RE.test(p.text.trim()));
  const lines = input.split(/\r?\n/).filter((l) => !ATTACHMENT_RE.test(l.trim()));
  let text = "";
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    // A heading is a sentence of its own; other lines may be a sentence wrapped by the PDF.
    if (isHeading(t)) text += `\n${t}\n`;
    else text += /\d$/.test(text) && /^\d/.test(t) ? ` ${t}` : t;
  }
  return [{ text }];
}

/** A line of the 附件 list ("附件：1．2024年度部门整体支出绩效评价基础数据表", "3．2024年度项目支出绩效自评表（某项目）"): names, no figures. */
const ATTACHMENT_RE = /^(附件\s*\d*\s*[：:]\s*)?\d+\s*[．.、]\s*\d{4}年度[^。；，]*表(（[^）]*）)?$/;

/** "一、基本情况", "（二）项目支出情况", "3．人员情况": short, numbered, not ending a sentence. */
function isHeading(line: string): boolean {
  return line.length <= 40 && /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d))/.test(line) && !/[，,；;]/.test(line) && !/[。]./.test(line);
}

/** Sentences, each keeping its closing mark (no look-behind: older Office webviews lack it). */
function sentencesOf(text: string): string[] {
  return (text.match(/[^。；;！？!?\n]+[。；;！？!?]*/g) ?? []).filter((s) => s.trim());
}

/** The paragraphs of a report sheet: every text cell, with its address (for a report edited in Excel). */
export function paragraphsFromGrid(grid: Grid): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && v.trim()) out.push({ text: v, cell: cellAddress(r, c) });
    }),
  );
  return out;
}
