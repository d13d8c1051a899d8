/**
 * Every rule of the catalogue, on a small package built by hand so that it is consistent,
 * then broken one figure at a time.
 */
import { checkPackage, checkPackageFull, emptyBasic, emptyProject, emptySelfEvaluation, HUNAN_2024, HUNAN_STEPS, RULES, SUINING_2024, type Finding, type Indicator, type Package } from "../../src/core";
import { clean, ind } from "../helpers/cleanPackage";

const exercised = new Set<string>();

function check(pkg: Package, preset = HUNAN_2024): Finding[] {
  return checkPackage({ pkg }, preset);
}

/** The findings of one rule, recording that the rule was exercised. */
function of(findings: Finding[], rule: string): Finding[] {
  exercised.add(rule);
  return findings.filter((f) => f.rule === rule);
}

test("the hand-made package is clean", () => {
  expect(check(clean())).toEqual([]);
});

describe("FORM", () => {
  test("FORM.BLANK: an empty package is 尚未填写 once per sheet, with no other finding; an empty 附件3 says it stays out of the report", () => {
    const p: Package = { schemaVersion: 1, unit: "测试局", year: 2024, basic: emptyBasic(), selfEvaluation: emptySelfEvaluation(), projects: [emptyProject("", 10)] };
    p.projects[0].department = "测试局"; // pre-filled by the template, as the unit and the 分值 10
    const fs = check(p);
    expect(of(fs, "FORM.BLANK").map((f) => [f.severity, f.sheet, f.message])).toEqual([
      ["提示", "附件1 基础数据表", "「附件1 基础数据表」尚未填写。"],
      ["提示", "附件2 整体支出自评表", "「附件2 整体支出自评表」尚未填写。"],
      ["提示", "附件3 项目1", "「附件3 项目1」尚未填写：生成自评报告时不写入这张项目表；本单位没有这个项目时可删除此表。"],
    ]);
    expect(fs.filter((f) => f.rule !== "FORM.BLANK")).toEqual([]); // before: INPUT.REQUIRED 警告 for 编制数, 全年预算数…
  });

  test("FORM.BLANK: one typed figure makes a sheet filled, and its own findings come back", () => {
    const p: Package = { schemaVersion: 1, unit: "测试局", year: 2024, basic: emptyBasic(), selfEvaluation: emptySelfEvaluation(), projects: [] };
    p.selfEvaluation!.funds.fullBudget = 100;
    const fs = check(p);
    expect(of(fs, "FORM.BLANK").map((f) => f.sheet)).toEqual(["附件1 基础数据表"]);
    expect(fs.some((f) => f.rule === "INPUT.REQUIRED" && f.sheet === "附件2 整体支出自评表")).toBe(true); // 全年执行数 still missing
    expect(of(check(clean()), "FORM.BLANK")).toEqual([]);
  });
});

describe("INPUT", () => {
  test("INPUT.NOT_NUMBER: text in a number cell, with the cell's name and what was expected", () => {
    const p = clean();
    p.basic!.sangong.final = "7.50.";
    const [f] = of(check(p), "INPUT.NOT_NUMBER");
    expect(f.message).toContain("三公经费（2024年决算数）");
    expect(f.message).toContain("7.50.");
    expect(f.expected).toBe("金额（万元，数字）");
    expect(f.severity).toBe("错误");
    expect(f.sheet).toBe("附件1 基础数据表");
  });

  test("INPUT.TEXT_AMOUNT: a figure typed as text that JX reads and native formulas do not", () => {
    const p = clean();
    p.basic!.sangong.final = "10.41万元";
    p.basic!.staff.authorized = "88";
    p.basic!.office.final = 5;
    const fs = of(check(p), "INPUT.TEXT_AMOUNT");
    expect(fs.map((f) => [f.actual, f.expected, f.severity])).toEqual([
      ["88", "数字 88", "警告"],
      ["10.41万元", "数字 10.41", "警告"],
    ]);
    expect(fs[1].message).toBe("三公经费（2024年决算数）填的是文字「10.41万元」而不是数字：JX 函数能读出 10.41，内置公式（定稿后、WPS、LibreOffice）不能。请改为数字 10.41。");
  });

  test("INPUT.PLACEHOLDER: in number cells and in texts", () => {
    const p = clean();
    p.basic!.reception.final = "××";
    p.unit = "××单位";
    const fs = of(check(p), "INPUT.PLACEHOLDER");
    expect(fs.map((f) => f.actual).sort()).toEqual(["××", "××单位"]);
    expect(fs.find((f) => f.actual === "××")?.message).toContain("无数据填0");
  });

  test("INPUT.NEGATIVE: negative amounts, except 预算调整", () => {
    const p = clean();
    p.basic!.office.final = -1;
    p.basic!.basicAdjustment.final = -5;
    const fs = of(check(p), "INPUT.NEGATIVE");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("办公经费（2024年决算数）为 -1");
  });

  test("INPUT.YUAN: an amount far too large, or a thousand times its row", () => {
    const p = clean();
    p.basic!.procurement = { prevFinal: null, budget: null, final: 2_000_000 };
    p.basic!.reception = { prevFinal: 1, budget: 1, final: 10000 }; // 元 instead of 万元
    const fs = of(check(p), "INPUT.YUAN");
    expect(fs.map((f) => f.actual).sort()).toEqual(["10000.00", "2000000.00"]);
  });

  test("INPUT.REQUIRED: the figures every calculation needs", () => {
    const p = clean();
    p.basic!.staff.authorized = null;
    p.projects[0].funds.total.executed = null;
    const fs = of(check(p), "INPUT.REQUIRED");
    expect(fs.map((f) => f.message).sort()).toEqual(["编制数未填写。", "项目「信息化运维」年度资金总额全年执行数未填写。"].sort());
  });
});

