/**
 * The rules of src/core/check/rules/indicator.ts, each finding asserted whole (rule, severity, sheet, model path,
 * expected, actual, message), on the hand-made package of test/helpers/cleanPackage.ts broken one row at a time.
 * Every expected figure is worked out by hand in the comment beside it.
 */
import { HUNAN_2024, type Package, type Preset } from "../../../src/core";
import { restatedRateOf } from "../../../src/core/check/rules/indicator";
import { clean, ind } from "../../helpers/cleanPackage";
import { row, ruleFindings } from "../../helpers/ruleFindings";

const EVAL = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";

const rows = (id: string, pkg: Package, preset?: Preset) => ruleFindings(id, pkg, { preset }).map(row);

describe("INDICATOR.FULL_NOT_MET", () => {
  const ID = "INDICATOR.FULL_NOT_MET";

  test("≥ targets missed with full marks (or more than full), with the proportional score", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "数量指标", "完成数", "≥10次", "8次", 20, 21);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "项目工作完成率", "≥90%", "87.18%", 20, 20);
    expect(rows(ID, p)).toEqual([
      // 20 × 8 ÷ 10 = 16
      [ID, "警告", EVAL, "selfEvaluation.indicators.0.score", "16.00", "21", "指标「完成数」目标 ≥10次，实际 8次，未达标，却给了满分 20（建议 16.00）。"],
      // 20 × 87.18 ÷ 90 = 1743.6 ÷ 90 = 19.3733 → 19.37
      [ID, "警告", EVAL, "selfEvaluation.indicators.1.score", "19.37", "20", "指标「项目工作完成率」目标 ≥90%，实际 87.18%，未达标，却给了满分 20（建议 19.37）。"],
    ]);
  });

  test("a score just below the 分值 is not full marks", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "项目工作完成率", "≥90%", "87.18%", 20, 19.99);
    expect(rows(ID, p)).toEqual([]);
  });

  test("≤ targets exceeded: the direction inferred from the name is said; a number typed for a percent reads as one", () => {
    const p = clean();
    // 0.875 in a percent cell is 87.5%; 10 × 80 ÷ 87.5 = 9.142857 → 9.14
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "80%", 0.875 as unknown as string, 10, 10);
    // 95 typed for 95%; 90 × 90 ÷ 95 = 85.263157… → 85.26
    p.projects[0].indicators[0] = ind("产出指标", "成本指标", "公用经费控制率", "≤90%", 95 as unknown as string, 90, 90);
    expect(rows(ID, p)).toEqual([
      [ID, "警告", EVAL, "selfEvaluation.indicators.2.score", "9.14", "10", "指标「三公经费控制率」目标 80%，实际 87.5%，未达标（目标未写比较符号，按「控制率」类指标推定为≤），却给了满分 10（建议 9.14）。"],
      [ID, "警告", PROJECT, "projects.0.indicators.0.score", "85.26", "90", "项目「信息化运维」指标「公用经费控制率」目标 ≤90%，实际 95%，未达标，却给了满分 90（建议 85.26）。"],
    ]);
  });

  test("a deadline missed with full marks asks for a reasoned deduction; a deadline kept does not", () => {
    const p = clean();
    // 2024年6月 ends 2024-06-30, 2024年9月 ends 2024-09-30: late
    p.projects[0].indicators[0] = ind("产出指标", "时效指标", "完成时间", "2024年6月", "2024年9月", 90, 90);
    expect(rows(ID, p)).toEqual([
      [ID, "警告", PROJECT, "projects.0.indicators.0.score", "低于 90", "90", "项目「信息化运维」指标「完成时间」目标 2024年6月，实际 2024年9月，未在时限内完成，却给了满分 90（应酌情扣分并写明原因）。"],
    ]);
    p.projects[0].indicators[0].actual = "2024年6月";
    expect(rows(ID, p)).toEqual([]);
  });

  test("an indicator that cannot be compared (稳步提升) or has no 分值 / 得分 is not judged", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3].score = 30; // 稳步提升 given its full 30
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "数量指标", "完成数", "≥10次", "8次", null as unknown as number, 20);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "合格率", "≥95%", "90%", 20, null as unknown as number);
    expect(rows(ID, p)).toEqual([]);
  });
});

