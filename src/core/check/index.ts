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
  const kept = ctx.findings.filter((f) => f.rule === FORM_BLANK || !blank.has(f.sheet));
  // The workbook's sheet order; a sheet it does not list (or no list) comes first. Sheet names are unique in a workbook.
  const sheetIndex = new Map(input.sheets?.map((s, i) => [s.name, i]));
  const rank = (f: Finding) => sheetIndex.get(f.sheet) ?? -1;
  const pos = (f: Finding) => (f.cell ? parseAddress(f.cell) : { row: -1, col: 0 });
  // Array.prototype.sort is stable: findings of one cell and severity keep the catalogue's order.
  const findings = kept.sort((a, b) => {
    const s = rank(a) - rank(b);
    if (s !== 0) return s;
    const pa = pos(a);
    const pb = pos(b);
    return pa.row - pb.row || pa.col - pb.col || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
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
