/**
 * Reads the 决算公开 tables wherever they are: one table per sheet, or all nine
 * one under another in one sheet (as a PDF is pasted). A table is found by its
 * TITLE (never its number), its columns by their header texts, its rows by
 * their labels or 科目编码. Where each figure came from is kept, so findings
 * name the cell.
 */
import { cellAddress, formulaAt, normalizeLabel, gridTexts, valueAt, type CellScalar, type Grid } from "../grid";
import type { Raw } from "../model";
import type { CellRef } from "../read/sheet";
import {
  BALANCE_EXPENSE_TAIL,
  BALANCE_INCOME_ROWS,
  BALANCE_INCOME_TAIL,
  CODE_TABLE_COLUMNS,
  type CodeTableId,
  FA_TITLES,
  FISCAL_INCOME_ROWS,
  FISCAL_INCOME_TAIL,
  FUND_SPLIT_COLUMNS,
  SANGONG_COLUMNS,
  tableOfTitle,
} from "./templates";
import {
  type BalanceTable,
  type BasicDetailTable,
  type CodeTable,
  emptyFinalAccounts,
  type FaTableId,
  type FinalAccounts,
  type FiscalBalanceTable,
  type FundSplit,
  type SangongFigures,
  type SangongTable,
} from "./model";

/** Model paths of the 决算 tables start with this ("finalAccounts.sangong.final.vehicle"). */
export const FA_PATH = "finalAccounts";

export interface FinalAccountsRead {
  /** Null when no 决算 table was found. */
  fa: FinalAccounts | null;
  /** The cell of a model path ("finalAccounts.expense.rows.3.values.basic"). */
  cellOf(path: string): CellRef | undefined;
  /** Where each table was found: sheet name and model path ("finalAccounts.sangong"). */
  sheets: { name: string; kind: "finalAccounts"; path: string; table: FaTableId }[];
  /** What could not be read, in Chinese. */
  notices: string[];
}

type Pos = [sheet: Grid, row: number, col: number];

interface Region {
  grid: Grid;
  id: FaTableId;
  top: number; // title row
  end: number; // exclusive
}

const normCache = new WeakMap<Grid, Map<number, string>>();
function normalizedAt(g: Grid, r: number, c: number): string {
  let m = normCache.get(g);
  if (!m) normCache.set(g, (m = new Map()));
  const key = r * 1024 + c;
  let t = m.get(key);
  if (t === undefined) m.set(key, (t = n(valueAt(g, r, c))));
  return t;
}

const n = (v: CellScalar): string => (typeof v === "string" && v.trim() !== "" ? normalizeLabel(v) : "");
const textOf = (v: CellScalar): string => (v === null ? "" : typeof v === "string" ? v.trim() : String(v));
const toRaw = (v: CellScalar): Raw => (v === null || typeof v === "boolean" ? null : typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);

/** Title cells of 决算 tables in the workbook, each with the rows up to the next title. */
function findRegions(grids: Grid[]): Region[] {
  const out: Region[] = [];
  for (const grid of grids) {
    const titles: { r: number; id: FaTableId }[] = [];
    // The texts of the grid in reading order (indexed once per grid); a row's first title counts.
    for (const { r, text: v } of gridTexts(grid)) {
      if (titles.length > 0 && titles[titles.length - 1].r === r) continue;
      // a title ends with 表 and is short: most cells are ruled out by their last character, without a copy or a pattern
      const last = v[v.length - 1];
      if (v.length > 70 || (last !== "表" && !/\s/.test(last)) || !v.trimEnd().endsWith("表")) continue;
      const stripped = v.replace(/^[\s\u3000]*[-·•]?\s*[一二三四五六七八九十0-9]+[、.．]/, "");
      const id = tableOfTitle(stripped);
      if (id) titles.push({ r, id });
    }
    titles.forEach((t, i) => out.push({ grid, id: t.id, top: t.r, end: i + 1 < titles.length ? titles[i + 1].r : grid.values.length }));
  }
  return out;
}

