/** Rules on 分值 and 得分 of the 绩效指标 tables, 总分 and 等级. */
import { grade, gradeMatches } from "../../calc";
import { D, type Dec, round } from "../../decimal";
import { money, numOf, sheetPathOf, sumOf } from "../context";
import type { Rule } from "../types";

/** "产出指标（50分）" → 50; null when the heading states no weight. */
export function headingWeight(level1: string): Dec | null {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(level1);
  return m ? new D(m[1]) : null;
}

function headingName(level1: string): string {
  return level1.replace(/[（(][^)）]*[)）]/g, "").replace(/\s/g, "");
}

const fmtScore = (x: Dec) => x.toFixed();

export const scoreRules: Rule[] = [
  {
    id: "SCORE.RANGE",
    severity: "错误",
    title: "得分超出分值或为负",
    description: "每项得分应在 0 到该项分值之间。",
    example: "指标「办事群众满意度」得分 12 超过分值 10。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        // Each indicator row ("selfEvaluation.indicators.3") and the 年度资金总额 row, by its own 分值; an indicator's figures
        // taken from the row at hand (no path lookup per row: this rule runs over every indicator of every sheet).
        const check = (p: string, rawScore: unknown, rawWeight: unknown) => {
          const score = numOf(rawScore);
          const weight = numOf(rawWeight);
          if (score === null) return;
          if (score.isNegative()) ctx.report(`${p}.score`, `${ctx.label(`${p}.score`)} ${fmtScore(score)} 为负数。`, "≥ 0", fmtScore(score));
          else if (weight !== null && score.greaterThan(weight)) ctx.report(`${p}.score`, `${ctx.label(`${p}.score`)} ${fmtScore(score)} 超过分值 ${fmtScore(weight)}。`, `≤ ${fmtScore(weight)}`, fmtScore(score));
        };
        for (const { ind, path } of ctx.indicators(s)) check(path, ind.score, ind.weight);
        check(s.exec, ctx.raw(`${s.exec}.score`), ctx.raw(`${s.exec}.weight`));
      }
    },
  },
  {
    id: "SCORE.WEIGHT_TOTAL",
    severity: "错误",
    title: "分值合计不是100",
    description: "预算执行率分值与各三级指标分值之和应为100分；总分行的分值应等于该合计。",
    example: "分值合计为 95（执行率 10 + 指标 85），应为 100。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const rows = ctx.indicators(s);
        if (rows.length === 0) continue;
        const execWeight = ctx.num(`${s.exec}.weight`) ?? new D(0);
        const sum = sumOf(rows.map(({ ind }) => ind.weight));
        const total = execWeight.plus(sum);
        const at = `${s.base}total.weight`;
        if (!total.equals(100)) {
          ctx.report(at, `分值合计为 ${fmtScore(total)}（执行率 ${fmtScore(execWeight)} + 指标 ${fmtScore(sum)}），应为 100。`, "100", fmtScore(total));
          continue;
        }
        const stated = ctx.num(at);
        if (stated !== null && !stated.equals(total)) ctx.report(at, `总分行的分值填写为 ${fmtScore(stated)}，各项分值之和为 ${fmtScore(total)}。`, fmtScore(total), fmtScore(stated));
      }
    },
  },
  {
    id: "SCORE.LEVEL1_WEIGHT",
    severity: "警告",
    title: "一级指标分值与标题不符",
    description: "一级指标标题写明的分值（如“产出指标（50分）”）应等于其下三级指标分值之和；表注规定了一级指标分值时（如“产出指标50分、效益指标30分”）按表注核对，附件2还应符合预设的权重（产出50、效益30、满意度10），附件3符合预设的一级分值（湖南2024：产出40、效益20、满意度10、成本20）。",
    example: "产出指标标题为50分，其下三级指标分值之和为 45。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const weightsOf = new Map<string, { heading: string; weights: unknown[]; first: string }>();
        for (const { ind, path: p } of ctx.indicators(s)) {
          const level1 = ind.level1 ?? "";
          const key = headingName(level1);
          if (!key) continue;
          const g = weightsOf.get(key);
          if (g) g.weights.push(ind.weight);
          else weightsOf.set(key, { heading: level1, weights: [ind.weight], first: p });
        }
        const groups = new Map([...weightsOf].map(([key, { heading, weights, first }]) => [key, { heading, sum: sumOf(weights), first }]));
        const wrongHeading = new Set<string>();
        const presetWeights: Record<string, number> = { 产出指标: ctx.preset.weights.output, 效益指标: ctx.preset.weights.effect, 满意度指标: ctx.preset.weights.satisfaction };
        // The form's own note fixes the 一级 weights (四川: 注：1.一级指标分值统一设置为：产出指标50分…): each group against it, at its 一级 cell.
        const noted = ctx.facts(sheetPathOf(s.base)).levelWeights;
        if (noted) {
          for (const [name, g] of groups) {
            const want = noted[name];
            const stated = headingWeight(g.heading);
            const have = stated ?? g.sum;
            if (want === undefined || have.equals(want)) continue;
            ctx.report(`${g.first}.level1`, `${g.heading.trim()}：${stated ? `标题为${fmtScore(stated)}分，` : ""}其下三级指标分值之和为 ${fmtScore(g.sum)}，表注规定${name}为 ${want} 分。`, String(want), fmtScore(have));
          }
        }
        for (const [name, g] of groups) {
          const stated = headingWeight(g.heading);
          const expected = stated ?? (s.kind === "selfEvaluation" && presetWeights[name] !== undefined ? new D(presetWeights[name]) : null);
          if (expected === null || g.sum.equals(expected)) continue;
          const source = stated ? `标题为${fmtScore(stated)}分` : `预设权重为${fmtScore(expected)}分`;
          ctx.report(`${g.first}.weight`, `${name}${source}，其下三级指标分值之和为 ${fmtScore(g.sum)}。`, fmtScore(expected), fmtScore(g.sum));
          wrongHeading.add(name);
        }
        // 附件3 against the preset's 一级 weights (湖南 2024: 产出40、效益20、满意度10、成本20), on a form in the preset's
        // own layout (a form of another province keeps its own weights) and without weights of its own in a note.
        const own = ctx.facts(sheetPathOf(s.base));
        const weights = ctx.preset.projectLevelWeights;
        if (s.kind !== "project" || noted || !weights || own.layout !== ctx.preset.layout.id) continue;
        // A form without one of the scheme's 一级 (安徽, 河北: 成本指标 is a 二级 under 产出) follows another scheme: said, not checked.
        const absentLevels = Object.keys(weights).filter((name) => !groups.has(name));
        if (absentLevels.length > 0) {
          const names = absentLevels.map((n) => `「${n}」`).join("、");
          ctx.skip(`${s.base}indicators`, `表中没有一级指标${names}，不是“${ctx.preset.label}”附件3的一级指标设置，未按其规定的一级分值核对（其他省份的表可选用本省的评分方案）`);
          continue;
        }
        for (const [name, g] of groups) {
          const want = weights[name];
          if (want === undefined || wrongHeading.has(name) || g.sum.equals(want)) continue;
          ctx.report(`${g.first}.level1`, `${name}其下三级指标分值之和为 ${fmtScore(g.sum)}，“${ctx.preset.label}”规定附件3的${name}为 ${want} 分。`, String(want), fmtScore(g.sum));
        }
      }
    },
  },
  {
    id: "SCORE.REASON_MISSING",
    severity: "警告",
    title: "扣分未填写偏差原因",
    description: "得分低于分值（扣了分）时，应在“偏差原因分析及改进措施”中说明原因。",
    example: "指标「办事群众满意度」得分 8 低于分值 10，但未填写偏差原因分析及改进措施。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const { ind, path: p } of ctx.indicators(s)) {
          const score = numOf(ind.score);
          const weight = numOf(ind.weight);
          const reason = (ind.reason ?? "").trim();
          if (score === null || weight === null || !score.lessThan(weight) || reason) continue;
          // At the 偏差原因 cell: a click on the finding lands where the reason is to be typed.
          ctx.report(`${p}.reason`, `${ctx.label(`${p}.score`)} ${fmtScore(score)} 低于分值 ${fmtScore(weight)}，但未填写偏差原因分析及改进措施。`, "填写偏差原因", "（空）");
        }
      }
    },
  },
  {
    id: "SCORE.TOTAL",
    severity: "错误",
    title: "总分与各项得分之和不符",
    description: "总分 = 预算执行率得分 + 各三级指标得分之和。",
    example: "总分填写为 96，预算执行率得分与各指标得分之和为 95.40。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const at = `${s.base}total.score`;
        const stated = ctx.num(at);
        if (stated === null) continue;
        const sum = sumOf([ctx.raw(`${s.exec}.score`), ...ctx.indicators(s).map(({ ind }) => ind.score)]);
        if (round(stated, 2).equals(round(sum, 2))) continue;
        ctx.report(at, `${ctx.label(at)}填写为 ${fmtScore(stated)}，预算执行率得分与各指标得分之和为 ${money(sum)}。`, money(sum), fmtScore(stated));
      }
    },
  },
  {
    id: "SCORE.GRADE",
    severity: "错误",
    title: "评价等级与总分不符",
    description: "评价等级按预设的等级标准由总分确定（默认：90分及以上优，80分及以上良，60分及以上中，60分以下差）；写“合格/不合格”的表按60分（预设的及格线）判断。",
    example: "评价等级填写为“优”，总分 88.50 对应的等级为“良”。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const at = `${s.base}total.grade`;
        const stated = ctx.raw(at);
        const total = ctx.num(`${s.base}total.score`);
        if (typeof stated !== "string" || !stated.trim() || total === null) continue;
        // 合格 / 不合格: the two-word scheme, judged by the preset's pass mark.
        const word = stated.replace(/[\s“”"'‘’「」等级]/g, "");
        if (word === "合格" || word === "不合格") {
          const pass = total.greaterThanOrEqualTo(ctx.preset.passMark);
          if (pass === (word === "合格")) continue;
          const right = pass ? "合格" : "不合格";
          ctx.report(at, `评价等级填写为“${stated.trim()}”，总分 ${money(total)} ${pass ? "达到" : "低于"} ${ctx.preset.passMark} 分，应为“${right}”。`, right, stated.trim());
          continue;
        }
        const band = grade(total, ctx.preset.grades);
        if (gradeMatches(stated, band)) continue;
        ctx.report(at, `评价等级填写为“${stated.trim()}”，总分 ${money(total)} 按“${ctx.preset.grades.label}”对应的等级为“${band.name}”。`, band.name, stated.trim());
      }
    },
  },
];
