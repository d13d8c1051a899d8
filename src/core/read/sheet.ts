/**
 * Reads one sheet by its template's labels and headers, not by fixed addresses:
 * rows are found by their label text (or a synonym) wherever they are (the user
 * may insert rows), and columns by their header text (read/headers.ts), so the
 * 2024 Hunan layout is one case among other provinces' and years'. What the form
 * lacks is recorded as absent, never read as zero.
 * Values go straight into the model objects; where each came from is kept in
 * a compact index and turned into an address only when a finding needs one.
 */
import { parseAmount } from "../amount";
import { D } from "../decimal";
import { cellAddress, cellsMatching, formulaAt, normalizedGrid, normalizeLabel, textAt, valueAt, type CellScalar, type Grid } from "../grid";
import type { Raw } from "../model";
import type { Block, CellDef, IndicatorBlock, ListBlock, RowDef, SheetTemplate, ValueType } from "../template/types";
import { columnKey, headerColumns, headerHits, type HeaderCell } from "./headers";

/** Where a field was read: sheet, address, and the formula when the cell holds one. */
export interface CellRef {
  sheet: string;
  cell: string;
  formula?: string;
}

/** Where the figures of one sheet sit: fixed fields by path, list items by row. */
export interface SheetIndex {
  grid: Grid;
  /** Field path → [row, col]. */
  fixed: Map<string, [number, number]>;
  /**
   * List path ("indicators") → the row of each item and the column of each item field; `rowsOf`: a field
   * whose cell is on another row than its item's (an indicator's 一级 heading, merged over its group).
   */
  lists: Map<string, { rows: number[]; cols: Record<string, number>; rowsOf?: Record<string, number[]> }>;
  /**
   * Fields the form does not have (no such column or row): path ("funds.fullBudget", list fields as
   * "indicators.*.weight") → what is missing, in the form's words ("「全年预算数」栏"). Absent is not zero.
   */
  absent: Map<string, string>;
}

export interface SheetReadInto {
  index: SheetIndex;
  /** Rows of the template that were not found ("「政府采购金额」"). */
  missingRows: string[];
  /** The header texts of the columns read, by column key, per header row key ("fundsHeader" → 全年预算数 → "全年预算数(A)"). */
  headers: Map<string, Map<string, HeaderCell>>;
}

export interface ReadOptions {
  /** 万元 per unit the amounts are written in (元 → 0.0001); amounts are converted once, here. */
  amountScale?: number;
}

/** The cell of a path relative to the sheet ("sangong.final", "indicators.3.score"). */
export function cellOf(index: SheetIndex, path: string): CellRef | undefined {
  let pos = index.fixed.get(path);
  if (!pos) {
    const m = /^(.+)\.(\d+)\.([^.]+)$/.exec(path);
    const list = m && index.lists.get(m[1]);
    if (!m || !list) return undefined;
    const i = Number(m[2]);
    const row = list.rowsOf?.[m[3]]?.[i] ?? list.rows[i];
    const col = list.cols[m[3]];
    if (row === undefined || col === undefined) return undefined;
    pos = [row, col];
  }
  const [r, c] = pos;
  const formula = formulaAt(index.grid, r, c);
  return formula ? { sheet: index.grid.sheet, cell: cellAddress(r, c), formula } : { sheet: index.grid.sheet, cell: cellAddress(r, c) };
}

/** Why a path relative to the sheet has no cell: the column or row the form lacks; undefined when it has one. */
export function absentOf(index: SheetIndex, path: string): string | undefined {
  if (index.absent.size === 0) return undefined; // a form with every column and row of its template
  const direct = index.absent.get(path);
  if (direct !== undefined) return direct;
  const m = /^(.+)\.\d+\.([^.]+)$/.exec(path);
  return m ? index.absent.get(`${m[1]}.*.${m[2]}`) : undefined;
}

const TEXT_TYPES: ReadonlySet<ValueType | undefined> = new Set(["text", undefined]);

function toRaw(v: CellScalar, type: ValueType | undefined, scale = 1): Raw {
  if (v === null) return TEXT_TYPES.has(type) ? "" : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") {
    if (TEXT_TYPES.has(type)) return v.trim();
    if (v.trim() === "") return null;
    if (type === "amount" && scale !== 1) {
      const p = parseAmount(v);
      if (p.kind === "number" && !p.percent) return p.value.times(scale).toNumber();
    }
    return v;
  }
  if (TEXT_TYPES.has(type)) return String(v);
  // 元 → 万元: exact in decimal; the double then holds the same digits (at most 15 significant ones).
  if (type === "amount" && scale !== 1) return new D(String(v)).times(scale).toNumber();
  return v;
}

