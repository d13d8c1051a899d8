/**
 * The rules across forms (src/core/check/rules/crossSheet.ts): 附件2's splits against 全年执行数, 附件2 against 附件1,
 * 附件3's fund rows, and 附件3 projects paired with 附件1 专项 by name. Each finding asserted whole at its template cell.
 */
import { checkPackage, type Finding, type Package } from "../../../src/core";
import { clean, ind } from "../../helpers/cleanPackage";
import { checkInTemplate, templateCells } from "../../helpers/templateCells";

const EVAL = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";

function of(pkg: Package, ...rules: string[]): Finding[] {
  return checkInTemplate(pkg).filter((f) => rules.includes(f.rule));
}

function finding(rule: string, severity: string, sheet: string, cell: string, message: string, expected: string, actual: string): Finding {
  return { rule, severity, sheet, cell, message, expected, actual } as Finding;
}

// clean(): 全年预算数(A) 320, 全年执行数(B) 300; 按收入性质 290 + 10 = 300 (合计 300); 按支出性质 190 + 110 = 300 (合计 300).
describe("EVAL.INCOME_SUM", () => {
  test("the stated 合计 against its parts", () => {
    const p = clean();
    p.selfEvaluation!.byIncome.total = 310; // parts 290 + 0 + 0 + 10 = 300
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([
      finding("EVAL.INCOME_SUM", "错误", EVAL, "D5", "按收入性质分合计为 310.00，但分项之和为 300.00（一般公共预算 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金 = 290.00 + 0.00 + 0.00 + 10.00 = 300.00），相差 10.00。", "300.00", "310.00"),
    ]);
  });

  test("the parts against 全年执行数(B), each filled part listed", () => {
    const p = clean();
    p.selfEvaluation!.byIncome = { total: 305, general: 200, govFund: 50, specialAccount: 30, other: 25 }; // 200 + 50 + 30 + 25 = 305 ≠ 300
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([
      finding("EVAL.INCOME_SUM", "错误", EVAL, "D5", "按收入性质分各项之和 200.00 + 50.00 + 30.00 + 25.00 = 305.00，应等于全年执行数(B) 300.00。", "300.00", "305.00"),
    ]);
    p.selfEvaluation!.byIncome = { total: null, general: 280, govFund: null, specialAccount: 5, other: null }; // 280 + 5 = 285, below 300
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([
      finding("EVAL.INCOME_SUM", "错误", EVAL, "D5", "按收入性质分各项之和 280.00 + 5.00 = 285.00，应等于全年执行数(B) 300.00。", "300.00", "285.00"),
    ]);
  });

  test("parts that add up to 全年预算数(A) instead: the likely mix-up is said", () => {
    const p = clean();
    p.selfEvaluation!.byIncome = { total: null, general: 310, govFund: null, specialAccount: null, other: 10 }; // 320 = A
    expect(of(p, "EVAL.INCOME_SUM")).toEqual([
      finding("EVAL.INCOME_SUM", "错误", EVAL, "D5", "按收入性质分各项之和 310.00 + 10.00 = 320.00，应等于全年执行数(B) 300.00，恰好等于全年预算数(A)——分项可能误填了预算数。", "300.00", "320.00"),
    ]);
    p.selfEvaluation!.funds.fullBudget = 320.004; // A rounds to 320.00: still the same figure
    expect(of(p, "EVAL.INCOME_SUM")[0].message).toBe("按收入性质分各项之和 310.00 + 10.00 = 320.00，应等于全年执行数(B) 300.00，恰好等于全年预算数(A)——分项可能误填了预算数。");
    p.selfEvaluation!.funds.fullBudget = null; // no A: no hint
    expect(of(p, "EVAL.INCOME_SUM")[0].message).toBe("按收入性质分各项之和 310.00 + 10.00 = 320.00，应等于全年执行数(B) 300.00。");
  });

  test("0.01 off is a 尾数差 (SUM.ROUNDING), 0.02 an error; amounts compared at 2 decimals", () => {
    const p = clean();
    p.selfEvaluation!.byIncome = { total: null, general: 290, govFund: null, specialAccount: null, other: 10.01 }; // 300.01 − 300 = 0.01
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([finding("SUM.ROUNDING", "提示", EVAL, "D5", "按收入性质分各项之和 300.01 与全年执行数 300.00 相差 0.01，属尾数差。", "300.00", "300.01")]);
    p.selfEvaluation!.byIncome.other = 9.99; // 299.99: 0.01 below
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([finding("SUM.ROUNDING", "提示", EVAL, "D5", "按收入性质分各项之和 299.99 与全年执行数 300.00 相差 0.01，属尾数差。", "300.00", "299.99")]);
    p.selfEvaluation!.byIncome.other = 10.02; // 300.02: 0.02 over
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([finding("EVAL.INCOME_SUM", "错误", EVAL, "D5", "按收入性质分各项之和 290.00 + 10.02 = 300.02，应等于全年执行数(B) 300.00。", "300.00", "300.02")]);
    p.selfEvaluation!.byIncome.other = 10;
    p.selfEvaluation!.funds.executed = 300.004; // B rounds to 300.00: agrees with 300
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([]);
  });

  test("nothing to compare: every part blank (even with a 合计), a part not a number, or 全年执行数 blank", () => {
    const p = clean();
    p.selfEvaluation!.byIncome = { total: 300, general: null, govFund: null, specialAccount: null, other: null };
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([]);
    p.selfEvaluation!.byIncome = { total: null, general: "二百九十", govFund: null, specialAccount: null, other: 20 };
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([]);
    p.selfEvaluation!.byIncome = { total: null, general: 290, govFund: null, specialAccount: null, other: 20 };
    p.selfEvaluation!.funds.executed = null;
    expect(of(p, "EVAL.INCOME_SUM", "SUM.ROUNDING")).toEqual([]);
  });

  test("a form without a 合计 cell: the finding is at the first part; a model from JSON has no cell", () => {
    const p = clean();
    p.selfEvaluation!.byIncome = { total: null, general: 200, govFund: null, specialAccount: null, other: 20 }; // 220 ≠ 300
    const template = templateCells(p);
    const cellOf = (path: string) => (path === "selfEvaluation.byIncome.total" ? undefined : template(path));
    const expected = finding("EVAL.INCOME_SUM", "错误", EVAL, "D6", "按收入性质分各项之和 200.00 + 20.00 = 220.00，应等于全年执行数(B) 300.00。", "300.00", "220.00");
    expect(checkPackage({ pkg: p, cellOf }).filter((f) => f.rule === "EVAL.INCOME_SUM")).toEqual([expected]);
    expect(checkPackage({ pkg: p }).filter((f) => f.rule === "EVAL.INCOME_SUM")).toEqual([{ ...expected, cell: "" }]);
  });
});

