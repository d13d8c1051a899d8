/**
 * Pairing by similar names across tables: a 附件3 project with its 附件1 专项 row
 * ("政务服务大厅运转经费" ↔ "服务大厅运转费用"), an indicator with the 附件1 figure it restates
 * (财政供养人员控制率 ↔ 在职人员控制率). Simple and explainable: names are normalized (spaces,
 * brackets, quotes and trailing 经费/费用/费/资金/项目/专项 removed), then one contains the other
 * or their character bigrams overlap (Dice coefficient) at least as much as Tolerances.nameSimilarity.
 */
import { D, type Dec, fmt } from "./decimal";
import { normalizeLabel } from "./grid";

/** Trailing words that name the kind of money, not the purpose: 运转经费 = 运转费用 = 运转. */
const MONEY_SUFFIX = /(工作经费|经费|费用|费|资金|项目|专项)$/;

/** The shortest name that containment may pair: shorter names pair only when equal. */
const MIN_CONTAINED = 4;

/** "政务服务大厅运转经费" → "政务服务大厅运转"; "“放管服”改革（一期）" → "放管服改革". */
export function nameKey(name: string): string {
  let t = normalizeLabel(name).replace(/[“”"'‘’「」『』《》〈〉【】、，,。.:：;；·\-—_/]/g, "");
  for (let i = 0; i < 3 && MONEY_SUFFIX.test(t) && t.replace(MONEY_SUFFIX, "").length >= 2; i++) t = t.replace(MONEY_SUFFIX, "");
  return t;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** The two integers of the Dice coefficient: 2 × |common bigrams| and |a| + |b|. */
function diceParts(x: Map<string, number>, y: Map<string, number>): { twiceCommon: number; total: number } {
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return { twiceCommon: 2 * common, total };
}

const ratio = ({ twiceCommon, total }: { twiceCommon: number; total: number }): Dec => (total === 0 ? new D(0) : new D(twiceCommon).dividedBy(total));

/** Dice coefficient of character bigrams, 0…1: 2 × |common| ÷ (|a| + |b|), as a decimal. */
export function dice(a: string, b: string): Dec {
  return ratio(diceParts(bigrams(a), bigrams(b)));
}

export type NameMatch =
  /** The names are the same once spaces, numbering and bracketed notes are set aside. */
  | { kind: "exact" }
  /** Equal after the money suffixes are removed, or one contains the other. */
  | { kind: "contains" }
  | { kind: "similar"; dice: Dec };

/** A name with what comparing it needs, computed once. */
interface Prepared {
  blank: boolean;
  label: string;
  key: string;
  grams: Map<string, number> | null;
}

function prepare(name: string): Prepared {
  const key = nameKey(name);
  return { blank: !name.trim(), label: normalizeLabel(name), key, grams: null };
}

/** A candidate match; a similar one keeps its Dice parts, made a decimal only once the pair is chosen. */
type Candidate = { kind: "exact" } | { kind: "contains" } | { kind: "similar"; parts: { twiceCommon: number; total: number } };

function matchPrepared(a: Prepared, b: Prepared, threshold: number): Candidate | null {
  if (a.blank || b.blank) return null;
  if (a.label === b.label) return { kind: "exact" };
  if (a.key === "" || b.key === "") return null;
  if (a.key === b.key) return { kind: "contains" };
  const [short, long] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
  if (short.length >= MIN_CONTAINED && long.includes(short)) return { kind: "contains" };
  a.grams ??= bigrams(a.key);
  b.grams ??= bigrams(b.key);
  const parts = diceParts(a.grams, b.grams);
  // 2·common ÷ total ≥ threshold, in integers (thousandths of the threshold): no decimal for the many pairs that fail.
  if (parts.total === 0 || parts.twiceCommon * 1000 < Math.round(threshold * 1000) * parts.total) return null;
  return { kind: "similar", parts };
}

/** How two names compare; null when they are not similar enough to pair (`threshold`: Dice, 0…1). */
export function matchNames(a: string, b: string, threshold: number): NameMatch | null {
  const c = matchPrepared(prepare(a), prepare(b), threshold);
  return c && finish(c);
}

function finish(c: Candidate): NameMatch {
  return c.kind === "similar" ? { kind: "similar", dice: ratio(c.parts) } : c;
}

/** How strongly a candidate binds, for choosing the best partner: exact > contains > similar by Dice (order only). */
function strength(c: Candidate): number {
  if (c.kind === "exact") return 3;
  if (c.kind === "contains") return 2;
  return 1 + c.parts.twiceCommon / c.parts.total;
}

export interface Pair {
  left: number;
  right: number;
  match: NameMatch;
}

/**
 * Pairs two lists of names one to one: equal names first (by normalized label), then every remaining
 * candidate pair at or above the threshold, strongest first, each name used once.
 * Returns the pairs (in left order) and the non-blank left items left without a partner.
 */
export function pairNames(left: string[], right: string[], threshold: number): { pairs: Pair[]; unpairedLeft: number[] } {
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pairs: Pair[] = [];
  const L = left.map(prepare);
  const R = right.map(prepare);
  const byLabel = new Map<string, number[]>();
  right.forEach((b, j) => {
    if (!b.trim()) return;
    byLabel.set(R[j].label, [...(byLabel.get(R[j].label) ?? []), j]);
  });
  left.forEach((a, i) => {
    if (!a.trim()) return;
    const j = byLabel.get(L[i].label)?.find((x) => !usedR.has(x));
    if (j === undefined) return;
    usedL.add(i);
    usedR.add(j);
    pairs.push({ left: i, right: j, match: { kind: "exact" } });
  });
  const candidates: { left: number; right: number; c: Candidate; s: number }[] = [];
  left.forEach((_, i) => {
    if (usedL.has(i)) return;
    right.forEach((_b, j) => {
      if (usedR.has(j)) return;
      const c = matchPrepared(L[i], R[j], threshold);
      if (c) candidates.push({ left: i, right: j, c, s: strength(c) });
    });
  });
  candidates.sort((x, y) => y.s - x.s || x.left - y.left || x.right - y.right);
  for (const c of candidates) {
    if (usedL.has(c.left) || usedR.has(c.right)) continue;
    usedL.add(c.left);
    usedR.add(c.right);
    pairs.push({ left: c.left, right: c.right, match: finish(c.c) });
  }
  pairs.sort((x, y) => x.left - y.left);
  const unpairedLeft = left.map((_, i) => i).filter((i) => !usedL.has(i) && left[i].trim() !== "");
  return { pairs, unpairedLeft };
}

/** How a non-exact match reads in a finding: "名称相近（字符相似度 0.82）". */
export function matchNote(m: NameMatch): string {
  if (m.kind === "exact") return "名称相同";
  if (m.kind === "contains") return "去掉“经费/费用/资金/项目”等字样后名称一致或互相包含";
  return `名称相近（字符相似度 ${fmt(m.dice, 2)}）`;
}
