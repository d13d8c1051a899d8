import {
  rate,
  rateNumber,
  executionScoreNumber,
  changeTextNumber,
  gradeNumber,
  type GradeScheme,
  roundRate,
  change,
  changeText,
  share,
  executionScore,
  grade,
  gradeMatches,
  NATIONAL_GRADES,
  SUINING_GRADES,
  type Result,
} from "../../src/core/calc";
import { HUNAN_2024, HUNAN_STEPS, SUINING_2024, presetById, PRESETS } from "../../src/core/preset";
import { D, type Dec, fmtPercent } from "../../src/core/decimal";

const d = (x: string | number): Dec => new D(x);

function value(r: Result<Dec>): Dec {
  if (!r.ok) throw new Error(`expected ok, got failure: ${r.message}`);
  return r.value;
}

function failure(r: Result<Dec>): string {
  expect(r.ok).toBe(false);
  return r.ok ? "" : r.message;
}

describe("rate", () => {
  test("75 ÷ 88 (seed 003 在职人员控制率) is unrounded, shown as 85.23%", () => {
    const r = value(rate(d(75), d(88)));
    // 75 ÷ 88: 88 × 0.85 = 74.8, 0.2 ÷ 88 = 0.00227272… → 0.852 then "27" repeating; not rounded by rate itself
    // but kept to 34 significant digits (D's precision): 852 + 15 × "27" + the 34th digit 2 rounded up by the 7 after it
    expect(r.toString()).toBe(`0.852${"27".repeat(15)}3`);
    expect(r.equals(d("0.8523"))).toBe(false);
    expect(fmtPercent(r)).toBe("85.23%");
  });

  test("10.41 ÷ 60.50 (seed 003 三公经费控制率) → 17.21%, not the stated 17.19%", () => {
    // 60.5 × 0.172 = 10.406; 0.004 ÷ 60.5 = 0.0000661 → 0.1720661
    expect(fmtPercent(value(rate(d("10.41"), d("60.50"))))).toBe("17.21%");
  });

  test("11 ÷ 10 (seed 004 超编) = 1.1", () => {
    expect(value(rate(d(11), d(10))).toString()).toBe("1.1");
  });

  test("a zero denominator is a failure with a message, not 0%", () => {
    expect(failure(rate(d(5), d(0)))).toContain("分母为0");
    expect(rate(d(0), d(0)).ok).toBe(false);
  });

  test("a zero numerator is 0", () => {
    expect(value(rate(d(0), d(8))).isZero()).toBe(true);
  });
});

describe("roundRate", () => {
  test.each([
    ["0.852272727", "0.8523"],
    ["0.17206612", "0.1721"],
    ["0.99875", "0.9988"], // half-up at the 5th decimal
    ["0.99874999", "0.9987"],
    ["1.1", "1.1"],
  ])("roundRate(%s) = %s", (x, expected) => {
    expect(roundRate(d(x)).toString()).toBe(expected);
  });
});

