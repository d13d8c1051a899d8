/** `jixiao check`: one workbook → findings; the per-file result the batch and the worker share. */
import * as path from "node:path";
import { amountOrNull, checkGrids, countBySeverity, fmt, grade, HUNAN_2024, isReportSheet, presetById, PRESETS, type Finding, type Grid, type NotChecked, type Preset, type Severity } from "../core";
import { CliError, EXIT, InputError, UsageError } from "./errors";
import { oneLine } from "./table";
import { gridsFromPackage } from "./fastGrids";
import { readWorkbookBytes } from "./sniff";

/** What one file gave: plain data, so that it crosses a worker boundary. */
export type FileResult =
  | {
      file: string;
      ok: true;
      unit: string;
      year: number;
      /** 总分 as written in 附件2 (the cached result of its formula); "" when blank. */
      total: string;
      /** 评价等级 as written, else derived from 总分 by the preset's scheme; "" when neither. */
      grade: string;
      counts: Record<Severity, number>;
      findings: Finding[];
      notices: string[];
      /** Checks not possible because the form lacks what they need (also said in the notices). */
      notChecked: NotChecked[];
      sheets: { name: string; kind: string; layout?: string }[];
    }
  | { file: string; ok: false; error: string; exitCode: number };

export function presetOption(id: string | undefined): Preset {
  if (id === undefined) return HUNAN_2024;
  const p = presetById(id);
  if (!p) throw new UsageError(`没有名为「${id}」的评分方案。可选：${PRESETS.map((x, i) => (i === 0 ? `${x.id}（默认）` : x.id)).join("、")}。`);
  return p;
}

/** The workbook holds none of the forms (exit 2). */
export function noFormsError(file: string, grids: Grid[]): InputError {
  const names = grids.map((g) => `「${g.sheet}」`).join("、") || "（没有工作表）";
  return new InputError(`「${path.basename(file)}」里没有绩效自评表格：工作表 ${names} 都不是附件1 基础数据表、附件2 部门整体支出绩效自评表或附件3 项目支出绩效自评表。`);
}

/** Grids of one workbook → the file's result (throws InputError when it holds no form at all). */
export function checkWorkbookGrids(file: string, grids: Grid[], preset: Preset): FileResult & { ok: true } {
  const r = checkGrids(grids, preset);
  if (r.sheets.length === 0) throw noFormsError(file, grids);
  const ev = r.pkg.selfEvaluation;
  const total = ev?.total.score ?? null;
  const totalDec = amountOrNull(total);
  let gradeText = typeof ev?.total.grade === "string" ? ev.total.grade.trim() : "";
  if (!gradeText && totalDec) gradeText = grade(totalDec, preset.grades).name;
  return {
    file,
    ok: true,
    // A workbook of 决算公开表 only names its unit in the tables' 部门： line.
    unit: r.pkg.unit.trim() || r.finalAccounts?.unit.trim() || "",
    year: r.pkg.year,
    total: totalDec ? fmt(totalDec) : total === null ? "" : String(total),
    grade: gradeText,
    counts: countBySeverity(r.findings),
    findings: r.findings,
    notices: r.notices,
    notChecked: r.notChecked,
    // The forms, then any narrative report sheet (自评报告), whose figures were checked against them (REPORT.*).
    // layout: the form layout recognized by its headers (a preset's layout id; "" when none fits).
    sheets: [...r.sheets.map((s) => ({ name: s.name, kind: s.kind as string, ...(r.facts[s.path]?.layout !== undefined ? { layout: r.facts[s.path].layout } : {}) })), ...grids.filter(isReportSheet).map((g) => ({ name: g.sheet, kind: "report" }))],
  };
}

/**
 * A file's Grids: straight from the package when it holds nothing unusual (fastGrids, several times
 * faster), else through exceljs (loadWorkbookBuffer: its repairs and messages). Both give the same Grids.
 */
export async function readFileGrids(file: string): Promise<Grid[]> {
  const buf = readWorkbookBytes(file);
  const fast = gridsFromPackage(buf);
  if (fast) return fast;
  // exceljs only when needed: a worker thread of check DIR then starts without loading it (~0.3 s each).
  const { loadWorkbookBuffer, workbookToGrids } = await import("./xlsx");
  return workbookToGrids(await loadWorkbookBuffer(buf, file));
}

/** Reads and checks one file; never throws: an unreadable file becomes `{ ok: false }`. */
export async function checkFile(file: string, preset: Preset): Promise<FileResult> {
  try {
    return checkWorkbookGrids(file, await readFileGrids(file), preset);
  } catch (e) {
    if (e instanceof CliError) return { file, ok: false, error: e.message, exitCode: e.exitCode };
    return { file, ok: false, error: `读取「${path.basename(file)}」时出错：${(e as Error).message}`, exitCode: EXIT.unreadable };
  }
}

export function exitCodeOf(results: FileResult[]): number {
  if (results.some((r) => !r.ok)) return EXIT.unreadable;
  if (results.some((r) => r.ok && r.counts.错误 > 0)) return EXIT.findings;
  return EXIT.ok;
}

const KIND_NAMES: Record<string, string> = {
  basic: "附件1 基础数据表",
  selfEvaluation: "附件2 部门整体支出绩效自评表",
  project: "附件3 项目支出绩效自评表",
  report: "自评报告，其中的数字已与表格核对",
  finalAccounts: "部门决算公开表",
};

/** The readable report of one file: findings grouped by sheet, then the counts. */
export function formatFileReport(r: FileResult & { ok: true }): string {
  const out: string[] = [];
  out.push(`文件：${r.file}`);
  // 总分 and 等级 are those of 附件2: a workbook without it (附件3 or 决算公开表 only) has none, which is not a blank 总分.
  const blank = r.sheets.some((s) => s.kind === "selfEvaluation") ? "（空）" : "—（没有附件2）";
  out.push(`单位：${oneLine(r.unit) || "（未填写）"}    年度：${r.year}    总分：${oneLine(r.total) || blank}    等级：${oneLine(r.grade) || blank}`);
  out.push(`识别的表：${r.sheets.map((s) => `「${s.name}」（${KIND_NAMES[s.kind] ?? s.kind}）`).join("、")}`);
  for (const n of r.notices) out.push(`注意：${n}`);
  out.push("");
  if (r.findings.length === 0) out.push("没有发现问题。");
  let sheet: string | null = null;
  for (const f of r.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      out.push(`【${sheet || "整套材料"}】`);
    }
    const detail = [f.expected ? `应为 ${f.expected}` : "", f.actual ? `实际 ${f.actual}` : ""].filter(Boolean).join("，");
    out.push(`  ${(f.cell || "—").padEnd(6)}${f.severity}  ${f.message}${detail ? `（${detail}）` : ""}  [${f.rule}]`);
  }
  out.push("");
  out.push(`共 ${r.findings.length} 条：错误 ${r.counts.错误} 条，警告 ${r.counts.警告} 条，提示 ${r.counts.提示} 条。`);
  return out.join("\n");
}

/** The JSON of one file's result (also one entry of the batch JSON). */
export function resultJson(r: FileResult): object {
  if (!r.ok) return { file: r.file, ok: false, error: r.error };
  return {
    file: r.file,
    ok: true,
    unit: r.unit,
    year: r.year,
    total: r.total,
    grade: r.grade,
    counts: r.counts,
    notices: r.notices,
    notChecked: r.notChecked,
    sheets: r.sheets,
    findings: r.findings,
  };
}
