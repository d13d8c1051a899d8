/**
 * Every figure in the generated text is traceable: each number is pulled out of the text and
 * must be a value of the model (or of 报告素材), or be computed from the model here, in the
 * test, independently of the generator: a ratio, a difference, a share or a sum of its figures.
 */
import { amountOrNull, checkGrids, D, fmt, fmtPercent, plain, type Dec, type Finding, type Package } from "../../src/core";
import { generateReport, renderPlainText, type ReportMaterial } from "../../src/core/report";
import { generatedPackage } from "../../bench/generate";
import { loadSeed, seedGrids } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const NUMBER = /\d+(?:\.\d+)?%?/g;

/** Numbers and texts of every leaf of an object. */
function leaves(value: unknown, out: { numbers: Dec[]; texts: string[] }): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (typeof value === "object") Object.values(value).forEach((v) => leaves(v, out));
  else if (typeof value === "number") out.numbers.push(new D(String(value)));
  else if (typeof value === "string") {
    const n = amountOrNull(value);
    if (n !== null) out.numbers.push(n);
    out.texts.push(value);
  }
}

function sum(xs: (number | string | null)[]): Dec {
  return xs.reduce<Dec>((s, x) => s.plus(amountOrNull(x) ?? 0), new D(0));
}

/** What the text may contain: the model's own figures and what can be computed from them. */
function traceable(pkg: Package, material: ReportMaterial | null, findings: Finding[]): Set<string> {
  const { numbers, texts } = { numbers: [] as Dec[], texts: [] as string[] };
  const acc = { numbers, texts };
  leaves(pkg, acc);
  leaves(material, acc);
  const e = pkg.selfEvaluation;
  // Sums the report states: Σ of each 一级指标's 分值 and 得分, of the projects' funds, of a split.
  if (e) {
    const groups = new Map<string, typeof e.indicators>();
    for (const i of e.indicators) groups.set(i.level1.replace(/[（(].*$/, ""), [...(groups.get(i.level1.replace(/[（(].*$/, "")) ?? []), i]);
    for (const list of groups.values()) numbers.push(sum(list.map((i) => i.weight)), sum(list.map((i) => i.score)));
    numbers.push(sum([e.byIncome.general, e.byIncome.govFund, e.byIncome.specialAccount, e.byIncome.other]), sum([e.byExpense.basic, e.byExpense.project]));
    // 项目支出 is 附件1's when it has one (the designated table): the split 基本支出 + 项目支出 uses it.
    numbers.push(sum([e.byExpense.basic, pkg.basic?.project.final ?? e.byExpense.project]));
    numbers.push(sum([e.funds.score, ...e.indicators.map((i) => i.score)]));
    numbers.push(new D(e.indicators.filter((i) => i.weight !== null || i.score !== null).length));
    numbers.push(new D(e.indicators.filter((i) => i.score !== null && i.weight !== null && Number(i.score) < Number(i.weight)).length));
  }
  numbers.push(sum(pkg.projects.map((p) => p.funds.total.fullBudget)), sum(pkg.projects.map((p) => p.funds.total.executed)), new D(pkg.projects.length));
  numbers.push(new D(pkg.year), new D(pkg.year - 1));
  for (const f of findings) texts.push(f.message);
  numbers.push(new D(findings.filter((f) => f.severity === "错误").length));

  const ok = new Set<string>();
  const add = (x: Dec) => {
    ok.add(fmt(x));
    ok.add(plain(x));
    if (x.isInteger()) ok.add(x.toFixed(0));
  };
  const addPercent = (x: Dec) => ok.add(fmtPercent(x));
  for (const t of texts) for (const m of t.matchAll(NUMBER)) ok.add(m[0]);
  const unique = [...new Map(numbers.map((n) => [n.toString(), n])).values()];
  for (const a of unique) {
    add(a);
    addPercent(a);
    for (const b of unique) {
      const diff = a.minus(b).abs();
      add(diff);
      if (!b.isZero()) {
        addPercent(a.dividedBy(b));
        addPercent(diff.dividedBy(b));
      }
    }
  }
  return ok;
}

function untraced(text: string, ok: Set<string>): string[] {
  // "附件2" names a form, "1. " numbers a list, 2025年4月17日 is the 落款 date (附件1's 填报日期): none is a figure.
  const figures = text.replace(/附件\d/g, "").replace(/^(\s*)\d+\. /gm, "$1").replace(/\d{4}年\d{1,2}月\d{1,2}日/g, "");
  return [...figures.matchAll(NUMBER)].map((m) => m[0]).filter((n) => !ok.has(n));
}

describe("every number in the generated report comes from the model", () => {
  test.each(["002", "003", "004"] as const)("seed %s, with the table checker's findings in the warning", (id) => {
    const pkg = loadSeed(id);
    const material = id === "003" ? MATERIAL_003 : null;
    const findings = checkGrids(seedGrids(id)).findings;
    const text = renderPlainText(generateReport(pkg, material, findings));
    const ok = traceable(pkg, material, findings);
    expect(untraced(text, ok)).toEqual([]);
    // The check has teeth: a figure that is not in the model is found.
    expect(untraced(`${text}公用经费405.96万元。`, ok)).toEqual(["405.96"]);
  });

  test("a generated package of 20 projects (the benchmark's)", () => {
    const pkg = generatedPackage(20);
    const text = renderPlainText(generateReport(pkg, null, []));
    expect(untraced(text, traceable(pkg, null, []))).toEqual([]);
  });
});
