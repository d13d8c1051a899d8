/**
 * jixiao: the headless command line over the core (template, check, finalize, import, export).
 * Only I/O here: arguments, files, exceljs, printing, worker threads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { packageLayouts } from "../core";
import { intOption, parseArgs, positionals, type Parsed } from "./args";
import { checkFiles, formatSummary, listWorkbooks, progressLine, summaryCsv, summaryJson } from "./batch";
import { checkFile, exitCodeOf, formatFileReport, presetOption, resultJson } from "./check";
import { CliError, EXIT, InputError, UsageError } from "./errors";
import { finalizeFile } from "./finalize";
import { HELP, MAIN_HELP } from "./help";
import { exportModel, importModel } from "./model";
import { newWorkbook, writeLayouts, writeWorkbook } from "./xlsx";

type Out = (text: string) => void;
const out: Out = (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n");
const err: Out = (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n");

/** The file about to be written: refuses to overwrite without --force, and needs its folder. */
function outputPath(file: string, p: Parsed, input?: string): string {
  if (input && path.resolve(input) === path.resolve(file)) throw new UsageError(`输出文件不能与输入文件相同（${file}）：请另给一个文件名。`);
  if (fs.existsSync(file) && !p.flags.has("force")) throw new UsageError(`「${file}」已存在。要覆盖请加 --force。`);
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new UsageError(`输出文件夹「${path.dirname(file)}」不存在。`);
  return file;
}

async function writing<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法写入「${file}」：${(e as Error).message}`, EXIT.unreadable);
  }
}

async function cmdTemplate(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { values: ["unit", "year", "projects", "funds", "preset"], flags: ["jx", "force"] }, "template");
  const [file] = positionals(p, ["OUT.xlsx"], "template");
  const preset = presetOption(p.options.preset);
  const year = intOption(p, "year", new Date().getFullYear() - 1, 1990, 2100);
  const projects = intOption(p, "projects", 1, 0, 200);
  const funds = p.options.funds === undefined ? undefined : intOption(p, "funds", 2, 1, 100);
  outputPath(file, p);
  const layouts = packageLayouts({ year, unit: p.options.unit, preset, projects, specialFundRows: funds });
  const wb = newWorkbook();
  const names = writeLayouts(wb, layouts, p.flags.has("jx") ? "jx" : "native");
  await writing(file, () => writeWorkbook(wb, file));
  out(`已生成「${file}」，${year} 年度，共 ${names.length} 张表：${names.join("、")}`);
  out("黄色单元格由填表人填写，灰色单元格自动计算。");
  return EXIT.ok;
}

async function cmdCheck(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { values: ["preset", "jobs"], flags: ["json", "csv"] }, "check");
  const [target] = positionals(p, ["FILE.xlsx 或 DIR"], "check");
  const preset = presetOption(p.options.preset);
  if (p.flags.has("json") && p.flags.has("csv")) throw new UsageError("--json 和 --csv 只能选一个。");
  let isDir = false;
  try {
    isDir = fs.statSync(target).isDirectory();
  } catch {
    throw new InputError(`找不到文件或文件夹「${target}」。`);
  }
  if (!isDir) {
    if (p.flags.has("csv")) throw new UsageError("--csv 只用于校验文件夹；单个文件请用 --json 或默认的文本输出。");
    const r = await checkFile(target, preset);
    if (!r.ok) {
      if (p.flags.has("json")) out(JSON.stringify(resultJson(r), null, 2));
      err(r.error);
      return r.exitCode;
    }
    out(p.flags.has("json") ? JSON.stringify(resultJson(r), null, 2) : formatFileReport(r));
    return exitCodeOf([r]);
  }
  const files = listWorkbooks(target);
  if (files.length === 0) throw new InputError(`文件夹「${target}」里没有 .xlsx 工作簿。`);
  const jobs = intOption(p, "jobs", 0, 1, 256) || undefined;
  const tty = process.stderr.isTTY === true;
  const results = await checkFiles(files, {
    preset,
    jobs,
    onProgress: tty ? (done, total, file) => process.stderr.write(`\r\x1b[2K${progressLine(done, total, file)}`) : undefined,
  });
  if (tty) process.stderr.write("\r\x1b[2K");
  if (p.flags.has("json")) out(JSON.stringify(summaryJson(target, results), null, 2));
  else if (p.flags.has("csv")) process.stdout.write(summaryCsv(target, results));
  else out(formatSummary(target, results));
  return exitCodeOf(results);
}

async function cmdFinalize(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { values: ["preset"], flags: ["force"] }, "finalize");
  const [input, output] = positionals(p, ["IN.xlsx", "OUT.xlsx"], "finalize");
  const preset = presetOption(p.options.preset);
  outputPath(output, p, input);
  const report = await finalizeFile(input, output, preset);
  out(`已定稿「${input}」→「${output}」：${report.native} 个 JX 公式改为内置公式，${report.values.length} 个改为数值，${report.unchanged} 个其他公式未改动。`);
  for (const v of report.values) out(`  ${v.sheet}!${v.cell} 改为数值：${v.reason}`);
  return EXIT.ok;
}

async function cmdImport(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { values: ["preset"], flags: ["force"] }, "import");
  const [model, file] = positionals(p, ["MODEL.json", "OUT.xlsx"], "import");
  const preset = presetOption(p.options.preset);
  outputPath(file, p, model);
  const { pkg, sheets } = await importModel(model, file, preset);
  out(`已由「${model}」生成「${file}」：${pkg.unit || "（未填单位）"} ${pkg.year} 年度，共 ${sheets.length} 张表：${sheets.join("、")}`);
  return EXIT.ok;
}

async function cmdExport(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { flags: ["force"] }, "export");
  const [file, model] = positionals(p, ["FILE.xlsx", "MODEL.json"], "export");
  outputPath(model, p, file);
  const { pkg, notices } = await exportModel(file, model);
  for (const n of notices) err(`注意：${n}`);
  out(`已把「${file}」导出为「${model}」：${pkg.unit || "（未填单位）"} ${pkg.year} 年度，${pkg.projects.length} 个项目。`);
  return EXIT.ok;
}

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  template: cmdTemplate,
  check: cmdCheck,
  finalize: cmdFinalize,
  import: cmdImport,
  export: cmdExport,
};

/** Runs one command line; returns the exit code. Messages go to stdout/stderr. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || (command === "help" && rest.length === 0)) {
    out(MAIN_HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === "help") {
    out(HELP[rest[0]] ?? MAIN_HELP);
    return HELP[rest[0]] ? EXIT.ok : EXIT.usage;
  }
  if (command === "--version" || command === "-v") {
    out("jixiao 0.1.0");
    return EXIT.ok;
  }
  if (command === "report") {
    err("自评报告（report）命令将随报告生成功能一起提供，当前版本还没有。");
    return EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`没有「${command}」这个命令。可用的命令：${Object.keys(COMMANDS).join("、")}。运行 jixiao --help 查看用法。`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    out(HELP[command]);
    return EXIT.ok;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return e.exitCode;
    }
    err(`出错了：${(e as Error).stack ?? String(e)}`);
    return EXIT.unreadable;
  }
}

/** The process entry (bin/jixiao.js and `tsx src/cli/main.ts`). */
export function run(argv = process.argv.slice(2)): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); // `jixiao check DIR | head`
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
