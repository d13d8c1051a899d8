/**
 * One rule of the catalogue run alone on a package, for the rule tests of test/core/check/*.test.ts: every finding's cell
 * is the model path it was reported at ("selfEvaluation.indicators.1.score"), so that a test asserts where a finding
 * points as well as what it says.
 */
import { HUNAN_2024, RULES, type Finding, type Package, type Preset } from "../../src/core";
import { CheckContext } from "../../src/core/check/context";

export interface RuleRunOptions {
  preset?: Preset;
  /** Model paths whose cell holds a formula (ctx.hasFormula). */
  formulas?: string[];
}

/** The findings of rule `id` on `pkg`, in the order the rule reports them; the cell of each is its model path. */
export function ruleFindings(id: string, pkg: Package, options: RuleRunOptions = {}): Finding[] {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const formulas = new Set(options.formulas ?? []);
  const ctx: CheckContext = new CheckContext(
    { pkg, cellOf: (path) => ({ sheet: ctx.sheetOf(path), cell: path, formula: formulas.has(path) ? "=1" : undefined }) },
    options.preset ?? HUNAN_2024,
  );
  ctx.runRule(rule);
  return ctx.findings;
}

/** A finding as one row: [rule, severity, sheet, cell (model path), expected, actual, message]. */
export const row = (f: Finding): string[] => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.message];
