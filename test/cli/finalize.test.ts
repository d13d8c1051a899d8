/**
 * finalize as a surgical edit (issue 11): on hand-built real-world packages (corpus.ts), every zip part
 * other than the changed sheet part and the calcChain is byte-identical; inside the sheet only the JX
 * cells differ, each in the way typed below; LibreOffice recomputes the rewritten formulas to the values
 * the workbook showed before.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { HUNAN_2024, packageLayouts } from "../../src/core";
import { finalizeFile, finalizePackage } from "../../src/cli/finalize";
import { corpusParts, corpusWorkbook, JX_CELLS } from "./corpus";
import { makeZip, tmpDir } from "./helpers";
import { newWorkbook, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";

jest.setTimeout(240_000);

const dir = tmpDir("surgical");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function parts(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name].async("nodebuffer"));
  return out;
}

/** A sheet's XML split into its cells (by address) and everything else (in order). */
function splitCells(xml: string): { cells: Map<string, string>; rest: string } {
  const cells = new Map<string, string>();
  const rest = xml.replace(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (m, ref: string) => {
    cells.set(ref, m);
    return `{${ref}}`;
  });
  return { cells, rest };
}

describe("finalize on a hand-built workbook with charts, pivot cache, names, protection, comments, validation, links, sparklines", () => {
  const input = corpusWorkbook();
  const { bytes, report } = finalizePackage(input, "corpus.xlsx", HUNAN_2024);

  test("only the sheet with JX cells and the calcChain change; every other part is byte-identical", async () => {
    expect(bytes).not.toBeNull();
    const before = await parts(input);
    const after = await parts(bytes!);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before.keys()].filter((k) => !before.get(k)!.equals(after.get(k)!));
    expect(changed.sort()).toEqual(["xl/calcChain.xml", "xl/worksheets/sheet1.xml"]);
    expect(report.changedParts.sort()).toEqual(["xl/calcChain.xml", "xl/worksheets/sheet1.xml"]);
  });

  test("inside the sheet only the JX cells differ, each as typed here", async () => {
    const before = splitCells((await parts(input)).get("xl/worksheets/sheet1.xml")!.toString("utf8"));
    const after = splitCells((await parts(bytes!)).get("xl/worksheets/sheet1.xml")!.toString("utf8"));
    expect(after.rest).toBe(before.rest); // protection, validation, hyperlinks, sparklines, page setup…
    const differing = [...before.cells.keys()].filter((k) => before.cells.get(k) !== after.cells.get(k));
    expect(differing.sort()).toEqual(["D1", "D2", "D3", "E1", "E2", "E4", "C2"].sort());
    for (const k of differing) expect(JX_CELLS).toContain(k);
    const c = after.cells;
    expect(c.get("D1")).toBe('<c r="D1" s="1"><f>ROUND((B1)/(C1),4)</f><v>0.1721</v></c>');
    expect(c.get("E1")).toBe('<c r="E1" t="inlineStr"><is><t xml:space="preserve">减少 50.09万元</t></is></c>');
    // The shared group: only the master's text changes; C3 and C4 follow it as before.
    expect(c.get("C2")).toBe('<c r="C2" s="1"><f t="shared" ref="C2:C4" si="0">ROUND((B2)/(8),4)</f><v>0.125</v></c>');
    expect(c.get("C3")).toBe('<c r="C3" s="1"><f t="shared" si="0"/><v>0.25</v></c>');
    expect(c.get("D2")).toBe("<c r=\"D2\"><f>ROUND((B2)/(4),4)</f><v>0.25</v></c>"); // _xlfn._xldudf_JX_RATE
    expect(c.get("E2")).toBe("<c r=\"E2\"><f>ROUND((B2)/(5),4)</f><v>0.2</v></c>"); // jx.rate
    expect(c.get("D3")).toBe('<c r="D3"><f t="array" ref="D3">ROUND((B3)/(4),4)</f><v>0.5</v></c>'); // _xldudf_JX.SHARE
    // JX reads the text amount "6.25万元" in D4, the native twin would not: E4 keeps its value 0.0625.
    expect(c.get("E4")).toBe('<c r="E4"><v>0.0625</v></c>');
    // The quote-prefixed text "=JX.RATE(1,4) 示例" and JX inside a string literal stay; B5 has no cached value: kept.
    expect(c.get("A5")).toBe(before.cells.get("A5"));
    expect(c.get("C5")).toBe(before.cells.get("C5"));
    expect(c.get("B5")).toBe('<c r="B5"><f>JX.CHANGETEXT(B1,C1)</f></c>');
  });

  test("the report counts and lists what changed, and what could not", () => {
    expect(report.native).toBe(7); // D1, C2, C3, C4, D2, E2, D3
    expect(report.values.map((v) => v.cell)).toEqual(["E1", "E4"]);
    expect(report.values[0].reason).toBe("JX.CHANGETEXT 没有等价的内置函数");
    expect(report.values[1].reason).toContain("D4 是文字「6.25万元」");
    expect(report.kept.map((v) => v.cell)).toEqual(["B5"]);
    expect(report.unchanged).toBe(4); // 表!E3, 表!C5, 我的!B1, 我的!B2
    expect(report.notes.join("\n")).toContain("计算链");
  });

  test("the calcChain loses exactly the two cells that became values; the sheet index moves to the next entry when needed", async () => {
    const chain = (await parts(bytes!)).get("xl/calcChain.xml")!.toString("utf8");
    expect(chain).toContain(
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D1" i="1"/><c r="C2"/><c r="D2"/><c r="E2"/><c r="C3"/><c r="D3" a="1"/><c r="E3"/><c r="C4"/><c r="B5"/><c r="C5"/><c r="B1" i="2"/><c r="B2"/></calcChain>',
    );
  });

  test("a calcChain left empty is removed with its relationship and content type; nothing else changes", async () => {
    const p = corpusParts();
    const onlyValues = makeZip({ ...p, "xl/calcChain.xml": (p["xl/calcChain.xml"] as string).replace(/<c r=.*<\/calcChain>/, '<c r="E1" i="1"/><c r="E4"/></calcChain>') });
    const { bytes: out, report: r } = finalizePackage(onlyValues, "chain.xlsx", HUNAN_2024);
    const before = await parts(onlyValues);
    const after = await parts(out!);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toBe(
      before.get("xl/_rels/workbook.xml.rels")!.toString("utf8").replace('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>', ""),
    );
    expect(after.get("[Content_Types].xml")!.toString("utf8")).toBe(
      before.get("[Content_Types].xml")!.toString("utf8").replace('<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>', ""),
    );
    const changed = [...before.keys()].filter((k) => after.has(k) && !before.get(k)!.equals(after.get(k)!));
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]);
    expect(r.notes.join("\n")).toContain("已删去计算链部件");
  });

  test("JX in a data validation or a name is not rewritten, but said", () => {
    const p = corpusParts();
    const withRules = makeZip({
      ...p,
      "xl/worksheets/sheet1.xml": (p["xl/worksheets/sheet1.xml"] as string).replace("<formula1>0</formula1>", "<formula1>JX.RATE(B1,2)</formula1>"),
      "xl/workbook.xml": (p["xl/workbook.xml"] as string).replace('<definedName name="税率">0.06</definedName>', '<definedName name="税率">JX.RATE(1,2)</definedName>'),
    });
    const { report: r } = finalizePackage(withRules, "rules.xlsx", HUNAN_2024);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        "名称「税率」的公式调用了 JX 函数，没有改动；请在 Excel 的「公式 > 名称管理器」里改写。",
        "「表」的条件格式或数据验证中有 1 个公式调用了 JX 函数，没有改动；请在 Excel 中改写。",
      ]),
    );
  });

  test("an .xlsm keeps its vbaProject.bin and its macro-enabled content type", async () => {
    const xlsm = corpusWorkbook({ macro: true });
    const inFile = path.join(dir, "宏.xlsm");
    const outFile = path.join(dir, "宏-定稿.xlsm");
    fs.writeFileSync(inFile, xlsm);
    await finalizeFile(inFile, outFile, HUNAN_2024);
    const after = await parts(fs.readFileSync(outFile));
    expect(after.get("xl/vbaProject.bin")!.equals(corpusParts({ macro: true })["xl/vbaProject.bin"] as Buffer)).toBe(true);
    expect(after.get("[Content_Types].xml")!.toString("utf8")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  test("a workbook without JX formulas comes out byte for byte", async () => {
    const p = corpusParts();
    const plain = makeZip({ ...p, "xl/worksheets/sheet1.xml": (p["xl/worksheets/sheet1.xml"] as string).replace(/<f>[^<]*JX[^<]*<\/f>/gi, "").replace(/_xldudf_JX\.SHARE/, "SUM").replace(/JX\.RATE\(B2,8\)/, "B2/8") });
    const inFile = path.join(dir, "plain.xlsx");
    const outFile = path.join(dir, "plain-out.xlsx");
    fs.writeFileSync(inFile, plain);
    const r = await finalizeFile(inFile, outFile, HUNAN_2024);
    expect(r.changedParts).toEqual([]);
    expect(fs.readFileSync(outFile).equals(plain)).toBe(true);
  });
});

describe("a workbook saved by LibreOffice (soffice --convert-to xlsx)", () => {
  test("its JX formulas (stored as jx.rate(…) with aca attributes and t=\"e\" results) are rewritten; every other part is byte-identical", async () => {
    // The forms with JX formulas, as the add-in writes them, opened and saved by LibreOffice.
    const wb = newWorkbook();
    writeLayouts(wb, packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 }), "jx");
    const src = path.join(dir, "jx-forms.xlsx");
    await writeWorkbook(wb, src);
    const outDir = path.join(dir, "lo-saved");
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile-saved")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, src], { encoding: "utf8", timeout: 200_000 });
    const saved = path.join(outDir, "jx-forms.xlsx");
    if (!fs.existsSync(saved)) throw new Error(`LibreOffice 没有生成 ${saved}（退出码 ${r.status}）：${r.stderr}`);
    const input = fs.readFileSync(saved);
    const before = await parts(input);
    const jxBefore = [...before.entries()].filter(([k, v]) => k.startsWith("xl/worksheets/") && /jx\./i.test(v.toString("utf8"))).map(([k]) => k);
    expect(jxBefore.length).toBeGreaterThan(0);
    const { bytes, report } = finalizePackage(input, "jx-forms.xlsx", HUNAN_2024);
    // Every JX formula the layouts wrote (counted from the template, not from finalize) became native.
    const written = packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 }).flatMap((l) => l.cells).filter((c) => c.formula && /JX\./.test(c.formula.jx)).length;
    expect(report.native).toBe(written);
    expect(report.kept).toEqual([]);
    const after = await parts(bytes!);
    for (const [k, v] of before) {
      if (jxBefore.includes(k)) expect(after.get(k)!.toString("utf8")).not.toMatch(/<f[^>]*>[^<]*jx\./i);
      else expect([k, after.get(k)!.equals(v)]).toEqual([k, true]);
    }
  });
});

