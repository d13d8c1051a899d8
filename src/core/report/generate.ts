/**
 * The narrative report (自评报告) generated from the model: the ten sections of
 * DOMAIN.md, every figure quoted from the sheets or computed from them (decimal),
 * the texts only a person knows taken from 报告素材. Pure: model in, document tree out.
 */
import type { FinalAccounts } from "../finalAccounts/model";
import { basicSplitFromFinalAccounts, type BasicSplit } from "../finalAccounts/forReport";
import { amountOrNull, isNotApplicable, isPlaceholder } from "../amount";
import { changeText, executionScore, grade, rate, share } from "../calc";
import { D, type Dec, ZERO, fmt, fmtPercent, plain, round } from "../decimal";
import type { Finding } from "../check/types";
import type { BasicData, Indicator, Package, ProjectEvaluation, Raw, ScoredBudgetRow, SelfEvaluation, YearTriple } from "../model";
import { HUNAN_2024, type Preset } from "../preset";
import { BASIC_TITLE_SUFFIX } from "../template/basic";
import { PROJECT_TITLE_SUFFIX } from "../template/project";
import { SELF_EVALUATION_TITLE_SUFFIX } from "../template/selfEvaluation";
import { heading, nestQuotes, paragraph, prompt, promptText, title, type ReportBlock, type ReportDocument, type Run } from "./document";
import { MATERIAL_SHEET_NAME, emptyMaterial, type ReportMaterial } from "./material";

