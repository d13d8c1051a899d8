/**
 * What a form prints beyond the 2024 Hunan template, read after the template's own fields:
 * sub-rows of the funds block with their own scores, the form's 得分计算方法, the 一级 weights
 * its note states, 附件1's 4、其他资金 row and its header years. Each is put in SheetFacts and
 * its cell in the sheet's index, so that findings name the real cell.
 */
import { D } from "../decimal";
import { cellsMatching, normalizeLabel, textAt, gridTexts, valueAt, type Grid } from "../grid";
import type { FundPart, IndicatorGroup, Raw, SheetFacts, YearTriple } from "../model";
import { PREVIOUS_FINAL, CURRENT_FINAL, type HeaderCell } from "./headers";
import type { SheetIndex } from "./sheet";

const FUND_FIELDS = ["initialBudget", "fullBudget", "executed", "weight", "rate", "score"] as const;

const numberOrText = (v: unknown): Raw => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** Rows the template's fields were read from (so that a sub-row is not taken twice). */
function claimedRows(index: SheetIndex): Set<number> {
  const rows = new Set<number>();
  for (const [r] of index.fixed.values()) rows.add(r);
  for (const l of index.lists.values()) {
    for (const r of l.rows) rows.add(r);
    for (const field in l.rowsOf) for (const r of l.rowsOf[field]) if (r !== undefined) rows.add(r);
  }
  return rows;
}

/**
 * Sub-rows under 年度资金总额 that print their own 分值 or 得分 (贵州: 基本支出 10 / 10), up to the goals.
 * `base` is the scored row's path ("funds." or "funds.total."). Amounts are scaled like the rest.
 */
export function readFundParts(grid: Grid, index: SheetIndex, base: string, scale: number): FundPart[] {
  const at = index.fixed.get(`${base}executed`) ?? index.fixed.get(`${base}score`);
  if (!at) return [];
  const cols: Partial<Record<(typeof FUND_FIELDS)[number], number>> = {};
  for (const f of FUND_FIELDS) {
    const pos = index.fixed.get(`${base}${f}`);
    if (pos) cols[f] = pos[1];
  }
  if (cols.score === undefined && cols.weight === undefined) return [];
  const firstNumberCol = Math.min(...Object.values(cols));
  const end = index.fixed.get("goals.planned")?.[0] ?? Math.min(grid.values.length, at[0] + 10);
  const claimed = claimedRows(index);
  const parts: FundPart[] = [];
  for (let r = at[0] + 1; r < end; r++) {
    if (claimed.has(r)) continue;
    let label = "";
    for (let c = 0; c < firstNumberCol; c++) label = normalizeLabel(textAt(grid, r, c)) || label;
    if (!label || /年度总体目标|绩效指标|一级指标/.test(label)) break;
    const score = cols.score === undefined ? null : numberOrText(valueAt(grid, r, cols.score));
    const weight = cols.weight === undefined ? null : numberOrText(valueAt(grid, r, cols.weight));
    if (typeof score !== "number" && typeof weight !== "number") continue;
    const i = parts.length;
    const part: FundPart = { label, initialBudget: null, fullBudget: null, executed: null, weight: null, rate: null, score: null };
    for (const f of FUND_FIELDS) {
      const c = cols[f];
      if (c === undefined) continue;
      let v = numberOrText(valueAt(grid, r, c));
      if (typeof v === "number" && scale !== 1 && (f === "initialBudget" || f === "fullBudget" || f === "executed")) v = new D(String(v)).times(scale).toNumber();
      part[f] = v;
      index.fixed.set(`fundParts.${i}.${f}`, [r, c]);
    }
    parts.push(part);
  }
  return parts;
}

/** The form's own 得分计算方法 for the scored row (a column beside 得分), as printed. */
export function readScoringMethod(grid: Grid, index: SheetIndex, base: string, header: Map<string, HeaderCell> | undefined): string | undefined {
  const col = header?.get("得分计算方法")?.col;
  const at = index.fixed.get(`${base}executed`) ?? index.fixed.get(`${base}score`);
  if (col === undefined || !at) return undefined;
  const t = textAt(grid, at[0], col).trim();
  if (!t) return undefined;
  index.fixed.set("scoringMethod", [at[0], col]);
  return t;
}

