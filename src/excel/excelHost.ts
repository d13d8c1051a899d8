/**
 * The Excel implementation of SpreadsheetHost: the only module that calls
 * Office.js. Each action loads what it needs, syncs once, works in core, and
 * writes everything in one batch: read + check is 2 round trips and insert 2,
 * whatever the number of sheets, rows or projects (a write above the request
 * size limit is split, and only then takes more).
 */
import { freeReportSheetName, REPORT_ROW_FORMATS, STYLE_FONT_SIZE, FORM_FONT, markHeader, type RowHeight, type CellScalar, type CellStyle, type FormulaFlavour, type Grid, type ReportSheet, type SheetLayout } from "../core";
import { HostError, type CellWrite, type InsertResult, type SpreadsheetHost } from "../host/types";
import { asText, fontSizeOf, freeName, payloadSize, toSheetWrite, type SheetWrite } from "./write";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Excel.run (injected by tests). */
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported (injected by tests). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Bytes per request; Excel on the web refuses more than 5 MB. */
  maxPayload?: number;
  /** How often to retry while the user is editing a cell, and how long to wait between tries. */
  retries?: number;
  wait?: (ms: number) => Promise<void>;
}

const EDIT_MODE = "InvalidOperationInCellEditMode";

function officeCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}

/** Office errors in the user's words. */
function explain(e: unknown, doing: string): HostError {
  if (e instanceof HostError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case EDIT_MODE:
      return new HostError(`${doing}失败：Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。`, code);
    case "ItemNotFound":
      return new HostError(`${doing}失败：找不到对应的工作表或单元格，可能已被改名或删除。请重新校验后再试。`, code);
    case "ItemAlreadyExists":
      return new HostError(`${doing}失败：已有同名工作表。请重试，加载项会自动改用空闲的名称。`, code);
    case "RequestPayloadSizeLimitExceeded":
      return new HostError(`${doing}失败：一次写入的数据超过了 Excel 的上限。请减少项目数量后分批插入。`, code);
    case "AccessDenied":
    case "InvalidOperation":
      return new HostError(`${doing}失败：工作簿或工作表受保护，或当前不允许修改（${detail}）。`, code);
    default:
      return new HostError(`${doing}失败：${detail}`, code || "Unknown");
  }
}