describe("INDICATOR.MET_NOT_FULL", () => {
  const ID = "INDICATOR.MET_NOT_FULL";

  test("targets met (exactly, or with 100% typed as 1) and points taken off", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1].actual = "95%"; // equal to ≥95%: met
    p.selfEvaluation!.indicators[1].score = 19.5;
    p.selfEvaluation!.indicators[2].actual = 1 as unknown as string; // 1 in a percent cell is 100%
    p.selfEvaluation!.indicators[2].score = 9;
    p.projects[0].indicators[0].score = 85;
    expect(rows(ID, p)).toEqual([
      [ID, "警告", EVAL, "selfEvaluation.indicators.1.score", "20", "19.5", "指标「合格率」目标 ≥95%，实际 95%，已达标，得分 19.5 低于分值 20。"],
      [ID, "警告", EVAL, "selfEvaluation.indicators.2.score", "10", "9", "指标「及时率」目标 100%，实际 100%，已达标（目标未写比较符号，按「及时率」类指标推定为≥），得分 9 低于分值 10。"],
      [ID, "警告", PROJECT, "projects.0.indicators.0.score", "90", "85", "项目「信息化运维」指标「维护次数」目标 ≥12次，实际 12次，已达标，得分 85 低于分值 90。"],
    ]);
  });

  test("full marks, or more than full, on a target met are not flagged", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].score = 21;
    expect(rows(ID, p)).toEqual([]);
  });
});

describe("INDICATOR.TARGET_TOO_LOW", () => {
  const ID = "INDICATOR.TARGET_TOO_LOW";

  test("more than 30% over a ≥, > or = target, or one inferred as ≥; exactly 30% is not", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "14次"; // 14 ÷ 10 − 1 = 40%
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "任务完成率", "60%", "90%", 20, 20); // 90 ÷ 60 − 1 = 50%
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "培训场次", ">10场", "20场", 10, 10); // 20 ÷ 10 − 1 = 100%
    p.selfEvaluation!.indicators[4] = ind("满意度指标（10分）", "服务对象满意度指标", "宣传册", "10册", "13.1册", 10, 10); // 13.1 ÷ 10 − 1 = 31%
    p.projects[0].indicators[0].actual = "15.6次"; // 15.6 ÷ 12 − 1 = 30%: not over
    expect(rows(ID, p)).toEqual([
      [ID, "提示", EVAL, "selfEvaluation.indicators.0.actual", "≥10次", "14次", "指标「完成数」目标 ≥10次，实际 14次，超出目标 40.00%，年度指标值可能定得过低。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.1.actual", "60%", "90%", "指标「任务完成率」目标 60%，实际 90%，超出目标 50.00%（目标未写比较符号，按「完成率」类指标推定为≥），年度指标值可能定得过低。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.2.actual", ">10场", "20场", "指标「培训场次」目标 >10场，实际 20场，超出目标 100.00%，年度指标值可能定得过低。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.4.actual", "10册", "13.1册", "指标「宣传册」目标 10册，实际 13.1册，超出目标 31.00%，年度指标值可能定得过低。"],
    ]);
  });

  test("≤ and < targets, a target of 0, and unscored rows are not over-completion", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "数量指标", "投诉件数", "≤10件", "20件", 20, 10); // ≤ exceeded: another rule's
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "差错数", "<10件", "20件", 20, 10);
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "新增场次", "≥0场", "5场", 10, 10); // no ratio to 0
    p.selfEvaluation!.indicators[4] = ind("满意度指标（10分）", "服务对象满意度指标", "宣传册", "≥10册", "20册", null as unknown as number, 10);
    p.selfEvaluation!.indicators[3] = ind("效益指标（30分）", "时效指标", "完成时间", "2024年6月", "2024年3月", 30, 30); // a deadline kept: no ratio
    p.projects[0].indicators[0].actual = "30次";
    p.projects[0].indicators[0].score = null as unknown as number;
    expect(rows(ID, p)).toEqual([]);
  });

  test("a negative target is exceeded upwards: over by (actual − target) ÷ |target|", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "差错率变动", "≥-10%", "-5%", 20, 20); // (−5 + 10) ÷ 10 = 50%
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "成本变动", "≥-10%", "-8%", 10, 10); // 2 ÷ 10 = 20%: not over
    p.projects[0].indicators[0] = ind("产出指标", "数量指标", "维护次数变动", "≥-10次", "-20次", 90, 90); // below the target: not over
    expect(rows(ID, p)).toEqual([
      [ID, "提示", EVAL, "selfEvaluation.indicators.1.actual", "≥-10%", "-5%", "指标「差错率变动」目标 ≥-10%，实际 -5%，超出目标 50.00%，年度指标值可能定得过低。"],
    ]);
  });

  test("the limit is the preset's (超额完成 50% here: 40% over is not flagged, 60% is)", () => {
    const p = clean();
    const lenient: Preset = { ...HUNAN_2024, tolerances: { ...HUNAN_2024.tolerances, overCompletion: 0.5 } };
    p.selfEvaluation!.indicators[0].actual = "14次"; // 40%
    p.projects[0].indicators[0].actual = "19.2次"; // 19.2 ÷ 12 − 1 = 60%
    expect(rows(ID, p, lenient)).toEqual([
      [ID, "提示", PROJECT, "projects.0.indicators.0.actual", "≥12次", "19.2次", "项目「信息化运维」指标「维护次数」目标 ≥12次，实际 19.2次，超出目标 60.00%，年度指标值可能定得过低。"],
    ]);
  });
});

