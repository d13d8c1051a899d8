/** Rules on the scored budget row (年度资金总额) of 附件2 and every 附件3. */
import { executionScore, rate } from "../../calc";
import { D, round } from "../../decimal";
import { type CheckContext, type ScoredSheet, money, percent, rateAgrees, statedRateText } from "../context";
import type { Rule } from "../types";

/** The denominator of 执行率 under the preset (全年预算数 by default). */
export function denominatorPath(ctx: CheckContext, s: ScoredSheet): string {
  return `${s.exec}.${ctx.preset.executionDenominator}`;
}

export const executionRules: Rule[] = [
  {
    id: "EXEC.RATE",
    severity: "错误",
    title: "预算执行率计算不符",
    description: "执行率 = 全年执行数(B) ÷ 全年预算数(A)，以百分比保留两位小数（预设可改为年初预算数）。",
    example: "项目「新区电子政务系统运行及维护」执行率填写为 89.00%，按 195.26 ÷ 218.43 计算应为 89.39%。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const statedPath = `${s.exec}.rate`;
        const stated = ctx.parsed(statedPath);
        const b = ctx.num(`${s.exec}.executed`);
        const a = ctx.num(denominatorPath(ctx, s));
        if (stated.kind !== "number" || a === null || b === null) continue;
        const r = rate(b, a);
        if (!r.ok) {
          ctx.report(statedPath, `${ctx.label(statedPath)}填写为 ${statedRateText(stated)}，但${ctx.label(denominatorPath(ctx, s))}为0，无法计算执行率。`, "无法计算", statedRateText(stated));
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
      for (const s of ctx.scoredSheets()) {
        const scorePath = `${s.exec}.score`;
        const stated = ctx.num(scorePath);
        const b = ctx.num(`${s.exec}.executed`);
        const a = ctx.num(denominatorPath(ctx, s));
        const w = ctx.num(`${s.exec}.weight`) ?? new D(s.kind === "project" ? ctx.preset.projectExecutionWeight : ctx.preset.weights.execution);
        if (stated === null || a === null || b === null) continue;
        const expected = executionScore(b, a, w, ctx.preset.executionScoring);
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
    description: "全年执行数大于全年预算数（执行率超过100%），需核实数据口径；执行率超过200%多半是填错了数。",
    example: "年度资金总额全年执行数 2547.86 超过全年预算数 287.63，执行率 885.81%。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const b = ctx.num(`${s.exec}.executed`);
        const a = ctx.num(denominatorPath(ctx, s));
        if (a === null || b === null || a.isZero() || !b.greaterThan(a)) continue;
        const r = b.dividedBy(a);
        const implausible = r.greaterThan(ctx.preset.tolerances.implausibleRate);
        ctx.report(
          `${s.exec}.executed`,
          `${ctx.label(`${s.exec}.executed`)} ${money(b)} 超过${ctx.label(denominatorPath(ctx, s))} ${money(a)}，执行率 ${percent(r)}${implausible ? "，远超合理范围，请核对是否填错" : "，请核实"}。`,
          `≤ ${money(a)}`,
          money(b),
        );
      }
    },
  },
];
