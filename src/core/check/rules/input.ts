/** Rules on single cells: not a number, placeholders left, negative amounts, amounts in 元, required figures missing. */
import { isPlaceholder } from "../../amount";
import { D, type Dec } from "../../decimal";
import type { Package } from "../../model";
import { HUNAN_2024 } from "../../preset";
import { basicTemplate } from "../../template/basic";
import { layoutSheet, type SheetLayout } from "../../template/layout";
import { projectTemplate } from "../../template/project";
import { selfEvaluationTemplate } from "../../template/selfEvaluation";
import type { ValueType } from "../../template/types";
import { type CheckContext, money } from "../context";
import type { Rule } from "../types";

const NUMERIC: ReadonlySet<ValueType> = new Set(["amount", "count", "rate", "score", "weight", "area"]);
const EXPECTED: Record<string, string> = {
  amount: "金额（万元，数字）",
  count: "人数（整数）",
  rate: "百分比（如 85.23%）",
  score: "得分（数字）",
  weight: "分值（数字）",
  area: "面积（㎡，数字）",
};

/** Field pattern ("indicators.*.score") → type, per form, as the templates declare them. Computed once. */
let patternTypes: Record<"basic" | "selfEvaluation" | "project", Map<string, ValueType>> | null = null;

function typesOf(layout: SheetLayout): Map<string, ValueType> {
  const m = new Map<string, ValueType>();
  for (const c of layout.cells) if (c.field && c.type) m.set(c.field.replace(/\.\d+\./g, ".*."), c.type);
  return m;
}

function patterns() {
  if (!patternTypes) {
    const params = { year: 2024, preset: HUNAN_2024, specialFundRows: 1 };
    patternTypes = {
      basic: typesOf(layoutSheet(basicTemplate(params))),
      selfEvaluation: typesOf(layoutSheet(selfEvaluationTemplate(params))),
      project: typesOf(layoutSheet(projectTemplate(params))),
    };
  }
  return patternTypes;
}

/** Every leaf of the package that a template cell holds, with the cell's type. */
export function typedFields(pkg: Package): { path: string; type: ValueType }[] {
  const out: { path: string; type: ValueType }[] = [];
  const p = patterns();
  const walk = (value: unknown, path: string, pattern: string, types: Map<string, ValueType>, prefix: string) => {
    if (value !== null && typeof value === "object") {
      const isArray = Array.isArray(value);
      for (const [k, v] of Object.entries(value)) {
        const sep = path ? "." : "";
        walk(v, path + sep + k, pattern + sep + (isArray ? "*" : k), types, prefix);
      }
      return;
    }
    const type = types.get(pattern);
    if (type) out.push({ path: prefix + path, type });
  };
  if (pkg.basic) walk(pkg.basic, "", "", p.basic, "basic.");
  if (pkg.selfEvaluation) walk(pkg.selfEvaluation, "", "", p.selfEvaluation, "selfEvaluation.");
  out.push({ path: "unit", type: "text" });
  pkg.projects.forEach((project, i) => walk(project, "", "", p.project, `projects.${i}.`));
  return out;
}

/** Cached per context: the rules below all walk the same list. */
const fieldsCache = new WeakMap<Package, { path: string; type: ValueType }[]>();
function fields(ctx: CheckContext) {
  let f = fieldsCache.get(ctx.pkg);
  if (!f) fieldsCache.set(ctx.pkg, (f = typedFields(ctx.pkg)));
  return f;
}

/** Figures that may legitimately be negative (调减). */
const SIGNED = /^basic\.basicAdjustment\./;

const REQUIRED_BASIC = ["basic.staff.authorized", "basic.staff.actual"];

