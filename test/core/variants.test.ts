/**
 * Real published forms in their own layout (test/fixtures/variants/<id>/: form.xlsx, expected.md).
 * Each is read from its .xlsx as laid out, through the CLI's exceljs grid reader, and checked as
 * `jixiao check` does; its expected.md (written by hand from the printed form) is then applied as
 * ../shared/cases/run-variants.mjs applies it:
 * - every "Must report" row is found at one of the cells it names;
 * - no 错误 or 警告 at a cell named under "Must not flag";
 * - no 错误 at a cell that expected.md does not name.
 * Every folder is a case, so cases added later are held to the same standard.
 *
 * PENDING lists, per case, the expectations that need the indicator engineer's part of issue 9
 * (content checks, "—" as none) or that contradict the seed golden tests; they are not asserted
 * here and are listed in the report. Nothing else is excused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkGrids, type Finding, type Grid } from "../../src/core";
import { readGrids } from "../../src/cli/xlsx";

const ROOT = path.join(__dirname, "..", "fixtures", "variants");
const CELL = /(?:([^\s|!,(（]+)!)?\$?([A-Z]{1,3})\$?([0-9]{1,4})\b/g;

interface At {
  sheet?: string;
  cell: string;
}

function cellsIn(text: string): At[] {
  return [...text.matchAll(CELL)].map((m) => ({ sheet: m[1], cell: m[2] + m[3] }));
}

function sections(md: string): Record<string, string[]> {
  const parts: Record<string, string[]> = {};
  let cur = "head";
  for (const line of md.split("\n")) {
    const h = /^##\s+(.*)/.exec(line);
    if (h) {
      cur = /must report/i.test(h[1]) ? "must" : /must not/i.test(h[1]) ? "mustNot" : /^may/i.test(h[1]) ? "may" : h[1];
      continue;
    }
    (parts[cur] ??= []).push(line);
  }
  return parts;
}

const same = (a: At, b: At) => a.cell === b.cell && (!a.sheet || !b.sheet || a.sheet === b.sheet);

/**
 * Expectations not asserted on this branch, by case: "must:<cells column>" or "mustNot:<cell>".
 * - hb 7–9, sc content note: goals restating amounts, 实际完成值 restating the target (indicator engineer).
 * - yn J16, J19: SCORE.REASON_MISSING stays at the 得分 cell (I16 / I19), as the seed golden test pins it (H25).
 * - yn C9, D9, E9: "—" for none in amount cells is an INPUT.PLACEHOLDER warning until "— as not applicable" lands (indicator engineer).
 */
const PENDING: Record<string, string[]> = {};

const cases = fs
  .readdirSync(ROOT)
  .filter((id) => fs.existsSync(path.join(ROOT, id, "form.xlsx")) && fs.existsSync(path.join(ROOT, id, "expected.md")))
  .sort();

test("the six shared cases are here", () => {
  expect(cases).toEqual(expect.arrayContaining(["gz-suiyang-taibai-2021", "hb-ezhou-czj-2019", "hn-hengshan-swlsj-2020", "hn-xintian-jyj-2021", "sc-zhongjiang-slj-2022", "yn-yongde-minglang-2022"]));
});

describe.each(cases)("%s", (id) => {
  // The .xlsx is read once; the core checks it afresh inside each test (not in beforeAll), so that mutation testing
  // attributes the checker to every test that would catch a broken rule.
  let grids: Promise<Grid[]> | undefined;
  const checked = async () => {
    const r = checkGrids(await (grids ??= readGrids(path.join(ROOT, id, "form.xlsx"))));
    return { findings: r.findings, sheets: r.sheets.map((s) => s.name) };
  };
  const md = sections(fs.readFileSync(path.join(ROOT, id, "expected.md"), "utf8"));
  const pending = new Set(PENDING[id] ?? []);
  const at = (f: Finding): At => ({ sheet: f.sheet, cell: f.cell });
  const show = (fs_: Finding[]) => fs_.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.rule} ${f.message}`);

  test("its forms are recognized", async () => {
    const { sheets } = await checked();
    expect(sheets.length).toBeGreaterThan(0);
  });

  const mustRows = (md.must ?? []).filter((l) => /^\|\s*\d+\s*\|/.test(l)).map((l) => (l.split("|")[2] ?? "").trim());
  const asserted = mustRows.filter((c) => !pending.has(`must:${c}`));
  if (asserted.length > 0) {
    test.each(asserted)("must report: %s", async (cellsText) => {
      const { findings } = await checked();
      const cells = cellsIn(cellsText);
      expect(cells.length).toBeGreaterThan(0);
      const hit = findings.filter((f) => cells.some((c) => same(at(f), c)));
      expect([cellsText, hit.length > 0 ? "found" : show(findings)]).toEqual([cellsText, "found"]);
    });
  }

  test("no 错误 or 警告 at a cell marked correct", async () => {
    const { findings } = await checked();
    const notCells = cellsIn((md.mustNot ?? []).join("\n")).filter((c) => !pending.has(`mustNot:${c.cell}`));
    const hits = findings.filter((f) => (f.severity === "错误" || f.severity === "警告") && notCells.some((c) => same(at(f), c)));
    expect(show(hits)).toEqual([]);
  });

  test("no 错误 at a cell expected.md does not name", async () => {
    const { findings } = await checked();
    const named = cellsIn(Object.values(md).flat().join("\n"));
    const stray = findings.filter((f) => f.severity === "错误" && !named.some((c) => same(at(f), c)));
    expect(show(stray)).toEqual([]);
  });
});
