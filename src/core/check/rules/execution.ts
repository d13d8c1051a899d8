/** Rules on the scored budget row (年度资金总额) of 附件2 and every 附件3, and on sub-rows that print their own score. */
import { executionScore, rate, type ExecutionScoring } from "../../calc";
import { D, round } from "../../decimal";
import { type CheckContext, type ScoredSheet, money, percent, rateAgrees, rateAgreesExactly, scoreAgreesExactly, sheetPathOf, statedRateText } from "../context";
import type { Rule } from "../types";

/**
 * The denominator of 执行率: the preset's (全年预算数 by default), or 年初预算数 on a form that prints
 * only 年初预算数(A) and 全年执行数(B) (贵州 2021), and the other way round.
 */
export function denominatorPath(ctx: CheckContext, s: ScoredSheet): string {
  const preferred = `${s.exec}.${ctx.preset.executionDenominator}`;
  if (!ctx.absent(preferred)) return preferred;
  const other = `${s.exec}.${ctx.preset.executionDenominator === "fullBudget" ? "initialBudget" : "fullBudget"}`;
  return ctx.absent(other) ? preferred : other;
}

/**
 * How this form scores 执行率: its own printed 得分计算方法 when it states one ("执行率*该指标分值,最高不得
 * 超过分值上限" = proportional, capped), else the preset's. Null when the method printed is not understood.
 */
export function scoringOf(ctx: CheckContext, s: ScoredSheet): ExecutionScoring | null {
  const method = ctx.facts(sheetPathOf(s.base)).scoringMethod;
  if (!method) return ctx.preset.executionScoring;
  const t = method.replace(/\s/g, "");
  if (/执行率[*×xX乘]/.test(t) || /[*×xX]执行率/.test(t) || /按比例|比例计算/.test(t)) return { kind: "proportional" };
  return null;
}

/** The scored row and each sub-row that prints its own score ("projects.0.funds.total", "projects.0.fundParts.1"). */
function scoredRows(ctx: CheckContext, s: ScoredSheet): { path: string; denominator: string }[] {
  const den = denominatorPath(ctx, s);
  const field = den.slice(den.lastIndexOf(".") + 1);
  const sheet = sheetPathOf(s.base);
  const rows = [{ path: s.exec, denominator: den }];
  ctx.facts(sheet).fundParts?.forEach((_, i) => rows.push({ path: `${sheet}.fundParts.${i}`, denominator: `${sheet}.fundParts.${i}.${field}` }));
  return rows;
}

export const executionRules: Rule[] = [
  {
    id: "EXEC.RATE",
    severity: "错误",
    title: "预算执行率计算不符",
    description: "执行率 = 全年执行数(B) ÷ 全年预算数(A)，以百分比保留两位小数（预设可改为年初预算数）。",
    example: "项目「新区电子政务系统运行及维护」执行率填写为 89.00%，按 195.26 ÷ 218.43 计算应为 89.39%。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) for (const { path: row, denominator } of scoredRows(ctx, s)) {
        const statedPath = `${row}.rate`;
        const stated = ctx.parsed(statedPath);
        const executed = ctx.parsed(`${row}.executed`);
        const budget = ctx.parsed(denominator);
        if (stated.kind !== "number" || budget.kind !== "number" || executed.kind !== "number") continue;
        // The common case, without decimals.
        // Stryker disable next-line all: a shortcut; the decimal path below finds the same agreement
        if (rateAgreesExactly(stated, executed, budget)) continue;
        const b = executed.value;
        const a = budget.value;
        const r = rate(b, a);
        if (!r.ok) {
          ctx.report(statedPath, `${ctx.label(statedPath)}填写为 ${statedRateText(stated)}，但${ctx.label(denominator)}为0，无法计算执行率。`, "无法计算", statedRateText(stated));
          continue;
        }
        if (rateAgrees(stated, r.value)) continue;
        ctx.report(statedPath, `${ctx.label(statedPath)}填写为 ${statedRateText(stated)}，按 ${money(b)} ÷ ${money(a)} 计算应为 ${percent(r.value)}。`, percent(r.value), statedRateText(stated));
      }
    },
  },
  {
    id: "EXEC.SCORE",
    severity: "错误",
    title: "预算执行率得分不符",
    description: "执行率得分 = min(执行率, 100%) × 分值，四舍五入保留两位小数（84.00% → 8.40；99.88% → 9.99）。",
    example: "年度资金总额得分填写为 9，按执行率 99.88% × 10 计算应为 9.99。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) for (const { path: row, denominator } of scoredRows(ctx, s)) {
        const scorePath = `${row}.score`;
        const statedCell = ctx.parsed(scorePath);
        const executed = ctx.parsed(`${row}.executed`);
        const budget = ctx.parsed(denominator);
        const weight = ctx.parsed(`${row}.weight`);
        if (statedCell.kind !== "number" || budget.kind !== "number" || executed.kind !== "number") continue;
        const scoring = scoringOf(ctx, s);
        if (!scoring) {
          ctx.skip(scorePath, `得分计算方法「${ctx.facts(sheetPathOf(s.base)).scoringMethod}」无法按公式复核`);
          continue;
        }
        const presetWeight = s.kind === "project" ? ctx.preset.projectExecutionWeight : ctx.preset.weights.execution;
        // Stryker disable next-line all: a shortcut; the decimal path below finds the same agreement
        if (scoring.kind === "proportional" && scoreAgreesExactly(statedCell, executed, budget, weight.kind === "number" ? weight.asNumber : presetWeight)) continue;
        const stated = statedCell.value;
        const b = executed.value;
        const a = budget.value;
        const w = weight.kind === "number" ? weight.value : new D(presetWeight);
        const expected = executionScore(b, a, w, scoring);
        if (!expected.ok) continue;
        if (round(stated, 2).equals(expected.value)) continue;
        ctx.report(
          scorePath,
          `${ctx.label(scorePath)}填写为 ${stated.toFixed()}，按执行率 ${percent(b.dividedBy(a))} 计算应为 ${money(expected.value)}（分值 ${w.toFixed()}）。`,
          money(expected.value),
          stated.toFixed(),
        );
      }
    },
  },
  {
    id: "EXEC.OVER_BUDGET",
    severity: "警告",
    title: "执行数超过预算数",
    description: "全年执行数大于全年预算数（执行率超过100%），需核实数据口径；执行率超过200%多半是填错了数。表中只有年初预算数时，超过年初预算常因年中追加，只作提示。",
    example: "年度资金总额全年执行数 2547.86 超过全年预算数 287.63，执行率 885.81%。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const den = denominatorPath(ctx, s);
        const b = ctx.num(`${s.exec}.executed`);
        const a = ctx.num(den);
        if (a === null || b === null || a.isZero() || !b.greaterThan(a)) continue;
        const r = b.dividedBy(a);
        const implausible = r.greaterThan(ctx.preset.tolerances.implausibleRate);
        // Above the 年初 budget is what mid-year additions give: worth a look, not a warning.
        const report = den.endsWith(".initialBudget") ? ctx.reportAs.bind(ctx, "EXEC.OVER_BUDGET", "提示") : ctx.report.bind(ctx);
        report(
          `${s.exec}.executed`,
          `${ctx.label(`${s.exec}.executed`)} ${money(b)} 超过${ctx.label(den)} ${money(a)}，执行率 ${percent(r)}${implausible ? "，远超合理范围，请核对是否填错" : "，请核实"}。`,
          `≤ ${money(a)}`,
          money(b),
        );
      }
    },
  },
];
