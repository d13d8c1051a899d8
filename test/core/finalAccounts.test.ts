/**
 * 部门决算公开 (issue 12): seed 004's nine tables, transcribed by hand, read by
 * their titles and checked. Each real mistake of the seed is found with its rule
 * id and cell, nothing else is an 错误; then one figure at a time is broken.
 */
import { basicSplitFromFinalAccounts, checkGrids, finalAccountsLayouts, finalAccountsRules, layoutToGrid, NUMBERING_PRE2022, readFinalAccounts, tableOfTitle, type Finding, type Grid } from "../../src/core";
import { seed004Basic, seed004Tables, setCell } from "../helpers/finalAccounts";

const exercised = new Set<string>();
const of = (fs: Finding[], rule: string) => {
  exercised.add(rule);
  return fs.filter((f) => f.rule === rule);
};
const where = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort();
const check = (grids: Grid[]) => checkGrids(grids).findings.filter((f) => f.rule.startsWith("FA.") || f.rule === "SUM.ROUNDING");

describe("reading the tables by their titles", () => {
  test("all nine tables of seed 004 are found and read", () => {
    const r = readFinalAccounts(seed004Tables(), 2024);
    expect(r.sheets.map((s) => s.table)).toEqual(["balance", "income", "expense", "fiscalBalance", "general", "basicDetail", "govFund", "stateCapital", "sangong"]);
    expect(r.notices).toEqual([]);
    const fa = r.fa!;
    expect(fa.unit).toBe("株洲市天元区数据局");
    expect(fa.balance!.income.total).toBe(1227.61);
    expect(fa.balance!.expenseItems.map((e) => e.name)).toContain("住房保障支出");
    expect(fa.income!.total.total).toBe("1,227.61"); // typed as published, parsed by the rules
    expect(fa.expense!.rows).toHaveLength(8);
    expect(fa.general!.rows.map((x) => x.code)).toContain("2210201");
    expect(fa.basicDetail!.personnel).toBe(212.55);
    expect(fa.basicDetail!.public).toBe(36.32);
    expect(fa.basicDetail!.items.find((i) => i.code === "30231")!.amount).toBe(1.19);
    expect(fa.govFund!.note).toMatch(/本表无数据/);
    expect(fa.sangong!.final).toEqual({ total: 1.4, overseas: 0, vehicle: 1.4, purchase: 0, operation: 1.19, reception: 0.21 });
    expect(r.cellOf("finalAccounts.sangong.final.vehicle")).toEqual({ sheet: "公开09表", cell: "I8" });
  });

  test("titles decide, not numbers; a year or unit before the title is fine", () => {
    expect(tableOfTitle("财政拨款“三公”经费支出决算表")).toBe("sangong");
    expect(tableOfTitle("2024年度株洲市天元区数据局收入支出决算总表")).toBe("balance");
    expect(tableOfTitle("财政拨款收入支出决算总表")).toBe("fiscalBalance");
    expect(tableOfTitle("一般公共预算财政拨款基本支出决算表")).toBe("basicDetail");
    expect(tableOfTitle("三、支出决算情况说明")).toBeNull();
  });

  test("the nine tables one under another in one sheet (as pasted from the PDF) read the same, with a 目录 line before", () => {
    const rows = [["目录"], ["九、财政拨款“三公”经费支出决算表"], ...seed004Tables().flatMap((g) => [...g.values, []])];
    const one = [{ sheet: "决算公开", values: rows }];
    const fs = check([...seed004Basic(), ...one]);
    expect(fs.filter((f) => f.severity === "错误").map((f) => f.rule).sort()).toEqual(
      check([...seed004Basic(), ...seed004Tables()]).filter((f) => f.severity === "错误").map((f) => f.rule).sort(),
    );
    expect(fs.every((f) => f.sheet === "决算公开")).toBe(true);
  });
});