/**
 * Other words for a row label, by the template's normalized label: what other provinces' and
 * years' forms print for the same row.
 */
export const LABEL_SYNONYMS: Readonly<Record<string, readonly (string | RegExp)[]>> = {
  项目支出名称: ["项目名称", "专项资金名称", "项目支出名称"],
  主管部门: [/主管部门$/],
  实施单位: [/实施单位$/],
  单位名称: ["部门名称", "单位名称", /^部门单位名称$/],
  年度资金总额: ["年度资金总额", "资金总额", "合计", "年度财政资金总额", "总额"],
  当年财政拨款: ["本年财政拨款", "财政拨款", /^中央.*补助.*资金$/, "财政资金"],
  年度总体目标: ["年度总体目标", "总体目标"],
  办公经费: ["办公费"],
  总分: ["总分", "合计得分", "总得分"],
};

/** The texts a row is found by: its match list (or first label) and their synonyms; computed once per row definition. */
const matchersCache = new WeakMap<RowDef, (string | RegExp)[]>();
function matchers(row: RowDef): (string | RegExp)[] {
  let m = matchersCache.get(row);
  if (!m) matchersCache.set(row, (m = buildMatchers(row)));
  return m;
}

function buildMatchers(row: RowDef): (string | RegExp)[] {
  const base = row.match ?? (() => {
    const first = row.cells.find((c) => c.label !== undefined);
    return first?.label ? [first.label] : [];
  })();
  const out = [...base];
  for (const m of base) if (typeof m === "string") out.push(...(LABEL_SYNONYMS[normalizeLabel(m)] ?? []));
  return out;
}

function anchorCol(row: RowDef): number {
  return row.cells.find((c) => c.label !== undefined)?.col ?? 0;
}

/** Does a normalized cell text match a label (compared normalized; normalizeLabel keeps its own memo) or a pattern? */
function matches(t: string, m: string | RegExp): boolean {
  return typeof m === "string" ? t === normalizeLabel(m) : m.test(t);
}

/** Does a normalized cell text name this label (or one of its synonyms)? */
function isLabel(t: string, label: string): boolean {
  if (matches(t, label)) return true;
  return (LABEL_SYNONYMS[normalizeLabel(label)] ?? []).some((m) => matches(t, m));
}

/** First row in [from, until) holding one of the row's labels; with the column it was found in (the leftmost). */
function findRow(grid: Grid, row: RowDef, from: number, until = grid.values.length): { r: number; c: number } | null {
  let best: { r: number; c: number } | null = null;
  for (const m of matchers(row)) {
    const cells = cellsMatching(grid, m);
    for (let i = 0; i < cells.length; i += 2) {
      const r = cells[i];
      if (r < from) continue;
      if (r < until && (!best || r < best.r || (r === best.r && cells[i + 1] < best.c))) best = { r, c: cells[i + 1] };
      break;
    }
  }
  return best;
}

/** The column keys of a template header row, by template column (computed once per row definition). */
const headerKeysCache = new WeakMap<RowDef, Map<number, { key: string; label: string }>>();
function templateHeaderKeys(row: RowDef): Map<number, { key: string; label: string }> {
  const cached = headerKeysCache.get(row);
  if (cached) return cached;
  const out = new Map<number, { key: string; label: string }>();
  headerKeysCache.set(row, out);
  const probe: Grid = { sheet: "", values: [[]] };
  for (const def of row.cells) if (def.label !== undefined && def.style === "header") probe.values[0][def.col] = def.label;
  for (const [key, cell] of headerColumns(probe, [0])) out.set(cell.col, { key, label: normalizeLabel(cell.text) });
  return out;
}

/** A header row without its block label (新田 附件2: the funds header has no 年度预算申请 cell): the first row with ≥ 3 of its column headers. */
function findHeaderByColumns(grid: Grid, row: RowDef, from: number, until: number): { r: number; c: number } | null {
  const keys = new Set([...templateHeaderKeys(row).values()].map((k) => k.key));
  const need = Math.min(3, keys.size);
  for (let r = from; r < until; r++) if (headerHits(grid, r, keys) >= need) return { r, c: -1 };
  return null;
}

/** Template column → the form's column (null: the form has no such column), with the missing header's words. */
interface ColumnMap {
  cols: Map<number, number | null>;
  missing: Map<number, string>;
}

