/**
 * The Excel adapter against the in-memory Excel host (Office.js semantics: proxies, load/sync,
 * "=" becoming a formula, sync counting).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkGrids, HUNAN_2024, layoutSheet, packageLayouts, projectTemplate, readWorkbook, type Package } from "../../src/core";
import { createExcelHost as createAdapter } from "../../src/excel/excelHost";
import { planFinalize } from "../../src/taskpane/finalize";
import { createExcelHost, type ExcelHost } from "../host";
import { createNodeExcelHost } from "../host/save";
import { loadSeed } from "../helpers/seeds";

function adapterOn(host: ExcelHost, extra: Parameters<typeof createAdapter>[0] = {}) {
  // Every ExcelApi set (page layout, conditional formats), no custom functions.
  return createAdapter({ run: host.run as never, isSetSupported: (name) => name === "ExcelApi", wait: async () => undefined, ...extra });
}

function emptyPackage(projects: number): Package {
  const seed = loadSeed("004");
  return { ...seed, projects: Array.from({ length: projects }, (_, i) => ({ ...seed.projects[i % seed.projects.length], name: `项目${i + 1}` })) };
}

describe("insert → read back", () => {
  test.each(["002", "003", "004"] as const)("seed %s written through Excel reads back as the same model", async (id) => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    const seed = loadSeed(id);
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024 }, seed);
    await excel.insertSheets(layouts, "native");
    const viaExcel = readWorkbook(await excel.readGrids()).pkg;
    expect(viaExcel).toEqual(readWorkbook(layouts.map((l) => toGrid(l))).pkg);
    expect(viaExcel.basic?.sangong).toEqual(seed.basic?.sangong);
  });

  test("seed 003 in Excel gives the DOMAIN.md findings at the same cells", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    await excel.insertSheets(packageLayouts({ year: 2024, preset: HUNAN_2024 }, loadSeed("003")), "native");
    const findings = checkGrids(await excel.readGrids()).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(findings).toEqual(expect.arrayContaining(["EVAL.INCOME_SUM D5", "EVAL.PROJECT_VS_BASIC H7", "INDICATOR.VS_BASIC F27", "INDICATOR.VS_BASIC F28", "SUM.ROUNDING F11"]));
  });

  test("computed cells hold the chosen flavour; text starting with = stays text", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    const layouts = packageLayouts({ year: 2024, unit: "=HYPERLINK(\"x\")", projects: 1, preset: HUNAN_2024 });
    await excel.insertSheets(layouts, "jx");
    const basic = host.sheet("附件1 基础数据表");
    expect(basic.formula("F3")).toBe('=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))');
    const evaluation = host.sheet("附件2 整体支出自评表");
    expect(evaluation.value("C2")).toBe('=HYPERLINK("x")'); // the unit name, as text
    expect(evaluation.formula("C2")).toBe('=HYPERLINK("x")');
    await excel.insertSheets([layouts[0]], "native");
    expect(host.sheet("附件1 基础数据表 (2)").formula("F3")).toBe('=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))');
  });
});

describe("定稿 through Excel", () => {
  test("a quote-prefixed text \"'=JX.RATE(1,4) 示例\" is read as text, not a formula, and 定稿 leaves it", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.formulas = [["'=JX.RATE(1,4) 示例", 8, "=JX.RATE(B1,4)"]];
      await context.sync();
    });
    const grid = (await excel.readGrids()).find((g) => g.sheet === "Sheet1")!;
    expect(grid.values[0][0]).toBe("=JX.RATE(1,4) 示例");
    expect(grid.formulas?.[0][0]).toBeNull();
    expect(grid.formulas?.[0][2]).toBe("=JX.RATE(B1,4)");
    const plan = planFinalize([grid], HUNAN_2024);
    await excel.writeCells(plan.writes);
    expect(host.sheet("Sheet1").cell("A1")).toMatchObject({ isFormula: false, quotePrefix: true });
    expect(host.sheet("Sheet1").value("A1")).toBe("=JX.RATE(1,4) 示例");
    expect(host.sheet("Sheet1").formula("C1")).toBe("=ROUND((B1)/(4),4)");
  });
});

function toGrid(l: ReturnType<typeof layoutSheet>) {
  const values: (string | number | boolean | null)[][] = Array.from({ length: l.rowCount }, () => Array(l.colCount).fill(null));
  for (const c of l.cells) values[c.row][c.col] = c.value;
  return { sheet: l.name, values };
}

describe("round trips do not grow with the package", () => {
  test.each([1, 50])("insert takes 2 syncs and read 2 syncs with %i projects", async (n) => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024 }, emptyPackage(n));
    host.resetSyncCount();
    await excel.insertSheets(layouts, "native");
    expect(host.syncCount).toBe(2);
    host.resetSyncCount();
    const grids = await excel.readGrids();
    expect(host.syncCount).toBe(2);
    expect(readWorkbook(grids).pkg.projects).toHaveLength(n);
  });

  test("a write above the request limit is split, and still lands whole", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    host.limits.requestBytes = 60_000;
    const excel = adapterOn(host, { maxPayload: 50_000 });
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024 }, emptyPackage(20));
    await excel.insertSheets(layouts, "native");
    expect(host.syncCount).toBeGreaterThan(2);
    expect(readWorkbook(await excel.readGrids()).pkg.projects).toHaveLength(20);
  });
});

describe("nothing the user has is touched", () => {
  test("inserting next to user sheets, and twice, leaves every user cell as it was", async () => {
    const host = createExcelHost({ sheets: ["附件1 基础数据表", "我的草稿"] });
    await host.userEdit("附件1 基础数据表", "A1", "我自己的表");
    await host.userEdit("附件1 基础数据表", "B2", "123.45");
    await host.userEdit("我的草稿", "C3", "=1+1");
    const excel = adapterOn(host);
    const layouts = packageLayouts({ year: 2024, projects: 2, preset: HUNAN_2024 });
    const first = await excel.insertSheets(layouts, "native");
    const second = await excel.insertSheets(layouts, "native");
    expect(first.names[0]).toBe("附件1 基础数据表 (2)");
    expect(second.names[0]).toBe("附件1 基础数据表 (3)");
    expect(new Set([...first.names, ...second.names]).size).toBe(first.names.length * 2);
    expect(host.sheet("附件1 基础数据表").value("A1")).toBe("我自己的表");
    expect(host.sheet("附件1 基础数据表").value("B2")).toBe(123.45);
    expect(host.sheet("我的草稿").formula("C3")).toBe("=1+1");
  });

  test("a project sheet added later gets a free name", async () => {
    const host = createExcelHost({ sheets: ["附件3 项目1"] });
    const excel = adapterOn(host);
    const layout = layoutSheet(projectTemplate({ year: 2024, preset: HUNAN_2024 }, 1), {}, "附件3 项目1");
    const { names } = await excel.insertSheets([layout], "native");
    expect(names).toEqual(["附件3 项目1 (2)"]);
  });
});

describe("select, delete, change events, edit mode", () => {
  test("select activates the sheet and selects the cell", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    await excel.insertSheets(packageLayouts({ year: 2024, projects: 0, preset: HUNAN_2024 }), "native");
    await excel.select("附件2 整体支出自评表", "H7");
    const selected = await host.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load("address");
      await ctx.sync();
      return r.address;
    });
    expect(selected).toBe("'附件2 整体支出自评表'!H7");
  });

  test("a missing sheet gives a Chinese message", async () => {
    const excel = adapterOn(createExcelHost({ sheets: ["Sheet1"] }));
    await expect(excel.select("不存在", "A1")).rejects.toThrow(/找不到对应的工作表/);
  });

  test("writeCells rewrites formulas and values in one sync; text stays text", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    await host.userEdit("Sheet1", "A1", "=1+1");
    host.resetSyncCount();
    await excel.writeCells([
      { sheet: "Sheet1", row: 0, col: 0, formula: "=ROUND((3)/(4),4)" },
      { sheet: "Sheet1", row: 1, col: 0, value: 4.84 },
      { sheet: "Sheet1", row: 2, col: 0, value: "=不是公式" },
    ]);
    expect(host.syncCount).toBe(1);
    expect(host.sheet("Sheet1").formula("A1")).toBe("=ROUND((3)/(4),4)");
    expect(host.sheet("Sheet1").value("A2")).toBe(4.84);
    expect(host.sheet("Sheet1").value("A3")).toBe("=不是公式");
  });

  test("deleteSheet removes only that sheet", async () => {
    const host = createExcelHost({ sheets: ["Sheet1", "附件3 项目1"] });
    const excel = adapterOn(host);
    await excel.deleteSheet("附件3 项目1");
    expect(await excel.sheetNames()).toEqual(["Sheet1"]);
  });

  test("user edits call the handler; the add-in's own writes do not", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    let calls = 0;
    const off = await excel.onChange(() => calls++);
    await excel.insertSheets(packageLayouts({ year: 2024, projects: 0, preset: HUNAN_2024 }), "native");
    expect(calls).toBe(0);
    await host.userEdit("Sheet1", "A1", "5");
    expect(calls).toBe(1);
    await off();
    await host.userEdit("Sheet1", "A2", "6");
    expect(calls).toBe(1);
  });

  test("while the user edits a cell, the action is retried, then explained", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    host.setEditingCell(true, 2);
    const excel = adapterOn(host, { retries: 3 });
    expect(await excel.sheetNames()).toEqual(["Sheet1"]);
    host.setEditingCell(true, 10);
    await expect(adapterOn(host, { retries: 2 }).sheetNames()).rejects.toThrow(/正在编辑单元格/);
  });

  test("supportsCustomFunctions asks for CustomFunctionsRuntime 1.1", () => {
    const asked: string[] = [];
    const excel = createAdapter({ isSetSupported: (n, v) => (asked.push(`${n} ${v}`), true) });
    expect(excel.supportsCustomFunctions()).toBe(true);
    expect(asked).toEqual(["CustomFunctionsRuntime 1.1"]);
  });
});

test("the inserted workbook saves to .xlsx with merges, formats and fills", async () => {
  const host = createNodeExcelHost({ sheets: ["Sheet1"] });
  const excel = adapterOn(host);
  await excel.insertSheets(packageLayouts({ year: 2024, projects: 1, preset: HUNAN_2024 }), "native");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jx-")), "inserted.xlsx");
  await host.saveXlsx(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("附件1 基础数据表")!;
  expect(ws.getCell("A1").value).toBe("2024年度部门整体支出绩效评价基础数据表");
  expect(ws.getCell("A1").isMerged).toBe(true);
  expect(ws.getCell("F3").numFmt).toBe("0.00%");
  expect(ws.getCell("A1").font?.bold).toBe(true);
  expect(ws.getCell("D12").border?.top?.style).toBe("thin"); // the form's grid is drawn
  expect((ws.getCell("B3").fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe("solid"); // no fill that would print
});

test("an Excel without ExcelApi 1.9 / 1.6 still gets the sheets: no page layout, plain fills instead of conditional ones", async () => {
  const host = createExcelHost({ sheets: ["Sheet1"] });
  const excel = adapterOn(host, { isSetSupported: () => false });
  await excel.insertSheets(packageLayouts({ year: 2024, preset: HUNAN_2024 }), "native");
  const basic = host.sheet("附件1 基础数据表");
  expect(basic.page()).toEqual({ headersFooters: { firstPage: {} } }); // nothing set
  expect(basic.conditionalFormats()).toEqual([]);
  expect(basic.cell("B3").style?.fill).toBe("#FFF2CC");
});

describe("row heights after edits", () => {
  test("setRowHeights sets every height in one sync, whatever the number of rows", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    host.resetSyncCount();
    await excel.setRowHeights!(Array.from({ length: 40 }, (_, i) => ({ sheet: "Sheet1", row: i * 2, height: 20 + i })));
    expect(host.syncCount).toBe(1);
    expect(host.sheet("Sheet1").rowHeight(1)).toBe(20);
    expect(host.sheet("Sheet1").rowHeight(79)).toBe(59);
    expect(host.sheet("Sheet1").rowHeight(2)).toBe(15); // untouched rows keep Excel's default
  });

  test("writeCells sets heights in the same batch: still one sync", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    host.resetSyncCount();
    await excel.writeCells([{ sheet: "Sheet1", row: 0, col: 0, value: "长文本" }], [{ sheet: "Sheet1", row: 0, height: 69 }]);
    expect(host.syncCount).toBe(1);
    expect(host.sheet("Sheet1").value("A1")).toBe("长文本");
    expect(host.sheet("Sheet1").rowHeight(1)).toBe(69);
  });
});

describe("print layout on insert", () => {
  test("page setup, row heights, fonts and blank-only shading are queued with the sheet: still 2 syncs", async () => {
    const host = createExcelHost({ sheets: ["Sheet1"] });
    const excel = adapterOn(host);
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 });
    host.resetSyncCount();
    await excel.insertSheets(layouts, "native");
    expect(host.syncCount).toBe(2); // as before the print layout
    const evaluation = host.sheet("附件2 整体支出自评表");
    expect(evaluation.page()).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      leftMargin: 36,
      topMargin: 43,
      centerHorizontally: true,
      blackAndWhite: true,
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$12:$12", // the 一级指标… header
      headersFooters: { state: "FirstAndDefault", firstPage: { leftHeader: '&L&"黑体,Bold"&12附件2' } },
    });
    expect(host.sheet("附件1 基础数据表").page()).toMatchObject({ orientation: "Portrait", printTitleRows: "$4:$4" });
    // Every row's height is the layout's: the 年度总体目标 row its 60 pt minimum, a one-line row 20 pt.
    const layout = layouts[1];
    for (let r = 0; r < layout.rowCount; r++) expect(evaluation.rowHeight(r + 1)).toBe(layout.heights[r]);
    expect(evaluation.rowHeight(layout.fields["goals.planned"].row + 1)).toBe(60);
    // Column widths in points: 12 characters → 12 × 5.25 + 3.75 = 66.75.
    expect(evaluation.columnWidth("A")).toBe(66.75);
    // Shading while blank, not a fill: 单位名称 (C2) and 执行率 (G4).
    expect(evaluation.cell("C2").style?.fill).toBeUndefined();
    expect(evaluation.conditionalFormats()).toContainEqual({ address: "C2", type: "Custom", formula: "=LEN(C2)=0", fill: "#FFF2CC" });
    expect(evaluation.conditionalFormats()).toContainEqual({ address: "G4", type: "Custom", formula: "=LEN(G4)=0", fill: "#EDEDED" });
    expect(evaluation.cell("A1").style).toMatchObject({ fontSize: 16, bold: true });
  });
});
