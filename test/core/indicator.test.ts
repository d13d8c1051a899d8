import { joinIndicatorParts, parseIndicatorValue, suggestScore, suggestScoreNumber, inferDirection, directionNote, dateEnd, MANUAL_SCORE, type Op, type IndicatorValue, type Suggestion } from "../../src/core/indicator";
import { D, type Dec } from "../../src/core/decimal";

const d = (x: string | number): Dec => new D(x);

function expectQuantity(v: IndicatorValue, op: Op, value: string, unit: string, approx: boolean, explicitOp: boolean): void {
  expect(v.kind).toBe("quantity");
  if (v.kind !== "quantity") return;
  expect(v.op).toBe(op);
  expect(v.value.equals(d(value))).toBe(true);
  expect(v.unit).toBe(unit);
  expect(v.approx).toBe(approx);
  expect(v.explicitOp).toBe(explicitOp);
}

function score(s: Suggestion): { score: Dec; met: boolean } {
  if (s.kind !== "score") throw new Error(`expected a score, got manual: ${s.reason}`);
  return s;
}

function manual(s: Suggestion): string {
  expect(s.kind).toBe("manual");
  return s.kind === "manual" ? s.reason : "";
}

describe("parseIndicatorValue: quantities", () => {
  test.each<[unknown, Op, string, string, boolean, boolean]>([
    // [text, op, value, unit, approx, explicitOp]; percentages are stored as fractions
    ["≥90%", ">=", "0.9", "%", false, true],
    ["≤100%", "<=", "1", "%", false, true],
    ["=100%", "=", "1", "%", false, true],
    ["≥2000册", ">=", "2000", "册", false, true],
    ["2000余册", ">=", "2000", "册", true, false], // "a little over 2000": at least 2000
    ["2000多册", ">=", "2000", "册", true, false],
    ["4次/年", "=", "4", "次", false, false], // the period is not part of the unit
    ["≤24小时", "<=", "24", "小时", false, true],
    ["≤218.43万元", "<=", "218.43", "万元", false, true],
    ["100%", "=", "1", "%", false, false],
    ["不低于95%", ">=", "0.95", "%", false, true],
    ["不高于5%", "<=", "0.05", "%", false, true],
    ["不少于4次", ">=", "4", "次", false, true],
    ["10次以上", ">=", "10", "次", false, true],
    ["10次及以上", ">=", "10", "次", false, true],
    ["24小时以内", "<=", "24", "小时", false, true],
    ["5天以下", "<=", "5", "天", false, true],
    [">3", ">", "3", "", false, true],
    ["<5", "<", "5", "", false, true],
    ["大于等于98%", ">=", "0.98", "%", false, true],
    ["≥300个工作日", ">=", "300", "个工作日", false, true],
    ["≥1个小区", ">=", "1", "个小区", false, true],
    ["≥2,000册", ">=", "2000", "册", false, true],
    ["≥ 90 ％", ">=", "0.9", "%", false, true], // spaces and a full-width percent sign
    ["８５．２３％", "=", "0.8523", "%", false, false],
    ["87.18%", "=", "0.8718", "%", false, false],
    ["≤0", "<=", "0", "", false, true],
    [30, "=", "30", "", false, false],
    ["30", "=", "30", "", false, false],
    [87.18, "=", "87.18", "", false, false],
  ])("%p", (text, op, value, unit, approx, explicitOp) => {
    expectQuantity(parseIndicatorValue(text), op, value, unit, approx, explicitOp);
  });

  test("a negative actual (三公经费变动率 ≤0 is met by a decrease: −16.67%) is a quantity", () => {
    // DOMAIN.md: 三公经费变动率 = (本年预算 − 上年预算) ÷ 上年预算, target ≤0, so actual values are often negative.
    expectQuantity(parseIndicatorValue("-16.67%"), "=", "-0.1667", "%", false, false);
    expectQuantity(parseIndicatorValue(-0.1667), "=", "-0.1667", "", false, false);
  });
});

describe("parseIndicatorValue: qualitative and missing", () => {
  test.each(["稳步提升", "大幅提升", "较上年有所提升", "一般", "良好", "有效提升服务水平", "100%完成"])("%p → qualitative", (text) => {
    expect(parseIndicatorValue(text)).toEqual({ kind: "qualitative", text });
  });

  test("the qualitative text is kept trimmed", () => {
    expect(parseIndicatorValue("  稳步提升 ")).toEqual({ kind: "qualitative", text: "稳步提升" });
  });

  test.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["full-width blank", "\u3000"],
  ])("%s → missing", (_name, v) => {
    expect(parseIndicatorValue(v)).toEqual({ kind: "missing" });
  });

  test("a non-finite number is not a quantity", () => {
    expect(parseIndicatorValue(NaN).kind).toBe("qualitative");
  });
});

