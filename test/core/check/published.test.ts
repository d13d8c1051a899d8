/**
 * The rules for what published forms show beyond the template (src/core/check/rules/published.ts): indicator groups
 * with their own 分值, the 自评得分 printed at the top, amounts in goal texts, prompts left in place, 预算执行率 listed
 * as an indicator. Each finding asserted whole; the facts' cells are where a reader would give them.
 */
import { checkPackage, type Finding, type FormFacts, type Package, type Raw } from "../../../src/core";
import { clean, ind } from "../../helpers/cleanPackage";
import { templateCells } from "../../helpers/templateCells";

const PROJECT = "附件3 信息化运维";
const EVAL = "附件2 整体支出自评表";

/** Cells of what the forms print beyond the package (group headings, 自评得分, prompts), as the reader indexes them. */
const FACT_CELLS: Record<string, string> = {
  "projects.0.indicatorGroups.0": "A12",
  "projects.0.indicatorGroups.1": "A14",
  "projects.0.headlineScore": "H3",
  "selfEvaluation.headlineScore": "H2",
  "projects.0.promptTexts.0": "B10",
  "projects.0.promptTexts.1": "B20",
  "selfEvaluation.promptTexts.0": "B21",
};

function of(pkg: Package, facts: FormFacts, ...rules: string[]): Finding[] {
  const template = templateCells(pkg);
  const cellOf = (path: string) => template(path) ?? (FACT_CELLS[path] ? { sheet: path.startsWith("projects.") ? PROJECT : EVAL, cell: FACT_CELLS[path] } : undefined);
  return checkPackage({ pkg, cellOf, facts }).filter((f) => rules.includes(f.rule));
}

function finding(rule: string, severity: string, sheet: string, cell: string, message: string, expected: string, actual: string): Finding {
  return { rule, severity, sheet, cell, message, expected, actual } as Finding;
}

