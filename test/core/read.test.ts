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

describe("published layouts read by their words (issue 9 cases)", () => {
  /** 湖北 2020 市级式, cut down: no 年度总体目标, no 分值 column, two indicator blocks each with its own header and weight. */
  const hubei2020: Grid = {
    sheet: "项目绩效自评表",
    values: [
      ["2020年度水土保持监测项目绩效自评表", "", "", "", "", "", ""],
      ["项目名称", "水土保持监测", "", "主管部门", "某局", "项目实施单位", "本单位"],
      ["预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", ""],
      ["", "年度财政资金总额", 10, 10, "100%", 20, ""],
      ["年度绩效目标1(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["", "产出指标", "质量指标", "监测数据必须合格", "100%", "100%", 20],
      ["", "满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", 19.6],
      ["年度绩效目标2(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["", "产出指标", "进度指标", "完成年度资料上报", "100%", "100%", 40],
      ["总分", "", "", "", "", "", 99.6],
    ],
  };

  test("湖北 2020: the 执行率 weight from the header, the second header row skipped, the blocks and their weights kept", () => {
    const read = readWorkbook([hubei2020]);
    const p = read.pkg.projects[0];
    expect(p.funds.total).toMatchObject({ fullBudget: 10, executed: 10, weight: 20, score: 20 });
    expect(read.cellOf("projects.0.funds.total.weight")?.cell).toBe("F3"); // 得分(20分*执行率)
    expect(p.indicators.map((i) => [i.name, i.target, i.score])).toEqual([
      ["监测数据必须合格", "100%", 20],
      ["整编资料审核", "98%", 19.6],
      ["完成年度资料上报", "100%", 40],
    ]);
    expect(p.goals).toEqual({ planned: "", achieved: "" }); // no 年度总体目标: the header row is not read as goals
    expect(read.facts["projects.0"].layout).toBe("hubei-2020"); // presets/publishedLayouts.ts
    expect(read.facts["projects.0"].indicatorGroups).toEqual([
      { label: "年度绩效目标1(40分)", weight: 40, from: 0, to: 2 },
      { label: "年度绩效目标2(40分)", weight: 40, from: 2, to: 3 },
    ]);
  });

  test("a page that opens inside a project form's 绩效指标 block is a project; its 合计 is not the 年度资金总额", () => {
    const tail: Grid = {
      sheet: "前一表尾部",
      values: [
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"],
        ["", "产出指标", "经济成本指标", "成本控制数", "≤", "30", "万元", "完成", "90", "90"],
        ["合计", "", "", "", "", "", "", "", "100", ""],
      ],
    };
    expect(classifySheet(tail)).toBe("project");
    const read = readWorkbook([tail]);
    expect(read.pkg.projects[0].indicators.map((i) => [i.name, i.target, i.actual])).toEqual([["成本控制数", "≤30万元", "完成"]]);
    expect(read.cellOf("projects.0.funds.total.weight")).toBeUndefined();
  });
});