describe("suggestScore", () => {
  test("target met → full weight", () => {
    const s = score(suggestScore("≥90%", "95%", d(5)));
    expect(s.met).toBe(true);
    expect(s.score.toString()).toBe("5");
    expect(score(suggestScore("≥2000册", "2000余册", d(5))).score.toString()).toBe("5"); // 2000 ≥ 2000
    expect(score(suggestScore("4次/年", "4次", d(5))).met).toBe(true);
    expect(score(suggestScore("≤100%", "85.23%", d(5))).score.toString()).toBe("5"); // seed 003 在职人员控制率
    expect(score(suggestScore("<5", "4", d(10))).met).toBe(true);
    expect(score(suggestScore(">3", "4", d(10))).met).toBe(true);
  });

  test("over-completion is not worth more than the weight", () => {
    const s = score(suggestScore("≥90%", "120%", d(5)));
    expect(s.met).toBe(true);
    expect(s.score.toString()).toBe("5");
  });

  test("≥ not met → weight × actual ÷ target (seed 003: ≥90%, 87.18%, 5 → 4.84)", () => {
    // 5 × 0.8718 ÷ 0.9 = 5 × 0.968666… = 4.84333… → 4.84
    const s = suggestScore("≥90%", "87.18%", d(5));
    expect(score(s).met).toBe(false);
    expect(score(s).score.toString()).toBe("4.84");
    if (s.kind === "score") {
      expect(s.target.toString()).toBe("0.9");
      expect(s.actual.toString()).toBe("0.8718");
      expect(s.op).toBe(">=");
      expect(s.ratio?.equals(d("0.8718").dividedBy("0.9"))).toBe(true);
    }
  });

  test("≥ not met rounds half-up", () => {
    // 5 × 7 ÷ 8 = 4.375 → 4.38
    expect(score(suggestScore("≥8次", "7次", d(5))).score.toString()).toBe("4.38");
    // 2.5 × 0.8718 ÷ 0.9 = 2.42166… → 2.42
    expect(score(suggestScore("≥90%", "87.18%", d("2.5"))).score.toString()).toBe("2.42");
    // a bare actual takes the target's unit: 5 × 1800 ÷ 2000 = 4.5
    expect(score(suggestScore("≥2000册", "1800", d(5))).score.toString()).toBe("4.5");
  });

  test("≤ exceeded → weight × target ÷ actual", () => {
    // 10 × 24 ÷ 30 = 8
    const s = score(suggestScore("≤24小时", "30小时", d(10)));
    expect(s.met).toBe(false);
    expect(s.score.toString()).toBe("8");
    // 10 × 218.43 ÷ 250 = 8.7372 → 8.74
    expect(score(suggestScore("≤218.43万元", "250万元", d(10))).score.toString()).toBe("8.74");
    // 10 × 0.05 ÷ 0.08 = 6.25
    expect(score(suggestScore("不高于5%", "8%", d(10))).score.toString()).toBe("6.25");
  });

  test("≤ met → full weight, including an actual of 0", () => {
    expect(score(suggestScore("≤24小时", "20小时", d(10))).score.toString()).toBe("10");
    expect(score(suggestScore("≤24小时", "24小时", d(10))).score.toString()).toBe("10");
    const zero = score(suggestScore("≤5%", "0%", d(10)));
    expect(zero.met).toBe(true);
    expect(zero.score.toString()).toBe("10");
    expect(score(suggestScore("≤0", "0", d(3))).score.toString()).toBe("3");
  });

  test("a lower-is-better target not met with an actual of 0 → full (no division by zero)", () => {
    // "<0" with actual 0 is not strictly met; weight × 0 ÷ 0 is undefined, and the rule says actual 0 → full.
    expect(score(suggestScore("<0", "0", d(10))).score.toString()).toBe("10");
  });

  test("= target missed is treated as ≥", () => {
    // 50 ≥ 30: met
    const over = score(suggestScore("30", "50", d(10)));
    expect(over.met).toBe(true);
    expect(over.score.toString()).toBe("10");
    // 10 × 0.99 ÷ 1 = 9.9
    const under = score(suggestScore("100%", "99%", d(10)));
    expect(under.met).toBe(false);
    expect(under.score.toString()).toBe("9.9");
    expect(score(suggestScore("=100%", "99%", d(10))).score.toString()).toBe("9.9");
    // 10 × 20 ÷ 30 = 6.666… → 6.67
    expect(score(suggestScore(30, 20, d(10))).score.toString()).toBe("6.67");
  });

  test("a percent target with a bare actual 87.18 reads it as 87.18%", () => {
    // same as seed 003: 4.84
    expect(score(suggestScore("≥90%", "87.18", d(5))).score.toString()).toBe("4.84");
    expect(score(suggestScore("≥90%", 87.18, d(5))).score.toString()).toBe("4.84");
    // 95 → 95% ≥ 90%: met
    expect(score(suggestScore("≥90%", "95", d(5))).met).toBe(true);
  });

  test("三公经费变动率: target ≤0, actual −16.67% (a decrease) is met", () => {
    const s = score(suggestScore("≤0", "-16.67%", d(5)));
    expect(s.met).toBe(true);
    expect(s.score.toString()).toBe("5");
  });

  test("different units → manual", () => {
    const reason = manual(suggestScore("≥2000册", "5次", d(5)));
    expect(reason).toContain(MANUAL_SCORE);
    expect(reason).toContain("单位不一致");
    expect(reason).toContain("册");
    expect(reason).toContain("次");
    expect(manual(suggestScore("≥90%", "20小时", d(5)))).toContain("单位不一致");
  });

  test("qualitative target → manual, 需人工评分", () => {
    const reason = manual(suggestScore("稳步提升", "稳步提升", d(5)));
    expect(reason).toContain("需人工评分");
    expect(reason).toContain("年度指标值");
    expect(MANUAL_SCORE).toBe("需人工评分");
  });

  test("qualitative or blank actual → manual", () => {
    expect(manual(suggestScore("≥90%", "大幅提升", d(5)))).toContain("实际完成值");
    expect(manual(suggestScore("≥90%", "", d(5)))).toContain("需人工评分");
    expect(manual(suggestScore("", "90%", d(5)))).toContain("年度指标值");
  });
});

