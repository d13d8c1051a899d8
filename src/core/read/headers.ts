/**
 * Columns found by their header text, not by position. Each province and year prints the same
 * columns under its own words (全年预算数(A) / 调整后预算数 / 预算数), in its own order, sometimes
 * over two header rows (云南: 年度指标值 over 指标性质 / 指标值 / 度量单位). This table is the one
 * place that knows those words; the reader maps the template's columns onto the form's through it.
 */
import { gridTexts, normalizeLabel, textAt, type Grid } from "../grid";

/** One column of the forms: its key (the 2024 Hunan wording) and every header text seen for it. */
export interface ColumnSynonyms {
  key: string;
  texts: (string | RegExp)[];
}

/**
 * Header texts per column, compared after normalizeLabel (no spaces: 「资 金 来 源」 is 资金来源; bracketed
 * notes dropped: 全年预算数(A), 分值(10分), 执行率(B/A)) and without a leading year (2021年实际在职人数).
 */
export const COLUMN_SYNONYMS: readonly ColumnSynonyms[] = [
  { key: "资金来源", texts: ["资金来源"] },
  { key: "年初预算数", texts: ["年初预算数", "年初预算"] },
  { key: "全年预算数", texts: ["全年预算数", "调整后预算数", "预算数", "全年预算", "调整后预算", "调整预算数"] },
  { key: "全年执行数", texts: ["全年执行数", "实际支出", "执行数", "全年实际支出", "实际执行数", "全年实际执行数", "预算执行数"] },
  { key: "分值", texts: ["分值", "权重", "分值权重", "参考分值"] },
  { key: "执行率", texts: ["执行率", "预算执行率"] },
  { key: "得分", texts: ["得分"] },
  { key: "得分计算方法", texts: ["得分计算方法", "计算方法", "评分方法"] },
  { key: "一级指标", texts: ["一级指标"] },
  { key: "二级指标", texts: ["二级指标"] },
  { key: "三级指标", texts: ["三级指标"] },
  { key: "年度指标值", texts: ["年度指标值", "指标值", "目标值", "年度目标值", "预期指标值", "年度目标", "年初目标值"] },
  { key: "指标性质", texts: ["指标性质"] },
  { key: "度量单位", texts: ["度量单位", "计量单位"] },
  { key: "实际完成值", texts: ["实际完成值", "全年完成值", "全年实际值", "实际值", "完成值", "全年实际完成值"] },
  { key: "偏差原因", texts: [/^偏差原因/, /^未完成原因/, /^原因分析/] },
  { key: "编制数", texts: ["编制数", "编制人数"] },
  { key: "实际在职人数", texts: ["实际在职人数", "在职人数"] },
  { key: "控制率", texts: ["控制率"] },
  { key: "决算数", texts: ["决算数"] },
  { key: "批复规模", texts: ["批复规模"] },
  { key: "实际规模", texts: ["实际规模"] },
  { key: "规模控制率", texts: ["规模控制率"] },
  { key: "预算投资", texts: ["预算投资"] },
  { key: "实际投资", texts: ["实际投资"] },
  { key: "投资概算控制率", texts: ["投资概算控制率"] },
];

/** The two 决算数 columns of 附件1 (Y-1年 and Y年) told apart by their years. */
export const PREVIOUS_FINAL = "上年决算数";
export const CURRENT_FINAL = "本年决算数";

const keyCache = new Map<string, string | null>();

/** The column key of a header text, or null when it is no known column. */
export function columnKey(text: string): string | null {
  let k = keyCache.get(text);
  if (k !== undefined) return k;
  const t = normalizeLabel(text).replace(/^\d{4}年度?/, "");
  k = null;
  for (const s of COLUMN_SYNONYMS) {
    if (s.texts.some((m) => (typeof m === "string" ? m === t : m.test(t)))) {
      k = s.key;
      break;
    }
  }
  keyCache.set(text, k);
  return k;
}