function mapColumns(row: RowDef, found: Map<string, HeaderCell>): ColumnMap {
  const cols = new Map<number, number | null>();
  const missing = new Map<number, string>();
  for (const [tcol, { key, label }] of templateHeaderKeys(row)) {
    const hit = found.get(key);
    cols.set(tcol, hit ? hit.col : null);
    if (!hit) missing.set(tcol, label);
  }
  return { cols, missing };
}

function firstRowOf(block: Block): RowDef | null {
  if (block.kind === "row") return block.row;
  if (block.kind === "indicators") return block.header;
  return null;
}

function isFiller(text: string): boolean {
  return /^[.…。·\s]*$/.test(text);
}

const isEmpty = (v: CellScalar) => v === null || (typeof v === "string" && v.trim() === "");

const splitCache = new Map<string, string[]>();

/** Sets "a.b.c" in nested objects, creating them on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  let parts = splitCache.get(path);
  if (!parts) splitCache.set(path, (parts = path.split(".")));
  let cur = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    let next = cur[key];
    if (next === undefined || next === null) {
      const c = parts[i + 1].charCodeAt(0);
      cur[key] = next = c >= 48 && c <= 57 ? [] : {};
    }
    cur = next as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/**
 * The column of a field that follows its label in the same row (项目名称 | value, 实施单位 | value):
 * the first filled cell right of the label as the form prints it, else the cell after the label.
 */
function pairedColumn(grid: Grid, r: number, row: RowDef, def: CellDef, shift: number, foundAt: number): number | null {
  const i = row.cells.indexOf(def);
  const label = i > 0 ? row.cells[i - 1] : undefined;
  if (!label || label.label === undefined || label.col + (label.span ?? 1) !== def.col) return null;
  const norm = normalizedGrid(grid)[r] ?? [];
  let lc = label.col === anchorCol(row) && foundAt >= 0 ? foundAt : -1;
  if (lc < 0) for (let c = 0; c < norm.length; c++) if (norm[c] && isLabel(norm[c]!, label.label)) { lc = c; break; }
  if (lc < 0) return null;
  if (lc === label.col + shift) return def.col + shift; // laid out as the template: the template's cell, filled or not
  const others = row.cells.filter((c) => c.label !== undefined && c !== label).map((c) => c.label!);
  const width = grid.values[r]?.length ?? 0;
  for (let c = lc + 1; c < width; c++) {
    const t = norm[c];
    if (t && others.some((o) => isLabel(t, o))) break;
    if (!isEmpty(valueAt(grid, r, c))) return c;
  }
  return lc + 1;
}

