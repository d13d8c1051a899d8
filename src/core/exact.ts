/**
 * Exact decimal arithmetic on the numbers cells hold, without allocating
 * decimals: a figure such as 24964.59 is read as the integer 2496459 scaled
 * by 10^2, and quotients are rounded half-up by integer division. Every
 * function returns null when a value does not fit (more than 8 decimals, more
 * than 15 digits in hundredths, or products beyond 2^53); callers then take the
 * decimal.js path. Both paths give the same results (property-tested in
 * test/core/exact.fuzz.test.ts; the limits by hand in exact.test.ts).
 *
 * Decimal results are limited to 15 significant digits (MAX_RESULT): such a
 * decimal survives the trip through a double and back (String), so a result
 * can feed another of these functions. A 16-digit one may not:
 * 700001485971408.7 is stored as the double that prints as 700001485971408.8.
 * (hundredths and sumHundredths return safe integers, which are exact.)
 */

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DECIMALS = 8;
const SAFE = Number.MAX_SAFE_INTEGER;
/** The largest integer of 15 digits: n / 10^k with |n| ≤ this reads back from its double unchanged. */
const MAX_RESULT = 999_999_999_999_999;

/**
 * n / 10^k as a number, or null when the result has more than 15 significant digits (see above). Also null for
 * NaN, which is what the integer arithmetic below gives for a zero divisor or a power of ten beyond POW10.
 */
function result(n: number, k: number): number | null {
  return Math.abs(n) <= MAX_RESULT ? n / POW10[k] : null;
}

/**
 * x = n / 10^k exactly in the decimal sense (x is the double nearest to n/10^k, as String(x) reads it),
 * with the fewest decimals k; null when x needs more than 8 decimals, is not finite, or has more than
 * 15 digits in hundredths (|x| ≥ 10^13, beyond any amount in 万元: the decimal path takes those).
 */
export function scaled(x: number): [n: number, k: number] | null {
  return scale(x) ? [sn, sk] : null;
}

// scale() leaves its answer here rather than in a new array: these functions run once per cell per
// recalculation, and the allocation cost as much as the arithmetic.
let sn = 0;
let sk = 0;

/** scaled(x) into (sn, sk); false when x does not fit. */
function scale(x: number): boolean {
  // Most cell figures have at most 2 decimals: one try at hundredths, then drop trailing zeros to the
  // fewest decimals. Within 15 digits a double stands for one decimal of at most 2 decimals, so when
  // hundredths do not read back as x, neither do tenths or units, and the loop starts at 3 decimals.
  // (Beyond 15 digits it would not: 90071992547409.9 and …409.91 are the same double.) NaN and ±Infinity
  // give a NaN h and stop here too.
  const h = Math.round(x * 100);
  if (!(Math.abs(h) <= MAX_RESULT)) return false;
  if (h / 100 === x) {
    if (h % 10 !== 0) {
      sn = h;
      sk = 2;
    } else if (h % 100 !== 0) {
      sn = h / 10;
      sk = 1;
    } else {
      sn = h / 100;
      sk = 0;
    }
    return true;
  }
  for (let k = 3; k <= MAX_DECIMALS; k++) {
    const p = POW10[k];
    const n = Math.round(x * p);
    if (!Number.isSafeInteger(n)) return false;
    if (n / p === x) {
      sn = n;
      sk = k;
      return true;
    }
  }
  return false;
}

/**
 * round_half_up(num / den) for integers; half away from zero, as decimal.js ROUND_HALF_UP: floor((2a + b) / 2b).
 * Null when 2a + b exceeds 2^53 − 1 (so when num or den does), where doubles skip odd integers and the
 * quotient could be one off (62537879342328 ÷ 7 to 2 decimals would give …189.72 instead of …189.71).
 * 2b needs no guard: b is then a safe integer, 2b even and below 2^54, so exact. NaN when den is 0 or an
 * operand NaN (result() turns it into null).
 */
function divHalfUp(num: number, den: number): number | null {
  const negative = num < 0 !== den < 0;
  const a = Math.abs(num);
  const b = Math.abs(den);
  const twiceA = 2 * a + b;
  if (twiceA > SAFE) return null;
  const twiceB = 2 * b;
  const q = (twiceA - (twiceA % twiceB)) / twiceB;
  return negative ? -q : q;
}

/**
 * (a ÷ b) rounded half-up to `dp` decimals, as a number; null when it cannot be done exactly here, or b is 0.
 * Products beyond 2^53 are caught by divHalfUp (null), a zero divisor by result() (NaN → null).
 */
export function divide(a: number, b: number, dp: number): number | null {
  if (!scale(a)) return null;
  const na = sn;
  const ka = sk;
  if (!scale(b)) return null;
  // a/b = (na/10^ka)/(nb/10^kb) = na·10^(kb+dp) / (nb·10^ka) in units of 10^-dp
  const q = divHalfUp(na * POW10[sk + dp], sn * POW10[ka]);
  return q === null ? null : result(q, dp);
}

