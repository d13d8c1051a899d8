/**
 * The 附件1 基础数据表 rules (src/core/check/rules/basic.ts), each finding asserted whole: rule, severity, sheet, cell,
 * message, expected, actual. The package is test/helpers/cleanPackage.ts, checked at the template's cells.
 */
import { checkPackage, type Finding, type Package } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";
import { checkInTemplate, templateCells } from "../../helpers/templateCells";

const SHEET = "附件1 基础数据表";

/** The findings of the rules named, at the template's cells. */
function of(pkg: Package, ...rules: string[]): Finding[] {
  return checkInTemplate(pkg).filter((f) => rules.includes(f.rule));
}

/** A finding on 附件1. */
function at(rule: string, severity: string, cell: string, message: string, expected: string, actual: string): Finding {
  return { rule, severity, sheet: SHEET, cell, message, expected, actual } as Finding;
}

describe("BASIC.STAFF_RATE", () => {
  test("a stated rate other than 在职 ÷ 编制, as text and as a percent cell's number", () => {
    const p = clean();
    p.basic!.staff.controlRate = "85.00%"; // 8 ÷ 10 = 80.00%
    expect(of(p, "BASIC.STAFF_RATE")).toEqual([
      at("BASIC.STAFF_RATE", "错误", "F3", "在职人员控制率填写为 85.00%，按 实际在职人数 ÷ 编制数 = 8.00 ÷ 10.00 计算应为 80.00%。", "80.00%", "85.00%"),
    ]);
    p.basic!.staff = { authorized: 16, actual: 14, controlRate: 0.9 }; // 14 ÷ 16 = 0.875 = 87.50%; the cell shows 90.00%
    expect(of(p, "BASIC.STAFF_RATE")).toEqual([
      at("BASIC.STAFF_RATE", "错误", "F3", "在职人员控制率填写为 90.00%，按 实际在职人数 ÷ 编制数 = 14.00 ÷ 16.00 计算应为 87.50%。", "87.50%", "90.00%"),
    ]);
    p.basic!.staff.controlRate = 0.875; // right
    expect(of(p, "BASIC.STAFF_RATE")).toEqual([]);
  });

  test("a zero 编制数 cannot be divided: said once, and no 超编", () => {
    const p = clean();
    p.basic!.staff = { authorized: 0, actual: 3, controlRate: "85.00%" };
    expect(of(p, "BASIC.STAFF_RATE", "BASIC.OVERSTAFFED")).toEqual([at("BASIC.STAFF_RATE", "错误", "F3", "在职人员控制率填写为 85.00%，但编制数为0，无法计算比率。", "无法计算", "85.00%")]);
  });

  test("nothing to compare: the rate, 在职 or 编制 blank, or the rate not a number", () => {
    for (const staff of [
      { authorized: 10, actual: 8, controlRate: null },
      { authorized: 10, actual: null, controlRate: "85.00%" },
      { authorized: null, actual: 8, controlRate: "85.00%" },
      { authorized: 10, actual: 8, controlRate: "约八成" },
    ]) {
      const p = clean();
      p.basic!.staff = staff;
      expect(of(p, "BASIC.STAFF_RATE")).toEqual([]);
    }
  });
});

describe("BASIC.OVERSTAFFED", () => {
  test("在职 above 编制, with the rate it makes", () => {
    const p = clean();
    p.basic!.staff = { authorized: 8, actual: 12, controlRate: 1.5 }; // 12 ÷ 8 = 150.00%
    expect(of(p, "BASIC.OVERSTAFFED")).toEqual([
      at("BASIC.OVERSTAFFED", "警告", "F3", "实际在职人数 12 人超过编制数 8 人，控制率 150.00%（超编），请在报告中说明原因。", "≤ 100.00%", "150.00%"),
    ]);
  });

  test("equal to 编制 is not 超编; a blank figure says nothing", () => {
    for (const staff of [
      { authorized: 10, actual: 10, controlRate: 1 },
      { authorized: 10, actual: null, controlRate: null },
      { authorized: null, actual: 10, controlRate: null },
    ]) {
      const p = clean();
      p.basic!.staff = staff;
      expect(of(p, "BASIC.OVERSTAFFED")).toEqual([]);
    }
  });
});

