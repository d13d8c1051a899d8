/**
 * The rules of src/core/check/rules/unfilled.ts (SCORE.UNFILLED, EXEC.SCORE_FROM_PARTS), each finding asserted whole,
 * on the hand-made package of test/helpers/cleanPackage.ts. Expected figures worked out by hand in the comments.
 */
import type { Package } from "../../../src/core";
import { clean, ind } from "../../helpers/cleanPackage";
import { row, ruleFindings } from "../../helpers/ruleFindings";

const EVAL = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";
const none = null as unknown as number;

describe("SCORE.UNFILLED", () => {
  const ID = "SCORE.UNFILLED";
  const rows = (pkg: Package, formulas?: string[]) => ruleFindings(ID, pkg, { formulas }).map(row);

  test("a 分值 with its 得分 empty (null or spaces), on 执行率 and indicator rows of every scored sheet", () => {
    const p = clean();
    p.selfEvaluation!.funds.weight = 8;
    p.selfEvaluation!.funds.score = null;
    p.selfEvaluation!.indicators[1].score = "  " as unknown as number;
    p.projects[0].funds.total.score = "";
    p.projects[0].indicators[0].score = undefined as unknown as number; // a model from JSON without the field
    expect(rows(p)).toEqual([
      [ID, "提示", EVAL, "selfEvaluation.funds.score", "得分", "（空）", "年度资金总额得分未填写（分值 8）。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.1.score", "得分", "（空）", "指标「合格率」得分未填写（分值 20）。"],
      [ID, "提示", PROJECT, "projects.0.funds.total.score", "得分", "（空）", "项目「信息化运维」年度资金总额得分未填写（分值 10）。"],
      [ID, "提示", PROJECT, "projects.0.indicators.0.score", "得分", "（空）", "项目「信息化运维」指标「维护次数」得分未填写（分值 90）。"],
    ]);
  });

  test("not asked: a formula in the 得分 cell, no 分值, a score of 0, template rows without an indicator's name", () => {
    const p = clean();
    p.selfEvaluation!.funds.score = null; // a formula not computed yet
    p.selfEvaluation!.indicators[0].score = none; // a formula too
    p.selfEvaluation!.indicators[1].weight = none;
    p.selfEvaluation!.indicators[1].score = none;
    p.selfEvaluation!.indicators[2].score = 0;
    p.projects[0].funds.total.weight = null;
    p.projects[0].funds.total.score = null;
    const template = (name: unknown) => ({ ...ind("效益指标", "生态效益指标", "", "", "", 5, none), name: name as string });
    p.projects[0].indicators.push(template("指标1:"), template("指标2：/"), template("指标"), template("……"), template(" 。、 "), template("  "), template(12), template(null));
    expect(rows(p, ["selfEvaluation.funds.score", "selfEvaluation.indicators.0.score"])).toEqual([]);
    p.projects[0].indicators.push(template("指标3：植树"));
    expect(rows(p, ["selfEvaluation.funds.score", "selfEvaluation.indicators.0.score"])).toEqual([
      [ID, "提示", PROJECT, "projects.0.indicators.9.score", "得分", "（空）", "项目「信息化运维」指标「指标3：植树」得分未填写（分值 5）。"],
    ]);
  });

  test("a sheet not started (nothing executed, no actual, no score) is not asked; one actual or one score starts it", () => {
    const p = clean();
    p.projects[0].funds.total.executed = null;
    p.projects[0].funds.total.score = null;
    p.projects[0].indicators = [ind("产出指标", "数量指标", "维护次数", "≥12次", " ", 45, none), ind("产出指标", "质量指标", "修复率", "≥95%", "", 45, none)];
    expect(rows(p)).toEqual([]);
    p.projects[0].indicators[1].actual = "96%";
    const asked = [
      [ID, "提示", PROJECT, "projects.0.funds.total.score", "得分", "（空）", "项目「信息化运维」年度资金总额得分未填写（分值 10）。"],
      [ID, "提示", PROJECT, "projects.0.indicators.0.score", "得分", "（空）", "项目「信息化运维」指标「维护次数」得分未填写（分值 45）。"],
    ];
    expect(rows(p)).toEqual([...asked, [ID, "提示", PROJECT, "projects.0.indicators.1.score", "得分", "（空）", "项目「信息化运维」指标「修复率」得分未填写（分值 45）。"]]);
    p.projects[0].indicators[1].actual = "";
    p.projects[0].indicators[1].score = 40;
    expect(rows(p)).toEqual(asked);
  });
});

