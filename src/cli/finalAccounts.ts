/**
 * 部门决算公开 in the CLI: `template --final-accounts`, `check FILE.xlsx --text 情况说明.docx|.txt`,
 * `report FILE.xlsx --final-accounts --docx|--txt`. Only I/O here; the core reads, checks and narrates.
 * A .docx is read with mammoth (its raw text, one paragraph per line), never by hand.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { extractRawText } from "mammoth";
import {
  checkFinalAccountsText,
  checkGrids,
  countBySeverity,
  faMaterialLayout,
  readFaMaterial,
  finalAccountsLayouts,
  generateFinalAccountsNarrative,
  NUMBERING_2022,
  NUMBERING_PRE2022,
  type FaNumbering,
  type Finding,
  type Preset,
  type ReportDocument,
  type SheetLayout,
} from "../core";
import { InputError, UsageError } from "./errors";
import { readGrids } from "./xlsx";

/** `--numbering 2022|pre2022` (default 2022: 07 政府性基金, 08 国有资本经营, 09 三公). */
export function numberingOption(id: string | undefined): FaNumbering {
  if (id === undefined || id === "2022") return NUMBERING_2022;
  if (id === "pre2022") return NUMBERING_PRE2022;
  throw new UsageError(`--numbering 只能是 2022（07政府性基金、08国有资本经营、09三公，默认）或 pre2022（07三公）；实际为「${id}」。`);
}

/** The nine empty 决算公开 tables and the 决算说明素材 sheet (previous-year figures, 年初预算). */
export function finalAccountsTemplate(year: number, unit: string | undefined, numbering: FaNumbering): SheetLayout[] {
  return [...finalAccountsLayouts({ year, unit, numbering }), faMaterialLayout({ year })];
}

/**
 * The text of a .txt as Windows editors save it: UTF-8 (with or without BOM), UTF-16 with BOM (记事本「Unicode」),
 * or GBK / GB18030 (older 记事本 and WPS「ANSI」on a Chinese system) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Paragraphs of a 情况说明 given beside the workbook: .docx (mammoth raw text) or .txt (UTF-8, UTF-16 or GBK). */
export async function readTextFile(file: string): Promise<string> {
  if (!fs.existsSync(file)) throw new InputError(`找不到情况说明文件「${file}」。`);
  if (/\.docx$/i.test(file)) {
    try {
      const r = await extractRawText({ path: file });
      return r.value;
    } catch {
      throw new InputError(`无法读取「${path.basename(file)}」：不是有效的 Word 文档（.docx）。请另存为 .docx 或 .txt 后重试。`);
    }
  }
  if (/\.(txt|md)$/i.test(file)) return decodeText(fs.readFileSync(file));
  throw new UsageError(`--text 只接受 .docx 或 .txt 文件，实际为「${path.basename(file)}」。`);
}

/** A 情况说明 file checked against the 决算 tables of a workbook (FA.TEXT_* findings). */
export async function checkTextBeside(workbook: string, textFile: string, preset: Preset): Promise<Finding[]> {
  const grids = await readGrids(workbook);
  const r = checkGrids(grids, preset);
  if (!r.finalAccounts) throw new InputError(`「${path.basename(workbook)}」里没有部门决算公开表（收入支出决算总表……财政拨款“三公”经费支出决算表），无法核对「${path.basename(textFile)}」。`);
  const text = await readTextFile(textFile);
  return checkFinalAccountsText(text, r.finalAccounts, { sheet: path.basename(textFile), cellOf: r.cellOf, basic: r.pkg.basic });
}

/** Adds findings to a file result and recounts. */
export function withExtraFindings<R extends { findings: Finding[]; counts: ReturnType<typeof countBySeverity> }>(r: R, extra: Finding[]): R {
  const findings = [...r.findings, ...extra];
  return { ...r, findings, counts: countBySeverity(findings) };
}

/** The 决算情况说明 of a workbook's 决算 tables (with the tables, for the .docx). */
export async function finalAccountsReport(file: string, preset: Preset, withTables: boolean): Promise<{ doc: ReportDocument; errors: Finding[] }> {
  const grids = await readGrids(file);
  const r = checkGrids(grids, preset);
  if (!r.finalAccounts) throw new InputError(`「${path.basename(file)}」里没有部门决算公开表（收入支出决算总表……财政拨款“三公”经费支出决算表）：jixiao template OUT.xlsx --final-accounts 可生成空表。`);
  const tableFindings = r.findings.filter((f) => f.rule.startsWith("FA.") && !f.rule.startsWith("FA.TEXT"));
  const doc = generateFinalAccountsNarrative(r.finalAccounts, { basic: r.pkg.basic, withTables, findings: tableFindings, extra: readFaMaterial(grids) ?? undefined });
  return { doc, errors: tableFindings.filter((f) => f.severity === "错误") };
}