const NOTE_START = /^\s*(注|说明)/;
const LEVEL_WEIGHT = /(产出指标|效益指标|满意度指标|成本指标|项目决策|项目过程|决策指标|过程指标|预算资金执行率|预算执行率|资金执行率)\s*[（(]?\s*(\d+(?:\.\d+)?)\s*分/g;

/**
 * The 一级 weights a note of the form states ("注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、
 * 满意度指标10分、预算资金执行率10分"); the note's cell goes into the index as "levelWeights".
 */
export function readLevelWeights(grid: Grid, index: SheetIndex): Record<string, number> | undefined {
  for (const { r, c, text: raw } of gridTexts(grid)) {
    // Most texts are ruled out by their first character (a note starts with 注 or 说明, perhaps after spaces).
    const first = raw[0];
    if ((first !== "注" && first !== "说" && !/\s/.test(first)) || !NOTE_START.test(raw)) continue;
    const t = raw.replace(/\s+/g, "");
    if (!/分值|权重/.test(t)) continue;
    const out: Record<string, number> = {};
    for (const m of t.matchAll(LEVEL_WEIGHT)) {
      const name = /执行率/.test(m[1]) ? "预算执行率" : m[1];
      if (out[name] === undefined) out[name] = Number(m[2]);
    }
    if (Object.keys(out).length >= 2) {
      index.fixed.set("levelWeights", [r, c]);
      return out;
    }
  }
  return undefined;
}

/** 附件1 "4、其他资金" (湖南 2021) between the 专项资金 items and 公用经费, read in the 经费 columns. */
export function readOtherFunds(grid: Grid, index: SheetIndex): YearTriple | undefined {
  const special = index.fixed.get("special.final") ?? index.fixed.get("special.budget");
  const end = index.fixed.get("publicFunds.final")?.[0] ?? grid.values.length;
  if (!special) return undefined;
  for (let r = special[0] + 1; r < end; r++) {
    const width = grid.values[r]?.length ?? 0;
    let found = false;
    for (let c = 0; c < width && !found; c++) found = /^(其他资金|其它资金)$/.test(normalizeLabel(textAt(grid, r, c)));
    if (!found) continue;
    const triple: YearTriple = { prevFinal: null, budget: null, final: null };
    for (const f of ["prevFinal", "budget", "final"] as const) {
      const pos = index.fixed.get(`special.${f}`);
      if (!pos) continue;
      triple[f] = numberOrText(valueAt(grid, r, pos[1]));
      index.fixed.set(`otherFunds.${f}`, [r, pos[1]]);
    }
    return triple;
  }
  return undefined;
}

/** The years 附件1 prints in its headers; their cells go into the index as "columnYears.*". */
export function readColumnYears(index: SheetIndex, funds: Map<string, HeaderCell> | undefined, staff: Map<string, HeaderCell> | undefined): SheetFacts["columnYears"] {
  const pick = (m: Map<string, HeaderCell> | undefined, key: string, field: string): number | null => {
    const h = m?.get(key);
    if (!h || h.year === null) return null;
    index.fixed.set(`columnYears.${field}`, [h.row, h.col]);
    return h.year;
  };
  return {
    prevFinal: pick(funds, PREVIOUS_FINAL, "prevFinal"),
    budget: pick(funds, "全年预算数", "budget"),
    final: pick(funds, CURRENT_FINAL, "final"),
    staff: pick(staff, "实际在职人数", "staff"),
  };
}

const GROUP_WEIGHT = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/**
 * Indicator blocks that each print their own header row with a weight left of 一级指标 (湖北 2020:
 * 年度绩效目标1(40分) | 一级指标 | 二级指标 | …, then 年度绩效目标2(40分) | 一级指标 | …). Each label's cell goes
 * into the index as "indicatorGroups.<i>"; undefined when the form prints no such label.
 */
export function readIndicatorGroups(grid: Grid, index: SheetIndex): IndicatorGroup[] | undefined {
  const list = index.lists.get("indicators");
  if (!list || list.rows.length === 0) return undefined;
  const last = list.rows[list.rows.length - 1];
  const heads: { r: number; c: number; label: string; weight: number }[] = [];
  // Each row's first 一级指标 header cell, up to the last indicator.
  const level1Cells = cellsMatching(grid, "一级指标");
  for (let i = 0; i < level1Cells.length; i += 2) {
    const r = level1Cells[i];
    const level1 = level1Cells[i + 1];
    if (r > last) break;
    if (i > 0 && level1Cells[i - 2] === r) continue;
    for (let c = 0; c < level1; c++) {
      const t = textAt(grid, r, c).trim();
      const m = GROUP_WEIGHT.exec(t);
      if (!m) continue;
      heads.push({ r, c, label: t, weight: Number(m[1]) });
      break;
    }
  }
  if (heads.length === 0) return undefined;
  return heads.map((h, i) => {
    const end = heads[i + 1]?.r ?? Infinity;
    const from = list.rows.findIndex((r) => r > h.r);
    const after = list.rows.findIndex((r) => r > end);
    index.fixed.set(`indicatorGroups.${i}`, [h.r, h.c]);
    return { label: h.label, weight: h.weight, from: from < 0 ? list.rows.length : from, to: after < 0 ? list.rows.length : after };
  });
}

/** A system form's prompt left in place: a whole cell ending in "(100字以内)" (optionally "。"), not a numbered note. */
const PROMPT = /[（(]\s*\d+\s*字以内\s*[)）]\s*[。.]?\s*$/;

/** Cells holding nothing but a form's prompt ("结合自评情况,分析存在的问题及原因。(200字以内)"); cells as "promptTexts.<i>". */
export function readPromptTexts(grid: Grid, index: SheetIndex): string[] | undefined {
  const out: string[] = [];
  for (const { r, c, text } of gridTexts(grid)) {
    // Every prompt says 字以内: most cells are ruled out before the pattern is tried.
    if (!text.includes("字以内")) continue;
    const t = text.trim();
    if (!PROMPT.test(t) || /^\d+\s*[.、．]/.test(t)) continue;
    index.fixed.set(`promptTexts.${out.length}`, [r, c]);
    out.push(t);
  }
  return out.length ? out : undefined;
}

/** Labels of a total printed at the top of the form, above the funds (宁夏 2021: 自评得分 | 98 | 财政审核评分 | ). */
const HEADLINE_SCORE = new Set(["自评得分", "自评总分"]);
/** How far down the form the 自评得分 line is looked for. */
const HEADLINE_ROWS = 8;

/** The 自评得分 printed in the form's first rows: the first filled cell right of its label ("headlineScore" in the index). */
export function readHeadlineScore(grid: Grid, index: SheetIndex): Raw | undefined {
  for (const { r, c, text } of gridTexts(grid)) {
    if (r >= HEADLINE_ROWS) break;
    if (!HEADLINE_SCORE.has(normalizeLabel(text))) continue;
    const width = grid.values[r].length;
    for (let v = c + 1; v < width; v++) {
      const value = numberOrText(valueAt(grid, r, v));
      if (value === null) continue;
      index.fixed.set("headlineScore", [r, v]);
      return value;
    }
    return undefined;
  }
  return undefined;
}