describe("the sums of 附件1, in each of the three columns", () => {
  test("BASIC.SANGONG_SUM: 三公经费 = 公务用车 + 出国 + 接待", () => {
    const p = clean();
    p.basic!.overseas = { prevFinal: 0.3, budget: 0.5, final: 0.5 };
    p.basic!.sangong = { prevFinal: 3.5, budget: 4.5, final: 3.6 }; // parts 2 + 0.3 + 1 = 3.3, 2.5 + 0.5 + 1 = 4, 2 + 0.5 + 1 = 3.5
    expect(of(p, "BASIC.SANGONG_SUM")).toEqual([
      at("BASIC.SANGONG_SUM", "错误", "B5", "三公经费（2023年决算数）为 3.50，但分项之和为 3.30（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.00 + 0.30 + 1.00 = 3.30），相差 0.20。", "3.30", "3.50"),
      at("BASIC.SANGONG_SUM", "错误", "D5", "三公经费（2024年预算数）为 4.50，但分项之和为 4.00（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.50 + 0.50 + 1.00 = 4.00），相差 0.50。", "4.00", "4.50"),
      at("BASIC.SANGONG_SUM", "错误", "F5", "三公经费（2024年决算数）为 3.60，但分项之和为 3.50（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.00 + 0.50 + 1.00 = 3.50），相差 0.10。", "3.50", "3.60"),
    ]);
  });

  test("BASIC.VEHICLE_SUM: 公务用车 = 公车购置 + 公车运行维护", () => {
    const p = clean();
    p.basic!.vehiclePurchase = { prevFinal: 0.5, budget: 0.4, final: 0.3 }; // 0.5 + 2 = 2.5, 0.4 + 2.5 = 2.9, 0.3 + 2 = 2.3
    expect(of(p, "BASIC.VEHICLE_SUM")).toEqual([
      at("BASIC.VEHICLE_SUM", "错误", "B6", "公务用车购置和维护经费（2023年决算数）为 2.00，但分项之和为 2.50（公车购置 + 公车运行维护 = 0.50 + 2.00 = 2.50），相差 0.50。", "2.50", "2.00"),
      at("BASIC.VEHICLE_SUM", "错误", "D6", "公务用车购置和维护经费（2024年预算数）为 2.50，但分项之和为 2.90（公车购置 + 公车运行维护 = 0.40 + 2.50 = 2.90），相差 0.40。", "2.90", "2.50"),
      at("BASIC.VEHICLE_SUM", "错误", "F6", "公务用车购置和维护经费（2024年决算数）为 2.00，但分项之和为 2.30（公车购置 + 公车运行维护 = 0.30 + 2.00 = 2.30），相差 0.30。", "2.30", "2.00"),
    ]);
  });

  test("BASIC.PROJECT_SUM: 业务工作 + 运行维护 + 专项资金, and the 4、其他资金 row when the form prints one", () => {
    const p = clean();
    p.basic!.special = { prevFinal: 5, budget: 6, final: 7 }; // 40 + 60 + 5 = 105, 50 + 70 + 6 = 126, 45 + 65 + 7 = 117
    expect(of(p, "BASIC.PROJECT_SUM")).toEqual([
      at("BASIC.PROJECT_SUM", "错误", "B11", "项目支出（2023年决算数）为 100.00，但分项之和为 105.00（业务工作经费 + 运行维护经费 + 专项资金 = 40.00 + 60.00 + 5.00 = 105.00），相差 5.00。", "105.00", "100.00"),
      at("BASIC.PROJECT_SUM", "错误", "D11", "项目支出（2024年预算数）为 120.00，但分项之和为 126.00（业务工作经费 + 运行维护经费 + 专项资金 = 50.00 + 70.00 + 6.00 = 126.00），相差 6.00。", "126.00", "120.00"),
      at("BASIC.PROJECT_SUM", "错误", "F11", "项目支出（2024年决算数）为 110.00，但分项之和为 117.00（业务工作经费 + 运行维护经费 + 专项资金 = 45.00 + 65.00 + 7.00 = 117.00），相差 7.00。", "117.00", "110.00"),
    ]);
    // 湖南 2021: 4、其他资金 1 / 2 / 3 → 106, 128, 120
    const facts = { basic: { otherFunds: { prevFinal: 1, budget: 2, final: 3 } } };
    const fs = checkInTemplate(p, { facts }).filter((f) => f.rule === "BASIC.PROJECT_SUM");
    expect(fs.map((f) => [f.cell, f.message, f.expected])).toEqual([
      ["B11", "项目支出（2023年决算数）为 100.00，但分项之和为 106.00（业务工作经费 + 运行维护经费 + 专项资金 + 其他资金 = 40.00 + 60.00 + 5.00 + 1.00 = 106.00），相差 6.00。", "106.00"],
      ["D11", "项目支出（2024年预算数）为 120.00，但分项之和为 128.00（业务工作经费 + 运行维护经费 + 专项资金 + 其他资金 = 50.00 + 70.00 + 6.00 + 2.00 = 128.00），相差 8.00。", "128.00"],
      ["F11", "项目支出（2024年决算数）为 110.00，但分项之和为 120.00（业务工作经费 + 运行维护经费 + 专项资金 + 其他资金 = 45.00 + 65.00 + 7.00 + 3.00 = 120.00），相差 10.00。", "120.00"],
    ]);
  });

  test("BASIC.SPECIAL_SUM: the 专项资金 row against the 专项 listed under it; nothing without a listed 专项", () => {
    const p = clean();
    p.basic!.special = { prevFinal: 6, budget: 7, final: 10 };
    p.basic!.businessWork = { prevFinal: 34, budget: 43, final: 35 }; // 项目支出 still adds up: 34 + 60 + 6 = 100, 43 + 70 + 7 = 120, 35 + 65 + 10 = 110
    expect(of(p, "BASIC.SPECIAL_SUM")).toEqual([]);
    p.basic!.specialFunds = [
      { name: "甲专项", prevFinal: 1, budget: 2, final: 3 },
      { name: "乙专项", prevFinal: 4, budget: 5, final: 6 },
    ]; // 1 + 4 = 5 ≠ 6; 2 + 5 = 7; 3 + 6 = 9 ≠ 10
    expect(of(p, "BASIC.SPECIAL_SUM")).toEqual([
      at("BASIC.SPECIAL_SUM", "错误", "B14", "专项资金（2023年决算数）为 6.00，但分项之和为 5.00（专项资金「甲专项」 + 专项资金「乙专项」 = 1.00 + 4.00 = 5.00），相差 1.00。", "5.00", "6.00"),
      at("BASIC.SPECIAL_SUM", "错误", "F14", "专项资金（2024年决算数）为 10.00，但分项之和为 9.00（专项资金「甲专项」 + 专项资金「乙专项」 = 3.00 + 6.00 = 9.00），相差 1.00。", "9.00", "10.00"),
    ]);
  });

  test("BASIC.PUBLIC_SUBSET: 公用经费 below its 其中 rows; equal to them is right", () => {
    const p = clean();
    p.basic!.publicFunds = { prevFinal: 15, budget: 20, final: 17.99 }; // 其中 10 + 5 + 1 = 16, 12 + 6 + 2 = 20, 11 + 5.5 + 1.5 = 18
    expect(of(p, "BASIC.PUBLIC_SUBSET")).toEqual([
      at("BASIC.PUBLIC_SUBSET", "错误", "B15", "公用经费（2023年决算数）为 15.00，小于其中所列分项之和：办公经费 + 水费、电费、差旅费 + 会议费、培训费 = 10.00 + 5.00 + 1.00 = 16.00。分项是它的一部分，不应超过它。", "≥ 16.00", "15.00"),
      at("BASIC.PUBLIC_SUBSET", "错误", "F15", "公用经费（2024年决算数）为 17.99，小于其中所列分项之和：办公经费 + 水费、电费、差旅费 + 会议费、培训费 = 11.00 + 5.50 + 1.50 = 18.00。分项是它的一部分，不应超过它。", "≥ 18.00", "17.99"),
    ]);
  });
});

