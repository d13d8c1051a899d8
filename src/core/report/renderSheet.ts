/**
 * The report as rows of a new sheet (自评报告): one paragraph per row, merged across
 * the sheet's width and wrapped, headings bold, every cell text (number format "@",
 * so that "85.23%" stays as written). Data only: the hosts write it.
 */
import { blockText, isPrompt, type ReportBlock, type ReportDocument } from "./document";
import { PROMPT_COLOR } from "./style";

/** The sheet the generated report is written to (a free name is chosen when it exists). */
export const REPORT_SHEET_NAME = "自评报告";

export type ReportRowStyle = "title" | "heading1" | "heading2" | "body" | "prompt" | "caption" | "unit" | "tableHeader" | "tableRow" | "signature";

export interface ReportRowFormat {
  size: number; // pt
  bold: boolean;
  align: "left" | "center" | "right";
  color?: string; // #RRGGBB
  border?: boolean;
}

/** How each kind of row looks in Excel (fonts are left to the workbook: 等线/宋体 are fine on screen). */
export const REPORT_ROW_FORMATS: Record<ReportRowStyle, ReportRowFormat> = {
  title: { size: 16, bold: true, align: "center" },
  heading1: { size: 12, bold: true, align: "left" },
  heading2: { size: 11, bold: true, align: "left" },
  body: { size: 11, bold: false, align: "left" },
  /** Every note to the user (【待填写：…】, 【请核对：…】), red as in the .docx and the clipboard HTML. */
  prompt: { size: 11, bold: false, align: "left", color: PROMPT_COLOR },
  signature: { size: 11, bold: false, align: "right" },
  caption: { size: 11, bold: true, align: "center" },
  unit: { size: 10, bold: false, align: "right" },
  tableHeader: { size: 10, bold: true, align: "center", border: true },
  tableRow: { size: 10, bold: false, align: "center", border: true },
};

export interface ReportSheetRow {
  row: number; // 0-based
  style: ReportRowStyle;
  /** One text per column from A; a paragraph has one, merged across all columns. */
  cells: string[];
  merged: boolean;
  height: number; // pt
}

export interface ReportSheet {
  name: string;
  /** Column widths in characters (Excel's unit: the width of "0"). */
  widths: number[];
  rows: ReportSheetRow[];
  numberFormat: "@";
}

/** Six columns of 15: about 45 Chinese characters a line at 11 pt, a comfortable reading width. */
const WIDTHS = [15, 15, 15, 15, 15, 15];
const LINE_PT: Record<number, number> = { 10: 13.5, 11: 15, 12: 16.5, 16: 21 };
const MAX_ROW_PT = 409; // Excel's limit

/** Display width in Excel's character units: a Chinese character counts 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return w;
}

function height(text: string, widthUnits: number, size: number): number {
  const perLine = Math.max(1, Math.floor((widthUnits * 11) / size) - 1);
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / perLine)), 0);
  return Math.min(MAX_ROW_PT, Math.ceil(lines * (LINE_PT[size] ?? size * 1.35) + 4));
}

/** A name not yet taken: 自评报告, 自评报告(2), …; an earlier (possibly edited) report is never replaced. */
export function freeReportSheetName(existing: readonly string[], base = REPORT_SHEET_NAME): string {
  const taken = new Set(existing.map((n) => n.trim()));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const name = `${base}(${k})`;
    if (!taken.has(name)) return name;
  }
}

export function renderSheet(doc: ReportDocument, name = REPORT_SHEET_NAME): ReportSheet {
  const total = WIDTHS.reduce((a, b) => a + b, 0);
  const rows: ReportSheetRow[] = [];
  const line = (style: ReportRowStyle, text: string, indent = true) => {
    const shown = indent && (style === "body" || style === "prompt" || style === "heading1" || style === "heading2") ? `\u3000\u3000${text}` : text;
    rows.push({ row: rows.length, style, cells: [shown], merged: true, height: height(shown, total, REPORT_ROW_FORMATS[style].size) });
  };
  const table = (b: Extract<ReportBlock, { kind: "table" }>) => {
    line("caption", b.caption, false);
    line("unit", `单位：${b.unit}`, false);
    const cols = Math.min(WIDTHS.length, b.header.length);
    const fit = (cells: string[]) => (cells.length <= cols ? cells : [...cells.slice(0, cols - 1), cells.slice(cols - 1).join(" ")]);
    const tableRow = (style: ReportRowStyle, cells: string[]) => {
      const h = Math.max(...fit(cells).map((c) => height(c, WIDTHS[0], REPORT_ROW_FORMATS[style].size)));
      rows.push({ row: rows.length, style, cells: fit(cells), merged: false, height: h });
    };
    tableRow("tableHeader", b.header);
    for (const r of b.rows) tableRow("tableRow", r);
  };
  for (const b of doc.blocks) {
    if (b.kind === "title") line("title", b.lines.join("\n"), false);
    else if (b.kind === "heading") line(b.level === 1 ? "heading1" : "heading2", b.text);
    else if (b.kind === "table") table(b);
    else if (b.kind === "signature") {
      // 右空四字: four ideographic spaces after each line.
      for (const l of b.lines) line(l.some((r) => r.prompt) ? "prompt" : "signature", `${l.map((r) => r.text).join("")}\u3000\u3000\u3000\u3000`, false);
    } else line(isPrompt(b) ? "prompt" : "body", blockText(b));
  }
  return { name, widths: WIDTHS, rows, numberFormat: "@" };
}
