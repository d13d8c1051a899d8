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

/** Dice coefficient of character bigrams, 0…1: 2 × |common| ÷ (|a| + |b|), as a decimal. */
export function dice(a: string, b: string): Dec {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? new D(0) : new D(2 * common).dividedBy(total);
}

export type NameMatch =
  /** The names are the same once spaces, numbering and bracketed notes are set aside. */
  | { kind: "exact" }
  /** Equal after the money suffixes are removed, or one contains the other. */
  | { kind: "contains" }
  | { kind: "similar"; dice: Dec };

/** How two names compare; null when they are not similar enough to pair (`threshold`: Dice, 0…1). */
export function matchNames(a: string, b: string, threshold: number): NameMatch | null {
  if (!a.trim() || !b.trim()) return null;
  if (normalizeLabel(a) === normalizeLabel(b)) return { kind: "exact" };
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === "" || kb === "") return null;
  if (ka === kb) return { kind: "contains" };
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= MIN_CONTAINED && long.includes(short)) return { kind: "contains" };
  const d = dice(ka, kb);
  return d.greaterThanOrEqualTo(threshold) ? { kind: "similar", dice: d } : null;
}

/** How strongly a match binds, for choosing the best partner: exact > contains > similar by Dice. */
function strength(m: NameMatch): number {
  if (m.kind === "exact") return 3;
  if (m.kind === "contains") return 2;
  return 1 + m.dice.toNumber();
}

export interface Pair {
  left: number;
  right: number;
  match: NameMatch;
}

/**
 * Pairs two lists of names one to one: every candidate pair at or above the threshold, strongest
 * first, each name used once. Returns the pairs and the left items left without a partner.
 */
export function pairNames(left: string[], right: string[], threshold: number): { pairs: Pair[]; unpairedLeft: number[] } {
  const candidates: (Pair & { s: number })[] = [];
  left.forEach((a, i) =>
    right.forEach((b, j) => {
      const match = matchNames(a, b, threshold);
      if (match) candidates.push({ left: i, right: j, match, s: strength(match) });
    }),
  );
  candidates.sort((x, y) => y.s - x.s || x.left - y.left || x.right - y.right);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedL.has(c.left) || usedR.has(c.right)) continue;
    usedL.add(c.left);
    usedR.add(c.right);
    pairs.push({ left: c.left, right: c.right, match: c.match });
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
