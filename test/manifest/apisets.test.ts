/**
 * Requirement sets match the code: every Office.js member used in src/ is mapped to its API set through the
 * "[Api set: ExcelApi 1.x]" annotations of @types/office-js, and none may exceed what manifest.xml declares
 * (or, for a set the manifest does not require, what the code checks with isSetSupported before use).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compareVersions, highestBySet, officeApiUses, runtimeChecks, sourceFiles, type ApiUse } from "../../scripts/api-sets";
import { parseXml, type XmlElement } from "../../scripts/validate-manifest";
import { EXCEL_API_MIN, REQUIRED_SETS } from "../../src/taskpane/requirements";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");

/** <Requirements><Sets><Set Name MinVersion> of a manifest. */
function declaredSets(xml: string): Map<string, string> {
  const root = parseXml(xml);
  const find = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
  const sets = find(find(root, "Requirements"), "Sets");
  const fallback = sets?.attrs.DefaultMinVersion ?? "1.1";
  return new Map((sets?.children ?? []).map((s) => [s.attrs.Name!, s.attrs.MinVersion ?? fallback]));
}

/** The uses above what is declared or checked at run time, as "ExcelApi 1.12 Excel.Range.x (src/…:n)". */
function tooNew(uses: ApiUse[], declared: Map<string, string>, checked: Map<string, string>): string[] {
  return uses
    .filter((u) => {
      const allowed = declared.get(u.set) ?? checked.get(u.set);
      return allowed === undefined || compareVersions(u.version, allowed) > 0;
    })
    .map((u) => `${u.set} ${u.version} ${u.member} (${u.at})`);
}

const manifestSets = declaredSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
let uses: ApiUse[];

beforeAll(() => {
  uses = officeApiUses();
});

test("the code uses Office.js members from their API sets (the map is not empty)", () => {
  const excel = uses.filter((u) => u.set === "ExcelApi").map((u) => u.member);
  // Members src/excel/excelHost.ts certainly uses, with the sets @types/office-js gives them.
  expect(excel).toEqual(expect.arrayContaining(["Excel.Worksheet.getRangeByIndexes", "Excel.WorksheetCollection.onChanged", "Excel.Range.values"]));
  expect(uses).toContainEqual(expect.objectContaining({ set: "ExcelApi", version: "1.7", member: "Excel.Worksheet.getRangeByIndexes" }));
  expect(uses).toContainEqual(expect.objectContaining({ set: "ExcelApi", version: "1.9", member: "Excel.WorksheetCollection.onChanged" }));
});

test("no Office.js member used in src/ needs more than manifest.xml declares", () => {
  expect(tooNew(uses, manifestSets, runtimeChecks())).toEqual([]);
});

test("the manifest's ExcelApi minimum is what the code needs, and what the task pane checks at start", () => {
  const top = highestBySet(uses).get("ExcelApi")!;
  expect(manifestSets.get("ExcelApi")).toBe(top.version); // not lower (the test above), and not needlessly higher
  expect(EXCEL_API_MIN).toBe(manifestSets.get("ExcelApi"));
  for (const s of REQUIRED_SETS) expect(manifestSets.get(s.name)).toBe(s.version);
});

test("a member above the declared minimum fails, with its name and place", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apisets-"));
  const file = path.join(dir, "newer.ts");
  // Range.getSpillingToRange is ExcelApi 1.12; RunOptions.mergeUndoGroup 1.20.
  fs.writeFileSync(
    file,
    ["export async function f(range: Excel.Range) {", "  const spill = range.getSpillingToRange();", "  return spill.address;", "}", ""].join("\n"),
  );
  try {
    const found = officeApiUses([file]);
    expect(found).toContainEqual(expect.objectContaining({ set: "ExcelApi", version: "1.12", member: "Excel.Range.getSpillingToRange" }));
    const declared = new Map([["ExcelApi", "1.9"]]);
    expect(tooNew(found, declared, new Map())).toEqual([expect.stringMatching(/^ExcelApi 1\.12 Excel\.Range\.getSpillingToRange \(.*newer\.ts:2\)$/)]);
    // Declared high enough: passes.
    expect(tooNew(found, new Map([["ExcelApi", "1.12"]]), new Map())).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the sources scanned include the Excel adapter and the task pane entry", () => {
  const rel = sourceFiles().map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
  expect(rel).toEqual(expect.arrayContaining(["src/excel/excelHost.ts", "src/taskpane/index.tsx"]));
});

test("versions compare numerically (1.10 is newer than 1.9)", () => {
  expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
  expect(compareVersions("1.9", "1.9.0")).toBe(0);
});