describe("parseIndicatorValue: every operator spelling of the published forms (issue 9)", () => {
  test.each<[string, Op, string, string]>([
    // [text as printed, op, value, unit]; the reader joins an operator column, a figure and a unit with spaces
    ["≧ 735 人次", ">=", "735", "人次"], // Yunnan: ≧ (U+2267) in its own column
    ["≧735人次", ">=", "735", "人次"],
    ["═ 100 %", "=", "1", "%"], // Yunnan: ═ (U+2550, box drawing) for =
    ["═100%", "=", "1", "%"],
    ["≦ 24 小时", "<=", "24", "小时"],
    ["≥ 90 %", ">=", "0.9", "%"],
    ["≤ 5 %", "<=", "0.05", "%"],
    [">= 90%", ">=", "0.9", "%"],
    ["=> 90%", ">=", "0.9", "%"],
    ["<= 5%", "<=", "0.05", "%"],
    ["＞＝90%", ">=", "0.9", "%"], // full-width ＞＝
    ["＜＝5%", "<=", "0.05", "%"],
    ["＞ 3 次", ">", "3", "次"],
    ["＜ 2 次", "<", "2", "次"],
    ["＝100%", "=", "1", "%"],
    ["== 100%", "=", "1", "%"],
    ["⩾ 95 %", ">=", "0.95", "%"],
    ["⩽ 5 天", "<=", "5", "天"],
    ["大于或等于 98%", ">=", "0.98", "%"],
    ["≥266米", ">=", "266", "米"], // Sichuan
    ["≥50厘米", ">=", "50", "厘米"],
    ["3个月内", "<=", "3", "个月"],
    ["0起", "=", "0", "起"], // Hengshan 安全事故 0起
  ])("%p", (text, op, value, unit) => {
    const v = parseIndicatorValue(text);
    expect(v.kind).toBe("quantity");
    if (v.kind !== "quantity") return;
    expect([v.op, v.value.toString(), v.unit, v.explicitOp]).toEqual([op, d(value).toString(), unit, text !== "0起"]); // only 0起 has no operator
  });
});

describe("parseIndicatorValue: not applicable", () => {
  test.each(["—", "——", "-", "--", "/", "／", "无", "不适用", "……", "…", "...", " — ", "暂无", "无此项", "不涉及", "N/A"])("%p → notApplicable, never a quantity or a placeholder", (text) => {
    expect(parseIndicatorValue(text)).toEqual({ kind: "notApplicable", text: text.trim() });
  });

  test("a negative figure and 无 inside a sentence are not 'not applicable'", () => {
    expect(parseIndicatorValue("-5%").kind).toBe("quantity");
    expect(parseIndicatorValue("无违规事项").kind).toBe("qualitative");
  });

  test("target 100%, actual 无 (Hengshan row 21): 需人工评分 saying why", () => {
    expect(manual(suggestScore("100%", "无", d(10)))).toBe("需人工评分：实际完成值为「无」（不适用）");
    expect(manual(suggestScore("—", "100%", d(10)))).toBe("需人工评分：年度指标值为「—」（不适用）");
  });
});

