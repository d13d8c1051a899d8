/**
 * `jixiao report` as a user runs it (a separate process): seed 003's workbook → the .docx and the
 * plain text; the 报告素材 sheet that `jixiao template` inserts and `check` ignores; a 自评报告
 * sheet checked against the tables; exit codes. (The .docx → PDF rendering is tested in test/report/.)
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { HUNAN_2024, materialLayout, packageLayouts } from "../../src/core";
import { newWorkbook, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";
import { loadSeed } from "../helpers/seeds";
import { cli, makeZip, seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("report");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);

const TITLE = "湖南省政务服务和大数据中心2024年度部门整体支出绩效自评报告";
const HEADINGS = [
  "一、基本情况",
  "二、一般公共预算支出情况",
  "三、政府性基金预算支出情况",
  "四、国有资本经营预算支出情况",
  "五、社会保险基金预算支出情况",
  "六、部门整体支出绩效情况",
  "七、存在的问题及原因分析",
  "八、下一步改进措施",
  "九、部门整体支出绩效自评结果拟应用和公开情况",
  "十、其他需要说明的情况",
];

/** The text of a .docx body: every run's text, tags removed. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error(`${file} has no word/document.xml`);
  return xml.replace(/<[^>]+>/g, "");
}

/** Writes `text` into column B of the row whose column A reads `label` (the first free one for a list). */
function typeInto(ws: ExcelJS.Worksheet, label: string, text: string): void {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === label && !ws.getCell(r, 2).value) {
      ws.getCell(r, 2).value = text;
      return;
    }
  }
  throw new Error(`no free row labelled ${label}`);
}

beforeAll(async () => {
  await seedWorkbook("003", p("seed-003.xlsx"));

  // Seed 003 with the blank 报告素材 sheet a new workbook gets, filled in by hand in part.
  const pkg = loadSeed("003");
  const w = newWorkbook();
  writeLayouts(w, [...packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg), materialLayout({ year: pkg.year })]);
  await writeWorkbook(w, p("material.xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p("material.xlsx"));
  const ws = wb.getWorksheet("报告素材");
  if (!ws) throw new Error("no 报告素材 sheet");
  typeInto(ws, "职能职责", "我中心是省政府办公厅管理的公益一类副厅级事业单位，为财政全额拨款单位和独立一级预算单位。");
  typeInto(ws, "主要成绩", "强化体系建设，全速融入“数字湖南”整体布局。");
  typeInto(ws, "存在的问题", "部分项目进度和预算执行有待加快。");
  await wb.xlsx.writeFile(p("material.xlsx"));

  // Seed 003 with a 自评报告 sheet pasted in: one wrong figure, one placeholder.
  const withReport = new ExcelJS.Workbook();
  await withReport.xlsx.readFile(p("seed-003.xlsx"));
  const rs = withReport.addWorksheet("自评报告");
  rs.addRow([TITLE]);
  rs.addRow(["2024年“三公”经费预算数60.50万元，实际支出12.00万元。"]);
  rs.addRow(["公用经费实际支出347.38万元。"]);
  rs.addRow(["本部门2024年度整体支出绩效自评得分××分，评价等级为“优”。"]);
  await withReport.xlsx.writeFile(p("with-report.xlsx"));

  fs.writeFileSync(p("word.xlsx"), makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }));
  const other = new ExcelJS.Workbook();
  other.addWorksheet("通讯录").addRow(["姓名", "电话"]);
  await other.xlsx.writeFile(p("no-forms.xlsx"));
});

