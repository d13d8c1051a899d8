/** `jixiao check DIR`: every workbook under a folder, checked on all cores by worker threads. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { Preset } from "../core";
import { checkFile, resultJson, type FileResult } from "./check";
import { EXIT } from "./errors";
import { csvField, oneLine, renderTable } from "./table";

// .xls and .ods are listed too, so that the summary says why they cannot be read instead of skipping them.
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** Workbook files under `dir`, sorted, skipping Office lock files (~$…) and hidden folders. */
export function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith(".") && e.name !== "node_modules") walk(p);
      } else if (WORKBOOK.test(e.name) && !e.name.startsWith("~$")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The worker's entry: the compiled dist-cli/worker.js, or the TypeScript source through tsx in a checkout. */
function spawnWorker(): Worker {
  if (__filename.endsWith(".ts")) {
    const tsx = require.resolve("tsx/cjs/api");
    const src = path.join(__dirname, "worker.ts");
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(src)});`, { eval: true });
  }
  return new Worker(path.join(__dirname, "worker.js"));
}

/** What a worker of check DIR is given once: all the files, and the shared counter it takes the next index from. */
export interface WorkerJob {
  files: string[];
  preset: string;
  /** [0]: the next file index to take (Atomics.add). */
  counter: Int32Array;
  /** [slot]: the index this worker is checking, -1 between files. */
  current: Int32Array;
  slot: number;
}

/** A worker's messages: one per file checked, then done. */
export type WorkerAnswer = { index: number; result: FileResult } | { done: true };

export interface BatchOptions {
  preset: Preset;
  /** Threads in all (this one and jobs − 1 workers); 1 checks in this thread only. Default: defaultJobs(). */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Files per thread below which another thread does not pay: a new worker loads and JIT-compiles the core
 * afresh (~0.1 s to start since check reads without exceljs, and its first files run unoptimised code),
 * more than checking a dozen files costs.
 */
export const FILES_PER_THREAD = 12;

/** The default number of threads: one per core, but no more than the files can keep busy. */
export function defaultJobs(files: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}

/**
 * Checks `files` in parallel; results in the order of `files`. One unreadable file does not stop the batch.
 * `jobs` threads in all: this thread checks files too, beside jobs − 1 workers (a worker that would only
 * wait while this thread idles costs a whole start-up for nothing).
 */
export async function checkFiles(files: string[], opts: BatchOptions): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(files.length), files.length));
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    done++;
    opts.onProgress?.(done, files.length, files[i]);
  };
  if (jobs <= 1) {
    for (let i = 0; i < files.length; i++) finish(i, await checkFile(files[i], opts.preset));
    return results;
  }
  // Work is shared through one counter in shared memory: each thread takes the next file itself, so a
  // worker never waits for this thread to hand it one (this thread is busy checking too), and no message
  // goes out per file. Each worker also writes the index it is on, so that a crash is that file's result.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const current = new Int32Array(new SharedArrayBuffer(4 * (jobs - 1))).fill(-1);
  const here = async () => {
    for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
      finish(i, await checkFile(files[i], opts.preset));
      // Let the workers' answers in (progress is reported as files finish, in whatever thread).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const workers = Array.from({ length: jobs - 1 }, (_, w) => {
    const worker = spawnWorker();
    return new Promise<void>((resolve) => {
      worker.on("message", (m: WorkerAnswer) => {
        if ("done" in m) {
          void worker.terminate();
          resolve();
          return;
        }
        finish(m.index, m.result);
      });
      worker.on("error", (e) => {
        // A crash inside one file's check (a worker out of memory on a huge sheet…) is that file's result;
        // this worker stops, the others go on.
        const at = Atomics.load(current, w);
        if (at >= 0 && results[at] === undefined) {
          finish(at, { file: files[at], ok: false, error: `检查「${path.basename(files[at])}」时处理线程中断（多半是文件太大、内存不足），已跳过此文件，其余文件照常检查（${e.message}）。`, exitCode: EXIT.unreadable });
        }
        resolve();
      });
      worker.on("exit", () => resolve()); // stopped without a word: what it left is finished below
      const job: WorkerJob = { files, preset: opts.preset.id, counter, current, slot: w };
      worker.postMessage(job);
    });
  });
  await Promise.all([here(), ...workers]);
  // Files left when every worker died: finish them in this thread so that the batch reports every file.
  for (let i = 0; i < files.length; i++) if (results[i] === undefined) finish(i, await checkFile(files[i], opts.preset));
  return results;
}

/** "[########------] 12/200 name" on one terminal line. */
export function progressLine(done: number, total: number, file: string, width = 24): string {
  const filled = Math.round((done / total) * width);
  return `检查中 [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${path.basename(file)}`;
}

function label(dir: string, file: string): string {
  return path.relative(dir, file) || path.basename(file);
}

export function formatSummary(dir: string, results: FileResult[]): string {
  const ok = results.filter((r): r is FileResult & { ok: true } => r.ok);
  const bad = results.filter((r): r is FileResult & { ok: false } => !r.ok);
  const rows = ok.map((r) => [oneLine(label(dir, r.file)), oneLine(r.unit) || "（未填写）", String(r.year), oneLine(r.total) || "—", oneLine(r.grade) || "—", String(r.counts.错误), String(r.counts.警告), String(r.counts.提示)]);
  const out: string[] = [];
  if (rows.length > 0) {
    out.push(renderTable(["文件", "单位", "年度", "总分", "等级", "错误", "警告", "提示"], rows, { right: [false, false, false, true, false, true, true, true], max: [40, 30] }));
  }
  if (bad.length > 0) {
    out.push("");
    out.push(`无法读取的文件（${bad.length} 个）：`);
    for (const r of bad) out.push(`  ${label(dir, r.file)}：${r.error}`);
  }
  const withErrors = ok.filter((r) => r.counts.错误 > 0).length;
  out.push("");
  out.push(`共 ${results.length} 个文件：${withErrors} 个有错误，${ok.length - withErrors} 个没有错误，${bad.length} 个无法读取。`);
  return out.join("\n");
}

export function summaryJson(dir: string, results: FileResult[]): object {
  const ok = results.filter((r) => r.ok);
  return {
    dir,
    files: results.map((r) => ({ ...resultJson(r), file: label(dir, r.file) })),
    summary: {
      files: results.length,
      withErrors: ok.filter((r) => r.ok && r.counts.错误 > 0).length,
      unreadable: results.length - ok.length,
    },
  };
}

export function summaryCsv(dir: string, results: FileResult[]): string {
  const lines = [["文件", "单位", "年度", "总分", "等级", "错误", "警告", "提示", "无法读取的原因"].join(",")];
  for (const r of results) {
    const cells = r.ok
      ? [label(dir, r.file), r.unit, r.year, r.total, r.grade, r.counts.错误, r.counts.警告, r.counts.提示, ""]
      : [label(dir, r.file), "", "", "", "", "", "", "", r.error];
    lines.push(cells.map((c) => csvField(c)).join(","));
  }
  // A BOM so that Excel opens the UTF-8 CSV with its Chinese intact.
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
