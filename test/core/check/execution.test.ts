/**
 * The EXEC.* rules of src/core/check/rules/execution.ts: 执行率, its 得分 and 执行数 over 预算数 on the scored budget
 * row (年度资金总额) of 附件2 and 附件3, and on sub-rows that print their own score.
 * Every finding is asserted whole, at the model path of the figure it points at (test/helpers/findingsByPath.ts).
 * The hand-made package (test/helpers/cleanPackage.ts): 附件2 年初 300, 全年 320, 执行 300, 分值 10, 93.75%, 得分 9.38;
 * 附件3 年初 50, 全年 60, 执行 57, 分值 10, 95.00%, 得分 9.5.
 */
import { HUNAN_2024, HUNAN_STEPS } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";
import { at, checkByPath, findingsByPath } from "../../helpers/findingsByPath";

const RATE = "EXEC.RATE";
const SCORE = "EXEC.SCORE";
const OVER = "EXEC.OVER_BUDGET";

test("the hand-made package has no EXEC finding", () => {
  expect(checkByPath(clean(), [RATE, SCORE, OVER])).toEqual({ findings: [], notChecked: [] });
});

describe("EXEC.RATE", () => {
  test("a stated rate other than 全年执行数 ÷ 全年预算数, typed as text or as a number", () => {
    const p = clean();
    p.selfEvaluation!.funds.rate = "93.7%"; // 300 ÷ 320 = 0.9375
    p.projects[0].funds.total.rate = 0.9; // 57 ÷ 60 = 0.95
    expect(findingsByPath(p, [RATE])).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 93.7%，按 300.00 ÷ 320.00 计算应为 93.75%。", "93.75%", "93.7%"),
      at("projects.0.funds.total.rate", RATE, "错误", "项目「信息化运维」年度资金总额执行率填写为 90.00%，按 57.00 ÷ 60.00 计算应为 95.00%。", "95.00%", "90.00%"),
    ]);
  });

  test("figures beyond the exact integer path (more than 8 decimals, 16 digits) are compared as decimals: agreeing, nothing is said", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 0.123456789; // 9 decimals
    p.selfEvaluation!.funds.fullBudget = 0.123456789;
    p.selfEvaluation!.funds.rate = "100.00%";
    p.selfEvaluation!.funds.score = 10;
    p.projects[0].funds.total.executed = "1234567890123456"; // 16 digits: no double holds the quotient's terms exactly
    p.projects[0].funds.total.fullBudget = "1234567890123456";
    p.projects[0].funds.total.rate = 1;
    p.projects[0].funds.total.score = 10;
    expect(findingsByPath(p, [RATE, SCORE])).toEqual([]);
    p.selfEvaluation!.funds.rate = "99.99%";
    p.selfEvaluation!.funds.score = 9.99;
    expect(findingsByPath(p, [RATE, SCORE])).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 99.99%，按 0.12 ÷ 0.12 计算应为 100.00%。", "100.00%", "99.99%"),
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.99，按执行率 100.00% 计算应为 10.00（分值 10）。", "10.00", "9.99"),
    ]);
  });

  test("a zero 全年预算数 cannot be divided: said at the rate", () => {
    const p = clean();
    p.selfEvaluation!.funds.fullBudget = 0;
    expect(findingsByPath(p, [RATE])).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 93.75%，但年度资金总额全年预算数为0，无法计算执行率。", "无法计算", "93.75%"),
    ]);
  });

  test("executed 0 is a rate of 0.00%; a blank rate, 执行数 or 预算数 is not compared", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 0;
    p.selfEvaluation!.funds.rate = "0.00%";
    p.projects[0].funds.total.executed = 0;
    p.projects[0].funds.total.rate = "1%";
    expect(findingsByPath(p, [RATE])).toEqual([
      at("projects.0.funds.total.rate", RATE, "错误", "项目「信息化运维」年度资金总额执行率填写为 1%，按 0.00 ÷ 60.00 计算应为 0.00%。", "0.00%", "1%"),
    ]);
    for (const blank of ["rate", "executed", "fullBudget"] as const) {
      const q = clean();
      q.selfEvaluation!.funds.rate = "90%";
      q.selfEvaluation!.funds[blank] = null;
      expect(findingsByPath(q, [RATE])).toEqual([]);
    }
  });

  test("the denominator is the preset's: 年初预算数 under the step preset", () => {
    const p = clean();
    p.projects = []; // its 57 ÷ 年初 50 is another case
    p.selfEvaluation!.funds.initialBudget = 250; // 300 ÷ 250 = 120%
    expect(findingsByPath(p, [RATE], {}, HUNAN_STEPS)).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 93.75%，按 300.00 ÷ 250.00 计算应为 120.00%。", "120.00%", "93.75%"),
    ]);
  });

  test("a form without the preset's denominator column uses the other budget; without either, the preset's", () => {
    const p = clean();
    p.projects = []; // its 57 ÷ 年初 50 is another case
    p.selfEvaluation!.funds.initialBudget = 250; // 300 ÷ 250 = 120%; 300 ÷ 320 = 93.75% as stated
    const noFull = (path: string) => (path === "selfEvaluation.funds.fullBudget" ? "「全年预算数」栏" : undefined);
    expect(findingsByPath(p, [RATE], { absent: noFull })).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 93.75%，按 300.00 ÷ 250.00 计算应为 120.00%。", "120.00%", "93.75%"),
    ]);
    const noInitial = (path: string) => (path === "selfEvaluation.funds.initialBudget" ? "「年初预算数」栏" : undefined);
    p.selfEvaluation!.funds.rate = "120.00%";
    expect(findingsByPath(p, [RATE], { absent: noInitial }, HUNAN_STEPS)).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 120.00%，按 300.00 ÷ 320.00 计算应为 93.75%。", "93.75%", "120.00%"),
    ]);
    const neither = (path: string) => (/^selfEvaluation\.funds\.(initialBudget|fullBudget)$/.test(path) ? "「预算数」栏" : undefined);
    expect(findingsByPath(p, [RATE], { absent: neither })).toEqual([
      at("selfEvaluation.funds.rate", RATE, "错误", "年度资金总额执行率填写为 120.00%，按 300.00 ÷ 320.00 计算应为 93.75%。", "93.75%", "120.00%"),
    ]);
  });

  test("sub-rows that print their own rate, against their own 预算数", () => {
    const p = clean();
    const facts = {
      selfEvaluation: {
        fundParts: [
          { label: "基本支出", initialBudget: 190, fullBudget: 200, executed: 150, weight: 5, rate: "75.00%", score: 3.75 }, // 150 ÷ 200
          { label: "项目支出", initialBudget: 110, fullBudget: 120, executed: 150, weight: 5, rate: "120%", score: 5 }, // 150 ÷ 120 = 125%
        ],
      },
    };
    expect(findingsByPath(p, [RATE], { facts })).toEqual([
      at("selfEvaluation.fundParts.1.rate", RATE, "错误", "项目支出执行率填写为 120%，按 150.00 ÷ 120.00 计算应为 125.00%。", "125.00%", "120%"),
    ]);
  });
});