describe("INDICATOR.ACTUAL_RESTATES_TARGET", () => {
  const ID = "INDICATOR.ACTUAL_RESTATES_TARGET";

  test("an actual written with a comparison: the same as the target (spaces aside), another one, or with no target", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = " ≥10 次 "; // quoted without the spaces around it
    p.selfEvaluation!.indicators[1].actual = "≥98%";
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "及时率", "  ", "不低于95%", 10, 10);
    p.projects[0].indicators[0] = ind("产出指标", "时效指标", "完成时间", "2024年12月", "2024年12月底前", 90, 90);
    expect(rows(ID, p)).toEqual([
      [ID, "提示", EVAL, "selfEvaluation.indicators.0.actual", "实际达到的数值", "≥10 次", "指标「完成数」实际完成值「≥10 次」只是重复了年度指标值 ≥10次，没有写出实际达到的数值。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.1.actual", "实际达到的数值", "≥98%", "指标「合格率」实际完成值「≥98%」是目标的写法（年度指标值 ≥95%），没有写出实际达到的数值。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.2.actual", "实际达到的数值", "不低于95%", "指标「及时率」实际完成值「不低于95%」是目标的写法（年度指标值 未填写），没有写出实际达到的数值。"],
      [ID, "提示", PROJECT, "projects.0.indicators.0.actual", "实际达到的数值", "2024年12月底前", "项目「信息化运维」指标「完成时间」实际完成值「2024年12月底前」是目标的写法（年度指标值 2024年12月），没有写出实际达到的数值。"],
    ]);
  });

  test("values are not flagged: 达到 / 已达到 / 实现 …, =, a plain date, a number, words", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "达到12次";
    p.selfEvaluation!.indicators[1].actual = " 已达到96%";
    p.selfEvaluation!.indicators[2].actual = "实现100%";
    p.selfEvaluation!.indicators[4].actual = "=95%";
    p.selfEvaluation!.indicators[3].actual = 0.95 as unknown as string;
    p.projects[0].indicators[0] = ind("产出指标", "时效指标", "完成时间", "2024年12月", "2024年11月", 90, 90);
    expect(rows(ID, p)).toEqual([]);
    p.projects[0].indicators[0].actual = "=2024年11月";
    expect(rows(ID, p)).toEqual([]);
  });
});

