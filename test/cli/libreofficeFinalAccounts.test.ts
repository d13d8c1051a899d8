/**
 * The 决算 path through a real consumer, like the 自评 one (test/cli/libreoffice.test.ts): the nine tables
 * written by the CLI writer with their totals left to formulas, recalculated by LibreOffice (headless),
 * read back and checked; and printed to PDF, whose text carries every title. Without soffice this fails.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkGrids, finalAccountsLayouts, readFinalAccounts, type FinalAccounts, type SheetLayout } from "../../src/core";
import { loadWorkbook, newWorkbook, readGrids, writeLayouts, writeWorkbook, type Workbook } from "../../src/cli/xlsx";
import { seed004Tables } from "../helpers/finalAccounts";
import { soffice, tmpDir } from "./helpers";

jest.setTimeout(240_000);

const dir = tmpDir("lo-fa");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Seed 004's tables with every total the template computes left blank, so that the formula is written. */
function blankTotals(fa: FinalAccounts): FinalAccounts {
  const f = structuredClone(fa);
  Object.assign(f.balance!.income, { total: null, grandTotal: null });
  Object.assign(f.balance!.expense, { total: null, grandTotal: null });
  Object.assign(f.fiscalBalance!.income, { total: null, opening: null, grandTotal: null });
  for (const k of ["total", "grandTotal"] as const) Object.assign(f.fiscalBalance!.expense[k], { total: null, general: null, govFund: null, stateCapital: null });
  for (const e of f.fiscalBalance!.expenseItems) e.total = null;
  Object.assign(f.basicDetail!, { personnel: null, public: null });
  for (const side of [f.sangong!.budget, f.sangong!.final]) Object.assign(side, { total: null, vehicle: null });
  return f;
}

let layouts: SheetLayout[];
let wb: Workbook;
let recalculatedFile: string;
let pdfText: string;

beforeAll(async () => {
  const bin = soffice();
  const fa = blankTotals(readFinalAccounts(seed004Tables(), 2024).fa!);
  layouts = finalAccountsLayouts({ year: 2024, unit: fa.unit }, fa);
  const out = newWorkbook();
  writeLayouts(out, layouts);
  const file = path.join(dir, "seed-004-fa.xlsx");
  await writeWorkbook(out, file);
  const profile = `file://${path.join(dir, "profile")}`;
  const run = (format: string) =>
    spawnSync(bin, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", path.join(dir, "lo"), file], { encoding: "utf8", timeout: 200_000 });
  const r = run("xlsx");
  recalculatedFile = path.join(dir, "lo", "seed-004-fa.xlsx");
  if (!fs.existsSync(recalculatedFile)) throw new Error(`LibreOffice 没有生成 ${recalculatedFile}（退出码 ${r.status}）：${r.stderr}`);
  wb = await loadWorkbook(recalculatedFile);
  run("pdf");
  const pdf = path.join(dir, "lo", "seed-004-fa.pdf");
  if (!fs.existsSync(pdf)) throw new Error("LibreOffice 没有生成 PDF");
  pdfText = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
});

/** The recalculated value of a field in table `i` (0 = 公开01表). */
function valueOf(i: number, field: string): unknown {
  const pos = layouts[i].fields[field];
  const cell = wb.getWorksheet(layouts[i].name)!.getCell(pos.row + 1, pos.col + 1);
  expect(cell.formula).toBeTruthy(); // still a formula, recalculated by LibreOffice
  return cell.result;
}

test("01表 totals: 本年收入合计 = Σ 8 sources = 1227.61; 本年支出合计 = 1171 + 20.26 + 19.05 + 17.3 = 1227.61", () => {
  expect(valueOf(0, "income.total")).toBe(1227.61);
  expect(valueOf(0, "income.grandTotal")).toBe(1227.61);
  expect(valueOf(0, "expense.total")).toBe(1227.61);
  expect(valueOf(0, "expense.grandTotal")).toBe(1227.61);
});

test("06表: 人员经费合计 = 301 + 303 = 212.55 + 0; 公用经费合计 = 302 + 307 + 310 + 399 = 36.32", () => {
  expect(valueOf(5, "personnel")).toBe(212.55);
  expect(valueOf(5, "public")).toBe(36.32);
});

test("09表: 小计 = 购置 + 运行维护 = 0 + 1.19 = 1.19 (the seed printed 1.4), 合计 = 0 + 0 + 1.19 + 0.21 = 1.4", () => {
  expect(valueOf(8, "final.vehicle")).toBe(1.19);
  expect(valueOf(8, "final.total")).toBe(1.4);
  expect(valueOf(8, "budget.vehicle")).toBe(1.19);
});

test("checking LibreOffice's file: the formulas fixed 09表's 小计, the 02/03表 missing row remains", async () => {
  const r = checkGrids(await readGrids(recalculatedFile));
  const errors = r.findings.filter((f) => f.severity === "错误").map((f) => `${f.rule} ${f.cell}`).sort();
  expect(errors).toEqual(["FA.CLASS_SUM C7", "FA.CLASS_SUM C7", "FA.CLASS_SUM D7", "FA.CLASS_SUM D7", "FA.TABLE_AGREEMENT C16"]);
});

test("the PDF carries every title, 表号 and 单位", () => {
  for (const t of ["收入支出决算总表", "财政拨款收入支出决算总表", "一般公共预算财政拨款基本支出决算明细表", "财政拨款“三公”经费支出决算表", "公开09表", "单位：万元", "株洲市天元区数据局"]) expect(pdfText).toContain(t);
});
