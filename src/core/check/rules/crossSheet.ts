/** Rules across forms and on the funding splits: 自评表 vs 基础数据表, 附件3 vs its 专项, income/expense splits. */
import { D, type Dec, round } from "../../decimal";
import { sumsAgree } from "../../exact";
import type { ProjectEvaluation } from "../../model";
import { matchNote, pairNames, type Pair } from "../../pairing";
import { type CheckContext, money } from "../context";
import { yearColumn } from "../labels";
import type { Rule } from "../types";
import { checkSum } from "./sums";
import { restatedRateOf } from "./indicator";

/** "附件1 基础数据表 A15" for a message; the sheet alone when the figure has no cell (a model read from JSON). */
function cellName(ctx: CheckContext, path: string): string {
  const { sheet, cell } = ctx.where(path);
  return cell ? `${sheet} ${cell}` : sheet;
}

const pairsOf = new WeakMap<CheckContext, { pairs: Pair[]; unpaired: number[] }>();

/** 附件3 projects paired with 附件1 专项 rows by name (exact first, then similar; each used once); once per check. */
function projectPairs(ctx: CheckContext): { pairs: Pair[]; unpaired: number[] } {
  return pairsOf.get(ctx) ?? pairProjects(ctx);
}

function pairProjects(ctx: CheckContext): { pairs: Pair[]; unpaired: number[] } {
  const { pairs, unpairedLeft } = pairNames(
    ctx.pkg.projects.map((p) => p.name),
    (ctx.pkg.basic?.specialFunds ?? []).map((f) => f.name),
    ctx.preset.tolerances.nameSimilarity,
  );
  const found = { pairs, unpaired: unpairedLeft };
  pairsOf.set(ctx, found);
  return found;
}

/**
 * Checks a split of 附件2 (按收入性质/按支出性质, `split` "selfEvaluation.byIncome"): its stated total against its parts,
 * and its parts against 全年执行数(B), in 万元. Without 附件2 every figure is blank and nothing is said.
 */
function checkSplit(ctx: CheckContext, split: string, keys: string[], name: string): void {
  const totalPath = `${split}.total`;
  const parts = keys.map((k) => `${split}.${k}`);
  checkSum(ctx, totalPath, parts);
  if (parts.every((p) => ctx.isBlank(p))) return;
  const values = parts.map((p) => ctx.numOrZero(p));
  if (values.some((v) => v === null)) return;
  const sum = (values as Dec[]).reduce((a, b) => a.plus(b), new D(0));
  const executed = ctx.num("selfEvaluation.funds.executed");
  if (executed === null) return;
  const diff = round(sum, 2).minus(round(executed, 2)).abs();
  if (diff.isZero()) return;
  const budget = ctx.num("selfEvaluation.funds.fullBudget");
  const hint = budget !== null && round(budget, 2).equals(round(sum, 2)) ? "，恰好等于全年预算数(A)——分项可能误填了预算数" : "";
  const at = ctx.input.cellOf?.(totalPath) ? totalPath : parts[0];
  const listed = parts
    .filter((p) => !ctx.isBlank(p))
    .map((p) => money(ctx.num(p) as Dec))
    .join(" + ");
  if (diff.lessThanOrEqualTo(ctx.tolerance)) {
    ctx.reportAs("SUM.ROUNDING", "提示", at, `${name}各项之和 ${money(sum)} 与全年执行数 ${money(executed)} 相差 ${money(diff)}，属尾数差。`, money(executed), money(sum));
    return;
  }
  ctx.report(at, `${name}各项之和 ${listed} = ${money(sum)}，应等于全年执行数(B) ${money(executed)}${hint}。`, money(executed), money(sum));
}