/** Is a sheet (or part of it) one of the 决算 tables? The title decides. */
export function isFinalAccountsGrid(grid: Grid): boolean {
  return findRegions([grid]).length > 0;
}

/** Where the rows of a 功能分类 table sit: cells found from the path when asked for, not indexed one by one. */
interface RowPositions {
  grid: Grid;
  rows: number[];
  cols: Record<string, number>;
  codeCol: number;
  nameCol: number;
}

class Reader {
  readonly index = new Map<string, Pos>();
  /** Set by readCodeTable: its rows' cells ("rows.3.values.basic", "rows.3.code"), resolved on demand. */
  rowPositions: RowPositions | null = null;
  constructor(
    readonly reg: Region,
    readonly base: string,
  ) {}
  get g(): Grid {
    return this.reg.grid;
  }
  v(r: number, c: number): CellScalar {
    return valueAt(this.g, r, c);
  }
  /** Normalized label text, cached per grid (labels are compared many times). */
  n(r: number, c: number): string {
    return normalizedAt(this.g, r, c);
  }
  width(r: number): number {
    return this.g.values[r]?.length ?? 0;
  }
  /** Reads a figure and remembers its cell. */
  take(path: string, r: number, c: number): Raw {
    this.index.set(`${this.base}.${path}`, [this.g, r, c]);
    return toRaw(this.v(r, c));
  }
  /** First row in the region (after the title) with a cell whose normalized text satisfies `test`. */
  findRow(test: (t: string) => boolean, from = this.reg.top + 1): { r: number; c: number } | null {
    for (let r = from; r < this.reg.end; r++) for (let c = 0; c < this.width(r); c++) if (test(this.n(r, c))) return { r, c };
    return null;
  }
  unit(): string {
    for (let r = this.reg.top; r < Math.min(this.reg.end, this.reg.top + 5); r++) {
      for (let c = 0; c < this.width(r); c++) {
        const m = /^部门[:：]\s*(.*)$/.exec(textOf(this.v(r, c)));
        if (m) return m[1].trim() || textOf(this.v(r, c + 1));
      }
    }
    return "";
  }
  /** 说明 under the table: "说明：…本表无数据。" */
  note(): string {
    for (let r = this.reg.top + 1; r < this.reg.end; r++) {
      for (let c = 0; c < this.width(r); c++) {
        const t = textOf(this.v(r, c));
        if (/^说明[:：]/.test(t) || /(本表无数据|无.{0,12}收支|没有.{0,20}(收入|支出))/.test(t)) return t;
      }
    }
    return "";
  }
}

/** 公开02/03/05/07/08表. */
function readCodeTable(rd: Reader, id: CodeTableId, notices: string[]): CodeTable | null {
  const lanci = rd.findRow((t) => t === "栏次");
  const nameAt = rd.findRow((t) => t === "科目名称");
  if (!nameAt) return null;
  const headerEnd = lanci ? lanci.r : nameAt.r + 1;
  const headTop = rd.findRow((t) => t === "项目" || /科目(编码|代码)$/.test(t))?.r ?? nameAt.r;
  let codeCol = -1;
  const nameCol = nameAt.c;
  const lowest: string[] = [];
  const width = Math.max(...Array.from({ length: headerEnd - headTop }, (_, k) => rd.width(headTop + k)), 0);
  for (let c = 0; c < width; c++) {
    let t = "";
    for (let r = headTop; r < headerEnd; r++) if (rd.n(r, c)) t = rd.n(r, c);
    lowest[c] = t;
    if (codeCol < 0 && /(科目)?(编码|代码)$/.test(t)) codeCol = c;
  }
  if (codeCol < 0) codeCol = Math.max(0, nameCol - 1);
  const cols: Record<string, number> = {};
  const used = new Set([codeCol, nameCol]);
  for (const spec of CODE_TABLE_COLUMNS[id]) {
    const names = [spec.header, ...(spec.synonyms ?? [])].map(normalizeLabel);
    const c = lowest.findIndex((t, i) => !used.has(i) && names.includes(t));
    if (c < 0) {
      notices.push(`「${FA_TITLES[id]}」（工作表「${rd.g.sheet}」）未找到「${spec.header}」列，该列数字未读取。`);
      continue;
    }
    cols[spec.key] = c;
    used.add(c);
  }
  const table: CodeTable = { total: {}, rows: [], note: rd.note() };
  const colList = Object.entries(cols);
  const rowsAt: number[] = [];
  for (let r = headerEnd; r < rd.reg.end; r++) {
    const codeText = textOf(rd.v(r, codeCol)).replace(/\s+/g, "");
    const label = rd.n(r, codeCol) || rd.n(r, nameCol);
    if (label === "合计" || label === "总计") {
      for (const [k, c] of colList) table.total[k] = rd.take(`total.${k}`, r, c);
      continue;
    }
    if (!/^\d{3,7}$/.test(codeText)) continue;
    const values: Record<string, Raw> = {};
    for (const [k, c] of colList) values[k] = toRaw(rd.v(r, c));
    rowsAt.push(r);
    table.rows.push({ code: codeText, name: textOf(rd.v(r, nameCol)).replace(/\s+/g, ""), values });
  }
  rd.rowPositions = { grid: rd.g, rows: rowsAt, cols, codeCol, nameCol };
  return table;
}