export const inputRules: Rule[] = [
  {
    id: "INPUT.NOT_NUMBER",
    severity: "错误",
    title: "数字单元格中填了非数字",
    description: "金额、人数、比率、分值、得分单元格只能填数字。填成文字（如“7.50.”“约10万”）时，合计和公式会漏算或出错。",
    example: "三公经费（2024年决算数）填写为「7.50.」，不是数字，应为数字（万元，最多两位小数）。",
    run(ctx) {
      for (const { path, type } of fields(ctx)) {
        if (!NUMERIC.has(type)) continue;
        const p = ctx.parsed(path);
        if (p.kind !== "invalid") continue;
        ctx.report(path, `${ctx.label(path)}：${p.message}。`, EXPECTED[type], p.text);
      }
    },
  },
  {
    id: "INPUT.PLACEHOLDER",
    severity: "警告",
    title: "模板占位符未替换",
    description: "“××”“XX”“—”“/”等占位符是模板留给填报人替换的，提交前应改为实际内容（无数据的金额填0）。",
    example: "第1个专项资金的名称「××专项资金」仍是模板占位符，请填写实际内容。",
    run(ctx) {
      for (const { path, type } of fields(ctx)) {
        const raw = ctx.raw(path);
        if (typeof raw !== "string" || !isPlaceholder(raw)) continue;
        const hint = NUMERIC.has(type) ? "请填写数字，无数据填0" : "请填写实际内容";
        ctx.report(path, `${ctx.label(path)}「${raw.trim()}」仍是模板占位符，${hint}。`, NUMERIC.has(type) ? EXPECTED[type] : "实际内容", raw.trim());
      }
    },
  },
  {
    id: "INPUT.NEGATIVE",
    severity: "错误",
    title: "金额或人数为负数",
    description: "预算数、决算数、执行数、人数和面积不应为负数（部门基本支出预算调整除外，调减可为负）。",
    example: "公务接待（2024年决算数）为 -0.21，不应为负数。",
    run(ctx) {
      for (const { path, type } of fields(ctx)) {
        if (type !== "amount" && type !== "count" && type !== "area") continue;
        if (SIGNED.test(path)) continue;
        const v = ctx.num(path);
        if (v !== null && v.isNegative()) ctx.report(path, `${ctx.label(path)}为 ${v.toFixed()}，不应为负数。`, "≥ 0", v.toFixed());
      }
    },
  },
  {
    id: "INPUT.YUAN",
    severity: "警告",
    title: "金额疑似以元填写",
    description: "表中金额单位是万元。一个数大到不合常理（默认100万万元以上），或与同一行其他年度相差上千倍，多半是按元填的。",
    example: "三公经费（2024年决算数）为 14000.00，是同行其他数（1.50）的 9333 倍，疑似按元填写，应为 1.40 万元。",
    run(ctx) {
      const amounts = fields(ctx).filter((f) => f.type === "amount");
      const limit = new D(ctx.preset.tolerances.yuanSuspect);
      const flagged = new Set<string>();
      for (const { path } of amounts) {
        const v = ctx.num(path);
        if (v !== null && v.abs().greaterThanOrEqualTo(limit)) {
          flagged.add(path);
          ctx.report(path, `${ctx.label(path)}为 ${money(v)} 万元，数额异常大，疑似按元填写（应以万元为单位）。`, "以万元填写", money(v));
        }
      }
      // Rows: the same figure in three columns should be of one magnitude.
      const rows = new Map<string, { path: string; v: Dec }[]>();
      for (const { path } of amounts) {
        const v = ctx.num(path);
        if (v === null || !v.greaterThanOrEqualTo(1)) continue;
        const row = path.replace(/\.[^.]+$/, "");
        rows.set(row, [...(rows.get(row) ?? []), { path, v }]);
      }
      for (const cells of rows.values()) {
        if (cells.length < 2) continue;
        const max = cells.reduce((a, b) => (b.v.greaterThan(a.v) ? b : a));
        const min = cells.reduce((a, b) => (b.v.lessThan(a.v) ? b : a));
        if (flagged.has(max.path) || max.v.lessThan(min.v.times(1000))) continue;
        ctx.report(max.path, `${ctx.label(max.path)}为 ${money(max.v)}，是同行${ctx.label(min.path)} ${money(min.v)} 的 ${max.v.dividedBy(min.v).toFixed(0)} 倍，疑似按元填写。`, "以万元填写", money(max.v));
      }
    },
  },
  {
    id: "INPUT.REQUIRED",
    severity: "警告",
    title: "必填数字未填",
    description: "编制数、实际在职人数、全年预算数、全年执行数、得分等是计算和评分的基础，不能空着。",
    example: "年度资金总额全年执行数未填写。",
    run(ctx) {
      const required = [...(ctx.pkg.basic ? REQUIRED_BASIC : [])];
      for (const s of ctx.scoredSheets()) required.push(`${s.exec}.fullBudget`, `${s.exec}.executed`);
      for (const path of required) {
        if (ctx.isBlank(path) && !ctx.hasFormula(path)) ctx.report(path, `${ctx.label(path)}未填写。`, "数字", "（空）");
      }
    },
  },
];
