import DecimalBase from "decimal.js";
import { D, ZERO, ONE, HUNDRED, round, fmt, fmtPercent, plain } from "../../src/core/decimal";

describe("D (the project's Decimal)", () => {
  test("is configured for 34 significant digits and half-up rounding", () => {
    expect(D.precision).toBe(34);
    expect(D.rounding).toBe(DecimalBase.ROUND_HALF_UP);
    // 1 ÷ 3 to 34 significant digits: "0." followed by 34 threes.
    expect(new D(1).dividedBy(3).toString()).toBe(`0.${"3".repeat(34)}`);
  });

  test("is a clone: changing the global decimal.js settings does not change it", () => {
    const saved = { precision: DecimalBase.precision, rounding: DecimalBase.rounding };
    try {
      DecimalBase.set({ precision: 5, rounding: DecimalBase.ROUND_DOWN });
      expect(D.precision).toBe(34);
      expect(D.rounding).toBe(DecimalBase.ROUND_HALF_UP);
      expect(new D(2).dividedBy(3).toString()).toBe(`0.${"6".repeat(33)}7`);
    } finally {
      DecimalBase.set(saved);
    }
  });

  test("constants", () => {
    expect(ZERO.toString()).toBe("0");
    expect(ONE.toString()).toBe("1");
    expect(HUNDRED.toString()).toBe("100");
  });
});

describe("round (四舍五入, half-up)", () => {
  test.each([
    // The binary-float trap: the double nearest 1.005 is 1.00499999…, which Excel/JS round down.
    ["1.005", 2, "1.01"],
    ["2.675", 2, "2.68"],
    ["1.004", 2, "1"],
    ["0.125", 2, "0.13"],
    ["8.400434", 2, "8.4"],
    ["9.98759", 2, "9.99"],
    ["2.5", 0, "3"],
    ["0.85225", 4, "0.8523"],
    ["0.85224999", 4, "0.8522"],
    // Half-up acts on the magnitude: −1.005 → −1.01 (as Excel ROUND does for negatives).
    ["-1.005", 2, "-1.01"],
    ["-0.004", 2, "0"],
  ])("round(%s, %d) = %s", (x, dp, expected) => {
    expect(round(new D(x), dp).toString()).toBe(expected);
  });

  test("defaults to 2 decimals", () => {
    expect(round(new D("3.14159")).toString()).toBe("3.14");
    expect(round(new D("0.005")).toString()).toBe("0.01");
  });
});

describe("fmt", () => {
  test.each([
    ["1234.5", "1234.50"],
    ["1.005", "1.01"],
    ["0", "0.00"],
    ["8.4", "8.40"],
    ["1227.61", "1227.61"],
    ["-526.734", "-526.73"],
    ["99.995", "100.00"],
  ])("fmt(%s) = %s", (x, expected) => {
    expect(fmt(new D(x))).toBe(expected);
  });

  test("takes the number of decimals", () => {
    expect(fmt(new D("0.85227"), 4)).toBe("0.8523");
    expect(fmt(new D("2.5"), 0)).toBe("3");
    expect(fmt(new D("7"), 3)).toBe("7.000");
  });
});

describe("fmtPercent", () => {
  test("75 ÷ 88 = 0.852272… → 85.23%", () => {
    expect(fmtPercent(new D(75).dividedBy(88))).toBe("85.23%");
  });

  test.each([
    ["0.852272", "85.23%"],
    ["1", "100.00%"],
    ["1.1", "110.00%"], // seed 004: 11 ÷ 10
    ["0", "0.00%"],
    ["0.00005", "0.01%"], // 0.005% → half-up → 0.01%
    ["0.00004999", "0.00%"],
    ["0.17206", "17.21%"],
    ["-0.30024", "-30.02%"],
  ])("fmtPercent(%s) = %s", (x, expected) => {
    expect(fmtPercent(new D(x))).toBe(expected);
  });

  test("2547.86 ÷ 287.63 = 8.858116… → 885.81% (seed 000)", () => {
    // 287.63 × 8.858 = 2547.82654; (2547.86 − 2547.82654) ÷ 287.63 ≈ 0.000116 → 8.858116 → 885.8116%
    expect(fmtPercent(new D("2547.86").dividedBy("287.63"))).toBe("885.81%");
  });

  test("takes the number of decimals", () => {
    expect(fmtPercent(new D("0.852272"), 1)).toBe("85.2%");
    expect(fmtPercent(new D("0.852272"), 0)).toBe("85%");
  });
});

describe("plain", () => {
  test.each([
    ["9.90", "9.9"],
    ["9", "9"],
    ["9.99", "9.99"],
    ["9.00", "9"],
    ["0.0000001", "0.0000001"], // no exponent notation
    ["1e21", "1000000000000000000000"],
    ["-0.5", "-0.5"],
  ])("plain(%s) = %s", (x, expected) => {
    expect(plain(new D(x))).toBe(expected);
  });
});