describe("INDICATOR.INCOMPLETE", () => {
  const ID = "INDICATOR.INCOMPLETE";

  test("scored rows with neither target nor actual name what they were given", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "数量指标", "完成数", "", " ", 20, null as unknown as number);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "质量指标", "合格率", "", "", null as unknown as number, 15);
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "及时率", "", "", null as unknown as number, null as unknown as number);
    expect(rows(ID, p)).toEqual([
      [ID, "警告", EVAL, "selfEvaluation.indicators.0.target", "年度指标值和实际完成值", "（空）", "指标「完成数」有分值 20，但年度指标值和实际完成值都没有填写，得分无从核对。"],
      [ID, "警告", EVAL, "selfEvaluation.indicators.1.target", "年度指标值和实际完成值", "（空）", "指标「合格率」有得分 15，但年度指标值和实际完成值都没有填写，得分无从核对。"],
    ]);
  });

  test("a missing actual or score is asked for only where a 分值 is given", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "";
    p.selfEvaluation!.indicators[1].score = "  " as unknown as number;
    p.selfEvaluation!.indicators[1].actual = 0.96 as unknown as string; // 96% in a percent cell
    p.selfEvaluation!.indicators[2].weight = null as unknown as number; // no 分值: neither asked
    p.selfEvaluation!.indicators[2].actual = "";
    p.selfEvaluation!.indicators[4].weight = null as unknown as number;
    p.selfEvaluation!.indicators[4].score = null as unknown as number;
    p.projects[0].indicators[0].score = "/" as unknown as number; // not applicable is not blank
    expect(rows(ID, p)).toEqual([
      [ID, "警告", EVAL, "selfEvaluation.indicators.0.actual", "实际完成值", "（空）", "指标「完成数」年度指标值 ≥10次、分值 20，实际完成值未填写。"],
      [ID, "警告", EVAL, "selfEvaluation.indicators.1.score", "得分", "（空）", "指标「合格率」已填实际完成值 96%，得分未填写。"],
    ]);
  });

  test("template rows and rows without a name are not indicators; a name after 指标3： is", () => {
    const p = clean();
    const empty = (name: string) => ind("效益指标（30分）", "生态效益指标", name, "", "", 5, 5);
    p.selfEvaluation!.indicators.push(empty("指标2:"), empty(" 指标 3： "), empty("指标12："), empty("指标4 ："), empty("/"), empty("   "), empty(null as unknown as string), empty("指标3：植树数"));
    expect(rows(ID, p)).toEqual([
      [ID, "警告", EVAL, "selfEvaluation.indicators.12.target", "年度指标值和实际完成值", "（空）", "指标「指标3：植树数」有分值 5、得分 5，但年度指标值和实际完成值都没有填写，得分无从核对。"],
    ]);
  });
});

