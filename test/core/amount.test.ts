import { parseAmount, toHalfWidth, isPlaceholder, isNotApplicable, amountOrNull, EXPECTED_AMOUNT, type Parsed } from "../../src/core/amount";
import { D } from "../../src/core/decimal";

/** Asserts a parsed number and returns it, compared as decimal text. */
function expectNumber(p: Parsed, value: string, percent: boolean, decimals: number): void {
  expect(p.kind).toBe("number");
  if (p.kind !== "number") return;
  expect(p.value.equals(new D(value))).toBe(true);
  expect(p.percent).toBe(percent);
  expect(p.decimals).toBe(decimals);
}

function expectInvalid(p: Parsed): { text: string; message: string } {
  expect(p.kind).toBe("invalid");
  if (p.kind !== "invalid") throw new Error("not invalid");
  return p;
}

describe("parseAmount: numbers from the host", () => {
  test("0.1 is exactly one tenth, not the binary double", () => {
    const p = parseAmount(0.1);
    expectNumber(p, "0.1", false, 1);
    if (p.kind === "number") expect(p.value.toString()).toBe("0.1");
  });

  test.each<[number, string, number]>([
    [1227.61, "1227.61", 2],
    [0, "0", 0],
    [75, "75", 0],
    [-3.5, "-3.5", 1],
    [-526.73, "-526.73", 2],
    [1e-7, "0.0000001", 7], // String(1e-7) is "1e-7": still 7 decimals
  ])("%p → %s with %d decimals", (n, value, decimals) => {
    expectNumber(parseAmount(n), value, false, decimals);
  });

  test.each([NaN, Infinity, -Infinity])("%p → invalid", (n) => {
    const p = expectInvalid(parseAmount(n));
    expect(p.text).toBe(String(n));
    expect(p.message).toContain(String(n));
    expect(p.message).toContain(EXPECTED_AMOUNT);
  });
});

describe("parseAmount: values that are not numbers", () => {
  test.each<[boolean, string]>([
    [true, "TRUE"],
    [false, "FALSE"],
  ])("boolean %p → invalid (逻辑值)", (b, text) => {
    const p = expectInvalid(parseAmount(b));
    expect(p.text).toBe(text);
    expect(p.message).toContain("逻辑值");
    expect(p.message).toContain(text);
    expect(p.message).toContain(EXPECTED_AMOUNT);
  });

  test("a Date → invalid, naming the date", () => {
    const p = expectInvalid(parseAmount(new Date(Date.UTC(2024, 11, 31))));
    expect(p.text).toBe("日期 2024-12-31");
    expect(p.message).toContain("日期 2024-12-31");
    expect(p.message).toContain(EXPECTED_AMOUNT);
  });

  test("an invalid Date → invalid, without throwing", () => {
    // A typed failure is promised for whatever a host gives; toISOString() of an invalid Date throws.
    let p: Parsed | undefined;
    expect(() => {
      p = parseAmount(new Date(NaN));
    }).not.toThrow();
    expect(p?.kind).toBe("invalid");
  });

  test("an array (several cells) → invalid", () => {
    const p = expectInvalid(parseAmount([[1, 2]]));
    expect(p.text).toBe("多个单元格");
    expect(p.message).toContain("多个单元格");
  });

  test("an object → invalid", () => {
    const p = expectInvalid(parseAmount({ value: 1 }));
    expect(p.text).toBe("对象");
    expect(p.message).toContain(EXPECTED_AMOUNT);
  });
});

describe("parseAmount: blanks", () => {
  test.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["empty string", ""],
    ["spaces", "   "],
    ["tabs and newlines", "\t\n "],
    ["full-width space", "\u3000\u3000"],
  ])("%s → missing (never a guessed zero)", (_name, v) => {
    expect(parseAmount(v)).toEqual({ kind: "missing" });
  });
});