export interface ReportOptions {
  /** Grade scheme, execution denominator and scoring; default 湖南省2024年. */
  preset?: Preset;
  /** How many 错误 the opening warning quotes (the rest are counted). */
  warningExamples?: number;
  /**
   * The 部门决算公开 tables when the workbook holds them: 人员经费 is then taken from 公开06表 when
   * 报告素材 leaves it blank (a figure the unit published, not one derived as 基本支出 − 公用经费).
   */
  finalAccounts?: FinalAccounts | null;
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
/** How the opening notice about table 错误 starts (a 【请核对：…】 prompt like every note to the user). */
export const WARNING_PREFIX = "【请核对：表格校验发现";

interface Ctx {
  pkg: Package;
  y: number;
  m: ReportMaterial;
  preset: Preset;
  basic: BasicData | null;
  evaluation: SelfEvaluation | null;
  /** The 附件3 that hold figures (an empty one is left out of the report and its 附件 list). */
  projects: ProjectEvaluation[];
  /** Conflicts already prompted (each is said once, where its quantity first appears). */
  said: Set<string>;
  /** 人员经费 / 公用经费 of 公开06表, when the 决算 tables are in the workbook. */
  split: BasicSplit | null;
  /** The 决算 tables when the workbook holds them (公开08表 for part 四). */
  finalAccounts: FinalAccounts | null;
}

/** Parsed amounts, cached per cell text (a package repeats the same few thousand values; Dec is immutable). */
const PARSED = new Map<string | number, Dec | null>();
function num(raw: Raw | undefined): Dec | null {
  if (raw === null || raw === undefined) return null;
  let v = PARSED.get(raw);
  if (v === undefined) {
    v = amountOrNull(raw);
    if (PARSED.size > 50_000) PARSED.clear();
    PARSED.set(raw, v);
  }
  return v;
}
const money = (x: Dec): string => `${fmt(x)}万元`;
const count = (x: Dec): string => (x.isInteger() ? x.toFixed(0) : plain(x));
const points = (x: Dec): string => `${fmt(x)}分`;
/**
 * 分值 and 得分 in one sentence, each at its own shortest precision ("分值5分，得分4分", "分值4分，得分3.5分"):
 * never "分值19分，得分18.00分". 总分 keeps the form's two decimals (95.40) in a sentence of its own.
 */
const weightText = (x: Dec): string => `${plain(round(x, 2))}分`;

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

/** A paragraph of report text, quotes nested as printed (“…‘…’…”). */
const para = (...runs: (Run | string)[]): ReportBlock => paragraph(...runs.map((r) => (typeof r === "string" ? nestQuotes(r) : { ...r, text: nestQuotes(r.text) })));

/** "请在「报告素材」工作表填写职能职责". */
const fillIn = (what: string): ReportBlock => prompt("待填写", `请在「${MATERIAL_SHEET_NAME}」工作表填写${what}`);

/** Text the department wrote, one paragraph per line; empty → a prompt to fill in 报告素材. */
function materialParagraphs(text: string, what: string): ReportBlock[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [fillIn(what)];
  return lines.map((l) => para(l));
}

/** A 报告素材 amount (万元) the tables do not hold (人员经费): null when blank or not a number. */
const materialAmount = (text: string): Dec | null => (text.trim() ? amountOrNull(text.trim()) : null);

/** Does a 附件3 hold any figure? An empty one (the template's blank sheet) is left out of the report. */
export function projectHasFigures(p: ProjectEvaluation): boolean {
  const t = p.funds.total;
  if ([t.initialBudget, t.fullBudget, t.executed, p.total.score].some((v) => num(v) !== null)) return true;
  return p.indicators.some((i) => num(i.score) !== null);
}

export function generateReport(pkg: Package, material: ReportMaterial | null, findings: Finding[], options: ReportOptions = {}): ReportDocument {
  const ctx: Ctx = {
    pkg,
    y: pkg.year,
    m: { ...emptyMaterial(), ...(material ?? {}) },
    preset: options.preset ?? HUNAN_2024,
    basic: pkg.basic,
    evaluation: pkg.selfEvaluation,
    projects: pkg.projects.filter(projectHasFigures),
    said: new Set(),
    split: basicSplitFromFinalAccounts(options.finalAccounts),
    finalAccounts: options.finalAccounts ?? null,
  };
  const unit = isPlaceholder(pkg.unit) ? "" : pkg.unit.trim();
  // Broken at the meaning boundary: the unit on its own line, then "2024年度部门整体支出绩效自评报告".
  const blocks: ReportBlock[] = [title(unit, `${ctx.y}${REPORT_TITLE_SUFFIX}`)];
  blocks.push(...warningBlocks(findings, options.warningExamples ?? 3));
  blocks.push(...opening(ctx));
  SECTIONS.forEach((build, i) => blocks.push(heading(1, sectionHeading(i)), ...build(ctx)));
  blocks.push(...attachments(ctx), signature(ctx, unit));
  return { unit, year: ctx.y, blocks };
}

/** 《…》 around a notice title typed without them. */
const bookTitle = (t: string): string => (/^《.*》$/.test(t) ? t : `《${t.replace(/^[《]|[》]$/g, "")}》`);
const strip = (t: string): string => t.trim().replace(/[。；，,;]+$/, "");

/** The opening: 文件依据 (notice and number), 工作组织 and 评价时段 from 报告素材. */
function opening(ctx: Ctx): ReportBlock[] {
  const m = ctx.m;
  const notice = strip(m.noticeTitle);
  const number = strip(m.noticeNumber);
  const basis = notice ? `根据${bookTitle(notice)}${number ? `（${number}）` : ""}文件精神` : number ? `根据${number}文件精神` : "根据部门整体支出绩效自评工作要求";
  const org = strip(m.organizationWork);
  const period = strip(m.period);
  const text = `为加强预算绩效管理，提高财政资金使用效益，${basis}，${org ? `${org}，` : ""}${period ? `于${period}` : ""}对本部门${ctx.y}年度部门整体支出情况开展了绩效自评。现将有关情况报告如下。`;
  const missing = [!notice ? "通知名称" : "", !number ? "通知文号" : "", !period ? "评价时段" : "", !org ? "工作组织" : ""].filter(Boolean);
  return [para(text), ...(missing.length ? [fillIn(`${missing.join("、")}（本次自评的文件依据和组织情况）`)] : [])];
}

/** The 附件 list: exactly the sheets the package has, in order ("附件：1．2024年度部门整体支出绩效评价基础数据表"). */
function attachments(ctx: Ctx): ReportBlock[] {
  const items: string[] = [];
  if (ctx.basic) items.push(`${ctx.y}${BASIC_TITLE_SUFFIX}`);
  if (ctx.evaluation) items.push(`${ctx.y}${SELF_EVALUATION_TITLE_SUFFIX}`);
  ctx.projects.forEach((p, i) => items.push(`${ctx.y}${PROJECT_TITLE_SUFFIX}（${projectName(p, i)}）`));
  if (items.length === 0) return [];
  // Later items align under the first one's number: "附件：" is three characters wide.
  // One blank line between the body and the 附件 list (GB/T 9704 7.3.4).
  return [paragraph(""), ...items.map((t, i) => para(`${i === 0 ? "附件：" : "\u3000\u3000\u3000"}${i + 1}．${t}`))];
}

/** "2025.4.17" / "2025-04-17" → "2025年4月17日"; other texts as typed. */
export function chineseDate(text: string): string {
  const m = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : text.trim();
}

/** 落款: unit and date (成文日期 from 报告素材, else 附件1's 填报日期). */
function signature(ctx: Ctx, unit: string): ReportBlock {
  const who = ctx.m.signatureUnit.trim() || unit;
  const date = chineseDate(ctx.m.signatureDate) || chineseDate(ctx.basic?.signature.date ?? "");
  const line = (text: string, what: string): Run[] => [text ? { text } : { text: promptText("待填写", `请在「${MATERIAL_SHEET_NAME}」工作表填写${what}`), prompt: true }];
  return { kind: "signature", lines: [line(who, "落款单位"), line(date, "成文日期")] };
}

/** When the checker found 错误, the report says so first: its figures are the sheets' and may be wrong. */
function warningBlocks(findings: Finding[], examples: number): ReportBlock[] {
  const errors = findings.filter((f) => f.severity === "错误");
  if (errors.length === 0) return [];
  const quoted = errors.slice(0, examples).map((f, i) => `（${i + 1}）${f.sheet}${f.cell ? ` ${f.cell}` : ""}：${f.message.replace(/[。；]$/, "").replace(/[【】]/g, "")}`);
  const more = errors.length > examples ? `等` : "";
  return [
    prompt(
      "请核对",
      `${WARNING_PREFIX.slice("【请核对：".length)}${errors.length}处错误，本报告中的数字取自表格，更正之前可能与实际不符：${quoted.join("；")}${more}。请更正表格后重新生成报告`,
    ),
  ];
}

/** A conflict between two tables, said once: the sentence used `used`; the prompt names the other table's figure. */
function conflict(ctx: Ctx, key: string, text: string): ReportBlock[] {
  if (ctx.said.has(key)) return [];
  ctx.said.add(key);
  return [prompt("请核对", text)];
}

// ---- The sections, in order ----

const SECTIONS: ((ctx: Ctx) => ReportBlock[])[] = [
  basicSituation,
  generalBudget,
  (ctx) => govFund(ctx),
  stateCapital,
  (ctx) => budgetOfItsOwn(ctx, "社会保险基金预算支出", materialFigure(ctx.m.socialInsuranceExpense)),
  performance,
  (ctx) => materialParagraphs(ctx.m.problems, "存在的问题及原因分析"),
  (ctx) => materialParagraphs(ctx.m.improvements, "下一步改进措施"),
  (ctx) =>
    ctx.m.resultUse.trim()
      ? materialParagraphs(ctx.m.resultUse, "结果应用和公开情况")
      : [para("本部门将按规定公开绩效自评报告，接受社会监督；对自评中发现的问题及时整改，并将自评结果作为以后年度预算编制和安排的重要参考。")],
  (ctx) => (ctx.m.other.trim() ? materialParagraphs(ctx.m.other, "其他需要说明的情况") : [para("无。")]),
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
    ...staffParagraphs(ctx),
    ...(ctx.m.staffNotes.trim() ? materialParagraphs(ctx.m.staffNotes, "人员情况说明") : []),
    heading(2, `${sub(3)}整体收支情况`),
    ...fundsParagraphs(ctx),
    heading(2, `${sub(4)}绩效目标`),
    ...materialParagraphs(isPlaceholder(goals) ? "" : goals, "年度绩效目标"),
  ];
}