describe("BASIC.OVER_BUDGET", () => {
  test("every row of 附件1 whose 决算数 is above its 预算数", () => {
    const p = clean();
    const b = p.basic!;
    // Every row 0.5 (or more) over its budget; sums are not this test's business.
    b.sangong = { prevFinal: 3, budget: 4, final: 4.5 };
    b.vehicle = { prevFinal: 2, budget: 2.5, final: 3 };
    b.vehiclePurchase = { prevFinal: 0, budget: 0, final: 0.5 };
    b.vehicleOperation = { prevFinal: 2, budget: 2.5, final: 2.75 };
    b.overseas = { prevFinal: 0, budget: 0.5, final: 0.6 };
    b.reception = { prevFinal: 1, budget: 1, final: 1.2 };
    b.project = { prevFinal: 100, budget: 120, final: 130 };
    b.businessWork = { prevFinal: 40, budget: 50, final: 51 };
    b.operation = { prevFinal: 60, budget: 70, final: 72 };
    b.special = { prevFinal: 0, budget: 0, final: 7 };
    b.publicFunds = { prevFinal: 50, budget: 60, final: 66 };
    b.office = { prevFinal: 10, budget: 12, final: 12.01 };
    b.utilitiesTravel = { prevFinal: 5, budget: 6, final: 6.5 };
    b.meetingTraining = { prevFinal: 1, budget: 2, final: 2.3 };
    const over = (cell: string, name: string, budget: string, final: string, by: string) =>
      at("BASIC.OVER_BUDGET", "警告", cell, `${name}（2024年决算数） ${final} 超过${name}（2024年预算数） ${budget}，超出 ${by}，请核实或说明原因。`, `≤ ${budget}`, final);
    expect(of(p, "BASIC.OVER_BUDGET")).toEqual([
      over("F5", "三公经费", "4.00", "4.50", "0.50"),
      over("F6", "公务用车购置和维护经费", "2.50", "3.00", "0.50"),
      over("F7", "公车购置", "0.00", "0.50", "0.50"),
      over("F8", "公车运行维护", "2.50", "2.75", "0.25"),
      over("F9", "出国经费", "0.50", "0.60", "0.10"),
      over("F10", "公务接待", "1.00", "1.20", "0.20"),
      over("F11", "项目支出", "120.00", "130.00", "10.00"),
      over("F12", "业务工作经费", "50.00", "51.00", "1.00"),
      over("F13", "运行维护经费", "70.00", "72.00", "2.00"),
      over("F14", "专项资金", "0.00", "7.00", "7.00"),
      over("F15", "公用经费", "60.00", "66.00", "6.00"),
      over("F16", "办公经费", "12.00", "12.01", "0.01"),
      over("F17", "水费、电费、差旅费", "6.00", "6.50", "0.50"),
      over("F18", "会议费、培训费", "2.00", "2.30", "0.30"),
    ]);
  });

  test("决算 equal to 预算, or either blank: nothing", () => {
    const p = clean();
    p.basic!.reception = { prevFinal: 1, budget: 1.2, final: 1.2 };
    p.basic!.overseas = { prevFinal: 0, budget: null, final: 0.5 };
    p.basic!.vehicle = { prevFinal: 2, budget: 2.5, final: null };
    expect(of(p, "BASIC.OVER_BUDGET")).toEqual([]);
  });
});

