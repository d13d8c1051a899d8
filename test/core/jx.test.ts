/**
 * Every JX function through callJx, with the seed figures typed by hand and the expected values
 * worked out by hand (the arithmetic is in the comments). Figures are given both as numbers (the
 * fast path) and as the text an accountant types (the decimal path): both must give the same result.
 */
import { callJx, isJxError, JX_FUNCTIONS, jxPreset, setJxPreset, type JxErrorCode, type JxResult } from "../../src/core/jx";
import { HUNAN_2024, HUNAN_STEPS, SUINING_2024 } from "../../src/core/preset";

afterEach(() => setJxPreset(HUNAN_2024));

/** Numbers as text, ranges cell by cell: what the same figures look like typed into text cells. */
function asText(v: unknown): unknown {
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(asText);
  return v;
}

/** The result for the arguments as given and for the same figures as text. */
function both(id: string, args: unknown[]): [JxResult, JxResult] {
  return [callJx(id, args), callJx(id, args.map(asText))];
}

function expectBoth(id: string, args: unknown[], expected: number | string): void {
  const [asNumbers, asTexts] = both(id, args);
  expect(asNumbers).toBe(expected);
  expect(asTexts).toBe(expected);
}

function expectError(r: JxResult, code: JxErrorCode, ...words: string[]): void {
  expect(isJxError(r)).toBe(true);
  if (!isJxError(r)) return;
  expect(r.jxError).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  for (const w of words) expect(r.message).toContain(w);
}

describe("JX.RATE", () => {
  test("75 ÷ 88 = 0.852272… → 0.8523 (85.23%, seed 003 在职人员控制率)", () => {
    expectBoth("RATE", [75, 88], 0.8523);
  });

  test("10.41 ÷ 60.5 → 0.1721 (seed 003 三公经费控制率: stated 17.19%, computed 17.21%)", () => {
    // 60.5 × 0.172 = 10.406; 0.004 ÷ 60.5 = 0.0000661 → 0.1720661 → 0.1721
    expectBoth("RATE", [10.41, 60.5], 0.1721);
  });

  test("11 ÷ 10 → 1.1 (110.00%, seed 004 超编)", () => {
    expectBoth("RATE", [11, 10], 1.1);
  });

  test("seed 004 执行率: 99.87%, 89.39%, 97.49%, 1.89%", () => {
    // 14.98 ÷ 15 = 0.998666… → 0.9987
    expectBoth("RATE", [14.98, 15], 0.9987);
    // 195.26 ÷ 218.43: 218.43 × 0.89 = 194.4027; 0.8573 ÷ 218.43 = 0.003925 → 0.893925 → 0.8939
    expectBoth("RATE", [195.26, 218.43], 0.8939);
    // 738.51 ÷ 757.54: 757.54 × 0.97 = 734.8138; 3.6962 ÷ 757.54 = 0.004879 → 0.974879 → 0.9749
    expectBoth("RATE", [738.51, 757.54], 0.9749);
    // 5 ÷ 265 = 0.0188679… → 0.0189
    expectBoth("RATE", [5, 265], 0.0189);
  });

  test("half-up at the 5th decimal: 1 ÷ 8 = 0.125 exactly → 0.125; 0.99875 → 0.9988", () => {
    expectBoth("RATE", [1, 8], 0.125);
    expectBoth("RATE", [0.99875, 1], 0.9988);
    expectBoth("RATE", [-0.99875, 1], -0.9988); // away from zero
  });

  test("1×1 ranges are single values; full-width and grouped text parse", () => {
    expect(callJx("RATE", [[[75]], [[88]]])).toBe(0.8523);
    expect(callJx("RATE", ["７５", "８８"])).toBe(0.8523);
    expect(callJx("RATE", ["1,227.61", "1227.61"])).toBe(1);
  });

  test("errors: zero denominator #DIV/0!, blank #N/A, text and ranges #VALUE!, each naming the parameter", () => {
    expectError(callJx("RATE", [75, 0]), "divisionByZero", "分母", "0");
    expectError(callJx("RATE", ["75", "0"]), "divisionByZero", "分母", "0");
    expectError(callJx("RATE", [75, null]), "notAvailable", "分母", "空");
    expectError(callJx("RATE", ["", 88]), "notAvailable", "分子", "空");
    expectError(callJx("RATE", ["××", 88]), "invalidValue", "分子", "××", "占位符");
    expectError(callJx("RATE", [75, "八十八"]), "invalidValue", "分母", "八十八");
    expectError(callJx("RATE", [[[1, 2]], 3]), "invalidValue", "分子", "区域");
    expectError(callJx("RATE", [true, 3]), "invalidValue", "分子", "逻辑值");
  });

  test("a quotient beyond the range of a double is an error, not Infinity (found by the fuzz)", () => {
    expectError(callJx("RATE", [1e308, 1e-9]), "invalidNumber", "超出");
    expectError(callJx("RATE", [1, 5e-324]), "invalidNumber", "超出");
  });
});

