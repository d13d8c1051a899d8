import DecimalBase from "decimal.js";

/**
 * The one Decimal constructor of the project: 34 significant digits and
 * half-up rounding (四舍五入), as Chinese financial statements round.
 * A clone, so that nobody else's global Decimal settings can change ours.
 */
export const D = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** Round half-up to `dp` decimals. */
export function round(x: Dec, dp = 2): Dec {
  return x.toDecimalPlaces(dp, D.ROUND_HALF_UP);
}

/** "1234.5" → "1234.50": an amount (万元) or a score as displayed. */
export function fmt(x: Dec, dp = 2): string {
  return round(x, dp).toFixed(dp);
}

/** 0.85227 → "85.23%". */
export function fmtPercent(fraction: Dec, dp = 2): string {
  return `${round(fraction.times(100), dp).toFixed(dp)}%`;
}

/** Shortest faithful text of a decimal: "9", "9.9", "9.99". */
export function plain(x: Dec): string {
  return x.toFixed();
}