describe("seed 004 as published", () => {
  let fs: Finding[];
  beforeEach(() => {
    fs = check([...seed004Basic(), ...seed004Tables()]);
  });

  test("each real mistake is found with its rule and cell, and nothing else is an 错误", () => {
    expect(where(fs.filter((f) => f.severity === "错误"))).toEqual(
      [
        // 02/03表 lack the 住房公积金 17.30 row: 192.26+948.74+25+5+19.64+0.62+7.63+11.42 = 1210.31 ≠ 1227.61
        "FA.CLASS_SUM 公开02表!C7",
        "FA.CLASS_SUM 公开02表!D7",
        "FA.CLASS_SUM 公开03表!C7",
        // 基本支出: 192.26+19.64+0.62+7.63+11.42 = 231.57 ≠ 248.87
        "FA.CLASS_SUM 公开03表!D7",
        // 05表 2210201 住房公积金 17.30 has no row in 03表
        "FA.TABLE_AGREEMENT 公开05表!C16",
        // 09表 预算数 合计 1.4 vs 基础数据表 3.8; 小计 1.4 vs 3.5; 运行维护 1.19 vs 3.5; 接待 0.21 vs 0.3
        "FA.SANGONG_BASIC 公开09表!A8",
        "FA.SANGONG_BASIC 公开09表!C8",
        "FA.SANGONG_BASIC 公开09表!E8",
        "FA.SANGONG_BASIC 公开09表!F8",
        // 决算数 小计 1.4 vs 基础数据表 公务用车 1.19
        "FA.SANGONG_BASIC 公开09表!I8",
        // 小计 1.4 ≠ 购置 0 + 运行维护 1.19, in both column groups
        "FA.SANGONG_SUM 公开09表!C8",
        "FA.SANGONG_SUM 公开09表!I8",
      ].sort(),
    );
    expect(of(fs, "FA.CLASS_SUM")[0]).toMatchObject({ expected: "1210.31", actual: "1227.61" });
    expect(of(fs, "FA.SANGONG_SUM")[1]).toMatchObject({ expected: "1.19", actual: "1.40" });
    expect(of(fs, "FA.SANGONG_BASIC")[0]).toMatchObject({ expected: "3.80", actual: "1.40" });
    expect(of(fs, "FA.TABLE_AGREEMENT")[0].message).toContain("2210201 住房公积金");
  });

  test("06表 工资福利 items add to 212.54 against 212.55: a 尾数差 提示, not an error", () => {
    // 54.38+30.94+63.27+19.64+7.34+7.63+11.42+0.62+17.3 = 212.54
    expect(where(fs.filter((f) => f.rule === "SUM.ROUNDING"))).toEqual(["SUM.ROUNDING 公开06表!C5"]);
    expect(fs.find((f) => f.rule === "SUM.ROUNDING")).toMatchObject({ severity: "提示", expected: "212.54", actual: "212.55" });
  });

  test("the empty 07/08表 carry their 空表说明: no finding", () => {
    expect(of(fs, "FA.EMPTY_TABLE_NOTE")).toEqual([]);
  });
});

/** Seed 004 with 02/03表 given their 住房公积金 row and 09表 made consistent with 基础数据表: no 错误 left. */
function repaired(): Grid[] {
  const g = seed004Tables();
  const add = (sheet: string, row: (string | number)[]) => g.find((x) => x.sheet === sheet)!.values.splice(15, 0, row);
  add("公开02表", ["2210201", "住房公积金", 17.3, 17.3, 0, 0, 0, 0, 0]);
  add("公开03表", ["2210201", "住房公积金", 17.3, 17.3, 0, 0, 0, 0]);
  // 09表 预算数 3.8 = 0 + 3.5 + 0.3, 3.5 = 0 + 3.5; 决算数 1.4 = 0 + 1.19 + 0.21, 小计 1.19
  g.find((x) => x.sheet === "公开09表")!.values[7] = [3.8, 0, 3.5, 0, 3.5, 0.3, 1.4, 0, 1.19, 0, 1.19, 0.21];
  return g;
}

