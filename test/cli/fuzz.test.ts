/**
 * Fuzz (issue 11), in-process and seeded: 10,000 hand-made packages through finalize, 10,000 mutated cells
 * of the forms through check, 10,000 mutated model files through the import validator, and a few hundred
 * mutated files through the CLI itself. Nothing crashes: every failure is a CliError (a Chinese message and
 * a documented exit code), never another exception or a stack trace.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "../../src/cli/errors";
import { checkWorkbookGrids } from "../../src/cli/check";
import { finalizePackage } from "../../src/cli/finalize";
import { main } from "../../src/cli/main";
import { parseModel } from "../../src/cli/model";
import { openZip, readEntry } from "../../src/cli/zip";
import { assertWellFormed } from "../../src/cli/ooxml";
import { HUNAN_2024, layoutToGrid, packageLayouts, type CellScalar, type Grid } from "../../src/core";
import { Rng } from "../helpers/random";
import { loadSeed } from "../helpers/seeds";
import { corpusWorkbook } from "./corpus";
import { makeZip, tmpDir } from "./helpers";

jest.setTimeout(300_000);

const dir = tmpDir("fuzz");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `fn`; an exception other than a CliError fails the test with the case that caused it. */
function survives(what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof CliError && [2, 3].includes(e.exitCode) && !/\n\s+at /.test(e.message)) return;
    throw new Error(`${what}: ${(e as Error)?.stack ?? String(e)}`);
  }
}

const NAMES = ["JX.RATE", "jx.rate", "_xldudf_JX_RATE", "_xlfn._xldudf_JX.SHARE", "JX.CHANGE", "JX.EXECSCORE", "JX.GRADE", "JX.SUMCHECK", "JX.SCORECHECK", "JX.CHANGETEXT", "JX.AMOUNT", "JX.NOPE", "SUM", "ROUND", "MYJX.RATE"];
const ARGS = ["A1", "B$2", "$C$3", "'表 2'!A1", "Sheet1!B2:B9", '"6.25万元"', "1", "0", "-3.5", "", '"a,b"', "(A1+B1)", "A1:A1048576", "XFD1048576", "LOG10(A1)"];
const TEXTS = ["6.25万元", "24,964.59万元", "=JX.RATE(1,4) 示例", "<&>\"'", "无", "", " ", "１２３", "1e309", "\u200b", "x".repeat(300)];

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function randomFormula(rng: Rng, depth = 0): string {
  const name = rng.pick(NAMES);
  const n = rng.int(0, 4);
  const args = Array.from({ length: n }, () => (depth < 2 && rng.chance(0.2) ? randomFormula(rng, depth + 1) : rng.pick(ARGS)));
  let f = `${name}(${args.join(",")})`;
  if (rng.chance(0.1)) f = f.slice(0, rng.int(0, f.length)); // cut short: unbalanced parentheses
  if (rng.chance(0.1)) f = `IF(A1="","",${f})`;
  return f;
}