describe("EVAL.EXPENSE_SUM", () => {
  test("the stated 合计 against 基本支出 + 项目支出, and those against 全年执行数(B)", () => {
    const p = clean();
    p.selfEvaluation!.byExpense.total = 290; // 190 + 110 = 300
    expect(of(p, "EVAL.EXPENSE_SUM")).toEqual([
      finding("EVAL.EXPENSE_SUM", "错误", EVAL, "H5", "按支出性质分合计为 290.00，但分项之和为 300.00（基本支出 + 项目支出 = 190.00 + 110.00 = 300.00），相差 10.00。", "300.00", "290.00"),
    ]);
    p.selfEvaluation!.byExpense = { total: 310, basic: 200, project: 110 }; // 310 = 合计, ≠ B 300
    expect(of(p, "EVAL.EXPENSE_SUM")).toEqual([finding("EVAL.EXPENSE_SUM", "错误", EVAL, "H5", "按支出性质分各项之和 200.00 + 110.00 = 310.00，应等于全年执行数(B) 300.00。", "300.00", "310.00")]);
  });
});

describe("附件2 against 附件1", () => {
  test("EVAL.PROJECT_VS_BASIC: 项目支出 against 附件1's 项目支出 决算数, either way", () => {
    const p = clean();
    p.selfEvaluation!.byExpense = { total: 300, basic: 190, project: 110 };
    p.basic!.project.final = 100; // 110 − 100 = 10
    expect(of(p, "EVAL.PROJECT_VS_BASIC")).toEqual([
      finding("EVAL.PROJECT_VS_BASIC", "错误", EVAL, "H7", "自评表项目支出 110.00 与基础数据表项目支出（2024年决算数） 100.00 不一致，相差 10.00。", "100.00", "110.00"),
    ]);
    p.basic!.project.final = 112.5; // 112.5 − 110 = 2.5
    expect(of(p, "EVAL.PROJECT_VS_BASIC").map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["自评表项目支出 110.00 与基础数据表项目支出（2024年决算数） 112.50 不一致，相差 2.50。", "112.50", "110.00"],
    ]);
  });

  test("EVAL.PROJECT_VS_BASIC: equal at 2 decimals, or either blank: nothing", () => {
    const p = clean();
    p.basic!.project.final = 110.004;
    expect(of(p, "EVAL.PROJECT_VS_BASIC")).toEqual([]);
    p.basic!.project.final = null;
    expect(of(p, "EVAL.PROJECT_VS_BASIC")).toEqual([]);
    p.basic!.project.final = 100;
    p.selfEvaluation!.byExpense.project = null;
    expect(of(p, "EVAL.PROJECT_VS_BASIC")).toEqual([]);
  });

  test("EVAL.BASIC_VS_PUBLIC: 基本支出 below 公用经费; equal is right", () => {
    const p = clean();
    p.selfEvaluation!.byExpense = { total: 300, basic: 54.99, project: 245.01 }; // 公用经费 55
    expect(of(p, "EVAL.BASIC_VS_PUBLIC")).toEqual([
      finding("EVAL.BASIC_VS_PUBLIC", "警告", EVAL, "H6", "自评表基本支出 54.99 小于基础数据表公用经费（2024年决算数） 55.00，而公用经费是基本支出的一部分。", "≥ 55.00", "54.99"),
    ]);
    p.selfEvaluation!.byExpense = { total: 300, basic: 55, project: 245 };
    expect(of(p, "EVAL.BASIC_VS_PUBLIC")).toEqual([]);
    p.selfEvaluation!.byExpense.basic = null;
    expect(of(p, "EVAL.BASIC_VS_PUBLIC")).toEqual([]);
    p.selfEvaluation!.byExpense.basic = 50;
    p.basic!.publicFunds.final = null;
    expect(of(p, "EVAL.BASIC_VS_PUBLIC")).toEqual([]);
  });

  test("without 附件1 or 附件2: nothing across them, and no error", () => {
    const p = clean();
    p.basic = null;
    p.projects[0].funds.total.executed = 60; // the project's own sums still speak: 57 ≠ 60
    expect(of(p, "EVAL.PROJECT_VS_BASIC", "EVAL.BASIC_VS_PUBLIC", "PROJECT.VS_BASIC", "PAIR.SIMILAR_NAME", "PAIR.UNPAIRED")).toEqual([]);
    expect(of(p, "PROJECT.FUND_SUM").map((f) => f.cell)).toEqual(["E8"]);
    const q = clean();
    q.selfEvaluation = null;
    expect(of(q, "EVAL.INCOME_SUM", "EVAL.EXPENSE_SUM", "EVAL.PROJECT_VS_BASIC", "EVAL.BASIC_VS_PUBLIC", "PAIR.SIMILAR_NAME")).toEqual([]);
  });
});