/** Reads `grid` as `template` into `target` (the sheet's part of the model). */
export function readSheetInto(grid: Grid, template: SheetTemplate, target: Record<string, unknown>, opts: ReadOptions = {}): SheetReadInto {
  const index: SheetIndex = { grid, fixed: new Map(), lists: new Map(), absent: new Map() };
  const headers = new Map<string, Map<string, HeaderCell>>();
  const missingRows: string[] = [];
  const colMaps = new Map<string, ColumnMap>();
  const headerWeights = new Map<string, { value: number; r: number; c: number }>();
  const scale = opts.amountScale ?? 1;
  let pointer = 0;
  let lastRow = -1;
  let shift = 0;
  let sectionStart = -1;

  /**
   * A row of a header's section printed above the rows already read (四川 2023: 总额 above 其中:财政资金 … 其他资金),
   * found there first, so that a later 合计 (the indicators' total) is not taken for it.
   */
  const aboveInSection = (row: RowDef): { r: number; c: number } | null =>
    colMaps.has(row.key) && sectionStart >= 0 && !row.headerOf && pointer > sectionStart + 1 ? findRow(grid, row, sectionStart + 1, pointer) : null;
  const blocks = template.blocks;
  // Rows the template puts before the 绩效指标 header are looked for above it only (a fragment that opens with the
  // indicators: its 合计 row is not the 年度资金总额 row).
  const indicatorBlock = blocks.findIndex((bl) => bl.kind === "indicators");
  const indicatorHead = indicatorBlock >= 0 ? findRow(grid, (blocks[indicatorBlock] as IndicatorBlock).header, 0) : null;
  const indicatorsAt = indicatorHead ? indicatorHead.r : grid.values.length;
  let prevFound = true;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const wasFound = prevFound;
    prevFound = true;
    if (block.kind === "row") {
      const row = block.row;
      let at: { r: number; c: number } | null;
      // A row without a label is the one after the block before it, when that block was found (湖北 2020 prints no 年度总体目标).
      if (row.match && row.match.length === 0) at = lastRow >= 0 && wasFound ? { r: lastRow + 1, c: -1 } : null;
      else at = aboveInSection(row) ?? findRow(grid, row, pointer, b < indicatorBlock ? indicatorsAt : undefined);
      if (!at && row.headerOf) at = findHeaderByColumns(grid, row, pointer, nextAnchor(grid, blocks, b + 1, pointer));
      // A row of a block found above the rows before it (湖北: 年度资金总额 above 其中：当年财政拨款).
      if (!at && colMaps.has(row.key) && sectionStart >= 0) at = findRow(grid, row, sectionStart + 1, pointer);
      if (!at) {
        prevFound = false;
        if (row.cells.some((c) => c.field)) {
          missingRows.push(describeRow(row));
          for (const def of row.cells) if (def.field) index.absent.set(def.field, `${describeRow(row)}行`);
        }
        continue;
      }
      if (at.c >= 0) shift = at.c - anchorCol(row);
      if (row.headerOf) {
        const found = headerColumns(grid, [at.r]);
        headers.set(row.key, found);
        const map = mapColumns(row, found);
        for (const k of row.headerOf) colMaps.set(k, map);
        if (found.get("分值") === undefined) {
          const w = weightInHeader(grid, at.r, found);
          if (w) for (const k of row.headerOf) headerWeights.set(k, w);
        }
        sectionStart = at.r;
      }
      const map = colMaps.get(row.key);
      for (const def of row.cells) {
        if (!def.field) continue;
        let c: number | null;
        if (map && map.cols.has(def.col)) c = map.cols.get(def.col)!;
        else c = pairedColumn(grid, at.r, row, def, shift, at.c) ?? def.col + shift;
        const hw = c === null && def.type === "weight" ? headerWeights.get(row.key) : undefined;
        if (hw) {
          setPath(target, def.field, hw.value);
          index.fixed.set(def.field, [hw.r, hw.c]);
          continue;
        }
        if (c === null) {
          index.absent.set(def.field, `「${map?.missing.get(def.col) ?? def.field}」栏`);
          continue;
        }
        setPath(target, def.field, toRaw(valueAt(grid, at.r, c), def.type, scale));
        index.fixed.set(def.field, [at.r, c]);
      }
      pointer = Math.max(pointer, at.r + 1);
      lastRow = at.r;
    } else if (block.kind === "list") {
      const end = nextAnchor(grid, blocks, b + 1, pointer);
      readList(grid, block, pointer, end, shift, colMaps.get(block.item.key), target, index, scale);
      pointer = end;
    } else {
      const head = findRow(grid, block.header, pointer);
      if (!head) {
        missingRows.push("绩效指标表头（一级指标）");
        for (const k of ["level1", "level2", "name", "target", "actual", "weight", "score", "reason"]) index.absent.set(`${block.path}.*.${k}`, "绩效指标表");
        continue;
      }
      // A two-row header (云南: 年度指标值 over 指标性质 / 指标值 / 度量单位): the row above counts when it holds headers.
      const above = head.r > 0 && headerColumns(grid, [head.r - 1]).size > 0 ? [head.r - 1] : [];
      const found = headerColumns(grid, [...above, head.r]);
      headers.set(block.header.key, found);
      for (const k of block.header.headerOf ?? []) colMaps.set(k, mapColumns(block.header, found));
      const end = nextAnchor(grid, blocks, b + 1, head.r + 1);
      readIndicators(grid, block, head.r + 1, end, found, target, index);
      pointer = end;
      lastRow = end - 1;
    }
  }
  return { index, missingRows, headers };
}

/**
 * The 分值 a funds header prints when the form has no 分值 column (湖北 2020: 预算执行情况(万元)(20分) … 得分(20分*执行率)):
 * the first "(N分" in its 得分 header, else in the row's label before the first column header; null when none.
 */