describe("INDICATOR.ACTUAL_NOT_A_VALUE", () => {
  const ID = "INDICATOR.ACTUAL_NOT_A_VALUE";

  test("a word for a quantity or a date, on a row with a 分值 or only a 得分; eight characters still count as a word", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "完成";
    p.selfEvaluation!.indicators[0].weight = null as unknown as number;
    p.selfEvaluation!.indicators[1].actual = "按计划全部完成了"; // 8 characters
    p.selfEvaluation!.indicators[1].score = null as unknown as number;
    p.projects[0].indicators[0] = ind("产出指标", "时效指标", "完成时间", "2024年12月", "按时", 90, 90);
    expect(rows(ID, p)).toEqual([
      [ID, "提示", EVAL, "selfEvaluation.indicators.0.actual", "实际达到的数值", "完成", "指标「完成数」年度指标值 ≥10次，实际完成值只写了「完成」，无法核对是否达标。"],
      [ID, "提示", EVAL, "selfEvaluation.indicators.1.actual", "实际达到的数值", "按计划全部完成了", "指标「合格率」年度指标值 ≥95%，实际完成值只写了「按计划全部完成了」，无法核对是否达标。"],
      [ID, "提示", PROJECT, "projects.0.indicators.0.actual", "完成日期", "按时", "项目「信息化运维」指标「完成时间」年度指标值 2024年12月，实际完成值只写了「按时」，无法核对是否达标。"],
    ]);
  });

  test("not flagged: nine characters, a word with a figure, an unscored row, a word target, a figure, a blank", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = "按计划全部完成任务"; // 9 characters: an account
    p.selfEvaluation!.indicators[1].actual = "完成3次";
    p.selfEvaluation!.indicators[2].actual = "完成";
    p.selfEvaluation!.indicators[2].weight = null as unknown as number;
    p.selfEvaluation!.indicators[2].score = null as unknown as number;
    p.selfEvaluation!.indicators[3].actual = "完成"; // target 稳步提升 is a word too
    p.selfEvaluation!.indicators[4].actual = "";
    expect(rows(ID, p)).toEqual([]);
  });
});

describe("INDICATOR.VS_BASIC", () => {
  const ID = "INDICATOR.VS_BASIC";

  test("restated rates against 附件1: amounts with 2 decimals, headcounts whole, a synonym said", () => {
    const p = clean();
    // 3.5 ÷ 4 = 0.875 → 87.50%
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "85.00%", 20, 20);
    // 8 ÷ 10 = 80.00%
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "数量指标", "财政供养人员控制率", "≤100%", "75%", 20, 20);
    // 55 ÷ 60 = 0.916666… → 91.67%; written with 1 decimal, 91.7% is the same figure
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "公用经费控制率", "≤100%", "91.7%", 10, 10);
    // 110 ÷ 120 = 0.916666… → 91.67%, compared at 2 decimals even when written with 3: 91.664 → 91.66
    p.selfEvaluation!.indicators[4] = ind("满意度指标（10分）", "成本指标", "机关项目经费控制率", "≤100%", "91.664%", 10, 10);
    expect(rows(ID, p)).toEqual([
      [ID, "错误", EVAL, "selfEvaluation.indicators.0.actual", "87.50%", "85.00%", "指标「三公经费控制率」实际完成值 85.00%，按基础数据表 三公经费（2024年决算数） ÷ 三公经费（2024年预算数） = 3.50 ÷ 4.00 计算应为 87.50%。"],
      [ID, "错误", EVAL, "selfEvaluation.indicators.1.actual", "80.00%", "75%", "指标「财政供养人员控制率」实际完成值 75%（按含义对应基础数据表「在职人员控制率」），按基础数据表 实际在职人数 ÷ 编制数 = 8 ÷ 10 计算应为 80.00%。"],
      [ID, "错误", EVAL, "selfEvaluation.indicators.4.actual", "91.67%", "91.664%", "指标「机关项目经费控制率」实际完成值 91.664%（按含义对应基础数据表「项目经费控制率」），按基础数据表 项目支出（2024年决算数） ÷ 项目支出（2024年预算数） = 110.00 ÷ 120.00 计算应为 91.67%。"],
    ]);
  });

  test("agreeing at the decimals written (87.5%, 88%, 87.499%) is agreeing", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "87.5%", 20, 20);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "88%", 20, 20); // 87.5 → 88 half-up
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "87.499%", 10, 10); // at 2 decimals 87.50
    expect(rows(ID, p)).toEqual([]);
    p.selfEvaluation!.indicators[1].actual = "87%";
    expect(rows(ID, p).map((r) => r[3])).toEqual(["selfEvaluation.indicators.1.actual"]);
  });

  test("公用经费控制率 by its own name: 55 ÷ 60", () => {
    const p = clean();
    // 55 ÷ 60 = 0.916666… → 91.67%
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "公用经费控制率", "≤100%", "90%", 10, 10);
    expect(rows(ID, p)).toEqual([
      [ID, "错误", EVAL, "selfEvaluation.indicators.2.actual", "91.67%", "90%", "指标「公用经费控制率」实际完成值 90%，按基础数据表 公用经费（2024年决算数） ÷ 公用经费（2024年预算数） = 55.00 ÷ 60.00 计算应为 91.67%。"],
    ]);
  });

  test("not compared: a figure missing in 附件1, a budget of 0, an actual not in percent, a project's indicator, no 附件1 or 附件2", () => {
    const p = clean();
    p.basic!.sangong.final = null;
    p.basic!.publicFunds.budget = 0;
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "50%", 20, 20);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "成本指标", "公用经费控制率", "≤100%", "50%", 20, 20);
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "成本指标", "在职人员控制率", "≤100%", "0.5", 10, 10);
    p.projects[0].indicators[0] = ind("产出指标", "成本指标", "项目经费控制率", "≤100%", "50%", 90, 90);
    expect(rows(ID, p)).toEqual([]);
    const wrong = clean();
    wrong.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "50%", 20, 20);
    expect(rows(ID, wrong)).toHaveLength(1);
    expect(rows(ID, { ...wrong, basic: null })).toEqual([]);
    const noEval = { ...wrong, selfEvaluation: null };
    noEval.projects[0].indicators[0] = ind("产出指标", "成本指标", "三公经费控制率", "≤100%", "50%", 90, 90); // 附件3 rows are not compared
    expect(rows(ID, noEval)).toEqual([]);
  });
});

