/** src/core/check/rules/blank.ts: what makes a form 尚未填写 (isBlankForm) and the FORM.BLANK findings, asserted whole. */
import { emptyBasic, emptyProject, emptySelfEvaluation, type Package } from "../../../src/core";
import { isBlankForm } from "../../../src/core/check/rules/blank";
import { clean } from "../../helpers/cleanPackage";
import { row, ruleFindings } from "../../helpers/ruleFindings";

describe("isBlankForm", () => {
  test.each<[string, unknown]>([
    ["nothing", null],
    ["undefined", undefined],
    ["an empty text", ""],
    ["spaces", "  \u3000"],
    ["an empty object or list", { a: {}, b: [] }],
    ["blanks in a list", [null, " ", { x: "" }]],
    ["the template's 单位名称, 主管部门, 实施单位, 专项资金 label", { unit: "测试局", department: "测试局", implementer: "测试中心", specialLabel: "专项资金" }],
    ["the 执行率 分值 of 附件2", { funds: { weight: 10, score: null } }],
    ["the 执行率 分值 of 附件3", { funds: { total: { weight: 10, score: "" } } }],
    ["the 一级/二级指标 labels of indicator rows", { indicators: [{ level1: "产出指标（50分）", level2: "数量指标", name: " " }] }],
    ["a new 附件1", emptyBasic()],
    ["a new 附件2", emptySelfEvaluation()],
    ["a new 附件3 without a name", emptyProject("", 10)],
  ])("%s is blank", (_, data) => {
    expect(isBlankForm(data)).toBe(true);
  });

  test.each<[string, unknown]>([
    ["a text", "x"],
    ["a 0", 0],
    ["false", false],
    ["a figure in a list", [null, 0]],
    ["a 得分 beside the pre-filled 分值", { funds: { total: { weight: 10, score: 9 } } }],
    ["a 分值 that is not the 执行率's", { weight: 10 }],
    ["a unit deeper than the sheet's 单位名称", { funds: { unit: "万元" } }],
    ["an indicator's name", { indicators: [{ level1: "产出指标（50分）", level2: "数量指标", name: "完成数" }] }],
    ["a 附件3 with its project's name", emptyProject("信息化运维", 10)],
  ])("%s is not blank", (_, data) => {
    expect(isBlankForm(data)).toBe(false);
  });
});

describe("FORM.BLANK", () => {
  const ID = "FORM.BLANK";
  const rows = (pkg: Package) => ruleFindings(ID, pkg).map(row);
  const STAYS_OUT = "尚未填写：生成自评报告时不写入这张项目表；本单位没有这个项目时可删除此表。";

  test("each blank sheet once, at the sheet; a blank 附件3 says it stays out of the report", () => {
    const p: Package = { schemaVersion: 1, unit: "测试局", year: 2024, basic: emptyBasic(), selfEvaluation: emptySelfEvaluation(), projects: [emptyProject("", 10)] };
    expect(rows(p)).toEqual([
      [ID, "提示", "附件1 基础数据表", "basic", "", "（空白）", "「附件1 基础数据表」尚未填写。"],
      [ID, "提示", "附件2 整体支出自评表", "selfEvaluation", "", "（空白）", "「附件2 整体支出自评表」尚未填写。"],
      [ID, "提示", "附件3 项目1", "projects.0", "", "（空白）", `「附件3 项目1」${STAYS_OUT}`],
    ]);
  });

  test("filled sheets and absent sheets say nothing; the blank one is named by its place", () => {
    const p = clean();
    p.projects.push(emptyProject("", 10));
    expect(rows(p)).toEqual([[ID, "提示", "附件3 项目2", "projects.1", "", "（空白）", `「附件3 项目2」${STAYS_OUT}`]]);
    expect(rows({ ...p, basic: null, selfEvaluation: null })).toEqual([[ID, "提示", "附件3 项目2", "projects.1", "", "（空白）", `「附件3 项目2」${STAYS_OUT}`]]);
    expect(rows(clean())).toEqual([]);
  });
});

test("isBlankForm: a 一级指标 label is skipped at any depth, but a 单位名称 only at the top", () => {
  expect(isBlankForm({ a: { b: { level1: "产出指标", level2: "数量指标" } } })).toBe(true);
  expect(isBlankForm({ a: { department: "测试局" } })).toBe(false);
});
