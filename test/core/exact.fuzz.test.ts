/**
 * Property tests of the exact fast paths (src/core/exact.ts) against the decimal.js path they replace: for
 * generated cell-like figures they must give the very same numbers, and where a figure does not fit they must
 * say so (null) rather than give a wrong answer. The cases worked by hand, with the limits, are in
 * exact.test.ts; these run 25,000 cases per function and are left out of mutation testing (jest.mutate.config.js
 * skips *.fuzz.test.ts), where they would be re-run for every mutant.
 */
import { divide, mulDiv, relativeChange, roundNumber, scaled, subtract, sum, sumHundredths, hundredths } from "../../src/core/exact";
import { D } from "../../src/core/decimal";
import { Rng } from "../helpers/random";

const dec = (x: number) => new D(String(x));
const refDivide = (a: number, b: number, dp: number) => dec(a).dividedBy(dec(b)).toDecimalPlaces(dp, D.ROUND_HALF_UP).toNumber();
const refMulDiv = (a: number, b: number, c: number, dp: number) =>
  dec(a).times(dec(b)).dividedBy(dec(c)).toDecimalPlaces(dp, D.ROUND_HALF_UP).toNumber();
const refRound = (x: number, dp: number) => dec(x).toDecimalPlaces(dp, D.ROUND_HALF_UP).toNumber();
const refSubtract = (a: number, b: number) => dec(a).minus(dec(b)).toNumber();
const refSum = (xs: number[]) => xs.reduce((s, x) => s.plus(dec(x)), new D(0)).toNumber();

const PAIRS = 25_000;

/** Runs `check` over generated cases; collects the first few disagreements with their inputs. */
function property(seed: number, cases: number, check: (rng: Rng, i: number) => string | null): { failures: string[]; fast: number } {
  const rng = new Rng(seed);
  const failures: string[] = [];
  let fast = 0;
  for (let i = 0; i < cases; i++) {
    const f = check(rng, i);
    if (f === "fast") fast++;
    else if (f !== null && failures.length < 10) failures.push(`seed ${seed} case ${i}: ${f}`);
  }
  return { failures, fast };
}

/**
 * The fast path must give the same number as decimal.js. `===` on purpose: it tells 0.1 from
 * 0.10000000000000002 but takes −0 for 0, as a cell does (Excel has no negative zero, and the
 * decimal path reads −0 as String(−0) = "0").
 */
function agree(label: string, got: number | null, want: () => number): string | null {
  if (got === null) return null;
  const w = want();
  return got === w ? "fast" : `${label}: fast ${got}, decimal ${w}`;
}

