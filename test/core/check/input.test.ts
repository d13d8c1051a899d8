/**
 * INPUT.* rules (src/core/check/rules/input.ts): single cells. Every finding asserted whole: rule, severity, sheet, cell,
 * message, expected, actual. Messages and figures typed from the forms' labels; ratios worked out by hand in comments.
 */
import { checkPackage, HUNAN_2024, SEVERITIES, type CellRef, type Finding, type Package } from "../../../src/core";
import { forEachTypedLeaf } from "../../../src/core/check/rules/input";
import { clean } from "../../helpers/cleanPackage";

const BASIC = "附件1 基础数据表";
const EV = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";

function findings(pkg: Package, rule: string, cellOf?: (path: string) => CellRef | undefined): Finding[] {
  return checkPackage({ pkg, cellOf }, HUNAN_2024).filter((f) => f.rule === rule);
}

/** [sheet, message, expected, actual] of each finding, after checking that rule and severity are the rule's. */
function brief(fs: Finding[], rule: string, severity: Finding["severity"]): string[][] {
  for (const f of fs) expect([f.rule, f.severity, f.cell]).toEqual([rule, severity, ""]);
  return fs.map((f) => [f.sheet, f.message, f.expected, f.actual]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

const sorted = (rows: string[][]) => [...rows].sort((a, b) => (a.join() < b.join() ? -1 : 1));

test("the hand-made package has no INPUT finding", () => {
  expect(checkPackage({ pkg: clean() }, HUNAN_2024).filter((f) => f.rule.startsWith("INPUT."))).toEqual([]);
});

describe("INPUT.NOT_NUMBER", () => {
  test("each kind of number cell says what it expects: 金额, 人数, 比率, 分值, 得分, 面积; in 附件1, 附件2, 附件3 and their lists", () => {
    const p = clean();
    p.basic!.sangong.final = "7.50.";
    p.basic!.staff.authorized = "十人";
    p.basic!.staff.controlRate = "八成";
    p.basic!.buildings.approvedArea = "一百平";
    p.basic!.specialFunds = [{ name: "专项A", prevFinal: "1..2", budget: 2, final: 2 }];
    p.selfEvaluation!.indicators[0].weight = "二十";
    p.selfEvaluation!.indicators[0].score = "满分";
    p.projects[0].funds.total.executed = "五十七";
    const AMOUNT = "应为数字（万元，最多两位小数），如 1227.61";
    expect(brief(findings(p, "INPUT.NOT_NUMBER"), "INPUT.NOT_NUMBER", "错误")).toEqual(
      sorted([
        [BASIC, `三公经费（2024年决算数）：「7.50.」不是数字，${AMOUNT}。`, "金额（万元，数字）", "7.50."],
        [BASIC, "编制数：「十人」不是数字，应为人数（整数）。", "人数（整数）", "十人"],
        [BASIC, "在职人员控制率：「八成」不是数字，应为百分比（如 85.23%）。", "百分比（如 85.23%）", "八成"],
        [BASIC, "楼堂馆所批复规模：「一百平」不是数字，应为面积（㎡，数字）。", "面积（㎡，数字）", "一百平"],
        [BASIC, `专项资金「专项A」（2023年决算数）：「1..2」不是数字，${AMOUNT}。`, "金额（万元，数字）", "1..2"],
        [EV, "指标「完成数」分值：「二十」不是数字，应为分值（数字）。", "分值（数字）", "二十"],
        [EV, "指标「完成数」得分：「满分」不是数字，应为得分（数字）。", "得分（数字）", "满分"],
        [PROJECT, `项目「信息化运维」年度资金总额全年执行数：「五十七」不是数字，${AMOUNT}。`, "金额（万元，数字）", "五十七"],
      ]),
    );
  });

  test("every row of a long indicator table (the 11th too), and not a field the form has no cell for", () => {
    const p = clean();
    const ev = p.selfEvaluation!;
    // 11 rows: the 5 of the package, 6 more of weight 0 (the weights' sum is not what this test is about).
    for (let i = 5; i < 11; i++) ev.indicators.push({ ...ev.indicators[4], name: `指标${i + 1}`, weight: 0, score: 0 });
    ev.indicators[10].score = "满分";
    (p.basic as unknown as Record<string, unknown>).extra = { final: "7.50." }; // e.g. a newer version's block
    expect(findings(p, "INPUT.NOT_NUMBER").map((f) => [f.sheet, f.message])).toEqual([[EV, "指标「指标11」得分：「满分」不是数字，应为得分（数字）。"]]);
  });

  test("the cell of the finding is the reader's", () => {
    const p = clean();
    p.basic!.sangong.final = "7.50.";
    const cellOf = (path: string): CellRef | undefined => (path === "basic.sangong.final" ? { sheet: BASIC, cell: "F9" } : undefined);
    expect(findings(p, "INPUT.NOT_NUMBER", cellOf).map((f) => [f.sheet, f.cell, f.actual])).toEqual([[BASIC, "F9", "7.50."]]);
  });

  test("not flagged: text cells, 无 / 不适用 for none, a placeholder (INPUT.PLACEHOLDER says so), numbers as text", () => {
    const p = clean();
    p.unit = "测试局（本级）";
    p.selfEvaluation!.indicators[1].target = "约95%以上";
    p.selfEvaluation!.indicators[1].actual = "九成六";
    p.projects[0].name = "12.5.";
    p.basic!.reception.final = "无";
    p.basic!.overseas.final = " 不适用 ";
    p.basic!.vehiclePurchase.final = "××";
    p.basic!.office.final = "11.00";
    expect(findings(p, "INPUT.NOT_NUMBER")).toEqual([]);
  });
});

describe("INPUT.PLACEHOLDER", () => {
  test("in number cells: 请填写数字，无数据填0 with what the cell expects; in text cells: 请填写实际内容; trimmed", () => {
    const p = clean();
    p.basic!.reception.final = "××";
    p.basic!.staff.actual = " XX ";
    p.unit = "××单位";
    p.basic!.specialFunds = [{ name: "××专项资金", prevFinal: 0, budget: 0, final: 0 }];
    p.selfEvaluation!.indicators[2].score = "○○";
    expect(brief(findings(p, "INPUT.PLACEHOLDER"), "INPUT.PLACEHOLDER", "警告")).toEqual(
      sorted([
        [BASIC, "公务接待（2024年决算数）「××」仍是模板占位符，请填写数字，无数据填0。", "金额（万元，数字）", "××"],
        [BASIC, "实际在职人数「XX」仍是模板占位符，请填写数字，无数据填0。", "人数（整数）", "XX"],
        [BASIC, "第1个专项资金的名称「××专项资金」仍是模板占位符，请填写实际内容。", "实际内容", "××专项资金"],
        [EV, "单位名称「××单位」仍是模板占位符，请填写实际内容。", "实际内容", "××单位"],
        [EV, "指标「及时率」得分「○○」仍是模板占位符，请填写数字，无数据填0。", "得分（数字）", "○○"],
      ]),
    );
  });

  test("— / …… / 无 mean none, a number is no placeholder, and text without ×× is none", () => {
    const p = clean();
    p.basic!.reception.final = "—";
    p.basic!.overseas.final = "……";
    p.basic!.vehiclePurchase.final = "/";
    p.basic!.savingMeasures = "无";
    p.projects[0].implementer = "信息中心";
    expect(findings(p, "INPUT.PLACEHOLDER")).toEqual([]);
  });
});

describe("INPUT.NEGATIVE", () => {
  test("negative amounts, 人数 and 面积, as numbers or as text", () => {
    const p = clean();
    p.basic!.reception.final = -0.21;
    p.basic!.staff.actual = -1;
    p.basic!.buildings.actualArea = "-20";
    p.projects[0].funds.carryover.executed = -3.5;
    expect(brief(findings(p, "INPUT.NEGATIVE"), "INPUT.NEGATIVE", "错误")).toEqual(
      sorted([
        [BASIC, "公务接待（2024年决算数）为 -0.21，不应为负数。", "≥ 0", "-0.21"],
        [BASIC, "实际在职人数为 -1，不应为负数。", "≥ 0", "-1"],
        [BASIC, "楼堂馆所实际规模为 -20，不应为负数。", "≥ 0", "-20"],
        [PROJECT, "项目「信息化运维」上年结转金额全年执行数为 -3.5，不应为负数。", "≥ 0", "-3.5"],
      ]),
    );
  });

  test("not flagged: 部门基本支出预算调整 (调减), rates, 分值 and 得分, zero and -0.00", () => {
    const p = clean();
    p.basic!.basicAdjustment = { prevFinal: -1, budget: -3, final: -5 };
    p.basic!.staff.controlRate = "-10%";
    p.selfEvaluation!.indicators[0].weight = -5;
    p.selfEvaluation!.indicators[0].score = -1;
    p.selfEvaluation!.funds.weight = -10;
    p.basic!.vehiclePurchase.final = "-0.00";
    p.basic!.overseas.prevFinal = 0;
    expect(findings(p, "INPUT.NEGATIVE")).toEqual([]);
  });
});

describe("INPUT.YUAN", () => {
  test("an amount of 1,000,000 万元 or more (the preset's limit, either sign) is flagged alone, not also against its row", () => {
    const p = clean();
    p.basic!.procurement = { prevFinal: 1, budget: null, final: 1_000_000 }; // exactly the limit
    p.basic!.reception.final = -2_000_000;
    p.basic!.vehicleOperation.final = -1_000_000; // exactly the limit below zero
    p.basic!.businessWork = { prevFinal: 999_999.99, budget: 999_999.99, final: 999_999.99 }; // just below, one magnitude
    p.selfEvaluation!.funds.weight = 5_000_000; // 分值, not an amount
    p.basic!.staff.authorized = 2_000_000; // 人数, not an amount
    expect(brief(findings(p, "INPUT.YUAN"), "INPUT.YUAN", "警告")).toEqual(
      sorted([
        [BASIC, "政府采购金额（2024年决算数）为 1000000.00 万元，数额异常大，疑似按元填写（应以万元为单位）。", "以万元填写", "1000000.00"],
        [BASIC, "公务接待（2024年决算数）为 -2000000.00 万元，数额异常大，疑似按元填写（应以万元为单位）。", "以万元填写", "-2000000.00"],
        [BASIC, "公车运行维护（2024年决算数）为 -1000000.00 万元，数额异常大，疑似按元填写（应以万元为单位）。", "以万元填写", "-1000000.00"],
      ]),
    );
  });

  test("a thousand times the smallest figure of its row (≥ 1) is flagged at the largest", () => {
    const p = clean();
    p.basic!.sangong = { prevFinal: 1.5, budget: null, final: 14000 }; // 14000 ÷ 1.5 = 9333.3 → 9333 倍
    p.basic!.reception = { prevFinal: 1, budget: 1.5, final: 1000 }; // 1000 ÷ 1 = 1000 倍: exactly a thousand
    p.basic!.overseas = { prevFinal: 1, budget: 1, final: 999.99 }; // 999.99 倍: not flagged
    p.basic!.vehicle = { prevFinal: 2, budget: 1.2, final: 1500 }; // smallest is the middle one: 1500 ÷ 1.2 = 1250 倍 (÷ 2 would be 750)
    p.basic!.office = { prevFinal: 3000, budget: 2, final: 2.5 }; // largest is the first: 3000 ÷ 2 = 1500 倍
    p.basic!.utilitiesTravel = { prevFinal: 3000, budget: 3000, final: 2 }; // two largest: the first is named; 1500 倍
    p.basic!.publicFunds = { prevFinal: 2, budget: 2, final: 3000 }; // two smallest: the first is named; 1500 倍
    p.basic!.meetingTraining = { prevFinal: 0.5, budget: null, final: 600 }; // below 1 does not count: one figure left
    p.basic!.vehicleOperation = { prevFinal: null, budget: null, final: 5000 }; // alone in its row
    p.projects[0].funds.current = { initialBudget: 50, fullBudget: 60, executed: 57000 }; // 57000 ÷ 50 = 1140 倍
    const SUFFIX = "疑似按元填写。";
    expect(brief(findings(p, "INPUT.YUAN"), "INPUT.YUAN", "警告")).toEqual(
      sorted([
        [BASIC, `三公经费（2024年决算数）为 14000.00，是同行三公经费（2023年决算数） 1.50 的 9333 倍，${SUFFIX}`, "以万元填写", "14000.00"],
        [BASIC, `公务接待（2024年决算数）为 1000.00，是同行公务接待（2023年决算数） 1.00 的 1000 倍，${SUFFIX}`, "以万元填写", "1000.00"],
        [BASIC, `公务用车购置和维护经费（2024年决算数）为 1500.00，是同行公务用车购置和维护经费（2024年预算数） 1.20 的 1250 倍，${SUFFIX}`, "以万元填写", "1500.00"],
        [BASIC, `办公经费（2023年决算数）为 3000.00，是同行办公经费（2024年预算数） 2.00 的 1500 倍，${SUFFIX}`, "以万元填写", "3000.00"],
        [BASIC, `水费、电费、差旅费（2023年决算数）为 3000.00，是同行水费、电费、差旅费（2024年决算数） 2.00 的 1500 倍，${SUFFIX}`, "以万元填写", "3000.00"],
        [BASIC, `公用经费（2024年决算数）为 3000.00，是同行公用经费（2023年决算数） 2.00 的 1500 倍，${SUFFIX}`, "以万元填写", "3000.00"],
        [PROJECT, `项目「信息化运维」当年财政拨款全年执行数为 57000.00，是同行项目「信息化运维」当年财政拨款年初预算数 50.00 的 1140 倍，${SUFFIX}`, "以万元填写", "57000.00"],
      ]),
    );
  });

  test("rows are the figure's own: one row's small figure does not flag another row", () => {
    const p = clean();
    p.basic!.vehiclePurchase = { prevFinal: 1, budget: 1, final: 1 };
    p.basic!.vehicleOperation = { prevFinal: 1200, budget: 1300, final: 1400 };
    p.basic!.vehicle = { prevFinal: 1201, budget: 1301, final: 1401 };
    expect(findings(p, "INPUT.YUAN")).toEqual([]);
  });

  test("text that is no number is left to INPUT.NOT_NUMBER", () => {
    const p = clean();
    p.basic!.sangong = { prevFinal: "约1万", budget: 1, final: 2000 }; // 2000 ÷ 1 = 2000 倍 against the one number
    expect(findings(p, "INPUT.YUAN").map((f) => f.actual)).toEqual(["2000.00"]);
  });
});

describe("INPUT.REQUIRED", () => {
  test("编制数, 实际在职人数, and each scored sheet's 全年预算数 and 全年执行数, when blank", () => {
    const p = clean();
    p.basic!.staff.authorized = null;
    p.basic!.staff.actual = "";
    p.selfEvaluation!.funds.fullBudget = null;
    p.projects[0].funds.total.executed = null;
    expect(brief(findings(p, "INPUT.REQUIRED"), "INPUT.REQUIRED", "警告")).toEqual(
      sorted([
        [BASIC, "编制数未填写。", "数字", "（空）"],
        [BASIC, "实际在职人数未填写。", "数字", "（空）"],
        [EV, "年度资金总额全年预算数未填写。", "数字", "（空）"],
        [PROJECT, "项目「信息化运维」年度资金总额全年执行数未填写。", "数字", "（空）"],
      ]),
    );
  });

  test("not when the cell holds a formula (its value not computed yet), not when filled with text, not without 附件1", () => {
    const p = clean();
    p.selfEvaluation!.funds.executed = null;
    p.projects[0].funds.total.fullBudget = "六十";
    const cellOf = (path: string): CellRef | undefined => (path === "selfEvaluation.funds.executed" ? { sheet: EV, cell: "E6", formula: "=SUM(E7:E9)" } : undefined);
    expect(findings(p, "INPUT.REQUIRED", cellOf)).toEqual([]);
    p.basic = null;
    expect(findings(p, "INPUT.REQUIRED", cellOf)).toEqual([]);
  });
});

describe("the cells the INPUT rules read (forEachTypedLeaf)", () => {
  test("each figure and text a form prints, once, with its cell type and path; the unit is text", () => {
    const pkg: Package = { schemaVersion: 1, unit: "测试局", year: 2024, basic: null, selfEvaluation: null, projects: [] };
    const seen: [string, string, unknown][] = [];
    forEachTypedLeaf({ pkg }, (value, type, path) => seen.push([path(), type, value]));
    expect(seen).toEqual([["unit", "text", "测试局"]]);
    const p = clean();
    const leaves: [string, string, unknown][] = [];
    forEachTypedLeaf({ pkg: p }, (value, type, path) => leaves.push([path(), type, value]));
    const at = (path: string) => leaves.filter((l) => l[0] === path);
    expect(at("basic.staff.authorized")).toEqual([["basic.staff.authorized", "count", 10]]);
    expect(at("basic.staff.controlRate")).toEqual([["basic.staff.controlRate", "rate", "80.00%"]]);
    expect(at("selfEvaluation.indicators.4.weight")).toEqual([["selfEvaluation.indicators.4.weight", "weight", 10]]);
    expect(at("projects.0.name")).toEqual([["projects.0.name", "text", "信息化运维"]]);
    expect(at("projects.0.funds.total.executed")).toEqual([["projects.0.funds.total.executed", "amount", 57]]);
    // 5 indicators × 6 cells of their own (三级指标, 指标值, 实际完成值, 分值, 得分, 偏差原因; 一级 and 二级 are merged headings)
    expect(leaves.filter((l) => l[0].startsWith("selfEvaluation.indicators.")).length).toBe(30);
  });

  test("a blank block, a stray text or number where a block belongs, a field the form lacks: nothing to read there", () => {
    const p = clean();
    (p.selfEvaluation as unknown as Record<string, unknown>).byIncome = null;
    (p.selfEvaluation as unknown as Record<string, unknown>).total = "97.38";
    (p.basic as unknown as Record<string, unknown>).buildings = 5;
    (p.basic as unknown as Record<string, unknown>).note = "7.50.";
    const paths: string[] = [];
    forEachTypedLeaf({ pkg: p }, (_v, _t, path) => paths.push(path()));
    expect(paths.filter((x) => /^(selfEvaluation\.(byIncome|total)|basic\.(buildings|note))/.test(x))).toEqual([]);
    expect(paths).toContain("selfEvaluation.byExpense.total"); // the rest is read as before
    expect(paths).toContain("basic.savingMeasures");
  });
});

test("the severities, most serious first (the task pane's filter lists them in this order)", () => {
  expect(SEVERITIES).toEqual(["错误", "警告", "提示"]);
});