describe("PROJECT.FUND_SUM", () => {
  test("年度资金总额 = 当年财政拨款 + 上年结转 + 其它资金, in each column, on each project's sheet", () => {
    const p = clean();
    const f = p.projects[0].funds;
    f.current = { initialBudget: 40, fullBudget: 50, executed: 45 };
    f.carryover = { initialBudget: 5, fullBudget: 6, executed: 7 };
    f.other = { initialBudget: 3, fullBudget: 2, executed: 1 }; // 48, 58, 53 against 50, 60, 57
    const parts = (col: string) => ["当年财政拨款", "上年结转金额", "其它资金"].map((row) => `项目「信息化运维」${row}${col}`).join(" + ");
    expect(of(p, "PROJECT.FUND_SUM")).toEqual([
      finding("PROJECT.FUND_SUM", "错误", PROJECT, "C8", `项目「信息化运维」年度资金总额年初预算数为 50.00，但分项之和为 48.00（${parts("年初预算数")} = 40.00 + 5.00 + 3.00 = 48.00），相差 2.00。`, "48.00", "50.00"),
      finding("PROJECT.FUND_SUM", "错误", PROJECT, "D8", `项目「信息化运维」年度资金总额全年预算数为 60.00，但分项之和为 58.00（${parts("全年预算数")} = 50.00 + 6.00 + 2.00 = 58.00），相差 2.00。`, "58.00", "60.00"),
      finding("PROJECT.FUND_SUM", "错误", PROJECT, "E8", `项目「信息化运维」年度资金总额全年执行数为 57.00，但分项之和为 53.00（${parts("全年执行数")} = 45.00 + 7.00 + 1.00 = 53.00），相差 4.00。`, "53.00", "57.00"),
    ]);
  });

  test("the second project's sheet", () => {
    const p = clean();
    const second = structuredClone(p.projects[0]);
    second.name = "办公楼维修";
    second.funds.carryover.executed = 2; // 57 + 2 = 59 ≠ 57
    p.projects.push(second);
    expect(of(p, "PROJECT.FUND_SUM").map((f) => [f.sheet, f.cell, f.expected, f.actual])).toEqual([["附件3 办公楼维修", "E8", "59.00", "57.00"]]);
  });
});