describe("JX.EXECSCORE: min(B ÷ A, 1) × 分值, half-up to 2 decimals", () => {
  test("seed 003: 20971.34 ÷ 24964.59 = 84.00% → 8.4", () => {
    // 24964.59 × 0.84 = 20970.2556; 1.0844 ÷ 24964.59 = 0.0000434 → 0.8400434 × 10 = 8.400434 → 8.40
    expectBoth("EXECSCORE", [20971.34, 24964.59, 10], 8.4);
  });

  test("seed 002: 804.82 ÷ 805.82 = 99.88% → 9.99 (the form says 9), default weight 10", () => {
    // 1 − 1 ÷ 805.82 = 1 − 0.00124097 = 0.99875903 × 10 = 9.9875903 → 9.99
    expectBoth("EXECSCORE", [804.82, 805.82], 9.99);
    expect(callJx("EXECSCORE", [804.82, 805.82, null])).toBe(9.99);
    expect(callJx("EXECSCORE", [804.82, 805.82, ""])).toBe(9.99); // a blank weight cell is the default too
  });

  test("seed 004 projects: 9.99, 8.94, 9.75, 0.19 (the form says 9.90, 8.90, 9.70, 0.10)", () => {
    // 14.98 ÷ 15 = 0.998666… × 10 = 9.98666 → 9.99
    expectBoth("EXECSCORE", [14.98, 15, 10], 9.99);
    // 195.26 ÷ 218.43 = 0.893925 × 10 = 8.93925 → 8.94
    expectBoth("EXECSCORE", [195.26, 218.43], 8.94);
    // 738.51 ÷ 757.54 = 0.974879 × 10 = 9.74879 → 9.75
    expectBoth("EXECSCORE", [738.51, 757.54], 9.75);
    // 5 ÷ 265 = 0.0188679 × 10 = 0.188679 → 0.19
    expectBoth("EXECSCORE", [5, 265], 0.19);
  });

  test("over-execution is capped at 100%; other weights", () => {
    expectBoth("EXECSCORE", [110, 100, 10], 10);
    // 84 ÷ 100 × 20 = 16.8
    expectBoth("EXECSCORE", [84, 100, 20], 16.8);
    // 1 ÷ 3 × 10 = 3.333… → 3.33; 2 ÷ 3 × 10 = 6.666… → 6.67
    expectBoth("EXECSCORE", [1, 3, 10], 3.33);
    expectBoth("EXECSCORE", [2, 3, 10], 6.67);
    // 1 ÷ 8 × 1 = 0.125 → 0.13 (half-up)
    expectBoth("EXECSCORE", [1, 8, 1], 0.13);
  });

  test("errors: zero budget #DIV/0!, negatives and text #VALUE!", () => {
    expectError(callJx("EXECSCORE", [5, 0, 10]), "divisionByZero", "全年预算数", "0");
    expectError(callJx("EXECSCORE", [-5, 100, 10]), "invalidValue", "负数");
    expectError(callJx("EXECSCORE", [5, -100, 10]), "invalidValue", "负数");
    expectError(callJx("EXECSCORE", ["abc", 100]), "invalidValue", "全年执行数");
    expectError(callJx("EXECSCORE", [5, null]), "notAvailable", "全年预算数");
    expectError(callJx("EXECSCORE", [5, 100, "××"]), "invalidValue", "分值", "占位符");
  });

  test("the shared-runtime preset: HUNAN_STEPS deducts 2 per full 5% short, then back to the default", () => {
    expect(jxPreset()).toBe(HUNAN_2024);
    setJxPreset(HUNAN_STEPS);
    expect(jxPreset()).toBe(HUNAN_STEPS);
    // 84% → 16 points short → 3 full steps of 5 → 10 − 3 × 2 = 4
    expectBoth("EXECSCORE", [84, 100, 10], 4);
    // seed 003: 84.00434% → 15.99566 short → 3 steps → 4 (proportional: 8.4)
    expectBoth("EXECSCORE", [20971.34, 24964.59, 10], 4);
    // 99.88% → 0.12 short → 0 steps → 10
    expectBoth("EXECSCORE", [804.82, 805.82], 10);
    // 1% → 99 short → 19 steps → 10 − 38 < 0 → 0
    expectBoth("EXECSCORE", [1, 100, 10], 0);
    setJxPreset(HUNAN_2024);
    expectBoth("EXECSCORE", [84, 100, 10], 8.4);
  });
});