describe("change / changeText", () => {
  test("increase: 350 vs 300 → 增加50.00万元，增长16.67%", () => {
    // 50 ÷ 300 = 0.16666… → 16.67%
    const c = change(d(350), d(300));
    expect(c.kind).toBe("up");
    expect(c.diff.toString()).toBe("50");
    // 50 ÷ 300 = 1/6 = 0.1666…: 34 significant digits, the last 6 rounded up by the 6 after it
    if (c.kind !== "flat") expect(c.rate?.toString()).toBe(`0.1${"6".repeat(32)}7`);
    expect(changeText(d(350), d(300))).toBe("增加50.00万元，增长16.67%");
  });

  test("decrease: 1227.61 vs 1754.34 (seed 004 情况说明) → 减少526.73万元，下降30.02%", () => {
    // 1754.34 − 1227.61 = 526.73; 526.73 ÷ 1754.34: 1754.34 × 0.3 = 526.302, 0.428 ÷ 1754.34 = 0.000244 → 30.0244%
    const c = change(d("1227.61"), d("1754.34"));
    expect(c.kind).toBe("down");
    expect(c.diff.toString()).toBe("-526.73");
    expect(changeText(d("1227.61"), d("1754.34"))).toBe("减少526.73万元，下降30.02%");
  });

  test("equal amounts → 持平", () => {
    const c = change(d("616.51"), d("616.51"));
    expect(c.kind).toBe("flat");
    expect(c.diff.isZero()).toBe(true);
    expect(changeText(d("616.51"), d("616.51"))).toBe("持平");
  });

  test("a difference that rounds to 0.00 → 持平 (either sign)", () => {
    // 100.004 − 100 = 0.004 → 0.00 at 2 decimals
    expect(change(d("100.004"), d(100)).kind).toBe("flat");
    expect(change(d("100.004"), d(100)).diff.isZero()).toBe(true);
    expect(changeText(d("100.004"), d(100))).toBe("持平");
    expect(changeText(d("99.996"), d(100))).toBe("持平");
  });

  test("a difference of 0.005 rounds half-up to 0.01 and is not 持平", () => {
    // 0.005 ÷ 100 = 0.00005 → 0.005% → 0.01%
    expect(changeText(d("100.005"), d(100))).toBe("增加0.01万元，增长0.01%");
  });

  test("previous 0 → 无可比 (rate null), not a division by zero", () => {
    const c = change(d(5), d(0));
    expect(c.kind).toBe("up");
    if (c.kind !== "flat") expect(c.rate).toBeNull();
    expect(changeText(d(5), d(0))).toBe("增加5.00万元（上年为0，无可比）");
  });

  test("the unit can be changed", () => {
    // 12 − 10 = 2; 2 ÷ 10 = 20%
    expect(changeText(d(12), d(10), "㎡")).toBe("增加2.00㎡，增长20.00%");
  });
});

describe("share", () => {
  test("part ÷ total", () => {
    // 1 ÷ 3 = 0.333… → 33.33%
    expect(fmtPercent(value(share(d(1), d(3))))).toBe("33.33%");
    expect(value(share(d("1227.61"), d("1227.61"))).toString()).toBe("1");
    // 95.39 ÷ 100 = 0.9539
    expect(value(share(d("95.39"), d(100))).toString()).toBe("0.9539");
  });

  test("a zero total is a failure", () => {
    expect(failure(share(d(1), d(0)))).toContain("合计为0");
  });
});

describe("executionScore (proportional, the default)", () => {
  test.each([
    // seed 003: 24964.59 × 0.84 = 20970.2556; remainder 1.0844 ÷ 24964.59 ≈ 0.0000434 → 84.00434% × 10 = 8.400434
    ["20971.34", "24964.59", "8.40"],
    // 1 − 1 ÷ 805.82 = 1 − 0.00124097 = 0.99875903 → 9.9875903
    ["804.82", "805.82", "9.99"],
    // 14.98 ÷ 15 = 0.998666… → 9.98666…
    ["14.98", "15", "9.99"],
    // 218.43 × 0.89 = 194.4027; 0.8573 ÷ 218.43 ≈ 0.003925 → 0.893925 → 8.93925
    ["195.26", "218.43", "8.94"],
    // 757.54 × 0.97 = 734.8138; 3.6962 ÷ 757.54 ≈ 0.004879 → 0.974879 → 9.74879
    ["738.51", "757.54", "9.75"],
    // 5 ÷ 265 = 0.0188679… → 0.188679
    ["5", "265", "0.19"],
    // 99.88% (seed 002) → 9.988 → 9.99
    ["998.8", "1000", "9.99"],
    ["84", "100", "8.40"],
    ["0", "100", "0"],
    ["100", "100", "10"],
  ])("%s ÷ %s → %s", (executed, budget, expected) => {
    expect(value(executionScore(d(executed), d(budget))).equals(d(expected))).toBe(true);
  });

  test("over 100% is capped at the weight", () => {
    expect(value(executionScore(d(110), d(100))).toString()).toBe("10");
    expect(value(executionScore(d("24964.60"), d("24964.59"), d(20))).toString()).toBe("20");
  });

  test("the weight is a parameter", () => {
    // 84% × 5 = 4.2
    expect(value(executionScore(d(84), d(100), d(5))).toString()).toBe("4.2");
    // 5 ÷ 265 × 15 = 0.28301… → 0.28
    expect(value(executionScore(d(5), d(265), d(15))).toString()).toBe("0.28");
  });

  test("a zero budget is a failure", () => {
    expect(failure(executionScore(d(5), d(0)))).toContain("全年预算数为0");
  });

  test("negative inputs are a failure", () => {
    expect(failure(executionScore(d(-5), d(100)))).toContain("负数");
    expect(failure(executionScore(d(5), d(-100)))).toContain("负数");
  });

  test("proportional is what the Hunan 2024 preset uses", () => {
    expect(value(executionScore(d("20971.34"), d("24964.59"), d(10), HUNAN_2024.executionScoring)).toString()).toBe("8.4");
  });
});