describe("LibreOffice recalculates the finalized workbook to the values shown before", () => {
  test("every rewritten formula, computed by LibreOffice without its cached value, equals the cached value before", async () => {
    const { bytes } = finalizePackage(corpusWorkbook(), "corpus.xlsx", HUNAN_2024);
    // Remove the cached values of the formula cells, so that LibreOffice must compute them.
    const all = await parts(bytes!);
    const entries: Record<string, string | Buffer> = {};
    for (const [k, v] of all) entries[k] = v;
    entries["xl/worksheets/sheet1.xml"] = all.get("xl/worksheets/sheet1.xml")!.toString("utf8").replace(/(<\/f>|<f [^>]*\/>)<v>[^<]*<\/v>/g, "$1");
    entries["xl/worksheets/sheet2.xml"] = all.get("xl/worksheets/sheet2.xml")!.toString("utf8").replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1");
    const file = path.join(dir, "lo-in.xlsx");
    fs.writeFileSync(file, makeZip(entries));
    const outDir = path.join(dir, "lo");
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], { encoding: "utf8", timeout: 200_000 });
    const out = path.join(outDir, "lo-in.xlsx");
    if (!fs.existsSync(out)) throw new Error(`LibreOffice 没有生成 ${out}（退出码 ${r.status}）：${r.stderr}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("表")!;
    const value = (a: string) => {
      const v = ws.getCell(a).value as { result?: unknown; richText?: { text: string }[] } | number | string;
      if (typeof v === "object" && v !== null && v.richText) return v.richText.map((t) => t.text).join(""); // LibreOffice writes mixed fonts as rich text
      return typeof v === "object" && v !== null && "result" in v ? v.result : v;
    };
    // The cached values before finalize (corpus.ts), recomputed by hand there.
    expect(value("D1")).toBe(0.1721);
    expect([value("C2"), value("C3"), value("C4")]).toEqual([0.125, 0.25, 0.5]);
    expect(value("D2")).toBe(0.25);
    expect(value("E2")).toBe(0.2);
    expect(value("D3")).toBe(0.5);
    expect(value("E1")).toBe("减少 50.09万元");
    expect(value("E4")).toBe(0.0625);
    // Sheet-scoped 小计 on 我的 is 我的!A2 = 111 → 222; 税率 0.06 × 10.41 = 0.6246.
    const mine = wb.getWorksheet("我的")!;
    expect((mine.getCell("B1").value as { result: number }).result).toBe(222);
    expect((mine.getCell("B2").value as { result: number }).result).toBeCloseTo(0.6246, 10);
  });
});
