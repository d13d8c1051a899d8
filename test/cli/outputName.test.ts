/** A workbook is written only under a workbook's name: template / import / finalize refuse x.txt or a bare name (exit 3). */
import * as fs from "node:fs";
import * as path from "node:path";
import { cli, seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("outname");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);
const SEED003 = path.join(__dirname, "..", "fixtures", "seeds", "seed-003.json");

beforeAll(async () => {
  await seedWorkbook("003", p("seed-003.xlsx"));
});

test.each([
  ["template", ["template", p("x.txt")], "x.txt", ".xlsx"],
  ["template --final-accounts", ["template", p("决算"), "--final-accounts"], "决算", ".xlsx"],
  ["import", ["import", SEED003, p("模型.json")], "模型.json", ".xlsx"],
  ["finalize", ["finalize", p("seed-003.xlsx"), p("定稿.docx")], "定稿.docx", ".xlsx 或 .xlsm"],
])("%s to a name that is not a workbook's: exit 3, nothing written", (_, args, name, exts) => {
  const r = cli(args);
  expect(r.code).toBe(3);
  expect(r.stderr).toContain(`输出文件应以 ${exts} 结尾，实际为「${p(name)}」。`);
  expect(fs.existsSync(p(name))).toBe(false);
});

test("upper-case .XLSX and .xlsm are workbook names", () => {
  expect(cli(["template", p("大写.XLSX")]).code).toBe(0);
  expect(cli(["finalize", p("seed-003.xlsx"), p("定稿.xlsm")]).code).toBe(0);
});
