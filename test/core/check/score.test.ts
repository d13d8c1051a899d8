/**
 * The SCORE.* rules of src/core/check/rules/score.ts: 分值 and 得分 of the 绩效指标 tables, 总分 and 等级.
 * Every finding is asserted whole, at the model path of the figure it points at (test/helpers/findingsByPath.ts).
 * The hand-made package (test/helpers/cleanPackage.ts): 附件2 执行率 10 (得分 9.38) + 产出 20/20/10 + 效益 30 (得分 28)
 * + 满意度 10 = 100, 总分 97.38 优; 附件3 执行率 10 (得分 9.5) + 产出 90 = 100, 总分 99.5 优.
 */
import { HUNAN_2024, SUINING_2024, type Package } from "../../../src/core";
import { clean, ind } from "../../helpers/cleanPackage";
import { at, findingsByPath } from "../../helpers/findingsByPath";

const RANGE = "SCORE.RANGE";
const WEIGHT_TOTAL = "SCORE.WEIGHT_TOTAL";
const LEVEL1 = "SCORE.LEVEL1_WEIGHT";
const REASON = "SCORE.REASON_MISSING";
const TOTAL = "SCORE.TOTAL";
const GRADE = "SCORE.GRADE";

test("the hand-made package has no SCORE finding", () => {
  expect(findingsByPath(clean(), [RANGE, WEIGHT_TOTAL, LEVEL1, REASON, TOTAL, GRADE])).toEqual([]);
});

describe("SCORE.RANGE", () => {
  test("an indicator's 得分 above its 分值, and one below zero", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].score = 21; // 分值 20
    p.selfEvaluation!.indicators[1].score = -1;
    expect(findingsByPath(p, [RANGE])).toEqual([
      at("selfEvaluation.indicators.0.score", RANGE, "错误", "指标「完成数」得分 21 超过分值 20。", "≤ 20", "21"),
      at("selfEvaluation.indicators.1.score", RANGE, "错误", "指标「合格率」得分 -1 为负数。", "≥ 0", "-1"),
    ]);
  });

  test("the 年度资金总额 row, by its own 分值 (附件3 分值 5, not the default 10)", () => {
    const p = clean();
    p.selfEvaluation!.funds.score = 10.5; // 分值 10
    p.projects[0].funds.total.weight = 5; // 得分 9.5 > 5
    expect(findingsByPath(p, [RANGE])).toEqual([
      at("selfEvaluation.funds.score", RANGE, "错误", "年度资金总额得分 10.5 超过分值 10。", "≤ 10", "10.5"),
      at("projects.0.funds.total.score", RANGE, "错误", "项目「信息化运维」年度资金总额得分 9.5 超过分值 5。", "≤ 5", "9.5"),
    ]);
  });

  test("得分 equal to 分值, 得分 0, a blank 得分 or a blank 分值 are in range; a negative 得分 without 分值 is not", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3].score = 0; // 分值 30
    p.selfEvaluation!.indicators[4].score = null; // 分值 10
    p.projects[0].indicators = [ind("产出指标", "数量指标", "维护次数", "≥12次", "12次", 0, 95), ind("产出指标", "质量指标", "合格率", "100%", "100%", 0, -2)];
    for (const row of p.projects[0].indicators) row.weight = null; // no 分值
    expect(findingsByPath(p, [RANGE])).toEqual([at("projects.0.indicators.1.score", RANGE, "错误", "项目「信息化运维」指标「合格率」得分 -2 为负数。", "≥ 0", "-2")]);
  });
});