describe("SCORE.GROUP_MET_SHORT", () => {
  /** 湖北 2020: three indicators (附件3 rows 12–14) under 年度绩效目标1(40分), no 分值 column. */
  function grouped(scores: (number | null)[], targets: Raw[] = ["100%", "100%", "98%"], actuals: Raw[] = targets): Package {
    const p = clean();
    p.projects[0].indicators = [
      ind("产出指标", "质量指标", "监测数据必须合格", "", "", 0, 0),
      ind("产出指标", "进度指标", "取得监测资料", "", "", 0, 0),
      ind("满意度指标", "服务对象满意度指标", "整编资料审核", "", "", 0, 0),
    ].map((row, i) => ({ ...row, target: targets[i], actual: actuals[i], weight: null, score: scores[i] }));
    return p;
  }
  const one = { "projects.0": { indicatorGroups: [{ label: "年度绩效目标1(40分)", weight: 40, from: 0, to: 3 }] } };
  const RULE = "SCORE.GROUP_MET_SHORT";

  test("all met, 10 + 10 + 19.6 = 39.6 < 40: the one 98% target is named, its 分值 derived (40 − 20 = 20)", () => {
    expect(of(grouped([10, 10, 19.6]), one, RULE)).toEqual([
      finding(RULE, "提示", PROJECT, "H14", "项目「信息化运维」指标「整编资料审核」得分 19.6：目标 98%，实际 98%，已达标；「年度绩效目标1(40分)」其余指标均达标、共得 20 分，推得本指标分值 20，应得 20（表中没有分值栏，分值为推算）。", "20", "19.6"),
    ]);
  });

  test("percent cells: 95% (0.95) reached with 100% (1); 12 + 10 + 17.1 = 39.1 < 40, derived 40 − 22 = 18", () => {
    const p = grouped([12, 10, 17.1], [1, 1, 0.95], [1, 1, 1]);
    expect(of(p, one, RULE).map((f) => [f.cell, f.message, f.expected, f.actual])).toEqual([
      ["H14", "项目「信息化运维」指标「整编资料审核」得分 17.1：目标 95%，实际 100%，已达标；「年度绩效目标1(40分)」其余指标均达标、共得 22 分，推得本指标分值 18，应得 18（表中没有分值栏，分值为推算）。", "18", "17.1"],
    ]);
    // a ≤ target met with 0 (a percent cell showing 0%), and a text actual as written
    const q = grouped([10, 10, 19], ["100%", "100%", "≤5%"], ["100%", "100%", 0]);
    expect(of(q, one, RULE).map((f) => f.message)).toEqual([
      "项目「信息化运维」指标「整编资料审核」得分 19：目标 ≤5%，实际 0%，已达标；「年度绩效目标1(40分)」其余指标均达标、共得 20 分，推得本指标分值 20，应得 20（表中没有分值栏，分值为推算）。",
    ]);
    // a number above 1 is a plain figure, not a percent cell's
    const big = grouped([10, 10, 19.6], ["100%", "100%", "98%"], ["100%", "100%", 99]);
    expect(of(big, one, RULE).map((f) => f.message)).toEqual([
      "项目「信息化运维」指标「整编资料审核」得分 19.6：目标 98%，实际 99，已达标；「年度绩效目标1(40分)」其余指标均达标、共得 20 分，推得本指标分值 20，应得 20（表中没有分值栏，分值为推算）。",
    ]);
    const r = grouped([10, 10, 19.6], ["100%", "100%", "98%"], ["100%", "100%", " 0.99 "]);
    expect(of(r, one, RULE).map((f) => f.message)).toEqual([
      "项目「信息化运维」指标「整编资料审核」得分 19.6：目标 98%，实际 0.99，已达标；「年度绩效目标1(40分)」其余指标均达标、共得 20 分，推得本指标分值 20，应得 20（表中没有分值栏，分值为推算）。",
    ]);
  });

  test("no single 98%-like target to blame: the group is named (none, or two of them)", () => {
    const group = (actual: string) => [finding(RULE, "提示", PROJECT, "A12", `「年度绩效目标1(40分)」组内指标均已达标，得分合计 ${actual} 低于该组分值 40。`, "40", actual)];
    expect(of(grouped([10, 10, 19], ["100%", "100%", "100%"]), one, RULE)).toEqual(group("39")); // 10 + 10 + 19 = 39
    expect(of(grouped([9.8, 10, 19.6], ["98%", "100%", "98%"]), one, RULE)).toEqual(group("39.4")); // 9.8 + 10 + 19.6 = 39.4
    // 0.98 typed as text is not a percentage; 98 as a number is not either
    expect(of(grouped([10, 10, 19.6], ["100%", "100%", "0.98"]), one, RULE)).toEqual(group("39.6"));
    expect(of(grouped([10, 10, 19.6], ["100%", "100%", 98]), one, RULE)).toEqual(group("39.6"));
    // a fraction of another unit (0.98万元) is not a percentage either
    expect(of(grouped([10, 10, 19.6], ["100%", "100%", "0.98万元"]), one, RULE)).toEqual(group("39.6"));
  });

  test("nothing when the scores reach the group's 分值, a member missed its target, or the form prints 分值", () => {
    expect(of(grouped([10, 10, 20]), one, RULE)).toEqual([]); // 40
    expect(of(grouped([10, 10, 19.6], ["100%", "100%", "98%"], ["100%", "90%", "98%"]), one, RULE)).toEqual([]);
    const weighted = grouped([10, 10, 19.6]);
    weighted.projects[0].indicators[1].weight = 10;
    expect(of(weighted, one, RULE)).toEqual([]);
  });

  test("rows without a score are left out; a group with none is skipped", () => {
    // 10 + 19.6 = 29.6 < 40; derived 40 − 10 = 30
    expect(of(grouped([10, null, 19.6]), one, RULE).map((f) => [f.cell, f.expected, f.actual])).toEqual([["H14", "30", "19.6"]]);
    expect(of(grouped([null, null, null]), one, RULE)).toEqual([]);
  });

  test("each group reads its own rows (from, to) and is named by its index", () => {
    const two = {
      "projects.0": {
        indicatorGroups: [
          { label: "年度绩效目标1(20分)", weight: 20, from: 0, to: 2 },
          { label: "年度绩效目标2(20分)", weight: 20, from: 2, to: 3 },
        ],
      },
    };
    // group 1: 10 + 10 = 20, reached; group 2: 19.6 alone, derived 20 − 0 = 20
    expect(of(grouped([10, 10, 19.6]), two, RULE).map((f) => [f.cell, f.message])).toEqual([
      ["H14", "项目「信息化运维」指标「整编资料审核」得分 19.6：目标 98%，实际 98%，已达标；「年度绩效目标2(20分)」其余指标均达标、共得 0 分，推得本指标分值 20，应得 20（表中没有分值栏，分值为推算）。"],
    ]);
    expect(of(grouped([10, 10, 19], ["100%", "100%", "100%"]), two, RULE).map((f) => [f.cell, f.message])).toEqual([["A14", "「年度绩效目标2(20分)」组内指标均已达标，得分合计 19 低于该组分值 20。"]]);
  });
});

