import { joinIndicatorParts, parseIndicatorValue, suggestScore, suggestScoreNumber, inferDirection, directionNote, dateEnd, formatDate, clearIndicatorCaches, MANUAL_SCORE, type Op, type IndicatorValue, type Suggestion } from "../../src/core/indicator";
import { D, type Dec } from "../../src/core/decimal";

const d = (x: string | number): Dec => new D(x);

// Every test parses its texts itself: the memos would otherwise credit a parse to the first test that read the text,
// and mutation testing (per-test coverage) would not run the later tests against the parser.
beforeEach(() => clearIndicatorCaches());

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

/** A parsed value with its figure as text, for toEqual. */
function view(v: IndicatorValue): unknown {
  return v.kind === "quantity" ? { ...v, value: v.value.toString() } : v;
}

/** A suggestion with its figures as text, and actual ÷ target to 6 decimals (INDICATOR.TARGET_TOO_LOW's ratio), for toEqual. */
function viewScore(s: Suggestion): unknown {
  if (s.kind === "manual") return s;
  return { ...s, score: s.score.toString(), ratio: s.target.isZero() ? null : s.actual.dividedBy(s.target).toFixed(6), target: s.target.toString(), actual: s.actual.toString() };
}

const quantity = (op: Op, value: string, unit: string, approx = false, explicitOp = op !== "="): unknown => ({ kind: "quantity", op, value, unit, approx, explicitOp });

describe("parseIndicatorValue: the memo of parsed texts", () => {
  test("the same text gives the same frozen result until the memo is cleared", () => {
    const first = parseIndicatorValue("≥90%");
    expect(Object.isFrozen(first)).toBe(true);
    expect(parseIndicatorValue("≥90%")).toBe(first);
    parseIndicatorValue("≤5%"); // another text does not evict it
    expect(parseIndicatorValue("≥90%")).toBe(first);
    clearIndicatorCaches();
    const again = parseIndicatorValue("≥90%");
    expect(again).not.toBe(first);
    expect(view(again)).toEqual(quantity(">=", "0.9", "%"));
  });

  test("the memo holds 10,000 texts, then starts afresh", () => {
    const first = parseIndicatorValue("≥1次");
    for (let i = 2; i <= 10_000; i++) parseIndicatorValue(`≥${i}次`);
    expect(parseIndicatorValue("≥1次")).toBe(first); // 10,000 texts: all kept
    parseIndicatorValue("≥10001次"); // the 10,001st empties the memo before it is kept
    expect(parseIndicatorValue("≥1次")).not.toBe(first);
  });
});

describe("parseIndicatorValue: numbers and other cell values", () => {
  test.each<[number, string]>([
    [1e-7, "0.0000001"], // String(1e-7) is "1e-7": still the figure
    [2e21, "2000000000000000000000"],
    [-0.5, "-0.5"],
    [0, "0"],
  ])("%p is the figure itself", (n, value) => {
    expect(view(parseIndicatorValue(n))).toEqual({ kind: "quantity", op: "=", value: d(value).toString(), unit: "", approx: false, explicitOp: false });
  });

  test.each<[number, string]>([
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
  ])("%p is not a figure", (n, text) => {
    expect(parseIndicatorValue(n)).toEqual({ kind: "qualitative", text });
  });

  test("a value that is neither text nor a number is read as its text", () => {
    expect(parseIndicatorValue(true)).toEqual({ kind: "qualitative", text: "true" });
  });
});

