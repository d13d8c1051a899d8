/**
 * The narrative report (自评报告) generated from the model: the ten sections of
 * DOMAIN.md, every figure quoted from the sheets or computed from them (decimal),
 * the texts only a person knows taken from 报告素材. Pure: model in, document tree out.
 */
import { amountOrNull, isPlaceholder } from "../amount";
import { changeText, executionScore, grade, rate, share } from "../calc";
import { D, type Dec, ZERO, fmt, fmtPercent, plain } from "../decimal";
import type { Finding } from "../check/types";
import type { BasicData, Indicator, Package, ProjectEvaluation, Raw, ScoredBudgetRow, SelfEvaluation, YearTriple } from "../model";
import { HUNAN_2024, type Preset } from "../preset";
import { heading, paragraph, prompt, title, warning, type ReportBlock, type ReportDocument } from "./document";
import { MATERIAL_SHEET_NAME, emptyMaterial, type ReportMaterial } from "./material";

export interface ReportOptions {
  /** Grade scheme, execution denominator and scoring; default 湖南省2024年. */
  preset?: Preset;
  /** How many 错误 the opening warning quotes (the rest are counted). */
  warningExamples?: number;
}

/** The ten sections, in the order of the standard layout (DOMAIN.md, "The narrative report"). */
export const REPORT_SECTIONS = [
  "基本情况",
  "一般公共预算支出情况",
  "政府性基金预算支出情况",
  "国有资本经营预算支出情况",
  "社会保险基金预算支出情况",
  "部门整体支出绩效情况",
  "存在的问题及原因分析",
  "下一步改进措施",
  "部门整体支出绩效自评结果拟应用和公开情况",
  "其他需要说明的情况",
] as const;

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** "一、基本情况" */
export const sectionHeading = (i: number): string => `${CN[i]}、${REPORT_SECTIONS[i]}`;
/** "（一）" */
const sub = (i: number): string => `（${CN[i]}）`;

export const REPORT_TITLE_SUFFIX = "年度部门整体支出绩效自评报告";
/** How the opening warning starts; the text checker skips that paragraph (it quotes the table checker). */
export const WARNING_PREFIX = "注意：表格校验发现";

interface Ctx {
  pkg: Package;
  y: number;
  m: ReportMaterial;
  preset: Preset;
  basic: BasicData | null;
  evaluation: SelfEvaluation | null;
}

const num = (raw: Raw | undefined): Dec | null => amountOrNull(raw ?? null);
const money = (x: Dec): string => `${fmt(x)}万元`;
const count = (x: Dec): string => (x.isInteger() ? x.toFixed(0) : plain(x));
const points = (x: Dec): string => `${fmt(x)}分`;
/** 分值 as written on the forms: "10分", "2.5分". */
const weightText = (x: Dec): string => `${plain(x)}分`;

/** A part and its share of a total: "一般公共预算24876.65万元，占99.65%". */
function withShare(label: string, part: Dec, total: Dec | null): string {
  const s = total ? share(part, total) : null;
  return s?.ok ? `${label}${money(part)}，占${fmtPercent(s.value)}` : `${label}${money(part)}`;
}

/** "较上年（362.72万元）减少15.34万元，下降4.23%" or "" when the previous year is blank. */
function yearOnYear(current: Dec, previous: Dec | null): string {
  if (previous === null) return "";
  return `，较上年（${money(previous)}）${changeText(current, previous)}`;
}

/** Text the department wrote, one paragraph per line; empty → a prompt to fill in 报告素材. */
function materialParagraphs(text: string, what: string): ReportBlock[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [prompt(`（待填写：请在「${MATERIAL_SHEET_NAME}」工作表填写${what}。）`)];
  return lines.map((l) => paragraph(l));
}

export function generateReport(pkg: Package, material: ReportMaterial | null, findings: Finding[], options: ReportOptions = {}): ReportDocument {
  const ctx: Ctx = {
    pkg,
    y: pkg.year,
    m: material ?? emptyMaterial(),
    preset: options.preset ?? HUNAN_2024,
    basic: pkg.basic,
    evaluation: pkg.selfEvaluation,
  };
  const unit = isPlaceholder(pkg.unit) ? "" : pkg.unit.trim();
  const blocks: ReportBlock[] = [title(`${unit}${ctx.y}${REPORT_TITLE_SUFFIX}`)];
  blocks.push(...warningBlocks(findings, options.warningExamples ?? 3));
  blocks.push(
    paragraph(`为加强预算绩效管理，提高财政资金使用效益，根据部门整体支出绩效自评工作要求，本部门对${ctx.y}年度部门整体支出情况开展了绩效自评。现将有关情况报告如下。`),
  );
  SECTIONS.forEach((build, i) => blocks.push(heading(1, sectionHeading(i)), ...build(ctx)));
  return { unit, year: ctx.y, blocks };
}