describe("scaled", () => {
  test("whenever it answers, n / 10^k is exactly the decimal String(x) reads", () => {
    const { failures, fast } = property(101, PAIRS, (rng) => {
      const x = rng.cellNumber();
      const s = scaled(x);
      if (!s) return null;
      return dec(x).equals(new D(s[0]).dividedBy(new D(10).pow(s[1]))) ? "fast" : `scaled(${x}) = ${s}`;
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.85);
  });
});

describe(`property: ${PAIRS} generated cell-like pairs, fast path = decimal.js path`, () => {
  test("divide(a, b, 2 | 4)", () => {
    const { failures, fast } = property(1, PAIRS, (rng) => {
      const a = rng.cellNumber();
      const b = rng.chance(0.02) ? 0 : rng.cellNumber();
      const dp = rng.pick([2, 4]);
      const got = divide(a, b, dp);
      if (b === 0) return got === null ? null : `divide(${a}, 0) = ${got}`;
      return agree(`divide(${a}, ${b}, ${dp})`, got, () => refDivide(a, b, dp));
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.6); // the fast path does most of the work
  });

  test("mulDiv(weight, a, b, 2)", () => {
    const { failures, fast } = property(2, PAIRS, (rng) => {
      const w = rng.chance(0.7) ? rng.pick([5, 10, 20, 30, 2.5]) : rng.cellNumber();
      const a = rng.cellNumber();
      const b = rng.chance(0.02) ? 0 : rng.cellNumber();
      const got = mulDiv(w, a, b, 2);
      if (b === 0) return got === null ? null : `mulDiv(${w}, ${a}, 0) = ${got}`;
      return agree(`mulDiv(${w}, ${a}, ${b}, 2)`, got, () => refMulDiv(w, a, b, 2));
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.6);
  });

  test("roundNumber(x, 0 | 2 | 4)", () => {
    const { failures, fast } = property(3, PAIRS, (rng) => {
      // Half-way figures on purpose: k.xx5 and k.xxxx5.
      const x = rng.chance(0.3) ? Number(`${rng.chance(0.2) ? "-" : ""}${rng.decimalText(1e6, rng.pick([2, 4]))}5`) : rng.cellNumber();
      const dp = rng.pick([0, 2, 4]);
      return agree(`roundNumber(${x}, ${dp})`, roundNumber(x, dp), () => refRound(x, dp));
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.85);
  });

  test("subtract(a, b)", () => {
    const { failures, fast } = property(4, PAIRS, (rng) => {
      const a = rng.cellNumber();
      const b = rng.chance(0.1) ? a : rng.cellNumber();
      return agree(`subtract(${a}, ${b})`, subtract(a, b), () => refSubtract(a, b));
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.8);
  });

  test("sum(xs) of 0–8 terms", () => {
    const { failures, fast } = property(5, PAIRS, (rng) => {
      const xs = Array.from({ length: rng.int(0, 8) }, () => (rng.chance(0.8) ? rng.amount() : rng.cellNumber()));
      return agree(`sum(${xs.join(", ")})`, sum(xs), () => refSum(xs));
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.5);
  });

  test("relativeChange(a, b, 4) = (a − b) ÷ |b|", () => {
    const { failures, fast } = property(8, PAIRS, (rng) => {
      const a = rng.cellNumber();
      const b = rng.chance(0.02) ? 0 : rng.chance(0.1) ? a : rng.cellNumber();
      const got = relativeChange(a, b, 4);
      if (b === 0) return got === null ? null : `relativeChange(${a}, 0) = ${got}`;
      return agree(`relativeChange(${a}, ${b}, 4)`, got, () => dec(a).minus(dec(b)).dividedBy(dec(b).abs()).toDecimalPlaces(4).toNumber());
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.6);
  });

  test("hundredths(x) and sumHundredths(xs): round(·, 2) as whole hundredths", () => {
    const { failures, fast } = property(9, PAIRS, (rng) => {
      const xs = Array.from({ length: rng.int(0, 6) }, () => (rng.chance(0.7) ? rng.amount() : rng.cellNumber()));
      const x = xs[0] ?? rng.cellNumber();
      const h = hundredths(x);
      const hs = sumHundredths(xs);
      const wantH = () => dec(x).toDecimalPlaces(2).times(100).toNumber();
      const wantS = () => xs.reduce((s, v) => s.plus(dec(v)), new D(0)).toDecimalPlaces(2).times(100).toNumber();
      const r1 = agree(`hundredths(${x})`, h, wantH);
      const r2 = agree(`sumHundredths(${xs.join(", ")})`, hs, wantS);
      return [r1, r2].find((r) => r !== null && r !== "fast") ?? (r1 === "fast" || r2 === "fast" ? "fast" : null);
    });
    expect(failures).toEqual([]);
    expect(fast).toBeGreaterThan(PAIRS * 0.8);
  });

  test("results read back as the exact decimal, so they can be chained (SUMCHECK: round(total) − round(Σ parts))", () => {
    // Found by the JX fuzz: Σ(605404758, 7e14, 880566650.7) = 700001485971408.7 has 16 digits; its double prints
    // as 700001485971408.8, and 67117.6 minus that double gave 700001485904291.2 instead of …291.1.
    expect(sum([605404758, 700000000000000, 880566650.7])).toBeNull();
    const { failures } = property(7, PAIRS, (rng) => {
      const big = () => (rng.chance(0.5) ? rng.amount() : Number(`${rng.decimalText(9_999_999_999_999, rng.int(0, 2))}`));
      const total = big();
      const parts = Array.from({ length: rng.int(1, 4) }, big);
      const s = sum(parts);
      const rs = s === null ? null : roundNumber(s, 2);
      const diff = rs === null ? null : subtract(roundNumber(total, 2) ?? NaN, rs);
      if (diff === null) return null;
      const exact = dec(total).toDecimalPlaces(2).minus(parts.reduce((acc, x) => acc.plus(dec(x)), new D(0)).toDecimalPlaces(2));
      return new D(String(diff)).equals(exact) ? "fast" : `${total} − Σ(${parts.join(", ")}): fast ${diff}, decimal ${exact.toString()}`;
    });
    expect(failures).toEqual([]);
  });

  test("the hard region: 8 decimals near 2^53, where doubles are 10^-8 apart or more", () => {
    const { failures } = property(6, PAIRS, (rng) => {
      const a = Number(rng.decimalText(99_999_999, 8));
      const b = Number(rng.decimalText(99_999_999, rng.int(0, 8)));
      const results = [
        agree(`divide(${a}, ${b}, 4)`, divide(a, b, 4), () => refDivide(a, b, 4)),
        agree(`subtract(${a}, ${b})`, subtract(a, b), () => refSubtract(a, b)),
        agree(`roundNumber(${a}, 4)`, roundNumber(a, 4), () => refRound(a, 4)),
      ];
      return results.find((r) => r !== null && r !== "fast") ?? "fast";
    });
    expect(failures).toEqual([]);
  });
});