describe("EXEC.SCORE", () => {
  test("a stated 得分 other than min(执行率, 100%) × 分值", () => {
    const p = clean();
    p.selfEvaluation!.funds.score = 9.37; // 0.9375 × 10 = 9.375 → 9.38
    p.projects[0].funds.total.score = 9; // 0.95 × 10 = 9.50
    expect(findingsByPath(p, [SCORE])).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.37，按执行率 93.75% 计算应为 9.38（分值 10）。", "9.38", "9.37"),
      at("projects.0.funds.total.score", SCORE, "错误", "项目「信息化运维」年度资金总额得分填写为 9，按执行率 95.00% 计算应为 9.50（分值 10）。", "9.50", "9"),
    ]);
  });

  test("the 分值 is the form's; blank, the preset's (附件2 and 附件3 each their own)", () => {
    const p = clean();
    p.selfEvaluation!.funds.weight = 20; // 0.9375 × 20 = 18.75
    expect(findingsByPath(p, [SCORE])).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.38，按执行率 93.75% 计算应为 18.75（分值 20）。", "18.75", "9.38"),
    ]);
    const q = clean();
    q.selfEvaluation!.funds.weight = null;
    q.projects[0].funds.total.weight = null;
    const preset = { ...HUNAN_2024, weights: { ...HUNAN_2024.weights, execution: 20 }, projectExecutionWeight: 5 };
    expect(findingsByPath(q, [SCORE], {}, preset)).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.38，按执行率 93.75% 计算应为 18.75（分值 20）。", "18.75", "9.38"), // 0.9375 × 20
      at("projects.0.funds.total.score", SCORE, "错误", "项目「信息化运维」年度资金总额得分填写为 9.5，按执行率 95.00% 计算应为 4.75（分值 5）。", "4.75", "9.5"), // 0.95 × 5
    ]);
  });

  test("compared at 2 decimals: 9.375 and 9.384 are 9.38, 9.385 is not", () => {
    const p = clean();
    p.selfEvaluation!.funds.score = 9.375;
    p.projects[0].funds.total.score = 9.504; // 9.50
    expect(findingsByPath(p, [SCORE])).toEqual([]);
    p.selfEvaluation!.funds.score = 9.385;
    expect(findingsByPath(p, [SCORE])).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.385，按执行率 93.75% 计算应为 9.38（分值 10）。", "9.38", "9.385"),
    ]);
  });

  test("executed 0 scores 0; above the budget the score is capped at the 分值", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 0;
    p.selfEvaluation!.funds.score = 1;
    p.projects[0].funds.total.executed = 66; // 66 ÷ 60 = 110% → capped: 10
    p.projects[0].funds.total.score = 11;
    expect(findingsByPath(p, [SCORE])).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 1，按执行率 0.00% 计算应为 0.00（分值 10）。", "0.00", "1"),
      at("projects.0.funds.total.score", SCORE, "错误", "项目「信息化运维」年度资金总额得分填写为 11，按执行率 110.00% 计算应为 10.00（分值 10）。", "10.00", "11"),
    ]);
  });

  test("nothing without a 得分, 执行数 or 预算数, with a zero budget (EXEC.RATE says it) or a negative 执行数 (INPUT.NEGATIVE)", () => {
    for (const [field, value] of [["score", null], ["executed", null], ["fullBudget", null], ["fullBudget", 0], ["executed", -5]] as const) {
      const p = clean();
      p.selfEvaluation!.funds.score = 3;
      p.selfEvaluation!.funds[field] = value;
      expect(findingsByPath(p, [SCORE])).toEqual([]);
    }
  });

  test("the step preset: each 5% short of 年初预算 takes 2 points", () => {
    const p = clean();
    p.projects = []; // its 57 ÷ 年初 50 is another case
    p.selfEvaluation!.funds.initialBudget = 320; // 300 ÷ 320 = 93.75%: 6.25% short, one step of 5%: 10 − 2 = 8
    expect(findingsByPath(p, [SCORE], {}, HUNAN_STEPS)).toEqual([
      at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9.38，按执行率 93.75% 计算应为 8.00（分值 10）。", "8.00", "9.38"),
    ]);
  });

  test("a 得分计算方法 printed on the form that says proportional overrides the step preset, however it is written", () => {
    const p = clean();
    p.projects = []; // its 57 ÷ 年初 50 is another case
    p.selfEvaluation!.funds.initialBudget = 320; // steps: 8.00; proportional: 0.9375 × 10 = 9.375 → 9.38
    p.selfEvaluation!.funds.score = 9;
    const proportional = at("selfEvaluation.funds.score", SCORE, "错误", "年度资金总额得分填写为 9，按执行率 93.75% 计算应为 9.38（分值 10）。", "9.38", "9");
    for (const method of ["执行率*该指标分值,最高不得超过分值上限", "执行率 × 分值", "执行 率乘分值", "分值x执行率", "分值X执行率", "按比例计分", "按执行率比例计算得分"]) {
      const r = checkByPath(p, [SCORE], { facts: { selfEvaluation: { scoringMethod: method } } }, HUNAN_STEPS);
      expect([method, r]).toEqual([method, { findings: [proportional], notChecked: [] }]);
    }
  });

  test("a 得分计算方法 that is not a formula: not recomputed, said once as a check not made", () => {
    const p = clean();
    p.projects[0].funds.total.score = 8; // proportional: 9.50
    const r = checkByPath(p, [SCORE], { facts: { "projects.0": { scoringMethod: "由评价小组综合评定" } } });
    expect(r).toEqual({
      findings: [],
      notChecked: [{ rule: SCORE, title: "预算执行率得分不符", sheet: "附件3 信息化运维", reason: "得分计算方法「由评价小组综合评定」无法按公式复核" }],
    });
  });

  test("sub-rows that print their own score, by their own 分值", () => {
    const p = clean();
    const facts = {
      selfEvaluation: {
        fundParts: [
          { label: "基本支出", initialBudget: 190, fullBudget: 200, executed: 150, weight: 4, rate: "75.00%", score: 3.75 }, // 0.75 × 4 = 3.00
          { label: "项目支出", initialBudget: 110, fullBudget: 120, executed: 150, weight: 6, rate: "125.00%", score: 6 }, // capped: 6
        ],
      },
    };
    expect(findingsByPath(p, [SCORE], { facts })).toEqual([
      at("selfEvaluation.fundParts.0.score", SCORE, "错误", "基本支出得分填写为 3.75，按执行率 75.00% 计算应为 3.00（分值 4）。", "3.00", "3.75"),
    ]);
  });
});