describe("parseIndicatorValue: years and dates", () => {
  test.each<[string, Op, number | null, number | null, number | null, boolean]>([
    // [text, op, year, month, day, explicitOp]; a date target without an operator is a deadline (≤)
    ["2019年", "<=", 2019, null, null, false],
    ["2019年度", "<=", 2019, null, null, false],
    ["2019年12月", "<=", 2019, 12, null, false],
    ["2019年12月底前", "<=", 2019, 12, null, true],
    ["2019年底前", "<=", 2019, null, null, true],
    ["2019年12月31日前", "<=", 2019, 12, 31, true],
    ["12月31日前", "<=", null, 12, 31, true],
    ["12月底", "<=", null, 12, null, false],
    ["6月30日之前完成", "<=", null, 6, 30, true],
    ["2019-12-31", "<=", 2019, 12, 31, false],
    ["2019.6.30", "<=", 2019, 6, 30, false],
    ["不晚于2019年12月", "<=", 2019, 12, null, true],
    ["2020年1月后", ">=", 2020, 1, null, true],
  ])("%p", (text, op, year, month, day, explicitOp) => {
    const v = parseIndicatorValue(text);
    expect(v.kind).toBe("date");
    if (v.kind !== "date") return;
    expect([v.op, v.date, v.explicitOp]).toEqual([op, { year, month, day }, explicitOp]);
  });

  test("a count of years or a sentence is not a date", () => {
    expect(parseIndicatorValue("≥3年").kind).toBe("quantity");
    expect(parseIndicatorValue("2000余册").kind).toBe("quantity");
    expect(parseIndicatorValue("2019年完成率100%").kind).toBe("qualitative");
    expect(parseIndicatorValue("13月").kind).not.toBe("date"); // no 13th month: 13 months at most
    expect(parseIndicatorValue("2019.5").kind).toBe("quantity"); // a figure with a decimal point, not May 2019
  });

  test("dateEnd: the last day a date covers (2019年 → 20191231; 2月 → 29 in any year; no year → 0)", () => {
    expect(dateEnd({ year: 2019, month: null, day: null })).toBe(20191231);
    expect(dateEnd({ year: 2019, month: 6, day: null })).toBe(20190630);
    expect(dateEnd({ year: null, month: 12, day: 31 })).toBe(1231);
    expect(dateEnd({ year: null, month: 12, day: 31 }, 2024)).toBe(20241231);
  });

  test("a deadline missed is not met (hb: 2019年 → 2020年); kept is met", () => {
    const missed = suggestScore("2019年", "2020年", d(20));
    expect(missed).toEqual({ kind: "manual", reason: "需人工评分：未在时限内完成（目标2019年，实际2020年）", met: false });
    expect(suggestScore("2019年", "2019年", d(15))).toMatchObject({ kind: "manual", met: true });
    expect(suggestScore("2019年12月底前", "2019年11月20日", d(5))).toMatchObject({ met: true });
    expect(suggestScore("2019年12月底前", "2020年1月5日", d(5))).toMatchObject({ met: false });
    expect(suggestScore("12月31日前", "12月20日", d(5))).toMatchObject({ met: true }); // same (unwritten) year
    expect(suggestScore("6月30日前", "2019年7月1日", d(5))).toMatchObject({ met: false }); // the target takes the actual's year
    expect(suggestScore("2020年1月后", "2019年12月", d(5))).toMatchObject({ met: false });
  });

  test("years typed as plain numbers under 完成时限 are dates: 2019 → 2020 is late (not 10 × 2019 ÷ 2020 = 9.995 → 10.00)", () => {
    expect(suggestScore(2019, 2020, d(10), "完成时限")).toEqual({ kind: "manual", reason: "需人工评分：未在时限内完成（目标2019，实际2020）", met: false });
    expect(suggestScore("2019", "2019", d(10), "完成时限")).toMatchObject({ met: true });
    // without the name a plain 2019 is a figure
    expect(score(suggestScore(2019, 2020, d(10))).met).toBe(true);
  });

  test("JX.SCORE's number path: a kept deadline is the full weight, a missed one 需人工评分", () => {
    expect(suggestScoreNumber("2019年", "2019年", 15)).toBe(15);
    expect(suggestScoreNumber("2019年", "2020年", 20)).toBe(MANUAL_SCORE);
    expect(suggestScoreNumber("2019年", "90%", 20)).toBe(MANUAL_SCORE);
  });
});

