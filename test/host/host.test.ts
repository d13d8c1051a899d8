/**
 * The in-memory Excel host behaves like Excel where the add-in can tell the difference.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { createExcelHost, installExcelGlobals, HostOfficeError, SHAPE_MISMATCH, type ExcelHost } from "./index";
import { REAL_EXCEL_FITS_SUBSET, type RangeLike, type RequestContextLike } from "./api";
import { createNodeExcelHost, pointsToCharacters } from "./save";

async function errorOf(p: Promise<unknown>): Promise<HostOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostOfficeError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function syncError(fn: () => unknown): HostOfficeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HostOfficeError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

const sheet1 = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Sheet1");

describe("proxies: load + sync before reading", () => {
  test("reading a property before load and sync throws PropertyNotLoaded, like Office.js", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[42]]);
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1");
      const before = syncError(() => r.values);
      expect(before.code).toBe("PropertyNotLoaded");
      expect(before.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      expect(before.name).toBe("RichApi.Error");
      expect(before.debugInfo.errorLocation).toBe("Range.values");
      r.load("values");
      expect(syncError(() => r.values).code).toBe("PropertyNotLoaded"); // loaded only at sync
      expect(syncError(() => r.address).code).toBe("PropertyNotLoaded");
      expect(syncError(() => r.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[42]]);
      expect(syncError(() => r.address).code).toBe("PropertyNotLoaded"); // not requested
      expect(r.isNullObject).toBe(false);
    });
  });

  test("load forms: comma list, array, nested paths, select/expand, no argument; toJSON", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("B2:C3");
      r.format.fill.color = "#ffcc00";
      r.load("address, rowCount");
      r.load(["columnCount", "format/fill/color", "format/font/bold"]);
      const all = sheet1(ctx).getRange("A1").load();
      const sel = sheet1(ctx).getRange("A1:B1").load({ select: "cellCount", expand: "format/font" });
      await ctx.sync();
      expect([r.address, r.rowCount, r.columnCount, r.format.fill.color, r.format.font.bold]).toEqual(["Sheet1!B2:C3", 2, 2, "#FFCC00", false]);
      expect(all.values).toEqual([[""]]);
      expect(all.numberFormat).toEqual([["General"]]);
      expect(sel.cellCount).toBe(2);
      expect(sel.format.font.name).toBe("Calibri");
      expect(r.toJSON()).toMatchObject({ address: "Sheet1!B2:C3", rowCount: 2, format: { fill: { color: "#FFCC00" }, font: { bold: false } } });
    });
  });

  test("loading a property the host does not implement fails loudly", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      expect(syncError(() => sheet1(ctx).getRange("A1").load("hyperlink")).message).toMatch(/does not implement 'Range.hyperlink'/);
      await ctx.sync();
    });
  });

  test("a value set on a proxy reads back locally before any sync (Office.js keeps what was set)", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1");
      r.values = [["=1+1"]];
      expect(r.values).toEqual([["=1+1"]]);
      expect(host.sheet("Sheet1").value("A1")).toBe(""); // not in the workbook yet
      await ctx.sync();
    });
    expect(host.sheet("Sheet1").formula("A1")).toBe("=1+1");
  });

  test("ClientResult.value needs a sync", async () => {
    const host = createExcelHost({ sheets: ["a", "b"] });
    await host.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(syncError(() => n.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });

  test("a proxy from a finished Excel.run is invalid unless tracked; ctx.load of a foreign object is refused", async () => {
    const host = createExcelHost();
    let stale: Excel.Range | undefined;
    let kept: Excel.Range | undefined;
    const ctx1 = await host.run(async (ctx) => {
      stale = sheet1(ctx).getRange("A1");
      kept = sheet1(ctx).getRange("B1");
      ctx.trackedObjects.add(kept);
      await ctx.sync();
      return ctx;
    });
    await host.run(async (ctx) => {
      expect(syncError(() => ctx.load(stale!, "values")).code).toBe("InvalidRequestContext");
    });
    await host.run(ctx1, async (ctx) => {
      kept!.values = [["kept"]];
      await ctx.sync();
      stale!.values = [["stale"]];
      expect((await errorOf(ctx.sync())).code).toBe("InvalidObjectPath");
    });
    expect(host.sheet("Sheet1").values("A1:B1")).toEqual([["", "kept"]]);
  });

  test("Excel.run's batch must return a promise", async () => {
    const host = createExcelHost();
    const run = host.run as unknown as (batch: (ctx: Excel.RequestContext) => unknown) => Promise<unknown>;
    expect((await errorOf(run(() => undefined))).code).toBe("RunMustReturnPromise");
  });
});

describe("queue: writes apply at sync, in order", () => {
  test("nothing changes before sync; commands run in the order queued, loads see the state at their turn", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const a1 = sheet1(ctx).getRange("A1");
      a1.values = [[1]];
      const first = sheet1(ctx).getRange("A1").load("values");
      a1.values = [[2]];
      ctx.workbook.worksheets.add("New");
      const second = sheet1(ctx).getRange("A1").load("values");
      expect(host.sheet("Sheet1").value("A1")).toBe("");
      expect(host.sheetNames()).toEqual(["Sheet1"]);
      await ctx.sync();
      expect(first.values).toEqual([[1]]);
      expect(second.values).toEqual([[2]]);
    });
    expect(host.sheet("Sheet1").value("A1")).toBe(2);
    expect(host.sheetNames()).toEqual(["Sheet1", "New"]);
  });

  test("a failing command rejects the sync: commands before it stay applied, after it are dropped, loads stay unloaded", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      sheet1(ctx).getRange("A1").values = [["before"]];
      const r = sheet1(ctx).getRange("A1").load("values");
      ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
      sheet1(ctx).getRange("A2").values = [["after"]];
      const e = await errorOf(ctx.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.message).toBe("The requested resource doesn't exist.");
      expect(syncError(() => r.values).code).toBe("PropertyNotLoaded");
      await ctx.sync(); // the queue was emptied by the failed request
    });
    expect(host.sheet("Sheet1").values("A1:A2")).toEqual([["before"], [""]]);
  });

  test("Excel.run flushes commands still queued when the batch ends (one more round trip)", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      sheet1(ctx).getRange("A1").values = [["no explicit sync"]];
    });
    expect(host.sheet("Sheet1").value("A1")).toBe("no explicit sync");
    expect(host.syncCount).toBe(1);
    expect(host.syncLog[0].implicit).toBe(true);
    await host.run(async (ctx) => {
      sheet1(ctx).getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(host.syncCount).toBe(2); // no implicit flush when nothing is queued
  });
});

describe("values and formulas", () => {
  let host: ExcelHost;
  const write = async (address: string, values: unknown, numberFormat?: string) =>
    host.run(async (ctx) => {
      const r = sheet1(ctx).getRange(address);
      if (numberFormat) r.numberFormat = [[numberFormat]];
      (r as unknown as { values: unknown }).values = values;
      await ctx.sync();
    });
  const read = async (address: string) =>
    host.run(async (ctx) => {
      const r = sheet1(ctx).getRange(address).load("values, formulas, text, valueTypes, numberFormat");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, text: r.text, types: r.valueTypes, nf: r.numberFormat };
    });
  beforeEach(() => {
    host = createExcelHost({ now: () => new Date(2024, 5, 1) });
  });

  test("a string starting with = written to values becomes a formula; its value is not computed (null)", async () => {
    await write("A1:B1", [[2, "=A1*2"]]);
    expect(await read("A1:B1")).toMatchObject({ values: [[2, null]], formulas: [[2, "=A1*2"]], types: [["Double", "Unknown"]], text: [["2", ""]] });
    expect(host.sheet("Sheet1").cell("B1").isFormula).toBe(true);
  });

  test("with an evaluator, formula cells report its result", async () => {
    host = createExcelHost({
      evaluate: (f, _at, cells) => (f === "=A1*2" ? Number(cells.value("Sheet1", "A1")) * 2 : undefined),
    });
    await write("A1:B1", [[21, "=A1*2"]]);
    expect((await read("B1")).values).toEqual([[42]]);
  });

  test("+ and - text that is not a number is a formula too (Range.values docs); @ as Lotus-style entry", async () => {
    await write("A1:E1", [["+A2", "-A2", "-5", "+3.5", "@SUM(A2:A3)"]]);
    expect((await read("A1:E1")).formulas).toEqual([["=+A2", "=-A2", -5, 3.5, "=SUM(A2:A3)"]]);
  });

  test("a ' prefix keeps text as text, without the apostrophe; formulas loses the apostrophe as in Excel", async () => {
    await write("A1:D1", [["'=1+1", "'+86 123", "'001", "'TRUE"]]);
    const r = await read("A1:D1");
    expect(r.values).toEqual([["=1+1", "+86 123", "001", "TRUE"]]);
    expect(r.formulas).toEqual([["=1+1", "+86 123", "001", "TRUE"]]);
    expect(r.types).toEqual([["String", "String", "String", "String"]]);
    expect(host.sheet("Sheet1").cell("A1")).toMatchObject({ isFormula: false, quotePrefix: true });
  });

  test("typed-input conversions: numbers, percent, booleans, ISO dates, month-day; Text format keeps text", async () => {
    await write("A1:G1", [["001", "1,234.5", "12.5%", "true", "2024-01-05", "3-5", "(7)"]]);
    const r = await read("A1:G1");
    expect(r.values).toEqual([[1, 1234.5, 0.125, true, 45296, 45356, -7]]);
    expect(r.nf).toEqual([["General", "General", "0.00%", "General", "yyyy/m/d", "m/d", "General"]]);
    expect(r.text).toEqual([["1", "1234.5", "12.50%", "TRUE", "2024/1/5", "3/5", "-7"]]);
    await write("A2", [["001"]], "@");
    await write("B2", [["=A1"]], "@");
    expect((await read("A2:B2")).values).toEqual([["001", "=A1"]]);
  });

  test("empty cells read as \"\"; null in an array leaves a cell alone; \"\" clears it; a scalar fills the range", async () => {
    await write("A1:B2", [
      [1, 2],
      [3, 4],
    ]);
    await write("A1:B2", [
      [null, ""],
      [null, "x"],
    ]);
    expect((await read("A1:C2")).values).toEqual([
      [1, "", ""],
      [3, "x", ""],
    ]);
    expect((await read("C1")).formulas).toEqual([[""]]);
    await write("A1:B2", "same");
    expect(host.sheet("Sheet1").values("A1:B2")).toEqual([
      ["same", "same"],
      ["same", "same"],
    ]);
  });

  test("text follows the number format (approximation of Excel's formats)", async () => {
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1:F1");
      r.values = [[1234.5, 0.12345, 1234567.891, 2.5, 0, -3.14159]];
      r.numberFormat = [["0.00", "0.00%", "#,##0.00", "0", '0.00"万元"', "0.0"]];
      r.load("text");
      await ctx.sync();
      expect(r.text).toEqual([["1234.50", "12.35%", "1,234,567.89", "3", "0.00万元", "-3.1"]]);
    });
  });

  test("numberFormat writes: 2-D or scalar, null keeps, \"\" resets to General", async () => {
    await host.run(async (ctx) => {
      const r = sheet1(ctx).getRange("A1:B1");
      (r as unknown as { numberFormat: unknown }).numberFormat = "0.00";
      r.numberFormat = [[null, ""]];
      r.load("numberFormat");
      await ctx.sync();
      expect(r.numberFormat).toEqual([["0.00", "General"]]);
    });
  });

  test("shape mismatch rejects the sync with InvalidArgument (Excel's message); null for a whole property is invalid", async () => {
    const e = await errorOf(write("A1:B2", [[1, 2]]));
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toBe(SHAPE_MISMATCH);
    expect((await errorOf(write("A1:B1", [[1, 2, 3]]))).message).toBe(SHAPE_MISMATCH);
    expect((await errorOf(write("A1:B1", [1, 2]))).code).toBe("InvalidArgument");
    expect((await errorOf(write("A1", null))).code).toBe("InvalidArgument");
    expect((await errorOf(write("A1", [[NaN]]))).code).toBe("InvalidArgument");
    const nf = await errorOf(
      host.run(async (ctx) => {
        sheet1(ctx).getRange("A1:A2").numberFormat = [["0.00"]];
        await ctx.sync();
      }),
    );
    expect(nf.message).toBe(SHAPE_MISMATCH);
    expect(host.sheet("Sheet1").usedRange()).toBeNull();
  });

  test("an unbalanced formula is refused", async () => {
    expect((await errorOf(write("A1", [["=SUM(A2"]]))).code).toBe("InvalidArgument");
    expect((await errorOf(write("A1", [["--"]]))).code).toBe("InvalidArgument");
  });
});

describe("worksheets", () => {
  test("getItemOrNullObject: isNullObject after sync; commands on a null object are ignored", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("附件1 基础数据表");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1"); // names are case-insensitive
      missing.getRange("A1").values = [["lost"]];
      missing.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
    });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  test("getItem of a missing sheet rejects the sync with ItemNotFound", async () => {
    const host = createExcelHost();
    const e = await errorOf(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("nope");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("adding a sheet whose name exists (any case) rejects with ItemAlreadyExists; bad names with InvalidArgument", async () => {
    const host = createExcelHost({ sheets: ["附件2 整体支出自评表"] });
    const add = (name: string) =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      });
    const e = await errorOf(add("附件2 整体支出自评表"));
    expect(e.code).toBe("ItemAlreadyExists");
    expect(e.message).toBe("A resource with the same name or identifier already exists.");
    await add("Sheet1");
    expect((await errorOf(add("SHEET1"))).code).toBe("ItemAlreadyExists");
    for (const bad of ["a/b", "x".repeat(32), "'q", "", "History"]) expect((await errorOf(add(bad))).code).toBe("InvalidArgument");
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add();
      s.load("name, position");
      await ctx.sync();
      expect([s.name, s.position]).toEqual(["Sheet2", 2]);
    });
  });

  test("rename, delete, activate, items, position", async () => {
    const host = createExcelHost({ sheets: ["A", "B", "C"] });
    host.setValues("A", "A1", [["=B!A1+'C'!B2"]]);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const b = ws.getItem("B");
      b.name = "附件3 项目1";
      b.activate();
      ws.getItem("C").delete();
      ws.load("items/name");
      const active = ws.getActiveWorksheet().load("name, position");
      await ctx.sync();
      expect(ws.items.map((s) => s.name)).toEqual(["A", "附件3 项目1"]);
      expect(syncError(() => ws.items[0].id).code).toBe("PropertyNotLoaded");
      expect([active.name, active.position]).toEqual(["附件3 项目1", 1]);
      const again = ws.getItem("A");
      again.name = "附件3 项目1";
      expect((await errorOf(ctx.sync())).code).toBe("ItemAlreadyExists");
    });
    expect(host.sheetNames()).toEqual(["A", "附件3 项目1"]);
    expect(host.activeSheetName()).toBe("附件3 项目1");
    expect(host.sheet("A").formula("A1")).toBe("='附件3 项目1'!A1+#REF!"); // renamed / deleted sheets in formulas
  });

  test("the last visible sheet cannot be deleted", async () => {
    const host = createExcelHost();
    const e = await errorOf(
      host.run(async (ctx) => {
        sheet1(ctx).delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });

  test("a sheet proxy follows its sheet through a rename in the same batch", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const s = sheet1(ctx);
      s.name = "Renamed";
      s.getRange("A1").values = [["ok"]];
      s.load("name");
      await ctx.sync();
      expect(s.name).toBe("Renamed");
    });
    expect(host.sheet("Renamed").value("A1")).toBe("ok");
  });

  test("copy makes 'name (2)' after the source", async () => {
    const host = createExcelHost({ sheets: ["T", "Z"] });
    host.setValues("T", "A1", [["x"]]);
    await host.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("T").copy();
      c.load("name, position");
      await ctx.sync();
      expect([c.name, c.position]).toEqual(["T (2)", 1]);
    });
    expect(host.sheet("T (2)").value("A1")).toBe("x");
  });
});

describe("ranges: addresses and navigation", () => {
  test("address quoting, getRangeByIndexes, getCell, entire rows, used range", async () => {
    const host = createExcelHost({ sheets: ["附件1 基础数据表", "Data"] });
    host.setValues("Data", "B3:C4", [
      [1, 2],
      [3, ""],
    ]);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const a = ws.getItem("附件1 基础数据表").getRangeByIndexes(1, 0, 2, 3).load("address, rowIndex, columnIndex, cellCount");
      const cell = ws.getItem("Data").getRange("B3:C4").getCell(1, 1).load("address");
      const row = ws.getItem("Data").getRange("B3").getEntireRow().load("address, isEntireRow");
      const used = ws.getItem("Data").getUsedRange().load("address");
      const none = ws.getItem("附件1 基础数据表").getUsedRangeOrNullObject(true).load("address");
      const emptyUsed = ws.getItem("附件1 基础数据表").getUsedRange().load("address");
      await ctx.sync();
      expect([a.address, a.rowIndex, a.columnIndex, a.cellCount]).toEqual(["'附件1 基础数据表'!A2:C3", 1, 0, 6]);
      expect(cell.address).toBe("Data!C4");
      expect([row.address, row.isEntireRow]).toEqual(["Data!3:3", true]);
      expect(used.address).toBe("Data!B3:C4");
      expect(none.isNullObject).toBe(true);
      expect(emptyUsed.address).toBe("'附件1 基础数据表'!A1");
    });
  });

  test("an invalid address or index rejects the sync with InvalidArgument", async () => {
    const host = createExcelHost();
    for (const make of [
      (ctx: Excel.RequestContext) => sheet1(ctx).getRange("A0"),
      (ctx: Excel.RequestContext) => sheet1(ctx).getRangeByIndexes(0, 0, 0, 1),
      (ctx: Excel.RequestContext) => sheet1(ctx).getRange("Other!A1"),
    ]) {
      const e = await errorOf(
        host.run(async (ctx) => {
          make(ctx).load("address");
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });

  test("select and getSelectedRange", async () => {
    const host = createExcelHost({ sheets: ["A", "B"] });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("C5").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("B!C5");
    });
    expect(host.selection()).toEqual({ sheet: "B", address: "C5" });
  });

  test("inserting rows moves cells, merges, heights and formula references (as Excel does)", async () => {
    const host = createExcelHost({ sheets: ["S", "T"] });
    host.setValues("S", "A1:A3", [[1], [2], ["=SUM(A1:A2)"]]);
    host.setValues("T", "A1", [["=S!A2*2"]]);
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      s.getRange("A2:B2").merge();
      s.getRange("A2").format.rowHeight = 30;
      s.getRange("2:2").insert("Down");
      await ctx.sync();
    });
    const s = host.sheet("S");
    expect(s.values("A1:A4")).toEqual([[1], [""], [2], [null]]);
    expect(s.formula("A4")).toBe("=SUM(A1:A3)");
    expect(host.sheet("T").formula("A1")).toBe("=S!A3*2");
    expect(s.merges()).toEqual(["A3:B3"]);
    expect(s.rowHeight(3)).toBe(30);
    await host.userInsertRows("S", 1, 2);
    expect(s.formula("A6")).toBe("=SUM(A3:A5)");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("3:3").delete("Up");
      await ctx.sync();
    });
    expect(s.formula("A5")).toBe("=SUM(A3:A4)");
    expect(host.sheet("T").formula("A1")).toBe("=S!A4*2");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A4").getEntireRow().delete("Up");
      await ctx.sync();
    });
    expect(host.sheet("T").formula("A1")).toBe("=S!#REF!*2");
    expect(s.formula("A4")).toBe("=SUM(A3:A3)");
  });
});

describe("merges and formats", () => {
  test("merge keeps the top-left value; merged areas read as an address; covered cells take no value", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1:C1", [["title", "b", "c"]]);
    await host.run(async (ctx) => {
      const s = sheet1(ctx);
      s.getRange("A1:C1").merge();
      s.getRange("A3:B4").merge(true);
      s.getRange("B1").values = [["ignored"]];
      const areas = s.getRange("A1:D5").getMergedAreasOrNullObject().load("address, areaCount, cellCount");
      areas.areas.load("items/address");
      const none = s.getRange("E1:F2").getMergedAreasOrNullObject().load("address");
      await ctx.sync();
      expect(areas.address).toBe("Sheet1!A1:C1,Sheet1!A3:B3,Sheet1!A4:B4");
      expect([areas.areaCount, areas.cellCount]).toEqual([3, 7]);
      expect(areas.areas.items.map((r) => r.address)).toEqual(["Sheet1!A1:C1", "Sheet1!A3:B3", "Sheet1!A4:B4"]);
      expect(none.isNullObject).toBe(true);
    });
    const view = host.sheet("Sheet1");
    expect(view.values("A1:C1")).toEqual([["title", "", ""]]);
    expect(view.merges()).toEqual(["A1:C1", "A3:B3", "A4:B4"]);
    await host.run(async (ctx) => {
      sheet1(ctx).getRange("B1:D1").merge();
      expect((await errorOf(ctx.sync())).code).toBe("MergedRangeConflict");
      sheet1(ctx).getRange("A1:D4").unmerge();
      await ctx.sync();
    });
    expect(view.merges()).toEqual([]);
  });

  test("fill, font, alignment, wrap, widths, heights, borders: written at sync, read back (null when mixed)", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      const s = sheet1(ctx);
      const r = s.getRange("A1:B2");
      r.format.fill.color = "#FFF2CC";
      r.format.font.bold = true;
      r.format.font.name = "宋体";
      r.format.font.size = 12;
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Center";
      r.format.columnWidth = 96;
      r.format.rowHeight = 32;
      for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
        r.format.borders.getItem(side).style = "Continuous";
      }
      s.getRange("A1").format.fill.clear();
      const mixed = s.getRange("A1:B1").format.load("columnWidth, wrapText");
      mixed.fill.load("color");
      const wide = s.getRange("A1:C1").format.load("columnWidth");
      const b = s.getRange("A1:B2").format.borders.getItem("InsideHorizontal").load("style, weight, color");
      await ctx.sync();
      expect([mixed.columnWidth, mixed.wrapText, mixed.fill.color, wide.columnWidth]).toEqual([96, true, null, null]);
      expect([b.style, b.weight, b.color]).toEqual(["Continuous", "Thin", "#000000"]);
    });
    const cell = host.sheet("Sheet1").cell("B2");
    expect(cell.style).toMatchObject({ fill: "#FFF2CC", bold: true, fontName: "宋体", fontSize: 12, wrap: true, hAlign: "Center", vAlign: "Center" });
    expect(Object.keys(cell.style.borders ?? {}).sort()).toEqual(["bottom", "left", "right", "top"]);
    expect(host.sheet("Sheet1").cell("A1").style.fill).toBeUndefined();
    expect(host.sheet("Sheet1").columnWidth("B")).toBe(96);
    expect(host.sheet("Sheet1").rowHeight(2)).toBe(32);
  });

  test("an unknown colour or alignment is refused", async () => {
    const host = createExcelHost();
    const e = await errorOf(
      host.run(async (ctx) => {
        sheet1(ctx).getRange("A1").format.fill.color = "not-a-colour";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("change events", () => {
  test("a simulated user edit fires worksheets.onChanged and worksheet.onChanged after the write", async () => {
    const host = createExcelHost({ sheets: ["附件2 整体支出自评表", "Other"] });
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    const sheetOnly: string[] = [];
    const readInHandler: unknown[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(args);
        await host.run(async (c) => {
          const r = args.getRange(c).load("values");
          await c.sync();
          readInHandler.push(r.values);
        });
      });
      ctx.workbook.worksheets.getItem("Other").onChanged.add(async (args) => {
        sheetOnly.push(args.address);
      });
      await ctx.sync();
    });
    expect(host.handlerCount("onChanged")).toBe(2);
    await host.userEdit("附件2 整体支出自评表", "D7", "123.45");
    expect(seen).toHaveLength(1);
    const ws = host.sheet("附件2 整体支出自评表");
    expect(seen[0]).toMatchObject({
      type: "WorksheetChanged",
      worksheetId: ws.id,
      address: "D7",
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
      details: { valueBefore: "", valueAfter: 123.45, valueTypeBefore: "Empty", valueTypeAfter: "Double" },
    });
    expect(readInHandler).toEqual([[[123.45]]]);
    expect(sheetOnly).toEqual([]);
    await host.userEdit("Other", "A1:B1", [["x", "y"]]);
    expect(sheetOnly).toEqual(["A1:B1"]);
    expect(seen[1].details).toBeUndefined();
  });

  test("API writes fire too (triggerSource ThisLocalAddin) unless runtime.enableEvents is off; handlers can be removed", async () => {
    const host = createExcelHost();
    const seen: string[] = [];
    let registration: { remove(): void; context: OfficeExtension.ClientRequestContext } | undefined;
    await host.run(async (ctx) => {
      registration = ctx.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(`${args.address}:${args.triggerSource}`);
      });
      await ctx.sync();
      sheet1(ctx).getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      sheet1(ctx).getRange("C1").format.fill.color = "red"; // formatting is not a data change
      await ctx.sync();
      ctx.runtime.enableEvents = false;
      sheet1(ctx).getRange("A1").values = [[9]];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await host.idle();
    expect(seen).toEqual(["A1:B2:ThisLocalAddin"]);
    await host.run(registration!.context, async (ctx) => {
      registration!.remove();
      await ctx.sync();
    });
    await host.userEdit("Sheet1", "A1", 5);
    expect(seen).toHaveLength(1);
    expect(host.handlerCount()).toBe(0);
  });

  test("fireChange delivers an event without touching the workbook; handler errors are collected", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => {
        throw new Error("handler failed");
      });
      await ctx.sync();
    });
    await host.fireChange("Sheet1", "A1:C3");
    expect(host.eventErrors).toHaveLength(1);
  });

  test("sheets added and deleted fire onAdded / onDeleted", async () => {
    const host = createExcelHost();
    const events: string[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.onAdded.add(async (a) => void events.push(`added ${a.worksheetId}`));
      ctx.workbook.worksheets.onDeleted.add(async (a) => void events.push(`deleted ${a.worksheetId}`));
      await ctx.sync();
      const s = ctx.workbook.worksheets.add("X");
      s.load("id");
      await ctx.sync();
      s.delete();
      await ctx.sync();
      await host.idle();
      expect(events).toEqual([`added ${s.id}`, `deleted ${s.id}`]);
    });
  });
});

describe("sync counting", () => {
  test("every context.sync() counts, rejected ones too; resetSyncCount starts over", async () => {
    const host = createExcelHost();
    await host.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
      ctx.workbook.worksheets.getItem("missing");
      await errorOf(ctx.sync());
    });
    expect(host.syncCount).toBe(3);
    expect(host.syncLog.map((r) => r.error ?? "ok")).toEqual(["ok", "ok", "ItemNotFound"]);
    host.resetSyncCount();
    expect(host.syncCount).toBe(0);
    expect(host.syncLog).toEqual([]);
  });

  test("a batched writer needs the same number of syncs for 1 and 50 sheets", async () => {
    const insert = async (host: ExcelHost, n: number) => {
      host.resetSyncCount();
      await host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name");
        await ctx.sync();
        for (let i = 0; i < n; i++) {
          const s = ws.add(`附件3 项目${i + 1}`);
          s.getRange("A1:C2").values = [
            ["项目名称", `项目${i + 1}`, ""],
            ["金额", 100 * i, "=B2*2"],
          ];
          s.getRange("A1:C1").merge();
        }
        await ctx.sync();
      });
      return host.syncCount;
    };
    expect(await insert(createExcelHost(), 1)).toBe(2);
    expect(await insert(createExcelHost(), 50)).toBe(2);
  });
});

describe("cell-edit mode", () => {
  test("while the user edits a cell, syncs reject with InvalidOperationInCellEditMode and change nothing", async () => {
    const host = createExcelHost();
    host.setEditingCell(true, 2);
    const attempt = () =>
      host.run(async (ctx) => {
        sheet1(ctx).getRange("A1").values = [["written"]];
        await ctx.sync();
      });
    const e = await errorOf(attempt());
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(e.message).toMatch(/cell-editing mode/);
    expect((await errorOf(attempt())).code).toBe("InvalidOperationInCellEditMode");
    expect(host.sheet("Sheet1").value("A1")).toBe("");
    await attempt(); // the user pressed Enter
    expect(host.sheet("Sheet1").value("A1")).toBe("written");
    expect(host.syncCount).toBe(3);
  });

  test("a retry loop gets through once editing ends; delayForCellEdit waits instead of failing", async () => {
    const host = createExcelHost();
    host.setEditingCell(true);
    let attempts = 0;
    const retrying = (async () => {
      for (;;) {
        attempts++;
        try {
          return await host.run(async (ctx) => {
            sheet1(ctx).getRange("A1").values = [[attempts]];
            await ctx.sync();
            return "done";
          });
        } catch (e) {
          if (!(e instanceof HostOfficeError) || e.code !== "InvalidOperationInCellEditMode") throw e;
          if (attempts === 3) host.setEditingCell(false);
        }
      }
    })();
    expect(await retrying).toBe("done");
    expect(attempts).toBe(4);
    host.setEditingCell(true);
    const delayed = host.run({ delayForCellEdit: true }, async (ctx) => {
      sheet1(ctx).getRange("B1").values = [["after edit"]];
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(host.sheet("Sheet1").value("B1")).toBe("");
    host.setEditingCell(false);
    await delayed;
    expect(host.sheet("Sheet1").value("B1")).toBe("after edit");
  });
});

describe("payload limits", () => {
  test("a request above 5 MB is refused whole with RequestPayloadSizeLimitExceeded; split requests pass", async () => {
    const host = createExcelHost();
    const rowsN = 600;
    const text = "项".repeat(1000); // 3 KB of UTF-8 per cell
    const block = (n: number) => Array.from({ length: n }, () => [text, text, text]);
    const e = await errorOf(
      host.run(async (ctx) => {
        sheet1(ctx).getRange("Z1").values = [["small write in the same request"]];
        sheet1(ctx).getRange(`A1:C${rowsN}`).values = block(rowsN); // 600 × 3 × 3 KB ≈ 5.4 MB
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.sheet("Sheet1").usedRange()).toBeNull();
    expect(host.syncLog[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    await host.run(async (ctx) => {
      for (let start = 0; start < rowsN; start += 300) {
        sheet1(ctx).getRange(`A${start + 1}:C${start + 300}`).values = block(300);
        await ctx.sync();
      }
    });
    expect(host.sheet("Sheet1").usedRange()).toBe(`A1:C${rowsN}`);
  });

  test("the limit is configurable; reading too much fails with ResponsePayloadSizeLimitExceeded", async () => {
    const host = createExcelHost({ limits: { requestBytes: 2000, responseBytes: 2000 } });
    const big = Array.from({ length: 50 }, (_, i) => [`row ${i} ${"x".repeat(60)}`]);
    expect(
      (
        await errorOf(
          host.run(async (ctx) => {
            sheet1(ctx).getRange("A1:A50").values = big;
            await ctx.sync();
          }),
        )
      ).code,
    ).toBe("RequestPayloadSizeLimitExceeded");
    host.limits.requestBytes = 1_000_000;
    const e = await errorOf(
      host.run(async (ctx) => {
        sheet1(ctx).getRange("A1:A50").values = big;
        sheet1(ctx).getRange("A1:A50").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.sheet("Sheet1").value("A2")).toMatch(/^row 1/); // the writes ran; the answer did not come back
  });
});

describe("saveXlsx", () => {
  test("the workbook round-trips through exceljs: values, formulas, formats, merges, widths, fills, bold, borders", async () => {
    const host = createNodeExcelHost({ sheets: ["附件1 基础数据表"] });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("附件1 基础数据表");
      s.getRange("A1:C1").values = [["2024年度基础数据表", "", ""]];
      s.getRange("A1:C1").merge();
      s.getRange("A1").format.font.bold = true;
      s.getRange("A2:C2").values = [["'001", 1234.5, "=B2*2"]];
      s.getRange("B2:C2").numberFormat = [["#,##0.00", "0.00"]];
      s.getRange("B2").format.fill.color = "#FFF2CC";
      s.getRange("A2:C2").format.borders.getItem("EdgeBottom").style = "Continuous";
      s.getRange("A:A").format.columnWidth = 96;
      s.getRange("A2").format.rowHeight = 30;
      s.getRange("A2").format.wrapText = true;
      s.freezePanes.freezeRows(1);
      ctx.workbook.worksheets.add("Sheet2").getRange("A1").values = [["=附件1 基础数据表!B2"]];
      await ctx.sync();
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "excel-host-"));
    const file = path.join(dir, "out.xlsx");
    await host.saveXlsx(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("附件1 基础数据表")!;
    expect(ws.getCell("A1").value).toBe("2024年度基础数据表");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("001");
    expect(ws.getCell("B2").value).toBe(1234.5);
    expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C2").value).toMatchObject({ formula: "B2*2" });
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("C2").border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("A2").alignment.wrapText).toBe(true);
    expect(ws.getColumn(1).width).toBe(pointsToCharacters(96));
    expect(ws.getRow(2).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.getWorksheet("Sheet2")!.getCell("A1").value).toMatchObject({ formula: "附件1 基础数据表!B2" });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("globals and types", () => {
  test("installExcelGlobals provides Excel.run, enums, Office.onReady and isSetSupported; uninstall restores", async () => {
    const host = createExcelHost({ requirementSets: { ExcelApi: "1.12" } });
    const g = globalThis as unknown as { Excel?: typeof Excel; Office?: typeof Office; OfficeExtension?: { Error: unknown } };
    const uninstall = installExcelGlobals(host);
    try {
      const info = await g.Office!.onReady();
      expect(info).toEqual({ host: "Excel", platform: "OfficeOnline" });
      expect(g.Office!.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      expect(g.Office!.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
      expect(g.Excel!.BorderIndex.edgeTop).toBe("EdgeTop");
      expect(g.OfficeExtension!.Error).toBe(HostOfficeError);
      await g.Excel!.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["via global"]];
        await ctx.sync();
      });
      expect(host.sheet("Sheet1").value("A1")).toBe("via global");
    } finally {
      uninstall();
    }
    expect(g.Excel).toBeUndefined();
    expect(g.Office).toBeUndefined();
  });

  test("the real Excel types fit the implemented subset; a call outside it does not compile", async () => {
    expect(REAL_EXCEL_FITS_SUBSET.every(Boolean)).toBe(true);
    const host = createExcelHost();
    // Excel-layer code typed against the subset takes the real context…
    const readA1 = async (ctx: RequestContextLike) => {
      const r: RangeLike = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      // @ts-expect-error getSpecialCells is not implemented by the host, so the subset does not have it
      void r.getSpecialCells;
      return r.values;
    };
    host.setValues("Sheet1", "A1", 7);
    expect(await host.run((ctx) => readA1(ctx))).toEqual([[7]]);
  });
});
