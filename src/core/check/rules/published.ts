/**
 * What published forms show beyond the template (issue 9 cases): indicator blocks that carry their own
 * weight with no 分值 column (湖北 2020: 年度绩效目标1(40分)), and a system form's prompts left in place of
 * the answer (四川 2023 一体化: "对照年度目标,说明相关任务目标的完成情况(100字以内)").
 */
import { executionScore } from "../../calc";
import { D, type Dec } from "../../decimal";
import { parseIndicatorValue, suggestScore } from "../../indicator";
import { numOf, sheetPathOf } from "../context";
import type { Rule } from "../types";

const fmtScore = (x: Dec) => x.toFixed();

/** A form's full marks (执行率 and indicators together). */
const FULL_MARKS = 100;

/** A percent cell's number as the user sees it: 0.98 → "98%", 1 → "100%", 1.2 → "120%". */
const asPercent = (x: number): string => `${new D(String(x)).times(100).toFixed()}%`;

/**
 * A value compared with a percentage target, as the user sees it: a number up to 1 is a percent cell's (0.98 as
 * 98%, 1 as 100%), a larger one a plain figure (99); text as written. Only for values that met a target (never blank).
 */
function shown(raw: unknown): string {
  return typeof raw === "number" && raw <= 1 ? asPercent(raw) : String(raw).trim();
}

/** A target that is a percentage below 100% (98%): the one a score of 分值 × actual% can be mistaken for. */
function partialPercent(target: unknown): boolean {
  const v = parseIndicatorValue(target);
  // "98%" typed as text, or 0.98 in a cell formatted as a percentage (the value a percent cell holds).
  return v.kind === "quantity" && (v.unit === "%" || typeof target === "number") && v.value.greaterThan(0) && v.value.lessThan(1);
}

/** A difference below this (in the total's own unit, 元 or 万元) is rounding, not money unaccounted for. */
const CENT_IN_YUAN = new D("0.005");

/**
 * A total and the amounts listed after 其中 in one sentence of a goal text, all in the total's unit:
 * "共申请预算资金2026400元,其中村级组织运转400000元,……100000元。" → total 2026400, parts [400000, …]. Null when
 * the sentence does not name a total before 其中 or lists fewer than two parts.
 */
function partsSum(text: string): { total: Dec; totalText: string; unit: string; sum: Dec; partTexts: string[] } | null {
  const AMOUNT_IN_TEXT = /(\d+(?:\.\d+)?)\s*(万元|元)/g;
  for (const sentence of text.split(/[。；;]/)) {
    const at = /其中/.exec(sentence);
    if (!at) continue;
    const head = sentence.slice(0, at.index);
    const before = [...head.matchAll(AMOUNT_IN_TEXT)];
    const parts = [...sentence.slice(at.index).matchAll(AMOUNT_IN_TEXT)];
    if (before.length !== 1 || parts.length < 2 || !/共|总|合计|申请|预算|完成|下达|安排/.test(head)) continue;
    const unit = before[0][2];
    const scale = (u: string) => (u === unit ? new D(1) : u === "万元" ? new D(10000) : new D("0.0001"));
    const total = new D(before[0][1]);
    let sum = new D(0);
    for (const m of parts) sum = sum.plus(new D(m[1]).times(scale(m[2])));
    return { total, totalText: `${before[0][1]}${unit}`, unit, sum, partTexts: parts.map((m) => `${m[1]}${m[2] === unit ? "" : m[2]}`) };
  }
  return null;
}