describe("executionScore (steps: −deduct per full stepPercent short of 100%)", () => {
  const steps = { kind: "steps" as const, stepPercent: 5, deduct: 2 };

  test.each([
    // 7 points short → 1 full step of 5 → 10 − 2
    ["93", "8"],
    // exactly 5 points short is one full step
    ["95", "8"],
    // 4.99 short: no full step
    ["95.01", "10"],
    ["96", "10"],
    ["100", "10"],
    // over 100% is capped at 100%: 0 short
    ["120", "10"],
    // 10 short → 2 steps → 10 − 4
    ["90", "6"],
    // 10.01 short → still 2 full steps
    ["89.99", "6"],
    // 14.99 short → 2 steps; 15 short → 3 steps → 10 − 6
    ["85.01", "6"],
    ["85", "4"],
    // 100 short → 20 steps → 10 − 40, floored at 0
    ["0", "0"],
  ])("%s%% → %s", (pct, expected) => {
    expect(value(executionScore(d(pct), d(100), d(10), steps)).equals(d(expected))).toBe(true);
  });

  test("the HUNAN_STEPS preset deducts 2 per full 5%", () => {
    expect(HUNAN_STEPS.executionScoring).toEqual({ kind: "steps", stepPercent: 5, deduct: 2 });
    // 930 ÷ 1000 = 93% → 8
    expect(value(executionScore(d(930), d(1000), d(10), HUNAN_STEPS.executionScoring)).toString()).toBe("8");
  });

  test("other steps: −0.5 per full 1% short, weight 10", () => {
    // 97.5% → 2.5 short → 2 full steps → 10 − 1 = 9
    const s = { kind: "steps" as const, stepPercent: 1, deduct: 0.5 };
    expect(value(executionScore(d("97.5"), d(100), d(10), s)).toString()).toBe("9");
  });

  test("zero budget and negatives still fail in steps mode", () => {
    expect(executionScore(d(5), d(0), d(10), steps).ok).toBe(false);
    expect(executionScore(d(-5), d(100), d(10), steps).ok).toBe(false);
  });
});