describe("BASIC", () => {
  test("BASIC.STAFF_RATE: stated vs 在职 ÷ 编制; a zero 编制数 cannot be divided", () => {
    const p = clean();
    p.basic!.staff.controlRate = "85.00%";
    expect(of(check(p), "BASIC.STAFF_RATE")[0]).toMatchObject({ expected: "80.00%", actual: "85.00%" });
    p.basic!.staff.authorized = 0;
    expect(of(check(p), "BASIC.STAFF_RATE")[0].expected).toBe("无法计算");
  });

  test("BASIC.STAFF_RATE: a whole-percent text is checked at full precision (issue 9)", () => {
    const p = clean();
    p.basic!.staff = { authorized: 88, actual: 75, controlRate: "85%" }; // 75 ÷ 88 = 85.227…% → 85.23%, written as 85%
    expect(of(check(p), "BASIC.STAFF_RATE")[0]).toMatchObject({ expected: "85.23%", actual: "85%" });
    p.basic!.staff = { authorized: 80, actual: 60, controlRate: "75%" }; // 60 ÷ 80 = 75.00% exactly
    expect(of(check(p), "BASIC.STAFF_RATE")).toEqual([]);
  });

  test("BASIC.OVERSTAFFED", () => {
    const p = clean();
    p.basic!.staff = { authorized: 10, actual: 11, controlRate: 1.1 };
    expect(of(check(p), "BASIC.OVERSTAFFED")[0]).toMatchObject({ severity: "警告", actual: "110.00%" });
  });

  test("BASIC.SANGONG_SUM, BASIC.VEHICLE_SUM", () => {
    const p = clean();
    p.basic!.sangong.final = 4.5; // parts 2 + 0.5 + 1 = 3.5
    p.basic!.vehiclePurchase.final = 0.5; // 公车 2 ≠ 0.5 + 2
    const fs = check(p);
    expect(of(fs, "BASIC.SANGONG_SUM")).toEqual([expect.objectContaining({ expected: "3.50", actual: "4.50" })]);
    expect(of(fs, "BASIC.VEHICLE_SUM")).toEqual([expect.objectContaining({ expected: "2.50", actual: "2.00" })]);
  });

  test("BASIC.PROJECT_SUM and the 尾数差 (SUM.ROUNDING) boundary", () => {
    const p = clean();
    p.basic!.project.final = 110.01;
    expect(of(check(p), "SUM.ROUNDING")[0]).toMatchObject({ severity: "提示", expected: "110.00", actual: "110.01" });
    expect(of(check(p), "BASIC.PROJECT_SUM")).toEqual([]);
    p.basic!.project.final = 110.02;
    expect(of(check(p), "BASIC.PROJECT_SUM")[0]).toMatchObject({ severity: "错误", expected: "110.00" });
  });

  test("BASIC.SPECIAL_SUM: the 专项资金 row against its items", () => {
    const p = clean();
    p.basic!.special = { prevFinal: null, budget: null, final: 30 };
    p.basic!.specialFunds = [
      { name: "甲专项", prevFinal: null, budget: null, final: 10 },
      { name: "乙专项", prevFinal: null, budget: null, final: 15 },
    ];
    p.basic!.project.final = 140; // 45 + 65 + 30
    expect(of(check(p), "BASIC.SPECIAL_SUM")[0]).toMatchObject({ expected: "25.00", actual: "30.00" });
  });

  test("BASIC.PUBLIC_SUBSET: the 其中 rows may not exceed 公用经费", () => {
    const p = clean();
    p.basic!.publicFunds.final = 15; // < 11 + 5.5 + 1.5 = 18
    expect(of(check(p), "BASIC.PUBLIC_SUBSET")[0]).toMatchObject({ expected: "≥ 18.00", actual: "15.00" });
  });

  test("BASIC.OVER_BUDGET", () => {
    const p = clean();
    p.basic!.reception = { prevFinal: 1, budget: 1, final: 1.2 };
    p.basic!.sangong.final = 3.7;
    const fs = of(check(p), "BASIC.OVER_BUDGET");
    expect(fs.map((f) => f.actual)).toContain("1.20");
    expect(fs.every((f) => f.severity === "警告")).toBe(true);
  });

  test("BASIC.BUILDING_RATE and BASIC.BUILDING_OVER", () => {
    const p = clean();
    // 1300 ÷ 1250 = 104.00%; 1000 ÷ 1000 = 100.00%
    p.basic!.buildings = { approvedArea: 1250, actualArea: 1300, areaRate: "96%", budgetInvestment: 1000, actualInvestment: 1000, investmentRate: 1 };
    const fs = check(p);
    expect(of(fs, "BASIC.BUILDING_RATE")).toEqual([expect.objectContaining({ expected: "104.00%", actual: "96%" })]);
    expect(of(fs, "BASIC.BUILDING_OVER")).toHaveLength(1);
  });
});

