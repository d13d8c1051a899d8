/**
 * Exact decimal arithmetic on the numbers cells hold, without allocating
 * decimals: a figure such as 24964.59 is read as the integer 2496459 scaled
 * by 10^2, and quotients are rounded half-up by integer division. Every
 * function returns null when a value does not fit (more than 8 decimals, or
 * products beyond 2^53); callers then take the decimal.js path. Both paths
 * give the same results (property-tested in test/core/exact.test.ts).
 */

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DECIMALS = 8;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * x = n / 10^k exactly in the decimal sense (x is the double nearest to n/10^k, as String(x) reads it),
 * with the fewest decimals k; null when x needs more than 8 decimals or is not finite.
 */
export function scaled(x: number): [n: number, k: number] | null {
  if (!Number.isFinite(x)) return null;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const p = POW10[k];
    const n = Math.round(x * p);
    if (Math.abs(n) > SAFE) return null;
    if (n / p === x) return [n, k];
  }
  return null;
}

/** round_half_up(num / den) for integers (|num|, |den| ≤ 2^53, den ≠ 0); half away from zero, as decimal.js ROUND_HALF_UP. */
function divHalfUp(num: number, den: number): number | null {
  const negative = num < 0 !== den < 0;
  const a = Math.abs(num);
  const b = Math.abs(den);
  const twiceA = 2 * a + b;
  const twiceB = 2 * b;
  if (twiceA > SAFE || twiceB > SAFE) return null;
  const q = (twiceA - (twiceA % twiceB)) / twiceB; // exact: both operands are integers below 2^53
  return negative ? -q : q;
}

/** (a ÷ b) rounded half-up to `dp` decimals, as a number; null when it cannot be done exactly here. */
export function divide(a: number, b: number, dp: number): number | null {
  const sa = scaled(a);
  const sb = scaled(b);
  if (!sa || !sb || sb[0] === 0) return null;
  // a/b = (na/10^ka)/(nb/10^kb) = na·10^(kb+dp) / (nb·10^ka) in units of 10^-dp
  const num = sa[0] * POW10[sb[1] + dp];
  const den = sb[0] * POW10[sa[1]];
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  const q = divHalfUp(num, den);
  return q === null ? null : q / POW10[dp];
}

/** (a × b ÷ c) rounded half-up to `dp` decimals; null when it cannot be done exactly here. */
export function mulDiv(a: number, b: number, c: number, dp: number): number | null {
  const sa = scaled(a);
  const sb = scaled(b);
  const sc = scaled(c);
  if (!sa || !sb || !sc || sc[0] === 0) return null;
  // a·b/c = na·nb·10^(kc+dp) / (nc·10^(ka+kb)) in units of 10^-dp
  if (sc[1] + dp >= POW10.length || sa[1] + sb[1] >= POW10.length) return null;
  const num = sa[0] * sb[0] * POW10[sc[1] + dp];
  const den = sc[0] * POW10[sa[1] + sb[1]];
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  const q = divHalfUp(num, den);
  return q === null ? null : q / POW10[dp];
}

/** x rounded half-up to `dp` decimals; null when x has more than 8 decimals. */
export function roundNumber(x: number, dp: number): number | null {
  const s = scaled(x);
  if (!s) return null;
  if (s[1] <= dp) return x;
  const q = divHalfUp(s[0], POW10[s[1] - dp]);
  return q === null ? null : q / POW10[dp];
}

/** a − b exactly, as a number (the double nearest to the exact decimal difference); null when it does not fit. */
export function subtract(a: number, b: number): number | null {
  const sa = scaled(a);
  const sb = scaled(b);
  if (!sa || !sb) return null;
  const k = Math.max(sa[1], sb[1]);
  const n = sa[0] * POW10[k - sa[1]] - sb[0] * POW10[k - sb[1]];
  return Number.isSafeInteger(n) ? n / POW10[k] : null;
}

/** Σ xs exactly; null when a term or the sum does not fit. */
export function sum(xs: readonly number[]): number | null {
  let n = 0;
  let k = 0;
  for (const x of xs) {
    const s = scaled(x);
    if (!s) return null;
    if (s[1] > k) {
      n *= POW10[s[1] - k];
      k = s[1];
    }
    n += s[0] * POW10[k - s[1]];
    if (!Number.isSafeInteger(n)) return null;
  }
  return n / POW10[k];
}

/** Compares a and b as decimals (−1, 0, 1); the doubles' own order is the decimals' order. */
export function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