describe("grade", () => {
  test.each([
    ["100", "优"],
    ["90", "优"], // 90(含) is 优 nationally
    ["89.99", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
    ["95.40", "优"], // seed 003 总分
  ])("national: %s → %s", (total, name) => {
    expect(grade(d(total), NATIONAL_GRADES).name).toBe(name);
  });

  test("national is the default scheme", () => {
    expect(grade(d(90)).name).toBe("优");
    expect(grade(d("59.99")).name).toBe("差");
  });

  test.each([
    ["90", "良好"], // 优秀 is strictly above 90 (大于90分)
    ["90.01", "优秀"],
    ["97", "优秀"], // seed 002 总分
    ["80", "良好"],
    ["79.99", "较差"],
    ["60", "较差"],
    ["59.99", "差"],
  ])("Suining: %s → %s", (total, name) => {
    expect(grade(d(total), SUINING_GRADES).name).toBe(name);
  });

  test("presets carry their grade schemes", () => {
    expect(HUNAN_2024.grades).toBe(NATIONAL_GRADES);
    expect(SUINING_2024.grades).toBe(SUINING_GRADES);
    expect(grade(d(90), SUINING_2024.grades).name).toBe("良好");
    expect(presetById("hunan-steps")).toBe(HUNAN_STEPS);
    expect(presetById("nope")).toBeUndefined();
    // One data file each under src/core/presets (docs/presets.md); the default first.
    expect(PRESETS.map((p) => p.id)).toEqual(["hunan-2024", "national-2020", "suining-2024", "hunan-steps", "hubei-2019", "sichuan-2022", "yunnan-2022", "guizhou-2021"]);
  });
});

describe("gradeMatches", () => {
  const liang = grade(d(85), NATIONAL_GRADES);
  const lianghao = grade(d(85), SUINING_GRADES);

  test.each(["良", "良好", "“良”", "\"良\"", "「良好」", " 良 ", "良等"])("national 良 accepts %p", (s) => {
    expect(gradeMatches(s, liang)).toBe(true);
  });

  test.each(["优", "优秀", "中", "差", "", "良好好"])("national 良 rejects %p", (s) => {
    expect(gradeMatches(s, liang)).toBe(false);
  });

  test("Suining 良好 accepts its alias 良", () => {
    expect(gradeMatches("良好", lianghao)).toBe(true);
    expect(gradeMatches("“良”", lianghao)).toBe(true);
    expect(gradeMatches("优秀", lianghao)).toBe(false);
  });

  test("aliases of other bands", () => {
    expect(gradeMatches("优秀", grade(d(95)))).toBe(true);
    expect(gradeMatches("较差", grade(d(10)))).toBe(true);
    expect(gradeMatches("中等", grade(d(70)))).toBe(true);
    expect(gradeMatches("一般", grade(d(70)))).toBe(true);
  });
});

describe("failure messages, word for word", () => {
  test("each failure says what is wrong in Chinese", () => {
    expect(failure(rate(d(5), d(0)))).toBe("分母为0，无法计算比率");
    expect(failure(share(d(1), d(0)))).toBe("合计为0，无法计算占比");
    expect(failure(executionScore(d(5), d(0)))).toBe("全年预算数为0，无法计算执行率得分");
    expect(failure(executionScore(d(-5), d(100)))).toBe("预算数或执行数为负数");
    expect(failure(executionScore(d(5), d(-100)))).toBe("预算数或执行数为负数");
  });
});

describe("change: the rate is |diff| ÷ |previous|", () => {
  test("a decrease has a positive rate", () => {
    // 75 − 100 = −25; 25 ÷ 100 = 0.25
    const c = change(d(75), d(100));
    expect(c).toEqual({ kind: "down", diff: d(-25), rate: d("0.25") });
    expect(changeText(d(75), d(100))).toBe("减少25.00万元，下降25.00%");
  });

  test("a negative previous year: the rate is relative to its size", () => {
    // −5 − (−10) = 5; 5 ÷ |−10| = 0.5
    const c = change(d(-5), d(-10));
    expect(c).toEqual({ kind: "up", diff: d(5), rate: d("0.5") });
    expect(changeText(d(-5), d(-10))).toBe("增加5.00万元，增长50.00%");
  });

  test("a decrease from 0 → 无可比", () => {
    expect(change(d(-5), d(0))).toEqual({ kind: "down", diff: d(-5), rate: null });
    expect(changeText(d(-5), d(0))).toBe("减少5.00万元（上年为0，无可比）");
  });
});

describe("rateNumber: a rate as a cell stores it (4 decimals)", () => {
  test.each<[number, number, number]>([
    [75, 88, 0.8523], // 0.852272… → 0.8523 (seed 003 在职人员控制率)
    [10.41, 60.5, 0.1721], // 0.1720661… → 0.1721 (seed 003 三公经费控制率)
    [11, 10, 1.1], // seed 004 超编
    [1, 8, 0.125], // exactly 4 decimals or fewer: unchanged
    [1, 16, 0.0625],
    [1, -3, -0.3333], // 0.33333… → 0.3333, sign kept
    [0, 8, 0],
    // 9 decimals do not fit the exact path: the decimal path gives 0.123456789 → 0.1235
    [0.123456789, 1, 0.1235],
    // 2 ÷ 0.000000003 = 666666666.666… → 666666666.6667 (decimal path)
    [2, 0.000000003, 666666666.6667],
  ])("rateNumber(%p, %p) = %p", (n, dd, expected) => {
    expect(rateNumber(n, dd)).toBe(expected);
  });

  test("a zero denominator → null, not Infinity or 0", () => {
    expect(rateNumber(5, 0)).toBeNull();
    expect(rateNumber(0, 0)).toBeNull();
    expect(rateNumber(0.123456789, 0)).toBeNull();
  });
});

describe("executionScoreNumber: 执行率得分 for cell numbers", () => {
  test.each<[number, number, number, number]>([
    // 20971.34 ÷ 24964.59 = 0.8400434… × 10 = 8.400434 → 8.40 (seed 003)
    [20971.34, 24964.59, 10, 8.4],
    // 804.82 ÷ 805.82 = 0.99875903… × 10 → 9.99 (seed 002)
    [804.82, 805.82, 10, 9.99],
    // 5 ÷ 265 × 15 = 0.28301… → 0.28
    [5, 265, 15, 0.28],
    // 84 ÷ 100 × 5 = 4.2
    [84, 100, 5, 4.2],
    [0, 100, 10, 0],
    // executed = budget: the full weight, rounded half-up to 2 decimals: 12.345 → 12.35
    [100, 100, 12.345, 12.35],
    [100, 100, 10, 10],
    // over 100% is capped at the weight
    [110, 100, 10, 10],
    [24964.6, 24964.59, 20, 20],
    [150, 100, 12.345, 12.35],
    // a weight of 9 decimals takes the decimal path: 0.5 × 10.123456789 = 5.0617283945 → 5.06
    [50, 100, 10.123456789, 5.06],
    [150, 100, 10.123456789, 10.12], // capped: 10.123456789 → 10.12
    // 1 ÷ 3 × 10.000000001 = 3.3333333336… → 3.33
    [1, 3, 10.000000001, 3.33],
  ])("executionScoreNumber(%p, %p, weight %p) = %p", (executed, budget, weight, expected) => {
    expect(executionScoreNumber(executed, budget, weight)).toBe(expected);
  });

  test.each<[number, number]>([
    [5, 0], // budget 0
    [0, 0],
    [5, -100], // negative budget
    [0, -100],
    [-5, 100], // negative executed
    [-0.01, 100],
  ])("executionScoreNumber(%p, %p) → null", (executed, budget) => {
    expect(executionScoreNumber(executed, budget, 10)).toBeNull();
  });
});

describe("changeTextNumber: changeText for cell numbers", () => {
  test.each<[number, number, string]>([
    // 50 ÷ 300 = 0.1666… → 16.67%
    [350, 300, "增加50.00万元，增长16.67%"],
    // 1754.34 − 1227.61 = 526.73; 526.73 ÷ 1754.34 = 0.300244… → 30.02% (seed 004)
    [1227.61, 1754.34, "减少526.73万元，下降30.02%"],
    [616.51, 616.51, "持平"],
    // 0.004 → 0.00: 持平 either way
    [100.004, 100, "持平"],
    [99.996, 100, "持平"],
    // 0.005 → 0.01; 0.005 ÷ 100 = 0.005% → 0.01%
    [100.005, 100, "增加0.01万元，增长0.01%"],
    [99.995, 100, "减少0.01万元，下降0.01%"],
    // −5 − (−10) = 5; 5 ÷ |−10| = 50%
    [-5, -10, "增加5.00万元，增长50.00%"],
    // −15 − (−10) = −5; 5 ÷ 10 = 50%
    [-15, -10, "减少5.00万元，下降50.00%"],
    [5, 0, "增加5.00万元（上年为0，无可比）"],
    [-5, 0, "减少5.00万元（上年为0，无可比）"],
    // 0.125 → 0.13 (half-up); 0.125 ÷ 1 = 12.5%
    [1.125, 1, "增加0.13万元，增长12.50%"],
  ])("changeTextNumber(%p, %p) = %p", (current, previous, text) => {
    expect(changeTextNumber(current, previous)).toBe(text);
  });

  test("the unit can be changed", () => {
    // 12 − 10 = 2; 2 ÷ 10 = 20%
    expect(changeTextNumber(12, 10, "㎡")).toBe("增加2.00㎡，增长20.00%");
  });

  test("null when the figures do not fit (the caller takes the decimal path)", () => {
    expect(changeTextNumber(1e-9, 0)).toBeNull(); // 9 decimals
    expect(changeTextNumber(1, 1e-9)).toBeNull();
    // 999999999999.99 ÷ 0.01 × 100 has 20 digits: the percentage does not fit
    expect(changeTextNumber(1e12, 0.01)).toBeNull();
    // 9999999999999 − (−9999999999999) = 19999999999998: 16 digits in hundredths, beyond the exact path
    expect(changeTextNumber(9999999999999, -9999999999999)).toBeNull();
  });
});

describe("gradeNumber: grade for cell numbers", () => {
  test.each<[number, string]>([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("national: %p → %s", (total, name) => {
    expect(gradeNumber(total, NATIONAL_GRADES).name).toBe(name);
    expect(gradeNumber(total).name).toBe(name); // national is the default
  });

  test.each<[number, string]>([
    [90, "良好"], // 大于90分 is 优秀: 90 itself is not
    [90.01, "优秀"],
    [80, "良好"],
    [79.99, "较差"],
    [60, "较差"],
    [59.99, "差"],
  ])("Suining: %p → %s", (total, name) => {
    expect(gradeNumber(total, SUINING_GRADES).name).toBe(name);
  });
});

describe("a scheme whose lowest band has a minimum", () => {
  // Every band with a minimum: a total below them all still gets the lowest band, never undefined.
  const passFail: GradeScheme = {
    id: "pass-fail",
    label: "合格（60分及以上）",
    bands: [
      { name: "合格", aliases: [], min: 60 },
      { name: "不合格", aliases: [], min: 0 },
    ],
  };

  test.each<[number, string]>([
    [60, "合格"],
    [59.99, "不合格"],
    [0, "不合格"],
    [-1, "不合格"],
  ])("%p → %s", (total, name) => {
    expect(grade(d(total), passFail).name).toBe(name);
    expect(gradeNumber(total, passFail).name).toBe(name);
  });
});

describe("gradeMatches: quotes, spaces and 等/级 are ignored", () => {
  const liang = NATIONAL_GRADES.bands[1];
  test.each(["'良'", "‘良’", "良级", "\t良\n", "「良」等级"])("%p names 良", (s) => {
    expect(gradeMatches(s, liang)).toBe(true);
  });
});

describe("the grade schemes, as the forms state them", () => {
  test("national (财预〔2020〕10号)", () => {
    expect(NATIONAL_GRADES).toEqual({
      id: "national",
      label: "全国通用（90分及以上为优）",
      bands: [
        { name: "优", aliases: ["优秀"], min: 90 },
        { name: "良", aliases: ["良好"], min: 80 },
        { name: "中", aliases: ["中等", "一般"], min: 60 },
        { name: "差", aliases: ["较差"], min: null },
      ],
    });
  });

  test("Suining 2024 (seed 002: 优秀 大于90分)", () => {
    expect(SUINING_GRADES).toEqual({
      id: "suining-2024",
      label: "绥宁县2024年说明（大于90分为优秀）",
      bands: [
        { name: "优秀", aliases: ["优"], min: 90, exclusive: true },
        { name: "良好", aliases: ["良"], min: 80 },
        { name: "较差", aliases: ["中"], min: 60 },
        { name: "差", aliases: [], min: null },
      ],
    });
  });

  test("each alias of the Suining scheme names its band", () => {
    expect(gradeMatches("优", grade(d(95), SUINING_GRADES))).toBe(true);
    expect(gradeMatches("中", grade(d(70), SUINING_GRADES))).toBe(true);
    expect(gradeMatches("中", grade(d(70), NATIONAL_GRADES))).toBe(true);
    expect(gradeMatches("较差", grade(d(70), SUINING_GRADES))).toBe(true);
    expect(gradeMatches("较差", grade(d(70), NATIONAL_GRADES))).toBe(false); // nationally 较差 is 差
  });
});
