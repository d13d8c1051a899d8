/**
 * Core benchmarks (issue 2): the cost per call of rate and suggested score against a bare
 * float expression measured in the same run, and the check time of generated 10- and
 * 100-project packages.
 */
import { checkGrids, D, HUNAN_2024, layoutToGrid, packageLayouts, rate, rateNumber, suggestScore, suggestScoreNumber, type Package } from "../src/core";
import { cpuMs, line, measure, ms, ns } from "./harness";
import { generatedPackage } from "./generate";

export function benchCore(): void {
  const N = 200_000;
  // Figures as cells hold them: amounts with two decimals (the double nearest to "80.19").
  const nums = Array.from({ length: 1024 }, (_, i) => Number(`${1 + ((i * 7919) % 10007)}`) / 100);
  const floatRate = measure("float a/b", N, (i) => Math.round((nums[i & 1023] / nums[(i + 1) & 1023]) * 10000) / 10000);
  const decs = nums.map((n) => new D(n));
  const fastRate = measure("rateNumber()", N, (i) => rateNumber(nums[i & 1023], nums[(i + 1) & 1023]));
  const decRate = measure("rate()", N / 4, (i) => rate(decs[i & 1023], decs[(i + 1) & 1023]));
  const weight = new D(5);
  const targets = ["≥90%", "≤24小时", "4次/年", "≥2000册", "100%"];
  const actuals = ["87.18%", "20小时", "4次", "2000余册", "99%"];
  const floatScore = measure("float score", N, (i) => {
    const t = nums[i & 1023];
    const a = nums[(i + 3) & 1023];
    return a >= t ? 5 : Math.round(((5 * a) / t) * 100) / 100;
  });
  const sugFast = measure("suggestScoreNumber()", N, (i) => suggestScoreNumber(targets[i % 5], actuals[i % 5], 5));
  const sug = measure("suggestScore()", N / 4, (i) => suggestScore(targets[i % 5], actuals[i % 5], weight));

  console.log("\n== 核心计算（每次调用）==");
  line("浮点基线 a/b（同一次运行）", ns(floatRate));
  line("rateNumber(a, b)（精确，整数快速路径）", ns(fastRate), `${(fastRate.nsPerCall / floatRate.nsPerCall).toFixed(1)}× 基线（目标 ≤ 10×）`);
  line("rate(a, b)（decimal.js 路径）", ns(decRate), `${(decRate.nsPerCall / floatRate.nsPerCall).toFixed(1)}× 基线（快速路径不适用时）`);
  line("浮点基线 建议得分", ns(floatScore));
  line("suggestScoreNumber(目标文本, 实际文本, 分值)", ns(sugFast), `${(sugFast.nsPerCall / floatScore.nsPerCall).toFixed(1)}× 基线（目标 ≤ 10×；指标文本解析有缓存）`);
  line("suggestScore（decimal.js 路径）", ns(sug), `${(sug.nsPerCall / floatScore.nsPerCall).toFixed(1)}× 基线`);

  console.log("\n== 校验整套材料（读取网格 + 全部规则）==");
  const sizes = [10, 100];
  const results: number[] = [];
  for (const n of sizes) {
    const pkg: Package = generatedPackage(n);
    const grids = packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg).map((l) => layoutToGrid(l));
    // Core time (issue 9): the time one thread spends in the core, after a warm-up (the JIT has compiled the
    // reader and the rules, as in a task pane checked more than once): median of 21 rounds (this VM's neighbours
    // slow single rounds down by up to 2×; the median of more rounds moves less).
    for (let i = 0; i < 30; i++) checkGrids(grids);
    const m = measure(`check ${n}`, 1, () => checkGrids(grids), 21);
    // CPU time of the whole process: also counts V8's GC and compiler threads working beside this one.
    const cpu = cpuMs(20, () => checkGrids(grids));
    results.push(m.nsPerCall / 1e6);
    const met = n === 100 ? `目标 ≤ 50 ms，${m.nsPerCall / 1e6 <= 50 ? "达标" : "未达标"}` : "";
    line(`${n} 个项目（按表头读取 + 全部规则）`, ms(m), met);
    line("  同上，进程 CPU 时间（含 GC 与编译线程）", `${cpu.toFixed(2)} ms`);
  }
  // Growth: the cost of each extra project should stay flat (linear growth), whatever the fixed cost of 附件1/附件2.
  line("每增加一个项目的耗时", `${((results[1] - results[0]) / 90).toFixed(3)} ms`, "10→100 个项目的边际耗时（线性增长）");
}