/** The two halves of 01/04表: label columns (项目) and the value columns after each 行次. */
function halves(rd: Reader): { header: number; left: number; leftValue: number; right: number; rightValues: { c: number; t: string }[] } | null {
  const h = rd.findRow((t) => t === "行次");
  if (!h) return null;
  const r = h.r;
  const labels: number[] = [];
  for (let c = 0; c < rd.width(r); c++) if (rd.n(r, c) === "项目") labels.push(c);
  if (labels.length < 2) return null;
  const [left, right] = labels;
  let leftValue = -1;
  for (let c = left + 1; c < right; c++) if (rd.n(r, c) && rd.n(r, c) !== "行次") leftValue = leftValue < 0 ? c : leftValue;
  const rightValues: { c: number; t: string }[] = [];
  for (let c = right + 1; c < rd.width(r); c++) if (rd.n(r, c) && rd.n(r, c) !== "行次") rightValues.push({ c, t: rd.n(r, c) });
  if (leftValue < 0 || rightValues.length === 0) return null;
  return { header: r, left, leftValue, right, rightValues };
}

const keyMap = <K extends string>(rows: [K, string, ...unknown[]][]): Map<string, K> => new Map(rows.map(([k, label]) => [normalizeLabel(label), k]));

/** 公开01表. */
function readBalance(rd: Reader): BalanceTable | null {
  const h = halves(rd);
  if (!h) return null;
  const incomeKeys = keyMap([...BALANCE_INCOME_ROWS, ...BALANCE_INCOME_TAIL]);
  const expenseKeys = keyMap(BALANCE_EXPENSE_TAIL);
  const t: BalanceTable = {
    income: { general: null, govFund: null, stateCapital: null, superior: null, business: null, operating: null, affiliated: null, other: null, total: null, nonFiscalBalance: null, opening: null, grandTotal: null },
    expenseItems: [],
    expense: { total: null, distribution: null, closing: null, grandTotal: null },
  };
  const vc = h.rightValues[0].c;
  for (let r = h.header + 1; r < rd.reg.end; r++) {
    const lk = incomeKeys.get(rd.n(r, h.left));
    if (lk) t.income[lk] = rd.take(`income.${lk}`, r, h.leftValue);
    const rl = rd.n(r, h.right);
    if (!rl || rl === "栏次") continue;
    const ek = expenseKeys.get(rl);
    if (ek) t.expense[ek] = rd.take(`expense.${ek}`, r, vc);
    else if (!t.expense.total) {
      const i = t.expenseItems.length;
      rd.index.set(`${rd.base}.expenseItems.${i}.name`, [rd.g, r, h.right]);
      t.expenseItems.push({ name: rl, amount: rd.take(`expenseItems.${i}.amount`, r, vc) });
    }
    if (ek === "grandTotal") break;
  }
  return t;
}