export function createExcelHost(options: ExcelHostOptions = {}): SpreadsheetHost {
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  const maxPayload = options.maxPayload ?? 4_500_000;
  const retries = options.retries ?? 5;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const supports = (name: string, version: string): boolean => {
    const check = options.isSetSupported ?? ((n: string, v: string) => (typeof Office !== "undefined" ? Office.context.requirements.isSetSupported(n, v) : false));
    try {
      return check(name, version);
    } catch {
      return false;
    }
  };

  /** Runs a batch, trying again while the user is editing a cell (Excel refuses API calls then). */
  async function attempt<T>(doing: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await run(batch);
      } catch (e) {
        if (officeCode(e) === EDIT_MODE && i < retries) {
          await wait(400 * (i + 1));
          continue;
        }
        throw explain(e, doing);
      }
    }
  }

  return {
    name: "Excel",

    async readGrids(): Promise<Grid[]> {
      return attempt("读取工作表", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const used = sheets.items.map((sheet) => {
          const range = sheet.getUsedRangeOrNullObject();
          range.load(["values", "formulas", "rowIndex", "columnIndex", "isNullObject"]);
          return range;
        });
        await context.sync();
        return sheets.items.map((sheet, i) => toGrid(sheet.name, used[i]));
      });
    },

    async sheetNames(): Promise<string[]> {
      return attempt("读取工作表名称", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
    },

    async insertSheets(layouts: SheetLayout[], flavour: FormulaFlavour): Promise<InsertResult> {
      return attempt("插入模板", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const taken = new Set(sheets.items.map((s) => s.name));
        const names: string[] = [];
        const batch = new Batcher(context, maxPayload);
        let first: Excel.Worksheet | null = null;
        for (const layout of layouts) {
          const name = freeName(layout.name, taken);
          taken.add(name);
          names.push(name);
          await batch.add(COMMAND_BYTES);
          const sheet = sheets.add(name);
          first ??= sheet;
          // Page layout needs ExcelApi 1.9 and conditional formats 1.6: older Excel gets the sheet without them.
          await queueSheet(batch, sheet, toSheetWrite(layout, flavour), maxPayload, { pageLayout: supports("ExcelApi", "1.9"), conditionalFormats: supports("ExcelApi", "1.6") });
        }
        first?.activate();
        await context.sync();
        return { names };
      });
    },

    async insertReportSheet(report: ReportSheet): Promise<string> {
      return attempt("写入报告工作表", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = freeReportSheetName(sheets.items.map((s) => s.name), report.name);
        const sheet = sheets.add(name);
        const batch = new Batcher(context, maxPayload);
        const cols = report.widths.length;
        for (const row of report.rows) {
          const texts = row.cells.map((t) => asText(t, "text"));
          const width = row.merged ? cols : Math.max(1, texts.length);
          const range = sheet.getRangeByIndexes(row.row, 0, 1, width);
          await batch.add(new TextEncoder().encode(JSON.stringify(texts)).length + 8 * COMMAND_BYTES);
          // Text format first: every figure stays as written ("85.23%" is not turned into 0.8523).
          range.numberFormat = [Array<string>(width).fill(report.numberFormat)];
          range.values = [row.merged ? [texts[0] ?? "", ...Array<string>(width - 1).fill("")] : [...texts, ...Array<string>(width - texts.length).fill("")]];
          if (row.merged) range.merge(false);
          const format = REPORT_ROW_FORMATS[row.style];
          range.format.wrapText = true;
          range.format.verticalAlignment = "Top";
          range.format.horizontalAlignment = format.align === "center" ? "Center" : format.align === "right" ? "Right" : "Left";
          range.format.font.size = format.size;
          range.format.font.bold = format.bold;
          if (format.color) range.format.font.color = format.color;
          range.format.rowHeight = row.height;
          if (format.border) for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const) range.format.borders.getItem(edge).style = "Continuous";
        }
        report.widths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7));
        sheet.activate();
        await context.sync();
        return name;
      });
    },

    async writeCells(writes: CellWrite[], heights: RowHeight[] = []): Promise<void> {
      if (writes.length === 0 && heights.length === 0) return;
      await attempt("改写单元格", async (context) => {
        const batch = new Batcher(context, maxPayload);
        const sheets = new Map<string, Excel.Worksheet>();
        const sheetOf = (name: string) => {
          let sheet = sheets.get(name);
          if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
          return sheet;
        };
        for (const w of writes) {
          const content = w.formula ?? (typeof w.value === "string" ? asText(w.value, "text") : (w.value ?? ""));
          await batch.add(new TextEncoder().encode(JSON.stringify(content)).length + COMMAND_BYTES);
          sheetOf(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1).formulas = [[content as string | number | boolean]];
        }
        await queueHeights(batch, sheetOf, heights);
        await context.sync();
      });
    },

    async setRowHeights(heights: RowHeight[]): Promise<void> {
      if (heights.length === 0) return;
      await attempt("调整行高", async (context) => {
        const batch = new Batcher(context, maxPayload);
        const sheets = new Map<string, Excel.Worksheet>();
        await queueHeights(batch, (name) => {
          let sheet = sheets.get(name);
          if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
          return sheet;
        }, heights);
        await context.sync();
      });
    },

    async deleteSheet(name: string): Promise<void> {
      await attempt(`删除工作表「${name}」`, async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
    },

    async select(sheet: string, cell: string): Promise<void> {
      await attempt(`定位到「${sheet}」${cell}`, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },

    async onChange(handler: () => void) {
      let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      await attempt("监听单元格修改", async (context) => {
        // Our own writes (inserting templates) raise the event too: only the user's edits trigger a re-check.
        registration = context.workbook.worksheets.onChanged.add(async (event) => {
          if (event.triggerSource !== "ThisLocalAddin") handler();
        });
        await context.sync();
      });
      return async () => {
        const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
        if (!r) return;
        await attempt("取消监听", async () => {
          r.remove();
          await r.context.sync();
        });
      };
    },

    supportsCustomFunctions(): boolean {
      return supports("CustomFunctionsRuntime", "1.1");
    },
  };
}

/** A used range as a grid aligned to A1 (Excel's used range may start at B3). */
function toGrid(name: string, range: Excel.Range): Grid {
  if (range.isNullObject) return { sheet: name, values: [], formulas: [] };
  const top = range.rowIndex;
  const left = range.columnIndex;
  const pad = <T>(rows: T[][], fill: T): T[][] => [...Array.from({ length: top }, () => [] as T[]), ...rows.map((r) => [...Array<T>(left).fill(fill), ...r])];
  const values = pad(range.values as CellScalar[][], null);
  // A text cell typed with a ' prefix ("'=JX.RATE(1,4) 示例") reports its text under formulas too, equal to
  // its value; a real formula's value is its result. Only the latter is a formula.
  const raw = range.values as unknown[][];
  const formulas = pad(
    (range.formulas as unknown[][]).map((r, i) => r.map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== raw[i]?.[j] ? f : null))),
    null,
  );
  return { sheet: name, values, formulas };
}

/** Keeps each request under the size limit: syncs before a command that would cross it. */
class Batcher {
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly max: number,
  ) {}
  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.max) {
      await this.context.sync();
      this.pending = 0;
    }
    this.pending += bytes;
  }
}

/** Queues row heights (consecutive rows of one sheet with the same height in one command). */
async function queueHeights(batch: Batcher, sheetOf: (name: string) => Excel.Worksheet, heights: RowHeight[]): Promise<void> {
  const sorted = [...heights].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
  for (let i = 0; i < sorted.length; ) {
    const h = sorted[i];
    let n = 1;
    while (i + n < sorted.length && sorted[i + n].sheet === h.sheet && sorted[i + n].row === h.row + n && sorted[i + n].height === h.height) n++;
    await batch.add(COMMAND_BYTES);
    sheetOf(h.sheet).getRangeByIndexes(h.row, 0, n, 1).format.rowHeight = h.height;
    i += n;
  }
}