describe("SCORE.HEADLINE_UNREACHABLE", () => {
  const RULE = "SCORE.HEADLINE_UNREACHABLE";
  const headline = (v: unknown, sheet = "projects.0") => ({ [sheet]: { headlineScore: v } }) as FormFacts;

  test("above what the scores reach: 9.5 + 90 scored on 分值 10 + 90, nothing open, at most 99.5", () => {
    expect(of(clean(), headline(100), RULE)).toEqual([finding(RULE, "错误", PROJECT, "H3", "自评得分填写为 100，而各项得分之和为 99.5，尚未打分的分值为 0，最高只能是 99.5。", "≤ 99.5", "100")]);
    // the tolerance (0.01) exactly is not a finding; 0.02 is
    expect(of(clean(), headline(99.51), RULE)).toEqual([]);
    expect(of(clean(), headline(99.52), RULE).map((f) => f.actual)).toEqual(["99.52"]);
    expect(of(clean(), headline(null), RULE)).toEqual([]);
    expect(of(clean(), headline("九十九"), RULE)).toEqual([]);
  });

  test("what is not scored is open: an empty 执行率 score leaves its 分值 10 open; a row without 分值 counts its score", () => {
    const p = clean();
    p.projects[0].funds.total.score = null; // 90 scored on 分值 90: 10 open, at most 100
    expect(of(p, headline(100), RULE)).toEqual([]);
    expect(of(p, headline(100.5), RULE).map((f) => f.message)).toEqual(["自评得分填写为 100.5，而各项得分之和为 90，尚未打分的分值为 10，最高只能是 100。"]);
    const q = clean();
    q.projects[0].funds.total.weight = null; // 9.5 + 90 on 分值 0 + 90: 10 open, at most 109.5, so 100 is reachable
    expect(of(q, headline(100), RULE)).toEqual([]);
    const r = clean();
    r.projects[0].indicators[0].weight = null; // the row's 分值 taken as its score 85: 9.5 + 85 on 10 + 85, 5 open → at most 99.5
    r.projects[0].indicators[0].score = 85;
    expect(of(r, headline(99.6), RULE).map((f) => f.message)).toEqual(["自评得分填写为 99.6，而各项得分之和为 94.5，尚未打分的分值为 5，最高只能是 99.5。"]);
    r.projects[0].indicators.push(ind("产出指标", "时效指标", "及时率", "100%", "100%", 10, null as never)); // not scored: its 分值 stays open
    expect(of(r, headline(99.6), RULE).map((f) => f.expected)).toEqual(["≤ 99.5"]);
  });

  test("分值 above 100 is SCORE.WEIGHT_TOTAL's finding, not this one's", () => {
    const p = clean();
    p.projects[0].indicators[0].weight = 90.01; // 10 + 90.01 > 100
    expect(of(p, headline(100), RULE)).toEqual([]);
  });

  test("on 附件2: 9.38 + 88 scored on 分值 100, at most 97.38", () => {
    expect(of(clean(), headline(98, "selfEvaluation"), RULE)).toEqual([finding(RULE, "错误", EVAL, "H2", "自评得分填写为 98，而各项得分之和为 97.38，尚未打分的分值为 0，最高只能是 97.38。", "≤ 97.38", "98")]);
  });
});