describe("楼堂馆所", () => {
  test("BASIC.BUILDING_RATE: 规模控制率 and 投资概算控制率 against their figures", () => {
    const p = clean();
    // 1300 ÷ 1250 = 104.00%, written 96%; 950 ÷ 1000 = 95.00%, the cell holds 0.9 (90.00%)
    p.basic!.buildings = { approvedArea: 1250, actualArea: 1300, areaRate: "96%", budgetInvestment: 1000, actualInvestment: 950, investmentRate: 0.9 };
    expect(of(p, "BASIC.BUILDING_RATE")).toEqual([
      at("BASIC.BUILDING_RATE", "错误", "D22", "规模控制率填写为 96%，按 楼堂馆所实际规模 ÷ 楼堂馆所批复规模 = 1300.00 ÷ 1250.00 计算应为 104.00%。", "104.00%", "96%"),
      at("BASIC.BUILDING_RATE", "错误", "G22", "投资概算控制率填写为 90.00%，按 楼堂馆所实际投资 ÷ 楼堂馆所预算投资 = 950.00 ÷ 1000.00 计算应为 95.00%。", "95.00%", "90.00%"),
    ]);
  });

  test("BASIC.BUILDING_RATE: 0 and 0 is no project; a 0 on one side only is still checked", () => {
    const p = clean();
    p.basic!.buildings = { approvedArea: 0, actualArea: 0, areaRate: "5%", budgetInvestment: 0, actualInvestment: 0, investmentRate: 0.05 };
    expect(of(p, "BASIC.BUILDING_RATE")).toEqual([]);
    // nothing built against 100 approved: 0 ÷ 100 = 0.00%, not 5%; 0 invested against 200: 0.00%, not 5.00%
    p.basic!.buildings = { approvedArea: 100, actualArea: 0, areaRate: "5%", budgetInvestment: 200, actualInvestment: 0, investmentRate: 0.05 };
    expect(of(p, "BASIC.BUILDING_RATE").map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ["D22", "0.00%", "5%"],
      ["G22", "0.00%", "5.00%"],
    ]);
    // 100 ㎡ built against 0 approved; 100 invested against 0 budgeted: cannot be computed
    p.basic!.buildings = { approvedArea: 0, actualArea: 100, areaRate: "5%", budgetInvestment: 0, actualInvestment: 100, investmentRate: 0.05 };
    expect(of(p, "BASIC.BUILDING_RATE").map((f) => [f.cell, f.message, f.expected])).toEqual([
      ["D22", "规模控制率填写为 5%，但楼堂馆所批复规模为0，无法计算比率。", "无法计算"],
      ["G22", "投资概算控制率填写为 5.00%，但楼堂馆所预算投资为0，无法计算比率。", "无法计算"],
    ]);
  });

  test("BASIC.BUILDING_RATE: a blank figure beside a zero is nothing to check", () => {
    const p = clean();
    p.basic!.buildings = { approvedArea: 1250, actualArea: null, areaRate: "5%", budgetInvestment: null, actualInvestment: 0, investmentRate: "5%" };
    expect(of(p, "BASIC.BUILDING_RATE")).toEqual([]);
  });

  test("BASIC.BUILDING_OVER: actual above approved, each pair; equal or blank is not", () => {
    const p = clean();
    // rates right, so that only BUILDING_OVER speaks: 1300 ÷ 1250 = 104%, 1050 ÷ 1000 = 105%
    p.basic!.buildings = { approvedArea: 1250, actualArea: 1300, areaRate: 1.04, budgetInvestment: 1000, actualInvestment: 1050, investmentRate: 1.05 };
    expect(of(p, "BASIC.BUILDING_OVER")).toEqual([
      at("BASIC.BUILDING_OVER", "警告", "C22", "楼堂馆所实际规模 1300.00 超过楼堂馆所批复规模 1250.00。", "≤ 1250.00", "1300.00"),
      at("BASIC.BUILDING_OVER", "警告", "F22", "楼堂馆所实际投资 1050.00 超过楼堂馆所预算投资 1000.00。", "≤ 1000.00", "1050.00"),
    ]);
    p.basic!.buildings = { approvedArea: 1250, actualArea: 1250, areaRate: 1, budgetInvestment: null, actualInvestment: 1050, investmentRate: null };
    expect(of(p, "BASIC.BUILDING_OVER")).toEqual([]);
    p.basic!.buildings = { approvedArea: null, actualArea: 1300, areaRate: null, budgetInvestment: 1000, actualInvestment: null, investmentRate: null };
    expect(of(p, "BASIC.BUILDING_OVER")).toEqual([]);
  });
});

