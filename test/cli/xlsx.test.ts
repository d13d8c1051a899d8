/**
 * exceljs ⇄ core: the template writer (native formulas, formats, fills, merges, widths, text kept as
 * text) and the grid reader (merged cells, rich text, dates, cached results), on real .xlsx files.
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { HUNAN_2024, NUMBER_FORMATS, packageLayouts, readWorkbook } from "../../src/core";
import { zipEntries } from "../../src/cli/sniff";
import { freeSheetName, loadWorkbook, newWorkbook, workbookToGrids, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";
import { loadSeed } from "../helpers/seeds";
import { tmpDir } from "./helpers";

const dir = tmpDir("xlsx");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reload(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await writeWorkbook(wb, file);
  return loadWorkbook(file);
}

describe("template writer", () => {
  const layouts = packageLayouts({ year: 2024, unit: "湖南省政务服务和大数据中心", preset: HUNAN_2024, projects: 2 });
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const w = newWorkbook();
    writeLayouts(w, layouts);
    wb = await reload(w, "template.xlsx");
  });

  test("one sheet per form, in order, with the layout's names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "附件3 项目1", "附件3 项目2"]);
  });

  test("computed cells hold the native formula only (no JX call), with the type's number format", () => {
    let formulas = 0;
    layouts.forEach((layout, i) => {
      const ws = wb.worksheets[i];
      for (const c of layout.cells.filter((x) => x.formula)) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        expect(`=${cell.formula}`).toBe(c.formula!.native);
        expect(cell.formula).not.toMatch(/JX\./i);
        if (c.type) expect(cell.numFmt ?? "General").toBe(NUMBER_FORMATS[c.type]); // exceljs reads the default format back as undefined
        formulas++;
      }
    });
    expect(formulas).toBeGreaterThan(10);
    // 附件1 控制率 (F3) = 在职 ÷ 编制, shown as a percentage.
    const f3 = wb.worksheets[0].getCell("F3");
    expect(f3.formula).toBe('IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))');
    expect(f3.numFmt).toBe("0.00%");
  });

  test("inputs light yellow and computed cells grey only while blank (no fill prints), headers and title bold, table cells bordered", () => {
    const ws = wb.worksheets[0];
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("B3")).toBeUndefined(); // no static fill: it would print
    type Cf = { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] };
    const cfs = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
    const cf = (ref: string) => cfs.find((c) => c.ref === ref)?.rules[0];
    expect(cf("B3:B3")).toMatchObject({ formulae: ["LEN(B3)=0"], style: { fill: { bgColor: { argb: "FFFFF2CC" } } } }); // 编制数: input
    expect(cf("F3:F3")).toMatchObject({ formulae: ["LEN(F3)=0"], style: { fill: { bgColor: { argb: "FFEDEDED" } } } }); // 控制率: computed
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").value).toBe("2024年度部门整体支出绩效评价基础数据表");
    expect(ws.getCell("B2").font?.bold).toBe(true); // 编制数 header
    expect(ws.getCell("B3").border?.top?.style).toBe("thin");
    expect(ws.getCell("B3").alignment?.wrapText).toBe(true);
  });

  test("page setup and row heights are the layout's: A4, fit to one page wide, title rows, 附件 mark on the first page", () => {
    layouts.forEach((layout, i) => {
      const ws = wb.worksheets[i];
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: layout.page.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, blackAndWhite: true });
      expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 }); // 36 pt, 43 pt
      for (let r = 0; r < layout.rowCount; r++) expect(ws.getRow(r + 1).height).toBe(layout.heights[r]);
    });
    expect(wb.worksheets[1].pageSetup.orientation).toBe("landscape"); // 附件2
    expect(wb.worksheets[1].pageSetup.printTitlesRow).toBe("12:12"); // 一级指标… header
    expect(wb.worksheets[1].headerFooter.firstHeader).toContain("附件2");
  });

  test("merges and column widths are the layout's", () => {
    layouts.forEach((layout, i) => {
      const ws = wb.worksheets[i];
      const merges = (ws.model as unknown as { merges: string[] }).merges.slice().sort();
      const expected = layout.merges.map((m) => `${ws.getCell(m.top + 1, m.left + 1).address}:${ws.getCell(m.bottom + 1, m.right + 1).address}`).sort();
      expect(merges).toEqual(expected);
      layout.widths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
    });
    expect(wb.worksheets[0].getCell("A1").isMerged).toBe(true);
  });

  test("the unit name given is written into 附件2 and the project sheets", () => {
    const grids = workbookToGrids(wb);
    expect(readWorkbook(grids).pkg.unit).toBe("湖南省政务服务和大数据中心");
  });
});

describe("text stays text", () => {
  test("a text value starting with = is written as a string, not as a formula", async () => {
    const pkg = loadSeed("003");
    const ind = pkg.selfEvaluation!.indicators[0];
    ind.reason = "=A1+1";
    ind.target = "=100%";
    const w = newWorkbook();
    writeLayouts(w, packageLayouts({ year: 2024, preset: HUNAN_2024 }, pkg));
    const file = path.join(dir, "text.xlsx");
    await writeWorkbook(w, file);

    // In the file itself: no <f> element holds the text.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(zipEntries(fs.readFileSync(file))).toContain("xl/worksheets/sheet2.xml");
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet2).not.toContain("<f>A1+1</f>");
    expect(sheet2).not.toContain("<f>100%</f>");

    const wb = await loadWorkbook(file);
    const row = 13; // first indicator row of 附件2 (see test/core/golden.test.ts)
    expect(wb.worksheets[1].getCell(`I${row}`).value).toBe("=A1+1");
    expect(wb.worksheets[1].getCell(`I${row}`).type).not.toBe(ExcelJS.ValueType.Formula);
    const read = readWorkbook(workbookToGrids(wb));
    expect(read.pkg.selfEvaluation!.indicators[0].reason).toBe("=A1+1");
    expect(read.pkg.selfEvaluation!.indicators[0].target).toBe("=100%");
  });
});

describe("grid reader", () => {
  test("merged cells, rich text, dates, cached formula results, errors, hyperlinks", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("数据");
    ws.getCell("A1").value = "标题";
    ws.mergeCells("A1:C2");
    ws.getCell("A3").value = { richText: [{ text: "富", font: { bold: true } }, { text: "文本" }] };
    ws.getCell("B3").value = new Date(Date.UTC(2025, 3, 17));
    ws.getCell("C3").value = 4;
    ws.getCell("D3").value = { formula: "C3/8", result: 0.5 };
    ws.getCell("E3").value = { formula: "C3*2" }; // no cached result
    ws.getCell("F3").value = { formula: "C3/0", result: { error: "#DIV/0!" } };
    ws.getCell("G3").value = { text: "链接", hyperlink: "https://example.invalid/" };
    ws.getCell("H3").value = true;
    ws.getCell("B5").value = "末行";
    const grid = workbookToGrids(await reload(w, "reader.xlsx"))[0];
    expect(grid.sheet).toBe("数据");
    expect(grid.values[0].slice(0, 3)).toEqual(["标题", null, null]); // the master only
    expect(grid.values[1].slice(0, 3)).toEqual([null, null, null]);
    expect(grid.values[2]).toEqual(["富文本", "2025-04-17", 4, 0.5, null, "#DIV/0!", "链接", true]);
    expect(grid.formulas![2].slice(3, 6)).toEqual(["=C3/8", "=C3*2", "=C3/0"]);
    expect(grid.formulas![2][0]).toBeNull();
    // Dense rows: the blank row 4 and short rows are padded to the widest row.
    expect(grid.values).toHaveLength(5);
    expect(grid.values[3]).toEqual(new Array(8).fill(null));
    expect(grid.values[4]).toEqual([null, "末行", null, null, null, null, null, null]);
  });
});

describe("cached formula results of 0 (issue 9)", () => {
  test("a formula showing 0 or FALSE reads as 0 / false, as the sheet shows it, not as blank", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("数据");
    ws.getCell("A1").value = 0;
    ws.getCell("B1").value = { formula: "A1*2", result: 0 }; // 执行数 0
    ws.getCell("C1").value = { formula: "IF(A1>0,A1/1,0)", result: 0 }; // 执行率 0%
    ws.getCell("D1").value = { formula: "A1>0", result: false };
    ws.getCell("E1").value = { formula: "A1+1" }; // never computed: still blank
    const grid = workbookToGrids(await reload(w, "zero.xlsx"))[0];
    expect(grid.values[0]).toEqual([0, 0, 0, false, null]);
  });
});

describe("free sheet names", () => {
  test("a taken name gets (2), (3)…, compared without case, within 31 characters", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("附件1 基础数据表");
    wb.addWorksheet("Sheet");
    expect(freeSheetName(wb, "附件2 整体支出自评表")).toBe("附件2 整体支出自评表");
    expect(freeSheetName(wb, "附件1 基础数据表")).toBe("附件1 基础数据表(2)");
    expect(freeSheetName(wb, "SHEET")).toBe("SHEET(2)");
    wb.addWorksheet("附件1 基础数据表(2)");
    expect(freeSheetName(wb, "附件1 基础数据表")).toBe("附件1 基础数据表(3)");
    const long = "附件3 株洲市天元区视频监控镇、街道新建及教育系统升级"; // 29 characters
    wb.addWorksheet(long);
    const free = freeSheetName(wb, long);
    expect(free.length).toBeLessThanOrEqual(31);
    expect(free.endsWith("(2)")).toBe(true);
  });

  test("writing layouts into a workbook that already has their names", () => {
    const wb = newWorkbook();
    wb.addWorksheet("附件1 基础数据表");
    const names = writeLayouts(wb, packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 0 }));
    expect(names).toEqual(["附件1 基础数据表(2)", "附件2 整体支出自评表"]);
  });
});

describe("layering", () => {
  test("exceljs and the CLI stay out of the core and the browser code (task pane, functions, commands)", () => {
    const src = path.join(__dirname, "..", "..", "src");
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.tsx?$/.test(e.name) && /from\s+["'](exceljs|node:worker_threads|(\.\.\/)+cli\b[^"']*)["']/.test(fs.readFileSync(f, "utf8"))) offenders.push(path.relative(src, f));
      }
    };
    for (const d of ["core", "taskpane", "functions", "commands"]) if (fs.existsSync(path.join(src, d))) walk(path.join(src, d));
    expect(offenders).toEqual([]);
  });
});