function weightInHeader(grid: Grid, r: number, found: Map<string, HeaderCell>): { value: number; r: number; c: number } | null {
  const WEIGHT = /[（(]\s*(\d+(?:\.\d+)?)\s*分/;
  const score = found.get("得分");
  const first = Math.min(...[...found.values()].map((h) => h.col));
  const cells = [...(score ? [score.col] : []), ...Array.from({ length: Number.isFinite(first) ? first : 0 }, (_, i) => i)];
  for (const c of cells) {
    const m = WEIGHT.exec(textAt(grid, r, c));
    if (m) return { value: Number(m[1]), r, c };
  }
  return null;
}

/** The row where the next located block starts (or the end of the sheet). */
function nextAnchor(grid: Grid, blocks: Block[], from: number, pointer: number): number {
  for (let i = from; i < blocks.length; i++) {
    const row = firstRowOf(blocks[i]);
    if (!row || (row.match && row.match.length === 0)) continue;
    const at = findRow(grid, row, pointer);
    if (at) return at.r;
  }
  return grid.values.length;
}

/** Rows that end a list before the next block (新田 2021: "4、其他资金" after the 专项资金 items). */
const LIST_STOPS: Readonly<Record<string, readonly string[]>> = { specialFunds: ["其他资金", "其它资金"] };

function readList(grid: Grid, block: ListBlock, from: number, end: number, shift: number, map: ColumnMap | undefined, target: Record<string, unknown>, index: SheetIndex, scale: number): void {
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const cols: Record<string, number> = {};
  const stops = LIST_STOPS[block.path] ?? [];
  const colOf = (def: CellDef): number | null => (map && map.cols.has(def.col) ? map.cols.get(def.col)! : def.col + shift);
  for (const def of block.item.cells) {
    if (!def.field) continue;
    const c = colOf(def);
    if (c === null) index.absent.set(`${block.path}.*.${def.field}`, `「${map?.missing.get(def.col) ?? def.field}」栏`);
    else cols[def.field] = c;
  }
  // The item's name sits in the label column of the rows around it (the template's col, shifted).
  const norm = normalizedGrid(grid);
  for (let r = from; r < end; r++) {
    if (stops.length && (norm[r] ?? []).some((t) => t !== undefined && stops.includes(t))) break;
    const cells = block.item.cells.map((def) => {
      const c = colOf(def);
      return c === null ? null : valueAt(grid, r, c);
    });
    const empty = cells.every((v) => v === null || (typeof v === "string" && isFiller(v)));
    if (empty) continue;
    const item: Record<string, unknown> = {};
    for (const def of block.item.cells) {
      if (!def.field) continue;
      const c = colOf(def);
      item[def.field] = toRaw(c === null ? null : valueAt(grid, r, c), def.type, scale);
    }
    if (typeof item.name === "string") item.name = item.name.replace(/^\s*其中[:：]\s*/, "");
    items.push(item);
    rows.push(r);
  }
  setPath(target, block.path, items);
  index.lists.set(block.path, { rows, cols });
}

/** Indicator fields → their column keys (read/headers.ts). */
const INDICATOR_KEYS: Record<string, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因",
};
const INDICATOR_KEY_ENTRIES = Object.entries(INDICATOR_KEYS);

/** A standalone operator cell (云南 指标性质) as the usual sign: ≧ → ≥, ═ → =. */
const OPERATOR_SIGNS: Record<string, string> = { "≧": "≥", "≦": "≤", "═": "=", "＝": "=", "＞": ">", "＜": "<" };

/** Rows after the indicators that are not indicators (说明, 其他需要说明事项, 备注, 注：…; 四川 2023: the 合计 row). */
const AFTER_INDICATORS = /^(其他需要说明|说明|备注|注[:：1-9]|合计$)/;