describe("BASIC.YEAR_HEADERS", () => {
  /** The header cells as the reader gives them (facts.ts readColumnYears). */
  const headerCells: Record<string, string> = { "basic.columnYears.prevFinal": "B4", "basic.columnYears.budget": "D4", "basic.columnYears.final": "F4", "basic.columnYears.staff": "D2" };
  function headers(pkg: Package, columnYears: Record<string, number | null>): Finding[] {
    const template = templateCells(pkg);
    const cellOf = (path: string) => (headerCells[path] ? { sheet: SHEET, cell: headerCells[path] } : template(path));
    return checkPackage({ pkg, cellOf, facts: { basic: { columnYears: columnYears as never } } }).filter((f) => f.rule === "BASIC.YEAR_HEADERS");
  }
  const RIGHT_2025 = "2024年决算数、2025年预算数、2025年决算数";
  const advice = "，请核对表头和数字是否沿用了上年的表。";

  test("last year's headers under this year's title, at the 决算数 header", () => {
    const p = clean();
    p.year = 2025;
    expect(headers(p, { prevFinal: 2023, budget: 2024, final: 2024, staff: 2024 })).toEqual([
      at("BASIC.YEAR_HEADERS", "警告", "F4", `评价年度为2025年，但表头为“2023年决算数、2024年预算数、2024年决算数”，应为“${RIGHT_2025}”${advice}`, RIGHT_2025, "2023年决算数、2024年预算数、2024年决算数"),
    ]);
  });

  test("one header wrong is enough; the right ones are not", () => {
    const p = clean();
    p.year = 2025;
    // only 上年决算数 wrong (2025 where 2024 is due)
    expect(headers(p, { prevFinal: 2025, budget: 2025, final: 2025, staff: null }).map((f) => [f.cell, f.actual])).toEqual([["F4", "2025年决算数、2025年预算数、2025年决算数"]]);
    // only the staff header wrong (it is the evaluation year's)
    expect(headers(p, { prevFinal: 2024, budget: 2025, final: 2025, staff: 2024 }).map((f) => [f.cell, f.actual])).toEqual([["F4", "2024年决算数、2025年预算数、2025年决算数"]]);
    expect(headers(p, { prevFinal: 2024, budget: 2025, final: 2025, staff: 2025 })).toEqual([]);
    expect(headers(p, { prevFinal: null, budget: null, final: null, staff: null })).toEqual([]);
  });

  test("without a 决算数 header the finding is at the first wrong one; with no amount header, the wrong years are named", () => {
    const p = clean();
    p.year = 2025;
    expect(headers(p, { prevFinal: 2023, budget: 2024, final: null, staff: null }).map((f) => [f.cell, f.actual])).toEqual([["B4", "2023年决算数、2024年预算数"]]);
    expect(headers(p, { prevFinal: null, budget: null, final: null, staff: 2024 })).toEqual([
      at("BASIC.YEAR_HEADERS", "警告", "D2", `评价年度为2025年，但表头为“2024年”，应为“${RIGHT_2025}”${advice}`, RIGHT_2025, ""),
    ]);
  });

  test("no 附件1 in the package, or no headers read: nothing", () => {
    const p = clean();
    p.year = 2025;
    expect(headers(p, null as never)).toEqual([]);
    p.basic = null;
    expect(headers(p, { prevFinal: 2023, budget: 2024, final: 2024, staff: 2024 })).toEqual([]);
  });
});

test("a package without 附件1: no BASIC finding, no error", () => {
  const p = clean();
  p.basic = null;
  expect(checkInTemplate(p).filter((f) => f.rule.startsWith("BASIC."))).toEqual([]);
});
