/**
 * The command line as a user runs it (a separate process): help, exit codes, bad files, the batch
 * over a folder with a bad file, model import errors.
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { cli, encryptedHeader, makeZip, seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("cli");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);
const SEED003 = path.join(__dirname, "..", "fixtures", "seeds", "seed-003.json");

/** A sheet of 10,000 rows of random text, numbers and dates. */
function garbageSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 1; r <= 10_000; r++) {
    ws.addRow([`垃圾${Math.floor(rnd() * 1e6)}`, rnd() * 1e6, new Date(Date.UTC(2000 + Math.floor(rnd() * 25), 0, 1)), rnd() < 0.5 ? "控制率" : "#N/A", `${rnd()}%`, null, "三公经费"]);
  }
}

beforeAll(async () => {
  await seedWorkbook("003", p("seed-003.xlsx"));
  await seedWorkbook("004", p("seed-004.xlsx"));
  fs.writeFileSync(p("empty.xlsx"), "");
  fs.writeFileSync(p("word.xlsx"), makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }));
  const good = fs.readFileSync(p("seed-003.xlsx"));
  fs.writeFileSync(p("truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(p("encrypted.xlsx"), encryptedHeader());
  fs.writeFileSync(p("notes.xlsx"), "单位,年度\n湖南省政务服务和大数据中心,2024\n");

  const garbage = new ExcelJS.Workbook();
  garbageSheet(garbage, "乱码");
  await garbage.xlsx.writeFile(p("garbage.xlsx"));

  // Seed 003 plus a 10,000-row sheet of garbage of the user's.
  const mixed = new ExcelJS.Workbook();
  await mixed.xlsx.readFile(p("seed-003.xlsx"));
  garbageSheet(mixed, "草稿");
  await mixed.xlsx.writeFile(p("seed-003-with-garbage.xlsx"));

  fs.mkdirSync(p("batch/子文件夹"), { recursive: true });
  fs.copyFileSync(p("seed-003.xlsx"), p("batch/003.xlsx"));
  fs.copyFileSync(p("seed-004.xlsx"), p("batch/子文件夹/004.xlsx"));
  fs.copyFileSync(p("word.xlsx"), p("batch/坏文件.xlsx"));
  fs.writeFileSync(p("batch/~$003.xlsx"), "lock file of an open workbook");
  fs.writeFileSync(p("batch/说明.txt"), "not a workbook");
});

