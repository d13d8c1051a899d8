/**
 * How the reader reads forms that are not its own template (issue 9): units, absent columns,
 * the layout recognized, composed targets; and a workbook holding two years' packages (issue 11).
 */
import * as path from "node:path";
import { checkGrids, HUNAN_2024, layoutToGrid, packageLayouts, packagesByYear, readWorkbook, type Grid } from "../../src/core";
import { checkWorkbookGrids, formatFileReport, resultJson } from "../../src/cli/check";
import { readGrids } from "../../src/cli/xlsx";
import { loadSeed } from "../helpers/seeds";

const variant = (id: string) => readGrids(path.join(__dirname, "..", "fixtures", "variants", id, "form.xlsx"));

describe("units", () => {
  test("云南: 项目资金(元) makes the amounts 元, converted once to 万元 (387664.62 元 = 38.766462 万元)", async () => {
    const read = readWorkbook(await variant("yn-yongde-minglang-2022"));
    const funds = read.pkg.projects[0].funds.total;
    expect(funds.fullBudget).toBe(38.766462);
    expect(funds.executed).toBe(38.766462);
    expect(read.facts["projects.0"].amountUnit).toEqual({ unit: "元", text: "项目资金(元)" });
    expect(read.notices.join("\n")).toContain("以元填写（「项目资金(元)」），已换算为万元");
    // Never "387664.62万元" in any message.
    const r = checkGrids(await variant("yn-yongde-minglang-2022"));
    expect(JSON.stringify(r.findings)).not.toContain("387664.62");
  });

  test("a 单位 line decides: 单位：千元 → ÷ 10", () => {
    const seed = packageLayouts({ year: 2024, preset: HUNAN_2024 }, loadSeed("004")).map((l) => layoutToGrid(l));
    const project = seed[1]; // seed 004 has no 附件2: 附件1, then the projects
    // The same figures written in 千元 with a 单位 line above the table (14.98 万元 = 149.8 千元); the line wins over 项目资金（万元）.
    const values = project.values.map((row) => [...row]);
    values.splice(1, 0, ["单位：千元", ...Array(values[0].length - 1).fill(null)]);
    const grid: Grid = { sheet: project.sheet, values: values.map((row) => row.map((v, c) => (typeof v === "number" && c >= 2 && c <= 4 && row[1] && /资金|拨款|结转|总额/.test(String(row[1])) ? Number((v * 10).toFixed(6)) : v))) };
    const read = readWorkbook([seed[0], grid]);
    expect(read.pkg.projects[0].funds.total.executed).toBe(loadSeed("004").projects[0].funds.total.executed);
    expect(read.facts["projects.0"].amountUnit?.unit).toBe("千元");
  });
});

describe("absent is not zero", () => {
  test("安徽 天长: the goals row (no label of its own) is named by its header in notices, never by its internal key", async () => {
    const r = checkGrids(await variant("ah-tianchang-slj-2022"));
    const text = r.notices.join("\n");
    expect(text).toContain("工作表「项目支出绩效自评表」未找到「年度总体目标」填写行，相关数字未读取。");
    expect(text).toContain("表中没有「年度总体目标」填写行");
    expect(text).not.toMatch(/[a-z]{3,}/); // no "goals", no English key in a message to the user
  });

  test("四川: no 年初预算数 column — absent, 执行率 B/A read from its own column", async () => {
    const read = readWorkbook(await variant("sc-zhongjiang-slj-2022"));
    expect(read.absent("projects.0.funds.total.initialBudget")).toBe("「年初预算数」栏");
    expect(read.cellOf("projects.0.funds.total.rate")?.cell).toBe("F6");
    expect(read.cellOf("projects.0.indicators.0.weight")?.cell).toBe("E12");
    expect(read.cellOf("projects.0.indicators.0.level1")?.cell).toBe("B12");
    expect(read.facts["projects.0"].levelWeights).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10, 预算执行率: 10 });
    expect(read.facts["projects.0"].layout).toBe("sichuan-2022");
  });

  test("衡山: no 分值/得分/总分 — the score checks are listed as not possible, not failed", async () => {
    const r = checkGrids(await variant("hn-hengshan-swlsj-2020"));
    expect(r.absent("projects.0.indicators.3.weight")).toBe("「分值」栏");
    expect(r.findings.filter((f) => f.rule.startsWith("SCORE."))).toEqual([]);
    expect(r.notChecked).toContainEqual(expect.objectContaining({ rule: "SCORE.WEIGHT_TOTAL", sheet: "专项资金绩效目标自评表" }));
    expect(r.notices.some((n) => n.includes("未核对「分值合计不是100」"))).toBe(true);
  });

  test("贵州: 年初预算数(A) is the denominator, the method column is read, sub-rows keep their own scores", async () => {
    const r = checkGrids(await variant("gz-suiyang-taibai-2021"));
    expect(r.absent("selfEvaluation.funds.fullBudget")).toBe("「全年预算数」栏");
    expect(r.facts.selfEvaluation.scoringMethod).toBe("执行率*该指标分值,最高不得超过分值上限。");
    expect(r.facts.selfEvaluation.fundParts?.map((p) => [p.label, p.initialBudget, p.executed, p.score])).toEqual([
      ["基本支出", 985.19, 914.97, 10],
      ["项目支出", 187.36, 353.75, 10],
    ]);
    // 914.97 ÷ 985.19 = 92.87% → 9.29, stated 10 at F6.
    expect(r.findings.find((f) => f.rule === "EXEC.SCORE")).toMatchObject({ cell: "F6", expected: "9.29", actual: "10" });
  });

  test("云南: 指标性质 / 指标值 / 度量单位 over a two-row header read as one target", async () => {
    const read = readWorkbook(await variant("yn-yongde-minglang-2022"));
    const inds = read.pkg.projects[0].indicators;
    expect(inds.map((i) => i.target).slice(0, 5)).toEqual(["≥735人次", "≥100%", "≥100%", "=100%", "有效"]);
    expect(read.cellOf("projects.0.indicators.2.score")?.cell).toBe("I16");
    expect(read.cellOf("projects.0.total.score")?.cell).toBe("I25");
  });

  test("新田 2021: 4、其他资金 is its own row, not a 专项; header years are kept", async () => {
    const read = readWorkbook(await variant("hn-xintian-jyj-2021"));
    expect(read.pkg.basic?.specialFunds.map((f) => f.name)).not.toContain("4、其他资金");
    expect(read.pkg.basic?.specialFunds).toHaveLength(11);
    expect(read.cellOf("basic.otherFunds.final")?.cell).toBe("E26");
    expect(read.facts.basic.columnYears).toEqual({ prevFinal: 2020, budget: 2021, final: 2021, staff: 2021 });
    expect(read.cellOf("basic.publicFunds.final")?.cell).toBe("E28");
  });
});