describe("JX.CHANGE and JX.CHANGETEXT", () => {
  test("707.43 vs 664.43: +43.00, 43 ÷ 664.43 = 6.47%", () => {
    // 664.43 × 0.0647 = 42.988621; 0.011379 ÷ 664.43 = 0.0000171 → 0.0647171 → 0.0647 (6.47%, not 6.48%:
    // 664.43 × 0.0648 = 43.055 > 43)
    expectBoth("CHANGE", [707.43, 664.43], 0.0647);
    expectBoth("CHANGETEXT", [707.43, 664.43], "增加43.00万元，增长6.47%");
  });

  test("seed 000: 3155.84 vs 2963.80 → 增加192.04万元，增长6.48%", () => {
    // 3155.84 − 192.04 = 2963.80; 2963.8 × 0.0647 = 191.75786; 0.28214 ÷ 2963.8 = 0.0000952 → 0.0647952 → 6.48%
    expectBoth("CHANGE", [3155.84, 2963.8], 0.0648);
    expectBoth("CHANGETEXT", [3155.84, 2963.8], "增加192.04万元，增长6.48%");
  });

  test("seed 004 情况说明: 1227.61 vs 1754.34 → 减少526.73万元, −30.02%", () => {
    // 1754.34 − 1227.61 = 526.73; 1754.34 × 0.3 = 526.302; 0.428 ÷ 1754.34 = 0.000244 → 0.300244 → 0.3002
    expectBoth("CHANGE", [1227.61, 1754.34], -0.3002);
    expectBoth("CHANGETEXT", [1227.61, 1754.34], "减少526.73万元，下降30.02%");
  });

  test("equal → 0 and 持平; a negative base divides by its absolute value", () => {
    expectBoth("CHANGE", [616.51, 616.51], 0);
    expectBoth("CHANGETEXT", [616.51, 616.51], "持平");
    // (−5 − (−10)) ÷ |−10| = 0.5
    expectBoth("CHANGE", [-5, -10], 0.5);
  });

  test("a zero base: CHANGE is #N/A (无可比), CHANGETEXT says so in words", () => {
    expectError(callJx("CHANGE", [5, 0]), "notAvailable", "上期数", "无可比");
    expectError(callJx("CHANGE", ["5", "0"]), "notAvailable", "上期数", "无可比");
    expectBoth("CHANGETEXT", [5, 0], "增加5.00万元（上年为0，无可比）");
  });

  test("bad input names the parameter", () => {
    expectError(callJx("CHANGE", ["abc", 5]), "invalidValue", "本期数");
    expectError(callJx("CHANGETEXT", [5, "××"]), "invalidValue", "上期数", "占位符");
    expectError(callJx("CHANGETEXT", [null, 5]), "notAvailable", "本期数");
  });
});