describe("EXEC.SCORE_FROM_PARTS", () => {
  const ID = "EXEC.SCORE_FROM_PARTS";
  const rows = (pkg: Package) => ruleFindings(ID, pkg).map(row);

  /** The project's total row printed 0 / 0 / 0 above 其中 rows of 60/57 (当年财政拨款), 20/20 (上年结转), blank (其他资金). */
  function zeroTotal(): Package {
    const p = clean();
    p.projects[0].funds.carryover = { initialBudget: 20, fullBudget: 20, executed: 20 };
    p.projects[0].funds.other = { initialBudget: null, fullBudget: null, executed: null };
    p.projects[0].funds.total = { initialBudget: 0, fullBudget: 0, executed: 0, weight: 8, rate: 0, score: 0 };
    return p;
  }

  test("the 得分 against the parts' rate: (57 + 20) ÷ (60 + 20), with the 分值 of the sheet", () => {
    // 77 ÷ 80 = 0.9625 → 96.25%; 8 × 0.9625 = 7.70
    expect(rows(zeroTotal())).toEqual([
      [ID, "提示", PROJECT, "projects.0.funds.total.score", "7.70", "0", "项目「信息化运维」年度资金总额得分填写为 0；年度资金总额行（全年预算数 0.00）低于“其中”各行之和，按分项计算执行率 77.00 ÷ 80.00 = 96.25%，得分应为 7.70（分值 8）。"],
    ]);
  });

  test("only 其他资金 filled: 30 ÷ 40", () => {
    const p = zeroTotal();
    p.projects[0].funds.current = { initialBudget: null, fullBudget: null, executed: null };
    p.projects[0].funds.carryover = { initialBudget: null, fullBudget: null, executed: null };
    p.projects[0].funds.other = { initialBudget: 40, fullBudget: 40, executed: 30 };
    // 30 ÷ 40 = 75.00%; 8 × 0.75 = 6.00
    expect(rows(p)).toEqual([
      [ID, "提示", PROJECT, "projects.0.funds.total.score", "6.00", "0", "项目「信息化运维」年度资金总额得分填写为 0；年度资金总额行（全年预算数 0.00）低于“其中”各行之和，按分项计算执行率 30.00 ÷ 40.00 = 75.00%，得分应为 6.00（分值 8）。"],
    ]);
  });

  test("a rate above 100% earns the full 分值, not more", () => {
    const p = zeroTotal();
    p.projects[0].funds.current.executed = 70; // (70 + 20) ÷ 80 = 1.125 → 112.50%, score min(1, 1.125) × 8 = 8.00
    p.projects[0].funds.total.score = 7.5;
    expect(rows(p)).toEqual([
      [ID, "提示", PROJECT, "projects.0.funds.total.score", "8.00", "7.5", "项目「信息化运维」年度资金总额得分填写为 7.5；年度资金总额行（全年预算数 0.00）低于“其中”各行之和，按分项计算执行率 90.00 ÷ 80.00 = 112.50%，得分应为 8.00（分值 8）。"],
    ]);
  });

  test("a 得分 equal at 2 decimals (7.7, 7.704) agrees", () => {
    const p = zeroTotal();
    p.projects[0].funds.total.score = 7.7;
    expect(rows(p)).toEqual([]);
    p.projects[0].funds.total.score = 7.704; // → 7.70
    expect(rows(p)).toEqual([]);
    p.projects[0].funds.total.score = 7.71;
    expect(rows(p).map((r) => r[4])).toEqual(["7.70"]);
  });

  test("a total row below its parts by the tolerance (0.01) is a rounding, by more it is not", () => {
    const p = zeroTotal();
    p.projects[0].funds.total.fullBudget = 79.99; // 80 − 79.99 = 0.01: not below
    expect(rows(p)).toEqual([]);
    p.projects[0].funds.total.fullBudget = 79.98; // 0.02 below
    expect(rows(p).map((r) => r.slice(3, 6))).toEqual([["projects.0.funds.total.score", "7.70", "0"]]);
  });

  test("not checked: the parts blank or 0, the total's 全年预算数, 分值 or 得分 blank, or the 附件2", () => {
    const blankParts = zeroTotal();
    for (const part of ["current", "carryover", "other"] as const) blankParts.projects[0].funds[part] = { initialBudget: null, fullBudget: null, executed: 5 };
    expect(rows(blankParts)).toEqual([]);
    const zeroParts = zeroTotal();
    for (const part of ["current", "carryover", "other"] as const) zeroParts.projects[0].funds[part] = { initialBudget: 0, fullBudget: 0, executed: 5 };
    expect(rows(zeroParts)).toEqual([]);
    for (const field of ["fullBudget", "weight", "score"] as const) {
      const p = zeroTotal();
      p.projects[0].funds.total[field] = null;
      expect(rows(p)).toEqual([]);
    }
    expect(rows({ ...zeroTotal(), projects: [] })).toEqual([]);
  });
});

describe("SCORE.UNFILLED: more boundaries", () => {
  test("an amount executed starts a sheet though no actual is written; a row named like a 二级指标 (生态效益指标) is an indicator", () => {
    const p = clean();
    p.projects[0].funds.total.score = null;
    p.projects[0].indicators = [ind("效益指标", "生态效益指标", "生态效益指标", "", "", 10, null as unknown as number)];
    expect(ruleFindings("SCORE.UNFILLED", p).map(row)).toEqual([
      ["SCORE.UNFILLED", "提示", PROJECT, "projects.0.funds.total.score", "得分", "（空）", "项目「信息化运维」年度资金总额得分未填写（分值 10）。"],
      ["SCORE.UNFILLED", "提示", PROJECT, "projects.0.indicators.0.score", "得分", "（空）", "项目「信息化运维」指标「生态效益指标」得分未填写（分值 10）。"],
    ]);
  });
});
