/**
 * jixiao: the headless command line over the core (template, check, report, finalize, import, export).
 * Only I/O here: arguments, files, exceljs, printing, worker threads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { documentTitle, newWorkbookLayouts } from "../core";
import { intOption, parseArgs, positionals, type Parsed } from "./args";
import { checkFiles, formatSummary, listWorkbooks, progressLine, summaryCsv, summaryJson } from "./batch";
import { checkFile, exitCodeOf, formatFileReport, presetOption, resultJson } from "./check";
import { assertNotInput } from "./atomic";
import { CliError, EXIT, InputError, UsageError } from "./errors";
import { ioError } from "./ioerrors";
import { terminalText } from "./table";
import { HELP, MAIN_HELP } from "./help";
import { VERSION } from "../version";

// exceljs, docx and mammoth are loaded by the commands that use them, not on every start: check reads
// workbooks without them (fastGrids), and each costs a few hundred ms of loading (issue 11).
const xlsx = () => import("./xlsx");
const finalAccounts = () => import("./finalAccounts");

type Out = (text: string) => void;
// Text from cells and file names reaches the terminal: control characters (escape sequences, bells,
// carriage returns) are stripped. JSON escapes them itself, so --json is unchanged.
const out: Out = (t) => process.stdout.write(terminalText(t.endsWith("\n") ? t : t + "\n"));
const err: Out = (t) => process.stderr.write(terminalText(t.endsWith("\n") ? t : t + "\n"));

/**
 * The file about to be written: refuses to overwrite without --force, the input itself (through any link), and needs its folder.
 * `exts` (".xlsx", ".xlsm"): the name must end with one of them, so a workbook is never written under a name
 * (x.txt, 报告) that opens as something else or not at all.
 */
function outputPath(file: string, p: Parsed, input?: string, exts: string[] = []): string {
  if (input) assertNotInput(input, file);
  let isDir = false;
  try {
    isDir = fs.statSync(file).isDirectory();
  } catch {
    // not there yet
  }
  if (isDir) throw new UsageError(`「${file}」是文件夹，不能作为输出文件。请给出一个文件名。`);
  if (exts.length && !exts.includes(path.extname(file).toLowerCase())) throw new UsageError(`输出文件应以 ${exts.join(" 或 ")} 结尾，实际为「${file}」。`);
  if (fs.existsSync(file) && !p.flags.has("force")) throw new UsageError(`「${file}」已存在。要覆盖请加 --force。`);
  const dir = path.dirname(path.resolve(file));
  // A folder that is not there is a file-system problem like a full disk or a missing permission (exit 2), as README says.
  if (!fs.existsSync(dir)) throw new InputError(`无法写入「${file}」：输出文件夹「${path.dirname(file)}」不存在。请先建好文件夹或换一个路径。`);
  return file;
}

async function writing<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code) throw ioError(e, file, "write");
    throw new CliError(`无法写入「${file}」：${(e as Error).message}`, EXIT.unreadable);
  }
}

async function cmdTemplate(argv: string[]): Promise<number> {
  const { newWorkbook, writeLayouts, writeWorkbook } = await xlsx();
  const p = parseArgs(argv, { values: ["unit", "year", "projects", "funds", "preset", "numbering"], flags: ["jx", "force", "final-accounts"] }, "template");
  const [file] = positionals(p, ["OUT.xlsx"], "template");
  const preset = presetOption(p.options.preset);
  const year = intOption(p, "year", new Date().getFullYear() - 1, 1990, 2100);
  if (p.flags.has("final-accounts")) {
    // 部门决算公开: the nine tables (公开01–09表), numbered as --numbering says. Options of the 自评 forms are refused, not ignored.
    const selfOnly = ["projects", "funds", "preset"].filter((o) => p.options[o] !== undefined).concat(p.flags.has("jx") ? ["jx"] : []);
    if (selfOnly.length > 0) throw new UsageError(`--final-accounts 生成决算公开表，不带绩效自评表的选项 ${selfOnly.map((o) => `--${o}`).join("、")}；自评表请另行运行 jixiao template（不加 --final-accounts）。`);
    outputPath(file, p, undefined, [".xlsx"]);
    const { finalAccountsTemplate, numberingOption } = await finalAccounts();
    const wb = newWorkbook();
    const names = writeLayouts(wb, finalAccountsTemplate(year, p.options.unit, numberingOption(p.options.numbering)), "native");
    await writing(file, () => writeWorkbook(wb, file));
    out(`已生成「${file}」，${year} 年度部门决算公开表，共 ${names.length} 张：${names.join("、")}`);
    out("功能分类、经济分类科目按本单位实际增删行；空的政府性基金、国有资本经营表请保留表下的空表说明。「决算说明素材」表填写上年数和年初预算。jixiao check 核对各表，jixiao report --final-accounts 生成情况说明。");
    return EXIT.ok;
  }
  if (p.options.numbering !== undefined) throw new UsageError("--numbering 只用于 --final-accounts（决算公开表的编号）；绩效自评表没有这个选项。");
  // No 附件3 unless asked for: a department without projects must not report "对1个项目开展了…".
  const projects = intOption(p, "projects", 0, 0, 200);
  const funds = p.options.funds === undefined ? undefined : intOption(p, "funds", 2, 1, 100);
  outputPath(file, p, undefined, [".xlsx"]);
  // The forms and the 报告素材 sheet (the texts only the department knows, for `jixiao report`).
  const layouts = newWorkbookLayouts({ year, unit: p.options.unit, preset, projects, specialFundRows: funds });
  const wb = newWorkbook();
  const names = writeLayouts(wb, layouts, p.flags.has("jx") ? "jx" : "native");
  await writing(file, () => writeWorkbook(wb, file));
  out(`已生成「${file}」，${year} 年度，共 ${names.length} 张表：${names.join("、")}`);
  out("黄色单元格由填表人填写，灰色单元格自动计算（底色只在空着时显示，打印不带底色）。「报告素材」表填写职能职责、主要成绩、存在的问题等，供 jixiao report 生成自评报告。");
  return EXIT.ok;
}