describe("JX.SHARE", () => {
  test("210.55 of 616.51 → 0.3415; the whole → 1", () => {
    // 616.51 × 0.3415 = 210.538165; 0.011835 ÷ 616.51 = 0.0000192 → 0.3415192 → 0.3415
    expectBoth("SHARE", [210.55, 616.51], 0.3415);
    expectBoth("SHARE", [1227.61, 1227.61], 1);
  });

  test("a zero total is #DIV/0! naming 合计", () => {
    expectError(callJx("SHARE", [1, 0]), "divisionByZero", "合计");
    expectError(callJx("SHARE", ["1", "0"]), "divisionByZero", "合计");
    expectError(callJx("SHARE", ["一", 5]), "invalidValue", "部分");
  });
});

describe("JX.SCORE: suggested indicator score", () => {
  test("≥90% with 87.18% done, 分值 5 → 5 × 0.8718 ÷ 0.9 = 4.8433… → 4.84", () => {
    expectBoth("SCORE", ["≥90%", "87.18%", 5], 4.84);
  });

  test("met → full 分值; ≤ exceeded → 分值 × target ÷ actual", () => {
    expectBoth("SCORE", ["≥90%", "95%", 5], 5);
    expectBoth("SCORE", ["≤24小时", "20小时", 5], 5);
    // 5 × 24 ÷ 30 = 4
    expectBoth("SCORE", ["≤24小时", "30小时", 5], 4);
    // 4次/年 done 3 times: 10 × 3 ÷ 4 = 7.5
    expectBoth("SCORE", ["4次/年", "3次", 10], 7.5);
  });

  test("numbers as target and actual: = missed is treated as ≥", () => {
    // 5 × 0.8718 ÷ 0.9 = 4.84
    expectBoth("SCORE", [0.9, 0.8718, 5], 4.84);
  });

  test("qualitative targets → 需人工评分", () => {
    expectBoth("SCORE", ["稳步提升", "稳步提升", 10], "需人工评分");
    expectBoth("SCORE", ["≥90%", "", 10], "需人工评分");
  });

  test("issue 9: the optional 三级指标 name decides the direction of a target without an operator", () => {
    // 三公经费控制率 printed "100%", actual 85%: ≤ inferred, met → 10; without the name = missed → ≥: 10 × 0.85 = 8.5
    expectBoth("SCORE", ["100%", "85%", 10, "三公经费控制率"], 10);
    expectBoth("SCORE", ["100%", "85%", 10], 8.5);
    // 政策知晓率 ═ 100 % (box-drawing =), actual 98%: 10 × 0.98 ÷ 1 = 9.8
    expectBoth("SCORE", ["═ 100 %", "98%", 10, "政策知晓率"], 9.8);
    expectError(callJx("SCORE", ["100%", "85%", 10, true]), "invalidValue", "三级指标");
  });

  test("issue 9: deadlines — kept → full 分值, missed → 需人工评分", () => {
    expectBoth("SCORE", ["2019年", "2019年", 15], 15);
    expectBoth("SCORE", ["2019年", "2020年", 20], "需人工评分");
  });

  test("bad 分值 or inputs → errors naming the parameter", () => {
    expectError(callJx("SCORE", ["≥90%", "87.18%", -5]), "invalidValue", "分值", "负");
    expectError(callJx("SCORE", ["≥90%", "87.18%", null]), "notAvailable", "分值");
    expectError(callJx("SCORE", [true, "87.18%", 5]), "invalidValue", "年度指标值");
    expectError(callJx("SCORE", ["≥90%", [[1, 2]], 5]), "invalidValue", "实际完成值", "区域");
  });
});

