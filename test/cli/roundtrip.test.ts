/**
 * Round trips on real .xlsx files: import → export gives the model back; template → fill → check
 * finds seed 003's real mistakes; finalize rewrites JX formulas and leaves the user's sheets alone.
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { HUNAN_2024, packageLayouts, type Package } from "../../src/core";
import { checkFile } from "../../src/cli/check";
import { finalizeFile } from "../../src/cli/finalize";
import { exportModel, importModel } from "../../src/cli/model";
import { loadWorkbook, newWorkbook, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";
import { loadSeed } from "../helpers/seeds";
import { tmpDir } from "./helpers";

const dir = tmpDir("roundtrip");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const seedFile = (id: string) => path.join(__dirname, "..", "fixtures", "seeds", `seed-${id}.json`);

describe("import → export", () => {
  async function roundTrip(id: string): Promise<Package> {
    const xlsx = path.join(dir, `import-${id}.xlsx`);
    const json = path.join(dir, `export-${id}.json`);
    await importModel(seedFile(id), xlsx, HUNAN_2024);
    await exportModel(xlsx, json);
    const { material, ...pkg } = JSON.parse(fs.readFileSync(json, "utf8")) as Package & { material: unknown };
    expect(material).toBeNull(); // the seeds have no 报告素材: the imported sheet is blank
    return pkg as Package;
  }

  test("an imported workbook also gets the empty 报告素材 sheet for the report", async () => {
    const xlsx = path.join(dir, "import-material.xlsx");
    const { sheets } = await importModel(seedFile("003"), xlsx, HUNAN_2024);
    expect(sheets).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "报告素材"]);
  });

  test("seed 003: the same JSON, except percentages typed as text in rate cells, which Excel stores as numbers", async () => {
    const seed = loadSeed("003");
    const back = await roundTrip("003");
    // The seed says 控制率 "85.23%" and 执行率 "84%"; a rate cell holds 0.8523 and 0.84 (shown as 85.23%, 84.00%).
    expect(back.basic!.staff.controlRate).toBe(0.8523);
    expect(back.selfEvaluation!.funds.rate).toBe(0.84);
    const expected = structuredClone(seed);
    expected.basic!.staff.controlRate = 0.8523;
    expected.selfEvaluation!.funds.rate = 0.84;
    expect(back).toEqual(expected);
  });

  test("seed 004: six projects, their names, figures and indicators come back", async () => {
    const seed = loadSeed("004");
    const back = await roundTrip("004");
    expect(back.projects.map((p) => p.name)).toEqual(seed.projects.map((p) => p.name));
    // 执行率 as stated in the seed: 99.00%, 100.00%, 89.00%, 97.00%, 1.00%, 100.00%.
    expect(back.projects.map((p) => p.funds.total.rate)).toEqual([0.99, 1, 0.89, 0.97, 0.01, 1]);
    expect(back.basic!.staff.controlRate).toBe(1.1); // 110.00%: 11 在职 over 10 编制
    const expected = structuredClone(seed);
    expected.basic!.staff.controlRate = 1.1;
    expected.projects.forEach((p, i) => (p.funds.total.rate = [0.99, 1, 0.89, 0.97, 0.01, 1][i]));
    expect(back).toEqual(expected);
  });

  test("export → import → export is exact", async () => {
    const first = path.join(dir, "export-002-a.json");
    const xlsx1 = path.join(dir, "rt-002-1.xlsx");
    const xlsx2 = path.join(dir, "rt-002-2.xlsx");
    await importModel(seedFile("002"), xlsx1, HUNAN_2024);
    await exportModel(xlsx1, first);
    await importModel(first, xlsx2, HUNAN_2024);
    const second = path.join(dir, "export-002-b.json");
    await exportModel(xlsx2, second);
    expect(fs.readFileSync(second, "utf8")).toBe(fs.readFileSync(first, "utf8"));
  });
});

describe("报告素材 in the model file", () => {
  // Every field of the 报告素材 template, with what users write: line breaks, a leading "=", more 主要成绩
  // than the sheet's five blank rows.
  const material = {
    duties: "1. 负责全省政务服务体系建设；\n2. 负责政务数据共享。",
    organization: "内设 8 个处室，下属 2 个事业单位。",
    staffNotes: "离退休人员 12 人。",
    goals: "=以“一网通办”为牵引（以等号开头的文字）",
    achievements: ["一网通办事项 1,200 项", "“一件事一次办”", "政务大厅改造", "数据共享 3 亿条", "12345 热线", "第六项成绩"],
    problems: "个别项目执行偏慢。",
    improvements: "加强预算执行监控。",
    resultUse: "自评结果在门户网站公开。",
    other: "无",
    noticeTitle: "关于开展2024年度部门整体支出绩效自评工作的通知",
    noticeNumber: "湘财绩〔2025〕1号",
    period: "2024年1月1日至12月31日",
    organizationWork: "成立自评工作小组，财务科牵头。",
    staffBudget: "2375.11",
    staffFinal: "2321.93",
    stateCapitalExpense: "0",
    socialInsuranceExpense: "12.5",
    signatureUnit: "湖南省政务服务和大数据中心",
    signatureDate: "2025年4月17日",
  };

  test("import writes it into the 报告素材 sheet as text; export reads every field back; a second round trip is exact", async () => {
    const model = { ...loadSeed("003"), material };
    const first = path.join(dir, "material-model.json");
    fs.writeFileSync(first, JSON.stringify(model));
    const xlsx = path.join(dir, "material.xlsx");
    await importModel(first, xlsx, HUNAN_2024);
    const wb = await loadWorkbook(xlsx);
    const sheet = wb.getWorksheet("报告素材")!;
    const texts: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain("=以“一网通办”为牵引（以等号开头的文字）"); // a value, not a formula
    expect(texts).toContain("第六项成绩");
    const back = path.join(dir, "material-back.json");
    await exportModel(xlsx, back);
    expect(JSON.parse(fs.readFileSync(back, "utf8")).material).toEqual(material);
    const xlsx2 = path.join(dir, "material-2.xlsx");
    const back2 = path.join(dir, "material-back-2.json");
    await importModel(back, xlsx2, HUNAN_2024);
    await exportModel(xlsx2, back2);
    expect(fs.readFileSync(back2, "utf8")).toBe(fs.readFileSync(back, "utf8"));
  });

  test("a model file with only some 报告素材 fields imports; the others are blank", async () => {
    const file = path.join(dir, "material-some.json");
    fs.writeFileSync(file, JSON.stringify({ ...loadSeed("002"), material: { duties: "职能职责一条" } }));
    const xlsx = path.join(dir, "material-some.xlsx");
    await importModel(file, xlsx, HUNAN_2024);
    const back = path.join(dir, "material-some-back.json");
    await exportModel(xlsx, back);
    expect(JSON.parse(fs.readFileSync(back, "utf8")).material).toEqual({
      duties: "职能职责一条",
      organization: "",
      staffNotes: "",
      goals: "",
      achievements: [],
      problems: "",
      improvements: "",
      resultUse: "",
      other: "",
      noticeTitle: "",
      noticeNumber: "",
      period: "",
      organizationWork: "",
      staffBudget: "",
      staffFinal: "",
      stateCapitalExpense: "",
      socialInsuranceExpense: "",
      signatureUnit: "",
      signatureDate: "",
    });
  });
});

describe("template → fill → check", () => {
  test("seed 003's figures typed into a blank template: its real mistakes are found at the right cells", async () => {
    const params = { year: 2024, unit: "湖南省政务服务和大数据中心", preset: HUNAN_2024, projects: 0 };
    const template = path.join(dir, "blank.xlsx");
    const w = newWorkbook();
    writeLayouts(w, packageLayouts(params));
    await writeWorkbook(w, template);

    // Fill as an accountant would: open the file, type into the input cells, save.
    const layouts = packageLayouts(params);
    const wb = await loadWorkbook(template);
    const type = (sheet: number, field: string, value: number) => {
      const pos = layouts[sheet].fields[field];
      expect(layouts[sheet].cells.find((c) => c.field === field)?.style).toBe("input");
      wb.worksheets[sheet].getCell(pos.row + 1, pos.col + 1).value = value;
    };
    type(0, "staff.authorized", 88);
    type(0, "staff.actual", 75);
    type(0, "project.budget", 22060.5);
    type(0, "project.final", 18259.03);
    type(0, "businessWork.final", 86.56);
    type(0, "operation.final", 18172.46);
    type(1, "funds.initialBudget", 24331.55);
    type(1, "funds.fullBudget", 24964.59);
    type(1, "funds.executed", 20971.34);
    type(1, "byIncome.general", 24876.65);
    type(1, "byIncome.other", 87.94);
    type(1, "byExpense.basic", 2669.31);
    type(1, "byExpense.project", 18302.03);
    const filled = path.join(dir, "filled.xlsx");
    await writeWorkbook(wb, filled);

    const r = await checkFile(filled, HUNAN_2024);
    if (!r.ok) throw new Error(r.error);
    expect(r.unit).toBe("湖南省政务服务和大数据中心");
    expect(r.year).toBe(2024);
    const at = (rule: string, cell: string) => r.findings.find((f) => f.rule === rule && f.cell === cell);
    const income = at("EVAL.INCOME_SUM", "D5");
    expect(income?.severity).toBe("错误");
    expect([income?.expected, income?.actual]).toEqual(["20971.34", "24964.59"]);
    const project = at("EVAL.PROJECT_VS_BASIC", "H7");
    expect([project?.expected, project?.actual]).toEqual(["18259.03", "18302.03"]);
    const rounding = at("SUM.ROUNDING", "F11");
    expect(rounding?.severity).toBe("提示"); // 86.56 + 18172.46 = 18259.02 vs 18259.03
    expect(r.counts.错误).toBe(2);
  });
});

describe("finalize", () => {
  const STYLE = { font: { bold: true, color: { argb: "FFC00000" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } } } as const;

  async function userWorkbook(file: string): Promise<void> {
    const wb = newWorkbook();
    // The forms with JX formulas, as the add-in writes them.
    writeLayouts(wb, packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 }), "jx");
    // The user's own cells beside a form, and a sheet of their own.
    const basic = wb.getWorksheet("附件1 基础数据表")!;
    basic.getCell("J1").value = "我的备注：编制数待人事科确认";
    basic.getCell("J2").value = { formula: "SUM(B3,D3)", result: 163 };
    const mine = wb.addWorksheet("我的计算");
    mine.getColumn(1).width = 33;
    mine.getCell("A1").value = "三公经费";
    mine.getCell("A1").font = STYLE.font;
    mine.getCell("A1").fill = STYLE.fill;
    mine.getCell("B1").value = 10.41;
    mine.getCell("B1").numFmt = "#,##0.000";
    mine.getCell("C1").value = { formula: "B1*2", result: 20.82 };
    mine.getCell("A2").value = "合并单元格";
    mine.mergeCells("A2:C2");
    mine.getCell("A3").value = { formula: 'JX.CHANGETEXT(B1,60.5)', result: "减少 50.09万元" };
    mine.getCell("B3").value = { formula: "JX.RATE(B1,60.5)", result: 0.1721 };
    // A shared formula (filled down) calling JX.
    mine.getCell("D1").value = 1;
    mine.getCell("D2").value = 2;
    mine.getCell("D3").value = 4;
    mine.fillFormula("E1:E3", "JX.RATE(D1,8)", [0.125, 0.25, 0.5]);
    await writeWorkbook(wb, file);
  }

  test("JX formulas become native ones with their cached results; JX.CHANGETEXT becomes its value; the rest is untouched", async () => {
    const input = path.join(dir, "user.xlsx");
    const output = path.join(dir, "user-final.xlsx");
    await userWorkbook(input);
    const before = await loadWorkbook(input);
    const report = await finalizeFile(input, output, HUNAN_2024);
    const after = await loadWorkbook(output);

    // Sheets, their order and names.
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    // No JX call is left anywhere.
    for (const ws of after.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(String(c.formula ?? "")).not.toMatch(/JX\./i)));

    // The forms' formulas are now the layouts' native twins.
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 });
    layouts.forEach((layout, i) => {
      for (const c of layout.cells.filter((x) => x.formula)) expect(`=${after.worksheets[i].getCell(c.row + 1, c.col + 1).formula}`).toBe(c.formula!.native);
    });

    const mine = after.getWorksheet("我的计算")!;
    expect(mine.getCell("A3").value).toBe("减少 50.09万元"); // no native twin: its value
    expect(mine.getCell("B3").value).toEqual({ formula: "ROUND((B1)/(60.5),4)", result: 0.1721 });
    // The shared formula, rewritten cell by cell with its own references.
    expect(["E1", "E2", "E3"].map((a) => mine.getCell(a).formula)).toEqual(["ROUND((D1)/(8),4)", "ROUND((D2)/(8),4)", "ROUND((D3)/(8),4)"]);
    expect(["E1", "E2", "E3"].map((a) => mine.getCell(a).result)).toEqual([0.125, 0.25, 0.5]);
    expect(report.values).toEqual([{ sheet: "我的计算", cell: "A3", reason: "JX.CHANGETEXT 没有等价的内置函数" }]);

    // The user's own cells: values, formulas, styles, formats, merges, widths as before.
    const b = before.getWorksheet("我的计算")!;
    for (const a of ["A1", "B1", "C1", "A2", "D1", "D2", "D3"]) {
      expect(mine.getCell(a).value).toEqual(b.getCell(a).value);
      expect(mine.getCell(a).style).toEqual(b.getCell(a).style);
    }
    expect(mine.getCell("A1").font?.bold).toBe(true);
    expect(mine.getCell("B1").numFmt).toBe("#,##0.000");
    expect(mine.getCell("C1").value).toEqual({ formula: "B1*2", result: 20.82 });
    expect(mine.getCell("B2").isMerged).toBe(true);
    expect(mine.getColumn(1).width).toBe(33);
    const basicAfter = after.getWorksheet("附件1 基础数据表")!;
    expect(basicAfter.getCell("J1").value).toBe("我的备注：编制数待人事科确认");
    expect(basicAfter.getCell("J2").value).toEqual({ formula: "SUM(B3,D3)", result: 163 });
    // Merges and column widths of every sheet are unchanged.
    const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges.slice().sort();
    before.worksheets.forEach((ws, i) => {
      expect(merges(after.worksheets[i])).toEqual(merges(ws));
      expect(after.worksheets[i].columns.map((c) => c.width)).toEqual(ws.columns.map((c) => c.width));
    });
    // Every non-formula cell of every sheet is unchanged.
    before.worksheets.forEach((ws, i) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Merge) return; // a merged cell reports its master
          const d = after.worksheets[i].getCell(c.address);
          expect([c.address, d.value, d.style]).toEqual([c.address, c.value, c.style]);
        }),
      ),
    );
  });
});
