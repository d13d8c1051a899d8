/**
 * exceljs ⇄ the core's shapes. Writing applies a `SheetLayout` as it is (the core decides what goes
 * where); reading turns each worksheet into a `Grid`. No domain logic here.
 */
import * as ExcelJS from "exceljs";
import { cellAddress, FORM_FONT, markHeader, NUMBER_FORMATS, OUTSIDE_TABLE, tableAreas, STYLE_FONT_SIZE, type CellScalar, type CellStyle, type FormulaFlavour, type Grid, type SheetLayout } from "../core";
import { writeFileAtomic } from "./atomic";
import { loadCellsOnly } from "./cellsOnly";
import { InputError } from "./errors";
import { readWorkbookBytes, sniffWorkbook } from "./sniff";

export type Workbook = ExcelJS.Workbook;

// ---------------------------------------------------------------- writing

const FONT = FORM_FONT;
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A name Excel accepts for a sheet: none of : \ / ? * [ ], not starting or ending with ' (a project
 * named 「……经费'」), not empty, at most 31 characters.
 */
export function validSheetName(wanted: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in a sheet name
  const name = wanted.replace(/[:\\/?*[\]]/g, "_").replace(/[\u0000-\u001f]/g, "").slice(0, 31).replace(/^'+|'+$/g, "").trim();
  return name || "Sheet";
}

/** A sheet name not yet used in `wb` (Excel compares names case-insensitively; at most 31 characters). */
export function freeSheetName(wb: Workbook, wanted: string): string {
  wanted = validSheetName(wanted);
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let k = 2; ; k++) {
    const suffix = `(${k})`;
    const name = validSheetName(wanted.slice(0, 31 - suffix.length)) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds one sheet per layout to `wb`; returns the names used (a taken name gets a free one).
 * `flavour` "native" (default) writes built-in formulas that compute in any spreadsheet;
 * "jx" writes the add-in's JX functions.
 */
export function writeLayouts(wb: Workbook, layouts: SheetLayout[], flavour: FormulaFlavour = "native"): string[] {
  wb.calcProperties.fullCalcOnLoad = true; // formulas are written without cached results: compute on open
  return layouts.map((layout) => writeLayout(wb, layout, flavour));
}

function writeLayout(wb: Workbook, layout: SheetLayout, flavour: FormulaFlavour): string {
  const name = freeSheetName(wb, layout.name);
  const page = layout.page;
  const inches = (pt: number) => Math.round((pt / 72) * 100) / 100;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      horizontalCentered: page.centerHorizontally,
      blackAndWhite: page.blackAndWhite,
      margins: {
        left: inches(page.margins.left),
        right: inches(page.margins.right),
        top: inches(page.margins.top),
        bottom: inches(page.margins.bottom),
        header: inches(page.margins.header),
        footer: inches(page.margins.footer),
      },
      firstPageNumber: 1, // each form numbers its own pages (LibreOffice then gives each sheet its own first page)
      printTitlesRow: page.titleRows ? `${page.titleRows.first + 1}:${page.titleRows.last + 1}` : undefined,
    },
    views: [{ showGridLines: false }],
  });
  if (page.firstPageMark) {
    // The 附件 mark above the title of the first page: 黑体 12 pt, left.
    ws.headerFooter = { differentFirst: true, firstHeader: markHeader(page.firstPageMark) };
  }
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(layout.heights)) ws.getRow(Number(row) + 1).height = h;

  // The rows of the table get borders on every cell, including the covered cells of a merge, so that
  // merged borders draw in every viewer; the lines around it (title, notes) get none, nor the
  // lines inside a group drawn as one box (layout.groups).
  const key = (r: number, c: number) => `${r}:${c}`;
  const open = new Map<string, Partial<ExcelJS.Borders>>();
  for (const g of layout.groups) {
    for (let r = g.top; r <= g.bottom; r++) {
      open.set(key(r, g.left), { left: THIN, right: THIN, ...(r === g.top ? { top: THIN } : {}), ...(r === g.bottom ? { bottom: THIN } : {}) });
    }
  }
  const borderOf = (r: number, c: number) => open.get(key(r, c)) ?? BORDER;
  for (const a of tableAreas(layout)) {
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = borderOf(r, c);
      cell.font = { name: FONT, size: STYLE_FONT_SIZE.input };
      cell.alignment = { vertical: "middle", wrapText: true };
    }
  }

  for (const lc of layout.cells) {
    const cell = ws.getCell(lc.row + 1, lc.col + 1);
    if (lc.formula) cell.value = { formula: lc.formula[flavour].replace(/^=/, "") };
    else if (lc.value !== null) cell.value = lc.value; // a string stays a string, even one starting with "="
    applyStyle(cell, lc.style, lc.type ? NUMBER_FORMATS[lc.type] : undefined, typeof lc.value === "string" || lc.type === "text" || lc.type === "indicatorValue");
    if (!OUTSIDE_TABLE.has(lc.style)) cell.border = borderOf(lc.row, lc.col);
    if (lc.vertical === "top") cell.alignment = { ...cell.alignment, vertical: "top" };
  }
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Shading only while blank: a filled form prints without fills (LibreOffice ignores "black and white").
  layout.fills.forEach((f, i) => {
    const ref = `${cellAddress(f.top, f.left)}:${cellAddress(f.bottom, f.right)}`;
    const argb = `FF${f.color.slice(1).toUpperCase()}`;
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: "expression", priority: i + 1, formulae: [f.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb } } } }],
    });
  });
  return name;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, numFmt: string | undefined, isText: boolean): void {
  const bold = style === "title" || style === "header";
  cell.font = { name: FONT, size: STYLE_FONT_SIZE[style], bold };
  const horizontal = style === "title" || style === "header" ? "center" : isText ? "left" : style === "label" ? "left" : "right";
  cell.alignment = { vertical: "middle", horizontal, wrapText: true };
  if (numFmt) cell.numFmt = numFmt;
}

