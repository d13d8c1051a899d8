/**
 * 部门决算公开 from the command line (a separate process): `template --final-accounts`, `check` finding
 * seed 004's mistakes in its 决算 tables, `check --text 情况说明.docx` (read with mammoth) finding the
 * 3.8 vs 1.4 disagreement, `report --final-accounts` (.txt and .docx with the tables).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { finalAccountsLayouts, HUNAN_2024, packageLayouts, readFinalAccounts, type ReportDocument } from "../../src/core";
import { paragraph, title } from "../../src/core/report/document";
import { renderDocx } from "../../src/report-docx";
import { newWorkbook, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";
import { seed004Tables } from "../helpers/finalAccounts";
import { loadSeed } from "../helpers/seeds";
import { cli, tmpDir } from "./helpers";

jest.setTimeout(180_000);

const dir = tmpDir("finacc");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);
const SEED_TEXT = fs.readFileSync(path.join(__dirname, "..", "fixtures", "finalAccounts", "seed-004-narrative.txt"), "utf8");

/** Seed 004: 附件1 (for the 三公 comparison) and the nine 决算 tables, as one workbook. */
beforeAll(async () => {
  const fa = readFinalAccounts(seed004Tables(), 2024).fa!;
  const wb = newWorkbook();
  writeLayouts(wb, [...packageLayouts({ year: 2024, preset: HUNAN_2024 }, { ...loadSeed("004"), selfEvaluation: null, projects: [] }), ...finalAccountsLayouts({ year: 2024, unit: fa.unit }, fa)]);
  await writeWorkbook(wb, p("seed-004.xlsx"));
  // the seed's own 情况说明 as a Word document, one paragraph per line
  const doc: ReportDocument = { unit: fa.unit, year: 2024, blocks: [title("2024年度部门决算情况说明"), ...SEED_TEXT.split("\n").slice(1).filter(Boolean).map((l) => paragraph(l))] };
  fs.writeFileSync(p("情况说明.docx"), await renderDocx(doc));
});

test("template --final-accounts writes the nine tables; check on it finds nothing", () => {
  const r = cli(["template", p("blank.xlsx"), "--final-accounts", "--year", "2024", "--unit", "某单位"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("公开09表 财政拨款“三公”经费支出决算表");
  const c = cli(["check", p("blank.xlsx")]);
  expect(c.code).toBe(0);
  expect(c.stdout).toContain("（部门决算公开表）");
  expect(c.stdout).toContain("没有发现问题");
  const pre = cli(["template", p("pre.xlsx"), "--final-accounts", "--numbering", "pre2022"]);
  expect(pre.stdout).toContain("公开07表 财政拨款“三公”经费支出决算表");
  expect(cli(["template", p("bad.xlsx"), "--final-accounts", "--numbering", "2019"])).toMatchObject({ code: 3 });
  // Options of the 自评 forms are refused with --final-accounts, not silently ignored; nothing is written.
  const mixed = cli(["template", p("mixed.xlsx"), "--final-accounts", "--projects", "3"]);
  expect(mixed.code).toBe(3);
  expect(mixed.stderr).toContain("--final-accounts 生成决算公开表，不带绩效自评表的选项 --projects");
  expect(fs.existsSync(p("mixed.xlsx"))).toBe(false);
  // and the other way round: --numbering without --final-accounts is refused, nothing is written
  const numbering = cli(["template", p("numbering.xlsx"), "--numbering", "pre2022"]);
  expect(numbering).toMatchObject({ code: 3 });
  expect(numbering.stderr).toContain("--numbering 只用于 --final-accounts");
  expect(fs.existsSync(p("numbering.xlsx"))).toBe(false);
});

test("check finds seed 004's table mistakes by rule and cell (exit 1)", () => {
  const r = cli(["check", p("seed-004.xlsx"), "--json"]);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as { unit: string; findings: { rule: string; sheet: string; cell: string; severity: string }[] };
  // 附件1 names no unit; the 决算 tables' 部门： line does (公开01表 "部门：株洲市天元区数据局")
  expect(json.unit).toBe("株洲市天元区数据局");
  const errors = json.findings.filter((f) => f.severity === "错误").map((f) => `${f.rule} ${f.cell}`);
  // the template lays the tables out as the seed does: 09表 values on row 8, 05表 2210201 on row 16
  expect(errors).toContain("FA.SANGONG_SUM I8"); // 09表 决算数 小计 1.4 ≠ 0 + 1.19
  expect(errors).toContain("FA.TABLE_AGREEMENT C16"); // 05表 住房公积金, no row in 03表
  expect(json.findings.find((f) => f.rule === "SUM.ROUNDING")).toMatchObject({ sheet: "公开06表 一般公共预算财政拨款基本支出决算明细表" });
});

test("check --text 情况说明.docx: the seed's own text against its tables", () => {
  const r = cli(["check", p("seed-004.xlsx"), "--text", p("情况说明.docx"), "--json"]);
  const json = JSON.parse(r.stdout) as { findings: { rule: string; sheet: string; expected: string; actual: string }[] };
  const text = json.findings.filter((f) => f.rule.startsWith("FA.TEXT"));
  expect(text[0]).toMatchObject({ rule: "FA.TEXT_FIGURE", sheet: "情况说明.docx", expected: "1.4", actual: "3.8" });
  expect(text.map((f) => f.rule)).toEqual(["FA.TEXT_FIGURE", "FA.TEXT_ZERO_BASE", "FA.TEXT_FIGURE", "FA.TEXT_ZERO_BASE", "FA.TEXT_FIGURE", "FA.TEXT_CHANGE"]);
  // not a Word document, and not there: a clear message, exit 2
  fs.writeFileSync(p("bad.docx"), "not a zip");
  const bad = cli(["check", p("seed-004.xlsx"), "--text", p("bad.docx")]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("不是有效的 Word 文档");
  expect(cli(["check", p("seed-004.xlsx"), "--text", p("missing.docx")]).stderr).toContain("找不到情况说明文件");
});

test("report --final-accounts: the 情况说明 as text and as a .docx carrying the nine tables", async () => {
  const t = cli(["report", p("seed-004.xlsx"), "--final-accounts", "--txt"]);
  expect(t.code).toBe(0);
  expect(t.stdout).toContain("一般公共服务（类）支出1171万元，占95.39%");
  expect(t.stdout).toContain("人员经费212.55万元，占基本支出的85.41%");
  expect(t.stderr).toContain("处错误");
  const d = cli(["report", p("seed-004.xlsx"), "--final-accounts", "--docx", p("决算情况说明.docx")]);
  expect(d.code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(p("决算情况说明.docx")));
  const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
  expect(xml).toContain("公开09表 财政拨款“三公”经费支出决算表");
  expect(xml).toContain("年初预算数为【待填写：年初预算数】万元"); // the tables do not hold it
});