describe("what jixiao check --json says about a form of another layout", () => {
  test("衡山: the layout it took and the checks not possible, with their reasons", async () => {
    const r = checkWorkbookGrids("form.xlsx", await variant("hn-hengshan-swlsj-2020"), HUNAN_2024);
    const json = resultJson(r) as { sheets: { layout?: string }[]; notChecked: { rule: string; reason: string }[]; notices: string[] };
    expect(json.sheets[0].layout).toBe("hunan-2020-special");
    expect(json.notChecked).toContainEqual(expect.objectContaining({ rule: "SCORE.WEIGHT_TOTAL", reason: "表中没有「总分」行" }));
    expect(json.notices).toContain("工作表「专项资金绩效目标自评表」按表头读取，版式为「湖南 2020 县级专项资金绩效目标自评表（无分值）」。");
  });
});

describe("jixiao check's header line for a workbook without 附件2", () => {
  test("湖北 鄂州 (two 附件3 only): 总分/等级 say there is no 附件2, not that they are blank", async () => {
    const r = checkWorkbookGrids("form.xlsx", await variant("hb-ezhou-czj-2019"), HUNAN_2024);
    expect(formatFileReport(r).split("\n")[1]).toBe("单位：市财政局    年度：2019    总分：—（没有附件2）    等级：—（没有附件2）");
  });
});

describe("two packages of different years in one workbook (issue 11)", () => {
  const make = (year: number, suffix: string) =>
    packageLayouts({ year, preset: HUNAN_2024 }, { ...loadSeed("003"), year }).map((l) => ({ ...layoutToGrid(l), sheet: l.name + suffix }));

  test("last year's forms and the just-inserted ones: grouped by year, the newest read, both named", () => {
    const grids = [...make(2023, ""), ...make(2024, " (2)")];
    expect(packagesByYear(grids).map((g) => [g.year, g.sheets.length])).toEqual([
      [2024, 2],
      [2023, 2],
    ]);
    const read = readWorkbook(grids);
    expect(read.pkg.year).toBe(2024);
    expect(read.sheets.map((s) => s.name)).toEqual(["附件1 基础数据表 (2)", "附件2 整体支出自评表 (2)"]);
    expect(read.notices[0]).toContain("不同年度的两套表");
    expect(read.notices[0]).toContain("本次读取和校验的是2024年度");
    // The older set on request.
    expect(readWorkbook(grids, 2024, { year: 2023 }).sheets.map((s) => s.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表"]);
  });

  test("one year only: one group, no notice", () => {
    const grids = make(2024, "");
    expect(packagesByYear(grids)).toHaveLength(1);
    expect(readWorkbook(grids).notices.filter((n) => n.includes("不同年度"))).toEqual([]);
  });
});
