/**
 * A seeded pseudo-random generator (mulberry32) and generators of the figures cells hold, so that
 * property and fuzz tests are reproducible: a failure prints its seed and case index.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A decimal text with `intDigits` integer digits at most and exactly `decimals` decimals. */
  decimalText(maxInt: number, decimals: number): string {
    const int = String(this.int(0, maxInt));
    if (decimals === 0) return int;
    let frac = "";
    for (let i = 0; i < decimals; i++) frac += String(this.int(0, 9));
    return `${int}.${frac}`;
  }

  /** An amount as a cell holds it (万元): up to 10^9, 0–2 decimals, parsed from its text as Excel does. */
  amount(): number {
    const scale = this.pick([10, 1000, 100000, 1e7, 1e9]);
    return Number(this.decimalText(scale, this.int(0, 2)));
  }

  /** A rate with up to 4 decimals, mostly in [0, 2]. */
  rate(): number {
    return Number(`${this.int(0, 1)}.${String(this.int(0, 9999)).padStart(4, "0")}`.replace(/0+$/, "").replace(/\.$/, ""));
  }

  /** A cell-like figure: amounts and rates, some negative, some zero, some large or tiny. */
  cellNumber(): number {
    const r = this.next();
    let x: number;
    if (r < 0.45) x = this.amount();
    else if (r < 0.7) x = this.rate();
    else if (r < 0.8) x = this.int(0, 1000); // counts, weights
    else if (r < 0.9) x = Number(this.decimalText(99_999_999, this.int(0, 8))); // many decimals, near the limit of the fast path
    else if (r < 0.95) x = Number(`${this.int(1, 9)}e${this.int(10, 20)}`); // large: 1e10 … 9e20
    else x = Number(`${this.int(1, 9)}e-${this.int(5, 12)}`); // tiny: 1e-5 … 9e-12
    return this.chance(0.15) ? -x : x;
  }
}
