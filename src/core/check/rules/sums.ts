/** Sum checks shared by the rules: a total against its parts, with the 尾数差 tolerance. */
import { D, type Dec, round } from "../../decimal";
import { sumsAgree } from "../../exact";
import { type CheckContext, money, numOf, parseValue } from "../context";
import type { Rule } from "../types";

export const ROUNDING_RULE_ID = "SUM.ROUNDING";

/** SUM.ROUNDING: reported by the sum rules when a total misses its parts by at most the 尾数差 tolerance. */
export const roundingRule: Rule = {
  id: ROUNDING_RULE_ID,
  severity: "提示",
  title: "合计尾数差",
  description: "合计数与各分项之和相差不超过0.01万元，通常是分项四舍五入造成的尾数差。不是错误，但建议在说明中注明或调整分项。",
  example: "项目支出（2024年决算数）18259.03 与分项之和 86.56 + 18172.46 = 18259.02 相差0.01，属尾数差。",
  run: () => undefined,
};

/**
 * Compares the total at `totalPath` with the sum of `partPaths`. Blank parts count as 0;
 * nothing is said when the total is blank or every part is blank, or when a part is not a number (INPUT.* says so).
 * Amounts in 万元; a difference of at most `ctx.tolerance` (0.01) is a 尾数差 reported as SUM.ROUNDING (提示).
 * `subset`: the parts are only some of the total (其中 rows), so the total may exceed their sum.
 */
export function checkSum(ctx: CheckContext, totalPath: string, partPaths: string[], opts: { subset?: boolean } = {}): void {
  const rawTotal = ctx.raw(totalPath);
  const raws = partPaths.map((p) => ctx.raw(p));
  // Cells holding numbers that agree, added as exact hundredths (src/core/exact.ts): the common case, without decimals.
  // Stryker disable next-line all: a shortcut; when it is not taken, the decimal path below finds the same agreement
  if (sumsAgree(rawTotal, raws)) return;
  const total = numOf(rawTotal);
  if (total === null) return;
  if (raws.every((v) => parseValue(v).kind === "missing")) return;
  const parts: Dec[] = [];
  for (const v of raws) {
    const p = parseValue(v);
    if (p.kind === "missing") parts.push(new D(0));
    else if (p.kind === "number") parts.push(p.value);
    else return; // a part is not a number: INPUT.* says so
  }
  const sum = parts.reduce((a, b) => a.plus(b), new D(0));
  const diff = round(total, 2).minus(round(sum, 2));
  if (opts.subset ? diff.greaterThanOrEqualTo(0) : diff.isZero()) return;
  const expr = `${partPaths.map((p) => ctx.label(p).replace(/（\d{4}年(决算|预算)数）$/, "")).join(" + ")} = ${parts.map(money).join(" + ")} = ${money(sum)}`;
  if (opts.subset) {
    ctx.report(totalPath, `${ctx.label(totalPath)}为 ${money(total)}，小于其中所列分项之和：${expr}。分项是它的一部分，不应超过它。`, `≥ ${money(sum)}`, money(total));
    return;
  }
  if (diff.abs().lessThanOrEqualTo(ctx.tolerance)) {
    ctx.reportAs(ROUNDING_RULE_ID, "提示", totalPath, `${ctx.label(totalPath)}为 ${money(total)}，分项之和为 ${money(sum)}（${expr}），相差 ${money(diff.abs())}，属尾数差。`, money(sum), money(total));
    return;
  }
  ctx.report(totalPath, `${ctx.label(totalPath)}为 ${money(total)}，但分项之和为 ${money(sum)}（${expr}），相差 ${money(diff.abs())}。`, money(sum), money(total));
}
