/**
 * The light read of check (fastGrids): the Grids it reads straight from the package equal, cell for
 * cell, the ones exceljs gives (workbookToGrids); what it does not reproduce is left to exceljs (null).
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { HUNAN_2024, packageLayouts } from "../../src/core";
import { gridsFromPackage } from "../../src/cli/fastGrids";
import { newWorkbook, workbookToGrids, writeLayouts } from "../../src/cli/xlsx";

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function viaExceljs(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return workbookToGrids(wb);
}

describe("gridsFromPackage", () => {
  it("reads the injected forms as exceljs does (merges, formulas, blanks)", async () => {
    const wb = newWorkbook();
    writeLayouts(wb, packageLayouts({ year: 2024, unit: "某单位", preset: HUNAN_2024, projects: 2 }));
    const buf = await bytes(wb);
    const fast = gridsFromPackage(buf);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(await viaExceljs(buf));
  });

  it("reads every kind of value as exceljs does: text, rich text, numbers, booleans, errors, cached results 0 included", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表 & 一");
    ws.getCell("A1").value = "预算执行率";
    ws.getCell("B1").value = { richText: [{ text: "全年" }, { text: "执行数", font: { bold: true } }] };
    ws.getCell("C1").value = 80.19;
    ws.getCell("D1").value = true;
    ws.getCell("E1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = { formula: "C1*0", result: 0 };
    ws.getCell("B2").value = { formula: "A1&\"<文本>\"", result: "预算执行率<文本>" };
    ws.getCell("C2").value = { formula: "C1" };
    ws.getCell("D3").value = "=不是公式";
    ws.getCell("F4").style = { font: { bold: true } }; // a styled blank
    ws.mergeCells("A5:C6");
    ws.getCell("A5").value = "合并";
    wb.addWorksheet("空表");
    const buf = await bytes(wb);
    const fast = gridsFromPackage(buf);
    expect(fast).not.toBeNull();
    const ref = await viaExceljs(buf);
    expect(fast).toEqual(ref);
    // Typed in, not from the code: the cached 0 is read as 0, the text "=不是公式" stays text.
    expect(fast![0].values[1][0]).toBe(0);
    expect(fast![0].formulas![1][0]).toBe("=C1*0");
    expect(fast![0].values[2][3]).toBe("=不是公式");
    expect(fast![0].sheet).toBe("表 & 一");
  });

  it("leaves to exceljs what it does not reproduce: dates, shared formulas, hyperlinks", async () => {
    const dated = new ExcelJS.Workbook();
    dated.addWorksheet("a").getCell("A1").value = new Date(Date.UTC(2024, 11, 31));
    expect(gridsFromPackage(await bytes(dated))).toBeNull();

    const shared = new ExcelJS.Workbook();
    const s = shared.addWorksheet("a");
    s.getCell("A1").value = 1;
    s.getCell("A2").value = 2;
    s.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
    s.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
    expect(gridsFromPackage(await bytes(shared))).toBeNull();

    const linked = new ExcelJS.Workbook();
    linked.addWorksheet("a").getCell("A1").value = { text: "链接", hyperlink: "https://example.org" };
    expect(gridsFromPackage(await bytes(linked))).toBeNull();
  });

  it("reads the shared cases' published forms as exceljs does", async () => {
    const root = path.join(__dirname, "..", "..", "..", "shared", "cases", "variants");
    const forms = fs.existsSync(root) ? fs.readdirSync(root).map((d) => path.join(root, d, "form.xlsx")).filter((f) => fs.existsSync(f)) : [];
    const fixtures = path.join(__dirname, "..", "fixtures", "variants");
    const more = fs.existsSync(fixtures) ? fs.readdirSync(fixtures, { recursive: true }).map(String).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(fixtures, f)) : [];
    const files = [...forms, ...more];
    expect(files.length).toBeGreaterThan(0);
    let read = 0;
    for (const f of files) {
      const buf = fs.readFileSync(f);
      const fast = gridsFromPackage(buf);
      if (!fast) continue;
      read++;
      expect([f, fast]).toEqual([f, await viaExceljs(buf)]);
    }
    expect(read).toBeGreaterThan(0);
  });
});