export const publishedRules: Rule[] = [
  {
    id: "SCORE.GROUP_MET_SHORT",
    severity: "提示",
    title: "组内指标全部达标，得分合计却低于该组分值",
    description:
      "有的表把指标分成几组，每组标题带分值（如“年度绩效目标1(40分)”），却没有分值栏。组内指标都达到了年度指标值时，各得分之和应等于该组分值；差额通常出在目标本身小于100%的指标上（目标98%、实际98%，却按 分值 × 98% 打分）。分值由组分值减去其余达标指标的得分推得。",
    example: "指标「整编资料审核」目标 98%，实际 98%，已达标，得分 19.6；「年度绩效目标1(40分)」其余指标均达标、共得 20 分，推得本指标分值 20，应得 20。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const sheetPath = sheetPathOf(s.base);
        const groups = ctx.facts(sheetPath).indicatorGroups ?? [];
        const rows = ctx.indicators(s);
        groups.forEach((g, gi) => {
          const members = rows.slice(g.from, g.to).filter(({ ind }) => numOf(ind.score) !== null);
          if (members.length === 0 || members.some(({ ind }) => numOf(ind.weight) !== null)) return; // the form prints 分值: other rules check
          if (!members.every(({ ind }) => suggestScore(ind.target, ind.actual, new D(1), ind.name).met === true)) return;
          const sum = members.reduce((acc, { ind }) => acc.plus(numOf(ind.score)!), new D(0));
          if (!sum.lessThan(g.weight)) return;
          const suspects = members.filter(({ ind }) => partialPercent(ind.target));
          if (suspects.length !== 1) {
            ctx.report(`${sheetPath}.indicatorGroups.${gi}`, `「${g.label}」组内指标均已达标，得分合计 ${fmtScore(sum)} 低于该组分值 ${g.weight}。`, String(g.weight), fmtScore(sum));
            return;
          }
          const { ind, path } = suspects[0];
          const score = numOf(ind.score)!;
          const others = sum.minus(score);
          const derived = new D(g.weight).minus(others);
          ctx.report(
            `${path}.score`,
            `${ctx.label(`${path}.score`)} ${fmtScore(score)}：目标 ${shown(ind.target)}，实际 ${shown(ind.actual)}，已达标；「${g.label}」其余指标均达标、共得 ${fmtScore(others)} 分，推得本指标分值 ${fmtScore(derived)}，应得 ${fmtScore(derived)}（表中没有分值栏，分值为推算）。`,
            fmtScore(derived),
            fmtScore(score),
          );
        });
      }
    },
  },
  {
    id: "SCORE.HEADLINE_UNREACHABLE",
    severity: "错误",
    title: "表头的自评得分高于各项得分所能达到的分数",
    description:
      "表头印着的自评得分（如“自评得分 98”）不能高于：已打的各项得分（预算执行率与三级指标）之和，加上尚未打分部分的分值（满分100减去已打分各项的分值）。高出的分数没有来处。",
    example: "自评得分填写为 98，而各项得分之和为 84，尚未打分的分值为 10，最高只能是 94。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const sheetPath = sheetPathOf(s.base);
        const stated = numOf(ctx.facts(sheetPath).headlineScore);
        if (stated === null) continue;
        let scores = ctx.num(`${s.exec}.score`) ?? new D(0);
        let weights = ctx.num(`${s.exec}.score`) === null ? new D(0) : (ctx.num(`${s.exec}.weight`) ?? new D(0));
        for (const { ind } of ctx.indicators(s)) {
          const score = numOf(ind.score);
          if (score === null) continue;
          scores = scores.plus(score);
          weights = weights.plus(numOf(ind.weight) ?? score);
        }
        if (weights.greaterThan(FULL_MARKS)) continue; // SCORE.WEIGHT_TOTAL's finding
        const open = new D(FULL_MARKS).minus(weights);
        const most = scores.plus(open);
        if (!stated.minus(most).greaterThan(ctx.tolerance)) continue;
        ctx.report(
          `${sheetPath}.headlineScore`,
          `自评得分填写为 ${fmtScore(stated)}，而各项得分之和为 ${fmtScore(scores)}，尚未打分的分值为 ${fmtScore(open)}，最高只能是 ${fmtScore(most)}。`,
          `≤ ${fmtScore(most)}`,
          fmtScore(stated),
        );
      }
    },
  },
  {
    id: "CONTENT.GOAL_PARTS_SUM",
    severity: "提示",
    title: "目标文字里的分项金额加起来不等于总额",
    description:
      "年度总体目标写了总额和“其中”的各项金额（如“共申请预算资金2026400元,其中村级组织运转400000元,……”）时，各项之和应等于总额；对不上说明有一部分钱没有交代去向，或数字抄错。",
    example: "年度总体目标（预期目标）写明总额 2026400元，其中各项 400000 + 252000 + 28000 + 960000 + 100000 = 1740000元，相差 286400元。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const [part, label] of [
          ["planned", "年度总体目标（预期目标）"],
          ["achieved", "年度总体目标（实际完成情况）"],
        ]) {
          const path = `${s.base}goals.${part}`;
          const raw = ctx.raw(path);
          if (typeof raw !== "string") continue;
          const found = partsSum(raw);
          if (!found || found.sum.minus(found.total).abs().lessThan(CENT_IN_YUAN)) continue;
          const diff = found.total.minus(found.sum).abs();
          ctx.report(
            path,
            `${label}写明总额 ${found.totalText}，其中各项 ${found.partTexts.join(" + ")} = ${found.sum.toFixed()}${found.unit}，相差 ${diff.toFixed()}${found.unit}。`,
            `${found.total.toFixed()}${found.unit}`,
            `${found.sum.toFixed()}${found.unit}`,
          );
        }
      }
    },
  },
  {
    id: "CONTENT.PROMPT_LEFT",
    severity: "提示",
    title: "系统表格的填写提示没有换成内容",
    description: "一体化系统导出的自评表在应填内容处印着填写提示（如“结合自评情况,分析存在的问题及原因。(200字以内)”）；原样公开说明这一栏没有填写。",
    example: "「对照年度目标,说明相关任务目标的完成情况(100字以内)」是表格的填写提示，应换成本项目的实际内容。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const sheetPath = sheetPathOf(s.base);
        (ctx.facts(sheetPath).promptTexts ?? []).forEach((t, i) => {
          ctx.report(`${sheetPath}.promptTexts.${i}`, `「${t}」是表格的填写提示，应换成本项目的实际内容。`, "实际内容", t);
        });
      }
    },
  },
  {
    id: "SCORE.EXEC_INDICATOR",
    severity: "警告",
    title: "作为指标行的预算执行率得分与执行率不符",
    description:
      "有的表（如宁夏 2021 共性指标）不在资金栏打执行率得分，而把“预算执行率”列为一条三级指标。它的得分同样按 min(执行率, 100%) × 分值 计算（保留两位小数），实际完成值就是执行率。",
    example: "指标「预算执行率」实际完成值 100%，按 min(执行率, 100%) × 分值 10 应得 10.00，表中为 9。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const { ind, path } of ctx.indicators(s)) {
          if (!/执\s*行\s*率\s*$/.test(ind.name)) continue; // spaces aside
          const weight = numOf(ind.weight);
          const score = numOf(ind.score);
          const actual = parseIndicatorValue(ind.actual);
          if (weight === null || score === null || actual.kind !== "quantity") continue;
          // A percent cell holds 1 for 100% (a number parses without a unit); text "100%" parses to 1 with unit "%".
          if (actual.unit !== "%" && typeof ind.actual !== "number") continue;
          const result = executionScore(actual.value, new D(1), weight);
          if (!result.ok || result.value.minus(score).abs().lessThanOrEqualTo(ctx.tolerance)) continue;
          ctx.report(
            `${path}.score`,
            `${ctx.label(`${path}.score`)} ${fmtScore(score)}：实际完成值 ${typeof ind.actual === "number" ? asPercent(ind.actual) : String(ind.actual).trim()}，按 min(执行率, 100%) × 分值 ${fmtScore(weight)} 应得 ${result.value.toFixed(2)}。`,
            result.value.toFixed(2),
            fmtScore(score),
          );
        }
      }
    },
  },
];
