/**
 * Reads a workbook (a list of grids) into the package model: finds which
 * sheet is which form by its labels, reads each, and remembers where every
 * figure came from so that findings can name the cell.
 */
import { emptyBasic, emptyProject, emptySelfEvaluation } from "../empty";
import { normalizeLabel, textAt, type Grid } from "../grid";
import type { FormFacts, Package, ProjectEvaluation, Raw, SelfEvaluation, SheetFacts } from "../model";
import { HUNAN_2024 } from "../preset";
import { basicTemplate } from "../template/basic";
import { projectTemplate } from "../template/project";
import { selfEvaluationTemplate } from "../template/selfEvaluation";
import type { SheetKind, SheetTemplate } from "../template/types";
import { readColumnYears, readFundParts, readHeadlineScore, readIndicatorGroups, readLevelWeights, readOtherFunds, readPromptTexts, readScoringMethod } from "./facts";
import { detectLayouts } from "./detect";
import { AMOUNT_UNITS, amountUnitOf } from "./headers";
import { absentOf, cellOf, readSheetInto, type CellRef, type SheetIndex, type SheetReadInto } from "./sheet";

export type { CellRef } from "./sheet";

export interface WorkbookRead {
  pkg: Package;
  /** The cell of a model path ("basic.sangong.final", "projects.2.funds.total.rate"), when it was read from one. */
  cellOf(path: string): CellRef | undefined;
  sheets: { name: string; kind: SheetKind; path: string }[];
  /** What could not be read, in Chinese: missing rows, sheets that are not forms, units converted. */
  notices: string[];
  /**
   * Why a model path has no cell in the form (the column or row the form does not have), in Chinese;
   * undefined when it has one. Absent is not zero: rules needing it are not run (see CheckInput).
   */
  absent(path: string): string | undefined;
  /** What the forms print beyond the package, by sheet path (model.ts SheetFacts). */
  facts: FormFacts;
}

/** Labels that only a project form (附件3 and its kin: 专项资金 / 绩效目标自评表) has. */
const PROJECT_LABELS = new Set(["项目支出名称", "项目名称", "专项资金名称"]);

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
      if (PROJECT_LABELS.has(t) || /项目支出绩效自评表$/.test(t) || /专项资金.*自评表$/.test(t)) return "project";
      if (/基础数据表$/.test(t) || t === "财政供养人员情况") basic++;
      if (/部门整体支出绩效自评表$/.test(t) || /整体支出.*自评表$/.test(t) || t === "年度预算申请" || t === "年度资金总额") evaluation++;
    }
  }
  if (basic > 0 && basic >= evaluation) return "basic";
  if (evaluation > 0) return "selfEvaluation";
  return opensWithIndicatorHeader(grid, rows) ? "project" : null;
}

/**
 * The tail of a project form published on its own (四川 2023: a page that starts inside the previous form, at its
 * 绩效指标 header): a row with 一级指标, 二级指标 and 三级指标 side by side in the first rows, and no other form label.
 */
