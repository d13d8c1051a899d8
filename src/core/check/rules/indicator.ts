/** Rules on single indicators: scores against their targets, figures restated from 附件1, actuals that only restate targets. */
import { rate } from "../../calc";
import { D, type Dec, fmtPercent } from "../../decimal";
import { directionNote, type InferredDirection, parseIndicatorValue, suggestScore, type Suggestion } from "../../indicator";
import type { Indicator } from "../../model";
import type { NameMatch } from "../../pairing";
import { type CheckContext, money, numOf, percent } from "../context";
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

/** The compared indicators of one check, computed once for the three rules that go through them. */
const COMPARED = new WeakMap<CheckContext, Compared[]>();

function eachCompared(ctx: CheckContext, fn: (c: Compared) => void) {
  let list = COMPARED.get(ctx);
  if (!list) {
    list = [];
    for (const s of ctx.scoredSheets()) {
      for (const { ind, path: p } of ctx.indicators(s)) {
        const weight = numOf(ind.weight);
        const score = numOf(ind.score);
        if (weight === null || score === null) continue;
        const sug = suggestScore(ind.target, ind.actual, weight, ind.name);
        const met = sug.met;
        if (met === undefined) continue;
        list.push({ p, ind, sug, met, score, weight });
      }
    }
    COMPARED.set(ctx, list);
  }
  for (const c of list) fn(c);
}

const text = (ctx: CheckContext, path: string) => String(ctx.raw(path) ?? "").trim();

/**
 * An actual as the user sees it: a percent cell holds a number (100% → 1), and against a percent
 * target it reads as a percent, as compare() reads it ("1" → "100%", "0.98" → "98%", "87.18" → "87.18%").
 * A cell's number is always finite (an error such as #DIV/0! is read as text).
 */
function shownActual(ctx: CheckContext, p: string): string {
  const raw = ctx.raw(`${p}.actual`);
  const target = parseIndicatorValue(ctx.raw(`${p}.target`));
  if (typeof raw !== "number" || target.kind !== "quantity" || target.unit !== "%") return text(ctx, `${p}.actual`);
  const v = new D(String(raw));
  return `${(v.greaterThan(1) ? v : v.times(100)).toFixed()}%`;
}
const nameOf = (ctx: CheckContext, p: string) => ctx.label(`${p}.name`).replace(/三级指标$/, "");
/** "（目标未写比较符号，按「控制率」类指标推定为≤）" when the direction was inferred (a deadline's manual suggestion has none), else "". */
const inferredNote = (sug: Suggestion) => {
  const inferred = (sug as { inferred?: InferredDirection | null }).inferred;
  return inferred ? `（${directionNote(inferred)}）` : "";
};

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
      const contains = (long: string, short: string) => short.length >= MIN_RATE_SUBJECT && long.includes(short);
      if (contains(known, subject) || contains(subject, known)) return { source, match: { kind: "contains" }, alias: false };
    }
  }
  return null;
}

/** An actual written like a target ("≥80%", "≥266米", "12月底前"): a comparison, not a measured value. */
function restatesTarget(actual: unknown): boolean {
  // "达到95%" reports what was reached: a value, though it parses as ≥.
  if (/^\s*(达到|已达到|实现)/.test(String(actual))) return false;
  // Quantities and dates carry the operator as written; the other kinds (words, blank, "/") have none.
  const v = parseIndicatorValue(actual) as { explicitOp?: boolean; op?: string };
  return v.explicitOp === true && v.op !== "=";
}

/** A cell left empty: nothing, spaces, or only a template label such as "指标2:". */
function isEmpty(v: unknown): boolean {
  return parseIndicatorValue(v).kind === "missing";
}

/** An indicator row the form actually uses: a name beyond the template's "指标2:" / "……", or a figure. */
function hasName(ind: Indicator): boolean {
  const name = String(ind.name ?? "").replace(/^\s*指标\s*\d+\s*[:：]?/, "").trim();
  return name !== "" && parseIndicatorValue(name).kind !== "notApplicable";
}

