/**
 * JX function benchmarks (issue 3): the cost per call of each function through callJx, as the Excel
 * wrappers call it, against a bare float implementation of the same function measured in the same
 * run, over realistic cell inputs (numbers as Excel passes them; indicator texts for SCORE); and a
 * 10,000-call batch of each. Target: ≤ 10× the float baseline.
 */
import { callJx } from "../src/core/jx";
import { line, measure, type Measure } from "./harness";

const TARGET = 10;
const ROWS = 1024; // a power of two: inputs are picked with i & (ROWS - 1)

/** A small deterministic generator, so every run measures the same inputs. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

interface Row {
  budget: number; // 全年预算数, 万元, 2 decimals
  executed: number; // 全年执行数
  previous: number; // 上年数
  weight: number; // 分值
  total: number; // 总分
  score: number; // 得分
  parts: number[]; // 分项 (sum to budget, sometimes off by a cent)
  target: string;
  actual: string;
  reason: string | null;
}

function rows(): Row[] {
  const rnd = lcg(2024);
  // Figures are made in whole cents and divided once, so each is the double a typed 2-decimal figure is.
  const centsOf = (max: number) => Math.round(rnd() * max * 100);
  const targets: [string, string][] = [
    ["≥90%", "87.18%"],
    ["≥95%", "98.5%"],
    ["≤24小时", "20小时"],
    ["4次/年", "3次"],
    ["≥2000册", "2000余册"],
    ["100%", "99%"],
    ["稳步提升", "稳步提升"],
    ["≤100%", "110%"],
  ];
  return Array.from({ length: ROWS }, (_, i) => {
    const budgetCents = centsOf(rnd() < 0.5 ? 1000 : 30000) + 100;
    const budget = budgetCents / 100;
    const executed = rnd() < 0.15 ? budget : Math.round(budgetCents * (0.5 + rnd() * 0.55)) / 100;
    const aCents = Math.round(rnd() * budgetCents);
    const parts = [aCents / 100, (budgetCents - aCents + (rnd() < 0.1 ? 1 : 0)) / 100]; // 1 in 10 off by a cent
    const weight = [10, 5, 20, 2.5][i & 3];
    const [target, actual] = targets[i % targets.length];
    return {
      budget,
      executed,
      previous: (centsOf(30000) + 100) / 100,
      weight,
      total: centsOf(100) / 100,
      score: Math.round(weight * (0.8 + rnd() * 0.25) * 100) / 100,
      parts,
      target,
      actual,
      reason: rnd() < 0.5 ? null : "执行率未达100%",
    };
  });
}

// ---------------------------------------------------------------- bare float implementations

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

function floatScore(target: string, actual: string, weight: number): number | string {
  const t = /^(≥|≤)?(\d+(?:\.\d+)?)(%?)/.exec(target);
  const a = /^(\d+(?:\.\d+)?)(%?)/.exec(actual);
  if (!t || !a) return "需人工评分";
  const tv = parseFloat(t[2]);
  const av = parseFloat(a[1]);
  if (t[1] === "≤") return av <= tv ? weight : r2((weight * tv) / av);
  return av >= tv ? weight : r2((weight * av) / tv);
}

function floatChangeText(c: number, p: number): string {
  const d = c - p;
  if (Math.abs(d) < 0.005) return "持平";
  const up = d > 0;
  return `${up ? "增加" : "减少"}${Math.abs(d).toFixed(2)}万元，${up ? "增长" : "下降"}${((Math.abs(d) / Math.abs(p)) * 100).toFixed(2)}%`;
}

function floatSumCheck(total: number, range: number[][]): string {
  let s = 0;
  for (const row of range) for (const x of row) s += x;
  const diff = Math.abs(r2(total) - r2(s));
  return diff < 0.005 ? "✓" : diff < 0.015 ? `尾数差 ${diff.toFixed(2)}` : `差 ${diff.toFixed(2)}`;
}

/**
 * One function: its arguments as Excel passes them, and the bare float implementation, which receives
 * the very same argument array (so both sides pay the same call and the same loads).
 */
interface Case {
  id: string;
  args: (r: Row) => unknown[];
  float: (a: unknown[]) => unknown;
}

