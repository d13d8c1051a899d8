/**
 * INPUT.TEXT_AMOUNT (src/core/check/rules/formulaInput.ts): a figure typed as text that JX reads and native formulas
 * do not. Every finding is asserted whole, at the model path of the figure (test/helpers/findingsByPath.ts).
 */
import { clean } from "../../helpers/cleanPackage";
import { at, findingsByPath } from "../../helpers/findingsByPath";

const RULE = "INPUT.TEXT_AMOUNT";
const say = (label: string, text: string, digits: string) =>
  `${label}填的是文字「${text}」而不是数字：JX 函数能读出 ${digits}，内置公式（定稿后、WPS、LibreOffice）不能。请改为数字 ${digits}。`;

test("an amount, a count and an area typed as text, on 附件1 and 附件3", () => {
  const p = clean();
  p.basic!.sangong.final = "3.5万元";
  p.basic!.staff.authorized = " 10 ";
  p.basic!.buildings.approvedArea = "1,200";
  p.projects[0].funds.current.executed = "57";
  expect(findingsByPath(p, [RULE])).toEqual([
    at("basic.staff.authorized", RULE, "警告", say("编制数", " 10 ", "10"), "数字 10", " 10 "),
    at("basic.sangong.final", RULE, "警告", say("三公经费（2024年决算数）", "3.5万元", "3.5"), "数字 3.5", "3.5万元"),
    at("basic.buildings.approvedArea", RULE, "警告", say("楼堂馆所批复规模", "1,200", "1200"), "数字 1200", "1,200"),
    at("projects.0.funds.current.executed", RULE, "警告", say("项目「信息化运维」当年财政拨款全年执行数", "57", "57"), "数字 57", "57"),
  ]);
});

test("the figure is said in plain digits, however small", () => {
  const p = clean();
  p.basic!.reception.final = "0.00000005万元";
  expect(findingsByPath(p, [RULE])).toEqual([at("basic.reception.final", RULE, "警告", say("公务接待（2024年决算数）", "0.00000005万元", "0.00000005"), "数字 0.00000005", "0.00000005万元")]);
});

test("not for numbers, blank or whitespace texts, texts that are not figures, nor for rates and scores (computed, not added up)", () => {
  const p = clean();
  p.basic!.sangong.budget = "   ";
  p.basic!.vehicle.budget = "";
  p.basic!.overseas.final = "约五千";
  p.selfEvaluation!.funds.rate = "93.75%";
  p.selfEvaluation!.funds.score = "9.38";
  p.selfEvaluation!.funds.weight = "10";
  p.basic!.staff.controlRate = "0.8";
  expect(findingsByPath(p, [RULE])).toEqual([]);
});