describe("CONTENT.GOAL_PARTS_SUM", () => {
  const RULE = "CONTENT.GOAL_PARTS_SUM";
  function goals(planned: unknown, achieved: unknown = "完成维护12次。"): Package {
    const p = clean();
    p.projects[0].goals = { planned: planned as string, achieved: achieved as string };
    return p;
  }

  test("the amounts after 其中 against the total of the same sentence", () => {
    const p = goals("本项目共申请预算资金2026400元,其中村级组织运转400000元,报酬252000元,工资28000元,事务补助960000元,目标奖励100000元。");
    // 400000 + 252000 + 28000 + 960000 + 100000 = 1740000; 2026400 − 1740000 = 286400
    expect(of(p, {}, RULE)).toEqual([
      finding(RULE, "提示", PROJECT, "B10", "年度总体目标（预期目标）写明总额 2026400元，其中各项 400000 + 252000 + 28000 + 960000 + 100000 = 1740000元，相差 286400元。", "2026400元", "1740000元"),
    ]);
  });

  test("parts in the other unit are converted: 万元 parts of a total in 元, 元 parts of a total in 万元", () => {
    // 0.5万元 = 5000元; 5000 + 5000 = 10000; 15000 − 10000 = 5000
    expect(of(goals("共安排15000元，其中设备0.5万元、服务5000 元。"), {}, RULE).map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["年度总体目标（预期目标）写明总额 15000元，其中各项 0.5万元 + 5000 = 10000元，相差 5000元。", "15000元", "10000元"],
    ]);
    // 20000元 = 2万元; 2 + 1 = 3; 3.5 − 3 = 0.5 (in 实际完成情况, F10)
    expect(of(goals("", "全年共下达资金3.5万元，其中设备20000元、服务1万元。"), {}, RULE).map((f) => [f.cell, f.message, f.expected, f.actual])).toEqual([
      ["F10", "年度总体目标（实际完成情况）写明总额 3.5万元，其中各项 20000元 + 1 = 3万元，相差 0.5万元。", "3.5万元", "3万元"],
    ]);
    expect(of(goals("共安排1.5万元，其中设备5000元、服务1万元。"), {}, RULE)).toEqual([]); // 0.5 + 1 = 1.5
  });

  test("half a fen is the limit: 0.005 off is said, 0.004 is rounding", () => {
    expect(of(goals("共安排100元，其中甲50元、乙50.005元。"), {}, RULE).map((f) => f.message)).toEqual(["年度总体目标（预期目标）写明总额 100元，其中各项 50 + 50.005 = 100.005元，相差 0.005元。"]);
    expect(of(goals("共安排100元，其中甲50元、乙49.995元。"), {}, RULE).map((f) => f.actual)).toEqual(["99.995元"]);
    expect(of(goals("共安排100元，其中甲50元、乙50.004元。"), {}, RULE)).toEqual([]);
  });

  test("sentence by sentence (。；;): only one that names one total before 其中 and two parts after it", () => {
    // the first sentence names no total word; the second has two amounts before 其中; the third one part only
    const skipped = "资金100元其中甲50元、乙40元；共安排200元，比上年多50元，其中甲120元、乙50元;总额300元，其中甲100元。";
    expect(of(goals(skipped), {}, RULE)).toEqual([]);
    // …and then one that qualifies: 120 + 50 = 170, 200 − 170 = 30
    expect(of(goals(`${skipped}合计200元，其中甲120元、乙50元。`), {}, RULE).map((f) => f.message)).toEqual(["年度总体目标（预期目标）写明总额 200元，其中各项 120 + 50 = 170元，相差 30元。"]);
  });

  test("each word that names a total: 共 总 合计 申请 预算 完成 下达 安排", () => {
    for (const word of ["共", "总", "合计", "申请", "预算", "完成", "下达", "安排"]) {
      expect(of(goals(`${word}200元，其中甲120元、乙50元。`), {}, RULE).map((f) => f.expected)).toEqual(["200元"]);
    }
  });

  test("a goal that is not text, or says no amounts: nothing; on 附件2 too", () => {
    expect(of(goals(60), {}, RULE)).toEqual([]);
    expect(of(goals(null), {}, RULE)).toEqual([]);
    expect(of(clean(), {}, RULE)).toEqual([]);
    const p = clean();
    p.selfEvaluation!.goals.achieved = "共支出300万元，其中基本支出190万元、项目支出100万元。"; // 290, 10 short
    expect(of(p, {}, RULE)).toEqual([finding(RULE, "提示", EVAL, "F11", "年度总体目标（实际完成情况）写明总额 300万元，其中各项 190 + 100 = 290万元，相差 10万元。", "300万元", "290万元")]);
  });
});

