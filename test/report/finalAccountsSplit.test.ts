/**
 * Issue 12: 人员经费 from 公开06表 feeds the 自评报告 when the 决算 tables are in the workbook and 报告素材 leaves it blank;
 * a figure the unit typed in 报告素材 wins, and without either the report asks for it (never 基本支出 − 公用经费).
 */
import { emptyFinalAccounts } from "../../src/core/finalAccounts/model";
import { emptyMaterial, generateReport, renderPlainText } from "../../src/core/report";
import { loadSeed } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const pkg = loadSeed("003");
// Seed 003: 基本支出 2669.49 (自评表) and 公用经费 347.38 (附件1 2024年决算数); the unit's report: 人员经费 2321.93.
// A 06表 that agrees: 人员经费合计 2322.11 + 公用经费合计 347.38 = 2669.49.
const fa = { ...emptyFinalAccounts(2024), basicDetail: { items: [], personnel: 2322.11, public: 347.38 } };

test("人员经费 comes from 公开06表 when 报告素材 leaves it blank", () => {
  const text = renderPlainText(generateReport(pkg, { ...MATERIAL_003, staffFinal: "", staffBudget: "" }, [], { finalAccounts: fa }));
  // 2322.11 ÷ 2669.49 = 0.869869… → 86.99%
  expect(text).toContain("其中人员经费2322.11万元，占86.99%");
});

test("a 人员经费 typed in 报告素材 wins over the 决算 table", () => {
  const text = renderPlainText(generateReport(pkg, MATERIAL_003, [], { finalAccounts: fa }));
  expect(text).toContain("人员经费2321.93万元"); // typed from the unit's report
  expect(text).not.toContain("人员经费2322.11万元");
});

test("without 报告素材 and without 决算 tables no 人员经费 figure is invented", () => {
  const text = renderPlainText(generateReport(pkg, emptyMaterial(), []));
  // 基本支出 − 公用经费 = 2669.49 − 347.38 = 2322.11 must not appear as a fact.
  expect(text).not.toContain("2322.11");
});

describe("四、国有资本经营 and 五、社会保险基金预算支出: stated only from a source", () => {
  const fourAndFive = (text: string) => text.split("\n").filter((l) => /国有资本经营预算支出|社会保险基金预算支出/.test(l) && !/^\s*[四五]、/.test(l.trim()));

  test("报告素材 0 → 无 (seed 003's report: 我中心2024年度无…), an amount → the amount in 万元", () => {
    expect(fourAndFive(renderPlainText(generateReport(pkg, MATERIAL_003, [])))).toEqual(["　　本部门2024年度无国有资本经营预算支出。", "　　本部门2024年度无社会保险基金预算支出。"]);
    const typed = renderPlainText(generateReport(pkg, { ...MATERIAL_003, stateCapitalExpense: "3.5", socialInsuranceExpense: "12.5" }, []));
    expect(fourAndFive(typed)).toEqual(["　　本部门2024年度国有资本经营预算支出3.50万元。", "　　本部门2024年度社会保险基金预算支出12.50万元。"]);
  });

  test("报告素材 无 / — is none; a text that is no amount is named in the prompt, not asked for as if blank", () => {
    const none = renderPlainText(generateReport(pkg, { ...MATERIAL_003, stateCapitalExpense: "无", socialInsuranceExpense: "—" }, []));
    expect(fourAndFive(none)).toEqual(["　　本部门2024年度无国有资本经营预算支出。", "　　本部门2024年度无社会保险基金预算支出。"]);
    const words = renderPlainText(generateReport(pkg, { ...MATERIAL_003, stateCapitalExpense: "十二万", socialInsuranceExpense: "=1+1" }, []));
    expect(words).toContain("【待填写：「报告素材」工作表的国有资本经营预算支出填写为「十二万」，不是金额：请填写万元数字，没有则填0】");
    expect(words).toContain("【待填写：「报告素材」工作表的社会保险基金预算支出填写为「=1+1」，不是金额：请填写万元数字，没有则填0】");
    expect(words).not.toContain("无国有资本经营预算支出");
  });

  test("公开08表 wins over 报告素材 for 国有资本经营: an empty table is 无, a filled one its 合计", () => {
    const blank = { ...MATERIAL_003, stateCapitalExpense: "", socialInsuranceExpense: "0" };
    const empty08 = { ...fa, stateCapital: { total: {}, rows: [], note: "说明：本单位没有使用国有资本经营预算安排的支出，故本表无数据。" } };
    expect(fourAndFive(renderPlainText(generateReport(pkg, blank, [], { finalAccounts: empty08 })))[0]).toBe("　　本部门2024年度无国有资本经营预算支出。");
    const filled08 = { ...fa, stateCapital: { total: { total: 20.25, basic: 0, project: 20.25 }, rows: [], note: "" } };
    expect(fourAndFive(renderPlainText(generateReport(pkg, { ...blank, stateCapitalExpense: "0" }, [], { finalAccounts: filled08 })))[0]).toBe("　　本部门2024年度国有资本经营预算支出20.25万元。");
  });
});
