/**
 * Fuzz of the JX functions (issue 3): for every function, ≥ 10,000 generated argument lists of
 * whatever a cell can hand over (and worse). Whatever comes in: no throw, no NaN or Infinity, and
 * every rejection is an error value with a valid code and a Chinese message. For numeric inputs the
 * fast path (numbers) and the slow path (the same figures as text) agree.
 */
import { callJx, isJxError, JX_FUNCTIONS, jxFunction, setJxPreset, type JxResult } from "../../src/core/jx";
import { HUNAN_2024, HUNAN_STEPS, SUINING_2024 } from "../../src/core/preset";
import { Rng } from "../helpers/random";

const CASES = 10_000;
const CODES = new Set(["invalidValue", "divisionByZero", "notAvailable", "invalidNumber"]);
const CHINESE = /[\u4e00-\u9fff]/;

const STRINGS = [
  "", " ", "　", "0", "-0", "+5", ".5", "5.", "00012.30", "1,227.61", "1, 227. 61", "1,2,3", "12,34.5",
  "１２３．４５", "８５．２３％", "－３", "85.23%", "-30.02%", "%", "100%", "0.00%", "1e5", "1E-3", "0x1F", "Infinity", "NaN",
  "××", "××分", "XX", "xx万元", "—", "-", "/", "…", "○○", "＊＊", "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NUM!", "#NAME?",
  "abc", "稳步提升", "≥90%", "≤24小时", "4次/年", "2000余册", "不低于95%", "12元", "12万元", "有原因", "true", "TRUE",
  "national", "suining-2024", "hunan-steps", "nope", "9".repeat(400), `0.${"0".repeat(400)}1`, `-${"9".repeat(309)}`,
  "1.005", "0.125", "24964.59", "20971.34", "18259.03", "＋１，２２７．６１", "1\u00a0227.61", "\t42\n",
];

const SPECIAL_NUMBERS = [0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 5e-324, 1e-300, 1e21, 1e17, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e-9, 0.1, 0.125, 1.005, -1.005];

/** One value as a cell, a literal or a host could hand it over. */
function value(rng: Rng, depth = 0): unknown {
  const r = rng.next();
  if (r < 0.3) return rng.cellNumber();
  if (r < 0.4) return rng.pick(SPECIAL_NUMBERS);
  if (r < 0.5) return String(rng.cellNumber());
  if (r < 0.68) return rng.pick(STRINGS);
  if (r < 0.72) return rng.chance(0.5);
  if (r < 0.8) return rng.pick([null, undefined, ""]);
  if (r < 0.82) return rng.pick([{}, new Date(2024, 0, 1), new Date(NaN), Symbol.for("x"), () => 1, 10n]);
  if (depth > 0) return rng.cellNumber();
  if (r < 0.9) return [[value(rng, 1)]]; // a 1×1 range
  if (r < 0.97) {
    const rows = rng.int(1, 3);
    const cols = rng.int(1, 3);
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value(rng, 1)));
  }
  return rng.pick([[], [[]], [1, 2], [[1], 2]]); // malformed ranges
}

function args(rng: Rng, id: string, paramCount: number): unknown[] {
  const n = id === "SUMCHECK" ? rng.int(0, 8) : rng.int(Math.max(0, paramCount - 1), paramCount + 1);
  return Array.from({ length: n }, () => value(rng));
}

/** null when the result is acceptable, else what is wrong with it. */
function problem(r: JxResult): string | null {
  if (typeof r === "number") return Number.isFinite(r) ? null : `non-finite number ${r}`;
  if (typeof r === "string") return r.length > 0 ? null : "empty text";
  if (isJxError(r)) {
    if (!CODES.has(r.jxError)) return `invalid code ${r.jxError}`;
    if (!r.message || !CHINESE.test(r.message)) return `message not Chinese: ${JSON.stringify(r.message)}`;
    if (r.message.startsWith("计算出错")) return `a throw caught by callJx: ${r.message}`;
    return null;
  }
  return `unexpected result ${String(r)}`;
}

/** The same figures as text, ranges cell by cell (blanks stay blank). */
function asText(v: unknown): unknown {
  return typeof v === "number" ? String(v) : Array.isArray(v) ? v.map(asText) : v;
}

function show(a: unknown[]): string {
  return JSON.stringify(a, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : typeof v === "bigint" ? `${v}n` : typeof v === "symbol" || typeof v === "function" ? String(v) : v));
}

afterEach(() => setJxPreset(HUNAN_2024));

describe.each(JX_FUNCTIONS.map((f) => [f.id, f.params.length] as const))("JX.%s", (id, paramCount) => {
  test(`${CASES} generated inputs under each preset: no throw, no NaN/Infinity, errors with a code and a Chinese message`, () => {
    const rng = new Rng(0x5eed + id.charCodeAt(0) * 31 + id.length);
    const failures: string[] = [];
    let errors = 0;
    for (let i = 0; i < CASES; i++) {
      setJxPreset(i % 3 === 0 ? HUNAN_2024 : i % 3 === 1 ? SUINING_2024 : HUNAN_STEPS);
      const a = args(rng, id, paramCount);
      let r: JxResult;
      try {
        r = jxFunction(id).run(a); // the body itself, not callJx's safety net
      } catch (e) {
        if (failures.length < 10) failures.push(`case ${i} ${show(a)}: threw ${String(e)}`);
        continue;
      }
      const p = problem(r);
      if (p && failures.length < 10) failures.push(`case ${i} ${show(a)}: ${p}`);
      if (isJxError(r)) errors++;
    }
    expect(failures).toEqual([]);
    // The generator must exercise both outcomes.
    expect(errors).toBeGreaterThan(CASES * 0.05);
    expect(errors).toBeLessThan(CASES * 0.99);
  });

  test(`${CASES} numeric inputs: numbers (fast path) and the same figures as text (slow path) agree`, () => {
    const rng = new Rng(0xfa57 + id.charCodeAt(1) * 17);
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < CASES; i++) {
      setJxPreset(i % 2 === 0 ? HUNAN_2024 : HUNAN_STEPS);
      const n = id === "SUMCHECK" ? rng.int(1, 6) : rng.int(Math.max(1, paramCount - 1), paramCount);
      const nums = Array.from({ length: n }, () => (rng.chance(0.6) ? rng.amount() : rng.cellNumber()));
      if (id === "SCORE") nums[2] = Math.abs(nums[2] ?? 10);
      if (id === "GRADE") nums.length = 1;
      // Excel hands numbers over as numbers; their text, when it has no exponent, is what an accountant types.
      if (nums.some((x) => /e/i.test(String(x)))) continue;
      // SUMCHECK's parts also come as ranges with blanks in them.
      const args: unknown[] =
        id === "SUMCHECK" ? [nums[0], ...nums.slice(1).map((x) => (rng.chance(0.3) ? [[x], [null]] : rng.chance(0.1) ? [[x, ""]] : x))] : nums;
      const fast = callJx(id, args);
      const slow = callJx(id, args.map(asText));
      compared++;
      const same = isJxError(fast) ? isJxError(slow) && fast.jxError === slow.jxError : fast === slow || (typeof fast === "number" && fast === 0 && slow === 0);
      if (!same && failures.length < 10) failures.push(`case ${i} ${show(args)}: numbers → ${show([fast])}, texts → ${show([slow])}`);
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(CASES * 0.8);
  });
});