function opensWithIndicatorHeader(grid: Grid, rows: number): boolean {
  for (let r = 0; r < Math.min(rows, 3); r++) {
    const texts = (grid.values[r] ?? []).map((_, c) => normalizeLabel(textAt(grid, r, c)));
    const i = texts.indexOf("一级指标");
    if (i >= 0 && texts[i + 1] === "二级指标" && texts[i + 2] === "三级指标") return true;
  }
  return false;
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

const templates = new Map<string, SheetTemplate>();

/** The template a sheet is read with (labels depend on the year only); built once per kind and year. */
function templateFor(kind: SheetKind, year: number): SheetTemplate {
  const key = `${kind}:${year}`;
  let t = templates.get(key);
  if (!t) templates.set(key, (t = buildTemplate(kind, year)));
  return t;
}

function buildTemplate(kind: SheetKind, year: number): SheetTemplate {
  const params = { year, preset: HUNAN_2024 };
  if (kind === "basic") return basicTemplate(params);
  if (kind === "selfEvaluation") return selfEvaluationTemplate(params);
  return projectTemplate(params);
}

/** One year's set of forms in a workbook: the year its forms name and their sheet names, in workbook order. */
export interface PackageGroup {
  year: number | null;
  sheets: string[];
}

/**
 * The forms of a workbook grouped by the year each names (title 2024年度, headers 2024年决算数),
 * newest first; forms that name no year join the newest group. A workbook holding last year's
 * forms and this year's just-inserted ones gives two groups.
 */
export function packagesByYear(grids: Grid[]): PackageGroup[] {
  const byYear = new Map<number | null, string[]>();
  for (const grid of grids) {
    if (!classifySheet(grid)) continue;
    const y = findYear(grid);
    byYear.set(y, [...(byYear.get(y) ?? []), grid.sheet]);
  }
  const years = [...byYear.keys()].filter((y): y is number => y !== null).sort((a, b) => b - a);
  const groups: PackageGroup[] = years.map((y) => ({ year: y, sheets: byYear.get(y)! }));
  const undated = byYear.get(null);
  if (undated) {
    if (groups.length) groups[0].sheets = grids.map((g) => g.sheet).filter((n) => groups[0].sheets.includes(n) || undated.includes(n));
    else groups.push({ year: null, sheets: undated });
  }
  return groups;
}

export interface ReadWorkbookOptions {
  /** Which year's forms to read when the workbook holds several (default: the newest). */
  year?: number;
}

/**
 * Reads the forms of one year: when the workbook holds two packages of different years (last year's
 * forms and the templates just inserted), the newest (or `opts.year`) is read and a notice names both.
 */
/**
 * `fallbackYear`: the year taken when no form states one — by default last year, the year a package is normally
 * evaluated in (as `jixiao template` does); a notice then says so instead of passing it off as read.
 */
export function readWorkbook(grids: Grid[], fallbackYear = new Date().getFullYear() - 1, opts: ReadWorkbookOptions = {}): WorkbookRead {
  const groups = packagesByYear(grids);
  if (groups.length > 1) {
    const chosen = groups.find((g) => g.year === opts.year) ?? groups[0];
    const keep = new Set(chosen.sheets);
    const others = groups.filter((g) => g !== chosen);
    const read = readOneYear(grids.filter((g) => keep.has(g.sheet) || !classifySheet(g)), fallbackYear);
    const list = (g: PackageGroup) => `${g.year ?? "未写年度"}年度（${g.sheets.map((n) => `「${n}」`).join("、")}）`;
    read.notices.unshift(`工作簿中有不同年度的两套表：${[chosen, ...others].map(list).join("；")}。本次读取和校验的是${chosen.year}年度一套，其他年度的表未校验。`);
    return read;
  }
  return readOneYear(grids, fallbackYear);
}

function readOneYear(grids: Grid[], fallbackYear: number): WorkbookRead {
  const indices = new Map<string, SheetIndex>(); // sheet path ("basic", "projects.3") → index
  const sheets: WorkbookRead["sheets"] = [];
  const notices: string[] = [];
  const facts: FormFacts = {};
  const pkg: Package = { schemaVersion: 1, unit: "", year: fallbackYear, basic: null, selfEvaluation: null, projects: [] };
  let unitIndex: SheetIndex | null = null;
  let yearFound = false;

  for (const grid of grids) {
    const kind = classifySheet(grid);
    if (!kind) continue;
    const year = findYear(grid);
    if (year !== null && !yearFound) {
      pkg.year = year;
      yearFound = true;
    }
    const template = templateFor(kind, year ?? pkg.year);
    const unit = amountUnitOf(grid);
    const scale = unit ? AMOUNT_UNITS[unit.unit] : 1;
    const sheetFacts: SheetFacts = {};
    if (unit && unit.unit !== "万元") {
      sheetFacts.amountUnit = { unit: unit.unit, text: unit.text };
      notices.push(`工作表「${grid.sheet}」的金额以${unit.unit}填写（「${unit.text}」），已换算为万元核对；下列消息中的金额均为万元。`);
    }
    const read = (target: object): SheetReadInto => {
      const r = readSheetInto(grid, template, target as Record<string, unknown>, { amountScale: scale });
      for (const row of r.missingRows) notices.push(`工作表「${grid.sheet}」未找到${row}行，相关数字未读取。`);
      return r;
    };
    const scoredFacts = (r: SheetReadInto, base: string) => {
      const layouts = detectLayouts(r.headers.get("fundsHeader"), r.headers.get("indicatorHeader"));
      sheetFacts.layout = layouts[0]?.id ?? "";
      // The add-in's own template needs no word; any other layout is named (and in the JSON as sheets[].layout).
      if (sheetFacts.layout !== HUNAN_2024.layout.id) notices.push(
        layouts.length
          ? `工作表「${grid.sheet}」按表头读取，版式为「${layouts.map((l) => l.label).join("」或「")}」。`
          : `工作表「${grid.sheet}」按表头读取，版式与已知的都不同：${describeColumns(r)}。`,
      );
      const parts = readFundParts(grid, r.index, base, scale);
      if (parts.length) sheetFacts.fundParts = parts;
      const method = readScoringMethod(grid, r.index, base, r.headers.get("fundsHeader"));
      if (method) sheetFacts.scoringMethod = method;
      const weights = readLevelWeights(grid, r.index);
      if (weights) sheetFacts.levelWeights = weights;
      const groups = readIndicatorGroups(grid, r.index);
      if (groups) sheetFacts.indicatorGroups = groups;
      const prompts = readPromptTexts(grid, r.index);
      if (prompts) sheetFacts.promptTexts = prompts;
      const headline = readHeadlineScore(grid, r.index);
      if (headline !== undefined) sheetFacts.headlineScore = headline;
    };

    let path: string;
    if (kind === "basic") {
      if (pkg.basic) {
        notices.push(`工作表「${grid.sheet}」是第二张基础数据表，已忽略。`);
        continue;
      }
      const basic = emptyBasic();
      const r = read(basic);
      const label = specialLabelOf(grid, r.index);
      if (label) basic.specialLabel = label;
      const other = readOtherFunds(grid, r.index);
      if (other) sheetFacts.otherFunds = other;
      sheetFacts.columnYears = readColumnYears(r.index, r.headers.get("fundHeader"), r.headers.get("staffHeader"));
      pkg.basic = basic;
      path = "basic";
      indices.set(path, r.index);
    } else if (kind === "selfEvaluation") {
      if (pkg.selfEvaluation) {
        notices.push(`工作表「${grid.sheet}」是第二张部门整体支出绩效自评表，已忽略。`);
        continue;
      }
      const evaluation = emptySelfEvaluation(null) as SelfEvaluation & { unit?: Raw };
      const r = read(evaluation);
      if (typeof evaluation.unit === "string" && evaluation.unit) pkg.unit = evaluation.unit;
      delete evaluation.unit;
      scoredFacts(r, "funds.");
      pkg.selfEvaluation = evaluation;
      unitIndex = r.index;
      path = "selfEvaluation";
      indices.set(path, r.index);
    } else {
      const i = pkg.projects.length;
      const project: ProjectEvaluation = emptyProject("", null);
      const r = read(project);
      scoredFacts(r, "funds.total.");
      pkg.projects.push(project);
      path = `projects.${i}`;
      indices.set(path, r.index);
    }
    facts[path] = sheetFacts;
    sheets.push({ name: grid.sheet, kind, path });
  }
  if (!pkg.unit) pkg.unit = pkg.projects.find((p) => p.department)?.department ?? "";

  /** The sheet's index and the path inside the sheet. */
  const split = (path: string): [SheetIndex | undefined, string] => {
    const dot = path.indexOf(".");
    const head = path.slice(0, dot);
    if (head === "projects") {
      const dot2 = path.indexOf(".", dot + 1);
      return [indices.get(path.slice(0, dot2)), path.slice(dot2 + 1)];
    }
    return [indices.get(head), path.slice(dot + 1)];
  };
  const locate = (path: string): CellRef | undefined => {
    if (path === "unit") return unitIndex ? cellOf(unitIndex, "unit") : undefined;
    const [index, rest] = split(path);
    return index ? cellOf(index, rest) : undefined;
  };
  const absent = (path: string): string | undefined => {
    if (path === "unit") return undefined;
    const [index, rest] = split(path);
    return index ? absentOf(index, rest) : undefined;
  };
  if (!yearFound && sheets.length > 0) notices.push(`表中没有写明评价年度（如标题中的“${fallbackYear}年度”），按 ${fallbackYear} 年计；如不对，请在表头写明年度。`);
  return { pkg, cellOf: locate, sheets, notices, absent, facts };
}

/** "项目资金：全年预算数(A)、全年执行数(B)…；绩效指标：…" — the columns read, in the form's words. */
function describeColumns(r: SheetReadInto): string {
  const list = (key: string) =>
    [...(r.headers.get(key)?.values() ?? [])]
      .sort((a, b) => a.col - b.col)
      .map((h) => h.text.replace(/\s+/g, ""))
      .join("、");
  return [`资金列 ${list("fundsHeader") || "（无）"}`, `指标列 ${list("indicatorHeader") || "（无）"}`].join("；");
}

/** "3、省级专项资金（每个专项一行）" → "省级专项资金". */
function specialLabelOf(grid: Grid, index: SheetIndex): string | null {
  const ref = cellOf(index, "special.final");
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