describe("EXEC", () => {
  test("EXEC.RATE and EXEC.SCORE", () => {
    const p = clean();
    p.selfEvaluation!.funds.rate = "93.70%";
    p.selfEvaluation!.funds.score = 9.37;
    p.selfEvaluation!.total.score = 97.37;
    const fs = check(p);
    expect(of(fs, "EXEC.RATE")[0]).toMatchObject({ expected: "93.75%", actual: "93.70%" });
    expect(of(fs, "EXEC.SCORE")[0]).toMatchObject({ expected: "9.38", actual: "9.37" });
  });

  test("EXEC.RATE with a zero budget says it cannot be computed", () => {
    const p = clean();
    p.projects[0].funds.total.fullBudget = 0;
    p.projects[0].funds.current.fullBudget = 0;
    expect(of(check(p), "EXEC.RATE")[0].expected).toBe("无法计算");
  });

  test("EXEC.OVER_BUDGET, and a rate far out of range", () => {
    const p = clean();
    // seed 000's 2547.86 ÷ 287.63 = 885.81%
    p.selfEvaluation!.funds = { initialBudget: 287.63, fullBudget: 287.63, executed: 2547.86, weight: 10, rate: null, score: null };
    const [f] = of(check(p), "EXEC.OVER_BUDGET");
    expect(f.message).toContain("885.81%");
    expect(f.message).toContain("远超合理范围");
  });

  test("the step preset scores 执行率 against 年初预算", () => {
    const p = clean();
    // 300 ÷ 300 (年初) = 100% → 10; the stated 9.38 is then wrong under this preset.
    const [f] = of(check(p, HUNAN_STEPS), "EXEC.SCORE");
    expect(f.expected).toBe("10.00");
  });
});

describe("EVAL and PROJECT", () => {
  test("EVAL.INCOME_SUM: the stated total against its parts", () => {
    const p = clean();
    p.selfEvaluation!.byIncome.total = 310;
    expect(of(check(p), "EVAL.INCOME_SUM")[0]).toMatchObject({ expected: "300.00", actual: "310.00" });
  });

  test("EVAL.EXPENSE_SUM: parts against 全年执行数", () => {
    const p = clean();
    p.selfEvaluation!.byExpense = { total: null, basic: 200, project: 110 };
    p.selfEvaluation!.byIncome.total = null;
    expect(of(check(p), "EVAL.EXPENSE_SUM")[0]).toMatchObject({ expected: "300.00", actual: "310.00" });
  });

  test("EVAL.PROJECT_VS_BASIC", () => {
    const p = clean();
    p.basic!.project = { prevFinal: 100, budget: 120, final: 100 };
    p.basic!.operation.final = 55;
    expect(of(check(p), "EVAL.PROJECT_VS_BASIC")[0]).toMatchObject({ expected: "100.00", actual: "110.00" });
  });

  test("EVAL.BASIC_VS_PUBLIC", () => {
    const p = clean();
    p.selfEvaluation!.byExpense = { total: 300, basic: 50, project: 250 };
    expect(of(check(p), "EVAL.BASIC_VS_PUBLIC")[0]).toMatchObject({ expected: "≥ 55.00", actual: "50.00" });
  });

  test("PROJECT.FUND_SUM", () => {
    const p = clean();
    p.projects[0].funds.carryover.executed = 3;
    expect(of(check(p), "PROJECT.FUND_SUM")[0]).toMatchObject({ expected: "60.00", actual: "57.00" });
  });

  test("PROJECT.VS_BASIC: by the 专项's name", () => {
    const p = clean();
    p.basic!.specialFunds = [{ name: "信息化运维", prevFinal: null, budget: 60, final: 56 }];
    const [f] = of(check(p), "PROJECT.VS_BASIC");
    expect(f).toMatchObject({ expected: "56.00", actual: "57.00" });
  });
});

describe("SCORE", () => {
  test("SCORE.RANGE: above the weight, below zero", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].score = 21;
    p.selfEvaluation!.indicators[1].score = -1;
    const fs = of(check(p), "SCORE.RANGE");
    expect(fs.map((f) => f.expected).sort()).toEqual(["≤ 20", "≥ 0"]);
  });

  test("SCORE.WEIGHT_TOTAL: not 100, or the 总分 row's 分值 disagreeing", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].weight = 15;
    expect(of(check(p), "SCORE.WEIGHT_TOTAL")[0]).toMatchObject({ expected: "100", actual: "95" });
    const q = clean();
    q.selfEvaluation!.total.weight = 90;
    expect(of(check(q), "SCORE.WEIGHT_TOTAL")[0]).toMatchObject({ expected: "100", actual: "90" });
  });

  test("SCORE.LEVEL1_WEIGHT: against the heading, and against the preset where the heading has none", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].weight = 15;
    p.selfEvaluation!.indicators[3].weight = 35; // 效益 35 vs heading 30; total stays 100
    const fs = of(check(p), "SCORE.LEVEL1_WEIGHT");
    expect(fs.map((f) => [f.expected, f.actual])).toEqual([
      ["50", "45"],
      ["30", "35"],
    ]);
    const q = clean();
    for (const i of q.selfEvaluation!.indicators) i.level1 = i.level1.replace(/（.*）/, "");
    q.selfEvaluation!.indicators[0].weight = 15;
    q.selfEvaluation!.indicators[3].weight = 35;
    expect(of(check(q), "SCORE.LEVEL1_WEIGHT")[0].message).toContain("预设权重为50分");
  });

  test("SCORE.REASON_MISSING", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3].reason = "";
    expect(of(check(p), "SCORE.REASON_MISSING")).toHaveLength(1);
  });

  test("SCORE.TOTAL", () => {
    const p = clean();
    p.selfEvaluation!.total.score = 97;
    expect(of(check(p), "SCORE.TOTAL")[0]).toMatchObject({ expected: "97.38", actual: "97" });
  });

  test("SCORE.GRADE: by the preset's scheme", () => {
    const p = clean();
    p.selfEvaluation!.total.grade = "良";
    expect(of(check(p), "SCORE.GRADE")[0]).toMatchObject({ expected: "优", actual: "良" });
    // 90 exactly: 优 nationally, 良好 under seed 002's wording (优秀 only above 90).
    const q = clean();
    q.projects = [];
    q.selfEvaluation!.indicators[3].score = 20.62; // 9.38 + 20+20+10+20.62+10 = 90
    q.selfEvaluation!.total = { weight: 100, score: 90, grade: "优秀" };
    expect(of(check(q), "SCORE.GRADE")).toEqual([]);
    expect(of(check(q, SUINING_2024), "SCORE.GRADE")[0].expected).toBe("良好");
  });
});