describe("JX.GRADE", () => {
  test("by the preset's scheme (national): 95.4 → 优, band edges", () => {
    expectBoth("GRADE", [95.4], "优"); // seed 003 总分 95.40
    expectBoth("GRADE", [97], "优"); // seed 002
    expectBoth("GRADE", [90], "优");
    expectBoth("GRADE", [89.99], "良");
    expectBoth("GRADE", [80], "良");
    expectBoth("GRADE", [60], "中");
    expectBoth("GRADE", [59.99], "差");
    expect(callJx("GRADE", [95.4, ""])).toBe("优");
  });

  test("a named scheme: suining-2024 needs more than 90 for 优秀", () => {
    expectBoth("GRADE", [90, "suining-2024"], "良好");
    expectBoth("GRADE", [90.01, "suining-2024"], "优秀");
    expectBoth("GRADE", [60, "suining-2024"], "较差");
    expect(callJx("GRADE", [95.4, " national "])).toBe("优");
    expect(callJx("GRADE", [90, "hunan-steps"])).toBe("优"); // a preset id names its scheme
  });

  test("the preset set in the shared runtime decides the default scheme", () => {
    setJxPreset(SUINING_2024);
    expect(callJx("GRADE", [90])).toBe("良好");
    expect(callJx("GRADE", ["90"])).toBe("良好");
  });

  test("an unknown scheme is #VALUE! listing the schemes (each once)", () => {
    const r = callJx("GRADE", [95.4, "nope"]);
    expectError(r, "invalidValue", "nope", "national", "suining-2024");
    if (isJxError(r)) expect(r.message.match(/national/g)).toHaveLength(1);
    expectError(callJx("GRADE", [null]), "notAvailable", "总分");
    expectError(callJx("GRADE", ["××分"]), "invalidValue", "总分", "占位符");
  });
});

describe("JX.SUMCHECK", () => {
  test("seed 003 项目支出: 86.56 + 18172.46 = 18259.02 vs 18259.03 → 尾数差 0.01", () => {
    expectBoth("SUMCHECK", [18259.03, 86.56, 18172.46], "尾数差 0.01");
  });

  test("seed 003 按收入性质分: 24876.65 + 87.94 = 24964.59 → ✓ against 全年预算数, 差 3993.25 against 全年执行数", () => {
    expectBoth("SUMCHECK", [24964.59, 24876.65, 87.94], "✓");
    // 24964.59 − 20971.34 = 3993.25
    expectBoth("SUMCHECK", [20971.34, 24876.65, 87.94], "差 3993.25");
  });

  test("ranges as 2-D arrays, blanks as zero (seed 004 三公)", () => {
    // 1.96 + 0.27 = 2.23; 3.5 + 0.3 = 3.8
    expectBoth("SUMCHECK", [2.23, [[1.96], [0.27]]], "✓");
    expectBoth("SUMCHECK", [3.8, [[3.5, null], ["", 0.3]]], "✓");
    expectBoth("SUMCHECK", [3.8, [[3.5]], 0.3, [[null]]], "✓");
    // seed 004 09表 公务用车: 小计 1.4 vs 购置 0 + 运行维护 1.19 → 0.21
    expectBoth("SUMCHECK", [1.4, [[0, 1.19]]], "差 0.21");
    // a difference in the wrong direction is reported as its absolute value: 1.19 − 1.4 → 0.21
    expectBoth("SUMCHECK", [1.19, 1.4], "差 0.21");
  });

  test("no parts: the total itself is the difference; figures are compared at 2 decimals", () => {
    expectBoth("SUMCHECK", [10], "差 10.00");
    // 0.004 + 0.004 rounds to 0.01 only after summing: round(0.008) = 0.01 vs round(0.01) → ✓
    expectBoth("SUMCHECK", [0.01, 0.004, 0.004], "✓");
  });

  test("a part that is not a number is #VALUE! naming which part", () => {
    expectError(callJx("SUMCHECK", [10, 5, "abc"]), "invalidValue", "第2个分项", "abc");
    expectError(callJx("SUMCHECK", [10, [[5, "××"]]]), "invalidValue", "第2个分项", "占位符");
    expectError(callJx("SUMCHECK", [null, 5]), "notAvailable", "合计");
  });
});