/** 公开04表. */
function readFiscalBalance(rd: Reader, notices: string[]): FiscalBalanceTable | null {
  const h = halves(rd);
  if (!h) return null;
  const splitCols: Partial<Record<keyof FundSplit, number>> = {};
  for (const [k, header] of FUND_SPLIT_COLUMNS) {
    const hit = h.rightValues.find((x) => x.t === normalizeLabel(header) || (k === "total" && x.t === "金额"));
    if (hit) splitCols[k] = hit.c;
    else notices.push(`「${FA_TITLES.fiscalBalance}」（工作表「${rd.g.sheet}」）未找到「${header}」列，该列数字未读取。`);
  }
  const split = (base: string, r: number): FundSplit => {
    const s: FundSplit = { total: null, general: null, govFund: null, stateCapital: null };
    for (const [k, c] of Object.entries(splitCols) as [keyof FundSplit, number][]) s[k] = rd.take(`${base}.${k}`, r, c);
    return s;
  };
  const empty = (): FundSplit => ({ total: null, general: null, govFund: null, stateCapital: null });
  const t: FiscalBalanceTable = {
    income: { general: null, govFund: null, stateCapital: null, total: null, opening: null, openingGeneral: null, openingGovFund: null, openingStateCapital: null, grandTotal: null },
    expenseItems: [],
    expense: { total: empty(), closing: empty(), grandTotal: empty() },
  };
  const first = keyMap(FISCAL_INCOME_ROWS);
  const tail = keyMap(FISCAL_INCOME_TAIL);
  let afterOpening = false;
  for (let r = h.header + 1; r < rd.reg.end; r++) {
    const l = rd.n(r, h.left);
    if (l) {
      let k = afterOpening ? tail.get(l) : (first.get(l) ?? tail.get(l));
      if (k === "openingGeneral" && !afterOpening) k = "general";
      if (k) {
        t.income[k] = rd.take(`income.${k}`, r, h.leftValue);
        if (k === "opening") afterOpening = true;
      }
    }
    const rl = rd.n(r, h.right);
    if (!rl || rl === "栏次") continue;
    if (rl === "本年支出合计") t.expense.total = split("expense.total", r);
    else if (/^年末(财政拨款)?结转和结余$/.test(rl)) t.expense.closing = split("expense.closing", r);
    else if (rl === "总计") {
      t.expense.grandTotal = split("expense.grandTotal", r);
      break;
    } else if (t.expense.total.total === null) {
      const i = t.expenseItems.length;
      rd.index.set(`${rd.base}.expenseItems.${i}.name`, [rd.g, r, h.right]);
      t.expenseItems.push({ name: rl, ...split(`expenseItems.${i}`, r) });
    }
  }
  return t;
}

/** 公开06表. */
function readBasicDetail(rd: Reader): BasicDetailTable | null {
  const h = rd.findRow((t) => /科目编码$/.test(t));
  if (!h) return null;
  const groups: number[] = [];
  for (let c = 0; c < rd.width(h.r); c++) if (/科目编码$/.test(rd.n(h.r, c))) groups.push(c);
  const t: BasicDetailTable = { items: [], personnel: null, public: null };
  const byGroup: { code: string; name: string; amount: Raw; pos: [number, number] }[][] = groups.map(() => []);
  for (let r = h.r + 1; r < rd.reg.end; r++) {
    let totals = false;
    for (let c = 0; c < rd.width(r); c++) {
      const l = rd.n(r, c);
      const k = l === "人员经费合计" || l === "人员经费" ? "personnel" : l === "公用经费合计" || l === "公用经费" ? "public" : null;
      if (!k) continue;
      totals = true;
      for (let c2 = c + 1; c2 < rd.width(r); c2++) {
        const v = rd.v(r, c2);
        if (v === null || (typeof v === "string" && v.trim() === "")) continue;
        if (typeof v === "string" && !/\d/.test(v)) break;
        t[k] = rd.take(k, r, c2);
        break;
      }
    }
    if (totals) break;
    groups.forEach((c, g) => {
      const code = textOf(rd.v(r, c)).replace(/\s+/g, "");
      if (!/^\d{3}(\d{2})?$/.test(code)) return;
      byGroup[g].push({ code, name: textOf(rd.v(r, c + 1)).replace(/\s+/g, ""), amount: toRaw(rd.v(r, c + 2)), pos: [r, c] });
    });
  }
  for (const it of byGroup.flat()) {
    const i = t.items.length;
    rd.index.set(`${rd.base}.items.${i}.amount`, [rd.g, it.pos[0], it.pos[1] + 2]);
    rd.index.set(`${rd.base}.items.${i}.code`, [rd.g, it.pos[0], it.pos[1]]);
    t.items.push({ code: it.code, name: it.name, amount: it.amount });
  }
  return t;
}