/** When the checker found 错误, the report says so first: its figures are the sheets' and may be wrong. */
function warningBlocks(findings: Finding[], examples: number): ReportBlock[] {
  const errors = findings.filter((f) => f.severity === "错误");
  if (errors.length === 0) return [];
  const quoted = errors.slice(0, examples).map((f, i) => `（${i + 1}）${f.sheet}${f.cell ? ` ${f.cell}` : ""}：${f.message.replace(/[。；]$/, "")}`);
  const more = errors.length > examples ? `等` : "";
  return [
    warning(
      { text: WARNING_PREFIX.slice(0, 3), bold: true },
      `${WARNING_PREFIX.slice(3)}${errors.length}处错误，本报告中的数字取自表格，更正之前可能与实际不符：${quoted.join("；")}${more}。请更正表格后重新生成报告。`,
    ),
  ];
}

// ---- The sections, in order ----

const SECTIONS: ((ctx: Ctx) => ReportBlock[])[] = [
  basicSituation,
  generalBudget,
  (ctx) => govFund(ctx),
  (ctx) => [paragraph(`本部门${ctx.y}年度无国有资本经营预算支出。`)],
  (ctx) => [paragraph(`本部门${ctx.y}年度无社会保险基金预算支出。`)],
  performance,
  (ctx) => materialParagraphs(ctx.m.problems, "存在的问题及原因分析"),
  (ctx) => materialParagraphs(ctx.m.improvements, "下一步改进措施"),
  (ctx) =>
    ctx.m.resultUse.trim()
      ? materialParagraphs(ctx.m.resultUse, "结果应用和公开情况")
      : [paragraph("本部门将按规定公开绩效自评报告，接受社会监督；对自评中发现的问题及时整改，并将自评结果作为以后年度预算编制和安排的重要参考。")],
  (ctx) => (ctx.m.other.trim() ? materialParagraphs(ctx.m.other, "其他需要说明的情况") : [paragraph("无。")]),
];

// 一、基本情况
function basicSituation(ctx: Ctx): ReportBlock[] {
  const goals = ctx.m.goals.trim() || ctx.evaluation?.goals.planned.trim() || "";
  return [
    heading(2, `${sub(0)}职能职责`),
    ...materialParagraphs(ctx.m.duties, "职能职责"),
    heading(2, `${sub(1)}机构设置`),
    ...materialParagraphs(ctx.m.organization, "机构设置"),
    heading(2, `${sub(2)}人员情况`),
    staffParagraph(ctx),
    ...(ctx.m.staffNotes.trim() ? materialParagraphs(ctx.m.staffNotes, "人员情况说明") : []),
    heading(2, `${sub(3)}整体收支情况`),
    ...fundsParagraphs(ctx),
    heading(2, `${sub(4)}绩效目标`),
    ...materialParagraphs(isPlaceholder(goals) ? "" : goals, "年度绩效目标"),
  ];
}

function staffParagraph(ctx: Ctx): ReportBlock {
  const authorized = num(ctx.basic?.staff.authorized);
  const actual = num(ctx.basic?.staff.actual);
  if (authorized === null || actual === null) return paragraph("基础数据表未填写编制数或实际在职人数。");
  const r = rate(actual, authorized);
  const head = `本部门编制数${count(authorized)}人，${ctx.y}年实际在职人数${count(actual)}人`;
  if (!r.ok) return paragraph(`${head}。`);
  const over = actual.minus(authorized);
  const tail = over.greaterThan(0) ? `，超出编制${count(over)}人` : "，实际在职人数控制在编制数以内";
  return paragraph(`${head}，在职人员控制率${fmtPercent(r.value)}${tail}。`);
}

/** 执行率 of a scored row, dividing by the preset's budget figure. */
function executionRate(row: ScoredBudgetRow, preset: Preset): Dec | null {
  const executed = num(row.executed);
  const budget = num(row[preset.executionDenominator]);
  if (executed === null || budget === null) return null;
  const r = rate(executed, budget);
  return r.ok ? r.value : null;
}