describe("JX.SCORECHECK", () => {
  test("超出分值 / 扣分须填写偏差原因 / ✓", () => {
    expectBoth("SCORECHECK", [12, 10], "超出分值");
    expectBoth("SCORECHECK", [8, 10, ""], "扣分须填写偏差原因");
    expectBoth("SCORECHECK", [8, 10, "   "], "扣分须填写偏差原因");
    expectBoth("SCORECHECK", [8, 10], "扣分须填写偏差原因");
    expectBoth("SCORECHECK", [8, 10, "有原因"], "✓");
    expectBoth("SCORECHECK", [10, 10], "✓");
    expectBoth("SCORECHECK", [9.99, 10, "执行率99.88%"], "✓");
    expectBoth("SCORECHECK", [-1, 10, "原因"], "得分为负");
  });

  test("errors name the parameter", () => {
    expectError(callJx("SCORECHECK", ["九", 10]), "invalidValue", "得分");
    expectError(callJx("SCORECHECK", [8, null]), "notAvailable", "分值");
    expectError(callJx("SCORECHECK", [8, 10, true]), "invalidValue", "偏差原因");
  });
});

describe("JX.AMOUNT", () => {
  test("the amount parser: spaces from PDF copies, full width, percent, 万元", () => {
    expect(callJx("AMOUNT", ["1, 227. 61"])).toBe(1227.61);
    expect(callJx("AMOUNT", ["８５．２３％"])).toBe(0.8523);
    expect(callJx("AMOUNT", ["1,227.61万元"])).toBe(1227.61);
    expect(callJx("AMOUNT", ["-30.02%"])).toBe(-0.3002);
    expect(callJx("AMOUNT", [1227.61])).toBe(1227.61);
    expect(callJx("AMOUNT", [[["1227.61"]]])).toBe(1227.61);
  });

  test("placeholders, errors, booleans, blanks and 元 are explained", () => {
    expectError(callJx("AMOUNT", ["××"]), "invalidValue", "××", "占位符");
    expectError(callJx("AMOUNT", ["#DIV/0!"]), "invalidValue", "错误值");
    expectError(callJx("AMOUNT", [true]), "invalidValue", "逻辑值");
    expectError(callJx("AMOUNT", ["12元"]), "invalidValue", "万元");
    expectError(callJx("AMOUNT", [null]), "notAvailable", "空");
    expectError(callJx("AMOUNT", [NaN]), "invalidValue", "不是有效数字");
    expectError(callJx("AMOUNT", ["9".repeat(400)]), "invalidNumber", "超出");
  });
});

describe("the table", () => {
  // A value no parameter accepts, and good values for the others.
  const GOOD: Record<string, unknown[]> = {
    AMOUNT: [1],
    RATE: [75, 88],
    CHANGE: [707.43, 664.43],
    CHANGETEXT: [707.43, 664.43],
    SHARE: [210.55, 616.51],
    EXECSCORE: [20971.34, 24964.59, 10],
    SCORE: ["≥90%", "87.18%", 5],
    GRADE: [95.4, "national"],
    SUMCHECK: [18259.03, 86.56],
    SCORECHECK: [8, 10, "有原因"],
  };

  test("every function is tested here with good figures", () => {
    expect(Object.keys(GOOD).sort()).toEqual(JX_FUNCTIONS.map((f) => f.id).sort());
    for (const f of JX_FUNCTIONS) expect(isJxError(callJx(f.id, GOOD[f.id]))).toBe(false);
  });

  test.each(JX_FUNCTIONS.flatMap((f) => f.params.map((p, i) => [f.id, p.label, i] as const)))(
    "JX.%s: a logical value as %s is #VALUE! with a Chinese message naming it",
    (id, label, i) => {
      const args = [...GOOD[id]];
      args[i] = true;
      expectError(callJx(id, args), "invalidValue", label);
    },
  );

  test("an unknown function is an error value, not a throw", () => {
    expectError(callJx("NOPE", []), "invalidValue", "JX.NOPE");
  });
});