describe("PROJECT.VS_BASIC", () => {
  test("全年预算数 and 全年执行数 against the 专项 of the same name", () => {
    const p = clean();
    p.basic!.specialFunds = [{ name: "信息化运维", prevFinal: null, budget: 58, final: 56 }]; // 60 − 58 = 2; 57 − 56 = 1
    expect(of(p, "PROJECT.VS_BASIC")).toEqual([
      finding("PROJECT.VS_BASIC", "警告", PROJECT, "D8", "项目「信息化运维」年度资金总额全年预算数 60.00 与基础数据表同名专项（2024年预算数） 58.00 不一致，相差 2.00。", "58.00", "60.00"),
      finding("PROJECT.VS_BASIC", "警告", PROJECT, "E8", "项目「信息化运维」年度资金总额全年执行数 57.00 与基础数据表同名专项（2024年决算数） 56.00 不一致，相差 1.00。", "56.00", "57.00"),
    ]);
  });

  test("a 专项 of a similar name is named; each project with its own 专项, whatever the order", () => {
    const p = clean();
    const second = structuredClone(p.projects[0]);
    second.name = "办公楼维修";
    second.funds.current = { initialBudget: 20, fullBudget: 30, executed: 25 };
    second.funds.total = { initialBudget: 20, fullBudget: 30, executed: 25, weight: 10, rate: "83.33%", score: 8.33 };
    p.projects.push(second);
    p.basic!.specialFunds = [
      { name: "办公楼维修", prevFinal: null, budget: 30, final: 24.5 }, // 25 − 24.5 = 0.5
      { name: " 信息化运维经费 ", prevFinal: null, budget: 62, final: 57 }, // 62 − 60 = 2
    ];
    expect(of(p, "PROJECT.VS_BASIC")).toEqual([
      finding("PROJECT.VS_BASIC", "警告", PROJECT, "D8", "项目「信息化运维」年度资金总额全年预算数 60.00 与基础数据表对应专项「信息化运维经费」（2024年预算数） 62.00 不一致，相差 2.00。", "62.00", "60.00"),
      finding("PROJECT.VS_BASIC", "警告", "附件3 办公楼维修", "E8", "项目「办公楼维修」年度资金总额全年执行数 25.00 与基础数据表同名专项（2024年决算数） 24.50 不一致，相差 0.50。", "24.50", "25.00"),
    ]);
  });

  test("equal at 2 decimals, or a figure blank: nothing", () => {
    const p = clean();
    p.basic!.specialFunds = [{ name: "信息化运维", prevFinal: null, budget: 60.004, final: null }];
    expect(of(p, "PROJECT.VS_BASIC")).toEqual([]);
    p.basic!.specialFunds[0].budget = 61;
    p.projects[0].funds.total.fullBudget = null;
    expect(of(p, "PROJECT.VS_BASIC")).toEqual([]);
  });
});

