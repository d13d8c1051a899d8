/**
 * Rule tests that assert which figure a finding points at: the cell map gives every figure its model path as the
 * sheet name (cell A1), so a finding's `sheet` is the path of the figure it is about ("selfEvaluation.total.score").
 * Used by test/core/check/*.test.ts.
 */
import { checkPackageFull, HUNAN_2024, type CheckInput, type Finding, type NotChecked, type Package } from "../../src/core";
import type { Preset } from "../../src/core/preset";

/** The findings of the rules `rules` on `pkg`, each at its model path (as the sheet name), and the checks not made. */
export function checkByPath(pkg: Package, rules: string[], input: Omit<CheckInput, "pkg" | "cellOf"> = {}, preset: Preset = HUNAN_2024): { findings: Finding[]; notChecked: NotChecked[] } {
  const r = checkPackageFull({ ...input, pkg, cellOf: (path) => ({ sheet: path, cell: "A1" }) }, preset);
  return { findings: r.findings.filter((f) => rules.includes(f.rule)), notChecked: r.notChecked.filter((n) => rules.includes(n.rule)) };
}

/** The findings of the rules `rules` on `pkg`, each at its model path (as the sheet name). */
export function findingsByPath(pkg: Package, rules: string[], input: Omit<CheckInput, "pkg" | "cellOf"> = {}, preset: Preset = HUNAN_2024): Finding[] {
  return checkByPath(pkg, rules, input, preset).findings;
}

/** A finding about the figure at `path`, as findingsByPath gives it. */
export function at(path: string, rule: string, severity: Finding["severity"], message: string, expected: string, actual: string): Finding {
  return { rule, severity, sheet: path, cell: "A1", message, expected, actual };
}
