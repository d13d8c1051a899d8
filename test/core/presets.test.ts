/**
 * Presets as data (issue 9): each shipped preset injects its own form layout, which reads back and
 * checks: blank (nothing but "not filled" notices, no 错误) and filled with seed 004 (the same findings
 * as in the 2024 Hunan layout, at the cells the preset's layout puts them).
 */
import { checkGrids, layoutToGrid, packageLayouts, PRESETS, HUNAN_2024, type Finding, type Preset, type SheetLayout } from "../../src/core";
import { loadSeed } from "../helpers/seeds";

function grids(layouts: SheetLayout[]) {
  return layouts.map((l) => layoutToGrid(l));
}

/** field path (sheet-relative, e.g. "funds.total.rate") of each cell of a layout, by sheet and address. */
function fieldAt(layouts: SheetLayout[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of layouts) for (const [field, pos] of Object.entries(l.fields)) out.set(`${l.name}!${String.fromCharCode(65 + pos.col)}${pos.row + 1}`, field);
  return out;
}

function cellOfField(layouts: SheetLayout[], sheet: string, field: string): string | undefined {
  const l = layouts.find((x) => x.name === sheet);
  const pos = l?.fields[field];
  return pos ? `${String.fromCharCode(65 + pos.col)}${pos.row + 1}` : undefined;
}

const key = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet} ${f.expected} ${f.actual}`;

describe.each(PRESETS.map((p) => [p.id, p] as [string, Preset]))("preset %s", (_id, preset) => {
  test("its blank form reads back in its own layout and raises no 错误", () => {
    const layouts = packageLayouts({ year: 2024, preset, projects: 2, unit: "测试局" });
    const r = checkGrids(grids(layouts), preset);
    expect(r.sheets.map((s) => s.kind)).toEqual(["basic", "selfEvaluation", "project", "project"]);
    expect(r.findings.filter((f) => f.severity === "错误")).toEqual([]);
    const project = r.sheets.find((s) => s.kind === "project")!;
    expect(r.facts[project.path].layout).toBe(preset.layout.id === "hubei-2019" ? "hunan-2024" : preset.layout.id);
  });

  test("filled with seed 004, the findings are the Hunan layout's, at the cells its layout puts them", () => {
    const seed = loadSeed("004");
    const own = packageLayouts({ year: 2024, preset }, seed);
    const hunan = packageLayouts({ year: 2024, preset: HUNAN_2024 }, seed);
    const mine = checkGrids(grids(own), preset).findings;
    const base = checkGrids(grids(hunan), preset).findings;
    const fields = fieldAt(hunan);
    // Every Hunan-layout finding on a form field is found at that field's cell in the preset's layout,
    // unless the preset's layout has no such column (then it is listed as not checked, not misplaced).
    for (const f of base) {
      const field = fields.get(`${f.sheet}!${f.cell}`);
      if (!field) continue;
      const moved = cellOfField(own, f.sheet, field);
      if (!moved) continue;
      expect([key(f), mine.find((m) => key(m) === key(f) && m.cell === moved) ? "found" : mine.map((m) => `${key(m)} ${m.cell}`)]).toEqual([key(f), "found"]);
    }
    expect(mine.filter((f) => f.severity === "错误").length).toBeLessThanOrEqual(base.filter((f) => f.severity === "错误").length);
  });
});
