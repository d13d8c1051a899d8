/**
 * Clear messages instead of crashes (issue 11): limits checked before reading, naming the file and the
 * limit, the batch going on past such a file; system errors in Chinese with the path and what to do;
 * files from other tools (openpyxl's absolute part names with comments, .ods) read or refused with the
 * reason; a project name ending in ' imports; terminal output without control characters and CSV
 * neutralised against formula injection, while --json stays as it was.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { checkFiles, listWorkbooks, summaryCsv } from "../../src/cli/batch";
import { checkFile } from "../../src/cli/check";
import { ioError } from "../../src/cli/ioerrors";
import { checkSheetLimits, LIMITS, readInputFile } from "../../src/cli/limits";
import { main } from "../../src/cli/main";
import { csvField, terminalText } from "../../src/cli/table";
import { HUNAN_2024 } from "../../src/core";
import { makeZip, seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("errors");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);

/** Runs the CLI in this process; returns its exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code });

describe("limits before reading", () => {
  test("a file over the size limit: the file and the limit named, nothing read", () => {
    const file = p("大表.xlsx");
    fs.writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 1));
    expect(() => readInputFile(file, { ...LIMITS, fileBytes: 2 * 1024 * 1024 })).toThrow("「大表.xlsx」有 3.0 MB，超过了 2.0 MB 的上限，没有读取。");
  });

  test("sheets too large uncompressed, or with too many cells: refused with the limit", () => {
    // A sheet declaring A1:J2000 and holding 2,000 rows of 10 cells (20,000 cells, ~400 KB of XML).
    const row = (r: number) => `<row r="${r}">${"ABCDEFGHIJ".split("").map((c) => `<c r="${c}${r}"><v>${r}</v></c>`).join("")}</row>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:J2000"/><sheetData>${Array.from({ length: 2000 }, (_, i) => row(i + 1)).join("")}</sheetData></worksheet>`;
    const buf = makeZip({ "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": sheet });
    expect(() => checkSheetLimits(buf, "多.xlsx", { ...LIMITS, sheetXmlBytes: 100 * 1024 })).toThrow(/「多\.xlsx」的工作表解压后有 0\.\d MB，超过了 0\.1 MB 的上限/);
    // 2000 rows × 10 columns = 20,000 cells declared and stored.
    expect(() => checkSheetLimits(buf, "多.xlsx", { ...LIMITS, cells: 10_000 })).toThrow("「多.xlsx」的工作表共有约 20,000 个单元格，超过了 10,000 个的上限");
    expect(() => checkSheetLimits(buf, "多.xlsx", { ...LIMITS, cells: 20_000 })).not.toThrow();
  });

  test("the batch goes on past a file over the limit", async () => {
    const folder = path.join(dir, "batch");
    fs.mkdirSync(folder);
    await seedWorkbook("003", path.join(folder, "a.xlsx"));
    fs.writeFileSync(path.join(folder, "b-huge.xlsx"), Buffer.alloc(300_000, 1));
    const saved = LIMITS.fileBytes;
    LIMITS.fileBytes = 200_000;
    try {
      const results = await checkFiles(listWorkbooks(folder), { preset: HUNAN_2024, jobs: 1 });
      expect(results.map((r) => r.ok)).toEqual([true, false]);
      expect(results[1].ok === false && results[1].error).toContain("超过了 0.2 MB 的上限");
    } finally {
      LIMITS.fileBytes = saved;
    }
  });
});

describe("system errors in Chinese, with the path and what to do", () => {
  test.each([
    ["EACCES", "read", "没有权限读取「/x/自评.xlsx」。请检查文件和所在文件夹的权限，或换一个有权限的位置。"],
    ["ENOSPC", "write", "磁盘空间不足，无法写入「/x/自评.xlsx」。请清理磁盘或换一个位置后重试；已有的同名文件没有改动。"],
    ["EROFS", "write", "「/x/自评.xlsx」所在的位置是只读的，无法写入。请换一个可写的文件夹。"],
    ["EISDIR", "read", "「/x/自评.xlsx」是文件夹，这里需要一个文件。"],
    ["ENOENT", "read", "找不到「/x/自评.xlsx」。请检查文件名和路径。"],
    ["EWHATEVER", "write", "写入「/x/自评.xlsx」失败（EWHATEVER）。请检查文件和磁盘后重试。"],
  ] as const)("%s on %s", (code, op, message) => {
    const e = ioError(errno(code), "/x/自评.xlsx", op);
    expect(e.message).toBe(message);
    expect(e.exitCode).toBe(2);
  });

  test("a folder as the output of template: exit 3, no stack; a folder as input of finalize: exit 2", async () => {
    const folder = path.join(dir, "out-dir");
    fs.mkdirSync(folder);
    const t = await run(["template", folder, "--force"]);
    expect(t.code).toBe(3);
    expect(t.stderr).toBe(`「${folder}」是文件夹，不能作为输出文件。请给出一个文件名。\n`);
    const f = await run(["finalize", folder, p("x.xlsx")]);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("是文件夹");
    expect(f.stderr).not.toMatch(/\n\s+at /);
  });

  test("an output folder that does not exist: exit 2 (a file-system problem, as README says), nothing written", async () => {
    const out = path.join(dir, "no such folder", "模板.xlsx");
    const r = await run(["template", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`无法写入「${out}」：输出文件夹「${path.dirname(out)}」不存在。请先建好文件夹或换一个路径。\n`);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });
});

describe("files written by other tools", () => {
  test("openpyxl-style absolute part names with a comment: read, the same findings as the original", async () => {
    const file = await seedWorkbook("003", p("seed-003.xlsx"));
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
      const xml = await zip.files[name].async("string");
      zip.file(name, xml.replace(/Target="(?!\/|http)([^"]+)"/g, (_m, t: string) => `Target="/${path.posix.normalize(path.posix.join(path.posix.dirname(path.posix.dirname(name)), t))}"`));
    }
    // A comment on the first sheet, with its part referenced absolutely, as openpyxl writes it.
    zip.file("xl/comments/comment1.xml", '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>注</t></text></comment></commentList></comments>');
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="comments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>');
    const other = p("openpyxl.xlsx");
    fs.writeFileSync(other, await zip.generateAsync({ type: "nodebuffer" }));
    const a = await checkFile(file, HUNAN_2024);
    const b = await checkFile(other, HUNAN_2024);
    expect(b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.findings).toEqual(a.findings.map((f) => ({ ...f })));
  });

  test(".ods is named as such, also in a batch", async () => {
    const folder = path.join(dir, "ods");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "表.ods"), makeZip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }));
    const results = await checkFiles(listWorkbooks(folder), { preset: HUNAN_2024, jobs: 1 });
    expect(results).toHaveLength(1);
    expect(results[0].ok === false && results[0].error).toContain("是 OpenDocument 电子表格（.ods");
  });

  test("a project name ending in ' imports (the sheet name drops the quote) and exports back whole", async () => {
    const model = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "seeds", "seed-004.json"), "utf8"));
    model.projects[0].name = "改革工作经费'";
    fs.writeFileSync(p("quote.json"), JSON.stringify(model));
    const r = await run(["import", p("quote.json"), p("quote.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("附件3 改革工作经费、");
    expect((await run(["export", p("quote.xlsx"), p("quote-back.json")])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(p("quote-back.json"), "utf8")).projects[0].name).toBe("改革工作经费'");
  });
});

describe("terminal and CSV output", () => {
  test("control characters (here in a file name, a line break in a cell) never reach the terminal; --json keeps them, escaped", async () => {
    const file = await seedWorkbook("003", p("ctl\u001b[2J\u0007.xlsx"), (pkg) => {
      pkg.unit = "某单位\r\n清屏";
    });
    const text = await run(["check", file]);
    expect(text.stdout).toContain(`文件：${p("ctl[2J.xlsx")}\n单位：某单位 清屏    年度：2024`);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/); // eslint-disable-line no-control-regex
    const json = await run(["check", file, "--json"]);
    expect(JSON.parse(json.stdout).file).toBe(file); // JSON escapes them itself: unchanged
  });

  test("check DIR --csv: a file name and a unit that start a formula are quoted text (OWASP)", async () => {
    const folder = path.join(dir, "csv");
    fs.mkdirSync(folder);
    await seedWorkbook("003", path.join(folder, "=1+2.xlsx"), (pkg) => {
      pkg.unit = "=cmd|' /C calc'!A0";
    });
    const results = await checkFiles(listWorkbooks(folder), { preset: HUNAN_2024, jobs: 1 });
    const csv = summaryCsv(folder, results);
    expect(csv.split("\r\n")[1]).toBe(`"'=1+2.xlsx","'=cmd|' /C calc'!A0",2024,95.40,优,4,${results[0].ok ? results[0].counts.警告 : ""},${results[0].ok ? results[0].counts.提示 : ""},`);
  });

  test.each([
    ["=SUM(A1)", `"'=SUM(A1)"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["@cmd", `"'@cmd"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ["-12.5", "-12.5"],
    ["a,b", `"a,b"`],
    ['说"明"', `"说""明"""`],
    ["铃\u0007声", "铃声"],
  ])("csvField(%j) = %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test("terminalText strips escapes and bidi overrides, keeps tabs, newlines and Chinese", () => {
    expect(terminalText("a\u001b[31mb\u202ec\td\n中")).toBe("a[31mbc\td\n中");
  });
});