describe("direction of well-known indicators without an operator", () => {
  test.each<[string, "<=" | ">=" | null, string | null]>([
    ["三公经费控制率", "<=", "控制率"],
    ["财政供养人员控制率", "<=", "控制率"],
    ["在职人员控制率", "<=", "控制率"],
    ["“三公”经费变动率", "<=", "变动率"],
    ["单位服务成本", "<=", "成本"],
    ["平均办理时间", "<=", "时间"],
    ["账务差错率", "<=", "差错率"],
    ["群众投诉", "<=", "投诉"],
    ["办事群众满意度", ">=", "满意度"],
    ["计划完成率", ">=", "完成率"],
    ["设备达标率", ">=", "达标率"],
    ["教育系统重点区域监控覆盖率", ">=", "覆盖率"],
    ["资金到位及时率", ">=", "及时率"],
    ["投诉处理及时率", ">=", "及时率"], // the keyword that ends last decides
    ["差错率控制（年度）", "<=", "差错率"], // a bracketed note is set aside
    ["完成时限", "<=", "时限"], // a deadline typed as a bare number (2019) still reads as "by"
    ["群众投诉响应及处理时效", "<=", "时效"],
    ["公章刻制", null, null],
  ])("%p", (name, op, keyword) => {
    expect(inferDirection(name)).toEqual(op === null ? null : { op, keyword });
  });

  test("三公经费控制率 printed 100%, actual 85%: met (≤ inferred), not a false FULL_NOT_MET", () => {
    const s = suggestScore("100%", "85%", d(10), "三公经费控制率");
    expect(score(s).met).toBe(true);
    expect(score(s).score.toString()).toBe("10");
    expect(s).toMatchObject({ inferred: { op: "<=", keyword: "控制率" } });
    // without the name the old reading (= missed → ≥) stays: 10 × 0.85 ÷ 1 = 8.5
    expect(score(suggestScore("100%", "85%", d(10))).score.toString()).toBe("8.5");
  });

  test("≤ inferred and exceeded: 10 × 100% ÷ 110% = 9.0909… → 9.09", () => {
    const s = score(suggestScore("100%", "110%", d(10), "在职人员控制率"));
    expect(s.met).toBe(false);
    expect(s.score.toString()).toBe("9.09");
    expect(suggestScoreNumber("100%", "110%", 10, "在职人员控制率")).toBe(9.09);
  });

  test("an explicit operator always wins over the name", () => {
    const s = suggestScore("≥100%", "85%", d(10), "三公经费控制率");
    expect(score(s).met).toBe(false);
    if (s.kind === "score") expect(s.inferred).toBeNull();
  });

  test("满意度 100% → 98%: ≥ inferred, 10 × 98 ÷ 100 = 9.80", () => {
    const s = score(suggestScore("100%", "98%", d(10), "政策知晓满意度"));
    expect(s.score.toString()).toBe("9.8");
  });

  test("directionNote reads as the finding says it", () => {
    expect(directionNote({ op: "<=", keyword: "控制率" })).toBe("目标未写比较符号，按「控制率」类指标推定为≤");
  });
});

describe("joinIndicatorParts: 指标性质 / 指标值 / 度量单位 in three columns (Yunnan)", () => {
  test.each<[unknown[], string | null]>([
    [["≧", "735", "人次"], "≧ 735 人次"],
    [["═", 100, "%"], "═ 100 %"], // the figure cell holds a number
    [["", "有效", ""], "有效"], // no operator, no unit: qualitative
    [[" ≦ ", " 24", "小时 "], "≦ 24 小时"],
    [[null, undefined, ""], null], // all blank: missing, not ""
  ])("%p → %p", (parts, joined) => {
    expect(joinIndicatorParts(parts)).toBe(joined);
  });

  test("the joined text reads as the printed target: ≧ 735 人次 → ≥735 人次; ═ 100 % → =100%", () => {
    const a = parseIndicatorValue(joinIndicatorParts(["≧", 735, "人次"]));
    expect(a).toMatchObject({ kind: "quantity", op: ">=", unit: "人次", explicitOp: true });
    const b = parseIndicatorValue(joinIndicatorParts(["═", 100, "%"]));
    expect(b.kind === "quantity" && [b.op, b.value.toString(), b.unit]).toEqual(["=", "1", "%"]);
  });
});