/**
 * (a × b ÷ c) rounded half-up to `dp` decimals; null when it cannot be done exactly here, or c is 0 (as divide;
 * a power of ten beyond POW10 is undefined, so NaN, so null).
 */
export function mulDiv(a: number, b: number, c: number, dp: number): number | null {
  if (!scale(a)) return null;
  const na = sn;
  const ka = sk;
  if (!scale(b)) return null;
  const nb = sn;
  const kb = sk;
  if (!scale(c)) return null;
  // a·b/c = na·nb·10^(kc+dp) / (nc·10^(ka+kb)) in units of 10^-dp
  const q = divHalfUp(na * nb * POW10[sk + dp], sn * POW10[ka + kb]);
  return q === null ? null : result(q, dp);
}

/** x rounded half-up to `dp` decimals; null when x has more than 8 decimals. */
export function roundNumber(x: number, dp: number): number | null {
  if (!scale(x)) return null;
  if (sk <= dp) return x;
  const q = divHalfUp(sn, POW10[sk - dp]);
  return q === null ? null : result(q, dp);
}

/** a − b exactly, as a number (the double nearest to the exact decimal difference); null when it does not fit. */
export function subtract(a: number, b: number): number | null {
  if (!scale(a)) return null;
  const na = sn;
  const ka = sk;
  if (!scale(b)) return null;
  const k = Math.max(ka, sk);
  // Beyond 2^53 n may be inexact, but it is then beyond MAX_RESULT too: result() says null.
  return result(na * POW10[k - ka] - sn * POW10[k - sk], k);
}

/**
 * (a − b) ÷ |b| rounded half-up to `dp` decimals (a relative change); null when b is 0 or it does not fit.
 * A and B below are one figure's own n (a safe integer) and the other's times 10^j: if that one is beyond 2^53,
 * either A − B is too (divHalfUp: null) or it is below 2^54, where a multiple of 10 is exact.
 */
export function relativeChange(a: number, b: number, dp: number): number | null {
  if (!scale(a)) return null;
  const na = sn;
  const ka = sk;
  if (!scale(b)) return null;
  // Both on the scale 10^-k: (A − B) / |B| = (A − B)·10^dp / |B| in units of 10^-dp.
  const k = Math.max(ka, sk);
  const bigA = na * POW10[k - ka];
  const bigB = sn * POW10[k - sk];
  const q = divHalfUp((bigA - bigB) * POW10[dp], Math.abs(bigB));
  return q === null ? null : result(q, dp);
}

/** x rounded half-up to 2 decimals, as a whole number of hundredths (1227.615 → 122762); null when it does not fit. */
export function hundredths(x: number): number | null {
  if (!scale(x)) return null;
  return toHundredths(sn, sk);
}

/** Σ xs rounded half-up to 2 decimals, as whole hundredths; null when a term or the sum does not fit. */
export function sumHundredths(xs: readonly number[]): number | null {
  const n = sumInto(xs);
  return n === null ? null : toHundredths(n, sumK);
}

/** n / 10^k rounded half-up to whole hundredths. */
function toHundredths(n: number, k: number): number | null {
  if (k <= 2) {
    const h = n * POW10[2 - k];
    return Number.isSafeInteger(h) ? h : null;
  }
  return divHalfUp(n, POW10[k - 2]);
}

/** Σ xs exactly; null when a term or the sum does not fit. */
export function sum(xs: readonly number[]): number | null {
  const n = sumInto(xs);
  return n === null ? null : result(n, sumK);
}

let sumK = 0;

/** Σ xs as an integer n on the scale 10^-sumK; null when a term or the sum does not fit. */
function sumInto(xs: readonly number[]): number | null {
  let n = 0;
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!scale(xs[i])) return null;
    // Both on the larger number of decimals.
    const to = Math.max(k, sk);
    n = n * POW10[to - k] + sn * POW10[to - sk];
    k = to;
    // Checked at each term: a later negative term could bring an inexact sum back into range.
    if (!Number.isSafeInteger(n)) return null;
  }
  sumK = k;
  return n;
}

/** Compares a and b as decimals (−1, 0, 1); the doubles' own order is the decimals' order. */
export function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * True when `total` and every part are cell numbers (or blank parts, null) whose sum agrees exactly at 2 decimals:
 * the common case of a sum check, tested on exact hundredths without building decimals or the terms of a message.
 * False means "let the decimal path decide", not "they differ".
 */
export function sumsAgree(total: unknown, parts: unknown[]): boolean {
  if (typeof total !== "number") return false;
  const xs: number[] = [];
  for (const v of parts) {
    if (typeof v === "number") xs.push(v);
    else if (v !== null) return false;
  }
  if (xs.length === 0) return false;
  const th = hundredths(total);
  return th !== null && sumHundredths(xs) === th;
}