describe("help", () => {
  test.each(["template", "check", "report", "finalize", "import", "export"])("jixiao %s --help is in Chinese and exits 0", (cmd) => {
    const r = cli([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`用法：jixiao ${cmd}`);
    expect(r.stdout).toMatch(/[\u4e00-\u9fff]{10}/);
  });

  test("jixiao --help lists the commands; an unknown command exits 3 with a Chinese message", () => {
    const h = cli(["--help"]);
    expect(h.code).toBe(0);
    for (const cmd of ["template", "check", "report", "finalize", "import", "export"]) expect(h.stdout).toContain(cmd);
    expect(h.stdout).not.toContain("将随报告生成功能");
    const u = cli(["chek", "a.xlsx"]);
    expect(u.code).toBe(3);
    expect(u.stderr).toContain("没有「chek」这个命令");
  });
});

describe("check FILE", () => {
  test("seed 003: exit 1, its four 错误 with cells, expected and actual figures", () => {
    const r = cli(["check", p("seed-003.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("湖南省政务服务和大数据中心");
    expect(r.stdout).toMatch(/D5\s+错误.*应为 20971\.34，实际 24964\.59/);
    expect(r.stdout).toMatch(/H7\s+错误.*应为 18259\.03，实际 18302\.03/);
    expect(r.stdout).toMatch(/F28\s+错误.*应为 17\.21%，实际 17\.19%/);
    expect(r.stdout).toMatch(/F11\s+提示.*尾数差/);
    expect(r.stdout).toContain("错误 4 条");
  });

  test("--json: the findings and the stated 总分 95.40", () => {
    const r = cli(["check", p("seed-003.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, unit: "湖南省政务服务和大数据中心", year: 2024, total: "95.40", grade: "优", counts: { 错误: 4 } });
    expect(j.findings.find((f: { rule: string }) => f.rule === "EVAL.INCOME_SUM")).toMatchObject({ sheet: "附件2 整体支出自评表", cell: "D5", expected: "20971.34", actual: "24964.59" });
  });

  test("jixiao template writes no 附件3 unless --projects asks for some", () => {
    const t = cli(["template", p("no-projects.xlsx"), "--year", "2024"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("共 3 张表：附件1 基础数据表、附件2 整体支出自评表、报告素材");
    expect(t.stdout).not.toContain("附件3");
  });

  test("a blank template has no 错误: exit 0", () => {
    const file = p("blank.xlsx");
    const t = cli(["template", file, "--unit", "测试单位", "--year", "2024", "--projects", "2"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("附件3 项目2");
    const r = cli(["check", file]);
    expect(r.code).toBe(0);
    // 尚未填写 once per sheet (FORM.BLANK 提示): neither an all-clear nor a list of "…未填写" 警告.
    expect(r.stdout).toContain("共 4 条：错误 0 条，警告 0 条，提示 4 条。");
    for (const sheet of ["附件1 基础数据表", "附件2 整体支出自评表", "附件3 项目1", "附件3 项目2"]) expect(r.stdout).toContain(`「${sheet}」尚未填写`);
  });

  test("a 10,000-row sheet of garbage beside the forms is ignored: the same findings", () => {
    const r = cli(["check", p("seed-003-with-garbage.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ 错误: 4, 警告: 0, 提示: 1 });
    expect(j.sheets.map((s: { name: string }) => s.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表"]);
  });
});

describe("bad files: a clear Chinese message, exit 2, no crash", () => {
  const cases: [file: string, message: RegExp][] = [
    ["empty.xlsx", /空文件（0 字节）/],
    ["word.xlsx", /是Word 文档（\.docx），不是 Excel 工作簿/],
    ["truncated.xlsx", /已损坏或不完整/],
    ["encrypted.xlsx", /设置了打开密码/],
    ["notes.xlsx", /不是 \.xlsx 工作簿（内容是文本文件）/],
    ["garbage.xlsx", /没有绩效自评表格：工作表 「乱码」/],
    ["missing.xlsx", /找不到文件或文件夹/],
  ];
  test.each(cases)("%s", (file, message) => {
    const r = cli(["check", p(file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    expect(r.stdout).toBe("");
  });
});

describe("check DIR", () => {
  test("every workbook under the folder; the bad one is reported and the batch goes on; exit 2", () => {
    const r = cli(["check", p("batch"), "--jobs", "2"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/003\.xlsx\s+湖南省政务服务和大数据中心\s+2024\s+95\.40\s+优\s+4\s+0\s+1/);
    expect(r.stdout).toContain(path.join("子文件夹", "004.xlsx"));
    expect(r.stdout).toContain("株洲市天元区数据局");
    expect(r.stdout).toMatch(/坏文件\.xlsx：.*Word 文档/);
    expect(r.stdout).toContain("共 3 个文件：2 个有错误，0 个没有错误，1 个无法读取。");
    expect(r.stdout).not.toContain("~$003");
    expect(r.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  test("--csv: one line per file, with the counts; --json: the same in JSON", () => {
    const c = cli(["check", p("batch"), "--csv"]);
    expect(c.code).toBe(2);
    const lines = c.stdout.replace(/^\ufeff/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe("文件,单位,年度,总分,等级,错误,警告,提示,无法读取的原因");
    expect(lines).toContain("003.xlsx,湖南省政务服务和大数据中心,2024,95.40,优,4,0,1,");
    // Seed 004: four projects' stated 执行率 and 得分 are wrong → 8 错误.
    expect(lines.find((l) => l.includes("004.xlsx"))).toMatch(/^子文件夹.004\.xlsx,株洲市天元区数据局,2024,.*,8,\d+,\d+,$/);
    expect(lines.find((l) => l.startsWith("坏文件.xlsx"))).toMatch(/Word 文档/);

    const j = JSON.parse(cli(["check", p("batch"), "--json"]).stdout);
    expect(j.summary).toEqual({ files: 3, withErrors: 2, unreadable: 1 });
    expect(j.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
      ["003.xlsx", true],
      ["坏文件.xlsx", false],
      [path.join("子文件夹", "004.xlsx"), true],
    ]);
  });

  test("a folder of good files only: exit 1 with 错误, in one thread as in several", () => {
    const good = p("good");
    fs.mkdirSync(good);
    fs.copyFileSync(p("seed-003.xlsx"), path.join(good, "a.xlsx"));
    fs.copyFileSync(p("seed-004.xlsx"), path.join(good, "b.xlsx"));
    const one = cli(["check", good, "--jobs", "1", "--json"]);
    const two = cli(["check", good, "--jobs", "2", "--json"]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });
});

describe("import / export", () => {
  test("import then export through the CLI", () => {
    const xlsx = p("import-003.xlsx");
    const r = cli(["import", SEED003, xlsx]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("湖南省政务服务和大数据中心 2024 年度");
    const e = cli(["export", xlsx, p("export-003.json")]);
    expect(e.code).toBe(0);
    const back = JSON.parse(fs.readFileSync(p("export-003.json"), "utf8"));
    expect(back.selfEvaluation.byExpense.project).toBe(18302.03);
    expect(back.selfEvaluation.indicators).toHaveLength(24); // seed 003 lists 24 三级指标
  });

  test("a bad model: exit 2 and a Chinese message naming the JSON path", () => {
    const model = JSON.parse(fs.readFileSync(SEED003, "utf8"));
    model.basic.staff.actual = true;
    delete model.selfEvaluation.funds.weight;
    model.selfEvaluation.indicators[2].scroe = 2;
    fs.writeFileSync(p("bad-model.json"), JSON.stringify(model, null, 2));
    const r = cli(["import", p("bad-model.json"), p("bad.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("$.basic.staff.actual：应为数字、文本、null（空白），实际是逻辑值 true");
    expect(r.stderr).toContain("$.selfEvaluation.funds：缺少字段「weight」");
    expect(r.stderr).toContain("$.selfEvaluation.indicators[2].scroe：不认识的字段「scroe」");
    expect(fs.existsSync(p("bad.xlsx"))).toBe(false);
  });

  test("a model that is not JSON: the line of the mistake", () => {
    fs.writeFileSync(p("broken.json"), '{\n  "schemaVersion": 1,\n  "unit": "x",\n  "year": 2024,,\n}');
    const r = cli(["import", p("broken.json"), p("broken.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是有效的 JSON（第 4 行/);
  });
});

describe("writing files", () => {
  test("an existing output is not overwritten without --force (exit 3); finalize refuses IN = OUT", () => {
    const out = p("exists.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = cli(["template", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("已存在");
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const f = cli(["finalize", p("seed-003.xlsx"), p("seed-003.xlsx"), "--force"]);
    expect(f.code).toBe(3);
    expect(f.stderr).toContain("不能与输入文件相同");
  });

  test("finalize through the CLI", () => {
    const r = cli(["finalize", p("seed-003.xlsx"), p("seed-003-final.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已定稿");
    expect(cli(["check", p("seed-003-final.xlsx"), "--json"]).code).toBe(1);
  });

  test("bad options: a Chinese message and exit 3", () => {
    expect(cli(["template", p("x.xlsx"), "--projects", "many"]).stderr).toContain("--projects 应为整数");
    expect(cli(["template", p("x.xlsx"), "--projects", "-1"]).stderr).toContain("选项 --projects 应在 0 到 200 之间，实际为 -1。");
    expect(cli(["check", p("seed-003.xlsx"), "--preset", "beijing"]).stderr).toContain("没有名为「beijing」的评分方案");
    const r = cli(["check", p("seed-003.xlsx"), "--colour"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("不认识选项 --colour");
  });
});
