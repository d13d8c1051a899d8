/**
 * The exact fast paths (src/core/exact.ts), worked by hand: half-up rounding, the limits of the fast path
 * (8 decimals, 15 significant digits, 2^53), and null rather than a wrong answer where a figure does not fit.
 * The property tests against decimal.js (25,000 generated cases per function) are in exact.fuzz.test.ts.
 */
import { cmp, divide, hundredths, mulDiv, relativeChange, roundNumber, scaled, subtract, sum, sumHundredths } from "../../src/core/exact";

describe("scaled: a cell number as an integer and a power of ten", () => {
  test.each([
    [0.1, [1, 1]],
    [1.005, [1005, 3]],
    [24964.59, [2496459, 2]],
    [75, [75, 0]],
    [-0.125, [-125, 3]],
    [0.00000001, [1, 8]],
  ])("scaled(%p) = %p", (x, expected) => {
    expect(scaled(x)).toEqual(expected);
  });

  test.each([NaN, Infinity, -Infinity, 1e-9, 1.000000001, 1e17, 2 ** 53])("scaled(%p) = null (does not fit)", (x) => {
    expect(scaled(x)).toBeNull();
  });
});

describe("half-up edge cases, by hand", () => {
  test("roundNumber rounds the decimal the cell shows, half away from zero", () => {
    expect(roundNumber(1.005, 2)).toBe(1.01); // the double 1.00499999999999989… stands for 1.005
    expect(roundNumber(0.125, 2)).toBe(0.13);
    expect(roundNumber(-0.125, 2)).toBe(-0.13); // away from zero, as ROUND_HALF_UP
    expect(roundNumber(2.675, 2)).toBe(2.68); // Number.prototype.toFixed gives 2.67
    expect(roundNumber(0.124999, 2)).toBe(0.12);
    expect(roundNumber(8.4, 2)).toBe(8.4); // already 2 decimals: unchanged
    expect(roundNumber(1e-9, 2)).toBeNull(); // 9 decimals: does not fit
  });

  test("divide rounds the quotient half-up", () => {
    expect(divide(1, 8, 2)).toBe(0.13); // 0.125 → 0.13
    expect(divide(-1, 8, 2)).toBe(-0.13);
    expect(divide(1, -8, 2)).toBe(-0.13);
    expect(divide(75, 88, 4)).toBe(0.8523); // 0.852272… (seed 003 在职人员控制率)
    expect(divide(10.41, 60.5, 4)).toBe(0.1721); // 0.1720661…
    expect(divide(1, 3, 4)).toBe(0.3333);
    expect(divide(2, 3, 4)).toBe(0.6667);
    expect(divide(5, 0, 4)).toBeNull();
  });

  test("mulDiv: weight × executed ÷ budget (seed 003 执行率得分)", () => {
    // 10 × 20971.34 ÷ 24964.59 = 8.400434… → 8.40
    expect(mulDiv(10, 20971.34, 24964.59, 2)).toBe(8.4);
    // 10 × 804.82 ÷ 805.82 = 9.98759… → 9.99 (seed 002: 99.88%)
    expect(mulDiv(10, 804.82, 805.82, 2)).toBe(9.99);
    // 5 × 0.8718 ÷ 0.9 = 4.8433… → 4.84
    expect(mulDiv(5, 0.8718, 0.9, 2)).toBe(4.84);
  });

  test("subtract and sum are exact where doubles are not", () => {
    expect(subtract(0.3, 0.1)).toBe(0.2); // 0.3 − 0.1 is 0.19999999999999998 in binary
    expect(subtract(18259.03, 18259.02)).toBe(0.01);
    expect(sum([0.1, 0.2])).toBe(0.3); // binary: 0.30000000000000004
    expect(sum([86.56, 18172.46])).toBe(18259.02);
    expect(sum([1.96, 0.27])).toBe(2.23); // seed 004 三公
    expect(sum([])).toBe(0);
  });

  test("relativeChange and hundredths, by hand", () => {
    // (707.43 − 664.43) ÷ 664.43 = 0.0647171… → 0.0647
    expect(relativeChange(707.43, 664.43, 4)).toBe(0.0647);
    // (1227.61 − 1754.34) ÷ 1754.34 = −0.300244… → −0.3002
    expect(relativeChange(1227.61, 1754.34, 4)).toBe(-0.3002);
    // (−5 − (−10)) ÷ |−10| = 0.5
    expect(relativeChange(-5, -10, 4)).toBe(0.5);
    expect(hundredths(1227.615)).toBe(122762); // half-up
    expect(hundredths(-0.125)).toBe(-13);
    expect(hundredths(75)).toBe(7500);
    // 86.56 + 18172.46 = 18259.02
    expect(sumHundredths([86.56, 18172.46])).toBe(1825902);
    // 0.004 + 0.004 = 0.008 → 0.01
    expect(sumHundredths([0.004, 0.004])).toBe(1);
  });

  test("cmp orders as the decimals do", () => {
    expect(cmp(0.1, 0.2)).toBe(-1);
    expect(cmp(2, 2)).toBe(0);
    expect(cmp(-1, -2)).toBe(1);
  });
});

describe("null rather than a wrong answer when figures do not fit", () => {
  test.each([
    ["divide 1e-9", () => divide(1e-9, 3, 4)],
    ["divide by 1e-9", () => divide(1, 1e-9, 4)],
    ["divide 1e17", () => divide(1e17, 3, 4)],
    ["divide NaN", () => divide(NaN, 3, 4)],
    ["divide Infinity", () => divide(Infinity, 3, 4)],
    ["divide, quotient beyond 2^53", () => divide(9e15, 0.01, 4)],
    ["mulDiv 1e17", () => mulDiv(1e17, 1, 3, 2)],
    ["mulDiv, product beyond 2^53", () => mulDiv(123456789.12, 987654321.98, 7, 2)],
    ["roundNumber 1e17", () => roundNumber(1e17, 2)],
    ["subtract 1e17", () => subtract(1e17, 1)],
    ["subtract 1e-9", () => subtract(1, 1e-9)],
    ["subtract beyond 2^53", () => subtract(9007199254740991, -1)], // 2^53 is not a safe integer
    ["subtract beyond 2^53 after scaling", () => subtract(90071992547409.9, -0.02)], // 9007199254740990 + 2 = 2^53 hundredths
    ["sum with 1e-9", () => sum([1, 1e-9])],
    ["sum beyond 2^53", () => sum([9e15, 9e15])],
    ["relativeChange by 0", () => relativeChange(5, 0, 4)],
    ["relativeChange 1e-9", () => relativeChange(1e-9, 3, 4)],
    ["hundredths 1e17", () => hundredths(1e17)],
    ["sumHundredths with NaN", () => sumHundredths([1, NaN])],
  ])("%s → null", (_label, f) => {
    expect(f()).toBeNull();
  });
});