export const crossSheetRules: Rule[] = [
  {
    id: "EVAL.INCOME_SUM",
    severity: "错误",
    title: "按收入性质分的合计不符",
    description: "一般公共预算、政府性基金拨款、纳入专户管理的非税收入拨款、其他资金之和应等于全年执行数(B)（及所填的合计）。",
    example: "按收入性质分各项之和 24876.65 + 87.94 = 24964.59，应等于全年执行数(B) 20971.34，恰好等于全年预算数(A)——分项可能误填了预算数。",
    run: (ctx) => checkSplit(ctx, "selfEvaluation.byIncome", ["general", "govFund", "specialAccount", "other"], "按收入性质分"),
  },
  {
    id: "EVAL.EXPENSE_SUM",
    severity: "错误",
    title: "按支出性质分的合计不符",
    description: "基本支出 + 项目支出应等于全年执行数(B)（及所填的合计）。",
    example: "按支出性质分各项之和 630.22 + 184.60 = 814.82，应等于全年执行数(B) 804.82。",
    run: (ctx) => checkSplit(ctx, "selfEvaluation.byExpense", ["basic", "project"], "按支出性质分"),
  },
  {
    id: "EVAL.PROJECT_VS_BASIC",
    severity: "错误",
    title: "自评表项目支出与基础数据表不符",
    description: "自评表“按支出性质分”的项目支出，应等于基础数据表项目支出的本年决算数。",
    example: "自评表项目支出 18302.03 与基础数据表项目支出（2024年决算数）18259.03 不一致，相差 43.00。",
    run(ctx) {
      const a = ctx.num("selfEvaluation.byExpense.project");
      const b = ctx.num("basic.project.final");
      if (a === null || b === null || round(a, 2).equals(round(b, 2))) return;
      ctx.report("selfEvaluation.byExpense.project", `自评表项目支出 ${money(a)} 与基础数据表${ctx.label("basic.project.final")} ${money(b)} 不一致，相差 ${money(a.minus(b).abs())}。`, money(b), money(a));
    },
  },
  {
    id: "EVAL.BASIC_VS_PUBLIC",
    severity: "警告",
    title: "自评表基本支出小于公用经费",
    description: "公用经费是基本支出的一部分：自评表的基本支出不应小于基础数据表公用经费的本年决算数。",
    example: "自评表基本支出 300.00 小于基础数据表公用经费（2024年决算数）377.19。",
    run(ctx) {
      const basicExpense = ctx.num("selfEvaluation.byExpense.basic");
      const publicFunds = ctx.num("basic.publicFunds.final");
      if (basicExpense === null || publicFunds === null || !basicExpense.lessThan(publicFunds)) return;
      ctx.report("selfEvaluation.byExpense.basic", `自评表基本支出 ${money(basicExpense)} 小于基础数据表${ctx.label("basic.publicFunds.final")} ${money(publicFunds)}，而公用经费是基本支出的一部分。`, `≥ ${money(publicFunds)}`, money(basicExpense));
    },
  },
  {
    id: "PROJECT.FUND_SUM",
    severity: "错误",
    title: "项目资金总额与来源之和不符",
    description: "附件3 年度资金总额 = 当年财政拨款 + 上年结转金额 + 其它资金，三列分别核对。",
    example: "年度资金总额全年执行数为 15.00，但 当年财政拨款 + 上年结转金额 + 其它资金 = 14.98 + 0 + 0 = 14.98。",
    run(ctx) {
      ctx.pkg.projects.forEach((project, i) => {
        for (const col of ["initialBudget", "fullBudget", "executed"] as const) {
          // The common case read from the rows at hand, without a path per cell: numbers that agree.
          const funds = project.funds as Partial<ProjectEvaluation["funds"]> | null;
          // Stryker disable next-line all: a shortcut; when it is not taken, checkSum finds the same agreement
          if (funds && sumsAgree(funds.total?.[col], [funds.current?.[col], funds.carryover?.[col], funds.other?.[col]])) continue;
          const f = `projects.${i}.funds`;
          checkSum(ctx, `${f}.total.${col}`, [`${f}.current.${col}`, `${f}.carryover.${col}`, `${f}.other.${col}`]);
        }
      });
    },
  },
  {
    id: "PROJECT.VS_BASIC",
    severity: "警告",
    title: "项目表与基础数据表专项不符",
    description: "附件3 的全年预算数、全年执行数，应与基础数据表中对应专项资金的本年预算数、本年决算数一致（按名称对应，名称相近的也对应，见 PAIR.SIMILAR_NAME）。",
    example: "项目「“放管服”和“一件事一次办”改革工作经费」全年执行数 14.98 与基础数据表同名专项（2024年决算数）14.97 不一致。",
    run(ctx) {
      for (const { left: i, right: j, match } of projectPairs(ctx).pairs) {
        const fund = ctx.pkg.basic!.specialFunds[j];
        const which = match.kind === "exact" ? "同名专项" : `对应专项「${fund.name.trim()}」`;
        for (const [mine, theirs] of [
          ["fullBudget", "budget"],
          ["executed", "final"],
        ]) {
          const a = ctx.num(`projects.${i}.funds.total.${mine}`);
          const b = ctx.num(`basic.specialFunds.${j}.${theirs}`);
          if (a === null || b === null || round(a, 2).equals(round(b, 2))) continue;
          const at = `projects.${i}.funds.total.${mine}`;
          ctx.report(at, `${ctx.label(at)} ${money(a)} 与基础数据表${which}（${yearColumn(theirs, ctx.year)}） ${money(b)} 不一致，相差 ${money(a.minus(b).abs())}。`, money(b), money(a));
        }
      }
    },
  },
  {
    id: "PAIR.SIMILAR_NAME",
    severity: "提示",
    title: "按相近名称对应核对",
    description:
      "附件3 项目名称与基础数据表专项名称、三级指标名称与基础数据表的比率名称不完全相同时，按相近名称（去掉“经费/费用/资金/项目”等字样后相同或互相包含，或字符相似度达到预设值）或已知同义名称（如财政供养人员控制率 = 在职人员控制率）对应核对，并说明对应了哪两个单元格，请确认是同一事项。",
    example: "项目「政务服务大厅运转经费」（附件3 政务服务大厅运转经费 B3）与基础数据表专项「服务大厅运转费用」（附件1 基础数据表 A15）名称不完全相同，去掉“经费/费用/资金/项目”等字样后名称一致或互相包含，已按同一事项核对金额。",
    run(ctx) {
      for (const { left: i, right: j, match } of projectPairs(ctx).pairs) {
        if (match.kind === "exact") continue;
        const project = `projects.${i}.name`;
        const fund = `basic.specialFunds.${j}.name`;
        const fundName = ctx.pkg.basic!.specialFunds[j].name.trim();
        ctx.report(
          project,
          `项目「${ctx.pkg.projects[i].name.trim()}」（${cellName(ctx, project)}）与基础数据表专项「${fundName}」（${cellName(ctx, fund)}）名称不完全相同，${matchNote(match)}，已按同一事项核对金额。`,
          fundName,
          ctx.pkg.projects[i].name.trim(),
        );
      }
      if (!ctx.pkg.basic || !ctx.pkg.selfEvaluation) return;
      ctx.pkg.selfEvaluation.indicators.forEach((ind, k) => {
        const paired = restatedRateOf(ind.name);
        if (!paired || paired.match.kind === "exact") return;
        const at = `selfEvaluation.indicators.${k}.actual`;
        const how = paired.alias ? "是同一比率的另一种叫法" : matchNote(paired.match);
        ctx.report(
          at,
          `指标「${ind.name.trim()}」（${cellName(ctx, at)}）与基础数据表「${paired.source.name}」（${cellName(ctx, paired.source.num)} ÷ ${cellName(ctx, paired.source.den)}）${how}，已按同一比率核对。`,
          paired.source.name,
          ind.name.trim(),
        );
      });
    },
  },
  {
    id: "PAIR.UNPAIRED",
    severity: "提示",
    title: "项目在基础数据表中找不到对应专项",
    description: "附件3 的项目在基础数据表的专项资金中找不到同名或名称相近的一行，其金额未与基础数据表核对。请检查名称是否一致，或在基础数据表补列该专项。",
    example: "项目「信息化运维」（附件3 信息化运维 B3）在基础数据表的专项资金中找不到同名或名称相近的一行，未核对其金额。",
    run(ctx) {
      // Without any 专项 row in 附件1 the projects are paid from 业务工作经费 / 运行维护经费: nothing to pair.
      if ((ctx.pkg.basic?.specialFunds ?? []).length === 0) return;
      for (const i of projectPairs(ctx).unpaired) {
        const at = `projects.${i}.name`;
        ctx.report(at, `项目「${ctx.pkg.projects[i].name.trim()}」（${cellName(ctx, at)}）在基础数据表的专项资金中找不到同名或名称相近的一行，未核对其金额。`, "基础数据表中的对应专项", ctx.pkg.projects[i].name.trim());
      }
    },
  },
];
