/** Rules on single indicators: scores against their targets, figures restated from 附件1. */
import { rate } from "../../calc";
import { type Dec, fmtPercent } from "../../decimal";
import { parseIndicatorValue, suggestScore } from "../../indicator";
import { normalizeLabel } from "../../grid";
import { type CheckContext, type ScoredSheet, money, numOf, percent } from "../context";
import type { Rule } from "../types";

function eachQuantitative(ctx: CheckContext, fn: (p: string, sug: Extract<ReturnType<typeof suggestScore>, { kind: "score" }>, score: Dec, weight: Dec) => void) {
  for (const s of ctx.scoredSheets()) {
    for (const { ind, path: p } of ctx.indicators(s)) {
      const weight = numOf(ind.weight);
      const score = numOf(ind.score);
      if (weight === null || score === null) continue;
      const sug = suggestScore(ind.target, ind.actual, weight);
      if (sug.kind === "score") fn(p, sug, score, weight);
    }
  }
}

const text = (ctx: CheckContext, path: string) => String(ctx.raw(path) ?? "");

/** 三级指标 that restate 附件1: name → numerator and denominator paths. */
export const RESTATED_RATES: Record<string, [num: string, den: string]> = {
  在职人员控制率: ["basic.staff.actual", "basic.staff.authorized"],
  三公经费控制率: ["basic.sangong.final", "basic.sangong.budget"],
  公用经费控制率: ["basic.publicFunds.final", "basic.publicFunds.budget"],
  项目经费控制率: ["basic.project.final", "basic.project.budget"],
  项目支出控制率: ["basic.project.final", "basic.project.budget"],
};

export const indicatorRules: Rule[] = [
  {
    id: "INDICATOR.FULL_NOT_MET",
    severity: "警告",
    title: "未达标却给满分",
    description: "定量指标的实际完成值未达到年度指标值，却给了满分。按比例建议得分：≥ 类为 分值 × 实际 ÷ 目标，≤ 类为 分值 × 目标 ÷ 实际。",
    example: "指标「项目工作完成率」目标 ≥90%，实际 87.18%，未达标，却给了满分 5（建议 4.84）。",
    run(ctx) {
      eachQuantitative(ctx, (p, sug, score, weight) => {
        if (sug.met || !score.greaterThanOrEqualTo(weight)) return;
        ctx.report(
          `${p}.score`,
          `${ctx.label(`${p}.name`).replace(/三级指标$/, "")}目标 ${text(ctx, `${p}.target`)}，实际 ${text(ctx, `${p}.actual`)}，未达标，却给了满分 ${weight.toFixed()}（建议 ${money(sug.score)}）。`,
          money(sug.score),
          score.toFixed(),
        );
      });
    },
  },
  {
    id: "INDICATOR.MET_NOT_FULL",
    severity: "警告",
    title: "已达标却扣分",
    description: "定量指标的实际完成值已达到年度指标值，得分却低于分值。若确有原因（如质量问题），应在偏差原因中写明。",
    example: "指标「居民对干部服务满意度」目标 ≥85%，实际 85%，已达标，得分 6 低于分值 8。",
    run(ctx) {
      eachQuantitative(ctx, (p, sug, score, weight) => {
        if (!sug.met || !score.lessThan(weight)) return;
        ctx.report(
          `${p}.score`,
          `${ctx.label(`${p}.name`).replace(/三级指标$/, "")}目标 ${text(ctx, `${p}.target`)}，实际 ${text(ctx, `${p}.actual`)}，已达标，得分 ${score.toFixed()} 低于分值 ${weight.toFixed()}。`,
          weight.toFixed(),
          score.toFixed(),
        );
      });
    },
  },
  {
    id: "INDICATOR.TARGET_TOO_LOW",
    severity: "提示",
    title: "大幅超额完成（目标可能定得过低）",
    description: "“≥”类定量指标的实际完成值超出目标30%以上，说明年度指标值可能定得过低，明年宜调高。",
    example: "指标「组织开展“政务公开日”主题活动」目标 30，实际 50，超出目标 66.67%。",
    run(ctx) {
      eachQuantitative(ctx, (p, sug) => {
        if (sug.op !== ">=" && sug.op !== ">" && sug.op !== "=") return;
        if (sug.ratio === null || sug.target.isZero()) return;
        const over = sug.ratio.minus(1);
        if (!over.greaterThan(ctx.preset.tolerances.overCompletion)) return;
        ctx.report(
          `${p}.actual`,
          `${ctx.label(`${p}.name`).replace(/三级指标$/, "")}目标 ${text(ctx, `${p}.target`)}，实际 ${text(ctx, `${p}.actual`)}，超出目标 ${fmtPercent(over)}，年度指标值可能定得过低。`,
          text(ctx, `${p}.target`),
          text(ctx, `${p}.actual`),
        );
      });
    },
  },
  {
    id: "INDICATOR.VS_BASIC",
    severity: "错误",
    title: "指标完成值与基础数据表不符",
    description: "在职人员控制率、三公经费控制率、公用经费控制率、项目经费控制率等三级指标的实际完成值，应与基础数据表的数字算出的比率一致。",
    example: "指标「三公经费控制率」实际完成值 17.19%，按基础数据表 10.41 ÷ 60.50 计算应为 17.21%。",
    run(ctx) {
      if (!ctx.pkg.basic || !ctx.pkg.selfEvaluation) return;
      const s: ScoredSheet = { base: "selfEvaluation.", exec: "selfEvaluation.funds", kind: "selfEvaluation" };
      for (const { ind, path: p } of ctx.indicators(s)) {
        const name = normalizeLabel(text(ctx, `${p}.name`));
        const source = RESTATED_RATES[name];
        if (!source) continue;
        const actual = parseIndicatorValue(ind.actual);
        const n = ctx.num(source[0]);
        const d = ctx.num(source[1]);
        if (actual.kind !== "quantity" || actual.unit !== "%" || n === null || d === null) continue;
        const r = rate(n, d);
        if (!r.ok) continue;
        const written = String(ind.actual);
        const dp = Math.min(2, (/\.(\d+)\s*%/.exec(written)?.[1].length ?? 0));
        const same = actual.value.times(100).toDecimalPlaces(dp).equals(r.value.times(100).toDecimalPlaces(dp));
        if (same) continue;
        ctx.report(
          `${p}.actual`,
          `指标「${text(ctx, `${p}.name`)}」实际完成值 ${written}，按基础数据表 ${ctx.label(source[0])} ÷ ${ctx.label(source[1])} = ${money(n)} ÷ ${money(d)} 计算应为 ${percent(r.value)}。`,
          percent(r.value),
          written,
        );
      }
    },
  },
];