describe("CONTENT.PROMPT_LEFT", () => {
  test("each prompt left in place, on each sheet (in cell order)", () => {
    const RULE = "CONTENT.PROMPT_LEFT";
    const a = "对照年度目标,说明相关任务目标的完成情况(100字以内)";
    const b = "结合自评情况,分析存在的问题及原因。(200字以内)";
    const facts: FormFacts = { "projects.0": { promptTexts: [a, b] }, selfEvaluation: { promptTexts: [b] } };
    expect(of(clean(), facts, RULE)).toEqual([
      finding(RULE, "提示", PROJECT, "B10", `「${a}」是表格的填写提示，应换成本项目的实际内容。`, "实际内容", a),
      finding(RULE, "提示", PROJECT, "B20", `「${b}」是表格的填写提示，应换成本项目的实际内容。`, "实际内容", b),
      finding(RULE, "提示", EVAL, "B21", `「${b}」是表格的填写提示，应换成本项目的实际内容。`, "实际内容", b),
    ]);
    expect(of(clean(), {}, RULE)).toEqual([]);
  });
});

describe("SCORE.EXEC_INDICATOR", () => {
  const RULE = "SCORE.EXEC_INDICATOR";
  function execRow(name: string, actual: unknown, weight: unknown, score: unknown): Package {
    const p = clean();
    p.projects[0].indicators[0] = { ...ind("产出指标", "质量指标", name, "—", "", 0, 0, "说明"), actual: actual as string, weight: weight as number, score: score as number };
    return p;
  }

  test("scored min(执行率, 100%) × 分值: 100% → 10.00, stated 9 (宁夏 2021 G14)", () => {
    expect(of(execRow("预算执行率", "100%", 10, 9), {}, RULE)).toEqual([
      finding(RULE, "警告", PROJECT, "H12", "项目「信息化运维」指标「预算执行率」得分 9：实际完成值 100%，按 min(执行率, 100%) × 分值 10 应得 10.00。", "10.00", "9"),
    ]);
  });

  test("percent cells shown as percentages: 0.875 → 87.5% (× 8 = 7.00), 1 → 100%, 1.2 → 120% (capped at 100%)", () => {
    expect(of(execRow(" 资金 执行率 ", 0.875, 8, 8), {}, RULE).map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["项目「信息化运维」指标「 资金 执行率 」得分 8：实际完成值 87.5%，按 min(执行率, 100%) × 分值 8 应得 7.00。", "7.00", "8"],
    ]);
    expect(of(execRow("预算执行率", 1, 10, 9.5), {}, RULE).map((f) => f.message)).toEqual(["项目「信息化运维」指标「预算执行率」得分 9.5：实际完成值 100%，按 min(执行率, 100%) × 分值 10 应得 10.00。"]);
    expect(of(execRow("预算执行率", 1.2, 10, 9), {}, RULE).map((f) => f.message)).toEqual(["项目「信息化运维」指标「预算执行率」得分 9：实际完成值 120%，按 min(执行率, 100%) × 分值 10 应得 10.00。"]);
  });

  test("the tolerance (0.01) exactly is not a finding; 0.02 is", () => {
    // 87.5% × 8 = 7.00
    expect(of(execRow("资金执行率", "87.5%", 8, 7.01), {}, RULE)).toEqual([]);
    expect(of(execRow("资金执行率", "87.5%", 8, 6.99), {}, RULE)).toEqual([]);
    expect(of(execRow("资金执行率", " 87.5% ", 8, 7.02), {}, RULE).map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["项目「信息化运维」指标「资金执行率」得分 7.02：实际完成值 87.5%，按 min(执行率, 100%) × 分值 8 应得 7.00。", "7.00", "7.02"],
    ]);
  });

  test("nothing to check: not named …执行率, no 分值 or 得分, an actual that is not a rate or is negative", () => {
    for (const [name, actual, weight, score] of [
      ["执行率分析", "80%", 10, 9],
      ["预算执行率", "80%", null, 9],
      ["预算执行率", "80%", 10, null],
      ["预算执行率", "完成", 10, 9],
      ["预算执行率", "30人次", 10, 9],
      ["预算执行率", "0.8", 10, 9],
      ["预算执行率", "-5%", 10, 9],
    ]) {
      expect(of(execRow(name as string, actual, weight, score), {}, RULE)).toEqual([]);
    }
  });

  test("on 附件2 too", () => {
    const p = clean();
    p.selfEvaluation!.indicators[2] = ind("产出指标（50分）", "时效指标", "预算执行率", "100%", "93.75%", 10, 10); // 0.9375 × 10 = 9.375 → 9.38
    expect(of(p, {}, RULE)).toEqual([finding(RULE, "警告", EVAL, "H15", "指标「预算执行率」得分 10：实际完成值 93.75%，按 min(执行率, 100%) × 分值 10 应得 9.38。", "9.38", "10")]);
  });
});
