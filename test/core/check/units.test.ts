/**
 * UNIT.SUSPECT (src/core/check/rules/units.ts): a form in 元 (or 千元) whose 年度资金总额 is under 0.1 万元 most likely
 * had 万元 typed in. Every finding is asserted whole, at the model path of the figure (test/helpers/findingsByPath.ts).
 */
import { clean } from "../../helpers/cleanPackage";
import { at, findingsByPath } from "../../helpers/findingsByPath";

const RULE = "UNIT.SUSPECT";
const inYuan = { "projects.0": { amountUnit: { unit: "元" as const, text: "项目资金(元)" } } };

test("a 元 form: the first small figure of the row, in 元 and in 万元, once per sheet", () => {
  const p = clean();
  // 60 / 50 / 57 万元 typed into a 元 form are read as 0.006 / 0.005 / 0.0057 万元.
  p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 0.005, fullBudget: 0.006, executed: 0.0057 };
  expect(findingsByPath(p, [RULE], { facts: inYuan })).toEqual([
    at(
      "projects.0.funds.total.fullBudget",
      RULE,
      "提示",
      "表中金额单位为元（「项目资金(元)」），项目「信息化运维」年度资金总额全年预算数只有 60.00 元（0.006万元），是否按万元填写？请核对单位。", // 0.006 × 10000
      "以元填写",
      "60.00 元",
    ),
  ]);
});

test("a blank, zero or large figure is passed over for the next one: 年初预算数, then 全年执行数", () => {
  const p = clean();
  p.projects[0].funds.total = { ...p.projects[0].funds.total, fullBudget: null, initialBudget: 0.005, executed: 0.0057 };
  expect(findingsByPath(p, [RULE], { facts: inYuan }).map((f) => [f.sheet, f.actual])).toEqual([["projects.0.funds.total.initialBudget", "50.00 元"]]); // 0.005 × 10000
  p.projects[0].funds.total = { ...p.projects[0].funds.total, fullBudget: 0, initialBudget: -5, executed: 0.0999 };
  expect(findingsByPath(p, [RULE], { facts: inYuan })).toEqual([
    at("projects.0.funds.total.executed", RULE, "提示", "表中金额单位为元（「项目资金(元)」），项目「信息化运维」年度资金总额全年执行数只有 999.00 元（0.0999万元），是否按万元填写？请核对单位。", "以元填写", "999.00 元"),
  ]);
});

test("0.1 万元 (1000 元) exactly is not small; zeros throughout are not suspect", () => {
  const p = clean();
  p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 0.1, fullBudget: 0.1, executed: 0.1 };
  expect(findingsByPath(p, [RULE], { facts: inYuan })).toEqual([]);
  p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 0, fullBudget: 0, executed: 0 };
  expect(findingsByPath(p, [RULE], { facts: inYuan })).toEqual([]);
});

test("a 千元 form: 10 千元 to the 万元", () => {
  const p = clean();
  p.selfEvaluation!.funds = { ...p.selfEvaluation!.funds, fullBudget: 0.032 };
  const facts = { selfEvaluation: { amountUnit: { unit: "千元" as const, text: "单位：千元" } } };
  expect(findingsByPath(p, [RULE], { facts })).toEqual([
    at("selfEvaluation.funds.fullBudget", RULE, "提示", "表中金额单位为千元（「单位：千元」），年度资金总额全年预算数只有 0.32 千元（0.032万元），是否按万元填写？请核对单位。", "以千元填写", "0.32 千元"), // 0.032 × 10
  ]);
});

test("a form in 万元, or without a stated unit, is not suspected", () => {
  const p = clean();
  p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 0.005, fullBudget: 0.006, executed: 0.0057 };
  expect(findingsByPath(p, [RULE], { facts: { "projects.0": { amountUnit: { unit: "万元", text: "单位：万元" } } } })).toEqual([]);
  expect(findingsByPath(p, [RULE])).toEqual([]);
});
