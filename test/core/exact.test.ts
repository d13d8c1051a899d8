/**
 * The exact fast paths (src/core/exact.ts), worked by hand: half-up rounding, the limits of the fast path
 * (8 decimals, 15 significant digits, 2^53), and null rather than a wrong answer where a figure does not fit.
 * The property tests against decimal.js (25,000 generated cases per function) are in exact.fuzz.test.ts.
 */
import { cmp, divide, hundredths, mulDiv, relativeChange, roundNumber, scaled, subtract, sum, sumHundredths, sumsAgree } from "../../src/core/exact";

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

  test.each([
    [0, [0, 0]],
    [-75, [-75, 0]],
    [120.5, [1205, 1]], // 12050 hundredths: trailing zero dropped
    [-0.3, [-3, 1]],
    [0.001, [1, 3]],
    [9999999999999.99, [999999999999999, 2]], // 15 digits in hundredths: the largest that fits
    [12345678.12345678, [1234567812345678, 8]], // 8 decimals, n below 2^53
  ])("scaled(%p) = %p", (x, expected) => {
    expect(scaled(x)).toEqual(expected);
  });

  test.each([NaN, Infinity, -Infinity, 1e-9, 1.000000001, 1e17, 2 ** 53, 9007199254740991, 10000000000000])("scaled(%p) = null (does not fit)", (x) => {
    expect(scaled(x)).toBeNull();
  });

  test("beyond 15 digits a double does not name one 2-decimal figure: null, not a guess", () => {
    // 90071992547409.9 and 90071992547409.91 are the same double (doubles are 1/64 apart there). String() reads it
    // as …409.9; taking it as 9007199254740991 hundredths made hundredths() one cent off (…0991 for …0990).
    expect(90071992547409.9).toBe(90071992547409.91);
    expect(scaled(90071992547409.9)).toBeNull();
    expect(hundredths(90071992547409.9)).toBeNull();
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

describe("the limits of the fast path, exactly", () => {
  test("results of 15 significant digits read back; 16 do not (MAX_RESULT)", () => {
    // 9999999999999.99 − 0 = 999999999999999 hundredths: 15 digits
    expect(subtract(9999999999999.99, 0)).toBe(9999999999999.99);
    expect(subtract(-9999999999999.99, 0)).toBe(-9999999999999.99);
    // 9999999999999.99 + 0.01 = 10000000000000.00: 1000000000000000 hundredths, 16 digits
    expect(subtract(9999999999999.99, -0.01)).toBeNull();
    expect(subtract(-9999999999999.99, 0.01)).toBeNull();
    expect(sum([9999999999999.99, 0.01])).toBeNull();
    expect(sum([-9999999999999.99, -0.01])).toBeNull();
    // 12345678.12345678 to 8 decimals is itself; n = 1234567812345678 has 16 digits but needs no arithmetic
    expect(roundNumber(12345678.12345678, 8)).toBe(12345678.12345678);
  });

  test("2a + b beyond 2^53 in the half-up division: null, because doubles there skip odd integers", () => {
    // 531337517899 ÷ 7: 7 × 75905359699 = 531337517893, remainder 6, 6 ÷ 7 = 0.857142… → 75905359699.8571.
    // In units of 10^-4: a = 5313375178990000, b = 7, 2a + b = 10626750357980007 > 2^53 − 1, which a double
    // holds as …980008: floor(…980008 ÷ 14) would give 75905359699.8572.
    expect(divide(531337517899, 7, 4)).toBeNull();
    // 2a + b = 2^53 − 1 exactly is still exact: 450359962737 ÷ 991 (2 × 4503599627370000 + 991 = 9007199254740991).
    // 991 × 454450012 = 450359961892, remainder 845, 845 ÷ 991 = 0.852674… → 454450012.8527
    expect(divide(450359962737, 991, 4)).toBe(454450012.8527);
    // one more (2a + b = 2^53 − 1 + 20000): null
    expect(divide(450359962738, 991, 4)).toBeNull();
    // 90000000.12345678 = 9000000012345678 × 10^-8; to 4 decimals: 2 × 9000000012345678 + 10^4 > 2^53 − 1
    expect(scaled(90000000.12345678)).toEqual([9000000012345678, 8]);
    expect(roundNumber(90000000.12345678, 4)).toBeNull();
    // (999999999999 − 1) ÷ 1 in units of 10^-4: 9999999999980000 > 2^53 − 1
    expect(relativeChange(999999999999, 1, 4)).toBeNull();
  });

  test("8 decimals with more than 2^53 units of 10^-8: null", () => {
    // 123456789.12345678 would be 12345678912345678 × 10^-8, beyond 2^53 − 1 = 9007199254740991
    expect(scaled(123456789.12345678)).toBeNull();
  });

  test("whole hundredths up to 2^53 − 1 (not limited to 15 digits: integers are exact)", () => {
    // 5 × 999999999999999 = 4999999999999995 hundredths
    const fives = [9999999999999.99, 9999999999999.99, 9999999999999.99, 9999999999999.99, 9999999999999.99];
    expect(sumHundredths(fives)).toBe(4999999999999995);
    expect(hundredths(9999999999999.99)).toBe(999999999999999);
  });

  test("a sum is checked at each term: a later term must not bring an inexact sum back into range", () => {
    // 9999999999999 + 0.00000001 needs 999999999999900000001 units of 10^-8, beyond 2^53; the double
    // rounds away the 1, and subtracting 9999999999999 again would give 0 instead of 0.00000001.
    expect(sum([9999999999999, 0.00000001, -9999999999999])).toBeNull();
  });
});

describe("terms with different numbers of decimals", () => {
  test("sum: both on the larger number of decimals", () => {
    expect(sum([0.5, 1])).toBe(1.5); // 5 tenths + 10 tenths
    expect(sum([1, 0.25])).toBe(1.25); // 100 + 25 hundredths
    expect(sum([0.1, 0.02, 0.003])).toBe(0.123); // 100 + 20 + 3 thousandths
    expect(sum([-0.5, 0.25])).toBe(-0.25);
    // 0.004 + 1 = 1.004 → 1.00; 0.006 + 1 = 1.006 → 1.01
    expect(sumHundredths([0.004, 1])).toBe(100);
    expect(sumHundredths([1, 0.006])).toBe(101);
  });

  test("subtract", () => {
    expect(subtract(1, 0.25)).toBe(0.75); // 100 − 25 hundredths
    expect(subtract(0.25, 1)).toBe(-0.75);
    expect(subtract(2.5, 0.125)).toBe(2.375); // 2500 − 125 thousandths
  });

  test("relativeChange", () => {
    // (1.5 − 1) ÷ 1 = 0.5: 15 − 10 tenths
    expect(relativeChange(1.5, 1, 4)).toBe(0.5);
    // (1 − 1.25) ÷ 1.25 = −0.2: 100 − 125 hundredths
    expect(relativeChange(1, 1.25, 4)).toBe(-0.2);
    // (0 − 5) ÷ 5 = −1
    expect(relativeChange(0, 5, 4)).toBe(-1);
    // (2 − (−3)) ÷ |−3| = 5 ÷ 3 = 1.66666… → 1.6667
    expect(relativeChange(2, -3, 4)).toBe(1.6667);
  });

  test("divide and mulDiv", () => {
    // 1.5 ÷ 0.25 = 6; 0.25 ÷ 1.5 = 0.16666… → 0.1667
    expect(divide(1.5, 0.25, 4)).toBe(6);
    expect(divide(0.25, 1.5, 4)).toBe(0.1667);
    // 2.5 × 0.4 ÷ 0.125 = 1 ÷ 0.125 = 8
    expect(mulDiv(2.5, 0.4, 0.125, 2)).toBe(8);
  });
});

describe("signs and zeros", () => {
  test("zero numerators give 0 (not −0 for a positive divisor)", () => {
    expect(divide(0, 5, 2)).toBe(0);
    expect(mulDiv(0, 5, 3, 2)).toBe(0);
    expect(roundNumber(0, 2)).toBe(0);
  });

  test("the quotient's sign is the product of the operands' signs, rounded away from zero", () => {
    // 10 × 1 ÷ 8 = 1.25; −1.25 for one negative operand, 1.25 for two
    expect(mulDiv(-10, 1, 8, 2)).toBe(-1.25);
    expect(mulDiv(10, -1, 8, 2)).toBe(-1.25);
    expect(mulDiv(10, 1, -8, 2)).toBe(-1.25);
    expect(mulDiv(-10, -1, 8, 2)).toBe(1.25);
    expect(mulDiv(-10, 1, -8, 2)).toBe(1.25);
    // 1 ÷ 8 = 0.125 → ±0.13
    expect(divide(-1, -8, 2)).toBe(0.13);
  });

  test("zero divisors give null", () => {
    expect(divide(5, 0, 4)).toBeNull();
    expect(divide(0, 0, 4)).toBeNull();
    expect(mulDiv(5, 1, 0, 2)).toBeNull();
    expect(mulDiv(0, 1, 0, 2)).toBeNull();
    expect(relativeChange(0, 0, 4)).toBeNull();
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

describe("sumsAgree: a total and its parts that agree at 2 decimals, on exact hundredths", () => {
  test("cells holding numbers that agree; blank parts add nothing", () => {
    expect(sumsAgree(18259.03, [86.56, 18172.47])).toBe(true);
    expect(sumsAgree(0.3, [0.1, 0.2])).toBe(true); // not 0.30000000000000004
    expect(sumsAgree(10, [10, null, null])).toBe(true);
    expect(sumsAgree(1227.615, [1227.62])).toBe(true); // the total is compared at 2 decimals, half-up
    expect(sumsAgree(1, [0.333, 0.333, 0.334])).toBe(true);
  });

  test("false whenever the decimal path must decide: a difference, a text, a blank total, no part written, a figure that does not fit", () => {
    expect(sumsAgree(18259.03, [86.56, 18172.46])).toBe(false); // 0.01 apart
    expect(sumsAgree("10", [10])).toBe(false);
    expect(sumsAgree(10, ["10"])).toBe(false);
    expect(sumsAgree(10, [""])).toBe(false);
    expect(sumsAgree(null, [10])).toBe(false);
    expect(sumsAgree(0, [null, null])).toBe(false);
    expect(sumsAgree(0, [])).toBe(false);
    expect(sumsAgree(1e13, [1e13])).toBe(false); // beyond 15 digits in hundredths
    expect(sumsAgree(10, [0.123456789, 9.876543211])).toBe(false); // more than 8 decimals: not on the integer path
  });
});