describe("INDICATOR", () => {
  test("INDICATOR.FULL_NOT_MET: seed 003's 项目工作完成率 given full marks would be 4.84", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "项目工作完成率", "≥90%", "87.18%", 20, 20);
    const [f] = of(check(p), "INDICATOR.FULL_NOT_MET");
    expect(f.expected).toBe("19.37"); // 20 × 87.18 ÷ 90 = 19.3733
  });

  test("INDICATOR.MET_NOT_FULL", () => {
    const p = clean();
    p.selfEvaluation!.indicators[4].score = 8;
    p.selfEvaluation!.indicators[4].reason = "抽样偏差";
    p.selfEvaluation!.total.score = 95.38;
    const [f] = of(check(p), "INDICATOR.MET_NOT_FULL");
    expect(f).toMatchObject({ expected: "10", actual: "8" });
  });

  test("INDICATOR.TARGET_TOO_LOW: more than 30% over a ≥ target", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "14次"; // 14 ÷ 10 = 140%
    expect(of(check(p), "INDICATOR.TARGET_TOO_LOW")[0].message).toContain("40.00%");
    p.selfEvaluation!.indicators[0].actual = "13次"; // exactly 30%: not flagged
    expect(of(check(p), "INDICATOR.TARGET_TOO_LOW")).toEqual([]);
  });

  test("INDICATOR.VS_BASIC: restated rates of 附件1", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "85.00%", 20, 20); // 3.5 ÷ 4 = 87.50%
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "数量指标", "在职人员控制率", "≤100%", "80%", 20, 20); // 8 ÷ 10
    const fs = of(check(p), "INDICATOR.VS_BASIC");
    expect(fs).toEqual([expect.objectContaining({ expected: "87.50%", actual: "85.00%" })]);
  });
});