/** 执行率得分 as the sheet states it, else computed. */
function executionPoints(row: ScoredBudgetRow, preset: Preset, defaultWeight: number): Dec | null {
  const stated = num(row.score);
  if (stated !== null) return stated;
  const executed = num(row.executed);
  const budget = num(row[preset.executionDenominator]);
  if (executed === null || budget === null) return null;
  const s = executionScore(executed, budget, num(row.weight) ?? new D(defaultWeight), preset.executionScoring);
  return s.ok ? s.value : null;
}

const DENOMINATOR_LABEL: Record<Preset["executionDenominator"], string> = { fullBudget: "全年预算数", initialBudget: "年初预算数" };

function fundsParagraphs(ctx: Ctx): ReportBlock[] {
  const e = ctx.evaluation;
  if (!e) return [paragraph("本次材料未包含部门整体支出绩效自评表，整体收支情况从略。")];
  const initial = num(e.funds.initialBudget);
  const full = num(e.funds.fullBudget);
  const executed = num(e.funds.executed);
  const parts: string[] = [];
  if (initial !== null) parts.push(`年初预算数${money(initial)}`);
  if (full !== null) parts.push(`全年预算数${money(full)}`);
  if (executed !== null) parts.push(`全年执行数${money(executed)}`);
  const r = executionRate(e.funds, ctx.preset);
  if (r !== null) parts.push(`预算执行率${fmtPercent(r)}`);
  const out: ReportBlock[] = [
    paragraph(parts.length ? `${ctx.y}年度本部门整体支出${parts.join("，")}。` : `自评表未填写${ctx.y}年度预算数和执行数。`),
  ];
  const income = split([
    ["一般公共预算", e.byIncome.general],
    ["政府性基金拨款", e.byIncome.govFund],
    ["纳入专户管理的非税收入拨款", e.byIncome.specialAccount],
    ["其他资金", e.byIncome.other],
  ]);
  const expense = split([
    ["基本支出", e.byExpense.basic],
    ["项目支出", e.byExpense.project],
  ]);
  if (income) out.push(paragraph(`按收入性质分：${income}。`));
  if (expense) out.push(paragraph(`按支出性质分：${expense}。`));
  return out;
}

/** "基本支出2669.31万元，占12.73%；项目支出…": non-zero parts with their share of the split's own total. */
function split(items: [label: string, raw: Raw][]): string {
  const parts = items.map(([label, raw]) => [label, num(raw)] as const).filter((p): p is readonly [string, Dec] => p[1] !== null && !p[1].isZero());
  if (parts.length === 0) return "";
  const total = parts.reduce((s, [, v]) => s.plus(v), ZERO);
  return parts.map(([label, v]) => withShare(label, v, parts.length > 1 ? total : null)).join("；");
}

// 二、一般公共预算支出情况
function generalBudget(ctx: Ctx): ReportBlock[] {
  return [heading(2, `${sub(0)}基本支出`), ...basicExpense(ctx), heading(2, `${sub(1)}项目支出`), ...projectExpense(ctx), heading(2, `${sub(2)}“三公”经费`), ...sangong(ctx)];
}

function triple(t: YearTriple | undefined): { prev: Dec | null; budget: Dec | null; final: Dec | null } {
  return { prev: num(t?.prevFinal), budget: num(t?.budget), final: num(t?.final) };
}

function basicExpense(ctx: Ctx): ReportBlock[] {
  const out: ReportBlock[] = [];
  const basic = num(ctx.evaluation?.byExpense.basic);
  const pf = triple(ctx.basic?.publicFunds);
  if (basic !== null) {
    let text = `${ctx.y}年基本支出${money(basic)}`;
    if (pf.final !== null && basic.greaterThanOrEqualTo(pf.final)) {
      text += `，其中人员经费${withShare("", basic.minus(pf.final), basic)}；公用经费${withShare("", pf.final, basic)}`;
    }
    out.push(paragraph(`${text}。`));
  }
  if (pf.final !== null) {
    let text = `公用经费`;
    if (pf.budget !== null) text += `预算数${money(pf.budget)}，`;
    text += `实际支出${money(pf.final)}`;
    const r = pf.budget !== null ? rate(pf.final, pf.budget) : null;
    if (r?.ok) text += `，公用经费控制率${fmtPercent(r.value)}`;
    text += yearOnYear(pf.final, pf.prev);
    const items: [string, Dec][] = [];
    for (const [label, t] of [
      ["办公经费", ctx.basic?.office],
      ["水费、电费、差旅费", ctx.basic?.utilitiesTravel],
      ["会议费、培训费", ctx.basic?.meetingTraining],
    ] as const) {
      const v = num(t?.final);
      if (v !== null) items.push([label, v]);
    }
    if (items.length) text += `。其中${items.map(([label, v]) => `${label}${money(v)}`).join("，")}`;
    out.push(paragraph(`${text}。`));
  }
  if (out.length === 0) out.push(paragraph("自评表和基础数据表未填写基本支出和公用经费。"));
  return out;
}

