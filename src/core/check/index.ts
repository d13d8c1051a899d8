/** The checker: a package (and where its figures sit) → findings, sorted by sheet and cell. */
import { parseAddress } from "../grid";
import { HUNAN_2024, type Preset } from "../preset";
import { RULES } from "./catalogue";
import { CheckContext, type CheckInput } from "./context";
import { FORM_BLANK } from "./rules/blank";
import type { Finding, Severity } from "./types";

export type { Finding, Rule, Severity } from "./types";
export { RULES, ruleById } from "./catalogue";
export { FORM_BLANK, isBlankForm } from "./rules/blank";
export type { CheckInput, NotChecked } from "./context";
import type { NotChecked } from "./context";

const SEVERITY_ORDER: Record<Severity, number> = { 错误: 0, 警告: 1, 提示: 2 };

export function checkPackage(input: CheckInput, preset: Preset = HUNAN_2024): Finding[] {
  return checkPackageFull(input, preset).findings;
}

/** The findings, and the checks that were not possible because the form lacks what they need. */
export function checkPackageFull(input: CheckInput, preset: Preset = HUNAN_2024): { findings: Finding[]; notChecked: NotChecked[] } {
  const ctx = new CheckContext(input, preset);
  for (const rule of RULES) ctx.runRule(rule);
  // A sheet nobody has filled says so once (FORM.BLANK, 尚未填写), not once per empty cell.
  const blank = new Set(ctx.findings.filter((f) => f.rule === FORM_BLANK).map((f) => f.sheet));
  if (blank.size > 0) ctx.findings.splice(0, ctx.findings.length, ...ctx.findings.filter((f) => f.rule === FORM_BLANK || !blank.has(f.sheet)));
  const sheetOrder = new Map<string, number>();
  for (const f of ctx.findings) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, input.sheets?.findIndex((s) => s.name === f.sheet) ?? 0);
  const pos = (f: Finding) => (f.cell ? parseAddress(f.cell) : { row: -1, col: -1 });
  const findings = ctx.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const s = (sheetOrder.get(a.f.sheet) ?? 0) - (sheetOrder.get(b.f.sheet) ?? 0);
      if (s !== 0) return s;
      const pa = pos(a.f);
      const pb = pos(b.f);
      return pa.row - pb.row || pa.col - pb.col || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i;
    })
    .map(({ f }) => f);
  return { findings, notChecked: ctx.notChecked };
}

/** A not-possible check as one line for the notices list: "「…」：未核对「预算执行率计算不符」——表中没有「执行率」栏。" */
export function notCheckedText(n: NotChecked): string {
  return `工作表「${n.sheet}」未核对「${n.title}」（${n.rule}）：${n.reason}。`;
}

/** Counts per severity, for the task pane's badges and the CLI's summary. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { 错误: 0, 警告: 0, 提示: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
