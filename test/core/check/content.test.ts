/** CONTENT.GOAL (src/core/check/rules/content.ts): goals empty, a bare figure, a bare name or the template's prompt; findings asserted whole. */
import type { Package } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";
import { row, ruleFindings } from "../../helpers/ruleFindings";

const ID = "CONTENT.GOAL";
const EVAL = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";
const PLANNED = "年度总体目标（预期目标）";
const ACHIEVED = "年度总体目标（实际完成情况）";
const rows = (pkg: Package) => ruleFindings(ID, pkg).map(row);
const goal = (sheet: string, path: string, actual: string, message: string) => [ID, "提示", sheet, path, "目标的文字说明", actual, message];

test("empty goals (null, spaces) on 附件2 and 附件3", () => {
  const p = clean();
  p.selfEvaluation!.goals = { planned: null as unknown as string, achieved: "  \u3000" };
  p.projects[0].goals.achieved = undefined as unknown as string;
  expect(rows(p)).toEqual([
    goal(EVAL, "selfEvaluation.goals.planned", "（空）", `${PLANNED}未填写。`),
    goal(EVAL, "selfEvaluation.goals.achieved", "（空）", `${ACHIEVED}未填写。`),
    goal(PROJECT, "projects.0.goals.achieved", "（空）", `${ACHIEVED}未填写。`),
  ]);
});

test("a goal that is only one of the sheet's fund figures names it (全年预算数 before 全年执行数 before 年初预算数)", () => {
  const p = clean();
  p.selfEvaluation!.goals = { planned: " 320 ", achieved: "300万元" }; // 全年预算数 320; 全年执行数 and 年初预算数 both 300
  p.projects[0].funds.total.initialBudget = 1;
  p.projects[0].goals = { planned: "1元", achieved: 60 as unknown as string }; // 年初预算数 1; 全年预算数 60 typed as a number
  expect(rows(p)).toEqual([
    goal(EVAL, "selfEvaluation.goals.planned", "320", `${PLANNED}只写了金额「320」，与年度资金总额全年预算数 320.00 相同，不是目标。`),
    goal(EVAL, "selfEvaluation.goals.achieved", "300万元", `${ACHIEVED}只写了金额「300万元」，与年度资金总额全年执行数 300.00 相同，不是目标。`),
    goal(PROJECT, "projects.0.goals.planned", "1元", `${PLANNED}只写了金额「1元」，与项目「信息化运维」年度资金总额年初预算数 1.00 相同，不是目标。`),
    goal(PROJECT, "projects.0.goals.achieved", "60", `${ACHIEVED}只写了金额「60」，与项目「信息化运维」年度资金总额全年预算数 60.00 相同，不是目标。`),
  ]);
});

test("any other bare figure: not a fund figure, a percent (100% is not the 1 of a fund), a fund figure left blank", () => {
  const p = clean();
  p.selfEvaluation!.goals = { planned: "999", achieved: "100%" };
  p.selfEvaluation!.funds.initialBudget = 1;
  p.projects[0].funds.total.executed = null;
  p.projects[0].goals = { planned: "57", achieved: "完成维护12次。" }; // 57 was the 全年执行数, now blank
  expect(rows(p)).toEqual([
    goal(EVAL, "selfEvaluation.goals.planned", "999", `${PLANNED}只写了一个数字「999」，没有写出要做成什么。`),
    goal(EVAL, "selfEvaluation.goals.achieved", "100%", `${ACHIEVED}只写了一个数字「100%」，没有写出要做成什么。`),
    goal(PROJECT, "projects.0.goals.planned", "57", `${PLANNED}只写了一个数字「57」，没有写出要做成什么。`),
  ]);
});

