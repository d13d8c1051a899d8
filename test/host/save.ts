/**
 * Node only: writes the host's workbook to .xlsx with exceljs (values, formulas with their
 * computed result when an evaluator gave one, number formats, merges, column widths in
 * characters, row heights, fills, fonts, alignment, borders, frozen panes, tab colours), so a
 * test — or a person, or LibreOffice — can open what the add-in produced.
 */
import * as ExcelJS from "exceljs";
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "./host";
import type { BorderSpec, CellStyle } from "./model";
import { MAX_COLS } from "./address";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Points (Office.js `columnWidth`) → characters of the default font (the unit of .xlsx). */
export function pointsToCharacters(points: number): number {
  const px = points / 0.75;
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

const H_ALIGN: Record<string, ExcelJS.Alignment["horizontal"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const V_ALIGN: Record<string, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};

function borderStyle(b: BorderSpec): ExcelJS.BorderStyle {
  const medium = b.weight === "Medium" || b.weight === "Thick";
  switch (b.style) {
    case "Dash":
      return medium ? "mediumDashed" : "dashed";
    case "DashDot":
      return medium ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return medium ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    case "SlantDashDot":
      return "slantDashDot";
    default:
      return b.weight === "Hairline" ? "hair" : b.weight === "Medium" ? "medium" : b.weight === "Thick" ? "thick" : "thin";
  }
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontName) font.name = s.fontName;
  if (s.underline) font.underline = s.underline === "Double" || s.underline === "DoubleAccountant" ? "double" : "single";
  if (Object.keys(font).length > 0) cell.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign && H_ALIGN[s.hAlign]) alignment.horizontal = H_ALIGN[s.hAlign];
  if (s.vAlign && V_ALIGN[s.vAlign]) alignment.vertical = V_ALIGN[s.vAlign];
  if (s.wrap) alignment.wrapText = true;
  if (s.indent) alignment.indent = s.indent;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (s.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    const side = (b: BorderSpec): Partial<ExcelJS.Border> => ({ style: borderStyle(b), color: { argb: argb(b.color) } });
    if (s.borders.top) border.top = side(s.borders.top);
    if (s.borders.bottom) border.bottom = side(s.borders.bottom);
    if (s.borders.left) border.left = side(s.borders.left);
    if (s.borders.right) border.right = side(s.borders.right);
    const diag = s.borders.diagonalDown ?? s.borders.diagonalUp;
    if (diag) border.diagonal = { ...side(diag), up: Boolean(s.borders.diagonalUp), down: Boolean(s.borders.diagonalDown) };
    cell.border = border;
  }
}

/** The host's workbook as an exceljs Workbook. */
export function toExcelJs(host: ExcelHost): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const { model, engine } = host;
  const activeIndex = model.sheets.indexOf(model.active());
  model.sheets.forEach((sheet, index) => {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    });
    const common = { showGridLines: sheet.showGridlines, tabSelected: index === activeIndex };
    ws.views = [sheet.freeze ? { ...common, state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows } : { ...common, state: "normal" }];
    for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const [key, cell] of sheet.cells) {
      const r = Math.floor(key / MAX_COLS);
      const c = key % MAX_COLS;
      const target = ws.getCell(r + 1, c + 1);
      if (!sheet.isCovered(r, c)) {
        if (cell.f !== undefined) {
          const result = engine.valueOf(sheet, r, c, cell);
          target.value = result === null ? { formula: cell.f.slice(1), date1904: false } : { formula: cell.f.slice(1), result, date1904: false };
        } else if (cell.v !== undefined) target.value = cell.v;
      }
      if (cell.nf) target.numFmt = cell.nf;
      if (cell.s) applyStyle(target, cell.s);
    }
    for (const [c, points] of sheet.colWidths) ws.getColumn(c + 1).width = pointsToCharacters(points);
    for (const [r, points] of sheet.rowHeights) ws.getRow(r + 1).height = points;
  });
  return wb;
}

export async function saveXlsx(host: ExcelHost, path: string): Promise<void> {
  await toExcelJs(host).xlsx.writeFile(path);
}

export async function xlsxBuffer(host: ExcelHost): Promise<Buffer> {
  return Buffer.from(await toExcelJs(host).xlsx.writeBuffer());
}

/** createExcelHost() with `saveXlsx(path)` attached — for Node tests. */
export function createNodeExcelHost(options?: ExcelHostOptions): ExcelHost & { saveXlsx(path: string): Promise<void> } {
  const host = createExcelHost(options);
  return Object.assign(host, { saveXlsx: (path: string) => saveXlsx(host, path) });
}
