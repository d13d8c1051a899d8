/** Rules on single cells: not a number, placeholders left, negative amounts, amounts in 元, required figures missing. */
import { EXPECTED_AMOUNT, isNotApplicable, isPlaceholder } from "../../amount";
import type { Dec } from "../../decimal";
import type { Package } from "../../model";
import { HUNAN_2024 } from "../../preset";
import { basicTemplate } from "../../template/basic";
import { layoutSheet, type SheetLayout } from "../../template/layout";
import { projectTemplate } from "../../template/project";
import { selfEvaluationTemplate } from "../../template/selfEvaluation";
import type { ValueType } from "../../template/types";
import { compareFigure, money, parseValue } from "../context";
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

/** The template's cell types as a tree mirroring the model: { staff: { authorized: "count" }, indicators: { "*": { … } } }. */
interface TypeTree {
  [key: string]: TypeTree | ValueType;
}

let typeTrees: Record<"basic" | "selfEvaluation" | "project", TypeTree> | null = null;

function treeOf(layout: SheetLayout): TypeTree {
  const root: TypeTree = {};
  for (const { field, type } of layout.cells) {
    if (type === undefined) continue; // a label; every typed cell holds a field
    // A list index ("indicators.3.score") stands for every row of the list.
    const parts = field!.split(".").map((p) => (Number.isNaN(Number(p)) ? p : "*"));
    let cur = root;
    for (let i = 0; i < parts.length - 1; i++) cur = (cur[parts[i]] ??= {}) as TypeTree;
    cur[parts[parts.length - 1]] = type;
  }
  return root;
}

function buildTrees(): Record<"basic" | "selfEvaluation" | "project", TypeTree> {
  const params = { year: 2024, preset: HUNAN_2024, specialFundRows: 1 };
  return {
    basic: treeOf(layoutSheet(basicTemplate(params))),
    selfEvaluation: treeOf(layoutSheet(selfEvaluationTemplate(params))),
    project: treeOf(layoutSheet(projectTemplate(params))),
  };
}

/**
 * The leaves of a package that template cells hold, column by column (a leaf is one index across the four
 * lists): its value, cell type, and path as parent + "." + key. Four lists rather than an object per leaf:
 * a package of 100 projects has some 15,000 leaves, kept for the whole check.
 */
interface TypedLeaves {
  values: unknown[];
  types: ValueType[];
  parents: string[];
  keys: string[];
}

/** The typed leaves of a package, collected once per check (several INPUT.* rules walk them). */
const LEAVES = new WeakMap<object, TypedLeaves>();

function typedLeaves(pkg: Package): TypedLeaves {
  const out: TypedLeaves = { values: [], types: [], parents: [], keys: [] };
  const walk = (value: unknown, tree: TypeTree | ValueType | undefined, parent: string, key: string) => {
    if (typeof tree === "string") {
      out.values.push(value);
      out.types.push(tree);
      out.parents.push(parent);
      out.keys.push(key);
      return;
    }
    if (tree === undefined) return; // a field the form has no cell for is not checked
    // A blank block (null) or a stray number where a block belongs has no fields: the loops below find none.
    const path = parent === "" ? key : `${parent}.${key}`;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, tree["*"], path, String(i)));
    else for (const k in value as Record<string, unknown>) walk((value as Record<string, unknown>)[k], tree[k], path, k);
  };
  const t = (typeTrees ??= buildTrees());
  walk(pkg.basic, t.basic, "", "basic");
  walk(pkg.selfEvaluation, t.selfEvaluation, "", "selfEvaluation");
  walk(pkg.unit, "text", "", "unit");
  pkg.projects.forEach((project, i) => walk(project, t.project, "projects", String(i)));
  return out;
}

/**
 * Calls `fn` for every leaf of the package that a template cell holds; the path is built only when asked for
 * (call `path` at once: it reads the leaf at hand), `row` is the path of the row or block that holds it.
 * `scope` is the check's context: the leaves are collected once per check, so the package must not change
 * while one check runs.
 */
export function forEachTypedLeaf(scope: { readonly pkg: Package }, fn: (value: unknown, type: ValueType, path: () => string, row: string) => void): void {
  const leaves = LEAVES.get(scope) ?? collect(scope);
  const { values, types, parents, keys } = leaves;
  // One path function for the whole walk, reading the leaf at hand (a closure per leaf and rule cost more than the rules).
  let i = 0;
  const pathOf = () => (parents[i] === "" ? keys[i] : `${parents[i]}.${keys[i]}`);
  for (; i < values.length; i++) fn(values[i], types[i], pathOf, parents[i]);
}

function collect(scope: { readonly pkg: Package }): TypedLeaves {
  const leaves = typedLeaves(scope.pkg);
  LEAVES.set(scope, leaves);
  return leaves;
}

