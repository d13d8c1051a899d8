import { classifySheet, findYear, HUNAN_2024, layoutToGrid, packageLayouts, readWorkbook, type CellScalar, type Grid } from "../../src/core";
import { loadSeed, seedGrids } from "../helpers/seeds";

/** Inserts `rows` after row index `after` (0-based), as a user inserting rows in Excel. */
function insertRows(grid: Grid, after: number, rows: CellScalar[][]): Grid {
  const values = [...grid.values.slice(0, after + 1), ...rows, ...grid.values.slice(after + 1)];
  const blank = rows.map((r) => r.map(() => null));
  const formulas = grid.formulas ? [...grid.formulas.slice(0, after + 1), ...blank, ...grid.formulas.slice(after + 1)] : undefined;
  return { sheet: grid.sheet, values, formulas };
}

/** Shifts the whole table right by `n` columns (the user inserted columns before it). */
function shiftRight(grid: Grid, n: number): Grid {
  const pad = Array<CellScalar>(n).fill(null);
  return {
    sheet: grid.sheet,
    values: grid.values.map((r) => [...pad, ...r]),
    formulas: grid.formulas?.map((r) => [...(pad as null[]), ...r]),
  };
}

/** Office.js gives "" for empty cells, never null. */
function asOfficeValues(grid: Grid): Grid {
  return { ...grid, values: grid.values.map((r) => r.map((v) => (v === null ? "" : v))) };
}

describe("readWorkbook", () => {
  test.each(["002", "003", "004"] as const)("seed %s: written into the templates and read back gives the same figures", (id) => {
    const seed = loadSeed(id);
    const { pkg } = readWorkbook(seedGrids(id));
    expect(pkg.unit).toBe(seed.unit);
    expect(pkg.year).toBe(2024);
    // Percent texts come back as the numbers Excel stores for them (85.23% → 0.8523).
    expect(pkg.basic?.sangong).toEqual(seed.basic?.sangong);
    expect(pkg.basic?.specialFunds).toEqual(seed.basic?.specialFunds);
    expect(pkg.selfEvaluation?.indicators ?? null).toEqual(seed.selfEvaluation?.indicators ?? null);
    expect(pkg.projects.map((p) => p.indicators)).toEqual(seed.projects.map((p) => p.indicators));
    expect(pkg.projects.map((p) => p.funds.total.executed)).toEqual(seed.projects.map((p) => p.funds.total.executed));
  });

  test("a percent text is read back as the fraction Excel stores", () => {
    const { pkg } = readWorkbook(seedGrids("003"));
    expect(pkg.basic?.staff.controlRate).toBe(0.8523);
    expect(pkg.selfEvaluation?.funds.rate).toBe(0.84);
  });

  test("rows inserted by the user (a note, blank rows) do not move any figure", () => {
    const [basic, evaluation] = seedGrids("003");
    const edited = [
      insertRows(basic, 5, [["备注：三公经费含上年结转", null, null, null, null, null, null], [null, null, null, null, null, null, null]]),
      insertRows(evaluation, 14, [[null, null, null, null, null, null, null, null, null]]),
    ];
    const original = readWorkbook([basic, evaluation]);
    const read = readWorkbook(edited);
    expect(read.pkg).toEqual(original.pkg);
    // The cells moved down with the rows: 公用经费控制率 was F27, now F28 on 附件2; 项目支出 F11 → F13 on 附件1.
    expect(read.cellOf("basic.project.final")?.cell).toBe("F13");
    expect(read.cellOf("selfEvaluation.indicators.14.actual")?.cell).toBe("F28");
  });

  test("a table moved right by inserted columns is still read", () => {
    const [basic] = seedGrids("002");
    const read = readWorkbook([shiftRight(basic, 2)]);
    expect(read.pkg.basic?.staff.authorized).toBe(20);
    expect(read.pkg.basic?.sangong.final).toBe(1.09);
    expect(read.cellOf("basic.sangong.final")?.cell).toBe("H5"); // F5 two columns to the right
  });

  test("Office.js-style blanks (empty strings) read as blanks", () => {
    const read = readWorkbook(seedGrids("003").map(asOfficeValues));
    expect(read.pkg.basic?.vehiclePurchase.final).toBeNull();
    expect(read.pkg.basic?.sangong.final).toBe(10.41);
    expect(read.pkg.selfEvaluation?.byIncome.govFund).toBeNull();
  });

  test("sheets renamed by the user are recognized by their labels; other sheets are ignored", () => {
    const grids = seedGrids("002").map((g, i) => ({ ...g, sheet: `表${i + 1}` }));
    const other: Grid = { sheet: "我的草稿", values: [["随手记", 1, 2]] };
    const read = readWorkbook([other, ...grids]);
    expect(read.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["表1", "basic"],
      ["表2", "selfEvaluation"],
    ]);
    expect(read.cellOf("selfEvaluation.funds.score")).toEqual({ sheet: "表2", cell: "H4" });
  });

  test("a second 基础数据表 is reported, not merged", () => {
    const [basic] = seedGrids("002");
    const read = readWorkbook([basic, { ...basic, sheet: "副本" }]);
    expect(read.notices.some((n) => n.includes("副本") && n.includes("第二张基础数据表"))).toBe(true);
  });

  test("a form missing a row says which row was not found", () => {
    const [basic] = seedGrids("002");
    const cut = { ...basic, values: basic.values.filter((r) => r[0] !== "政府采购金额") };
    const read = readWorkbook([cut]);
    expect(read.notices.join()).toContain("政府采购金额");
    expect(read.pkg.basic?.procurement.final).toBeNull();
  });

  test("formulas are remembered with their cells", () => {
    const pkg = loadSeed("003");
    pkg.basic!.staff.controlRate = null; // the template then writes its formula
    const grids = packageLayouts({ year: 2024, preset: HUNAN_2024 }, pkg).map((l) => layoutToGrid(l, "jx"));
    const read = readWorkbook(grids);
    expect(read.cellOf("basic.staff.controlRate")).toEqual({ sheet: "附件1 基础数据表", cell: "F3", formula: '=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))' });
  });

  test("classifySheet and findYear", () => {
    const [basic, evaluation] = seedGrids("002");
    const [, project] = seedGrids("004");
    expect(classifySheet(basic)).toBe("basic");
    expect(classifySheet(evaluation)).toBe("selfEvaluation");
    expect(classifySheet(project)).toBe("project");
    expect(classifySheet({ sheet: "x", values: [["hello"]] })).toBeNull();
    expect(findYear(basic)).toBe(2024);
    expect(findYear({ sheet: "x", values: [["无年份"]] })).toBeNull();
    expect(findYear({ sheet: "x", values: [["", "2023年预算数"]] })).toBe(2023);
  });

  test("the unit falls back to the projects' 主管部门 when there is no 附件2", () => {
    expect(readWorkbook(seedGrids("004")).pkg.unit).toBe("株洲市天元区数据局");
  });
});