function projectExpense(ctx: Ctx): ReportBlock[] {
  const p = triple(ctx.basic?.project);
  if (p.final === null) {
    const stated = num(ctx.evaluation?.byExpense.project);
    return [paragraph(stated !== null ? `${ctx.y}年项目支出${money(stated)}。` : "基础数据表未填写项目支出。")];
  }
  let text = `${ctx.y}年项目支出`;
  if (p.budget !== null) text += `预算数${money(p.budget)}，`;
  text += `实际支出${money(p.final)}`;
  const r = p.budget !== null ? rate(p.final, p.budget) : null;
  if (r?.ok) text += `，项目经费控制率${fmtPercent(r.value)}`;
  text += yearOnYear(p.final, p.prev);
  const b = ctx.basic as BasicData;
  const items: [string, Dec][] = [];
  for (const [label, t] of [
    ["业务工作经费", b.businessWork],
    ["运行维护经费", b.operation],
    [b.specialLabel || "专项资金", b.special],
  ] as const) {
    const v = num(t.final);
    if (v !== null && !v.isZero()) items.push([label, v]);
  }
  if (items.length) text += `。其中${items.map(([label, v]) => withShare(label, v, p.final)).join("；")}`;
  const funds = b.specialFunds
    .filter((f) => f.name.trim() && !isPlaceholder(f.name))
    .map((f) => [f.name.trim(), num(f.final)] as const)
    .filter((f): f is readonly [string, Dec] => f[1] !== null && !f[1].isZero());
  if (funds.length) text += `（${funds.map(([name, v]) => `${name}${money(v)}`).join("，")}）`;
  return [paragraph(`${text}。`)];
}

const SANGONG_ROWS: [key: keyof BasicData, label: string][] = [
  ["vehicle", "公务用车购置和维护经费"],
  ["vehiclePurchase", "其中：公车购置"],
  ["vehicleOperation", "公车运行维护"],
  ["overseas", "因公出国（境）费"],
  ["reception", "公务接待费"],
];

function sangong(ctx: Ctx): ReportBlock[] {
  const b = ctx.basic;
  const s = triple(b?.sangong);
  if (!b || s.final === null) return [paragraph("基础数据表未填写“三公”经费。")];
  let text = `${ctx.y}年“三公”经费`;
  if (s.budget !== null) text += `预算数${money(s.budget)}，`;
  text += `实际支出${money(s.final)}`;
  const r = s.budget !== null ? rate(s.final, s.budget) : null;
  if (r?.ok) text += `，三公经费控制率${fmtPercent(r.value)}`;
  text += yearOnYear(s.final, s.prev);
  const v = triple(b.vehicle);
  const vp = triple(b.vehiclePurchase);
  const vo = triple(b.vehicleOperation);
  const items: string[] = [];
  if (v.final !== null) {
    const inner = v.final.isZero() ? [] : [vp.final !== null ? `公车购置${money(vp.final)}` : "", vo.final !== null ? `公车运行维护${money(vo.final)}` : ""].filter(Boolean);
    items.push(`公务用车购置和维护经费${money(v.final)}${inner.length ? `（${inner.join("，")}）` : ""}`);
  }
  const o = triple(b.overseas);
  if (o.final !== null) items.push(`因公出国（境）费${money(o.final)}`);
  const rc = triple(b.reception);
  if (rc.final !== null) items.push(`公务接待费${money(rc.final)}`);
  if (items.length) text += `。其中${items.join("，")}`;
  const table: ReportBlock = {
    kind: "table",
    caption: `${ctx.y}年“三公”经费情况表`,
    unit: "万元",
    header: ["项目", `${ctx.y - 1}年决算数`, `${ctx.y}年预算数`, `${ctx.y}年决算数`, "控制率"],
    rows: [["“三公”经费合计", triple(b.sangong)] as const, ...SANGONG_ROWS.map(([key, label]) => [label, triple(b[key] as YearTriple)] as const)]
      .filter(([, x], i) => i === 0 || x.prev !== null || x.budget !== null || x.final !== null)
      .map(([label, x]) => {
        const cr = x.final !== null && x.budget !== null ? rate(x.final, x.budget) : null;
        const cell = (d: Dec | null) => (d === null ? "" : fmt(d));
        return [label, cell(x.prev), cell(x.budget), cell(x.final), cr?.ok ? fmtPercent(cr.value) : "—"];
      }),
  };
  return [paragraph(`${text}。`), table];
}