describe("restatedRateOf", () => {
  test.each<[string, string]>([
    ["财政供养人员控制率", "在职人员控制率"],
    ["人员编制控制率", "在职人员控制率"],
    ["编制控制率", "在职人员控制率"],
    ["在职人数控制率", "在职人员控制率"],
    ["三公经费支出控制率", "三公经费控制率"],
    ["三公经费预算控制率", "三公经费控制率"],
    ["公用经费支出控制率", "公用经费控制率"],
    ["项目支出控制率", "项目经费控制率"],
    ["项目资金控制率", "项目经费控制率"],
  ])("the synonym %p is 附件1's %p", (name, source) => {
    expect(restatedRateOf(name)).toEqual({ source: expect.objectContaining({ name: source }), match: { kind: "contains" }, alias: true });
  });

  test.each<[string, string]>([
    ["在职人员控制率", "basic.staff.actual ÷ basic.staff.authorized"],
    ["“三公”经费控制率", "basic.sangong.final ÷ basic.sangong.budget"],
    ["公用经费控制率", "basic.publicFunds.final ÷ basic.publicFunds.budget"],
    ["项目经费控制率", "basic.project.final ÷ basic.project.budget"],
  ])("附件1's own name %p is exact, %s", (name, figures) => {
    const r = restatedRateOf(name);
    expect(r && { match: r.match, alias: r.alias, figures: `${r.source.num} ÷ ${r.source.den}` }).toEqual({ match: { kind: "exact" }, alias: false, figures });
  });

  test.each<[string, string | null, "exact" | "alias" | "contains" | null]>([
    ["“”（）", null, null], // nothing left of the name
    ["在职人员数控制率", "在职人员控制率", "contains"], // 在职人员 (4) inside 在职人员数
    ["人员控制率", null, null], // 人员 (2) inside 在职人员: too short to pair
    ["供养人员控制率", "在职人员控制率", "contains"], // 供养人员 (4) inside 财政供养人员
    ["机构编制控制率", null, null], // 编制 (2) inside 机构编制: too short to pair
    ["在职人员增长率", null, null], // not a 控制率, though 在职人员 is in it
    ["公用经费率", null, null], // not a 控制率
    ["三公经费控制", null, null],
  ])("restatedRateOf(%p) → %p (%p)", (name, source, how) => {
    const r = restatedRateOf(name);
    expect(r === null ? null : r.source.name).toBe(source);
    if (r) expect(r.match.kind === "exact" ? "exact" : r.alias ? "alias" : "contains").toBe(how);
  });
});