function readIndicators(grid: Grid, block: IndicatorBlock, from: number, end: number, found: Map<string, HeaderCell>, target: Record<string, unknown>, index: SheetIndex): void {
  const cols: Record<string, number> = {};
  for (const [field, key] of INDICATOR_KEY_ENTRIES) {
    const hit = found.get(key);
    if (hit) cols[field] = hit.col;
    else index.absent.set(`${block.path}.*.${field}`, `「${key}」栏`);
  }
  const opCol = found.get("指标性质")?.col;
  const unitCol = found.get("度量单位")?.col;
  const at = (r: number, field: string): CellScalar => (cols[field] === undefined ? null : valueAt(grid, r, cols[field]));
  const text = (r: number, field: string) => {
    const v = at(r, field);
    return typeof v === "string" ? v.trim() : "";
  };
  const labelEnd = cols.level1 ?? cols.name ?? 0;
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const level1Rows: number[] = [];
  let level1 = "";
  let level1Row = -1;
  let level2 = "";
  const norm = normalizedGrid(grid);
  for (let r = from; r < end; r++) {
    const cells = norm[r];
    let lead: string | undefined;
    for (let c = 0; cells && c <= labelEnd && !lead; c++) lead = cells[c];
    if (lead && AFTER_INDICATORS.test(lead)) break;
    if (isRepeatedHeader(grid, r, found)) continue;
    const l1 = text(r, "level1");
    const l2 = text(r, "level2");
    if (l1) {
      level1 = l1;
      level1Row = r;
      level2 = "";
    }
    if (l2) level2 = l2.replace(/\s+/g, "");
    const name = at(r, "name");
    let target_ = at(r, "target");
    const actual = at(r, "actual");
    const weight = at(r, "weight");
    const score = at(r, "score");
    if ([name, target_, actual, weight, score].every(isEmpty)) continue;
    if (typeof name === "string" && isFiller(name) && [target_, actual, weight, score].every(isEmpty)) continue; // a "……" row
    if (opCol !== undefined || unitCol !== undefined) target_ = composeTarget(valueAt(grid, r, opCol ?? -1), target_, valueAt(grid, r, unitCol ?? -1));
    // The 一级 heading's own cell (merged over its group, printed once), for findings about the group.
    if (level1Row >= 0) level1Rows[items.length] = level1Row;
    items.push({
      level1,
      level2,
      name: toRaw(name, "text"),
      target: toRaw(target_, "indicatorValue"),
      actual: toRaw(actual, "indicatorValue"),
      weight: toRaw(weight, "weight"),
      score: toRaw(score, "score"),
      reason: toRaw(at(r, "reason"), "text"),
    });
    rows.push(r);
  }
  setPath(target, block.path, items);
  index.lists.set(block.path, { rows, cols, rowsOf: { level1: level1Rows } });
}

/**
 * A header row printed again inside the indicator block (湖北 2020: 年度绩效目标2(40分) | 一级指标 | 二级指标 |
 * 三级指标 | 年初目标值(A) | …, one header per 年度绩效目标): not an indicator. True when the row prints the
 * header's own words in at least two of the header's columns.
 */
function isRepeatedHeader(grid: Grid, r: number, found: Map<string, HeaderCell>): boolean {
  let same = 0;
  found.forEach((cell, key) => {
    const t = textAt(grid, r, cell.col);
    if (t !== "" && columnKey(t) === key) same++;
  });
  return same >= 2;
}

/**
 * 年度指标值 printed over three cells (指标性质 / 指标值 / 度量单位: "≧" 100 "%") as one text ("≥100%");
 * a value alone stays as it is.
 */
function composeTarget(op: CellScalar, value: CellScalar, unit: CellScalar): CellScalar {
  const o = typeof op === "string" ? op.trim() : "";
  const u = typeof unit === "string" ? unit.trim() : "";
  if (!o && !u) return value;
  if (isEmpty(value)) return o && !/^[≧≦═＝＞＜≥≤=<>]$/.test(o) ? o : value;
  const v = typeof value === "number" ? new D(String(value)).toFixed() : String(value).trim();
  return `${OPERATOR_SIGNS[o] ?? o}${v}${u}`;
}

/** Rows of the templates that carry no label of their own (found as the row after their header): named by that header. */
const UNLABELLED_ROW_NAMES: Record<string, string> = {
  goals: "「年度总体目标」填写",
  staff: "「财政供养人员情况」填写",
  buildings: "「楼堂馆所控制情况」填写",
};

/** The row as named to the user ("「总分」", "「年度总体目标」填写"): never the internal key. */
function describeRow(row: RowDef): string {
  const label = row.cells.find((c) => c.label)?.label;
  return label ? `「${label}」` : (UNLABELLED_ROW_NAMES[row.key] ?? "（无标签的）");
}

/** Flat view of one sheet read on its own (for small sheets such as 报告素材): path → value and path → cell. */
export interface SheetRead {
  values: Record<string, Raw>;
  cells: Record<string, CellRef>;
  missingRows: string[];
  /** Number of items read per list path. */
  counts: Record<string, number>;
  data: Record<string, unknown>;
}

export function readSheet(grid: Grid, template: SheetTemplate): SheetRead {
  const data: Record<string, unknown> = {};
  const { index, missingRows } = readSheetInto(grid, template, data);
  const values: Record<string, Raw> = {};
  const cells: Record<string, CellRef> = {};
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === "object") {
      for (const k in v as Record<string, unknown>) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    values[path] = v as Raw;
    const ref = cellOf(index, path);
    if (ref) cells[path] = ref;
  };
  walk(data, "");
  const counts: Record<string, number> = {};
  for (const [list, { rows }] of index.lists) counts[list] = rows.length;
  return { values, cells, missingRows, counts, data };
}

/** Kept for callers that build a model field by field. */
export type { CellDef };