describe("SCORE.WEIGHT_TOTAL", () => {
  test("分值 not adding up to 100, at the 总分 row's 分值", () => {
    const p = clean();
    p.selfEvaluation!.indicators[0].weight = 15.5; // 10 + (15.5 + 20 + 10 + 30 + 10 = 85.5) = 95.5
    expect(findingsByPath(p, [WEIGHT_TOTAL])).toEqual([
      at("selfEvaluation.total.weight", WEIGHT_TOTAL, "错误", "分值合计为 95.5（执行率 10 + 指标 85.5），应为 100。", "100", "95.5"),
    ]);
  });

  test("the 执行率 分值 is read from the form: 20 + 80 = 100 is right", () => {
    const p = clean();
    p.selfEvaluation!.funds.weight = 20;
    p.selfEvaluation!.indicators[0].weight = 10; // 20 + (10 + 20 + 10 + 30 + 10 = 80) = 100
    p.selfEvaluation!.indicators[0].score = 10;
    expect(findingsByPath(p, [WEIGHT_TOTAL])).toEqual([]);
  });

  test("a blank 执行率 分值 or indicator 分值 counts as 0", () => {
    const p = clean();
    p.selfEvaluation!.funds.weight = null; // 0 + 90
    p.projects[0].indicators[0].weight = null; // 附件3: 10 + 0
    expect(findingsByPath(p, [WEIGHT_TOTAL])).toEqual([
      at("selfEvaluation.total.weight", WEIGHT_TOTAL, "错误", "分值合计为 90（执行率 0 + 指标 90），应为 100。", "100", "90"),
      at("projects.0.total.weight", WEIGHT_TOTAL, "错误", "分值合计为 10（执行率 10 + 指标 0），应为 100。", "100", "10"),
    ]);
  });

  test("the 总分 row's 分值 against a sum of 100; blank is fine", () => {
    const p = clean();
    p.selfEvaluation!.total.weight = 90;
    p.projects[0].total.weight = null;
    expect(findingsByPath(p, [WEIGHT_TOTAL])).toEqual([
      at("selfEvaluation.total.weight", WEIGHT_TOTAL, "错误", "总分行的分值填写为 90，各项分值之和为 100。", "100", "90"),
    ]);
  });

  test("a sheet without indicator rows is not summed (its 分值 would be the 执行率's 10 alone)", () => {
    const p = clean();
    p.projects[0].indicators = [];
    expect(findingsByPath(p, [WEIGHT_TOTAL])).toEqual([]);
  });
});