describe("mutations, each caught by the intended rule", () => {
  const errors = (grids: Grid[]) => check([...seed004Basic(), ...grids]).filter((f) => f.severity === "错误");

  test("repaired seed 004 has no 错误", () => {
    expect(errors(repaired())).toEqual([]);
  });

  test("a swapped digit in a row (03表 行政运行 基本支出 192.26 → 129.26)", () => {
    const g = repaired();
    setCell(g, "公开03表", 7, 3, 129.26);
    const fs = errors(g);
    // row: 本年支出合计 192.26 ≠ 129.26 + 0 = 129.26
    expect(of(fs, "FA.EXPENSE_SUM").map((f) => f.cell)).toEqual(["C8"]);
    expect(of(fs, "FA.EXPENSE_SUM")[0]).toMatchObject({ expected: "129.26", actual: "192.26" });
    // column: 合计 基本支出 248.87 ≠ 129.26+19.64+0.62+7.63+11.42+17.3 = 185.87
    expect(of(fs, "FA.CLASS_SUM")).toEqual([expect.objectContaining({ cell: "D7", expected: "185.87", actual: "248.87" })]);
  });

  test("an unequal 总计 (01表 支出总计 1227.61 → 1237.61)", () => {
    const g = repaired();
    setCell(g, "公开01表", 18, 5, 1237.61);
    const fs = errors(g);
    expect(of(fs, "FA.TOTAL_BALANCE")).toEqual([expect.objectContaining({ sheet: "公开01表", cell: "C19", expected: "1237.61", actual: "1227.61" })]);
    // 1227.61 + 0 + 0 = 1227.61
    expect(of(fs, "FA.EXPENSE_TOTAL")).toEqual([expect.objectContaining({ cell: "F19", expected: "1227.61", actual: "1237.61" })]);
  });

  test("a 类 that misses its 款 (05表 with 类/款 rows, 201 typed 1170.00)", () => {
    const g = repaired();
    const t = g.find((x) => x.sheet === "公开05表")!.values;
    // 20103 = 192.26 + 948.74 + 25.00 = 1166.00 (基本 192.26, 项目 973.74); 20132 = 2013299 = 5.00
    // 201 = 20103 + 20132 = 1166.00 + 5.00 = 1171.00, typed 1170.00 (its own row still adds: 192.26 + 977.74 = 1170.00)
    t.splice(7, 0, ["201", "一般公共服务支出", 1170, 192.26, 977.74], ["20103", "政府办公厅（室）及相关机构事务", 1166, 192.26, 973.74], ["20132", "组织事务", 5, 0, 5]);
    const fs = errors(g);
    // 项目支出: 973.74 + 5.00 = 978.74 ≠ 977.74. The 合计 (against the 项 rows, 1227.61) stays right: only the 类 is reported.
    expect(of(fs, "FA.CLASS_SUM")).toEqual([
      expect.objectContaining({ sheet: "公开05表", cell: "C8", expected: "1171.00", actual: "1170.00" }),
      expect.objectContaining({ sheet: "公开05表", cell: "E8", expected: "978.74", actual: "977.74" }),
    ]);
  });

  test("本年收入合计 ≠ Σ sources (01表 事业收入 0 → 10)", () => {
    const g = repaired();
    setCell(g, "公开01表", 10, 2, 10);
    // 1227.61 + 10 = 1237.61 ≠ 1227.61
    expect(of(errors(g), "FA.INCOME_SUM")).toEqual([expect.objectContaining({ cell: "C16", expected: "1237.61", actual: "1227.61" })]);
  });

  test("基本支出 ≠ 人员经费 + 公用经费 (06表 公用经费合计 36.32 → 30.00)", () => {
    const g = repaired();
    setCell(g, "公开06表", 32, 8, 30);
    const fs = errors(g);
    // 212.55 + 30.00 = 242.55 ≠ 248.87
    expect(of(fs, "FA.BASIC_SPLIT")).toEqual([expect.objectContaining({ sheet: "公开05表", cell: "D7", expected: "242.55", actual: "248.87" })]);
    // 302 商品和服务支出 36.32 + 0 + 0 + 0 = 36.32 ≠ 30.00
    expect(of(fs, "FA.ECONOMIC_SUM")).toEqual([expect.objectContaining({ cell: "I33", expected: "36.32", actual: "30.00" })]);
  });

  test("04表: a fund split that does not add up", () => {
    const g = repaired();
    setCell(g, "公开04表", 12, 6, 20.62); // 社会保障和就业 一般公共预算 20.26 → 20.62
    const fs = errors(g);
    // 20.62 + 0 + 0 = 20.62 ≠ 20.26 (合计 column); column 一般公共预算: 1171+0+...+20.62+19.05+17.3 = 1227.97 ≠ 1227.61
    expect(of(fs, "FA.EXPENSE_SUM").map((f) => `${f.cell} ${f.expected}`)).toEqual(["F13 20.62", "G16 1227.97"]);
  });

  test("05表 ↔ 04表 ↔ 01表 agreement (04表 一般公共预算 本年支出合计 1227.61 → 1227.16)", () => {
    const g = repaired();
    setCell(g, "公开04表", 15, 6, 1227.16);
    const fs = errors(g);
    expect(of(fs, "FA.TABLE_AGREEMENT")).toEqual([expect.objectContaining({ sheet: "公开05表", cell: "C7", expected: "1227.16", actual: "1227.61" })]);
  });

  test("06表 公用经费 against 附件1 公用经费 when both are written", () => {
    const basic = seed004Basic();
    const b = basic.find((x) => x.sheet.startsWith("附件1"))!;
    const r = b.values.findIndex((row) => row[0] === "公用经费");
    b.values[r][5] = 37.33;
    const fs = check([...basic, ...repaired()]);
    // 36.32 vs 37.33: differ by 1.01
    expect(of(fs, "FA.PUBLIC_FUNDS_BASIC")).toEqual([expect.objectContaining({ severity: "警告", cell: "I33", expected: "37.33", actual: "36.32" })]);
  });

  test("an amount that is not a number is an 错误 naming the cell, never a silent zero", () => {
    const g = repaired();
    setCell(g, "公开03表", 7, 3, "192.26.");
    setCell(g, "公开09表", 7, 11, "××");
    const fs = of(errors(g), "FA.INPUT_AMOUNT");
    expect(fs.map((f) => `${f.sheet}!${f.cell} ${f.actual}`)).toEqual(["公开03表!D8 192.26.", "公开09表!L8 ××"]);
    expect(fs[1].message).toContain("占位符");
  });

  test("an empty 07表 without its 空表说明", () => {
    const g = repaired();
    g.find((x) => x.sheet === "公开07表")!.values.pop();
    const fs = check(g);
    expect(of(fs, "FA.EMPTY_TABLE_NOTE")).toEqual([expect.objectContaining({ sheet: "公开07表", severity: "警告" })]);
  });
});