/** 在职人员控制率 = 实际在职人数 ÷ 编制数 (附件1). */
function staffRate(ctx: Ctx): Dec | null {
  const authorized = num(ctx.basic?.staff.authorized);
  const actual = num(ctx.basic?.staff.actual);
  if (authorized === null || actual === null) return null;
  const r = rate(actual, authorized);
  return r.ok ? r.value : null;
}

function staffParagraphs(ctx: Ctx): ReportBlock[] {
  const authorized = num(ctx.basic?.staff.authorized);
  const actual = num(ctx.basic?.staff.actual);
  if (authorized === null || actual === null) return [prompt("待填写", "基础数据表未填写编制数或实际在职人数，请填写后重新生成报告")];
  const r = staffRate(ctx);
  const head = `本部门编制数${count(authorized)}人，${ctx.y}年实际在职人数${count(actual)}人`;
  if (r === null) return [para(`${head}。`)];
  const over = actual.minus(authorized);
  const tail = over.greaterThan(0) ? `，超出编制${count(over)}人` : "，实际在职人数控制在编制数以内";
  return [para(`${head}，在职人员控制率${fmtPercent(r)}${tail}。`)];
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

/**
 * 项目支出 (万元), one figure for the whole report. The designated table is 附件1 基础数据表 (项目支出,
 * 本年决算数): it is the 决算 figure the unit publishes and 附件1 splits it. 附件2's 按支出性质分 项目支出 is
 * used only when 附件1 has none; when both are filled and differ, the report says 附件1's figure and a
 * 【请核对：…】 prompt names 附件2's (docs/report.md).
 */
function projectSpending(ctx: Ctx): { value: Dec | null; conflict: ReportBlock[] } {
  const fromBasic = num(ctx.basic?.project.final);
  const fromEvaluation = num(ctx.evaluation?.byExpense.project);
  if (fromBasic === null) return { value: fromEvaluation, conflict: [] };
  if (fromEvaluation === null || round(fromEvaluation, 2).equals(round(fromBasic, 2))) return { value: fromBasic, conflict: [] };
  return {
    value: fromBasic,
    conflict: conflict(
      ctx,
      "project",
      `项目支出两表不一致：附件1基础数据表${ctx.y}年决算数为${money(fromBasic)}，附件2自评表“按支出性质分”填写为${money(fromEvaluation)}。本报告按附件1写${money(fromBasic)}，请更正后重新生成`,
    ),
  };
}

function fundsParagraphs(ctx: Ctx): ReportBlock[] {
  const e = ctx.evaluation;
  if (!e) return [prompt("待填写", "本次材料未包含部门整体支出绩效自评表（附件2），整体收支情况无从填写，请插入并填写自评表")];
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
    parts.length ? para(`${ctx.y}年度本部门整体支出${parts.join("，")}。`) : prompt("待填写", `自评表未填写${ctx.y}年度预算数和执行数`),
  ];
  const income = split([
    ["一般公共预算", num(e.byIncome.general)],
    ["政府性基金拨款", num(e.byIncome.govFund)],
    ["纳入专户管理的非税收入拨款", num(e.byIncome.specialAccount)],
    ["其他资金", num(e.byIncome.other)],
  ]);
  const project = projectSpending(ctx);
  const expense = split([
    ["基本支出", num(e.byExpense.basic)],
    ["项目支出", project.value],
  ]);
  if (income) out.push(para(`按收入性质分：${income}。`));
  if (expense) out.push(para(`按支出性质分：${expense}。`), ...project.conflict);
  return out;
}