describe("SCORE.LEVEL1_WEIGHT", () => {
  test("each 一级 group against its heading, at the group's first 分值", () => {
    const p = clean();
    p.selfEvaluation!.indicators[1].weight = 15; // 产出 20 + 15 + 10 = 45 under 50
    p.selfEvaluation!.indicators[3].weight = 35; // 效益 35 under 30
    expect(findingsByPath(p, [LEVEL1])).toEqual([
      at("selfEvaluation.indicators.0.weight", LEVEL1, "警告", "产出指标标题为50分，其下三级指标分值之和为 45。", "50", "45"),
      at("selfEvaluation.indicators.3.weight", LEVEL1, "警告", "效益指标标题为30分，其下三级指标分值之和为 35。", "30", "35"),
    ]);
  });

  test("headings written with half-width brackets, spaces and decimals; a blank 分值 counts as 0", () => {
    const p = clean();
    const ev = p.selfEvaluation!;
    ev.indicators[0].level1 = "产出指标 ( 42.25 分 )";
    ev.indicators[1].level1 = "产出 指标(42.25分)";
    ev.indicators[2].level1 = "产出指标（42.25分）";
    ev.indicators[2].weight = null; // 产出 20 + 20 + 0 = 40 under 42.25
    expect(findingsByPath(p, [LEVEL1])).toEqual([
      at("selfEvaluation.indicators.0.weight", LEVEL1, "警告", "产出指标标题为42.25分，其下三级指标分值之和为 40。", "42.25", "40"),
    ]);
  });

  test("附件2 without weights in its headings: against the preset's weights, each group its own", () => {
    const p = clean();
    for (const i of p.selfEvaluation!.indicators) i.level1 = i.level1.replace(/（.*）/, "");
    p.selfEvaluation!.indicators[1].weight = 15; // 产出 45
    p.selfEvaluation!.indicators[3].weight = 35; // 效益 35
    p.selfEvaluation!.indicators[4].weight = 20; // 满意度 20
    expect(findingsByPath(p, [LEVEL1])).toEqual([
      at("selfEvaluation.indicators.0.weight", LEVEL1, "警告", "产出指标预设权重为50分，其下三级指标分值之和为 45。", "50", "45"),
      at("selfEvaluation.indicators.3.weight", LEVEL1, "警告", "效益指标预设权重为30分，其下三级指标分值之和为 35。", "30", "35"),
      at("selfEvaluation.indicators.4.weight", LEVEL1, "警告", "满意度指标预设权重为10分，其下三级指标分值之和为 20。", "10", "20"),
    ]);
    // A preset of 产出 45, 效益 35, 满意度 20 agrees with each group.
    const preset = { ...HUNAN_2024, weights: { execution: 10, output: 45, effect: 35, satisfaction: 20 } };
    expect(findingsByPath(p, [LEVEL1], {}, preset)).toEqual([]);
  });

  test("附件3 without weights in its headings, of no known layout, is not held to a preset; nor is a 一级 the preset has no weight for", () => {
    const p = clean();
    p.projects[0].indicators[0].weight = 80; // 产出 80: no heading, no note, no layout
    p.selfEvaluation!.indicators.push(ind("成本指标", "经济成本指标", "成本控制", "≤60万元", "57万元", 5, 5)); // 附件2 presets 产出/效益/满意度 only
    expect(findingsByPath(p, [LEVEL1])).toEqual([]);
  });

  test("rows without a 一级 name are not grouped, even under a bare weight", () => {
    const p = clean();
    p.selfEvaluation!.indicators.push(ind("（5分）", "", "其他一", "", "", 5, 5), ind("", "", "其他二", "", "", 5, 5)); // 5 + 5 under “5分” if grouped
    expect(findingsByPath(p, [LEVEL1])).toEqual([]);
  });

  test("the 一级 weights of the form's note, at the group's 一级 cell, with and without a heading", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3].level1 = " 效益指标（30分） ";
    const facts = { selfEvaluation: { levelWeights: { 产出指标: 50, 效益指标: 20 } } }; // no 满意度指标 in the note
    expect(findingsByPath(p, [LEVEL1], { facts })).toEqual([
      at("selfEvaluation.indicators.3.level1", LEVEL1, "警告", "效益指标（30分）：标题为30分，其下三级指标分值之和为 30，表注规定效益指标为 20 分。", "20", "30"),
    ]);
    // A heading that disagrees with its rows: the heading is what is held against the note.
    p.selfEvaluation!.indicators[3].weight = 25; // 效益 25 under a heading of 30
    expect(findingsByPath(p, [LEVEL1], { facts })).toEqual([
      at("selfEvaluation.indicators.3.level1", LEVEL1, "警告", "效益指标（30分）：标题为30分，其下三级指标分值之和为 25，表注规定效益指标为 20 分。", "20", "30"),
      at("selfEvaluation.indicators.3.weight", LEVEL1, "警告", "效益指标标题为30分，其下三级指标分值之和为 25。", "30", "25"),
    ]);
    p.selfEvaluation!.indicators[3].weight = 30;
    for (const i of p.selfEvaluation!.indicators) i.level1 = i.level1.replace(/（.*）/, "");
    // Without headings the preset's 效益 30 agrees with the sum; the note's 20 does not.
    expect(findingsByPath(p, [LEVEL1], { facts })).toEqual([
      at("selfEvaluation.indicators.3.level1", LEVEL1, "警告", "效益指标：其下三级指标分值之和为 30，表注规定效益指标为 20 分。", "20", "30"),
    ]);
  });

  test("附件3 in the preset's layout: against the preset's 附件3 一级 weights, each group its own", () => {
    const p = clean();
    p.projects[0].indicators = [
      ind("产出指标", "数量指标", "维护次数", "≥12次", "12次", 50, 50), // 40
      ind("效益指标", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 10, 10), // 20
      ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10), // 10
      ind("成本指标", "经济成本指标", "成本控制", "≤60万元", "57万元", 15, 15), // 20
      ind("其他指标", "", "其他", "", "", 5, 5), // not in the preset
    ];
    const facts = { "projects.0": { layout: "hunan-2024" } };
    expect(findingsByPath(p, [LEVEL1], { facts })).toEqual([
      at("projects.0.indicators.0.level1", LEVEL1, "警告", "产出指标其下三级指标分值之和为 50，“湖南省2024年（默认）”规定附件3的产出指标为 40 分。", "40", "50"),
      at("projects.0.indicators.1.level1", LEVEL1, "警告", "效益指标其下三级指标分值之和为 10，“湖南省2024年（默认）”规定附件3的效益指标为 20 分。", "20", "10"),
      at("projects.0.indicators.3.level1", LEVEL1, "警告", "成本指标其下三级指标分值之和为 15，“湖南省2024年（默认）”规定附件3的成本指标为 20 分。", "20", "15"),
    ]);
    // Not with a preset without 附件3 weights, nor with a note of the form's own, nor on 附件2 in that layout.
    expect(findingsByPath(p, [LEVEL1], { facts }, { ...HUNAN_2024, projectLevelWeights: null })).toEqual([]);
    const noted = { "projects.0": { layout: "hunan-2024", levelWeights: { 产出指标: 50, 效益指标: 10, 满意度指标: 10, 成本指标: 15, 其他指标: 5 } } };
    expect(findingsByPath(p, [LEVEL1], { facts: noted })).toEqual([]);
    expect(findingsByPath(clean(), [LEVEL1], { facts: { selfEvaluation: { layout: "hunan-2024" } } })).toEqual([]);
  });

  test("附件3: a group already wrong against its heading is not reported again against the preset", () => {
    const p = clean();
    p.projects[0].indicators = [ind("产出指标（40分）", "数量指标", "维护次数", "≥12次", "12次", 30, 30)]; // 30 under 40
    const facts = { "projects.0": { layout: "hunan-2024" } };
    expect(findingsByPath(p, [LEVEL1], { facts })).toEqual([
      at("projects.0.indicators.0.weight", LEVEL1, "警告", "产出指标标题为40分，其下三级指标分值之和为 30。", "40", "30"),
    ]);
  });
});