// 三、政府性基金预算支出情况
function govFund(ctx: Ctx): ReportBlock[] {
  const v = num(ctx.evaluation?.byIncome.govFund);
  if (v === null || v.isZero()) return [paragraph(`本部门${ctx.y}年度无政府性基金预算支出。`)];
  return [paragraph(`本部门${ctx.y}年度政府性基金拨款${money(v)}。`)];
}

// 六、部门整体支出绩效情况
function performance(ctx: Ctx): ReportBlock[] {
  const e = ctx.evaluation;
  const out: ReportBlock[] = [];
  out.push(paragraph(totalSentence(ctx)));
  out.push(heading(2, `${sub(0)}预算执行情况`));
  if (e) {
    const budget = num(e.funds[ctx.preset.executionDenominator]);
    const executed = num(e.funds.executed);
    const r = executionRate(e.funds, ctx.preset);
    const pts = executionPoints(e.funds, ctx.preset, ctx.preset.weights.execution);
    const weight = num(e.funds.weight) ?? new D(ctx.preset.weights.execution);
    const parts: string[] = [];
    if (budget !== null) parts.push(`${DENOMINATOR_LABEL[ctx.preset.executionDenominator]}${money(budget)}`);
    if (executed !== null) parts.push(`全年执行数${money(executed)}`);
    if (r !== null) parts.push(`预算执行率${fmtPercent(r)}`);
    if (pts !== null) parts.push(`预算执行率得分${points(pts)}（分值${weightText(weight)}）`);
    out.push(paragraph(parts.length ? `${parts.join("，")}。` : "自评表未填写预算数和执行数。"));
  } else out.push(paragraph("本次材料未包含部门整体支出绩效自评表。"));
  out.push(heading(2, `${sub(1)}绩效指标完成情况`), ...indicatorParagraphs(e));
  out.push(heading(2, `${sub(2)}主要成绩`));
  const achievements = ctx.m.achievements.map((t) => t.trim()).filter(Boolean);
  if (achievements.length === 0) out.push(prompt(`（待填写：请在「${MATERIAL_SHEET_NAME}」工作表填写主要成绩，每项一行。）`));
  achievements.forEach((t, i) => out.push(paragraph(/^\s*[（(]?[0-9一二三四五六七八九十]+[.．、)）]/.test(t) ? t : `${i + 1}. ${t}`)));
  out.push(heading(2, `${sub(3)}项目支出绩效情况`), ...projectParagraphs(ctx));
  return out;
}

/** 总分 as stated on 附件2, else 执行率得分 + Σ indicator 得分 when every score is filled in. */
export function totalScore(e: SelfEvaluation | ProjectEvaluation, row: ScoredBudgetRow, preset: Preset, executionWeight: number): Dec | null {
  const stated = num(e.total.score);
  if (stated !== null) return stated;
  const exec = executionPoints(row, preset, executionWeight);
  const scores = e.indicators.filter(isRealIndicator).map((i) => num(i.score));
  if (exec === null || scores.length === 0 || scores.some((s) => s === null)) return null;
  return scores.reduce<Dec>((s, x) => s.plus(x as Dec), exec);
}

