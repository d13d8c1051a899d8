/** bin/jixiao.js, the installed entry: runs the esbuild output of `npm run build:cli`, its worker thread included. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { bin, ROOT, seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("bin");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const r = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  fs.mkdirSync(path.join(dir, "folder"));
  await seedWorkbook("003", path.join(dir, "folder", "003.xlsx"));
  await seedWorkbook("002", path.join(dir, "folder", "002.xlsx"));
});

test("package.json declares bin/jixiao.js, which is executable and starts with a node shebang", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(pkg.bin).toEqual({ jixiao: "bin/jixiao.js" });
  const file = path.join(ROOT, "bin", "jixiao.js");
  expect(fs.readFileSync(file, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(fs.statSync(file).mode & 0o111).not.toBe(0);
});

test("jixiao --help", () => {
  const r = bin(["--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("绩效自评助手 命令行");
});

test("jixiao check DIR on worker threads: seed 002's 执行率 99.88% scored 9 and seed 003's four 错误", () => {
  const r = bin(["check", path.join(dir, "folder"), "--jobs", "2", "--csv"]);
  expect(r.code).toBe(1);
  const lines = r.stdout.replace(/^\ufeff/, "").trim().split(/\r\n/);
  expect(lines[1]).toMatch(/^002\.xlsx,绥宁县数据局,2024,97\.00,.*,1,\d+,\d+,$/); // EXEC.SCORE: 9 stated, 9.99 computed
  expect(lines[2]).toBe("003.xlsx,湖南省政务服务和大数据中心,2024,95.40,优,4,0,1,");
});