type N = number;
const CASES: Case[] = [
  { id: "AMOUNT", args: (r) => [r.budget], float: (a) => (typeof a[0] === "number" ? a[0] : Number(a[0])) },
  { id: "RATE", args: (r) => [r.executed, r.budget], float: (a) => r4((a[0] as N) / (a[1] as N)) },
  { id: "CHANGE", args: (r) => [r.budget, r.previous], float: (a) => r4(((a[0] as N) - (a[1] as N)) / Math.abs(a[1] as N)) },
  { id: "CHANGETEXT", args: (r) => [r.budget, r.previous], float: (a) => floatChangeText(a[0] as N, a[1] as N) },
  { id: "SHARE", args: (r) => [r.parts[0], r.budget], float: (a) => r4((a[0] as N) / (a[1] as N)) },
  { id: "EXECSCORE", args: (r) => [r.executed, r.budget, r.weight], float: (a) => r2(Math.min((a[0] as N) / (a[1] as N), 1) * (a[2] as N)) },
  { id: "SCORE", args: (r) => [r.target, r.actual, r.weight], float: (a) => floatScore(a[0] as string, a[1] as string, a[2] as N) },
  {
    id: "GRADE",
    args: (r) => [r.total, null],
    float: (a) => ((a[0] as N) >= 90 ? "优" : (a[0] as N) >= 80 ? "良" : (a[0] as N) >= 60 ? "中" : "差"),
  },
  // As Excel passes =JX.SUMCHECK(B9, B10:B11): the total, then one 2×1 range.
  { id: "SUMCHECK", args: (r) => [r.budget, [[r.parts[0]], [r.parts[1]]]], float: (a) => floatSumCheck(a[0] as N, a[1] as N[][]) },
  {
    id: "SCORECHECK",
    args: (r) => [r.score, r.weight, r.reason],
    float: (a) => {
      const [s, w, why] = a as [N, N, string | null];
      return s < 0 ? "得分为负" : s > w ? "超出分值" : s < w && !(why ?? "").trim() ? "扣分须填写偏差原因" : "✓";
    },
  },
];

export function benchFunctions(): void {
  const data = rows();
  const CALLS = 50_000;
  const BATCH = 10_000;
  console.log("\n== JX 自定义函数（每次调用，callJx；浮点基线在同一次运行中测得）==");
  // What every measured call pays whatever it does: the loop, the closure call, the argument load.
  const argv0 = data.map(CASES[0].args);
  const floor = Math.min(...[0, 1, 2].map(() => measure("floor", CALLS, (i) => argv0[i & (ROWS - 1)], 5).nsPerCall));
  line("调用本身（循环 + 闭包 + 取参数）", `${floor.toFixed(1)} ns`, "两边都包含；“净”= 减去这部分后的比值");
  const results: { id: string; jx: Measure; float: Measure }[] = [];
  for (const c of CASES) {
    // Arguments are built once per row, as Excel hands them over; only the call is timed.
    const argv = data.map(c.args);
    // Baseline and function measured in turn, three times each, keeping each one's fastest median:
    // a load spike on a shared machine then cannot make one side look better than it is.
    let float: Measure | null = null;
    let jx: Measure | null = null;
    for (let rep = 0; rep < 3; rep++) {
      const f = measure(`float ${c.id}`, CALLS, (i) => c.float(argv[i & (ROWS - 1)]), 5);
      const j = measure(`JX.${c.id}`, CALLS, (i) => callJx(c.id, argv[i & (ROWS - 1)]), 5);
      if (!float || f.nsPerCall < float.nsPerCall) float = f;
      if (!jx || j.nsPerCall < jx.nsPerCall) jx = j;
    }
    if (!float || !jx) continue;
    results.push({ id: c.id, jx, float });
    const ratio = jx.nsPerCall / float.nsPerCall;
    const net = (jx.nsPerCall - floor) / Math.max(float.nsPerCall - floor, 1);
    line(
      `JX.${c.id}`,
      `${jx.nsPerCall.toFixed(0)} ns`,
      `浮点 ${float.nsPerCall.toFixed(1)} ns → ${ratio.toFixed(1)}×（目标 ≤ ${TARGET}×）${ratio > TARGET ? "  ✗ 超出" : ""}  净 ${net.toFixed(1)}×`,
    );
  }

  console.log(`\n== ${BATCH.toLocaleString("en-US")} 次调用一批（一张表重算）==`);
  for (const c of CASES) {
    const argv = data.map(c.args);
    const batch = measure(`batch ${c.id}`, 1, () => {
      let sink: unknown;
      for (let i = 0; i < BATCH; i++) sink = callJx(c.id, argv[i & (ROWS - 1)]);
      return sink;
    }, 9);
    line(`JX.${c.id} × ${BATCH}`, `${(batch.nsPerCall / 1e6).toFixed(2)} ms`);
  }
  const mixed = CASES.map((c) => ({ id: c.id, argv: data.map(c.args) }));
  const batch = measure("batch mixed", 1, () => {
    let sink: unknown;
    for (let i = 0; i < BATCH; i++) {
      const m = mixed[i % mixed.length];
      sink = callJx(m.id, m.argv[i & (ROWS - 1)]);
    }
    return sink;
  }, 9);
  const floatBatch = measure("float mixed", 1, () => {
    let sink: unknown;
    for (let i = 0; i < BATCH; i++) {
      const m = mixed[i % mixed.length];
      sink = CASES[i % CASES.length].float(m.argv[i & (ROWS - 1)]);
    }
    return sink;
  }, 9);
  line(`十个函数轮流 × ${BATCH}`, `${(batch.nsPerCall / 1e6).toFixed(2)} ms`, `浮点 ${(floatBatch.nsPerCall / 1e6).toFixed(2)} ms → ${(batch.nsPerCall / floatBatch.nsPerCall).toFixed(1)}×`);
  const over = results.filter((r) => r.jx.nsPerCall / r.float.nsPerCall > TARGET).map((r) => `JX.${r.id}`);
  console.log(over.length === 0 ? `全部函数在目标内（≤ ${TARGET}× 浮点基线）` : `超出目标：${over.join("、")}`);
}
