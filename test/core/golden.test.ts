/**
 * Golden tests: the seeds' real mistakes (DOMAIN.md, "What the checker must catch") are found,
 * with their rule and cell, and the consistent examples produce no 错误.
 *
 * Cell addresses follow the template layout, counted by hand:
 * 附件1: 1 title, 2–3 staff (F = 控制率), 4 header, 5 三公 … 11 项目支出, 14 专项资金, then one row per 专项;
 *        columns B:C Y-1决算, D:E Y预算, F:G Y决算.
 * 附件2: 4 年度资金总额 (G 执行率, H 得分), 5 split totals (D 收入, H 支出), 6 一般公共预算/基本支出,
 *        7 政府性基金/项目支出, 13 first indicator (F 实际完成值, H 得分).
 * 附件3: 8 年度资金总额 (G 执行率, H 得分).
 */
import { checkGrids, type Finding } from "../../src/core";
import { seedGrids } from "../helpers/seeds";

const BASIC = "附件1 基础数据表";
const EVAL = "附件2 整体支出自评表";

function run(id: "002" | "003" | "004"): Finding[] {
  return checkGrids(seedGrids(id)).findings;
}

function at(findings: Finding[], rule: string, sheet: string, cell: string): Finding | undefined {
  return findings.find((f) => f.rule === rule && f.sheet === sheet && f.cell === cell);
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "错误").map((f) => `${f.rule} ${f.sheet} ${f.cell}`).sort();

describe("seed 002 绥宁县数据局", () => {
  let findings: Finding[];
  beforeEach(() => {
    findings = run("002");
  });

  test("执行率 99.88% but 得分 9: the proportional rule gives 9.99", () => {
    const f = at(findings, "EXEC.SCORE", EVAL, "H4");
    expect(f).toBeDefined();
    expect(f?.severity).toBe("错误");
    expect(f?.expected).toBe("9.99");
    expect(f?.actual).toBe("9");
  });

  test("控制率 15 ÷ 20 = 75.00% and 总分 97 are consistent", () => {
    expect(findings.filter((f) => f.rule === "BASIC.STAFF_RATE")).toEqual([]);
    expect(findings.filter((f) => f.rule === "SCORE.TOTAL")).toEqual([]);
  });

  test("the only 错误 is the execution score", () => {
    expect(errors(findings)).toEqual([`EXEC.SCORE ${EVAL} H4`]);
  });

  test("placeholders left from the template (××专项资金) are flagged", () => {
    expect(at(findings, "INPUT.PLACEHOLDER", BASIC, "A15")).toBeDefined();
  });

  test("满意度 scored 8 of 10 without a 偏差原因", () => {
    // 13 indicators from row 13; 办事群众满意度 is the 13th → row 25; reported at its empty 偏差原因 cell (column I),
    // where the reason is to be typed (the 得分 8 is in H25).
    expect(at(findings, "SCORE.REASON_MISSING", EVAL, "I25")).toBeDefined();
  });

  test("公用经费 决算 377.19 over 预算 35.11 is a warning", () => {
    const f = at(findings, "BASIC.OVER_BUDGET", BASIC, "F17"); // 2 专项 rows (15, 16) → 公用经费 row 17
    expect(f?.severity).toBe("警告");
  });
});