describe("parseAmount: text numbers", () => {
  test.each<[string, string, number]>([
    ["1227.61", "1227.61", 2],
    ["1,227.61", "1227.61", 2],
    ["1,227", "1227", 0],
    ["12,345,678.9", "12345678.9", 1],
    ["1, 227. 61", "1227.61", 2], // PDF copy with stray spaces
    ["  616.51 ", "616.51", 2],
    ["１２３．４５", "123.45", 2], // full-width digits and point
    ["１，２２７．６１", "1227.61", 2],
    ["1227.61万元", "1227.61", 2], // the expected unit is harmless
    ["1,227.61 万元", "1227.61", 2],
    ["-5", "-5", 0],
    ["+5.5", "5.5", 1],
    ["−5", "-5", 0], // U+2212 minus sign
    [".5", "0.5", 1],
    ["7.50", "7.5", 2], // decimals as written
    ["0", "0", 0],
  ])("%p → %s", (text, value, decimals) => {
    expectNumber(parseAmount(text), value, false, decimals);
  });

  test.each<[string, string, number]>([
    ["85.23%", "0.8523", 2], // decimals counted in the written unit (percent)
    ["８５．２３％", "0.8523", 2],
    ["85.23 %", "0.8523", 2],
    ["100%", "1", 0],
    ["110.00%", "1.1", 2],
    ["-30.02%", "-0.3002", 2],
  ])("percentage %p → %s", (text, value, decimals) => {
    expectNumber(parseAmount(text), value, true, decimals);
  });
});

describe("parseAmount: placeholders", () => {
  test.each([
    ["××", "××"],
    ["XX", "XX"],
    ["xx", "xx"],
    ["ＸＸ", "ＸＸ"],
    ["—", "—"],
    ["——", "——"],
    ["-", "-"],
    ["－", "－"],
    ["/", "/"],
    ["××分", "××分"],
    [" ×× ", "××"], // text trimmed
    ["××专项资金", "××专项资金"],
  ])("%p → placeholder", (text, kept) => {
    expect(parseAmount(text)).toEqual({ kind: "placeholder", text: kept });
  });
});

describe("parseAmount: units", () => {
  test("a trailing 元 is rejected, with a message that asks for 万元", () => {
    const p = expectInvalid(parseAmount("12276100元"));
    expect(p.text).toBe("12276100元");
    expect(p.message).toContain("12276100元");
    expect(p.message).toContain("万元");
  });

  test("元 after thousands separators and a space is rejected too", () => {
    const p = expectInvalid(parseAmount("12,276,100 元"));
    expect(p.message).toContain("万元");
  });
});

describe("parseAmount: errors and garbage", () => {
  test.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])("error value %p → invalid", (text) => {
    const p = expectInvalid(parseAmount(text));
    expect(p.text).toBe(text);
    expect(p.message).toContain(text);
    expect(p.message).toContain(EXPECTED_AMOUNT);
  });

  test.each(["7.50.", "abc", "1,2,3", "12,27.61", "1,2345", "5.", "1e5", "12万", "85%%"])("%p → invalid, naming the text and what was expected", (text) => {
    const p = expectInvalid(parseAmount(text));
    expect(p.text).toBe(text);
    expect(p.message).toContain(`「${text}」`);
    expect(p.message).toContain(EXPECTED_AMOUNT);
    expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test("the invalid text is trimmed", () => {
    const p = expectInvalid(parseAmount("  abc  "));
    expect(p.text).toBe("abc");
  });
});

describe("toHalfWidth", () => {
  test.each([
    ["１２３．４５", "123.45"],
    ["８５．２３％", "85.23%"],
    ["１，２２７", "1,227"],
    ["－５", "-5"],
    ["＋５", "+5"],
    ["−5", "-5"],
    ["１２。５", "12.5"],
    ["１、２２７", "1,227"],
    ["ＸＸ", "XX"],
    ["ｘｘ", "xx"],
    ["４次／年", "4次/年"],
    ["5﹪", "5%"],
    ["a\u3000b", "a b"],
    ["０９", "09"],
    ["稳步提升", "稳步提升"], // other characters untouched
    ["", ""],
  ])("%p → %p", (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });
});