describe("SCORE.REASON_MISSING", () => {
  test("a deduction without a reason, at the 偏差原因 cell; whitespace is no reason", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3].reason = " \n "; // 得分 28 < 分值 30
    p.projects[0].indicators[0].score = 85; // 85 < 90, reason ""
    expect(findingsByPath(p, [REASON])).toEqual([
      at("selfEvaluation.indicators.3.reason", REASON, "警告", "指标「服务水平」得分 28 低于分值 30，但未填写偏差原因分析及改进措施。", "填写偏差原因", "（空）"),
      at("projects.0.indicators.0.reason", REASON, "警告", "项目「信息化运维」指标「维护次数」得分 85 低于分值 90，但未填写偏差原因分析及改进措施。", "填写偏差原因", "（空）"),
    ]);
  });

  test("full marks, a blank 得分 or a blank 分值 need no reason", () => {
    const p = clean();
    p.selfEvaluation!.indicators[3] = ind("效益指标（30分）", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 30, 30); // full, no reason
    p.selfEvaluation!.indicators[4].score = null;
    p.selfEvaluation!.indicators[0].weight = null;
    p.selfEvaluation!.indicators[0].score = 5;
    expect(findingsByPath(p, [REASON])).toEqual([]);
  });
});

describe("SCORE.TOTAL", () => {
  test("a 总分 other than 执行率得分 + the indicators' 得分", () => {
    const p = clean();
    p.selfEvaluation!.total.score = 97; // 9.38 + 20 + 20 + 10 + 28 + 10 = 97.38
    p.projects[0].total.score = 99; // 9.5 + 90 = 99.5
    expect(findingsByPath(p, [TOTAL])).toEqual([
      at("selfEvaluation.total.score", TOTAL, "错误", "总分填写为 97，预算执行率得分与各指标得分之和为 97.38。", "97.38", "97"),
      at("projects.0.total.score", TOTAL, "错误", "项目「信息化运维」总分填写为 99，预算执行率得分与各指标得分之和为 99.50。", "99.50", "99"),
    ]);
  });

  test("a blank 执行率得分 or indicator 得分 counts as 0", () => {
    const p = clean();
    p.selfEvaluation!.funds.score = null; // 20 + 20 + 10 + 28 + 10 = 88
    p.projects[0].indicators[0].score = null; // 9.5 + 0
    expect(findingsByPath(p, [TOTAL])).toEqual([
      at("selfEvaluation.total.score", TOTAL, "错误", "总分填写为 97.38，预算执行率得分与各指标得分之和为 88.00。", "88.00", "97.38"),
      at("projects.0.total.score", TOTAL, "错误", "项目「信息化运维」总分填写为 99.5，预算执行率得分与各指标得分之和为 9.50。", "9.50", "99.5"),
    ]);
  });

  test("compared at 2 decimals (97.384 is 97.38, 97.385 is 97.39); a blank 总分 is not compared", () => {
    const p = clean();
    p.selfEvaluation!.total.score = 97.384;
    p.projects[0].total.score = null;
    expect(findingsByPath(p, [TOTAL])).toEqual([]);
    p.selfEvaluation!.total.score = 97.385;
    expect(findingsByPath(p, [TOTAL])).toEqual([
      at("selfEvaluation.total.score", TOTAL, "错误", "总分填写为 97.385，预算执行率得分与各指标得分之和为 97.38。", "97.38", "97.385"),
    ]);
  });

  test("a sheet without indicator rows: the 执行率得分 alone", () => {
    const p = clean();
    p.projects[0].indicators = [];
    p.projects[0].total.score = 9.5;
    expect(findingsByPath(p, [TOTAL])).toEqual([]);
  });
});

