/**
 * Reads a workbook (a list of grids) into the package model: finds which
 * sheet is which form by its labels, reads each, and remembers where every
 * figure came from so that findings can name the cell.
 */
import { emptyBasic, emptyProject, emptySelfEvaluation } from "../empty";
import { normalizeLabel, textAt, type Grid } from "../grid";
import type { Package, ProjectEvaluation, Raw } from "../model";
import { HUNAN_2024 } from "../preset";
import { basicTemplate } from "../template/basic";
import { projectTemplate } from "../template/project";
import { selfEvaluationTemplate } from "../template/selfEvaluation";
import type { SheetKind, SheetTemplate } from "../template/types";
import { readSheet, type CellRef, type SheetRead } from "./sheet";

export type { CellRef } from "./sheet";

export interface WorkbookRead {
  pkg: Package;
  /** Model path ("basic.sangong.final", "projects.2.funds.total.rate") → its cell. */
  cells: Record<string, CellRef>;
  sheets: { name: string; kind: SheetKind; path: string }[];
  /** What could not be read, in Chinese: missing rows, sheets that are not forms. */
  notices: string[];
  /** Model path → raw value of every cell read: the checker's fast index into the package. */
  values: Map<string, unknown>;
}

/** Which form a grid holds, by the labels in its first rows; null for other sheets. */
export function classifySheet(grid: Grid): SheetKind | null {
  const rows = Math.min(grid.values.length, 12);
  let basic = 0;
  let evaluation = 0;
  for (let r = 0; r < rows; r++) {
    const width = grid.values[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const t = normalizeLabel(textAt(grid, r, c));
      if (!t) continue;
      if (t === "项目支出名称" || /项目支出绩效自评表$/.test(t)) return "project";
      if (/基础数据表$/.test(t) || t === "财政供养人员情况") basic++;
      if (/部门整体支出绩效自评表$/.test(t) || t === "年度预算申请" || t === "年度资金总额") evaluation++;
    }
  }
  if (basic > 0 && basic >= evaluation) return "basic";
  if (evaluation > 0) return "selfEvaluation";
  return null;
}

/** The evaluation year from the form's title ("2024年度…") or its year headers. */
export function findYear(grid: Grid): number | null {
  const rows = Math.min(grid.values.length, 15);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < (grid.values[r]?.length ?? 0); c++) {
      const t = textAt(grid, r, c).replace(/\s+/g, "");
      const m = /(\d{4})年度/.exec(t) ?? /(\d{4})年(?:实际在职人数|预算数)/.exec(t);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function templateFor(kind: SheetKind, year: number): SheetTemplate {
  const params = { year, preset: HUNAN_2024 };
  if (kind === "basic") return basicTemplate(params);
  if (kind === "selfEvaluation") return selfEvaluationTemplate(params);
  return projectTemplate(params);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const c = parts[i + 1].charCodeAt(0);
    const nextIsIndex = c >= 48 && c <= 57;
    if (cur[key] === undefined || cur[key] === null) cur[key] = nextIsIndex ? [] : {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

function apply(target: object, read: SheetRead, prefix: string, cells: Record<string, CellRef>, flat: Map<string, unknown>, skip: (path: string) => boolean = () => false): void {
  for (const path in read.values) {
    if (skip(path)) continue;
    const value = read.values[path];
    setPath(target as Record<string, unknown>, path, value);
    flat.set(prefix + path, value);
  }
  for (const [path, ref] of Object.entries(read.cells)) cells[prefix + path] = ref;
}

/** Fills the blanks of list items read partially (an indicator row always has all its keys). */
function completeIndicators(list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const ind of list as Record<string, Raw | string>[]) {
    for (const k of ["level1", "level2", "name", "reason"]) if (ind[k] === null || ind[k] === undefined) ind[k] = "";
    for (const k of ["target", "actual", "weight", "score"]) if (ind[k] === undefined) ind[k] = null;
  }
}

export function readWorkbook(grids: Grid[], fallbackYear = new Date().getFullYear()): WorkbookRead {
  const cells: Record<string, CellRef> = {};
  const sheets: WorkbookRead["sheets"] = [];
  const notices: string[] = [];
  const values = new Map<string, unknown>();
  const pkg: Package = { schemaVersion: 1, unit: "", year: fallbackYear, basic: null, selfEvaluation: null, projects: [] };
  let yearFound = false;

  for (const grid of grids) {
    const kind = classifySheet(grid);
    if (!kind) continue;
    const year = findYear(grid);
    if (year !== null && !yearFound) {
      pkg.year = year;
      yearFound = true;
    }
    const read = readSheet(grid, templateFor(kind, year ?? pkg.year));
    for (const row of read.missingRows) notices.push(`工作表「${grid.sheet}」未找到${row}行，相关数字未读取。`);

    if (kind === "basic") {
      if (pkg.basic) {
        notices.push(`工作表「${grid.sheet}」是第二张基础数据表，已忽略。`);
        continue;
      }
      const basic = emptyBasic();
      const label = specialLabelOf(grid, read);
      if (label) basic.specialLabel = label;
      apply(basic, read, "basic.", cells, values);
      pkg.basic = basic;
      sheets.push({ name: grid.sheet, kind, path: "basic" });
    } else if (kind === "selfEvaluation") {
      if (pkg.selfEvaluation) {
        notices.push(`工作表「${grid.sheet}」是第二张部门整体支出绩效自评表，已忽略。`);
        continue;
      }
      const evaluation = emptySelfEvaluation(null);
      apply(evaluation, read, "selfEvaluation.", cells, values, (p) => p === "unit");
      completeIndicators(evaluation.indicators);
      const unit = read.values.unit;
      if (typeof unit === "string" && unit) pkg.unit = unit;
      values.set("unit", pkg.unit);
      if (read.cells.unit) cells.unit = read.cells.unit;
      pkg.selfEvaluation = evaluation;
      sheets.push({ name: grid.sheet, kind, path: "selfEvaluation" });
    } else {
      const i = pkg.projects.length;
      const project: ProjectEvaluation = emptyProject("", null);
      apply(project, read, `projects.${i}.`, cells, values);
      completeIndicators(project.indicators);
      pkg.projects.push(project);
      sheets.push({ name: grid.sheet, kind, path: `projects.${i}` });
    }
  }
  if (!pkg.unit) pkg.unit = pkg.projects.find((p) => p.department)?.department ?? "";
  if (!values.has("unit")) values.set("unit", pkg.unit);
  return { pkg, cells, sheets, notices, values };
}

/** "3、省级专项资金（每个专项一行）" → "省级专项资金". */
function specialLabelOf(grid: Grid, read: SheetRead): string | null {
  const ref = read.cells["special.final"];
  if (!ref) return null;
  const m = /^([A-Z]+)(\d+)$/.exec(ref.cell);
  if (!m) return null;
  const r = Number(m[2]) - 1;
  for (let c = 0; c < (grid.values[r]?.length ?? 0); c++) {
    const t = normalizeLabel(textAt(grid, r, c));
    if (/专项资金$/.test(t)) return t;
  }
  return null;
}