describe("isPlaceholder", () => {
  test.each(["××", "XX", "xx", "ＸＸ", "—", "-", "/", "××分", " ×× ", "○○单位", "＊＊", "…", "x"])("%p is a placeholder", (t) => {
    expect(isPlaceholder(t)).toBe(true);
  });

  test.each(["", "   ", "0", "1227.61", "-5", "85%", "项目支出", "稳步提升"])("%p is not a placeholder", (t) => {
    expect(isPlaceholder(t)).toBe(false);
  });
});

describe("isNotApplicable: a form's way of writing none / not applicable (issue 9)", () => {
  test.each(["—", "——", "–", "-", "--", "－", "/", "／", "\\", "…", "……", "...", "。。。", "无", "暂无", "无此项", "不适用", "不涉及", "N/A", "n/a", " — ", "\u3000无\u3000"])("%p means not applicable", (t) => {
    expect(isNotApplicable(t)).toBe(true);
  });

  test.each(["", "  ", "××", "XX", "××分", "○○单位", "0", "-5", "无违规", "100%", "稳步提升"])("%p does not", (t) => {
    expect(isNotApplicable(t)).toBe(false);
  });
});

describe("toHalfWidth: comparison signs (issue 9)", () => {
  test.each([
    ["＞＝90%", ">=90%"],
    ["＜＝5%", "<=5%"],
    ["＝100%", "=100%"],
    ["═100%", "=100%"], // U+2550 box drawing, as printed in Yunnan's forms
  ])("%p → %p", (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });
});

describe("amountOrNull", () => {
  test("a number → its decimal", () => {
    expect(amountOrNull("1,227.61")?.toString()).toBe("1227.61");
    expect(amountOrNull(0)?.toString()).toBe("0");
    expect(amountOrNull("85.23%")?.toString()).toBe("0.8523");
  });

  test.each<[string, unknown]>([
    ["missing", null],
    ["blank", " "],
    ["placeholder", "××"],
    ["invalid", "abc"],
    ["error", "#DIV/0!"],
    ["boolean", true],
  ])("%s → null", (_name, v) => {
    expect(amountOrNull(v)).toBeNull();
  });
});

describe("messages, word for word (issue 14)", () => {
  // What an amount cell expects, typed in: the constant itself must say it too.
  const EXPECTED = "数字（万元，最多两位小数），如 1227.61";

  test("the expected form", () => {
    expect(EXPECTED_AMOUNT).toBe(EXPECTED);
  });

  test.each<[string, unknown, string, string]>([
    ["NaN", NaN, "NaN", `不是有效数字（NaN），应为${EXPECTED}`],
    ["-Infinity", -Infinity, "-Infinity", `不是有效数字（-Infinity），应为${EXPECTED}`],
    ["TRUE", true, "TRUE", `是逻辑值（TRUE），应为${EXPECTED}`],
    ["FALSE", false, "FALSE", `是逻辑值（FALSE），应为${EXPECTED}`],
    ["a date", new Date(Date.UTC(2024, 11, 31)), "日期 2024-12-31", `不是数字（日期 2024-12-31），应为${EXPECTED}`],
    ["an invalid date", new Date(NaN), "无效日期", `不是数字（无效日期），应为${EXPECTED}`],
    ["several cells", [[1, 2]], "多个单元格", `不是数字（多个单元格），应为${EXPECTED}`],
    ["an object", { value: 1 }, "对象", `不是数字（对象），应为${EXPECTED}`],
    ["a bigint", BigInt(12), "12", `不是数字（12），应为${EXPECTED}`],
    ["an error value", "#DIV/0!", "#DIV/0!", `是错误值（#DIV/0!），应为${EXPECTED}`],
    ["an error value, lower case with spaces", " #n/a ", "#n/a", `是错误值（#n/a），应为${EXPECTED}`],
    ["an amount in 元", "12276100元", "12276100元", "「12276100元」以元为单位，应换算为万元填写"],
    ["an amount in 元 with separators", " 12,276,100 元 ", "12,276,100 元", "「12,276,100 元」以元为单位，应换算为万元填写"],
    ["text", "abc", "abc", `「abc」不是数字，应为${EXPECTED}`],
  ])("%s", (_label, cell, text, message) => {
    expect(parseAmount(cell)).toEqual({ kind: "invalid", text, message });
  });
});