describe("meaning of indicator texts, content, pairing (issue 9)", () => {
  test("INDICATOR.FULL_NOT_MET: a deadline missed (2019年 → 2020年) with full marks; no proportional figure", () => {
    const p = clean();
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "完成时限", "2019年", "2020年", 10, 10);
    const [f] = of(check(p), "INDICATOR.FULL_NOT_MET");
    expect(f).toMatchObject({ severity: "警告", expected: "低于 10", actual: "10" });
    expect(f.message).toBe("指标「完成时限」目标 2019年，实际 2020年，未在时限内完成，却给了满分 10（应酌情扣分并写明原因）。");
  });

  test("INPUT.PLACEHOLDER: — / 无 / …… mean none and are not flagged; ×× still is", () => {
    const p = clean();
    p.selfEvaluation!.byIncome.govFund = "—";
    p.selfEvaluation!.byIncome.specialAccount = "无";
    p.selfEvaluation!.indicators[3].actual = "……";
    const fs = check(p);
    expect(of(fs, "INPUT.PLACEHOLDER")).toEqual([]);
    expect(of(fs, "INPUT.NOT_NUMBER")).toEqual([]); // 无 in a figure cell is none, not a typing mistake
    p.selfEvaluation!.byIncome.govFund = "××";
    expect(of(check(p), "INPUT.PLACEHOLDER").map((f) => [f.severity, f.actual])).toEqual([["警告", "××"]]);
  });

  test("INDICATOR.MET_NOT_FULL: 100% for 三公经费控制率 is ≤ (inferred and said so); 85% meets it", () => {
    const p = clean();
    // 3.5 ÷ 4 = 87.50% restated correctly, target printed "100%" without an operator.
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "100%", "87.50%", 10, 8, "超支");
    p.selfEvaluation!.total.score = 95.38; // 97.38 − 2
    const fs = check(p);
    expect(of(fs, "INDICATOR.FULL_NOT_MET")).toEqual([]);
    const [f] = of(fs, "INDICATOR.MET_NOT_FULL");
    expect(f).toMatchObject({ severity: "警告", expected: "10", actual: "8" });
    expect(f.message).toContain("按「控制率」类指标推定为≤");
  });

  test("INDICATOR.ACTUAL_RESTATES_TARGET: an actual written as ≥80% is a 提示 naming both texts", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1].actual = "≥95%";
    const [f] = of(check(p), "INDICATOR.ACTUAL_RESTATES_TARGET");
    expect(f).toMatchObject({ severity: "提示", expected: "实际达到的数值", actual: "≥95%" });
    expect(f.message).toBe("指标「合格率」实际完成值「≥95%」只是重复了年度指标值 ≥95%，没有写出实际达到的数值。");
     // an actual that reports what was reached is a value, though "达到" also reads as ≥
    p.selfEvaluation!.indicators[1].actual = "达到96%";
    expect(of(check(p), "INDICATOR.ACTUAL_RESTATES_TARGET")).toEqual([]);
  });

  test("CONTENT.GOAL: a goal that is only the budget amount, or empty", () => {
    const p = clean();
    p.projects[0].goals = { planned: "60", achieved: "" }; // 全年预算数 60
    const fs = of(check(p), "CONTENT.GOAL");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ["提示", "目标的文字说明", "60"],
      ["提示", "目标的文字说明", "（空）"],
    ]);
    expect(fs[0].message).toBe("年度总体目标（预期目标）只写了金额「60」，与项目「信息化运维」年度资金总额全年预算数 60.00 相同，不是目标。");
     // only the project's name, with a money word added, is not a goal either
    p.projects[0].goals = { planned: "信息化运维经费", achieved: "完成维护12次。" };
    const [named] = of(check(p), "CONTENT.GOAL");
    expect(named).toMatchObject({ severity: "提示", actual: "信息化运维经费" });
    expect(named.message).toBe("年度总体目标（预期目标）只重复了名称「信息化运维」，没有写出要做成什么。");
  });

  test("PAIR.SIMILAR_NAME and PROJECT.VS_BASIC: 信息化运维 ↔ 信息化运维经费 are compared, and the pairing is said", () => {
    const p = clean();
    p.basic!.specialFunds = [{ name: "信息化运维经费", prevFinal: null, budget: 60, final: 56 }];
    const fs = check(p);
    const [pair] = of(fs, "PAIR.SIMILAR_NAME");
    expect(pair).toMatchObject({ severity: "提示", expected: "信息化运维经费", actual: "信息化运维" });
    expect(pair.message).toContain("与基础数据表专项「信息化运维经费」");
    const [vs] = of(fs, "PROJECT.VS_BASIC");
    expect(vs).toMatchObject({ expected: "56.00", actual: "57.00" }); // 57 − 56 = 1.00
    expect(vs.message).toContain("对应专项「信息化运维经费」");
  });

  test("INDICATOR.INCOMPLETE: scored without target and actual; a target without its actual; an actual without its score", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].target = "";
    p.selfEvaluation!.indicators[0].actual = null;
    p.selfEvaluation!.indicators[1].actual = " ";
    p.selfEvaluation!.indicators[2].score = null;
    p.selfEvaluation!.total.score = 87.38; // 97.38 − row 3's 10
    const fs = of(check(p), "INDICATOR.INCOMPLETE");
    expect(fs.map((f) => [f.severity, f.expected, f.actual, f.message])).toEqual([
      ["警告", "年度指标值和实际完成值", "（空）", "指标「完成数」有分值 20、得分 20，但年度指标值和实际完成值都没有填写，得分无从核对。"],
      ["警告", "实际完成值", "（空）", "指标「合格率」年度指标值 ≥95%、分值 20，实际完成值未填写。"],
      ["警告", "得分", "（空）", "指标「及时率」已填实际完成值 100%，得分未填写。"],
    ]);
  });

  test("INDICATOR.INCOMPLETE: template rows (指标2:, ……) and not-applicable rows (/) are not indicators", () => {
    const p = clean();
    // a template row may even carry a 0 in its 分值/得分 cells
    const row = (name: string, value: string): Indicator => ({ level1: "效益指标（30分）", level2: "生态效益指标", name, target: value, actual: value, weight: 0, score: 0, reason: "" });
    p.selfEvaluation!.indicators.push(row("指标1:/", "/"), row("指标2:", ""), row("……", ""));
    expect(of(check(p), "INDICATOR.INCOMPLETE")).toEqual([]);
  });

  test("INDICATOR.ACTUAL_NOT_A_VALUE: ≤ 30 万元 done 「完成」 cannot be checked (a 提示); a sentence or a figure is not flagged", () => {
    const p = clean();
    p.projects[0].indicators[0].actual = "完成";
    const [f] = of(check(p), "INDICATOR.ACTUAL_NOT_A_VALUE");
    expect(f).toMatchObject({ severity: "提示", expected: "实际达到的数值", actual: "完成" });
    expect(f.message).toBe("项目「信息化运维」指标「维护次数」年度指标值 ≥12次，实际完成值只写了「完成」，无法核对是否达标。");
    p.projects[0].indicators[0].actual = "全年按计划完成各项系统维护工作";
    expect(of(check(p), "INDICATOR.ACTUAL_NOT_A_VALUE")).toEqual([]);
  });

  test("PAIR.UNPAIRED: a project without a 专项 of a similar name is listed", () => {
    const p = clean();
    p.basic!.specialFunds = [{ name: "疫情防控专项资金", prevFinal: null, budget: 5, final: 5 }];
    const [f] = of(check(p), "PAIR.UNPAIRED");
    expect(f).toMatchObject({ severity: "提示", actual: "信息化运维" });
    expect(f.message).toContain("找不到同名或名称相近的一行，未核对其金额");
  });
});

