/**
 * CLI benchmark (issue 6): `jixiao check DIR` on 200 generated workbooks against the floor of merely
 * reading the same files with exceljs in this run (target ≤ 1.3×), and the speed-up from worker
 * threads on this machine's cores. The CLI runs as users run it: the esbuild output, as a process.
 */
import { spawnSync } from "node:child_process";
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { HUNAN_2024, packageLayouts } from "../src/core";
import { newWorkbook, writeLayouts, writeWorkbook } from "../src/cli/xlsx";
import { generatedPackage } from "./generate";
import { line } from "./harness";

const FILES = 200;
const ROOT = path.join(__dirname, "..");

async function generate(dir: string): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const pkg = generatedPackage(1 + (i % 6)); // seed 003's 附件1/附件2 and 1–6 of seed 004's projects
    pkg.unit = `${pkg.unit}${i + 1}`;
    const wb = newWorkbook();
    writeLayouts(wb, packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg));
    const file = path.join(dir, `${String(i + 1).padStart(3, "0")}.xlsx`);
    await writeWorkbook(wb, file);
    bytes += fs.statSync(file).size;
  }
  return bytes;
}

/** The floor: read every file and parse it with exceljs, one after the other, nothing else. */
async function readAll(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f) as unknown as ExcelJS.Buffer);
  }
  return performance.now() - t0;
}

function runCheck(cli: string, dir: string, jobs: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, "check", dir, "--csv", "--jobs", String(jobs)], { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  // Every generated file carries seed 003's four 错误: exit 1, 200 lines + header.
  const lines = r.stdout.trim().split(/\r\n/);
  if (r.status !== 1 || lines.length !== FILES + 1) throw new Error(`check DIR failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return ms;
}

export async function benchCli(): Promise<void> {
  console.log(`\n== 命令行批量校验（${FILES} 个工作簿）==`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
  const out = path.join(ROOT, "node_modules", ".cache", `jixiao-bench-${process.pid}`);
  try {
    const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs"), out], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(build.stderr);
    const cli = path.join(out, "jixiao.js");
    const t0 = performance.now();
    const bytes = await generate(work);
    const files = fs.readdirSync(work).map((f) => path.join(work, f));
    line("生成工作簿", `${((performance.now() - t0) / 1000).toFixed(1)} s`, `平均 ${(bytes / FILES / 1024).toFixed(0)} KB/个`);

    const cores = os.availableParallelism();
    // Two rounds each, best of two: the first warms the file cache.
    const floor = Math.min(await readAll(files), await readAll(files));
    const single = Math.min(runCheck(cli, work, 1), runCheck(cli, work, 1));
    const parallel = cores > 1 ? Math.min(runCheck(cli, work, cores), runCheck(cli, work, cores)) : single;
    line("下限：仅用 exceljs 依次读取（本进程内）", `${(floor / 1000).toFixed(2)} s`);
    line("jixiao check DIR --jobs 1（单线程，含进程启动）", `${(single / 1000).toFixed(2)} s`, `${(single / floor).toFixed(2)}× 下限`);
    line(`jixiao check DIR（${cores} 个工作线程）`, `${(parallel / 1000).toFixed(2)} s`, `${(parallel / floor).toFixed(2)}× 下限（目标 ≤ 1.3×）`);
    line("工作线程加速比", `${(single / parallel).toFixed(2)}×`, `本机 ${cores} 核`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}