// ---------------------------------------------------------------- reading

/** Loads a workbook file, or throws an InputError with a Chinese message (exit 2). */
export async function loadWorkbook(file: string): Promise<Workbook> {
  const buf = readWorkbookBytes(file);
  return loadWorkbookBuffer(buf, file);
}

export async function loadWorkbookBuffer(buf: Buffer, name: string): Promise<Workbook> {
  sniffWorkbook(buf, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    // Files from other tools (openpyxl, …) that Excel opens: read again with only the parts holding cells.
    const cells = await loadCellsOnly(buf);
    if (cells) return cells;
    throw new InputError(`无法读取「${name}」：文件结构不完整或有无法识别的部分，Excel 打开时可能也会提示修复。请在 Excel 或 LibreOffice 中打开后另存为 .xlsx 再试（技术细节：${(e as Error).message}）。`);
  }
  return wb;
}

/** A cell's value as the core expects it; merged-over cells are blank (the core reads the top-left cell). */
export function scalarOf(cell: ExcelJS.Cell): CellScalar {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  // cell.result, not value.result: exceljs's value copy drops a falsy cached result, so a formula
  // showing 0 (执行数 0, 执行率 0%) would read as blank. Read it as the sheet shows it.
  if (cell.type === ExcelJS.ValueType.Formula) return plainScalar((cell as { result?: unknown }).result ?? (v as ExcelJS.CellFormulaValue).result);
  return plainScalar(v);
}

function plainScalar(v: unknown): CellScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if (typeof o.error === "string") return o.error; // "#DIV/0!": the core reads it as an error value
    if ("text" in o) return plainScalar(o.text); // hyperlink
    if ("result" in o) return plainScalar(o.result); // formula value reported on a non-formula type
  }
  return null;
}

/** One worksheet as a Grid: values (formula cells → their cached result) and formulas ("=…"). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellScalar[][] = [];
  const formulas: (string | null)[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellScalar[] = [];
    const fr: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      vr[c - 1] = scalarOf(cell);
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) fr[c - 1] = `=${cell.formula}`;
    });
    values[r - 1] = vr;
    formulas[r - 1] = fr;
    width = Math.max(width, vr.length);
  });
  // Dense arrays (the core indexes values[r][c] directly).
  const rows = values.length;
  const dense = <T>(src: T[][]): (T | null)[][] =>
    Array.from({ length: rows }, (_, r) => {
      const line = src[r];
      const out = new Array<T | null>(width).fill(null);
      if (line) for (let c = 0; c < line.length; c++) if (line[c] !== undefined) out[c] = line[c];
      return out;
    });
  return { sheet: ws.name, values: dense(values) as CellScalar[][], formulas: dense(formulas) };
}

export function workbookToGrids(wb: Workbook): Grid[] {
  return wb.worksheets.map(worksheetToGrid);
}

export async function readGrids(file: string): Promise<Grid[]> {
  return workbookToGrids(await loadWorkbook(file));
}

/** Writes `wb` to `file` atomically (a temp file beside it, fsync, rename): a failure leaves any previous file as it was. */
export async function writeWorkbook(wb: Workbook, file: string): Promise<void> {
  const bytes = await wb.xlsx.writeBuffer();
  writeFileAtomic(file, Buffer.from(bytes as ArrayBuffer));
}

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.created = new Date();
  return wb;
}