async function cmdCheck(argv: string[]): Promise<number> {
  const p = parseArgs(argv, { values: ["preset", "jobs", "text"], flags: ["json", "csv"] }, "check");
  const [target] = positionals(p, ["FILE.xlsx 或 DIR"], "check");
  const preset = presetOption(p.options.preset);
  if (p.flags.has("json") && p.flags.has("csv")) throw new UsageError("--json 和 --csv 只能选一个。");
  let isDir = false;
  try {
    isDir = fs.statSync(target).isDirectory();
  } catch {
    throw new InputError(`找不到文件或文件夹「${target}」。`);
  }
  if (isDir && p.options.text !== undefined) throw new UsageError("--text 只用于校验单个工作簿。");
  if (!isDir) {
    if (p.flags.has("csv")) throw new UsageError("--csv 只用于校验文件夹；单个文件请用 --json 或默认的文本输出。");
    let r = await checkFile(target, preset);
    // --text 情况说明.docx: the 部门决算情况说明 beside the workbook, checked against its 决算 tables.
    if (r.ok && p.options.text !== undefined) {
      const { checkTextBeside, withExtraFindings } = await finalAccounts();
      r = withExtraFindings(r, await checkTextBeside(target, p.options.text, preset));
    }
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
  else if (p.flags.has("csv")) process.stdout.write(summaryCsv(target, results)); // neutralised field by field
  else out(formatSummary(target, results));
  return exitCodeOf(results);
}

async function cmdReport(argv: string[]): Promise<number> {
  const { buildReport, errorWarning, promptCount, readReportInput, reportText, writeDocx } = await import("./report");
  const { finalAccountsReport } = await finalAccounts();
  const p = parseArgs(argv, { values: ["docx", "preset"], flags: ["txt", "force", "final-accounts"] }, "report");
  const [input] = positionals(p, ["FILE.xlsx"], "report");
  const preset = presetOption(p.options.preset);
  const docx = p.options.docx;
  const txt = p.flags.has("txt");
  if (docx === undefined && !txt) throw new UsageError("「report」要指定输出：--docx OUT.docx（Word 文档）或 --txt（纯文本，输出到屏幕）。运行 jixiao report --help 查看用法。");
  if (docx !== undefined && txt) throw new UsageError("--docx 和 --txt 只能选一个。");
  if (docx !== undefined) {
    if (!/\.docx$/i.test(docx)) throw new UsageError(`输出文件应以 .docx 结尾，实际为「${docx}」。`);
    outputPath(docx, p, input);
  }
  if (!fs.existsSync(input)) throw new InputError(`找不到文件「${input}」。`);

  if (p.flags.has("final-accounts")) {
    // 部门决算情况说明 from the 决算 tables (the .docx carries the tables too).
    const fa = await finalAccountsReport(input, preset, docx !== undefined);
    if (fa.errors.length > 0) err(errorWarning(input, fa.errors));
    const prompts = promptCount(fa.doc);
    if (prompts > 0) err(`提示：上年数、年初预算、原因、政府采购、资产等表格中没有的内容留了 ${prompts} 处【请填写】。`);
    if (docx === undefined) {
      process.stdout.write(reportText(fa.doc));
      return EXIT.ok;
    }
    const size = await writing(docx, () => writeDocx(fa.doc, docx));
    out(`已生成「${docx}」：${documentTitle(fa.doc)}（含九张决算表，${Math.max(1, Math.round(size / 1024))} KB）。`);
    return EXIT.ok;
  }
  const data = await readReportInput(input, preset);
  for (const n of data.notices) err(`注意：${n}`);
  if (data.errors.length > 0) err(errorWarning(input, data.errors));
  if (data.reportFindings.length > 0) {
    const sheets = [...new Set(data.reportFindings.map((f) => `「${f.sheet}」`))].join("、");
    err(`注意：工作簿中已有的报告工作表 ${sheets} 与表格不符或留有占位符，共 ${data.reportFindings.length} 处（运行 jixiao check 查看）；新生成的报告不受影响。`);
  }
  const doc = buildReport(data, preset);

  const prompts = promptCount(doc);
  if (prompts > 0) {
    err(
      data.material
        ? `提示：「报告素材」表中有空项，报告中留了 ${prompts} 处「待填写」。`
        : `提示：工作簿中没有「报告素材」表，职能职责、主要成绩、存在的问题等只有本单位知道的内容在报告中留了 ${prompts} 处「待填写」（jixiao template 生成的工作簿带有这张表）。`,
    );
  }
  const warned = data.errors.length > 0 ? `报告已生成，但表格有 ${data.errors.length} 处错误，报告开头写明了这一点；请更正表格后重新生成。` : "";

  if (docx === undefined) {
    process.stdout.write(terminalText(reportText(doc))); // --txt
    if (warned) err(warned);
    return EXIT.ok;
  }
  const size = await writing(docx, () => writeDocx(doc, docx));
  out(`已生成「${docx}」：${documentTitle(doc)}（GB/T 9704 公文版式，A4，${Math.max(1, Math.round(size / 1024))} KB）。`);
  if (warned) err(warned);
  return EXIT.ok;
}

async function cmdFinalize(argv: string[]): Promise<number> {
  const { finalizeFile } = await import("./finalize");
  const p = parseArgs(argv, { values: ["preset"], flags: ["force"] }, "finalize");
  const [input, output] = positionals(p, ["IN.xlsx", "OUT.xlsx"], "finalize");
  const preset = presetOption(p.options.preset);
  outputPath(output, p, input, [".xlsx", ".xlsm"]);
  const report = await writing(output, () => finalizeFile(input, output, preset));
  const parts = report.changedParts.length === 0 ? "没有需要改动的部件，输出与原文件相同" : `只改动了 ${report.changedParts.join("、")}，其余部件逐字节保留`;
  out(`已定稿「${input}」→「${output}」：${report.native} 个 JX 公式改为内置公式，${report.values.length} 个改为数值，${report.unchanged} 个其他公式未改动（${parts}）。`);
  for (const v of report.values) out(`  ${v.sheet}!${v.cell} 改为数值：${v.reason}`);
  for (const n of report.notes) out(`注意：${n}`);
  if (report.kept.length > 0) {
    for (const k of report.kept) err(`  ${k.sheet}!${k.cell} 未定稿：${k.reason}`);
    err(`有 ${report.kept.length} 个 JX 公式没能定稿，这些单元格离开加载项仍会显示 #NAME?。`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

async function cmdImport(argv: string[]): Promise<number> {
  const { importModel } = await import("./model");
  const p = parseArgs(argv, { values: ["preset"], flags: ["force"] }, "import");
  const [model, file] = positionals(p, ["MODEL.json", "OUT.xlsx"], "import");
  const preset = presetOption(p.options.preset);
  outputPath(file, p, model, [".xlsx"]);
  const { pkg, sheets } = await importModel(model, file, preset);
  out(`已由「${model}」生成「${file}」：${pkg.unit || "（未填单位）"} ${pkg.year} 年度，共 ${sheets.length} 张表：${sheets.join("、")}`);
  return EXIT.ok;
}

async function cmdExport(argv: string[]): Promise<number> {
  const { exportModel } = await import("./model");
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
  report: cmdReport,
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
    out(`jixiao ${VERSION}`);
    return EXIT.ok;
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
    // No stack trace for the user: a system error in Chinese, anything else as one line.
    if ((e as NodeJS.ErrnoException)?.code && typeof (e as NodeJS.ErrnoException).path === "string") {
      const io = ioError(e, (e as NodeJS.ErrnoException).path as string, "read");
      err(io.message);
      return io.exitCode;
    }
    err(`出错了：${(e as Error)?.message ?? String(e)}。请把这条信息和所用的文件发给维护者。`);
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