describe("seed 003 湖南省政务服务和大数据中心", () => {
  let findings: Finding[];
  beforeEach(() => {
    findings = run("003");
  });

  test("按收入性质分 24876.65 + 87.94 = 24964.59 equals 全年预算数, not 全年执行数 20971.34", () => {
    const f = at(findings, "EVAL.INCOME_SUM", EVAL, "D5");
    expect(f?.severity).toBe("错误");
    expect(f?.expected).toBe("20971.34");
    expect(f?.actual).toBe("24964.59");
    expect(f?.message).toContain("全年预算数");
  });

  test("自评表 项目支出 18302.03 ≠ 基础数据表 项目支出 Y决算数 18259.03", () => {
    const f = at(findings, "EVAL.PROJECT_VS_BASIC", EVAL, "H7");
    expect(f?.expected).toBe("18259.03");
    expect(f?.actual).toBe("18302.03");
  });

  test("项目支出 18259.03 vs 86.56 + 18172.46 = 18259.02 is a 尾数差 提示, not an error", () => {
    const f = at(findings, "SUM.ROUNDING", BASIC, "F11");
    expect(f?.severity).toBe("提示");
    expect(f?.expected).toBe("18259.02");
    expect(findings.find((x) => x.rule === "BASIC.PROJECT_SUM")).toBeUndefined();
  });

  test("三公经费控制率 stated 17.19%, computed 10.41 ÷ 60.50 = 17.21%", () => {
    const f = at(findings, "INDICATOR.VS_BASIC", EVAL, "F28"); // 16th indicator → row 28
    expect(f?.expected).toBe("17.21%");
    expect(f?.actual).toBe("17.19%");
  });

  test("公用经费控制率 stated 78.76%, computed 347.38 ÷ 441.03 = 78.77%", () => {
    const f = at(findings, "INDICATOR.VS_BASIC", EVAL, "F27");
    expect(f?.expected).toBe("78.77%");
    expect(f?.actual).toBe("78.76%");
  });

  test("consistent: 控制率 75 ÷ 88 = 85.23%, 执行率 84.00% → 8.40, 总分 95.40, 项目经费控制率 82.77%", () => {
    expect(findings.filter((f) => ["BASIC.STAFF_RATE", "EXEC.RATE", "EXEC.SCORE", "SCORE.TOTAL"].includes(f.rule))).toEqual([]);
    expect(at(findings, "INDICATOR.VS_BASIC", EVAL, "F13")).toBeUndefined(); // 在职人员控制率 85.23%
    expect(at(findings, "INDICATOR.VS_BASIC", EVAL, "F29")).toBeUndefined(); // 项目经费控制率 82.77%
  });

  test("the 错误 are exactly the seed's known mistakes", () => {
    expect(errors(findings)).toEqual(
      [`EVAL.INCOME_SUM ${EVAL} D5`, `EVAL.PROJECT_VS_BASIC ${EVAL} H7`, `INDICATOR.VS_BASIC ${EVAL} F27`, `INDICATOR.VS_BASIC ${EVAL} F28`].sort(),
    );
  });
});

describe("seed 004 株洲市天元区数据局", () => {
  let findings: Finding[];
  beforeEach(() => {
    findings = run("004");
  });

  test("控制率 110.00%: 实际在职 11 > 编制 10 (超编)", () => {
    const f = at(findings, "BASIC.OVERSTAFFED", BASIC, "F3");
    expect(f?.severity).toBe("警告");
    expect(f?.actual).toBe("110.00%");
    expect(findings.find((x) => x.rule === "BASIC.STAFF_RATE")).toBeUndefined(); // 110.00% is the right rate
  });

  const projects: [sheet: string, stated: string, rate: string, score: string, computed: string][] = [
    ["附件3 “放管服”和“一件事一次办”改革工作经费", "99.00%", "99.87%", "9.9", "9.99"],
    ["附件3 新区电子政务系统运行及维护", "89.00%", "89.39%", "8.9", "8.94"],
    ["附件3 政务服务大厅运转经费", "97.00%", "97.49%", "9.7", "9.75"],
    ["附件3 株洲市天元区视频监控镇、街道新建及教育系统升级改造项目", "1.00%", "1.89%", "0.1", "0.19"],
  ];
  test.each(projects)("%s: 执行率 stated %s, computed %s; 得分 %s vs %s", (sheet, stated, rate, score, computed) => {
    const r = at(findings, "EXEC.RATE", sheet, "G8");
    expect(r?.actual).toBe(stated);
    expect(r?.expected).toBe(rate);
    const s = at(findings, "EXEC.SCORE", sheet, "H8");
    expect(s?.actual).toBe(score);
    expect(s?.expected).toBe(computed);
  });

  test("consistent: 三公 1.96 + 0.27 = 2.23, 3.5 + 0.3 = 3.8, 1.19 + 0.21 = 1.4; 项目支出 Y决算数 Σ = 978.74", () => {
    const sums = findings.filter((f) => /^BASIC\.(SANGONG|VEHICLE|PROJECT|SPECIAL)_SUM$/.test(f.rule) || f.rule === "SUM.ROUNDING");
    expect(sums).toEqual([]);
  });

  test("the two projects at 100% and their scores are consistent", () => {
    for (const sheet of ["附件3 机关干部进小区工作经费", "附件3 株洲市天元区中小学安防设施建设服务项目"]) {
      expect(findings.filter((f) => f.sheet === sheet && f.severity === "错误")).toEqual([]);
    }
  });

  test("the 错误 are exactly the four stated execution rates and their scores", () => {
    expect(errors(findings)).toEqual(projects.flatMap(([sheet]) => [`EXEC.RATE ${sheet} G8`, `EXEC.SCORE ${sheet} H8`]).sort());
  });

  test("附件3 全年执行数 14.98 disagrees with the 基础数据表 专项 of the same name (14.97)", () => {
    const f = at(findings, "PROJECT.VS_BASIC", "附件3 “放管服”和“一件事一次办”改革工作经费", "E8");
    expect(f?.expected).toBe("14.97");
    expect(f?.actual).toBe("14.98");
  });
});
