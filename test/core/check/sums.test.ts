/**
 * checkSum (src/core/check/rules/sums.ts) through the rules that use it: a total against its parts, the 尾数差
 * tolerance (SUM.ROUNDING), the 其中 rows that may not exceed their total (BASIC.PUBLIC_SUBSET).
 * Every finding is asserted whole, at the model path of the figure it points at (test/helpers/findingsByPath.ts).
 */
import { HUNAN_2024, type Finding, type Package } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";
import { at, findingsByPath } from "../../helpers/findingsByPath";

/** The rules whose figures checkSum compares, and the 尾数差 it hands to SUM.ROUNDING. */
const SUM_RULES = ["BASIC.SANGONG_SUM", "BASIC.VEHICLE_SUM", "BASIC.PROJECT_SUM", "BASIC.SPECIAL_SUM", "BASIC.PUBLIC_SUBSET", "EVAL.INCOME_SUM", "PROJECT.FUND_SUM", "SUM.ROUNDING"];

function sums(pkg: Package, preset = HUNAN_2024): Finding[] {
  return findingsByPath(pkg, SUM_RULES, {}, preset);
}

test("the hand-made package has no sum finding", () => {
  expect(sums(clean())).toEqual([]);
});

describe("a total against its parts", () => {
  test("a total above its parts: the parts by name without the column, their figures and the difference", () => {
    const p = clean();
    p.basic!.sangong.final = 3.6; // parts 2 + 0.5 + 1 = 3.5; 3.6 − 3.5 = 0.1
    expect(sums(p)).toEqual([
      at("basic.sangong.final", "BASIC.SANGONG_SUM", "错误", "三公经费（2024年决算数）为 3.60，但分项之和为 3.50（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.00 + 0.50 + 1.00 = 3.50），相差 0.10。", "3.50", "3.60"),
    ]);
  });

  test("a total below its parts, in the 预算数 column: the difference is said as a positive figure", () => {
    const p = clean();
    p.basic!.sangong.budget = 3.8; // parts 2.5 + 0.5 + 1 = 4; 3.8 − 4 = −0.2
    expect(sums(p)).toEqual([
      at("basic.sangong.budget", "BASIC.SANGONG_SUM", "错误", "三公经费（2024年预算数）为 3.80，但分项之和为 4.00（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.50 + 0.50 + 1.00 = 4.00），相差 0.20。", "4.00", "3.80"),
    ]);
  });

  test("the 上年决算数 column (2023年决算数), two parts", () => {
    const p = clean();
    p.basic!.vehiclePurchase.prevFinal = 0.5; // 0.5 + 2 = 2.5 against 2; the 三公经费 total reads 2 + 0 + 1 = 3 as before
    expect(sums(p)).toEqual([
      at("basic.vehicle.prevFinal", "BASIC.VEHICLE_SUM", "错误", "公务用车购置和维护经费（2023年决算数）为 2.00，但分项之和为 2.50（公车购置 + 公车运行维护 = 0.50 + 2.00 = 2.50），相差 0.50。", "2.50", "2.00"),
    ]);
  });

  test("a blank part counts as 0 while another part is filled", () => {
    const p = clean();
    p.basic!.overseas.final = null; // 2 + 0 + 1 = 3 against 3.5
    expect(sums(p)).toEqual([
      at("basic.sangong.final", "BASIC.SANGONG_SUM", "错误", "三公经费（2024年决算数）为 3.50，但分项之和为 3.00（公务用车购置和维护经费 + 出国经费 + 公务接待 = 2.00 + 0.00 + 1.00 = 3.00），相差 0.50。", "3.00", "3.50"),
    ]);
  });

  test("nothing is said when the total is blank, when every part is blank, or when a part is not a number", () => {
    const blankTotal = clean();
    blankTotal.basic!.sangong.final = null; // parts 2 + 0.5 + 1 filled
    expect(sums(blankTotal)).toEqual([]);

    const blankParts = clean();
    blankParts.basic!.sangong.final = 3.5; // filled, its three parts all blank
    blankParts.basic!.vehicle.final = null;
    blankParts.basic!.vehiclePurchase.final = null;
    blankParts.basic!.vehicleOperation.final = null;
    blankParts.basic!.overseas.final = null;
    blankParts.basic!.reception.final = null;
    expect(sums(blankParts)).toEqual([]);

    const text = clean();
    text.basic!.overseas.final = "五千"; // INPUT.NOT_NUMBER says so; 2 + ? + 1 is not compared with 3.5
    expect(sums(text)).toEqual([]);
  });

  test("totals and parts are compared at 2 decimals: 3.504 is 3.50", () => {
    const p = clean();
    p.basic!.sangong.final = 3.504; // round(3.504, 2) = 3.50 = 2 + 0.5 + 1
    expect(sums(p)).toEqual([]);
  });

  test("the 专项资金 row against its items, named by the item's name", () => {
    const p = clean();
    p.basic!.special = { prevFinal: null, budget: null, final: 20 };
    p.basic!.specialFunds = [
      { name: "乡村振兴", prevFinal: null, budget: null, final: 12 },
      { name: "", prevFinal: null, budget: null, final: 7.5 },
    ];
    p.basic!.project.final = 130; // 45 + 65 + 20
    // 12 + 7.5 = 19.5 against 20
    expect(sums(p)).toEqual([
      at("basic.special.final", "BASIC.SPECIAL_SUM", "错误", "专项资金（2024年决算数）为 20.00，但分项之和为 19.50（专项资金「乡村振兴」 + 专项资金「第2个专项」 = 12.00 + 7.50 = 19.50），相差 0.50。", "19.50", "20.00"),
    ]);
  });

  test("only the column is taken off a part's name: a 专项 named with a year in brackets keeps its name", () => {
    const p = clean();
    p.basic!.special = { prevFinal: null, budget: null, final: 20 };
    p.basic!.specialFunds = [{ name: "结转（2023年预算数）", prevFinal: null, budget: null, final: 19 }];
    p.basic!.project.final = 130; // 45 + 65 + 20
    expect(sums(p)).toEqual([
      at("basic.special.final", "BASIC.SPECIAL_SUM", "错误", "专项资金（2024年决算数）为 20.00，但分项之和为 19.00（专项资金「结转（2023年预算数）」 = 19.00 = 19.00），相差 1.00。", "19.00", "20.00"),
    ]);
  });

  test("附件3: 年度资金总额 against 当年财政拨款 + 上年结转金额 + 其它资金, labels without a year column", () => {
    const p = clean();
    p.projects[0].funds.current.executed = 56.5; // 56.5 + 0 + 0 against 57
    expect(sums(p)).toEqual([
      at(
        "projects.0.funds.total.executed",
        "PROJECT.FUND_SUM",
        "错误",
        "项目「信息化运维」年度资金总额全年执行数为 57.00，但分项之和为 56.50（项目「信息化运维」当年财政拨款全年执行数 + 项目「信息化运维」上年结转金额全年执行数 + 项目「信息化运维」其它资金全年执行数 = 56.50 + 0.00 + 0.00 = 56.50），相差 0.50。",
        "56.50",
        "57.00",
      ),
    ]);
  });
});