/** Allowance per queued format command (see payloadSize). */
const COMMAND_BYTES = 250;

/**
 * Queues one sheet's contents, formats, merges and sizes. Syncs in between only when the queued
 * requests would exceed the size limit (a large package on Excel on the web).
 */
async function queueSheet(batch: Batcher, sheet: Excel.Worksheet, w: SheetWrite, maxPayload: number, can: { pageLayout: boolean; conditionalFormats: boolean }): Promise<void> {
  const size = payloadSize(w);
  const chunks = Math.max(1, Math.ceil((2 * size) / maxPayload));
  const rowsPerChunk = Math.ceil(w.rows / chunks);
  for (let start = 0; start < w.rows; start += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, w.rows - start);
    const numberFormat = w.numberFormats.slice(start, start + n);
    const formulas = w.contents.slice(start, start + n);
    await batch.add(new TextEncoder().encode(JSON.stringify([numberFormat, formulas])).length + COMMAND_BYTES);
    const range = sheet.getRangeByIndexes(start, 0, n, w.cols);
    // Formats first, so that Excel reads the contents with them (text stays text).
    range.numberFormat = numberFormat;
    range.formulas = formulas;
    range.format.wrapText = true;
    range.format.verticalAlignment = "Center";
    range.format.font.name = FORM_FONT;
    range.format.font.size = STYLE_FONT_SIZE.input;
  }
  // Thin borders around every cell of the table (not the title and notes), as on the printed forms;
  // none between the rows of a heading drawn as one box.
  for (const t of w.tables) {
    const body = sheet.getRangeByIndexes(t.row, t.col, t.rows, t.cols);
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      await batch.add(COMMAND_BYTES);
      const border = body.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
  for (const g of w.groups) {
    await batch.add(COMMAND_BYTES);
    sheet.getRangeByIndexes(g.row, g.col, g.rows, g.cols).format.borders.getItem("InsideHorizontal").style = "None";
  }
  for (const m of w.merges) {
    await batch.add(COMMAND_BYTES);
    sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  }
  // Shading only while a cell is blank (conditional format): a filled form prints without fills even
  // where "black and white" is ignored (LibreOffice, WPS).
  for (const f of w.fills) {
    await batch.add(3 * COMMAND_BYTES);
    const range = sheet.getRangeByIndexes(f.top, f.left, f.bottom - f.top + 1, f.right - f.left + 1);
    if (!can.conditionalFormats) {
      range.format.fill.color = f.color; // Excel before ExcelApi 1.6: a plain fill (it prints)
      continue;
    }
    const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${f.formula}`;
    cf.custom.format.fill.color = f.color;
  }
  for (const style of ["title", "header"] as const) {
    for (const [r, c] of w.styles[style] ?? []) {
      await batch.add(COMMAND_BYTES);
      sheet.getRangeByIndexes(r, c, 1, 1).format.font.bold = true;
    }
  }
  for (const [style, cells] of Object.entries(w.styles) as [CellStyle, [number, number][]][]) {
    const size = fontSizeOf(style);
    if (size === null) continue;
    for (const [r, c] of cells) {
      await batch.add(COMMAND_BYTES);
      sheet.getRangeByIndexes(r, c, 1, 1).format.font.size = size;
    }
  }
  for (const [r, c] of w.tops) {
    await batch.add(COMMAND_BYTES);
    sheet.getRangeByIndexes(r, c, 1, 1).format.verticalAlignment = "Top";
  }
  for (let c = 0; c < w.widths.length; c++) {
    await batch.add(COMMAND_BYTES);
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w.widths[c];
  }
  if (can.pageLayout) {
    await batch.add(16 * COMMAND_BYTES);
    queuePageLayout(sheet, w);
  }
  for (const h of w.heights) {
    await batch.add(COMMAND_BYTES);
    sheet.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
  }
}

/** A4 page setup of a form (SheetLayout.page): ExcelApi 1.9 pageLayout, queued with the sheet. */
function queuePageLayout(sheet: Excel.Worksheet, w: SheetWrite): void {
  const p = w.page;
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.leftMargin = p.margins.left;
  layout.rightMargin = p.margins.right;
  layout.topMargin = p.margins.top;
  layout.bottomMargin = p.margins.bottom;
  layout.headerMargin = p.margins.header;
  layout.footerMargin = p.margins.footer;
  layout.centerHorizontally = p.centerHorizontally;
  layout.blackAndWhite = p.blackAndWhite;
  // One page wide; leaving verticalFitToPages unset means as many pages tall as needed.
  layout.zoom = { horizontalFitToPages: p.fitToWidth };
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  if (p.firstPageMark) {
    layout.headersFooters.state = "FirstAndDefault";
    layout.headersFooters.firstPage.leftHeader = markHeader(p.firstPageMark);
  }
}