describe("forms of other layouts (issue 9): facts the reader gives beside the package", () => {
  test("BASIC.YEAR_HEADERS: a 2025 title over 2023/2024 headers", () => {
    const p = clean();
    p.year = 2025;
    const facts = { basic: { columnYears: { prevFinal: 2023, budget: 2024, final: 2024, staff: 2024 } } };
    const [f] = of(checkPackage({ pkg: p, facts }), "BASIC.YEAR_HEADERS");
    expect(f).toMatchObject({ severity: "警告", expected: "2024年决算数、2025年预算数、2025年决算数", actual: "2023年决算数、2024年预算数、2024年决算数" });
    p.year = 2024; // the same headers under a 2024 title are right
    expect(of(checkPackage({ pkg: p, facts }), "BASIC.YEAR_HEADERS")).toEqual([]);
  });

  test("BASIC.BUILDING_RATE: zeros on both sides mean no building project, not a 0 ÷ 0 error", () => {
    const p = clean();
    p.basic!.buildings = { approvedArea: 0, actualArea: 0, areaRate: 0, budgetInvestment: 0, actualInvestment: 0, investmentRate: 0 };
    expect(of(check(p), "BASIC.BUILDING_RATE")).toEqual([]);
    p.basic!.buildings.actualArea = 100; // 100 ㎡ built against 0 approved: the rate cannot be 0
    expect(of(check(p), "BASIC.BUILDING_RATE")).toHaveLength(1);
  });

  test("BASIC.PROJECT_SUM counts a 4、其他资金 row (湖南 2021) when the form has one", () => {
    const p = clean();
    p.basic!.project = { prevFinal: 100, budget: 120, final: 115 }; // 45 + 65 + 5 = 115
    expect(of(check(p), "BASIC.PROJECT_SUM")).toHaveLength(1); // without the row: 决算 45 + 65 = 110 ≠ 115 (the other columns add up)
    const facts = { basic: { otherFunds: { prevFinal: null, budget: null, final: 5 } } };
    expect(of(checkPackage({ pkg: p, facts }), "BASIC.PROJECT_SUM")).toEqual([]);
  });

  test("EXEC.SCORE on a sub-row that prints its own score (贵州: 基本支出 914.97 ÷ 985.19 = 92.87% → 9.29, stated 10)", () => {
    const p = clean();
    p.selfEvaluation!.funds = { initialBudget: 1172.55, fullBudget: null, executed: 1268.72, weight: 10, rate: null, score: 10 };
    const absent = (path: string) => (/^selfEvaluation\.(funds|fundParts\.\d+)\.(fullBudget|rate)$/.test(path) ? "「全年预算数」栏" : undefined);
    const part = (label: string, a: number, b: number) => ({ label, initialBudget: a, fullBudget: null, executed: b, weight: 10, rate: null, score: 10 });
    const facts = { selfEvaluation: { fundParts: [part("基本支出", 985.19, 914.97), part("项目支出", 187.36, 353.75)], scoringMethod: "执行率*该指标分值,最高不得超过分值上限。" } };
    const fs = checkPackage({ pkg: p, absent, facts });
    // 年度资金总额 1268.72 ÷ 1172.55 = 108.20% → capped 10: right; 项目支出 353.75 ÷ 187.36 = 188.81% → 10: right.
    const scores = of(fs, "EXEC.SCORE");
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ expected: "9.29", actual: "10" });
    expect(scores[0].message).toContain("基本支出");
    // No 全年预算数 on the form: not "未填写", and over the 年初 budget only a 提示.
    expect(fs.filter((f) => f.rule === "INPUT.REQUIRED" && /全年预算数/.test(f.message))).toEqual([]);
    expect(of(fs, "EXEC.OVER_BUDGET").map((f) => f.severity)).toEqual(["提示"]);
  });

  test("EXEC.SCORE: a 得分计算方法 that is not a formula is not recomputed, and that is said", () => {
    const p = clean();
    p.projects[0].funds.total.score = 8; // proportional would be 9.50
    const facts = { "projects.0": { scoringMethod: "由评价小组综合评定" } };
    const r = checkPackageFull({ pkg: p, facts });
    expect(of(r.findings, "EXEC.SCORE")).toEqual([]);
    expect(r.notChecked).toEqual([expect.objectContaining({ rule: "EXEC.SCORE", reason: expect.stringContaining("由评价小组综合评定") })]);
  });

  test("SCORE.LEVEL1_WEIGHT against the 一级 weights the form's note states (四川: 产出 70 vs 50, 效益 20 vs 30)", () => {
    const p = clean();
    const facts = { selfEvaluation: { levelWeights: { 产出指标: 50, 效益指标: 20, 满意度指标: 10, 预算执行率: 10 } } };
    const fs = of(checkPackage({ pkg: p, facts }), "SCORE.LEVEL1_WEIGHT");
    // 产出 20+20+10 = 50 as noted; 效益 heading 30 against the noted 20.
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ expected: "20", actual: "30" });
  });

  test("UNIT.SUSPECT: a form in 元 whose 年度资金总额 is a few hundred 元 was most likely typed in 万元", () => {
    const p = clean();
    // 60 万元 typed into a 元 form reads as 60 元 = 0.006 万元.
    p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 0.005, fullBudget: 0.006, executed: 0.0057 };
    const facts = { "projects.0": { amountUnit: { unit: "元" as const, text: "项目资金(元)" } } };
    const [f] = of(checkPackage({ pkg: p, facts }), "UNIT.SUSPECT");
    expect(f).toMatchObject({ severity: "提示", actual: "60.00 元" });
    p.projects[0].funds.total = { ...p.projects[0].funds.total, initialBudget: 38.766462, fullBudget: 38.766462, executed: 38.766462 }; // 387664.62 元
    expect(of(checkPackage({ pkg: p, facts }), "UNIT.SUSPECT")).toEqual([]);
  });

  test("SCORE.LEVEL1_WEIGHT: 附件3 in the preset's own layout against the preset's 一级 weights (湖南 2024: 产出40 效益20 满意度10 成本20)", () => {
    const p = clean();
    const facts = { "projects.0": { layout: "hunan-2024" } };
    // The hand-made project has only 产出指标 (90): not the scheme's 一级 set, so not checked against it, and said so.
    const only = checkPackageFull({ pkg: p, facts }, HUNAN_2024);
    expect(of(only.findings, "SCORE.LEVEL1_WEIGHT")).toEqual([]);
    expect(only.notChecked.filter((n) => n.rule === "SCORE.LEVEL1_WEIGHT").map((n) => n.reason)).toEqual([
      "表中没有一级指标「效益指标」、「满意度指标」、「成本指标」，不是“湖南省2024年（默认）”附件3的一级指标设置，未按其规定的一级分值核对（其他省份的表可选用本省的评分方案）",
    ]);
    // All four 一级, 产出 50 and 效益 10: each against the scheme (40, 20), at its 一级 cell.
    p.projects[0].indicators = [
      ind("产出指标", "数量指标", "维护次数", "≥12次", "12次", 50, 50),
      ind("效益指标", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 10, 10),
      ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10),
      ind("成本指标", "经济成本指标", "成本控制", "≤60万元", "57万元", 20, 20),
    ];
    expect(of(checkPackage({ pkg: p, facts }), "SCORE.LEVEL1_WEIGHT").map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ["警告", "40", "50"],
      ["警告", "20", "10"],
    ]);
    p.projects[0].indicators = [
      ind("产出指标", "数量指标", "维护次数", "≥12次", "12次", 40, 40),
      ind("效益指标", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 20, 20),
      ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10),
      ind("成本指标", "经济成本指标", "成本控制", "≤60万元", "57万元", 20, 20),
    ];
    expect(of(checkPackage({ pkg: p, facts }), "SCORE.LEVEL1_WEIGHT")).toEqual([]);
    // A form of another layout keeps its own weights.
    p.projects[0].indicators[0].weight = 50;
    p.projects[0].indicators[0].score = 50;
    expect(of(checkPackage({ pkg: p, facts: { "projects.0": { layout: "sichuan-2022" } } }), "SCORE.LEVEL1_WEIGHT")).toEqual([]);
  });

  test("SCORE.GRADE: 合格/不合格 are legal words too, judged at the pass mark 60", () => {
    const p = clean(); // 总分 97.38
    p.selfEvaluation!.total.grade = "合格";
    expect(of(check(p), "SCORE.GRADE")).toEqual([]);
    p.selfEvaluation!.total.grade = "不合格";
    expect(of(check(p), "SCORE.GRADE")[0]).toMatchObject({ expected: "合格", actual: "不合格" });
    p.selfEvaluation!.total.grade = "良好"; // 97.38 is 优 in the national scheme: still an error
    expect(of(check(p), "SCORE.GRADE")[0]).toMatchObject({ expected: "优" });
  });

  test("SCORE.LEVEL1_WEIGHT: the 项目决策 / 项目过程 / 产出 / 效益 scheme, by its headings and by a note", () => {
    const p = clean();
    p.projects[0].indicators = [
      ind("项目决策（20分）", "项目立项", "立项依据充分性", "充分", "充分", 10, 10),
      ind("项目决策（20分）", "绩效目标", "目标明确性", "明确", "明确", 10, 10),
      ind("项目过程（20分）", "资金管理", "资金使用合规性", "合规", "合规", 20, 20),
      ind("产出指标（30分）", "数量指标", "维护次数", "≥12次", "12次", 30, 30),
      ind("效益指标（20分）", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 10, 10), // 10 under a 20 heading
    ];
    p.projects[0].total = { weight: 90, score: 89.5, grade: "优" };
    const byHeading = of(check(p), "SCORE.LEVEL1_WEIGHT");
    expect(byHeading.map((f) => [f.expected, f.actual])).toEqual([["20", "10"]]);
    // The form's note fixes 项目决策 at 15: the headings' 20 is against it.
    const facts = { "projects.0": { levelWeights: { 项目决策: 15, 项目过程: 20, 产出指标: 30, 效益指标: 20 } } };
    const byNote = of(checkPackage({ pkg: p, facts }), "SCORE.LEVEL1_WEIGHT");
    expect(byNote.map((f) => [f.expected, f.actual])).toContainEqual(["15", "20"]);
  });

  test("a finding at a cell the form does not have becomes a check not possible", () => {
    const p = clean();
    p.projects[0].total.weight = null;
    p.projects[0].indicators[0].weight = null; // no 分值 column at all
    const absent = (path: string) => (/^projects\.0\.(indicators\.\d+\.weight|total\.weight)$/.test(path) ? "「分值」栏" : undefined);
    const r = checkPackageFull({ pkg: p, absent });
    expect(of(r.findings, "SCORE.WEIGHT_TOTAL")).toEqual([]);
    expect(r.notChecked).toContainEqual(expect.objectContaining({ rule: "SCORE.WEIGHT_TOTAL", reason: "表中没有「分值」栏" }));
  });
});