/** A random sheet: numbers, shared and inline strings, formulas in every shape, with or without cached values. */
function randomSheet(rng: Rng, strings: string[]): string {
  const rows: string[] = [];
  let si = 0;
  for (let r = 1; r <= rng.int(1, 6); r++) {
    const cells: string[] = [];
    for (let c = 0; c < rng.int(0, 6); c++) {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      const kind = rng.int(0, 7);
      const cached = rng.chance(0.8) ? `<v>${rng.pick(["0.25", "1", "-2", "#N/A", "abc", ""])}</v>` : "";
      const t = rng.pick(["", ' t="str"', ' t="e"', ' t="b"', ' t="n"']);
      if (kind === 0) cells.push(`<c r="${ref}"><v>${rng.int(-5, 500)}</v></c>`);
      else if (kind === 1) cells.push(`<c r="${ref}" t="s"><v>${rng.int(0, strings.length)}</v></c>`);
      else if (kind === 2) cells.push(`<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(rng.pick(TEXTS))}</t></is></c>`);
      else if (kind === 3) cells.push(`<c r="${ref}"${t}><f>${xmlEscape(randomFormula(rng))}</f>${cached}</c>`);
      else if (kind === 4) cells.push(`<c r="${ref}"${t}><f t="shared" ref="${ref}:${String.fromCharCode(65 + c)}${r + 3}" si="${si++}">${xmlEscape(randomFormula(rng))}</f>${cached}</c>`);
      else if (kind === 5) cells.push(`<c r="${ref}"${t}><f t="shared" si="${rng.int(0, 3)}"/>${cached}</c>`);
      else if (kind === 6) cells.push(`<c r="${ref}"${t}><f t="array" ref="${ref}">${xmlEscape(randomFormula(rng))}</f>${cached}</c>`);
      else cells.push(`<c r="${ref}"/>`);
    }
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData><!-- 注释 <c r="Z9"><f>JX.RATE(1,2)</f></c> --></worksheet>`;
}

let baseEntries: Record<string, Buffer> | null = null;

function randomPackage(rng: Rng): Buffer {
  if (!baseEntries) {
    const zip = openZip(corpusWorkbook()); // a real package; its first sheet replaced by a random one
    baseEntries = Object.fromEntries(zip.entries.map((e) => [e.name, readEntry(zip, e)]));
  }
  const entries: Record<string, string | Buffer> = { ...baseEntries };
  entries["xl/worksheets/sheet1.xml"] = randomSheet(rng, ["6.25万元"]);
  if (rng.chance(0.05)) entries["xl/worksheets/sheet1.xml"] = String(entries["xl/worksheets/sheet1.xml"]).slice(0, rng.int(0, 200)); // broken XML
  if (rng.chance(0.03)) delete entries["xl/workbook.xml"];
  if (rng.chance(0.03)) delete entries["xl/calcChain.xml"];
  return makeZip(entries);
}

describe("fuzz", () => {
  test("10,000 random packages through finalize: a result or a Chinese refusal; edited sheets stay well-formed XML; other cells untouched", () => {
    const rng = new Rng(11);
    let rewritten = 0;
    for (let i = 0; i < 10_000; i++) {
      const pkg = randomPackage(rng);
      survives(`finalize case ${i}`, () => {
        const { bytes } = finalizePackage(pkg, `fuzz-${i}.xlsx`, HUNAN_2024);
        if (!bytes) return;
        rewritten++;
        const out = openZip(bytes);
        const before = openZip(pkg);
        for (const e of before.entries.filter((x) => x.name.startsWith("xl/worksheets/sheet") || i % 50 === 0)) {
          const after = out.entries.find((x) => x.name === e.name);
          if (!after) continue; // a calcChain left empty is removed
          const a = readEntry(before, e);
          const b = readEntry(out, after);
          if (e.name.startsWith("xl/worksheets/sheet")) {
            assertWellFormed(b.toString("utf8"), e.name);
            // Cells without a formula come out exactly as they went in (formula cells may join them as values).
            const plain = (x: Buffer) => x.toString("utf8").match(/<c r="[A-Z]+\d+"(?: t="(?:s|inlineStr)")?>(?:<v>[^<]*<\/v>|<is>.*?<\/is>)<\/c>/g) ?? [];
            expect(plain(b)).toEqual(expect.arrayContaining(plain(a)));
          } else if (e.name !== "xl/calcChain.xml" && e.name !== "[Content_Types].xml" && e.name !== "xl/_rels/workbook.xml.rels") {
            expect(b.equals(a)).toBe(true);
          }
        }
      });
    }
    expect(rewritten).toBeGreaterThan(1000); // the fuzz reaches the rewriting path, not only refusals
  });

  test("10,000 random cells in the forms through check: findings, never a crash", () => {
    const rng = new Rng(12);
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024 }, loadSeed("003"));
    const values: CellScalar[] = [null, "", 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, "××", "6.25万元", "=SUM(A1)", "#DIV/0!", "#N/A", true, "1,2,3", "85%", "１２３．４", "—", "\u001b[2J", "x".repeat(1000), "2024-01-05", "不适用"];
    for (let round = 0; round < 200; round++) {
      const grids: Grid[] = layouts.map((l) => layoutToGrid(l));
      for (let k = 0; k < 50; k++) {
        const g = rng.pick(grids);
        const r = rng.int(0, g.values.length - 1);
        const c = rng.int(0, Math.max(0, (g.values[r]?.length ?? 1) - 1));
        if (g.values[r]) g.values[r][c] = rng.chance(0.7) ? rng.pick(values) : (rng.next() - 0.5) * 10 ** rng.int(-3, 12);
      }
      if (rng.chance(0.1)) grids[0].sheet = rng.pick(["", "Sheet1", "附件1", "'x'"]);
      survives(`check round ${round}`, () => {
        const result = checkWorkbookGrids("fuzz.xlsx", grids, HUNAN_2024);
        for (const f of result.findings) expect(typeof f.message).toBe("string");
      });
    }
  });

  test("10,000 mutated model files through the import validator: the model or a message naming the JSON path", () => {
    const rng = new Rng(13);
    const seed = JSON.stringify(loadSeed("002"));
    const junk = ["null", "true", "-1", '"x"', "[]", "{}", "1e999", '"=cmd"', '{"a":1}', '""'];
    for (let i = 0; i < 10_000; i++) {
      let text = seed;
      const kind = rng.int(0, 3);
      if (kind === 0) {
        // Replace one JSON value by junk.
        const at = [...text.matchAll(/:(?=[^,}\]])/g)];
        const m = rng.pick(at);
        const end = text.slice(m.index! + 1).search(/[,}\]]/);
        text = text.slice(0, m.index! + 1) + rng.pick(junk) + text.slice(m.index! + 1 + end);
      } else if (kind === 1) text = text.slice(0, rng.int(0, text.length)); // cut short
      else if (kind === 2) {
        const p = rng.int(0, text.length - 1);
        text = text.slice(0, p) + String.fromCharCode(rng.int(0, 0x3000)) + text.slice(p + 1);
      } else text = `{"material": ${rng.pick(junk)}, ${text.slice(1)}`;
      survives(`model case ${i}`, () => void parseModel(text, `fuzz-${i}.json`));
    }
  });

  test("300 mutated files through the CLI (check, finalize, export): exit 0–3 only, Chinese messages, no stack", async () => {
    const rng = new Rng(14);
    const base = corpusWorkbook();
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    let stderr = "";
    const werr = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
    try {
      for (let i = 0; i < 300; i++) {
        const bytes = Buffer.from(base);
        for (let k = 0; k < rng.int(1, 20); k++) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
        const file = path.join(dir, `m-${i}.xlsx`);
        fs.writeFileSync(file, rng.chance(0.1) ? bytes.subarray(0, rng.int(0, bytes.length)) : bytes);
        const command = rng.pick(["check", "finalize", "export"]);
        const args = command === "check" ? [file] : [file, path.join(dir, `out-${i}.${command === "export" ? "json" : "xlsx"}`)];
        stderr = "";
        const code = await main([command, ...args]);
        expect([0, 1, 2, 3]).toContain(code);
        expect(stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError/);
      }
    } finally {
      write.mockRestore();
      werr.mockRestore();
    }
  });
});