describe("EXEC.OVER_BUDGET", () => {
  test("执行数 above 全年预算数: a 警告 at the 执行数; above 200% it says the figure is likely wrong", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 330; // 330 ÷ 320 = 103.125% → 103.13%
    p.projects[0].funds.total.executed = 120.01; // 120.01 ÷ 60 = 200.0166…% → 200.02%
    expect(findingsByPath(p, [OVER])).toEqual([
      at("selfEvaluation.funds.executed", OVER, "警告", "年度资金总额全年执行数 330.00 超过年度资金总额全年预算数 320.00，执行率 103.13%，请核实。", "≤ 320.00", "330.00"),
      at("projects.0.funds.total.executed", OVER, "警告", "项目「信息化运维」年度资金总额全年执行数 120.01 超过项目「信息化运维」年度资金总额全年预算数 60.00，执行率 200.02%，远超合理范围，请核对是否填错。", "≤ 60.00", "120.01"),
    ]);
  });

  test("exactly 200% is not called implausible; exactly 100% is not over", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 320; // 100%
    p.projects[0].funds.total.executed = 120; // 200%
    expect(findingsByPath(p, [OVER])).toEqual([
      at("projects.0.funds.total.executed", OVER, "警告", "项目「信息化运维」年度资金总额全年执行数 120.00 超过项目「信息化运维」年度资金总额全年预算数 60.00，执行率 200.00%，请核实。", "≤ 60.00", "120.00"),
    ]);
  });

  test("the preset's limit of a plausible rate", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = 330; // 103.13% > 1.02
    const preset = { ...HUNAN_2024, tolerances: { ...HUNAN_2024.tolerances, implausibleRate: 1.02 } };
    expect(findingsByPath(p, [OVER], {}, preset).map((f) => f.message)).toEqual(["年度资金总额全年执行数 330.00 超过年度资金总额全年预算数 320.00，执行率 103.13%，远超合理范围，请核对是否填错。"]);
  });

  test("above 年初预算数 (the step preset's denominator) is only a 提示", () => {
    const p = clean();
    p.projects = []; // its 57 ÷ 年初 50 is another case
    p.selfEvaluation!.funds.initialBudget = 250; // 300 ÷ 250 = 120%
    expect(findingsByPath(p, [OVER], {}, HUNAN_STEPS)).toEqual([
      at("selfEvaluation.funds.executed", OVER, "提示", "年度资金总额全年执行数 300.00 超过年度资金总额年初预算数 250.00，执行率 120.00%，请核实。", "≤ 250.00", "300.00"),
    ]);
  });

  test("nothing with a zero or blank 预算数 or a blank 执行数", () => {
    for (const [field, value] of [["fullBudget", 0], ["fullBudget", null], ["executed", null]] as const) {
      const p = clean();
      p.selfEvaluation!.funds.executed = 330;
      p.selfEvaluation!.funds[field] = value;
      expect(findingsByPath(p, [OVER])).toEqual([]);
    }
  });
});