function totalSentence(ctx: Ctx): string {
  const e = ctx.evaluation;
  const total = e ? totalScore(e, e.funds, ctx.preset, ctx.preset.weights.execution) : null;
  if (!e) return "本次材料未包含部门整体支出绩效自评表，总分和评价等级见自评表。";
  if (total === null) return "自评表的得分尚未填写完整，填写全部得分后重新生成本报告，即可写出总分和评价等级。";
  const statedGrade = typeof e.total.grade === "string" ? e.total.grade.replace(/[“”"\s]/g, "") : "";
  const g = statedGrade && !isPlaceholder(statedGrade) ? statedGrade : grade(total, ctx.preset.grades).name;
  return `根据部门整体支出绩效评价指标体系，本部门${ctx.y}年度整体支出绩效自评得分${points(total)}，评价等级为“${g}”（详见附件2）。`;
}

/** A named indicator row that carries a 分值 or a 得分 (a named row left blank is an unused template row). */
const isRealIndicator = (i: Indicator): boolean => Boolean(i.name.trim()) && !isPlaceholder(i.name) && (num(i.weight) !== null || num(i.score) !== null);

/** "产出指标" from "产出指标（50分）". */
const level1Name = (l: string): string => l.replace(/[（(].*$/, "").replace(/\s+/g, "");

function indicatorParagraphs(e: SelfEvaluation | null): ReportBlock[] {
  const list = (e?.indicators ?? []).filter(isRealIndicator);
  if (list.length === 0) return [paragraph("自评表未填写绩效指标。")];
  const groups = new Map<string, { weight: Dec; score: Dec; complete: boolean }>();
  for (const ind of list) {
    const key = level1Name(ind.level1) || "其他指标";
    const g = groups.get(key) ?? { weight: ZERO, score: ZERO, complete: true };
    const w = num(ind.weight);
    const s = num(ind.score);
    if (w === null || s === null) g.complete = false;
    groups.set(key, { weight: g.weight.plus(w ?? 0), score: g.score.plus(s ?? 0), complete: g.complete });
  }
  const summary = [...groups].map(([name, g]) => (g.complete ? `${name}分值${weightText(g.weight)}，得分${points(g.score)}` : `${name}分值${weightText(g.weight)}（得分未填写完整）`));
  const out: ReportBlock[] = [paragraph(`本部门共设置三级绩效指标${list.length}项。${summary.join("；")}。`)];
  const short = list.filter((i) => {
    const w = num(i.weight);
    const s = num(i.score);
    return w !== null && s !== null && s.lessThan(w);
  });
  if (short.length === 0) out.push(paragraph("各项绩效指标均已完成，均得满分。"));
  else {
    out.push(paragraph(`未得满分的指标${short.length}项：`));
    short.forEach((i, k) => {
      const facts = [
        raw(i.target) ? `年度指标值${raw(i.target)}` : "",
        raw(i.actual) ? `实际完成值${raw(i.actual)}` : "",
        `分值${weightText(num(i.weight) as Dec)}，得分${points(num(i.score) as Dec)}`,
      ].filter(Boolean);
      const reason = i.reason.trim() && !isPlaceholder(i.reason) ? `偏差原因及改进措施：${i.reason.trim().replace(/[。；;]$/, "")}。` : "偏差原因尚未填写。";
      out.push(paragraph(`${k + 1}. ${i.name.trim()}：${facts.join("，")}。${reason}`));
    });
  }
  return out;
}

/** An indicator value as typed ("≥90%", 87.18 → "87.18"); a sentence in quotes; "" for blanks and placeholders. */
function raw(v: Raw): string {
  if (v === null) return "";
  const t = String(v).trim().replace(/[。；;，,]+$/, "");
  if (isPlaceholder(t)) return "";
  return /[，。；、,;]/.test(t) ? `“${t}”` : t;
}

function projectParagraphs(ctx: Ctx): ReportBlock[] {
  const projects = ctx.pkg.projects;
  if (projects.length === 0) return [paragraph("本次自评材料未包含项目支出绩效自评表。")];
  let budget = ZERO;
  let executed = ZERO;
  for (const p of projects) {
    budget = budget.plus(num(p.funds.total.fullBudget) ?? 0);
    executed = executed.plus(num(p.funds.total.executed) ?? 0);
  }
  const out: ReportBlock[] = [
    paragraph(`本部门${ctx.y}年度对${projects.length}个项目开展了项目支出绩效自评，项目支出预算数合计${money(budget)}，执行数合计${money(executed)}。各项目情况如下：`),
  ];
  projects.forEach((p, i) => out.push(paragraph(projectLine(p, i, ctx.preset))));
  return out;
}

/** One line per project: its budget, execution, rate and its own score. */
function projectLine(p: ProjectEvaluation, i: number, preset: Preset): string {
  const name = p.name.trim() && !isPlaceholder(p.name) ? p.name.trim() : `第${i + 1}个项目`;
  const full = num(p.funds.total.fullBudget);
  const executed = num(p.funds.total.executed);
  const r = executionRate(p.funds.total, preset);
  const total = totalScore(p, p.funds.total, preset, preset.projectExecutionWeight);
  const facts = [
    full !== null ? `预算数${money(full)}` : "",
    executed !== null ? `执行数${money(executed)}` : "",
    r !== null ? `执行率${fmtPercent(r)}` : "",
    total !== null ? `自评得分${points(total)}` : "自评得分未填写完整",
  ].filter(Boolean);
  return `${i + 1}. ${name}：${facts.join("，")}。`;
}