describe("the 尾数差 tolerance (0.01 万元)", () => {
  test("exactly 0.01 above the parts is a 尾数差: SUM.ROUNDING, 提示, and no error", () => {
    const p = clean();
    p.basic!.project.final = 110.01; // 45 + 65 + 0 = 110; 110.01 − 110 = 0.01
    expect(sums(p)).toEqual([
      at("basic.project.final", "SUM.ROUNDING", "提示", "项目支出（2024年决算数）为 110.01，分项之和为 110.00（业务工作经费 + 运行维护经费 + 专项资金 = 45.00 + 65.00 + 0.00 = 110.00），相差 0.01，属尾数差。", "110.00", "110.01"),
    ]);
  });

  test("exactly 0.01 below the parts is a 尾数差 too", () => {
    const p = clean();
    p.basic!.project.budget = 119.99; // 50 + 70 + 0 = 120; 119.99 − 120 = −0.01
    expect(sums(p)).toEqual([
      at("basic.project.budget", "SUM.ROUNDING", "提示", "项目支出（2024年预算数）为 119.99，分项之和为 120.00（业务工作经费 + 运行维护经费 + 专项资金 = 50.00 + 70.00 + 0.00 = 120.00），相差 0.01，属尾数差。", "120.00", "119.99"),
    ]);
  });

  test("0.02 is beyond the tolerance: an error of the sum rule", () => {
    const p = clean();
    p.basic!.project.final = 110.02; // 110.02 − 110 = 0.02 > 0.01
    expect(sums(p)).toEqual([
      at("basic.project.final", "BASIC.PROJECT_SUM", "错误", "项目支出（2024年决算数）为 110.02，但分项之和为 110.00（业务工作经费 + 运行维护经费 + 专项资金 = 45.00 + 65.00 + 0.00 = 110.00），相差 0.02。", "110.00", "110.02"),
    ]);
  });

  test("the tolerance is the preset's", () => {
    const p = clean();
    p.basic!.project.final = 110.02; // 0.02 ≤ a tolerance of 0.05
    const loose = { ...HUNAN_2024, tolerances: { ...HUNAN_2024.tolerances, roundingDiff: 0.05 } };
    expect(sums(p, loose)).toEqual([
      at("basic.project.final", "SUM.ROUNDING", "提示", "项目支出（2024年决算数）为 110.02，分项之和为 110.00（业务工作经费 + 运行维护经费 + 专项资金 = 45.00 + 65.00 + 0.00 = 110.00），相差 0.02，属尾数差。", "110.00", "110.02"),
    ]);
  });
});

describe("其中 rows: parts that are some of the total (BASIC.PUBLIC_SUBSET)", () => {
  test("a total below its 其中 rows", () => {
    const p = clean();
    p.basic!.publicFunds.final = 17.9; // 11 + 5.5 + 1.5 = 18 > 17.9
    expect(sums(p)).toEqual([
      at("basic.publicFunds.final", "BASIC.PUBLIC_SUBSET", "错误", "公用经费（2024年决算数）为 17.90，小于其中所列分项之和：办公经费 + 水费、电费、差旅费 + 会议费、培训费 = 11.00 + 5.50 + 1.50 = 18.00。分项是它的一部分，不应超过它。", "≥ 18.00", "17.90"),
    ]);
  });

  test("0.01 below its 其中 rows is still an error (no 尾数差 for a part of a total), and equal is fine", () => {
    const p = clean();
    p.basic!.publicFunds.prevFinal = 15.99; // 10 + 5 + 1 = 16 > 15.99
    p.basic!.publicFunds.budget = 20; // 12 + 6 + 2 = 20: equal
    expect(sums(p)).toEqual([
      at("basic.publicFunds.prevFinal", "BASIC.PUBLIC_SUBSET", "错误", "公用经费（2023年决算数）为 15.99，小于其中所列分项之和：办公经费 + 水费、电费、差旅费 + 会议费、培训费 = 10.00 + 5.00 + 1.00 = 16.00。分项是它的一部分，不应超过它。", "≥ 16.00", "15.99"),
    ]);
  });
});