describe("report --docx", () => {
  test("seed 003: a zip with word/document.xml holding the title and 85.23%; warned about the 4 错误 first; exit 0", async () => {
    const out = p("seed-003.docx");
    const r = cli(["report", p("seed-003.xlsx"), "--docx", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^注意：表格校验发现 4 处错误/);
    expect(r.stderr).toContain("附件2 整体支出自评表 D5");
    expect(r.stderr).toContain("报告已生成，但表格有 4 处错误");
    expect(r.stdout).toContain(`已生成「${out}」：${TITLE}`);

    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // PK\3\4
    const text = await docxText(out);
    expect(text).toContain(TITLE);
    expect(text).toContain("在职人员控制率85.23%");
    expect(text).toContain("【请核对：表格校验发现4处错误"); // the document opens with the notice, a prompt like every note
    expect(text.indexOf("【请核对：表格校验发现")).toBeLessThan(text.indexOf("一、基本情况"));
    for (const h of HEADINGS) expect(text).toContain(h);
  });

  test("an existing .docx is kept without --force (exit 3) and replaced with it", () => {
    const out = p("exists.docx");
    fs.writeFileSync(out, "keep me");
    const r = cli(["report", p("seed-003.xlsx"), "--docx", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("已存在");
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    expect(cli(["report", p("seed-003.xlsx"), "--docx", out, "--force"]).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

describe("report --txt", () => {
  test("seed 003: the title, the ten section headings in order and the seed's figures; messages on stderr only", () => {
    const r = cli(["report", p("seed-003.xlsx"), "--txt"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0] + lines[1]).toBe(TITLE); // the title broken after the unit
    expect(lines.filter((l) => /^\u3000\u3000[一二三四五六七八九十]、/.test(l)).map((l) => l.trim())).toEqual(HEADINGS);
    expect(r.stdout).toContain("在职人员控制率85.23%");
    expect(r.stdout).toContain("“三公”经费预算数60.50万元，实际支出10.41万元，三公经费控制率17.21%");
    expect(r.stdout).toContain("自评得分95.40分，评价等级为“优”");
    expect(r.stdout).not.toContain("××");
    // No 报告素材 sheet in this workbook: the department's own texts are left as prompts, and said so.
    expect(r.stdout).toContain("【待填写：请在「报告素材」工作表填写职能职责】");
    expect(r.stderr).toContain("工作簿中没有「报告素材」表");
    expect(r.stdout).not.toContain("运行 jixiao check");
  });

  test("the texts typed into 报告素材 go into the report; the blank items stay prompts", () => {
    const r = cli(["report", p("material.xlsx"), "--txt"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\u3000\u3000我中心是省政府办公厅管理的公益一类副厅级事业单位，为财政全额拨款单位和独立一级预算单位。");
    expect(r.stdout).toContain("强化体系建设，全速融入“数字湖南”整体布局。");
    expect(r.stdout).toContain("部分项目进度和预算执行有待加快。");
    expect(r.stdout).not.toContain("填写职能职责");
    expect(r.stdout).toContain("【待填写：请在「报告素材」工作表填写机构设置】");
    // 文件依据, 机构设置, 人员经费, 国有资本经营 and 社会保险基金预算支出, 改进措施 (the 【请核对：…】 prompts on the
    // tables are not counted here).
    expect(r.stdout).toContain("【待填写：请在「报告素材」工作表填写国有资本经营预算支出（万元，没有则填0）】");
    expect(r.stderr).toContain("「报告素材」表中有空项，报告中留了 6 处「待填写」");
  });

  test("a blank template: no 错误, so no warning, in the text or on stderr", () => {
    const file = p("blank.xlsx");
    expect(cli(["template", file, "--unit", "测试单位", "--year", "2024"]).code).toBe(0);
    const r = cli(["report", file, "--txt"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["测试单位", "2024年度部门整体支出绩效自评报告"]);
    expect(r.stdout).not.toContain("表格校验发现");
    expect(r.stderr).not.toContain("错误");
  });
});

describe("template: the 报告素材 sheet, which check ignores", () => {
  test("a template holds 报告素材 after the forms; check reads only the forms and finds no 错误", async () => {
    const file = p("template.xlsx");
    const t = cli(["template", file, "--year", "2024", "--projects", "2"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("共 5 张表：附件1 基础数据表、附件2 整体支出自评表、附件3 项目1、附件3 项目2、报告素材");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "附件3 项目1", "附件3 项目2", "报告素材"]);
    expect(wb.getWorksheet("报告素材")?.getCell("A1").value).toBe("2024年度部门整体支出绩效自评报告素材");

    const c = cli(["check", file, "--json"]);
    expect(c.code).toBe(0);
    const j = JSON.parse(c.stdout);
    expect(j.sheets.map((s: { name: string }) => s.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "附件3 项目1", "附件3 项目2"]);
    expect(j.findings.filter((f: { sheet: string }) => f.sheet === "报告素材")).toEqual([]);
    expect(j.counts.错误).toBe(0);
  });
});

describe("a 自评报告 sheet in the workbook", () => {
  test("check lists it and shows its REPORT.* findings: 三公经费 12.00 against 10.41, 得分××分 against 95.40", () => {
    const r = cli(["check", p("with-report.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("「自评报告」（自评报告，其中的数字已与表格核对）");
    expect(r.stdout).toMatch(/【自评报告】\n\s+A2\s+错误\s+报告中三公经费为 12\.00万元.*（应为 10\.41，实际 12\.00）\s+\[REPORT\.FIGURE_MISMATCH\]/);
    expect(r.stdout).toMatch(/A4\s+错误\s+报告留有占位符「××分」，按自评表应为 95\.40.*\[REPORT\.PLACEHOLDER\]/);
    expect(r.stdout).toContain("错误 6 条"); // seed 003's four and the report's two
    const j = JSON.parse(cli(["check", p("with-report.xlsx"), "--json"]).stdout);
    expect(j.sheets).toContainEqual({ name: "自评报告", kind: "report" });
  });

  test("report says the old sheet disagrees, and generates from the tables all the same", () => {
    const r = cli(["report", p("with-report.xlsx"), "--txt"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已有的报告工作表 「自评报告」 与表格不符或留有占位符，共 2 处");
    expect(r.stdout).toContain("【请核对：表格校验发现4处错误"); // the tables' 4, not the old report's
    expect(r.stdout).toContain("实际支出10.41万元");
    expect(r.stdout).not.toContain("12.00万元");
  });
});

describe("exit codes", () => {
  const usage: [args: string[], message: string][] = [
    [["report"], "缺少参数 FILE.xlsx"],
    [["report", "seed-003.xlsx"], "要指定输出：--docx OUT.docx（Word 文档）或 --txt"],
    [["report", "seed-003.xlsx", "--txt", "--docx", "out.docx"], "--docx 和 --txt 只能选一个"],
    [["report", "seed-003.xlsx", "--docx"], "选项 --docx 后面缺少值"],
    [["report", "seed-003.xlsx", "--docx", "out.pdf"], "输出文件应以 .docx 结尾"],
    [["report", "seed-003.xlsx", "--pdf"], "不认识选项 --pdf"],
    [["report", "seed-003.xlsx", "--txt", "--preset", "beijing"], "没有名为「beijing」的评分方案"],
    [["report", "seed-003.xlsx", "other.xlsx", "--txt"], "「report」多了参数："],
  ];
  test.each(usage)("usage: jixiao %j → exit 3", (args, message) => {
    const r = cli(args.map((a) => (/\.(xlsx|docx|pdf)$/.test(a) ? p(a) : a)));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  const unreadable: [file: string, message: RegExp][] = [
    ["missing.xlsx", /找不到文件/],
    ["word.xlsx", /是Word 文档（\.docx），不是 Excel 工作簿/],
    ["no-forms.xlsx", /没有绩效自评表格：工作表 「通讯录」/],
  ];
  test.each(unreadable)("unreadable: %s → exit 2, nothing written", (file, message) => {
    const out = p(`${file}.docx`);
    const r = cli(["report", p(file), "--docx", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