describe("the indicator's name in messages", () => {
  test("a row named like its column (三级指标) keeps its name; only the column's word after it goes", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "数量指标", "三级指标", "", "", 20, 20);
    expect(ruleFindings("INDICATOR.INCOMPLETE", p).map((f) => f.message)).toEqual(["指标「三级指标」有分值 20、得分 20，但年度指标值和实际完成值都没有填写，得分无从核对。"]);
  });

  test("INDICATOR.VS_BASIC: a 编制数 left blank is not compared", () => {
    const p = clean();
    p.basic!.staff.authorized = null;
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "在职人员控制率", "≤100%", "50%", 20, 20);
    expect(ruleFindings("INDICATOR.VS_BASIC", p)).toEqual([]);
  });
});

describe("more boundaries", () => {
  test("a number typed against a target that is not a percent reads as itself", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].actual = 8 as unknown as string; // 20 × 8 ÷ 10 = 16
    expect(ruleFindings("INDICATOR.FULL_NOT_MET", p).map((f) => f.message)).toEqual(["指标「完成数」目标 ≥10次，实际 8，未达标，却给了满分 20（建议 16.00）。"]);
  });

  test("a template row 指标5 without a colon is not an indicator either", () => {
    const p = clean();
    p.selfEvaluation!.indicators.push(ind("效益指标（30分）", "生态效益指标", "指标5", "", "", 5, 5));
    expect(ruleFindings("INDICATOR.INCOMPLETE", p)).toEqual([]);
  });

  test("a comparison with a word after it (≥12次实现) still restates a target; 实现 counts only at the start", () => {
    const p = clean();
    p.projects[0].indicators[0].actual = "≥12次实现";
    expect(ruleFindings("INDICATOR.ACTUAL_RESTATES_TARGET", p).map((f) => f.cell)).toEqual(["projects.0.indicators.0.actual"]);
  });
});

describe("last boundaries", () => {
  test("ACTUAL_RESTATES_TARGET: a target with spaces is the same text; a target left null is 未填写", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1].target = "≥ 95 %";
    p.selfEvaluation!.indicators[1].actual = "≥95%";
    p.selfEvaluation!.indicators[2].target = null as unknown as string;
    p.selfEvaluation!.indicators[2].actual = "≥99%";
    expect(ruleFindings("INDICATOR.ACTUAL_RESTATES_TARGET", p).map((f) => f.message)).toEqual([
      "指标「合格率」实际完成值「≥95%」只是重复了年度指标值 ≥ 95 %，没有写出实际达到的数值。",
      "指标「及时率」实际完成值「≥99%」是目标的写法（年度指标值 未填写），没有写出实际达到的数值。",
    ]);
  });

  test("VS_BASIC: 87.499 % (a space before %) is written with 3 decimals, compared at 2: agrees with 87.50%", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0] = ind("产出指标（50分）", "成本指标", "三公经费控制率", "≤100%", "87.499 %", 20, 20);
    p.selfEvaluation!.indicators[1] = ind("产出指标（50分）", "成本指标", null as unknown as string, "≤100%", "1%", 20, 20); // no name: nothing to pair
    expect(ruleFindings("INDICATOR.VS_BASIC", p)).toEqual([]);
  });

  test("restatedRateOf: a pairing by containment says so", () => {
    expect(restatedRateOf("机关公用经费控制率")).toEqual({ source: expect.objectContaining({ name: "公用经费控制率" }), match: { kind: "contains" }, alias: false });
  });
});
