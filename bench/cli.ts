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
import { FILES_PER_THREAD } from "../src/cli/batch";
import { newWorkbook, writeLayouts, writeWorkbook } from "../src/cli/xlsx";
import { openZip, rewriteZip } from "../src/cli/zip";
import { generatedPackage } from "./generate";
import { line } from "./harness";

const FILES = 200;
const ROOT = path.join(__dirname, "..");

export async function generate(dir: string): Promise<number> {
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

/**
 * Cores busy during `check --jobs 1`: its CPU time (user + system, every thread of the process: V8's garbage collector
 * and compiler threads too) over its wall time, as bash's `time` reports them. Near 2 on two cores, one thread of ours
 * already keeps both busy, and no worker can add a core. Null where bash is missing.
 */
function coresBusy(cli: string, dir: string): number | null {
  const cmd = `TIMEFORMAT='%3R %3U %3S'; time ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} check ${JSON.stringify(dir)} --csv --jobs 1 > /dev/null`;
  const r = spawnSync("bash", ["-c", cmd], { encoding: "utf8" });
  const m = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  if (!m) return null;
  const [real, user, sys] = m.slice(1).map(Number);
  return (user + sys) / real;
}

/** Wall time of `check --jobs 1` run as two processes at once, one per folder. */
function twoProcesses(cli: string, dirs: string[]): number {
  const t0 = performance.now();
  const script = `const { spawn } = require("node:child_process"); let left = ${dirs.length}; for (const d of ${JSON.stringify(dirs)}) spawn(process.execPath, [${JSON.stringify(cli)}, "check", d, "--csv", "--jobs", "1"], { stdio: "ignore" }).on("exit", () => --left === 0 && process.exit(0));`;
  spawnSync(process.execPath, ["-e", script], { stdio: "ignore" });
  return performance.now() - t0;
}

/** CPU and wall time of starting one worker thread of `check DIR` (loading exceljs and the core), without checking a file. */
async function workerStart(out: string): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const w = new Worker(`require(${JSON.stringify(path.join(out, "worker.js"))}); require("node:worker_threads").parentPort.postMessage("ready");`, { eval: true });
    w.once("message", () => void w.terminate().then(() => resolve()));
    w.once("error", reject);
  });
  return performance.now() - t0;
}

/**
 * What two threads of plain computation give on this machine (a VM's two vCPUs may share a core, or be shared with
 * other guests): the same loop once in this thread, then in this thread and one worker at once. The ceiling for the
 * speed-up of check DIR's workers, measured in the same run.
 */
async function machineParallelism(): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  const spin = `let x = 0; for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003; x`;
  const run = () => new Function(spin)() as number;
  const t0 = performance.now();
  run();
  const one = performance.now() - t0;
  const t1 = performance.now();
  const worker = new Worker(`require("node:worker_threads").parentPort.postMessage((() => { ${spin}; })())`, { eval: true });
  const done = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  run();
  await done;
  await worker.terminate();
  const both = performance.now() - t1;
  return (2 * one) / both;
}

/**
 * finalize on a ~10 MB workbook (the forms with JX formulas and a large sheet of the user's own) against
 * merely copying the file: the surgical edit rewrites only the sheets holding JX cells.
 */