describe("half-filled forms (issue 9 cases)", () => {
  test("SCORE.UNFILLED: a 分值 with its 得分 empty, for 执行率 and an indicator; blank is not 0", () => {
    const p = clean();
    p.projects[0].funds.total.score = null;
    p.projects[0].indicators[0].score = "";
    const fs = of(check(p), "SCORE.UNFILLED");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ["提示", "得分", "（空）"],
      ["提示", "得分", "（空）"],
    ]);
    expect(fs[0].message).toContain("（分值 10）");
    expect(fs[1].message).toContain("（分值 90）");
  });

  test("EXEC.SCORE_FROM_PARTS: 年度资金总额 printed 0 / 0 / 0 above its 其中 rows, its 得分 0 against the parts' rate", () => {
    const p = clean();
    p.projects[0].funds.total = { initialBudget: 0, fullBudget: 0, executed: 0, weight: 10, rate: 0, score: 0 };
    // parts: 60 + 0 + 0 全年预算数, 57 + 0 + 0 执行数 → 57 ÷ 60 = 95.00% → 10 × 95% = 9.50
    const fs = of(check(p), "EXEC.SCORE_FROM_PARTS");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([["提示", "9.50", "0"]]);
    expect(fs[0].message).toContain("57.00 ÷ 60.00 = 95.00%");
    expect(of(check(clean()), "EXEC.SCORE_FROM_PARTS")).toEqual([]);
  });
});