describe("SCORE.GRADE", () => {
  function graded(score: number | null, grade: unknown): Package {
    const p = clean();
    p.projects = [];
    p.selfEvaluation!.total.score = score;
    p.selfEvaluation!.total.grade = grade as string;
    return p;
  }

  test("a grade other than the band of the 总分, by the preset's scheme; the grade is quoted as written, trimmed", () => {
    expect(findingsByPath(graded(97.38, " 良 "), [GRADE])).toEqual([
      at("selfEvaluation.total.grade", GRADE, "错误", "评价等级填写为“良”，总分 97.38 按“全国通用（90分及以上为优）”对应的等级为“优”。", "优", "良"),
    ]);
    // 90 exactly is 优 nationally, 良好 under seed 002's scheme (优秀 only above 90).
    expect(findingsByPath(graded(90, "优秀"), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(90, "优秀"), [GRADE], {}, SUINING_2024)).toEqual([
      at("selfEvaluation.total.grade", GRADE, "错误", "评价等级填写为“优秀”，总分 90.00 按“绥宁县2024年说明（大于90分为优秀）”对应的等级为“良好”。", "良好", "优秀"),
    ]);
  });

  test("no grade, a blank or whitespace grade, a number, or no 总分: nothing to compare", () => {
    expect(findingsByPath(graded(97.38, ""), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(97.38, "  "), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(97.38, null), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(97.38, 1), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(null, "差"), [GRADE])).toEqual([]);
  });

  test("合格 / 不合格 against the pass mark: 60 exactly passes, 59.99 does not", () => {
    expect(findingsByPath(graded(60, "合格"), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(59.99, "不合格"), [GRADE])).toEqual([]);
    expect(findingsByPath(graded(60, "不合格"), [GRADE])).toEqual([
      at("selfEvaluation.total.grade", GRADE, "错误", "评价等级填写为“不合格”，总分 60.00 达到 60 分，应为“合格”。", "合格", "不合格"),
    ]);
    expect(findingsByPath(graded(59.99, " 合 格 "), [GRADE])).toEqual([
      at("selfEvaluation.total.grade", GRADE, "错误", "评价等级填写为“合 格”，总分 59.99 低于 60 分，应为“不合格”。", "不合格", "合 格"),
    ]);
    // The preset's pass mark, not 60: 65 is below 70.
    expect(findingsByPath(graded(65, "“合格”等级"), [GRADE], {}, { ...HUNAN_2024, passMark: 70 })).toEqual([
      at("selfEvaluation.total.grade", GRADE, "错误", "评价等级填写为““合格”等级”，总分 65.00 低于 70 分，应为“不合格”。", "不合格", "“合格”等级"),
    ]);
  });
});
