/** Rules on single indicators: scores against their targets, figures restated from 附件1, actuals that only restate targets. */
import { rate } from "../../calc";
import { D, type Dec, fmtPercent } from "../../decimal";
import { directionNote, parseIndicatorValue, suggestScore, type Suggestion } from "../../indicator";
import type { Indicator } from "../../model";
import type { NameMatch } from "../../pairing";
import { type CheckContext, type ScoredSheet, money, numOf, percent } from "../context";
import type { Rule } from "../types";

/** A scored indicator whose target and actual could be compared (quantities, or dates as deadlines). */
interface Compared {
  p: string;
  ind: Indicator;
  sug: Suggestion;
  met: boolean;
  score: Dec;
  weight: Dec;
}

function eachCompared(ctx: CheckContext, fn: (c: Compared) => void) {
  for (const s of ctx.scoredSheets()) {
    for (const { ind, path: p } of ctx.indicators(s)) {
      const weight = numOf(ind.weight);
      const score = numOf(ind.score);
      if (weight === null || score === null) continue;
      const sug = suggestScore(ind.target, ind.actual, weight, ind.name);
      const met = sug.met;
      if (met === undefined) continue;
      fn({ p, ind, sug, met, score, weight });
    }
  }
}

const text = (ctx: CheckContext, path: string) => String(ctx.raw(path) ?? "").trim();

/**
 * An actual as the user sees it: a percent cell holds a number (100% → 1), and against a percent
 * target it reads as a percent, as compare() reads it ("1" → "100%", "0.98" → "98%", "87.18" → "87.18%").
 */
function shownActual(ctx: CheckContext, p: string): string {
  const raw = ctx.raw(`${p}.actual`);
  const target = parseIndicatorValue(ctx.raw(`${p}.target`));
  if (typeof raw !== "number" || !Number.isFinite(raw) || target.kind !== "quantity" || target.unit !== "%") return text(ctx, `${p}.actual`);
  const v = new D(String(raw));
  return `${(v.abs().greaterThan(1) ? v : v.times(100)).toFixed()}%`;
}
const nameOf = (ctx: CheckContext, p: string) => ctx.label(`${p}.name`).replace(/三级指标$/, "");
/** "（目标未写比较符号，按「控制率」类指标推定为≤）" when the direction was inferred, else "". */
const inferredNote = (sug: Suggestion) => (sug.kind === "score" && sug.inferred ? `（${directionNote(sug.inferred)}）` : "");

/**
 * 三级指标 that restate 附件1: the name 附件1 uses, the names departments write for it, and the
 * numerator and denominator paths (DOMAIN.md: 在职人员控制率 = 在职 ÷ 编制, … 控制率 = 决算 ÷ 预算).
 */
export const RESTATED_RATES: readonly { name: string; aliases: string[]; num: string; den: string }[] = [
  { name: "在职人员控制率", aliases: ["财政供养人员控制率", "人员编制控制率", "编制控制率", "在职人数控制率"], num: "basic.staff.actual", den: "basic.staff.authorized" },
  { name: "三公经费控制率", aliases: ["三公经费支出控制率", "三公经费预算控制率"], num: "basic.sangong.final", den: "basic.sangong.budget" },
  { name: "公用经费控制率", aliases: ["公用经费支出控制率"], num: "basic.publicFunds.final", den: "basic.publicFunds.budget" },
  { name: "项目经费控制率", aliases: ["项目支出控制率", "项目资金控制率"], num: "basic.project.final", den: "basic.project.budget" },
];

/** A 附件1 figure in a message: headcounts as whole numbers (75), amounts with 2 decimals (10.41). */
const figure = (path: string, x: Dec): string => (path.startsWith("basic.staff.") ? x.toFixed() : money(x));

