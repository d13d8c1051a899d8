/**
 * The official forms as data. A template is a list of blocks (a fixed row,
 * a list of rows such as 专项资金, the 绩效指标 table); each cell says what it
 * is (label, input of some type, computed with its formulas) and which field
 * of the model it holds. The same declaration drives writing a sheet
 * (layout.ts) and reading one back (read/sheet.ts).
 */
import type { Preset } from "../preset";

/** What an input or computed cell holds; decides number format, parsing and messages. */
export type ValueType =
  | "amount" // 万元, 2 decimals
  | "count" // 人
  | "rate" // 0.00%
  | "score" // 得分, 2 decimals
  | "weight" // 分值
  | "area" // ㎡
  | "text"
  | "indicatorValue" // 年度指标值 / 实际完成值: text with operators and units
  | "grade"; // 优/良/中/差

export type CellStyle = "title" | "header" | "label" | "input" | "computed" | "note";

/**
 * A computed cell's formula in both flavours: `jx` calls the add-in's custom functions,
 * `native` uses only built-in functions so the workbook computes anywhere.
 * `{path}` stands for the address of the cell holding that field; `{list.*.field}` for the
 * column range of a list.
 */
export interface FormulaDef {
  jx: string;
  native: string;
}

export interface CellDef {
  col: number; // 0 = A
  span?: number; // merged columns
  rowSpan?: number; // merged rows (labels spanning a section)
  label?: string;
  field?: string; // path relative to the block's base
  type?: ValueType;
  formula?: FormulaDef;
  style?: CellStyle;
  /** Text at the top of a merge over rows (see LayoutCell.vertical); centred otherwise. */
  vertical?: "top";
  /**
   * Drawn as one box over this many rows without merging (no borders between them), the text in the
   * first row: a page break between the rows then cannot cut the text (the 一级/二级指标 headings).
   */
  groupRows?: number;
}

export interface RowDef {
  key: string;
  cells: CellDef[];
  /** Normalized label texts or patterns that identify this row when reading; default: its first label. */
  match?: (string | RegExp)[];
  /** Minimum height in points (room to write by hand); the text it holds may make the row taller (print.ts). */
  height?: number;
  /**
   * A header row: the keys of the rows (and list items) below it that take their columns from it.
   * Reading maps each of this row's header labels to the form's column of the same meaning
   * (read/headers.ts), so a form with other columns or another order is read by its headers.
   */
  headerOf?: string[];
}

/** A repeated row (专项资金 items): written `count` times, read as every row up to the next block's anchor. */
export interface ListBlock {
  kind: "list";
  path: string; // "specialFunds"
  item: RowDef; // fields relative to one item
  count: number;
}

/** The 绩效指标 table: header row, indicator rows grouped by 一级/二级, read up to the 总分 row. */
export interface IndicatorBlock {
  kind: "indicators";
  path: string; // "indicators"
  header: RowDef;
  /** 一级 → its 二级 headings, in the official order, for an empty template. */
  skeleton: { level1: string; level2: string[] }[];
  rowsPerGroup: number;
  /** Columns of 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
  columns: { level1: number; level2: number; name: number; target: number; actual: number; weight: number; score: number; reason: number };
  /** Leftmost column label ("绩效指标（90分）") spanning the header and all rows; null when none. */
  sideLabel: string | null;
}

export type Block = { kind: "row"; row: RowDef } | ListBlock | IndicatorBlock;

/**
 * "material": 报告素材, the texts only the department knows, for the narrative report (src/core/report/material.ts).
 * "finalAccounts": one of the nine 部门决算公开 tables (src/core/finalAccounts/templates.ts).
 */
export type SheetKind = "basic" | "selfEvaluation" | "project" | "material" | "finalAccounts";

export interface SheetTemplate {
  kind: SheetKind;
  /** Default sheet name, e.g. "附件1 基础数据表". */
  name: string;
  /** Title text of the form (first row). */
  title: string;
  /** Column widths in characters; their sum stays within the page's printable width (print.ts). */
  widths: number[];
  blocks: Block[];
  /** "附件1" / "附件2" / "附件3": printed above the title on the first page (the page header, so no row moves). */
  mark?: string;
  /** Printed upright (default) or across the A4 page. */
  orientation?: "portrait" | "landscape";
  /** Key of the row repeated at the top of every printed page after the first (e.g. the indicator header). */
  printTitleRow?: string;
}

export interface TemplateParams {
  year: number;
  unit?: string;
  /** Number of 专项资金 rows in 附件1 (when no data gives them). */
  specialFundRows?: number;
  /** Indicator rows per 二级指标 in an empty template. */
  indicatorRows?: number;
  preset: Preset;
}

export const NUMBER_FORMATS: Record<ValueType, string> = {
  amount: "0.00",
  count: "0",
  rate: "0.00%",
  score: "0.00",
  weight: "0",
  area: "0.00",
  text: "@",
  indicatorValue: "@",
  grade: "General", // not "@": Excel would store a formula written into a text cell as text
};