describe("PAIR.SIMILAR_NAME", () => {
  test("a project paired with a 专项 of a similar name says which two cells", () => {
    const p = clean();
    p.projects[0].name = "信息化运维 ";
    p.basic!.specialFunds = [{ name: "信息化运维经费 ", prevFinal: null, budget: 60, final: 57 }];
    const expected = finding(
      "PAIR.SIMILAR_NAME",
      "提示",
      PROJECT,
      "B2",
      "项目「信息化运维」（附件3 信息化运维 B2）与基础数据表专项「信息化运维经费」（附件1 基础数据表 A15）名称不完全相同，去掉“经费/费用/资金/项目”等字样后名称一致或互相包含，已按同一事项核对金额。",
      "信息化运维经费",
      "信息化运维",
    );
    expect(of(p, "PAIR.SIMILAR_NAME", "PROJECT.VS_BASIC", "PAIR.UNPAIRED")).toEqual([expected]);
    // a model from JSON: the sheets alone
    expect(checkPackage({ pkg: p }).filter((f) => f.rule === "PAIR.SIMILAR_NAME")).toEqual([
      { ...expected, cell: "", message: "项目「信息化运维」（附件3 信息化运维）与基础数据表专项「信息化运维经费」（附件1 基础数据表）名称不完全相同，去掉“经费/费用/资金/项目”等字样后名称一致或互相包含，已按同一事项核对金额。" },
    ]);
    p.basic!.specialFunds[0].name = "信息化运维"; // the same name: nothing to say
    expect(of(p, "PAIR.SIMILAR_NAME")).toEqual([]);
  });

  test("a similar name by characters gives the similarity", () => {
    const p = clean();
    p.projects[0].name = "政务服务大厅运转";
    p.basic!.specialFunds = [{ name: "服务大厅运转维护", prevFinal: null, budget: 60, final: 57 }];
    // bigrams 政务 务服 服务 务大 大厅 厅运 运转 (7) and 服务 务大 大厅 厅运 运转 转维 维护 (7), 5 common: 2 × 5 ÷ 14 = 0.71
    expect(of(p, "PAIR.SIMILAR_NAME").map((f) => f.message)).toEqual([
      "项目「政务服务大厅运转」（附件3 政务服务大厅运转 B2）与基础数据表专项「服务大厅运转维护」（附件1 基础数据表 A15）名称不完全相同，名称相近（字符相似度 0.71），已按同一事项核对金额。",
    ]);
  });

  test("a 三级指标 that restates a 附件1 rate under another name says which figures it was checked against", () => {
    const p = clean();
    p.selfEvaluation!.indicators.push(
      ind("效益指标（30分）", "社会效益指标", " 财政供养人员控制率 ", "≤100%", "80%", 0, 0, ""),
      ind("效益指标（30分）", "社会效益指标", "机关公用经费控制率", "≤100%", "91.67%", 0, 0, ""),
      ind("效益指标（30分）", "社会效益指标", "三公经费控制率", "≤100%", "87.5%", 0, 0, ""),
    ); // rows 6, 7, 8 of the table: F18, F19, F20; the last one is 附件1's own name
    expect(of(p, "PAIR.SIMILAR_NAME")).toEqual([
      finding("PAIR.SIMILAR_NAME", "提示", EVAL, "F18", "指标「财政供养人员控制率」（附件2 整体支出自评表 F18）与基础数据表「在职人员控制率」（附件1 基础数据表 D3 ÷ 附件1 基础数据表 B3）是同一比率的另一种叫法，已按同一比率核对。", "在职人员控制率", "财政供养人员控制率"),
      finding("PAIR.SIMILAR_NAME", "提示", EVAL, "F19", "指标「机关公用经费控制率」（附件2 整体支出自评表 F19）与基础数据表「公用经费控制率」（附件1 基础数据表 F15 ÷ 附件1 基础数据表 D15）去掉“经费/费用/资金/项目”等字样后名称一致或互相包含，已按同一比率核对。", "公用经费控制率", "机关公用经费控制率"),
    ]);
  });

  test("without 附件1: nothing", () => {
    const p = clean();
    p.selfEvaluation!.indicators.push(ind("效益指标（30分）", "社会效益指标", "财政供养人员控制率", "≤100%", "80%", 0, 0, ""));
    p.basic = null;
    expect(of(p, "PAIR.SIMILAR_NAME")).toEqual([]);
  });
});

describe("PAIR.UNPAIRED", () => {
  test("a project with no 专项 of a similar name, when 附件1 lists 专项 (names as written, without their spaces)", () => {
    const p = clean();
    p.projects[0].name = " 信息化运维 ";
    p.basic!.specialFunds = [{ name: "疫情防控专项资金", prevFinal: null, budget: 5, final: 5 }];
    expect(of(p, "PAIR.UNPAIRED")).toEqual([
      finding("PAIR.UNPAIRED", "提示", PROJECT, "B2", "项目「信息化运维」（附件3 信息化运维 B2）在基础数据表的专项资金中找不到同名或名称相近的一行，未核对其金额。", "基础数据表中的对应专项", "信息化运维"),
    ]);
    expect(checkPackage({ pkg: p }).filter((f) => f.rule === "PAIR.UNPAIRED").map((f) => [f.cell, f.message])).toEqual([
      ["", "项目「信息化运维」（附件3 信息化运维）在基础数据表的专项资金中找不到同名或名称相近的一行，未核对其金额。"],
    ]);
  });

  test("no 专项 listed (projects paid from 业务工作经费 / 运行维护经费): nothing", () => {
    const p = clean();
    expect(of(p, "PAIR.UNPAIRED")).toEqual([]);
  });
});