test("the template's prompts left in place, shortened after 30 characters, however long", () => {
  const p = clean();
  const long = "请结合自评情况，说明项目实施中存在的主要问题及原因（200字以内）"; // 33 characters
  // 完成情况（ 100 字以内 ） is 15 characters: 15 more make the 30 shown
  const thirty = "请结合自评情况，说明项目实施中存在的主要问题（200字以内）"; // 30 characters
  p.selfEvaluation!.goals = { planned: long, achieved: `完成情况（ 100 字以内 ）${"。".repeat(60)}` };
  p.projects[0].goals = { planned: "针对项目自评中发现的问题，提出改进措施", achieved: thirty };
  expect(rows(p)).toEqual([
    goal(EVAL, "selfEvaluation.goals.planned", long, `${PLANNED}仍是模板的填写说明「请结合自评情况，说明项目实施中存在的主要问题及原因（200字…」，应改为实际内容。`),
    goal(EVAL, "selfEvaluation.goals.achieved", `完成情况（ 100 字以内 ）${"。".repeat(60)}`, `${ACHIEVED}仍是模板的填写说明「完成情况（ 100 字以内 ）${"。".repeat(15)}…」，应改为实际内容。`),
    goal(PROJECT, "projects.0.goals.planned", "针对项目自评中发现的问题，提出改进措施", `${PLANNED}仍是模板的填写说明「针对项目自评中发现的问题，提出改进措施」，应改为实际内容。`),
    goal(PROJECT, "projects.0.goals.achieved", thirty, `${ACHIEVED}仍是模板的填写说明「${thirty}」，应改为实际内容。`),
  ]);
});

test("a prompt is the form's (…字以内) or its opening words at the start; a sentence that uses them is a goal", () => {
  const p = clean();
  p.selfEvaluation!.goals = { planned: "说明完成情况(100字以内)", achieved: "全年对照年度目标，完成培训12次。" };
  p.projects[0].goals = { planned: "完成维护（字以内）", achieved: "请结合自评情况说明" };
  expect(rows(p)).toEqual([
    goal(EVAL, "selfEvaluation.goals.planned", "说明完成情况(100字以内)", `${PLANNED}仍是模板的填写说明「说明完成情况(100字以内)」，应改为实际内容。`),
    goal(PROJECT, "projects.0.goals.achieved", "请结合自评情况说明", `${ACHIEVED}仍是模板的填写说明「请结合自评情况说明」，应改为实际内容。`),
  ]);
});

test("a goal that only restates the project's name: as written, with a money word, in quotes; not one character, not a sentence", () => {
  const p = clean();
  p.projects[0].name = "  培训  ";
  p.projects[0].goals = { planned: "培训经费", achieved: "“培训”" };
  expect(rows(p)).toEqual([
    goal("附件3 培训", "projects.0.goals.planned", "培训经费", `${PLANNED}只重复了名称「培训」，没有写出要做成什么。`),
    goal("附件3 培训", "projects.0.goals.achieved", "“培训”", `${ACHIEVED}只重复了名称「培训」，没有写出要做成什么。`),
  ]);
  p.projects[0].name = "水";
  p.projects[0].goals = { planned: "水", achieved: "“水”" }; // equal as written is a name; in quotes, one character is too short to say
  expect(rows(p)).toEqual([goal("附件3 水", "projects.0.goals.planned", "水", `${PLANNED}只重复了名称「水」，没有写出要做成什么。`)]);
  const sixty = "信息化运维".repeat(12); // 60 characters: still a name
  p.projects[0].name = sixty;
  p.projects[0].goals = { planned: sixty, achieved: `${sixty}项` }; // 61: a sentence
  p.projects[0].name = `${sixty}项`;
  expect(rows(p)).toEqual([]);
  p.projects[0].name = sixty;
  p.projects[0].goals.achieved = "完成。";
  expect(rows(p).map((r) => r[3])).toEqual(["projects.0.goals.planned"]);
});

test("no name to restate: a project without a name, or 附件2 (whose goal may say the unit's name)", () => {
  const p = clean();
  p.projects[0].name = "";
  p.projects[0].goals = { planned: "（见附件）", achieved: "完成维护12次，系统全年稳定运行。" };
  p.selfEvaluation!.goals = { planned: "测试局", achieved: "完成培训12次，满意度95%。" };
  expect(rows(p)).toEqual([]);
});

test("a project named only with spaces has no name to restate either", () => {
  const p = clean();
  p.projects[0].name = "   ";
  p.projects[0].goals.planned = "（见附件）"; // nothing left of it as a name, like the spaces
  expect(rows(p)).toEqual([]);
});

test("a goal that mentions a length (（约5000字以内）) is not the form's prompt: the prompt's figure follows its bracket", () => {
  const p = clean();
  p.projects[0].goals.planned = "编写调研报告1篇（约5000字以内）";
  expect(rows(p)).toEqual([]);
});