test("every FA.* rule is exercised above", () => {
  expect(finalAccountsRules.map((r) => r.id).filter((id) => !exercised.has(id))).toEqual([]);
});

describe("the templates", () => {
  test("seed 004 written with the templates reads back to the same tables and the same findings", () => {
    const fa = readFinalAccounts(seed004Tables(), 2024).fa!;
    const grids = finalAccountsLayouts({ year: 2024, unit: fa.unit }, fa).map((l) => layoutToGrid(l));
    const back = readFinalAccounts(grids, 2024);
    expect(back.notices).toEqual([]);
    // the template stores the numeric text "1,227.61" (02/05表 合计) as the number it means
    const asWritten = JSON.parse(JSON.stringify(fa, (_, v: unknown) => (v === "1,227.61" ? 1227.61 : v)));
    expect(back.fa).toEqual(asWritten);
    const rules = (g: Grid[]) => check([...seed004Basic(), ...g]).map((f) => `${f.rule} ${f.severity}`).sort();
    expect(rules(grids)).toEqual(rules(seed004Tables()));
  });

  test("an empty template: nine sheets found by title, totals as formulas, blank stays blank, year and numbering printed", () => {
    const layouts = finalAccountsLayouts({ year: 2024, unit: "某单位" });
    expect(layouts.map((l) => l.name)).toEqual([
      "公开01表 收入支出决算总表",
      "公开02表 收入决算表",
      "公开03表 支出决算表",
      "公开04表 财政拨款收入支出决算总表",
      "公开05表 一般公共预算财政拨款支出决算表",
      "公开06表 一般公共预算财政拨款基本支出决算明细表",
      "公开07表 政府性基金预算财政拨款收入支出决算表",
      "公开08表 国有资本经营预算财政拨款支出决算表",
      "公开09表 财政拨款“三公”经费支出决算表",
    ]);
    const grids = layouts.map((l) => layoutToGrid(l));
    const r = checkGrids(grids);
    expect(r.sheets.filter((s) => s.kind === "finalAccounts")).toHaveLength(9);
    expect(r.pkg.year).toBe(2024);
    expect(r.findings).toEqual([]);
    const sangong = layouts[8];
    const cell = (l: typeof sangong, field: string) => l.cells.find((c) => c.field === field)!;
    expect(cell(sangong, "final.vehicle").formula!.native).toBe('=IF(COUNT(J8,K8)=0,"",SUM(J8,K8))');
    expect(cell(layouts[0], "income.total").formula!.native).toMatch(/^=IF\(COUNT\(C7,C8,.*C14\)=0,"",SUM\(/);
    expect(layouts[5].cells.find((c) => c.value === "30231")).toBeDefined(); // 经济分类 rows listed
    const pre = finalAccountsLayouts({ year: 2020, numbering: NUMBERING_PRE2022 });
    expect(pre.map((l) => l.name.slice(0, 5))).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"]);
    expect(pre[6].name).toBe("公开07表 财政拨款“三公”经费支出决算表");
  });
});

test("06表 feeds the 自评报告: 人员经费 212.55 and 公用经费 36.32 of 基本支出 248.87; absent tables give nothing", () => {
  const fa = readFinalAccounts(seed004Tables(), 2024).fa!;
  const s = basicSplitFromFinalAccounts(fa)!;
  expect([s.personnel.toFixed(2), s.public.toFixed(2), s.basic!.toFixed(2)]).toEqual(["212.55", "36.32", "248.87"]);
  expect(basicSplitFromFinalAccounts(null)).toBeNull();
  expect(basicSplitFromFinalAccounts({ ...fa, basicDetail: { ...fa.basicDetail!, public: null } })).toBeNull(); // blank ≠ 0
});

test("01表 类 ↔ 03表 and 04表 类 ↔ 05表, by 类 (04表 卫生健康支出 一般公共预算 19.05 → 19.50)", () => {
  const g = repaired();
  setCell(g, "公开04表", 13, 6, 19.5);
  setCell(g, "公开04表", 13, 5, 19.5); // its row still adds up: 19.5 + 0 + 0
  setCell(g, "公开01表", 6, 5, 1170); // 一般公共服务支出 1171 → 1170
  const fs = check([...seed004Basic(), ...g]).filter((f) => f.rule === "FA.TABLE_AGREEMENT");
  exercised.add("FA.TABLE_AGREEMENT");
  // 05表 210 类: 7.63 + 11.42 = 19.05; 03表 201 类: 192.26 + 948.74 + 25 + 5 = 1171.00
  expect(fs.map((f) => `${f.sheet}!${f.cell} ${f.expected} ${f.actual}`)).toEqual(["公开01表!F7 1171.00 1170.00", "公开04表!G14 19.05 19.50"]);
});

test("pre-2022 numbering (07 三公, 08 政府性基金, 09 国有资本经营) reads and checks the same: titles decide", () => {
  const g = seed004Tables();
  const renumber: Record<string, string> = { 公开07表: "公开08表", 公开08表: "公开09表", 公开09表: "公开07表" };
  const pre = g.map((x) => ({ sheet: renumber[x.sheet] ?? x.sheet, values: x.values.map((row) => row.map((v) => (typeof v === "string" && renumber[v] ? renumber[v] : v))) }));
  const r = readFinalAccounts(pre, 2024);
  expect(r.sheets.find((s) => s.table === "sangong")!.name).toBe("公开07表");
  const rules = (gs: Grid[]) => check([...seed004Basic(), ...gs]).map((f) => `${f.rule} ${f.cell}`).sort();
  expect(rules(pre)).toEqual(rules(g));
});