/** Figures that may legitimately be negative (调减): 部门基本支出预算调整. */
const SIGNED = "basic.basicAdjustment.";

const REQUIRED_BASIC = ["basic.staff.authorized", "basic.staff.actual"];

export const inputRules: Rule[] = [
  {
    id: "INPUT.NOT_NUMBER",
    severity: "错误",
    title: "数字单元格中填了非数字",
    description: "金额、人数、比率、分值、得分单元格只能填数字。填成文字（如“7.50.”“约10万”）时，合计和公式会漏算或出错。“—”“无”“不适用”表示无此项，不在此列。",
    example: "三公经费（2024年决算数）：「7.50.」不是数字，应为数字（万元，最多两位小数），如 1227.61。",
    run(ctx) {
      forEachTypedLeaf(ctx, (value, type, pathOf) => {
        if (!NUMERIC.has(type)) return;
        const p = parseValue(value);
        // 无 / 不适用 in a figure cell means none, as — does: not a typing mistake.
        if (p.kind !== "invalid" || isNotApplicable(p.text)) return;
        const path = pathOf();
        // amount.ts words its message for an amount cell; a 人数, 比率, 分值, 得分 or 面积 cell says what it expects instead.
        const message = type === "amount" ? p.message : p.message.replace(EXPECTED_AMOUNT, EXPECTED[type]);
        ctx.report(path, `${ctx.label(path)}：${message}。`, EXPECTED[type], p.text);
      });
    },
  },
  {
    id: "INPUT.PLACEHOLDER",
    severity: "警告",
    title: "模板占位符未替换",
    description: "“××”“XX”“○○”等占位符是模板留给填报人替换的，提交前应改为实际内容（无数据的金额填0）。单独的“—”“/”“无”“不适用”“……”是表格里“无/不适用”的通行写法，不算占位符。",
    example: "第1个专项资金的名称「××专项资金」仍是模板占位符，请填写实际内容。",
    run(ctx) {
      forEachTypedLeaf(ctx, (raw, type, pathOf) => {
        if (typeof raw !== "string" || !isPlaceholder(raw) || isNotApplicable(raw)) return;
        const path = pathOf();
        const hint = NUMERIC.has(type) ? "请填写数字，无数据填0" : "请填写实际内容";
        ctx.report(path, `${ctx.label(path)}「${raw.trim()}」仍是模板占位符，${hint}。`, NUMERIC.has(type) ? EXPECTED[type] : "实际内容", raw.trim());
      });
    },
  },
  {
    id: "INPUT.NEGATIVE",
    severity: "错误",
    title: "金额或人数为负数",
    description: "预算数、决算数、执行数、人数和面积不应为负数（部门基本支出预算调整除外，调减可为负）。",
    example: "公务接待（2024年决算数）为 -0.21，不应为负数。",
    run(ctx) {
      forEachTypedLeaf(ctx, (value, type, pathOf) => {
        if (type !== "amount" && type !== "count" && type !== "area") return;
        const p = parseValue(value);
        if (p.kind !== "number" || compareFigure(p, 0) >= 0) return; // "-0.00" is zero
        const path = pathOf();
        if (path.startsWith(SIGNED)) return;
        ctx.report(path, `${ctx.label(path)}为 ${p.value.toFixed()}，不应为负数。`, "≥ 0", p.value.toFixed());
      });
    },
  },
  {
    id: "INPUT.YUAN",
    severity: "警告",
    title: "金额疑似以元填写",
    description: "表中金额单位是万元。一个数大到不合常理（默认100万万元以上），或与同一行其他年度相差上千倍，多半是按元填的。",
    example: "三公经费（2024年决算数）为 14000.00，是同行三公经费（2023年决算数） 1.50 的 9333 倍，疑似按元填写。",
    run(ctx) {
      const limit = ctx.preset.tolerances.yuanSuspect;
      const flagged = new Set<string>();
      // Rows: the same figure in its columns should be of one magnitude.
      const rows = new Map<string, { path: string; v: Dec }[]>();
      forEachTypedLeaf(ctx, (value, type, pathOf, row) => {
        if (type !== "amount") return;
        const p = parseValue(value);
        if (p.kind !== "number") return;
        const v = p.value;
        if (compareFigure(p, limit) >= 0 || compareFigure(p, -limit) <= 0) {
          const path = pathOf();
          flagged.add(path);
          ctx.report(path, `${ctx.label(path)}为 ${money(v)} 万元，数额异常大，疑似按元填写（应以万元为单位）。`, "以万元填写", money(v));
        }
        if (compareFigure(p, 1) < 0) return;
        const cells = rows.get(row);
        if (cells) cells.push({ path: pathOf(), v });
        else rows.set(row, [{ path: pathOf(), v }]);
      });
      // A row of one figure has max = min: never a thousand times itself.
      for (const cells of rows.values()) {
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