describe("published forms: indicator groups with their own weight, prompts left in place", () => {
  /** 湖北 2020: three indicators under 年度绩效目标1(40分), no 分值 column. */
  function grouped(scores: [number, number, number], third = "98%"): Package {
    const p = clean();
    p.projects[0].indicators = [
      ind("产出指标", "质量指标", "监测数据必须合格", "100%", "100%", 0, scores[0]),
      ind("产出指标", "进度指标", "取得监测资料", "100%", "100%", 0, scores[1]),
      ind("满意度指标", "服务对象满意度指标", "整编资料审核", third, third, 0, scores[2]),
    ];
    for (const i of p.projects[0].indicators) i.weight = null;
    return p;
  }
  const facts = { "projects.0": { indicatorGroups: [{ label: "年度绩效目标1(40分)", weight: 40, from: 0, to: 3 }] } };

  test("SCORE.GROUP_MET_SHORT: all met, 10 + 10 + 19.6 = 39.6 < 40; the 98% one is scored 分值 × 98%", () => {
    const fs = of(checkPackage({ pkg: grouped([10, 10, 19.6]), facts }), "SCORE.GROUP_MET_SHORT");
    // derived 分值 = 40 − (10 + 10) = 20; met → 20
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([["提示", "20", "19.6"]]);
    expect(fs[0].message).toContain("目标 98%，实际 98%，已达标");
    // no 98% target to blame: the group is named instead (10 + 10 + 19 = 39 < 40)
    const g = of(checkPackage({ pkg: grouped([10, 10, 19], "100%"), facts }), "SCORE.GROUP_MET_SHORT");
    expect(g.map((f) => [f.expected, f.actual])).toEqual([["40", "39"]]);
    // the scores add up to the group's weight: nothing (10 + 10 + 20 = 40)
    expect(of(checkPackage({ pkg: grouped([10, 10, 20]), facts }), "SCORE.GROUP_MET_SHORT")).toEqual([]);
  });

  test("SCORE.HEADLINE_UNREACHABLE: 自评得分 at the top above what the scores can reach", () => {
    const headline = (v: number) => ({ "projects.0": { headlineScore: v } });
    // 9.5 (执行率) + 90 = 99.5 scored, 分值 10 + 90 = 100 → nothing open, at most 99.5
    const fs = of(checkPackage({ pkg: clean(), facts: headline(100) }), "SCORE.HEADLINE_UNREACHABLE");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([["错误", "≤ 99.5", "100"]]);
    expect(of(checkPackage({ pkg: clean(), facts: headline(99.5) }), "SCORE.HEADLINE_UNREACHABLE")).toEqual([]);
    // a form cut before its indicators: 9.5 scored, 90 open → at most 99.5; 98 is reachable
    const cut = clean();
    cut.projects[0].indicators = [];
    expect(of(checkPackage({ pkg: cut, facts: headline(98) }), "SCORE.HEADLINE_UNREACHABLE")).toEqual([]);
  });

  test("SCORE.EXEC_INDICATOR: 预算执行率 listed as an indicator row is scored min(执行率, 100%) × 分值", () => {
    const p = clean();
    // 100% → min(1, 1) × 10 = 10.00, stated 9 (宁夏 2021 G14)
    p.projects[0].indicators[0] = ind("产出指标", "质量指标", "预算执行率", "—", "100%", 10, 9);
    const fs = of(check(p), "SCORE.EXEC_INDICATOR");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([["警告", "10.00", "9"]]);
    expect(fs[0].message).toContain("实际完成值 100%，按 min(执行率, 100%) × 分值 10 应得 10.00");
    // 87.5% typed as text → 0.875 × 8 = 7.00: stated 7 is right
    p.projects[0].indicators[0] = ind("产出指标", "质量指标", "资金执行率", "≥90%", "87.5%", 8, 7, "年底付款");
    expect(of(check(p), "SCORE.EXEC_INDICATOR")).toEqual([]);
    // not a rate (人次): no finding
    p.projects[0].indicators[0] = ind("产出指标", "数量指标", "预算执行率", "—", "30人次", 8, 7, "说明");
    expect(of(check(p), "SCORE.EXEC_INDICATOR")).toEqual([]);
  });

  test("CONTENT.GOAL_PARTS_SUM: the amounts after 其中 against the total of the same sentence", () => {
    const p = clean();
    p.projects[0].goals.planned = "本项目共申请预算资金2026400元,其中村级组织运转400000元,报酬252000元,工资28000元,事务补助960000元,目标奖励100000元。";
    // 400000 + 252000 + 28000 + 960000 + 100000 = 1740000; 2026400 − 1740000 = 286400
    p.projects[0].goals.achieved = "共完成1329120.67元,其中运转439120.67元,报酬152000元,工资28000元,补助660000元,奖励50000元。"; // adds up
    const fs = of(check(p), "CONTENT.GOAL_PARTS_SUM");
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([["提示", "2026400元", "1740000元"]]);
    expect(fs[0].message).toContain("相差 286400元");
    // mixed units: 共 1.5万元，其中 5000元 + 1万元 = 1.5万元
    p.projects[0].goals.planned = "共安排1.5万元，其中设备5000元、服务1万元。";
    expect(of(check(p), "CONTENT.GOAL_PARTS_SUM")).toEqual([]);
  });

  test("CONTENT.PROMPT_LEFT: each prompt text left in place is named", () => {
    const prompts = { "projects.0": { promptTexts: ["结合自评情况,分析存在的问题及原因。(200字以内)"] } };
    const fs = of(checkPackage({ pkg: clean(), facts: prompts }), "CONTENT.PROMPT_LEFT");
    expect(fs.map((f) => [f.severity, f.actual])).toEqual([["提示", "结合自评情况,分析存在的问题及原因。(200字以内)"]]);
    expect(of(check(clean()), "CONTENT.PROMPT_LEFT")).toEqual([]);
  });
});

describe("the catalogue", () => {
  test("ids are unique, well-formed, and every rule is documented", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[A-Z]+\.[A-Z0-9_]+$/);
      expect(["错误", "警告", "提示"]).toContain(r.severity);
      expect(r.title.length).toBeGreaterThan(1);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.example.length).toBeGreaterThan(10);
    }
  });

  test("every rule is exercised by a test above", () => {
    // FA.* (部门决算公开) rules are exercised in test/core/finalAccounts.test.ts, which has the same meta-test for them.
    expect(RULES.map((r) => r.id).filter((id) => !id.startsWith("FA.") && !exercised.has(id))).toEqual([]);
  });
});