/** A short word where a figure was asked for ("完成", "达标", "一般"); longer texts are accounts of what was done. */
const SHORT_WORD = 8;

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
      const limit = ctx.preset.tolerances.overCompletion;
      eachCompared(ctx, ({ p, sug }) => {
        // ≥, > and = targets (= missed is read as ≥); a ≤ / < target exceeded is FULL_NOT_MET's. A target of 0 has no ratio.
        if (sug.kind !== "score" || sug.op === "<=" || sug.op === "<" || sug.target.isZero()) return;
        // Over by (actual − target) ÷ |target| (actual ÷ target − 1 for a positive target; a negative one, "≥-10%", is
        // exceeded upwards too): tested as actual > target + |target| × limit, a product per row and no division.
        const size = sug.target.abs();
        if (!sug.actual.greaterThan(sug.target.plus(size.times(limit)))) return;
        const over = sug.actual.minus(sug.target).dividedBy(size);
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
          // The texts of the row at hand (what ctx.raw would find at its paths).
          const actual = String(ind.actual ?? "").trim();
          const target = String(ind.target ?? "").trim();
          const same = target.replace(/\s/g, "") === actual.replace(/\s/g, "");
          const why = same ? `只是重复了年度指标值 ${target}` : `是目标的写法（年度指标值 ${target || "未填写"}）`;
          ctx.report(`${p}.actual`, `${nameOf(ctx, p)}实际完成值「${actual}」${why}，没有写出实际达到的数值。`, "实际达到的数值", actual);
        }
      }
    },
  },
  {
    id: "INDICATOR.INCOMPLETE",
    severity: "警告",
    title: "指标的目标、完成值或得分未填写",
    description: "一行三级指标给了分值或得分，年度指标值、实际完成值、得分就都要填写：目标和完成值都空着时得分无从核对；有目标和分值而没有完成值或得分，自评就没有做完。“/”“—”表示不适用的不在此列。",
    example: "指标「工程质量合格」有分值 10、得分 10，但年度指标值和实际完成值都没有填写，得分无从核对。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const { ind, path: p } of ctx.indicators(s)) {
          if (!hasName(ind)) continue;
          const weight = numOf(ind.weight);
          const score = numOf(ind.score);
          const targetEmpty = isEmpty(ind.target);
          const actualEmpty = isEmpty(ind.actual);
          // The name only when there is something to say (a label per indicator row costs more than the check).
          const name = () => nameOf(ctx, p);
          if ((weight !== null || score !== null) && targetEmpty && actualEmpty) {
            const given = [weight !== null ? `分值 ${weight.toFixed()}` : "", score !== null ? `得分 ${score.toFixed()}` : ""].filter(Boolean).join("、");
            ctx.report(`${p}.target`, `${name()}有${given}，但年度指标值和实际完成值都没有填写，得分无从核对。`, "年度指标值和实际完成值", "（空）");
          } else if (weight !== null && !targetEmpty) {
            if (actualEmpty) ctx.report(`${p}.actual`, `${name()}年度指标值 ${text(ctx, `${p}.target`)}、分值 ${weight.toFixed()}，实际完成值未填写。`, "实际完成值", "（空）");
            else if (isEmpty(ind.score)) ctx.report(`${p}.score`, `${name()}已填实际完成值 ${shownActual(ctx, p)}，得分未填写。`, "得分", "（空）");
          }
        }
      }
    },
  },
  {
    id: "INDICATOR.ACTUAL_NOT_A_VALUE",
    severity: "提示",
    title: "定量指标的完成值只写了一个词",
    description: "年度指标值是数量或时限（如“≤30万元”“≥95%”“2023年12月底前”）时，实际完成值应写实际达到的数量或日期；只写“完成”“达标”“一般”这样的词，无法核对是否达标，也无法按比例计算得分。",
    example: "指标「成本控制数」年度指标值 ≤ 30 万元，实际完成值只写了「完成」，无法核对是否达标。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        for (const { ind, path: p } of ctx.indicators(s)) {
          if (numOf(ind.score) === null && numOf(ind.weight) === null) continue;
          const target = parseIndicatorValue(ind.target);
          if (target.kind !== "quantity" && target.kind !== "date") continue;
          const actual = parseIndicatorValue(ind.actual);
          if (actual.kind !== "qualitative" || actual.text.length > SHORT_WORD || /\d/.test(actual.text)) continue;
          ctx.report(`${p}.actual`, `${nameOf(ctx, p)}年度指标值 ${text(ctx, `${p}.target`)}，实际完成值只写了「${actual.text}」，无法核对是否达标。`, target.kind === "date" ? "完成日期" : "实际达到的数值", actual.text);
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
      const s = ctx.scoredSheets().find((x) => x.kind === "selfEvaluation");
      if (!ctx.pkg.basic || !s) return;
      for (const { ind, path: p } of ctx.indicators(s)) {
        const paired = restatedRateOf(String(ind.name));
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