describe("parseAmount: where 万元, 元 and # may stand", () => {
  test.each(["万元12", "12元5", "12万元5", "5#N/A", "#", "#-5"])("%p is not a number (generic message)", (text) => {
    expect(parseAmount(text)).toEqual({ kind: "invalid", text, message: `「${text}」不是数字，应为${EXPECTED_AMOUNT}` });
  });

  test("元 alone is not a number either", () => {
    expect(parseAmount("元")).toEqual({ kind: "invalid", text: "元", message: `「元」不是数字，应为${EXPECTED_AMOUNT}` });
  });
});

describe("parseAmount: thousands separators, exactly", () => {
  test.each<[string, string, number]>([
    ["123,456", "123456", 0], // three digits before the first comma
    ["12,345", "12345", 0],
    ["1,234,567.891", "1234567.891", 3],
    ["-1,227.61", "-1227.61", 2],
    ["+1,227", "1227", 0],
  ])("%p → %s", (text, value, decimals) => {
    expectNumber(parseAmount(text), value, false, decimals);
  });

  test("a grouped percentage", () => {
    // 1,234.5% = 12.345
    expectNumber(parseAmount("1,234.5%"), "12.345", true, 1);
  });

  test.each(["1234,567", ",123", "1,", "1,234,", "1,23", "1,234.", "1,234.5.6", "--1,234", "1,234%%", "a1,234"])("%p → invalid", (text) => {
    expect(parseAmount(text)).toEqual({ kind: "invalid", text, message: `「${text}」不是数字，应为${EXPECTED_AMOUNT}` });
  });
});

describe("parseAmount: the shape of a number", () => {
  test.each(["++5", "+-5", "5-", "5+", "%5", "5%5", "1.2.3", ".", "-.", "-", "5 5 5x", "٣"])("%p → not a number", (text) => {
    expect(parseAmount(text).kind).not.toBe("number");
  });

  test.each<[string, string, number]>([
    ["-.5", "-0.5", 1],
    ["+.25", "0.25", 2],
    ["007", "7", 0],
    ["12.000", "12", 3],
    ["0.5%", "0.005", 1],
    [".5%", "0.005", 1],
  ])("%p → %s", (text, value, decimals) => {
    expectNumber(parseAmount(text), value, text.endsWith("%"), decimals);
  });
});

describe("isPlaceholder and isNotApplicable, edge by edge", () => {
  test.each(["——", "--", "//", "xX", "**", "＊＊", "___", "··", "..", "○○", "××××", "XX单位", "xx项目", "＊＊局", "ｘｘ", "－", "／", "．", "×", "X", "*", "＊", "–", "\\", "_", "·", "ＸＸ单位", "○○"])("%p is a placeholder", (t) => {
    expect(isPlaceholder(t)).toBe(true);
  });

  test.each(["5-", "-5", "a/b", "x1", "3.5", "。。。", "、", "○", "×1", "○5"])("%p is not a placeholder", (t) => {
    expect(isPlaceholder(t)).toBe(false);
  });

  test.each(["NA", "na", "//", "／／", "\\\\", "....", "。。。。", "———", "─", "－－", "暂无", "无此项", "不涉及", "不适用"])("%p means not applicable", (t) => {
    expect(isNotApplicable(t)).toBe(true);
  });

  test.each(["..", "。。", "达标—", "5-", "-5", "x/", "/x", "无此", "N/AA", "NA5", "…5", "5…", "无无", "N//A", "\u3000"])("%p does not", (t) => {
    expect(isNotApplicable(t)).toBe(false);
  });
});