/** The year printed at the start of a header ("2021年决算数" → 2021), or null. */
export function headerYear(text: string): number | null {
  const m = /^\s*(\d{4})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

/** A header cell of the form: its column, its text and the year it names. */
export interface HeaderCell {
  row: number;
  col: number;
  text: string;
  year: number | null;
}

/**
 * The columns of a header spread over `rows` (top to bottom; a lower row's cell wins: 指标值 under
 * 年度指标值). Two 决算数 columns become 上年决算数 (the earlier year) and 本年决算数.
 */
export function headerColumns(grid: Grid, rows: number[]): Map<string, HeaderCell> {
  const out = new Map<string, HeaderCell>();
  const finals: HeaderCell[] = [];
  let budgetYear: number | null = null;
  for (const r of rows) {
    const width = grid.values[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const text = textAt(grid, r, c);
      if (!text.trim()) continue;
      const key = columnKey(text);
      if (!key) continue;
      const cell = { row: r, col: c, text: text.trim(), year: headerYear(text) };
      if (key === "决算数") finals.push(cell);
      else out.set(key, cell);
      if (key === "全年预算数" && cell.year !== null) budgetYear = cell.year;
    }
  }
  if (finals.length >= 2) {
    const sorted = [...finals].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.col - b.col);
    out.set(PREVIOUS_FINAL, sorted[0]);
    out.set(CURRENT_FINAL, sorted[sorted.length - 1]);
  } else if (finals.length === 1) {
    const f = finals[0];
    out.set(budgetYear !== null && f.year !== null && f.year < budgetYear ? PREVIOUS_FINAL : CURRENT_FINAL, f);
  }
  return out;
}

/** How many of `keys` a row holds as headers (to find a header row that has no block label). */
export function headerHits(grid: Grid, row: number, keys: ReadonlySet<string>): number {
  const found = headerColumns(grid, [row]);
  let n = 0;
  for (const k of found.keys()) if (keys.has(k)) n++;
  return n;
}

// ---------------------------------------------------------------- units

/** The amount units the forms print, and how many 万元 one of them is. */
export const AMOUNT_UNITS = { 元: 0.0001, 千元: 0.1, 万元: 1 } as const;
export type AmountUnit = keyof typeof AMOUNT_UNITS;

/** Where a sheet says its unit: the header of a money block (项目资金(元)) or a 单位 line (单位：元). */
export interface UnitFound {
  unit: AmountUnit;
  /** The text that says so, e.g. "项目资金(元)". */
  text: string;
  row: number;
  col: number;
}

/** How far down a unit is looked for (附件1: 经费控制情况（万元） is row 4; 附件3: 项目资金（元） row 5). */
const UNIT_ROWS = 20;
const UNIT_IN_BRACKETS = /[（(]\s*(元|千元|万元)\s*[)）]/;
const UNIT_LINE = /^\s*(?:金额)?单位\s*[:：]\s*(元|千元|万元)\s*$/;
/** Labels of money blocks: 项目资金, 资金情况, 年度预算申请, 经费控制情况, 部门(单位)总体资金. */
const MONEY_LABEL = /资金|预算申请|经费|预算数|执行数|决算数/;

/**
 * The unit amounts are written in, from the form itself; null when the form does not say
 * (the official forms are in 万元). A 单位 line wins over a block header.
 */
export function amountUnitOf(grid: Grid): UnitFound | null {
  let fromHeader: UnitFound | null = null;
  // The unit is said above or at the money blocks' headers, in the first rows of every form seen.
  for (const { r, c, text } of gridTexts(grid)) {
    if (r >= UNIT_ROWS) break;
    const line = UNIT_LINE.exec(text);
    if (line) return { unit: line[1] as AmountUnit, text: text.trim(), row: r, col: c };
    if (fromHeader || !MONEY_LABEL.test(text) || /投资/.test(text)) continue;
    const m = UNIT_IN_BRACKETS.exec(text);
    if (m) fromHeader = { unit: m[1] as AmountUnit, text: text.trim(), row: r, col: c };
  }
  return fromHeader;
}