/** 公开09表 (07 before 2022). */
function readSangong(rd: Reader): SangongTable | null {
  const h = rd.findRow((t) => t === "预算数");
  if (!h) return null;
  let finalStart = -1;
  for (let c = h.c + 1; c < rd.width(h.r); c++) if (rd.n(h.r, c) === "决算数") finalStart = c;
  if (finalStart < 0) return null;
  const want = new Map<string, keyof SangongFigures>(SANGONG_COLUMNS.map(([k, header]) => [normalizeLabel(header), k]));
  want.set("购置费", "purchase");
  want.set("运行维护费", "operation");
  const cols = { budget: {} as Partial<Record<keyof SangongFigures, number>>, final: {} as Partial<Record<keyof SangongFigures, number>> };
  let last = h.r;
  for (let r = h.r + 1; r < Math.min(rd.reg.end, h.r + 5); r++) {
    for (let c = 0; c < rd.width(r); c++) {
      const k = want.get(rd.n(r, c));
      if (!k) continue;
      const side = c < finalStart ? cols.budget : cols.final;
      if (side[k] === undefined) side[k] = c;
      last = r;
    }
  }
  const all = [...Object.values(cols.budget), ...Object.values(cols.final)] as number[];
  if (all.length === 0) return null;
  // The values row: the row after the headers (and after the 栏次 numbers 1…12 when there), blank or not.
  for (let r = last + 1; r < rd.reg.end; r++) {
    const sorted = [...all].sort((a, b) => a - b).map((c) => rd.v(r, c));
    const isColumnNumbers = sorted.every((v, i) => Number(v) === Number(sorted[0]) + i) && Number(sorted[0]) === 1;
    if (isColumnNumbers || rd.n(r, 0) === "栏次") continue;
    const first = sorted.find((v) => v !== null && !(typeof v === "string" && v.trim() === ""));
    if (typeof first === "string" && /^(注|说明)/.test(first.trim())) return null; // no values row at all
    const side = (which: "budget" | "final"): SangongFigures => {
      const f: SangongFigures = { total: null, overseas: null, vehicle: null, purchase: null, operation: null, reception: null };
      for (const [k, c] of Object.entries(cols[which]) as [keyof SangongFigures, number][]) f[k] = rd.take(`${which}.${k}`, r, c);
      return f;
    };
    return { budget: side("budget"), final: side("final") };
  }
  return null;
}

/** Year from a "2024年度…" title or heading in the first rows of the grids. */
function findYearIn(grids: Grid[]): number | null {
  for (const g of grids) {
    for (const row of g.values.slice(0, 8)) {
      for (const v of row) {
        const m = typeof v === "string" ? /(20\d{2})\s*年度/.exec(v) : null;
        if (m) return Number(m[1]);
      }
    }
  }
  return null;
}

const ROW_PATH = new RegExp(`^${FA_PATH}\\.(\\w+)\\.rows\\.(\\d+)\\.(code|name|values\\.(\\w+))$`);