describe("parseIndicatorValue: operators, figures and units", () => {
  test.each<[string, unknown]>([
    ["10次以上的", quantity(">=", "10", "次")],
    ["5天及以下", quantity("<=", "5", "天")],
    ["3个工作日之内", quantity("<=", "3", "个工作日")],
    ["4次每年", quantity("=", "4", "次")],
    ["2次/季度", quantity("=", "2", "次")],
    ["1次/月", quantity("=", "1", "次")],
    ["1次/周", quantity("=", "1", "次")],
    ["3次/天", quantity("=", "3", "次")],
    ["+5", quantity("=", "5", "")],
    ["1,234,567.5元", quantity("=", "1234567.5", "元")],
    ["≤200余人", quantity("<=", "200", "人", true, true)], // an explicit operator is kept over 余
    ["≥2000多册", quantity(">=", "2000", "册", true, true)],
    ["5km", quantity("=", "5", "km")],
    ["30㎡", quantity("=", "30", "㎡")],
    ["100平方米", quantity("=", "100", "平方米")],
    ["≥ 9 0 ％", quantity(">=", "0.9", "%")], // spaces inside the figure
    ["至少3场", quantity(">=", "3", "场")],
    ["达到95%", quantity(">=", "0.95", "%")],
    ["不超过10万元", quantity("<=", "10", "万元")],
    ["控制在5%以内", quantity("<=", "0.05", "%")], // an operator before and one after
    ["5%以内", quantity("<=", "0.05", "%")],
    ["高于3次", quantity(">", "3", "次")],
    ["少于2起", quantity("<", "2", "起")],
    ["等于100%", quantity("=", "1", "%", false, true)],
  ])("%p", (text, expected) => {
    expect(view(parseIndicatorValue(text))).toEqual(expected);
  });

  test.each<[string, Op]>([
    ...[">=", "=>", "≥", "≧", "⩾", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少", "达到"].map((w): [string, Op] => [w, ">="]),
    ...["<=", "=<", "≤", "≦", "⩽", "小于等于", "小于或等于", "不高于", "不超过", "不多于", "不大于", "控制在", "不晚于", "不迟于", "截至", "截止"].map((w): [string, Op] => [w, "<="]),
    ...[">", "大于", "高于", "多于", "超过"].map((w): [string, Op] => [w, ">"]),
    ...["<", "小于", "低于", "少于"].map((w): [string, Op] => [w, "<"]),
    ...["==", "=", "等于"].map((w): [string, Op] => [w, "="]),
  ])("%p before the figure: 5次 %p", (word, op) => {
    expect(view(parseIndicatorValue(`${word}5次`))).toEqual(quantity(op, "5", "次", false, true));
  });

  test.each<[string, Op]>([
    ["以上", ">="],
    ["及以上", ">="],
    ["以上的", ">="],
    ["以内", "<="],
    ["以下", "<="],
    ["及以下", "<="],
    ["之内", "<="],
    ["内", "<="],
  ])("%p after the figure: 5次 %p", (word, op) => {
    expect(view(parseIndicatorValue(`5次${word}`))).toEqual(quantity(op, "5", "次", false, true));
  });

  test.each([
    "每年4次", // a period before the figure is not read
    "约5次", // only 余 / 多 mark an approximate figure
    "10人以上参加", // 以上 counts only at the end
    "2天内办结", // 内 counts only at the end
    "5个小区域", // four characters: a phrase, not a unit
    "≥10个5G基站", // a unit is CJK characters only
    "2个APP",
    "3次提高", // words of judgement are not units
    "1级下降",
    "5米偏低",
    "3项完善",
    "4项成效",
    "3人较好",
    "3天一次",
    "2个优秀",
    "1项良",
    "2项一般",
  ])("%p → qualitative", (text) => {
    expect(parseIndicatorValue(text)).toEqual({ kind: "qualitative", text });
  });
});

describe("parseIndicatorValue: dates in full", () => {
  const date = (op: Op, year: number | null, month: number | null, day: number | null, explicitOp: boolean, text: string): unknown => ({ kind: "date", op, date: { year, month, day }, explicitOp, text });

  test.each<[string, unknown]>([
    [" 2019年12月底前 ", date("<=", 2019, 12, null, true, "2019年12月底前")], // the text kept trimmed
    ["2019年12月31号", date("<=", 2019, 12, 31, false, "2019年12月31号")],
    ["2019年6月份", date("<=", 2019, 6, null, false, "2019年6月份")],
    ["2019年1月", date("<=", 2019, 1, null, false, "2019年1月")],
    ["2019年12月1日", date("<=", 2019, 12, 1, false, "2019年12月1日")],
    ["2019年底", date("<=", 2019, null, null, false, "2019年底")],
    ["2019年末", date("<=", 2019, null, null, false, "2019年末")],
    ["2019年12月末前", date("<=", 2019, 12, null, true, "2019年12月末前")],
    ["2019年12月止", date("<=", 2019, 12, null, true, "2019年12月止")],
    ["2019年12月以前", date("<=", 2019, 12, null, true, "2019年12月以前")],
    ["2019年12月之前", date("<=", 2019, 12, null, true, "2019年12月之前")],
    ["2020年1月之后", date(">=", 2020, 1, null, true, "2020年1月之后")],
    ["2020年1月以后", date(">=", 2020, 1, null, true, "2020年1月以后")],
    ["2019年12月完工", date("<=", 2019, 12, null, false, "2019年12月完工")],
    ["2019年12月前办结", date("<=", 2019, 12, null, true, "2019年12月前办结")],
    ["2019年6月到位", date("<=", 2019, 6, null, false, "2019年6月到位")],
    ["2019年实施", date("<=", 2019, null, null, false, "2019年实施")],
    ["12月底前完成", date("<=", null, 12, null, true, "12月底前完成")],
    ["2019/12/31", date("<=", 2019, 12, 31, false, "2019/12/31")],
    ["2019-12", date("<=", 2019, 12, null, false, "2019-12")],
    ["2019-12前", date("<=", 2019, 12, null, true, "2019-12前")],
    ["2019.6.30后", date(">=", 2019, 6, 30, true, "2019.6.30后")],
    ["截至2019年12月", date("<=", 2019, 12, null, true, "截至2019年12月")],
    ["≥2020年", date(">=", 2020, null, null, true, "≥2020年")], // an explicit operator wins over the deadline reading
    ["=2019年", date("=", 2019, null, null, true, "=2019年")],
    [">2019年", date(">", 2019, null, null, true, ">2019年")],
    ["<2019年12月31日", date("<", 2019, 12, 31, true, "<2019年12月31日")],
  ])("%p", (text, expected) => {
    expect(parseIndicatorValue(text)).toEqual(expected);
  });

  test.each(["2019年0月", "2019年13月", "2019年12月0日", "2019年12月32日", "0月", "第12月", "2020年春节后", "2020年后半年", "2019年前后", "2019年12月31日24时前", "2019年6月中旬前"])("%p is not a date", (text) => {
    expect(parseIndicatorValue(text).kind).not.toBe("date");
  });

  test("a date's month and day at their limits", () => {
    expect(parseIndicatorValue("2019年12月31日")).toMatchObject({ kind: "date", date: { year: 2019, month: 12, day: 31 } });
    expect(parseIndicatorValue("12月1日")).toMatchObject({ kind: "date", date: { year: null, month: 12, day: 1 } });
    expect(parseIndicatorValue("1月31日")).toMatchObject({ kind: "date", date: { year: null, month: 1, day: 31 } });
  });

  test("dateEnd: the last day of each kind of month (February: 29); a year from the date, the default, or 0", () => {
    expect(dateEnd({ year: 2019, month: 2, day: null })).toBe(20190229);
    expect(dateEnd({ year: 2019, month: 4, day: null })).toBe(20190430);
    expect(dateEnd({ year: 2019, month: 1, day: null })).toBe(20190131);
    expect(dateEnd({ year: 2019, month: 12, day: 5 }, 2024)).toBe(20191205); // the date's own year first
    expect(dateEnd({ year: null, month: null, day: null })).toBe(1231); // 0 × 10000 + 12 × 100 + 31
  });

  test.each<[{ year: number | null; month: number | null; day: number | null }, string]>([
    [{ year: 2019, month: 12, day: 31 }, "2019年12月31日"],
    [{ year: 2019, month: null, day: null }, "2019年"],
    [{ year: 2019, month: 6, day: null }, "2019年6月"],
    [{ year: null, month: 12, day: 31 }, "12月31日"],
    [{ year: null, month: null, day: null }, ""],
  ])("formatDate(%p) → %p", (date, text) => {
    expect(formatDate(date)).toBe(text);
  });
});

describe("inferDirection in full", () => {
  const lower = ["控制率", "变动率", "成本", "时间", "时长", "耗时", "时限", "时效", "工期", "差错率", "错误率", "投诉", "投诉率", "事故", "发生率", "故障率", "变质", "超支率", "调整率", "结转结余率", "结余率", "闲置率"];
  const higher = ["满意度", "完成率", "达标率", "覆盖率", "及时率", "合格率", "到位率", "执行率", "知晓率", "验收率", "利用率", "达成率", "通过率", "办结率", "可用率", "修复率", "准确率", "完好率", "参与率", "入学率", "受益率", "回收率", "正确率", "普及率", "保障率", "兑付率", "发放率", "完工率"];

  test.each(lower)("项目%s → ≤", (keyword) => {
    expect(inferDirection(`项目${keyword}`)).toEqual({ op: "<=", keyword });
  });

  test.each(higher)("项目%s → ≥", (keyword) => {
    expect(inferDirection(`项目${keyword}`)).toEqual({ op: ">=", keyword });
  });

  test.each<[unknown, "<=" | ">=" | null, string | null]>([
    ["满意度", ">=", "满意度"], // the keyword is the whole name
    ["结转结余率", "<=", "结转结余率"], // two keywords end together: the longer
    ["满意度调查成本", "<=", "成本"], // the one that ends last, whatever its place in the lists
    ["客户满意度成本", "<=", "成本"],
    ["工期满意度", ">=", "满意度"],
    ["群众满意\n度", ">=", "满意度"], // a line break inside the cell
    ["群众满意 度", ">=", "满意度"],
    ["服务对象满意度（不含投诉）", ">=", "满意度"], // a bracketed note is set aside
    ["服务对象满意度(不含投诉)", ">=", "满意度"],
    ["服务对象满意度（不含投诉)", ">=", "满意度"],
    ["投诉（重点）满意度", ">=", "满意度"],
    ["", null, null],
    ["项目实施", null, null],
    [undefined, null, null],
    [5, null, null],
  ])("%p", (name, op, keyword) => {
    expect(inferDirection(name)).toEqual(op === null ? null : { op, keyword });
  });

  test("the memo: one frozen answer per name, 10,000 names, then afresh", () => {
    const first = inferDirection("三公经费控制率");
    expect(Object.isFrozen(first)).toBe(true);
    expect(inferDirection("三公经费控制率")).toBe(first);
    for (let i = 2; i <= 10_000; i++) inferDirection(`指标${i}`);
    expect(inferDirection("三公经费控制率")).toBe(first);
    inferDirection("指标10001");
    expect(inferDirection("三公经费控制率")).not.toBe(first);
    expect(inferDirection("三公经费控制率")).toEqual({ op: "<=", keyword: "控制率" });
  });

  test("clearIndicatorCaches also forgets inferred directions", () => {
    const first = inferDirection("群众满意度");
    clearIndicatorCaches();
    expect(inferDirection("群众满意度")).not.toBe(first);
  });

  test("directionNote for ≥", () => {
    expect(directionNote({ op: ">=", keyword: "满意度" })).toBe("目标未写比较符号，按「满意度」类指标推定为≥");
  });
});

describe("suggestScore: every field, every branch", () => {
  const w10 = d(10);

  test.each<[unknown, unknown, string]>([
    ["稳步提升", "90%", "需人工评分：年度指标值不是可计算的数量"],
    ["", "90%", "需人工评分：年度指标值不是可计算的数量"],
    ["≥90%", "大幅提升", "需人工评分：实际完成值不是可计算的数量"],
    ["≥90%", null, "需人工评分：实际完成值不是可计算的数量"],
    ["≥90%", "2019年12月", "需人工评分：实际完成值是日期"],
    ["2019年", "90%", "需人工评分：年度指标值是日期，实际完成值不是日期"],
    ["≥2000册", "5次", "需人工评分：单位不一致（册/次）"],
    ["0", "-1", "需人工评分：目标值为0，无法按比例计算"], // = 0 missed is ≥ 0 missed: −1 ÷ 0 means nothing
    ["≥0%", "-2%", "需人工评分：目标值为0，无法按比例计算"],
    ["≤-5%", "3%", "需人工评分：目标值为负数，无法按比例计算"], // was 10 × −0.05 ÷ 0.03 = −16.67
    ["≤-5%", "0%", "需人工评分：目标值为负数，无法按比例计算"], // was full marks for a missed target
    ["≥-10%", "-20%", "需人工评分：目标值为负数，无法按比例计算"], // was 10 × −0.2 ÷ −0.1 = 20 → 10
  ])("%p / %p → %p", (target, actual, reason) => {
    expect(suggestScore(target, actual, w10)).toEqual({ kind: "manual", reason });
    expect(suggestScoreNumber(target, actual, 10)).toBe(MANUAL_SCORE);
  });

  test.each<[unknown, unknown, unknown, string, boolean, string | null, string, string, Op]>([
    // [target, actual, name, score, met, ratio, target, actual, op]
    ["≥90%", "87.18%", undefined, "9.69", false, "0.968667", "0.9", "0.8718", ">="], // 10 × 0.8718 ÷ 0.9 = 9.6866… → 9.69
    ["≥90%", "0%", undefined, "0", false, "0.000000", "0.9", "0", ">="], // 10 × 0 ÷ 0.9 = 0
    ["≥90%", "-10%", undefined, "0", false, "-0.111111", "0.9", "-0.1", ">="], // 10 × −0.1 ÷ 0.9 = −1.11 → not below 0
    ["≥90%", "1", undefined, "10", true, "1.111111", "0.9", "1", ">="], // a bare 1 is 100%, not 1%: 1 ≥ 0.9
    ["≥90%", "0.5", undefined, "5.56", false, "0.555556", "0.9", "0.5", ">="], // 10 × 0.5 ÷ 0.9 = 5.555… → 5.56
    ["≥90%", "120%", undefined, "10", true, "1.333333", "0.9", "1.2", ">="], // 120% stays 1.2, not 0.012
    ["30", "50次", undefined, "10", true, "1.666667", "30", "50", "="], // a bare target takes the actual's unit
    ["≥8次", "8次", undefined, "10", true, "1.000000", "8", "8", ">="],
    ["=30", "31", undefined, "10", true, "1.033333", "30", "31", "="], // = exceeded counts as met (≥)
    [">3", "3", undefined, "10", false, "1.000000", "3", "3", ">"], // not strictly over: missed, 10 × 3 ÷ 3 = 10
    [">3", "2", undefined, "6.67", false, "0.666667", "3", "2", ">"], // 10 × 2 ÷ 3 = 6.666… → 6.67
    ["<5", "5", undefined, "10", false, "1.000000", "5", "5", "<"], // not strictly under: missed, 10 × 5 ÷ 5 = 10
    ["<5", "10", undefined, "5", false, "2.000000", "5", "10", "<"], // 10 × 5 ÷ 10 = 5
    ["≤24小时", "30小时", undefined, "8", false, "1.250000", "24", "30", "<="], // 10 × 24 ÷ 30 = 8
    ["≤0", "5", undefined, "0", false, null, "0", "5", "<="], // 10 × 0 ÷ 5 = 0; no ratio to a target of 0
    ["≥0", "0", undefined, "10", true, null, "0", "0", ">="],
    ["≤-5%", "-8%", undefined, "10", true, "1.600000", "-0.05", "-0.08", "<="], // −0.08 ÷ −0.05 = 1.6
    ["<0", "0", undefined, "10", false, null, "0", "0", "<"], // lower is better and the actual is 0: full
    ["2000余册", "1900册", "单位服务成本", "9.5", false, "0.950000", "2000", "1900", ">="], // 余 is ≥ whatever the name: 10 × 1900 ÷ 2000
    ["100%", "85%", "三公经费控制率", "10", true, "0.850000", "1", "0.85", "<="],
  ])("%p / %p (%p) → %p", (target, actual, name, score, met, ratio, t, a, op) => {
    const inferred = name === "三公经费控制率" ? { op: "<=", keyword: "控制率" } : null;
    expect(viewScore(suggestScore(target, actual, w10, name))).toEqual({ kind: "score", score, met, ratio, target: t, actual: a, op, inferred });
    expect(suggestScoreNumber(target, actual, 10, name)).toBe(Number(score));
  });

  test("the full 分值 is rounded half-up to 2 decimals", () => {
    // met: 2.345 → 2.35
    expect(suggestScore("≥1次", "1次", d("2.345"))).toMatchObject({ kind: "score", met: true });
    expect((suggestScore("≥1次", "1次", d("2.345")) as { score: Dec }).score.toString()).toBe("2.35");
    expect(suggestScoreNumber("≥1次", "1次", 2.345)).toBe(2.35);
    // a 分值 with more decimals than the exact path takes: 1/3 → 0.33
    expect(suggestScoreNumber("≥1次", "1次", 1 / 3)).toBe(0.33);
    expect(suggestScoreNumber("2019年", "2019年", 1 / 3)).toBe(0.33); // a deadline kept
    expect(suggestScoreNumber("2019年", "2019年", 2.345)).toBe(2.35);
  });

  test("the decimal path where the exact one cannot go (a 分值 of 1/3)", () => {
    // 0.3333333333333333 × 0.8718 ÷ 0.9 = 0.32288… → 0.32
    expect(suggestScoreNumber("≥90%", "87.18%", 1 / 3)).toBe(0.32);
    // 0.3333333333333333 × 24 ÷ 30 = 0.2666… → 0.27
    expect(suggestScoreNumber("≤24小时", "30小时", 1 / 3)).toBe(0.27);
    // 0.3333333333333333 × −0.1 ÷ 0.9 < 0 → 0
    expect(suggestScoreNumber("≥90%", "-10%", 1 / 3)).toBe(0);
  });
});

describe("suggestScore: deadlines", () => {
  const kept = (t: string, a: string): unknown => ({ kind: "manual", reason: `完成时限已达到（目标${t}，实际${a}）`, met: true });
  const missed = (t: string, a: string): unknown => ({ kind: "manual", reason: `需人工评分：未在时限内完成（目标${t}，实际${a}）`, met: false });

  test.each<[string, string, boolean]>([
    ["2019年", "2019年", true],
    [">2019年", "2019年", false], // strictly after: the same year is not enough
    [">2019年", "2020年", true],
    ["<2019年12月31日", "2019年12月31日", false],
    ["<2019年12月31日", "2019年12月30日", true],
    ["≥2020年1月", "2020年1月", true],
    ["≥2020年1月", "2019年12月", false],
    ["=2019年", "2018年", true], // = on a date is a deadline
    ["=2019年", "2020年", false],
    ["2020年1月后", "12月", true], // the actual takes the target's year: 2020-12-31 ≥ 2020-01-31
    ["6月30日前", "2019年6月1日", true], // the target takes the actual's year: 2019-06-01 ≤ 2019-06-30
    ["2019年12月31日前", "12月20日", true],
  ])("%p / %p", (target, actual, met) => {
    expect(suggestScore(target, actual, d(10))).toEqual(met ? kept(target, actual) : missed(target, actual));
    expect(suggestScoreNumber(target, actual, 10)).toBe(met ? 10 : MANUAL_SCORE);
  });

  test.each<[unknown, unknown, unknown]>([
    [1900, 1900, kept("1900", "1900")],
    [2099, "2099", kept("2099", "2099")],
    [2019, 2020, missed("2019", "2020")],
  ])("完成时限 %p / %p: years typed as numbers are dates", (target, actual, expected) => {
    expect(suggestScore(target, actual, d(10), "完成时限")).toEqual(expected);
  });

  test("完成时限 with a date or a sentence on one side: not plain years", () => {
    expect(suggestScore("2019年", 2020, d(10), "完成时限")).toEqual({ kind: "manual", reason: "需人工评分：年度指标值是日期，实际完成值不是日期" });
    expect(suggestScore(2019, "稳步推进", d(10), "完成时限")).toEqual({ kind: "manual", reason: "需人工评分：实际完成值不是可计算的数量" });
  });

  test.each<[unknown, unknown, unknown, string, boolean]>([
    // not both plain years (1900–2099, no unit, no operator, whole): compared as figures, ≤ from 时限
    [1899, 1899, "完成时限", "10", true],
    [2100, 2100, "完成时限", "10", true],
    ["≤2019", "2020", "完成时限", "10", false], // 10 × 2019 ÷ 2020 = 9.99505 → 10.00, yet missed
    ["2019", "2020次", "完成时限", "10", false],
    [2019, 20, "完成时限", "10", true], // 20 ≤ 2019
    [20, 2019, "完成时限", "0.1", false], // 10 × 20 ÷ 2019 = 0.09906 → 0.10
    ["2019.5", "2020", "完成时限", "10", false], // 10 × 2019.5 ÷ 2020 = 9.99752 → 10.00
    [2019, 2019, "工期", "10", true], // only 时限 makes plain years dates
  ])("%p / %p (%p): figures", (target, actual, name, score, met) => {
    const s = suggestScore(target, actual, d(10), name);
    expect(s.kind === "score" && [s.score.toString(), s.met, s.op]).toEqual([score, met, "<="]);
  });
});

describe("joinIndicatorParts: numbers that are not figures", () => {
  test.each<[unknown[], string | null]>([
    [["≥", NaN, "%"], "≥ %"],
    [[Infinity], null],
    [[0, "次"], "0 次"],
    [[null, "≥", undefined, 5], "≥ 5"],
  ])("%p → %p", (parts, joined) => {
    expect(joinIndicatorParts(parts)).toBe(joined);
  });
});