export async function benchFinalize(work: string): Promise<void> {
  const { finalizeFile } = await import("../src/cli/finalize");
  const wb = newWorkbook();
  writeLayouts(wb, packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 6 }), "jx");
  wb.addWorksheet("我的明细").getCell("A1").value = "占位";
  const small = path.join(work, "small.xlsx");
  await writeWorkbook(wb, small);
  // The user's own sheet, ~10 MB compressed: 400,000 rows of an inline text, a number and a formula, written
  // straight into the package (exceljs would take minutes to write it).
  const rows: string[] = [];
  for (let r = 1; r <= 400_000; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第 ${r} 笔支出：办公用品采购 ${(r * 7919) % 100003} 项</t></is></c><c r="B${r}"><v>${(r * 37) % 10007}</v></c><c r="C${r}"><f>B${r}*2</f><v>${((r * 37) % 10007) * 2}</v></c></row>`);
  }
  const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const zip = openZip(fs.readFileSync(small));
  const part = zip.entries.map((e) => e.name).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0])).pop()!;
  const input = path.join(work, "big.xlsx");
  fs.writeFileSync(input, rewriteZip(zip, new Map([[part, Buffer.from(sheetXml, "utf8")]])));
  const size = fs.statSync(input).size;
  const copyMs = Math.min(
    ...[0, 1, 2].map(() => {
      const t0 = performance.now();
      fs.copyFileSync(input, path.join(work, "copy.xlsx"));
      return performance.now() - t0;
    }),
  );
  let finalizeMs = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await finalizeFile(input, path.join(work, `final-${i}.xlsx`), HUNAN_2024);
    finalizeMs = Math.min(finalizeMs, performance.now() - t0);
  }
  // A fair copy also flushes to disk, as the atomic write of finalize does.
  const syncedCopyMs = Math.min(
    ...[0, 1].map(() => {
      const t0 = performance.now();
      const target = path.join(work, "copy-synced.xlsx");
      fs.copyFileSync(input, target);
      const fd = fs.openSync(target, "r+");
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return performance.now() - t0;
    }),
  );
  line(`finalize ${(size / 1024 / 1024).toFixed(1)} MB 工作簿（含写盘 fsync）`, `${finalizeMs.toFixed(0)} ms`, `复制 ${copyMs.toFixed(1)} ms，复制并 fsync ${syncedCopyMs.toFixed(0)} ms（${(finalizeMs / syncedCopyMs).toFixed(1)}×）`);
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
    line("jixiao check DIR --jobs 1（单线程，含进程启动）", `${(single / 1000).toFixed(2)} s`, `${(single / floor).toFixed(2)}× 下限（目标 ≤ 1.3×）`);
    line(`jixiao check DIR（${cores} 个工作线程）`, `${(parallel / 1000).toFixed(2)} s`, `${(parallel / floor).toFixed(2)}× 下限（目标 ≤ 1.3×）`);
    line("工作线程加速比", `${(single / parallel).toFixed(2)}×`, `本机 ${cores} 核（本线程也检查文件，另开 ${cores - 1} 个工作线程；目标 > 1×），测量时负载 ${os.loadavg()[0].toFixed(1)}`);
    if (cores > 1) {
      line("本机两线程纯计算的加速比（上限）", `${(await machineParallelism()).toFixed(2)}×`, "同一循环在本线程与一个工作线程同时运行；虚拟机的两个核可能共享物理核");
      // The same check as two independent processes, each on half the files: what the machine gives this workload
      // (reading and checking allocate heavily) without any thread of ours sharing anything.
      const halves = [0, 1].map((h) => {
        const d = path.join(work, `half-${h}`);
        fs.mkdirSync(d);
        files.forEach((f, i) => i % 2 === h && fs.copyFileSync(f, path.join(d, path.basename(f))));
        return d;
      });
      const twoProcs = Math.min(...[0, 1].map(() => twoProcesses(cli, halves)));
      line("同样的检查分成两个独立进程（各一半文件）", `${(twoProcs / 1000).toFixed(2)} s`, `${(single / twoProcs).toFixed(2)}× 单线程：本机对这类负载的两核上限`);
      const busy = coresBusy(cli, work);
      if (busy !== null) line("单线程运行时忙着的核数（CPU 时间 ÷ 墙钟时间）", `${busy.toFixed(2)}`, "含 V8 的垃圾回收、编译线程；接近核数时再开线程也无核可用");
    }
    const start = Math.min(await workerStart(out), await workerStart(out));
    line("启动一个工作线程（加载核心；exceljs 仅在需要时加载）", `${start.toFixed(0)} ms`, `少于 ${FILES_PER_THREAD} 个文件/线程时默认不开新线程`);
    await benchFinalize(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}
