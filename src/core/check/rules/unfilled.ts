/**
 * Forms published half filled in (issue 9 cases): a 分值 given and its 得分 left empty (indicators scored with
 * neither 年度指标值 nor 实际完成值 are INDICATOR.INCOMPLETE's); and a 年度资金总额 row printed
 * as 0 while its 其中 rows hold the money, whose 执行率得分 then follows the 0 instead of the funds.
 * Blank stays blank: nothing here reads an empty cell as 0.
 */
import { D, type Dec, round } from "../../decimal";
import { type CheckContext, money, numOf, percent, type ScoredSheet, sumOf } from "../context";
import type { Rule } from "../types";

const fmtScore = (x: Dec) => x.toFixed();

const blankRaw = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An indicator row that names an indicator (not a template row such as 指标1: / …… / an empty 效益指标 line). */
function named(name: unknown): boolean {
  if (typeof name !== "string") return false;
  // Blank, only dots and dashes, or 指标1: / 指标2：/ (spaces aside)
  const t = name.replace(/\s/g, "");
  return !/^[.…。·、,，:：/／\\—-]*$/.test(t) && !/^指标\d*[:：]?[/／\s]*$/.test(t);
}

/** Has the unit started on this sheet (an amount executed or any actual written)? A blank form is FORM.BLANK's. */
function started(ctx: CheckContext, s: ScoredSheet): boolean {
  if (ctx.num(`${s.exec}.executed`) !== null) return true;
  return ctx.indicators(s).some(({ ind }) => !blankRaw(ind.actual) || !blankRaw(ind.score));
}

/** The three 其中 rows of a project's funds block (当年财政拨款, 上年结转, 其他资金). */
const FUND_PARTS = ["current", "carryover", "other"] as const;

export const unfilledRules: Rule[] = [
  {
    id: "SCORE.UNFILLED",
    severity: "提示",
    title: "有分值而得分空着",
    description: "表中给了分值（预算执行率或三级指标）而得分空着：自评表未评完，总分无从核对。空着不当作 0 分。",
    example: "项目「工资性支出」年度资金总额得分未填写（分值 10）。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        if (!started(ctx, s)) continue;
        const w = ctx.num(`${s.exec}.weight`);
        if (w !== null && ctx.isBlank(`${s.exec}.score`) && !ctx.hasFormula(`${s.exec}.score`)) {
          ctx.report(`${s.exec}.score`, `${ctx.label(`${s.exec}.score`)}未填写（分值 ${fmtScore(w)}）。`, "得分", "（空）");
        }
        for (const { ind, path } of ctx.indicators(s)) {
          const weight = numOf(ind.weight);
          if (weight === null || !blankRaw(ind.score) || !named(ind.name) || ctx.hasFormula(`${path}.score`)) continue;
          ctx.report(`${path}.score`, `${ctx.label(`${path}.score`)}未填写（分值 ${fmtScore(weight)}）。`, "得分", "（空）");
        }
      }
    },
  },
  {
    id: "EXEC.SCORE_FROM_PARTS",
    severity: "提示",
    title: "总额行低于分项时按分项核对执行率得分",
    description:
      "年度资金总额行的全年预算数小于其“其中”各行之和（如总额印成 0 / 0 / 0，钱都在“其中：本年财政拨款”行）时，按分项之和计算执行率与得分，与填写的得分比较。总额行本身的错误由 PROJECT.FUND_SUM 报告，这里指出随之错了的得分。",
    example: "项目「委托业务项目」年度资金总额得分填写为 0；按“其中”各行之和，执行率 89.974 ÷ 89.974 = 100.00%，得分应为 10.00（分值 10）。",
    run(ctx) {
      // 附件2 has no 其中 rows: its parts are blank, their sum 0, and it is never checked here.
      for (const s of ctx.scoredSheets()) {
        const full = sumOf(FUND_PARTS.map((part) => ctx.raw(`${s.base}funds.${part}.fullBudget`)));
        const totalFull = ctx.num(`${s.exec}.fullBudget`);
        if (!full.greaterThan(0) || totalFull === null) continue;
        if (!full.minus(totalFull).greaterThan(ctx.tolerance)) continue; // the total row is not below its parts
        const weight = ctx.num(`${s.exec}.weight`);
        const stated = ctx.num(`${s.exec}.score`);
        if (weight === null || stated === null) continue;
        const executed = sumOf(FUND_PARTS.map((part) => ctx.raw(`${s.base}funds.${part}.executed`)));
        const rate = executed.dividedBy(full);
        const want = round(D.min(rate, 1).times(weight), 2);
        if (round(stated, 2).equals(want)) continue;
        const at = `${s.exec}.score`;
        ctx.report(
          at,
          `${ctx.label(at)}填写为 ${fmtScore(stated)}；年度资金总额行（全年预算数 ${money(totalFull)}）低于“其中”各行之和，按分项计算执行率 ${money(executed)} ÷ ${money(full)} = ${percent(rate)}，得分应为 ${money(want)}（分值 ${fmtScore(weight)}）。`,
          money(want),
          fmtScore(stated),
        );
      }
    },
  },
];
