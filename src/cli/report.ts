/**
 * `jixiao report`: one workbook → the narrative report (自评报告), as the task pane makes it:
 * checkGrids → readMaterial → generateReport with the tables' findings (not the REPORT.* ones of a
 * report sheet already in the workbook). The .docx comes from src/report-docx (GB/T 9704).
 */
import { checkGrids, generateReport, prompts, readMaterial, renderPlainText, type FinalAccounts, type Finding, type Package, type Preset, type ReportDocument, type ReportMaterial } from "../core";
import { writeFileAtomic } from "./atomic";
import { noFormsError } from "./check";
import { renderDocx } from "../report-docx";
import { readGrids } from "./xlsx";

/** What the report is made from, read and checked before anything is generated. */
export interface ReportInput {
  pkg: Package;
  material: ReportMaterial | null;
  /** Findings of the tables (附件1/2/3), which the report's opening warning quotes. */
  tableFindings: Finding[];
  /** The 错误 among them. */
  errors: Finding[];
  /** Findings of report sheets already in the workbook (REPORT.* rules). */
  reportFindings: Finding[];
  notices: string[];
  /** The 部门决算公开 tables when the workbook holds them (人员经费 from 公开06表). */
  finalAccounts?: FinalAccounts | null;
}

export async function readReportInput(file: string, preset: Preset): Promise<ReportInput> {
  const grids = await readGrids(file);
  const r = checkGrids(grids, preset);
  if (r.sheets.length === 0) throw noFormsError(file, grids);
  const tableFindings = r.findings.filter((f) => !f.rule.startsWith("REPORT."));
  return {
    pkg: r.pkg,
    material: readMaterial(grids, r.pkg.year),
    tableFindings,
    errors: tableFindings.filter((f) => f.severity === "错误"),
    reportFindings: r.findings.filter((f) => f.rule.startsWith("REPORT.")),
    notices: r.notices,
    finalAccounts: r.finalAccounts,
  };
}

export function buildReport(input: ReportInput, preset: Preset): ReportDocument {
  return generateReport(input.pkg, input.material, input.tableFindings, { preset, finalAccounts: input.finalAccounts });
}

/** The warning printed before generating when the tables have 错误 (the document opens with one too). */
export function errorWarning(file: string, errors: Finding[], shown = 5): string {
  const lines = [`注意：表格校验发现 ${errors.length} 处错误。报告中的数字取自表格，更正之前可能与实际不符；生成的报告开头会有一段同样的提示。`];
  for (const f of errors.slice(0, shown)) lines.push(`  ${f.sheet}${f.cell ? ` ${f.cell}` : ""}：${f.message}`);
  if (errors.length > shown) lines.push(`  ……另有 ${errors.length - shown} 处`);
  lines.push(`运行 jixiao check ${quoteArg(file)} 查看全部问题，更正表格后重新生成报告。`);
  return lines.join("\n");
}

/** 【待填写：…】 prompts asking for a 报告素材 item (blank or missing); blanks of the forms and 【请核对：…】 ones are not counted. */
export function promptCount(doc: ReportDocument): number {
  return prompts(doc).filter((t) => t.startsWith("【待填写") && t.includes("「报告素材」")).length;
}

export function reportText(doc: ReportDocument): string {
  return renderPlainText(doc);
}

export async function writeDocx(doc: ReportDocument, file: string): Promise<number> {
  const bytes = await renderDocx(doc, { creator: "绩效自评助手" });
  writeFileAtomic(file, bytes);
  return bytes.length;
}

function quoteArg(s: string): string {
  return /[\s"'$`\\]/.test(s) ? `"${s.replace(/(["$`\\])/g, "\\$1")}"` : s;
}