/** Quotes and spaces aside: "“三公”经费控制率" → "三公经费控制率". */
export const rateKey = (name: string): string => name.replace(/[\s\u3000“”"'‘’「」（）()]/g, "");

/** The name before 控制率, where the kinds differ ("三公经费", "在职人员"); at least this long to pair by containment. */
const RATE_SUFFIX = "控制率";
const MIN_RATE_SUBJECT = 4;

/**
 * The 附件1 figure an indicator restates, by meaning: the name 附件1 uses (exact), a known synonym
 * (alias), or a 控制率 whose subject contains or is contained in a known one ("机关公用经费控制率" →
 * 公用经费控制率). No bigram similarity here: "人员经费控制率" and "公用经费控制率" look alike
 * but are different figures, so only containment of at least four characters pairs.
 */
export function restatedRateOf(name: string): { source: (typeof RESTATED_RATES)[number]; match: NameMatch; alias: boolean } | null {
  const key = rateKey(name);
  if (!key) return null;
  for (const source of RESTATED_RATES) {
    if (key === source.name) return { source, match: { kind: "exact" }, alias: false };
  }
  for (const source of RESTATED_RATES) {
    if (source.aliases.includes(key)) return { source, match: { kind: "contains" }, alias: true };
  }
  if (!key.endsWith(RATE_SUFFIX)) return null;
  const subject = key.slice(0, -RATE_SUFFIX.length);
  for (const source of RESTATED_RATES) {
    for (const known of [source.name, ...source.aliases].map((n) => n.slice(0, -RATE_SUFFIX.length))) {
      const [short, long] = subject.length <= known.length ? [subject, known] : [known, subject];
      if (short.length >= MIN_RATE_SUBJECT && long.includes(short)) return { source, match: { kind: "contains" }, alias: false };
    }
  }
  return null;
}

/** An actual written like a target ("≥80%", "≥266米", "12月底前"): a comparison, not a measured value. */
function restatesTarget(actual: unknown): boolean {
  // "达到95%" reports what was reached: a value, though it parses as ≥.
  if (typeof actual === "string" && /^\s*(达到|已达到|实现)/.test(actual)) return false;
  const v = parseIndicatorValue(actual);
  if (v.kind === "quantity") return v.explicitOp && v.op !== "=";
  if (v.kind === "date") return v.explicitOp && v.op !== "=";
  return false;
}

export const indicatorRules: Rule[] = [
  {
    id: "INDICATOR.FULL_NOT_MET",
    severity: "警告",
    title: "未达标却给满分",
    description:
      "定量指标的实际完成值未达到年度指标值（或完成时限晚于目标时限），却给了满分。按比例建议得分：≥ 类为 分值 × 实际 ÷ 目标，≤ 类为 分值 × 目标 ÷ 实际；时限未达到的由评价人酌情扣分。目标未写比较符号时，控制率、变动率、成本、时间、差错率、投诉等类指标按 ≤ 理解，满意度、完成率、达标率、覆盖率、及时率等按 ≥ 理解，并在提示中说明。",
    example: "指标「项目工作完成率」目标 ≥90%，实际 87.18%，未达标，却给了满分 5（建议 4.84）。",
    run(ctx) {
      eachCompared(ctx, ({ p, sug, met, score, weight }) => {
        if (met || !score.greaterThanOrEqualTo(weight)) return;
        const head = `${nameOf(ctx, p)}目标 ${text(ctx, `${p}.target`)}，实际 ${shownActual(ctx, p)}`;
        if (sug.kind === "score") {
          ctx.report(`${p}.score`, `${head}，未达标${inferredNote(sug)}，却给了满分 ${weight.toFixed()}（建议 ${money(sug.score)}）。`, money(sug.score), score.toFixed());
        } else {
          ctx.report(`${p}.score`, `${head}，未在时限内完成，却给了满分 ${weight.toFixed()}（应酌情扣分并写明原因）。`, `低于 ${weight.toFixed()}`, score.toFixed());
        }
      });
    },
  },
  {
    id: "INDICATOR.MET_NOT_FULL",
    severity: "警告",
    title: "已达标却扣分",
    description: "定量指标的实际完成值已达到年度指标值（或在时限内完成），得分却低于分值。若确有原因（如质量问题），应在偏差原因中写明。",
    example: "指标「资金到位及时率」目标 ≧ 100 %，实际 100%，已达标，得分 7 低于分值 10。",
    run(ctx) {
      eachCompared(ctx, ({ p, sug, met, score, weight }) => {
        if (!met || !score.lessThan(weight)) return;
        ctx.report(
          `${p}.score`,
          `${nameOf(ctx, p)}目标 ${text(ctx, `${p}.target`)}，实际 ${shownActual(ctx, p)}，已达标${inferredNote(sug)}，得分 ${score.toFixed()} 低于分值 ${weight.toFixed()}。`,
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
      eachCompared(ctx, ({ p, sug }) => {
        if (sug.kind !== "score") return;
        if (sug.op !== ">=" && sug.op !== ">" && sug.op !== "=") return;
        if (sug.ratio === null || sug.target.isZero()) return;
        const over = sug.ratio.minus(1);
        if (!over.greaterThan(ctx.preset.tolerances.overCompletion)) return;
        ctx.report(
          `${p}.actual`,
          `${nameOf(ctx, p)}目标 ${text(ctx, `${p}.target`)}，实际 ${shownActual(ctx, p)}，超出目标 ${fmtPercent(over)}${inferredNote(sug)}，年度指标值可能定得过低。`,
          text(ctx, `${p}.target`),
          text(ctx, `${p}.actual`),
        );
      });
    },
  },
  {
    id: "INDICATOR.ACTUAL_RESTATES_TARGET",
    severity: "提示",
    title: "实际完成值只重复了目标",
    description: "实际完成值应是实际达到的数值（如 96%、270米）；写成“≥80%”“≥266米”这样带比较符号的目标写法，评审时会被退回补填实测值。",
    example: "指标「计划完成率」实际完成值「≥80%」只是目标的写法（年度指标值 ≥80%），没有写出实际达到的数值。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const { ind, path: p } of ctx.indicators(s)) {
          if (!restatesTarget(ind.actual)) continue;
          const actual = text(ctx, `${p}.actual`);
          const target = text(ctx, `${p}.target`);
          const same = target.replace(/\s+/g, "") === actual.replace(/\s+/g, "");
          const why = same ? `只是重复了年度指标值 ${target}` : `是目标的写法（年度指标值 ${target || "未填写"}）`;
          ctx.report(`${p}.actual`, `${nameOf(ctx, p)}实际完成值「${actual}」${why}，没有写出实际达到的数值。`, "实际达到的数值", actual);
        }
      }
    },
  },
  {
    id: "INDICATOR.VS_BASIC",
    severity: "错误",
    title: "指标完成值与基础数据表不符",
    description:
      "在职人员控制率（财政供养人员控制率）、三公经费控制率、公用经费控制率、项目经费控制率等三级指标的实际完成值，应与基础数据表的数字算出的比率一致。名称不完全相同的按含义对应，并另行提示。",
    example: "指标「三公经费控制率」实际完成值 17.19%，按基础数据表 10.41 ÷ 60.50 计算应为 17.21%。",
    run(ctx) {
      if (!ctx.pkg.basic || !ctx.pkg.selfEvaluation) return;
      const s: ScoredSheet = { base: "selfEvaluation.", exec: "selfEvaluation.funds", kind: "selfEvaluation" };
      for (const { ind, path: p } of ctx.indicators(s)) {
        const paired = restatedRateOf(String(ind.name ?? ""));
        if (!paired) continue;
        const { source, match } = paired;
        const actual = parseIndicatorValue(ind.actual);
        const n = ctx.num(source.num);
        const d = ctx.num(source.den);
        if (actual.kind !== "quantity" || actual.unit !== "%" || n === null || d === null) continue;
        const r = rate(n, d);
        if (!r.ok) continue;
        const written = String(ind.actual);
        const dp = Math.min(2, /\.(\d+)\s*%/.exec(written)?.[1].length ?? 0);
        const same = actual.value.times(100).toDecimalPlaces(dp).equals(r.value.times(100).toDecimalPlaces(dp));
        if (same) continue;
        const by = match.kind === "exact" ? "" : `（按含义对应基础数据表「${source.name}」）`;
        ctx.report(
          `${p}.actual`,
          `指标「${text(ctx, `${p}.name`)}」实际完成值 ${written}${by}，按基础数据表 ${ctx.label(source.num)} ÷ ${ctx.label(source.den)} = ${figure(source.num, n)} ÷ ${figure(source.den, d)} 计算应为 ${percent(r.value)}。`,
          percent(r.value),
          written,
        );
      }
    },
  },
];