/**
 * Reads every 决算 table found in `grids`. A table found twice (a table of
 * contents line, then the table) keeps the first that reads.
 */
export function readFinalAccounts(grids: Grid[], year = new Date().getFullYear()): FinalAccountsRead {
  const regions = findRegions(grids);
  const notices: string[] = [];
  const index = new Map<string, Pos>();
  const rowTables = new Map<string, RowPositions>();
  const sheets: FinalAccountsRead["sheets"] = [];
  if (regions.length === 0) return { fa: null, cellOf: () => undefined, sheets, notices };
  const fa = emptyFinalAccounts(findYearIn(grids) ?? year);
  for (const reg of regions) {
    if (fa[reg.id]) continue;
    const rd = new Reader(reg, `${FA_PATH}.${reg.id}`);
    const local: string[] = [];
    let table: unknown = null;
    if (reg.id === "balance") table = readBalance(rd);
    else if (reg.id === "fiscalBalance") table = readFiscalBalance(rd, local);
    else if (reg.id === "basicDetail") table = readBasicDetail(rd);
    else if (reg.id === "sangong") table = readSangong(rd);
    else table = readCodeTable(rd, reg.id, local);
    if (!table) continue; // a title without its table (a 目录 line, a heading)
    (fa as unknown as Record<string, unknown>)[reg.id] = table;
    notices.push(...local);
    if (!fa.unit) fa.unit = rd.unit();
    for (const [k, v] of rd.index) index.set(k, v);
    if (rd.rowPositions) rowTables.set(reg.id, rd.rowPositions);
    sheets.push({ name: reg.grid.sheet, kind: "finalAccounts", path: `${FA_PATH}.${reg.id}`, table: reg.id });
  }
  if (sheets.length === 0) return { fa: null, cellOf: () => undefined, sheets, notices };
  /** "finalAccounts.expense.rows.3.values.basic" (or ….rows.3.code / .name) → its cell, from the table's row positions. */
  const rowCell = (path: string): Pos | undefined => {
    const m = ROW_PATH.exec(path);
    const t = m ? rowTables.get(m[1]) : undefined;
    const r = t?.rows[Number(m![2])];
    if (!t || r === undefined) return undefined;
    const c = m![3] === "code" ? t.codeCol : m![3] === "name" ? t.nameCol : t.cols[m![4]];
    return c === undefined ? undefined : [t.grid, r, c];
  };
  const cellOf = (path: string): CellRef | undefined => {
    const p = index.get(path) ?? rowCell(path);
    if (!p) return undefined;
    const [g, r, c] = p;
    const formula = formulaAt(g, r, c);
    return formula ? { sheet: g.sheet, cell: cellAddress(r, c), formula } : { sheet: g.sheet, cell: cellAddress(r, c) };
  };
  return { fa, cellOf, sheets, notices };
}

/**
 * A workbook read (read/workbook.ts) plus the 决算 tables found in the same grids:
 * one cellOf and one sheet list for both, and `finalAccounts` for the FA.* rules.
 */
export function withFinalAccounts<R extends { pkg: { year: number }; cellOf(path: string): CellRef | undefined; sheets: { name: string; path: string }[]; notices: string[] }>(
  read: R,
  grids: Grid[],
): R & { finalAccounts: FinalAccounts | null } {
  const fa = readFinalAccounts(grids, read.pkg.year);
  if (!fa.fa) return { ...read, finalAccounts: null };
  const prefix = `${FA_PATH}.`;
  // Only 决算 tables in the workbook: their 部门 and 年度 name the package.
  if (read.sheets.length === 0 && fa.fa) Object.assign(read.pkg, { year: fa.fa.year, unit: (read.pkg as { unit?: string }).unit || fa.fa.unit });
  return {
    ...read,
    cellOf: (path: string) => (path.startsWith(prefix) ? fa.cellOf(path) : read.cellOf(path)),
    sheets: [...read.sheets, ...fa.sheets],
    notices: [...read.notices, ...fa.notices],
    finalAccounts: fa.fa,
  };
}