/** "基本支出2669.31万元，占12.75%；项目支出…": non-zero parts with their share of the split's own total. */
function split(items: [label: string, value: Dec | null][]): string {
  const parts = items.filter((p): p is [string, Dec] => p[1] !== null && !p[1].isZero());
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

/** "公用经费预算数441.03万元，实际支出347.38万元，公用经费控制率78.77%，较上年（362.72万元）减少15.34万元，下降4.23%" */
function controlSentence(label: string, rateLabel: string, t: { prev: Dec | null; budget: Dec | null; final: Dec | null }): string {
  let text = label;
  if (t.budget !== null) text += `预算数${money(t.budget)}，`;
  text += t.final !== null && t.final.isZero() ? "实际未发生支出" : `实际支出${money(t.final as Dec)}`;
  const r = t.budget !== null && t.final !== null ? rate(t.final, t.budget) : null;
  if (r?.ok) text += `，${rateLabel}${fmtPercent(r.value)}`;
  return text + yearOnYear(t.final as Dec, t.prev);
}

function basicExpense(ctx: Ctx): ReportBlock[] {
  const out: ReportBlock[] = [];
  const basic = num(ctx.evaluation?.byExpense.basic);
  const pf = triple(ctx.basic?.publicFunds);
  // 人员经费 is not on the forms: only as the unit states it in 报告素材, or as 公开06表 publishes it;
  // never 基本支出 − 公用经费.
  const staff = materialAmount(ctx.m.staffFinal) ?? ctx.split?.personnel ?? null;
  if (basic !== null) {
    const parts = [staff !== null ? withShare("人员经费", staff, basic) : "", pf.final !== null ? withShare("公用经费", pf.final, basic) : ""].filter(Boolean);
    out.push(para(`${ctx.y}年基本支出${money(basic)}${parts.length ? `，其中${parts.join("；")}` : ""}。`));
    // 基本支出 = 人员经费 + 公用经费 (部门决算口径): the typed 人员经费 must close the sum.
    if (staff !== null && pf.final !== null && !round(staff.plus(pf.final), 2).equals(round(basic, 2))) {
      out.push(
        ...conflict(
          ctx,
          "staffExpense",
          `人员经费与表格对不上：报告素材的人员经费${money(staff)} + 基础数据表的公用经费${money(pf.final)} = ${money(staff.plus(pf.final))}，自评表的基本支出为${money(basic)}。请核对人员经费（按决算填写）或基本支出后重新生成`,
        ),
      );
    }
  }
  if (pf.final !== null) {
    let text = controlSentence("公用经费", "公用经费控制率", pf);
    const items: [string, Dec][] = [];
    for (const [label, t] of [
      ["办公经费", ctx.basic?.office],
      ["水费、电费、差旅费", ctx.basic?.utilitiesTravel],
      ["会议费、培训费", ctx.basic?.meetingTraining],
    ] as const) {
      const v = num(t?.final);
      if (v !== null) items.push([label, v]);
    }
    if (items.length) text += `。其中${items.map(([label, v]) => (v.isZero() ? `${label}未发生` : `${label}${money(v)}`)).join("，")}`;
    out.push(para(`${text}。`));
  }
  if (out.length === 0) out.push(prompt("待填写", "自评表和基础数据表未填写基本支出和公用经费"));
  return out;
}

function projectExpense(ctx: Ctx): ReportBlock[] {
  const p = triple(ctx.basic?.project);
  const spending = projectSpending(ctx);
  if (p.final === null) {
    return spending.value !== null ? [para(`${ctx.y}年项目支出${money(spending.value)}。`)] : [prompt("待填写", "基础数据表未填写项目支出")];
  }
  let text = controlSentence(`${ctx.y}年项目支出`, "项目经费控制率", p);
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
  return [para(`${text}。`), ...spending.conflict];
}

const SANGONG_ROWS: [key: keyof BasicData, label: string][] = [
  ["vehicle", "公务用车购置和维护经费"],
  ["vehiclePurchase", "其中：公车购置"],
  ["vehicleOperation", "公车运行维护"],
  ["overseas", "因公出国（境）费"],
  ["reception", "公务接待费"],
];

/** "公务接待费0.09万元" or, for zero spending, "因公出国（境）费未发生". */
const spent = (label: string, v: Dec): string => (v.isZero() ? `${label}未发生` : `${label}${money(v)}`);

function sangong(ctx: Ctx): ReportBlock[] {
  const b = ctx.basic;
  const s = triple(b?.sangong);
  const written = b?.sangong.final;
  if (b && s.final === null && typeof written === "string" && written.trim() && !isNotApplicable(written)) {
    return [prompt("请核对", `基础数据表“三公”经费（${ctx.y}年决算数）填写为「${written.trim()}」，不是金额（万元），请更正后重新生成报告`)];
  }
  if (!b || s.final === null) return [prompt("待填写", "基础数据表未填写“三公”经费")];
  let text = controlSentence(`${ctx.y}年“三公”经费`, "三公经费控制率", s);
  const v = triple(b.vehicle);
  const vp = triple(b.vehiclePurchase);
  const vo = triple(b.vehicleOperation);
  const items: string[] = [];
  if (v.final !== null) {
    const inner = v.final.isZero() ? [] : [vp.final !== null ? spent("公车购置", vp.final) : "", vo.final !== null ? spent("公车运行维护", vo.final) : ""].filter(Boolean);
    items.push(`${spent("公务用车购置和维护经费", v.final)}${inner.length ? `（${inner.join("，")}）` : ""}`);
  }
  const o = triple(b.overseas);
  if (o.final !== null) items.push(spent("因公出国（境）费", o.final));
  const rc = triple(b.reception);
  if (rc.final !== null) items.push(spent("公务接待费", rc.final));
  if (items.length && !s.final.isZero()) text += `。其中${items.join("，")}`;
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
  return [para(`${text}。`), table];
}

// 三、政府性基金预算支出情况
function govFund(ctx: Ctx): ReportBlock[] {
  // Without 附件2 nothing says whether there was any: ask, never state 无.
  if (!ctx.evaluation) return [prompt("待填写", "本次材料未包含部门整体支出绩效自评表（附件2），政府性基金预算支出无从填写，请插入并填写自评表")];
  const income = ctx.evaluation.byIncome;
  // A blank 按收入性质分 block (a template not yet filled) says nothing either; a filled one with 政府性基金拨款 blank or 0 is 无.
  if ([income.total, income.general, income.govFund, income.specialAccount, income.other].every((x) => num(x) === null)) {
    return [prompt("待填写", "自评表「按收入性质分」未填写，无从判断有无政府性基金预算支出，请填写后重新生成报告")];
  }
  // A text that is not an amount (and not 无 / — / /) is asked about, never read as 无 (a silent zero).
  const raw = income.govFund;
  if (typeof raw === "string" && raw.trim() && !isNotApplicable(raw) && num(raw) === null) {
    return [prompt("请核对", `自评表「政府性基金拨款」填写为「${raw.trim()}」，不是金额（万元），无从判断有无政府性基金预算支出，请更正后重新生成报告`)];
  }
  const v = num(raw);
  if (v === null || v.isZero()) return [para(`本部门${ctx.y}年度无政府性基金预算支出。`)];
  return [para(`本部门${ctx.y}年度政府性基金拨款${money(v)}。`)];
}

// 四、五、国有资本经营 / 社会保险基金预算支出: neither 附件1 nor 附件2 holds them, so they are never stated as 无
// without a source: 公开08表 when the 决算 tables are given, else 报告素材, else a prompt.

/** 四: 公开08表 本年支出 合计 when that table was read, else 报告素材. */
function stateCapital(ctx: Ctx): ReportBlock[] {
  const table = ctx.finalAccounts?.stateCapital;
  const fromTable = table ? (num(table.total.total ?? null) ?? ZERO) : null;
  return budgetOfItsOwn(ctx, "国有资本经营预算支出", fromTable !== null ? { amount: fromTable } : materialFigure(ctx.m.stateCapitalExpense));
}

/**
 * A 报告素材 amount (万元) for 四/五: 0 or a text meaning none (无, —, /) → 0; a number → itself; blank → unknown;
 * any other text (“十二万”) → `bad`, to be named in the prompt rather than asked for as if it were blank.
 */
function materialFigure(text: string): { amount: Dec | null; bad?: string } {
  const t = text.trim();
  if (!t) return { amount: null };
  if (isNotApplicable(t)) return { amount: ZERO };
  const amount = amountOrNull(t);
  return amount === null ? { amount: null, bad: t } : { amount };
}

/** "本部门2024年度无…。" for 0, "本部门2024年度…12.50万元。" for an amount, a prompt to fill in 报告素材 when unknown. */
function budgetOfItsOwn(ctx: Ctx, what: string, figure: { amount: Dec | null; bad?: string }): ReportBlock[] {
  const { amount, bad } = figure;
  if (bad !== undefined) return [prompt("待填写", `「${MATERIAL_SHEET_NAME}」工作表的${what}填写为「${bad}」，不是金额：请填写万元数字，没有则填0`)];
  if (amount === null) return [fillIn(`${what}（万元，没有则填0）`)];
  if (amount.isZero()) return [para(`本部门${ctx.y}年度无${what}。`)];
  return [para(`本部门${ctx.y}年度${what}${money(amount)}。`)];
}

// 六、部门整体支出绩效情况

/** The aspects of part 六, as the real reports narrate them (seed 003: 运行成本 / 管理效率 / 履职效能 / 社会效应 …). */
type Aspect = "cost" | "management" | "performance" | "effect" | "satisfaction";

const ASPECT_TITLES: [Aspect, string][] = [
  ["cost", "运行成本方面"],
  ["management", "管理效率方面"],
  ["performance", "履职效能方面"],
  ["effect", "社会效应和可持续发展能力方面"],
  ["satisfaction", "服务对象满意度方面"],
];

/** 产出 indicators about budget, money, procurement and assets are 管理效率 (as seed 003 narrates them). */
const MANAGEMENT_RE = /预算|决算|调整率|执行率|资金|财务|合规|采购|资产|监控|内控|人员控制/;

/**
 * Where an indicator of 附件2 is narrated: by its 二级/一级指标 (成本指标 → 运行成本, 效益指标 → 社会效应,
 * 满意度指标 → 服务对象满意度), an 产出 indicator about management by its name, the rest under 履职效能.
 */
function aspectOf(i: Indicator): Aspect {
  const l1 = i.level1.replace(/\s+/g, "");
  const l2 = i.level2.replace(/\s+/g, "");
  if (/成本/.test(l2)) return "cost";
  if (/满意/.test(l1) || /满意/.test(l2)) return "satisfaction";
  if (/效益|影响/.test(l1) || /效益|影响/.test(l2)) return "effect";
  if (MANAGEMENT_RE.test(i.name.replace(/\s+/g, ""))) return "management";
  return "performance";
}

/**
 * The indicators whose 实际完成值 is a rate the tables compute (附件1 amounts, 报告素材 for 人员经费).
 * The report states the computed rate; a typed 实际完成值 that differs gets a 【请核对：…】 prompt.
 */
interface Computed {
  key: string;
  name: string;
  /** Is this the indicator? (its 三级指标 name, spaces removed) */
  match: RegExp;
  aspect: Aspect;
  /** The sentence of facts (without the final 。) and the rate it states; null when the tables are blank. */
  facts: (ctx: Ctx) => { text: string; rate: Dec | null } | null;
  /** When there are no facts: a prompt instead (人员经费 is not on the forms). */
  missing?: string;
  /** Where the missing figures are filled in, when not in 报告素材 (“基础数据表（附件1）”). */
  where?: string;
}

const BASIC_FORM = "基础数据表（附件1）";

const COMPUTED: Computed[] = [
  {
    key: "publicFunds",
    name: "公用经费控制率",
    match: /公用经费控制率/,
    aspect: "cost",
    facts: (ctx) => {
      const t = triple(ctx.basic?.publicFunds);
      if (t.final === null) return null;
      const r = t.budget !== null ? rate(t.final, t.budget) : null;
      return { text: controlSentence("公用经费", "控制率", t), rate: r?.ok ? r.value : null };
    },
    missing: "公用经费的预算数和决算数（万元）",
    where: BASIC_FORM,
  },
  {
    key: "staffExpense",
    name: "人员经费控制率",
    match: /人员经费控制率/,
    aspect: "cost",
    facts: (ctx) => {
      const budget = materialAmount(ctx.m.staffBudget);
      const final = materialAmount(ctx.m.staffFinal);
      if (final === null) return null;
      const r = budget !== null ? rate(final, budget) : null;
      return { text: controlSentence("人员经费", "控制率", { prev: null, budget, final }), rate: r?.ok ? r.value : null };
    },
    missing: "人员经费预算数和实际支出（表格中没有这两个数，按决算填写）",
  },
  {
    key: "sangong",
    name: "“三公”经费控制率",
    match: /三公经费控制率|“三公”经费控制率/,
    aspect: "cost",
    facts: (ctx) => {
      const t = triple(ctx.basic?.sangong);
      if (t.final === null) return null;
      const r = t.budget !== null ? rate(t.final, t.budget) : null;
      return { text: controlSentence("“三公”经费", "控制率", t), rate: r?.ok ? r.value : null };
    },
    missing: "“三公”经费的预算数和决算数（万元）",
    where: BASIC_FORM,
  },
  {
    key: "projectControl",
    name: "项目经费控制率",
    match: /项目经费控制率/,
    aspect: "cost",
    facts: (ctx) => {
      const t = triple(ctx.basic?.project);
      if (t.final === null) return null;
      const r = t.budget !== null ? rate(t.final, t.budget) : null;
      return { text: controlSentence("项目支出", "控制率", t), rate: r?.ok ? r.value : null };
    },
    missing: "项目支出的预算数和决算数（万元）",
    where: BASIC_FORM,
  },
  {
    key: "execution",
    name: "预算执行率",
    match: /^(部门)?(整体)?(支出)?预算执行率$/,
    aspect: "management",
    facts: (ctx) => {
      const e = ctx.evaluation;
      if (!e) return null;
      const budget = num(e.funds[ctx.preset.executionDenominator]);
      const executed = num(e.funds.executed);
      const r = executionRate(e.funds, ctx.preset);
      const parts: string[] = [];
      if (budget !== null) parts.push(`${DENOMINATOR_LABEL[ctx.preset.executionDenominator]}${money(budget)}`);
      if (executed !== null) parts.push(`全年执行数${money(executed)}`);
      if (r !== null) parts.push(`预算执行率${fmtPercent(r)}`);
      if (parts.length === 0) return null;
      const pts = executionPoints(e.funds, ctx.preset, ctx.preset.weights.execution);
      const weight = num(e.funds.weight) ?? new D(ctx.preset.weights.execution);
      const score = pts !== null ? `。分值${weightText(weight)}，得分${weightText(pts)}` : "";
      return { text: parts.join("，") + score, rate: r };
    },
    missing: "年度资金总额的预算数和执行数（万元）",
    where: "自评表（附件2）",
  },
  {
    key: "staff",
    name: "在职人员控制率",
    match: /在职人员控制率/,
    aspect: "management",
    facts: (ctx) => {
      const authorized = num(ctx.basic?.staff.authorized);
      const actual = num(ctx.basic?.staff.actual);
      const r = staffRate(ctx);
      if (authorized === null || actual === null || r === null) return null;
      const tail = actual.greaterThan(authorized) ? `，超出编制${count(actual.minus(authorized))}人` : "，实际人数控制在编制数以内";
      return { text: `编制数${count(authorized)}人，实际在职人数${count(actual)}人，在职人员控制率${fmtPercent(r)}${tail}`, rate: r };
    },
  },
];

/** Does the typed 实际完成值 ("78.76%") state the computed rate at the decimals written? null when it is not a percentage. */
function typedRateAgrees(actual: Raw, computed: Dec): boolean | null {
  const t = typeof actual === "number" ? null : String(actual ?? "").trim();
  const m = t ? /^(\d+(?:\.(\d+))?)\s*[%％]$/.exec(t) : null;
  if (!m) return typeof actual === "number" ? round(new D(actual), 4).equals(round(computed, 4)) || round(new D(actual), 2).equals(round(computed.times(100), 2)) : null;
  const dp = m[2]?.length ?? 0;
  return round(computed.times(100), dp).equals(new D(m[1]));
}

function performance(ctx: Ctx): ReportBlock[] {
  const e = ctx.evaluation;
  const out: ReportBlock[] = [...totalParagraph(ctx)];
  const indicators = (e?.indicators ?? []).filter(isRealIndicator);
  if (indicators.length) out.push(para(indicatorSummary(indicators)));
  const byAspect = new Map<Aspect, ReportBlock[]>(ASPECT_TITLES.map(([a]) => [a, []]));
  const counters = new Map<Aspect, number>();
  /** "1．公用经费控制率：…" numbered within its aspect, then its prompts and 偏差原因. */
  const numbered = (a: Aspect, first: string, ...after: ReportBlock[]) => {
    const n = (counters.get(a) ?? 0) + 1;
    counters.set(a, n);
    (byAspect.get(a) as ReportBlock[]).push(para(`${n}．${first}`), ...after);
  };
  const used = new Set<Indicator>();
  for (const c of COMPUTED) {
    const ind = indicators.find((i) => !used.has(i) && c.match.test(i.name.replace(/\s+/g, "")));
    if (ind) used.add(ind);
    const facts = c.facts(ctx);
    // A computed item is narrated when the tables hold its figures, or 附件2 scores it, or it is 人员经费 (always reported).
    if (!facts && !ind && !c.missing) continue;
    if (!facts && !ind && c.key !== "staffExpense") continue;
    const name = ind ? ind.name.trim() : c.name;
    const score = ind ? scoreSentence(ind) : "";
    if (!facts) {
      const ask = c.where ? prompt("待填写", `请在${c.where}填写${c.missing ?? `${name}的数据`}`) : fillIn(c.missing ?? `${name}的数据`);
      numbered(c.aspect, `${name}：${ind ? indicatorFacts(ind) : ""}${score}`.replace(/：$/, "。"), ask, ...reasonBlocks(ind));
      continue;
    }
    const after: ReportBlock[] = [];
    if (ind && facts.rate !== null) {
      const agrees = typedRateAgrees(ind.actual, facts.rate);
      if (agrees === false) {
        after.push(
          ...conflict(
            ctx,
            `rate:${c.key}`,
            `${name}：自评表填写的实际完成值为${raw(ind.actual)}，按表格计算为${fmtPercent(facts.rate)}。本报告写${fmtPercent(facts.rate)}，请更正自评表后重新生成`,
          ),
        );
      }
    }
    numbered(c.aspect, `${name}：${facts.text}。${score}`, ...after, ...reasonBlocks(ind));
  }
  for (const ind of indicators) {
    if (used.has(ind)) continue;
    numbered(aspectOf(ind), `${ind.name.trim()}：${indicatorFacts(ind)}${scoreSentence(ind)}`.replace(/：$/, "。"), ...reasonBlocks(ind));
  }
  let k = 0;
  for (const [a, label] of ASPECT_TITLES) {
    const list = byAspect.get(a) as ReportBlock[];
    if (list.length) out.push(heading(2, `${sub(k++)}${label}`), ...list);
  }
  out.push(heading(2, `${sub(k++)}主要成绩`));
  const achievements = ctx.m.achievements.map((t) => t.trim()).filter(Boolean);
  if (achievements.length === 0) out.push(fillIn("主要成绩，每项一行"));
  achievements.forEach((t, i) => out.push(para(/^\s*[（(]?[0-9一二三四五六七八九十]+[.．、)）]/.test(t) ? t : `${i + 1}．${t}`)));
  if (ctx.projects.length) out.push(heading(2, `${sub(k++)}项目支出绩效情况`), ...projectParagraphs(ctx));
  return out;
}

/** "年度指标值≥90%，实际完成值87.18%。" ("" when neither is filled). */
function indicatorFacts(i: Indicator): string {
  const facts = [raw(i.target) ? `年度指标值${raw(i.target)}` : "", raw(i.actual) ? `实际完成值${raw(i.actual)}` : ""].filter(Boolean);
  return facts.length ? `${facts.join("，")}。` : "";
}

/** "分值5分，得分4分。" — both at their own shortest precision; "" when the 得分 is blank. */
function scoreSentence(i: Indicator): string {
  const w = num(i.weight);
  const s = num(i.score);
  if (s === null) return "";
  return w !== null ? `分值${weightText(w)}，得分${weightText(s)}。` : `得分${weightText(s)}。`;
}

/** Below full marks: the 偏差原因 as written, or a prompt to write it; a blank 得分: a prompt too. */
function reasonBlocks(i: Indicator | undefined): ReportBlock[] {
  if (!i) return [];
  const w = num(i.weight);
  const s = num(i.score);
  const name = i.name.trim();
  if (s === null) return [prompt("待填写", `「${name}」的自评得分尚未填写，请在自评表填写后重新生成`)];
  if (w === null || !s.lessThan(w)) return [];
  const reason = i.reason.trim() && !isPlaceholder(i.reason) ? i.reason.trim().replace(/[。；;]$/, "") : "";
  return reason ? [para(`偏差原因及改进措施：${reason}。`)] : [prompt("待填写", `「${name}」未得满分，请在自评表填写偏差原因分析及改进措施`)];
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

function totalParagraph(ctx: Ctx): ReportBlock[] {
  const e = ctx.evaluation;
  if (!e) return [prompt("待填写", "本次材料未包含部门整体支出绩效自评表（附件2），总分和评价等级无从填写")];
  const total = totalScore(e, e.funds, ctx.preset, ctx.preset.weights.execution);
  if (total === null) return [prompt("待填写", "自评表的得分尚未填写完整，填写全部得分后重新生成本报告，即可写出总分和评价等级")];
  const statedGrade = typeof e.total.grade === "string" ? e.total.grade.replace(/[“”"\s]/g, "") : "";
  const g = statedGrade && !isPlaceholder(statedGrade) ? statedGrade : grade(total, ctx.preset.grades).name;
  return [para(`根据部门整体支出绩效评价指标体系，本部门${ctx.y}年度整体支出绩效自评得分${points(total)}，评价等级为“${g}”（详见附件2）。具体情况如下：`)];
}

/** A named indicator row that carries a 分值 or a 得分 (a named row left blank is an unused template row). */
const isRealIndicator = (i: Indicator): boolean => Boolean(i.name.trim()) && !isPlaceholder(i.name) && (num(i.weight) !== null || num(i.score) !== null);

/** "产出指标" from "产出指标（50分）". */
const level1Name = (l: string): string => l.replace(/[（(].*$/, "").replace(/\s+/g, "");

/** "本部门共设置三级绩效指标24项。产出指标分值50分，得分46.5分；…" */
function indicatorSummary(list: Indicator[]): string {
  const groups = new Map<string, { weight: Dec; score: Dec; complete: boolean }>();
  for (const ind of list) {
    const key = level1Name(ind.level1) || "其他指标";
    const g = groups.get(key) ?? { weight: ZERO, score: ZERO, complete: true };
    const w = num(ind.weight);
    const s = num(ind.score);
    if (w === null || s === null) g.complete = false;
    groups.set(key, { weight: g.weight.plus(w ?? 0), score: g.score.plus(s ?? 0), complete: g.complete });
  }
  const summary = [...groups].map(([name, g]) => (g.complete ? `${name}分值${weightText(g.weight)}，得分${weightText(g.score)}` : `${name}分值${weightText(g.weight)}`));
  return `本部门共设置三级绩效指标${list.length}项。${summary.join("；")}。`;
}

/** An indicator value as typed ("≥90%", 87.18 → "87.18"); a sentence in quotes; "" for blanks and placeholders. */
function raw(v: Raw): string {
  if (v === null) return "";
  const t = String(v).trim().replace(/[。；;，,]+$/, "");
  if (isPlaceholder(t)) return "";
  return /[，。；、,;]/.test(t) ? `“${t}”` : t;
}

function projectName(p: ProjectEvaluation, i: number): string {
  return p.name.trim() && !isPlaceholder(p.name) ? p.name.trim() : `第${i + 1}个项目`;
}

function projectParagraphs(ctx: Ctx): ReportBlock[] {
  const projects = ctx.projects;
  let budget = ZERO;
  let executed = ZERO;
  for (const p of projects) {
    budget = budget.plus(num(p.funds.total.fullBudget) ?? 0);
    executed = executed.plus(num(p.funds.total.executed) ?? 0);
  }
  const out: ReportBlock[] = [
    // The sums of the 附件3 sheets, named as such: not 附件1's 项目支出 (a different quantity, which may cover more projects).
    para(`本部门${ctx.y}年度对${projects.length}个项目开展了项目支出绩效自评，这${projects.length}个项目的预算数合计${money(budget)}，执行数合计${money(executed)}。各项目情况如下：`),
  ];
  projects.forEach((p, i) => out.push(...projectLine(p, i, ctx.preset)));
  return out;
}

/** One line per project: its budget, execution, rate and its own score; a blank score is a prompt. */
function projectLine(p: ProjectEvaluation, i: number, preset: Preset): ReportBlock[] {
  const name = projectName(p, i);
  const full = num(p.funds.total.fullBudget);
  const executed = num(p.funds.total.executed);
  const r = executionRate(p.funds.total, preset);
  const total = totalScore(p, p.funds.total, preset, preset.projectExecutionWeight);
  const facts = [
    full !== null ? `预算数${money(full)}` : "",
    executed !== null ? `执行数${money(executed)}` : "",
    r !== null ? `执行率${fmtPercent(r)}` : "",
    total !== null ? `自评得分${points(total)}` : "",
  ].filter(Boolean);
  const line = para(`${i + 1}．${name}${facts.length ? `：${facts.join("，")}` : ""}。`);
  return total !== null ? [line] : [line, prompt("待填写", `「${name}」的自评得分未填写完整，请在附件3填写后重新生成`)];
}
