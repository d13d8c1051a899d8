/**
 * The report-text checker on the seeds' own reports (copied verbatim into test/fixtures/reports):
 * DOMAIN.md's "(report text)" findings for seeds 000 and 002, nothing on seed 003's consistent
 * report, and every figure of it that is changed is caught.
 */
import { checkGrids, readWorkbook, type Finding } from "../../src/core";
import { checkReportText, generateReport, paragraphsFromGrid, renderPlainText, renderSheet, REPORT_RULES } from "../../src/core/report";
import { generatedPackage } from "../../bench/generate";
import { loadSeed, seedGrids } from "../helpers/seeds";
import { MATERIAL_003, seedReport } from "./helpers";

const rules = (fs: Finding[]) => fs.map((f) => f.rule);

describe("seed 000 (report only, no tables)", () => {
  const findings = checkReportText(seedReport("000"), null);

  test("整体支出预算完成率 885.81% (2547.86 ÷ 287.63) is flagged for review, with its sentence", () => {
    const f = findings.find((x) => x.rule === "REPORT.IMPLAUSIBLE_RATE");
    expect(f).toBeDefined();
    expect(f?.severity).toBe("警告");
    expect(f?.actual).toBe("885.81%");
    expect(f?.sheet).toBe("自评报告");
    expect(f?.cell).toBe("");
    expect(f?.message).toContain("整体支出预算完成率");
    expect(f?.message).toContain("实际执行数为 2547.86 万元");
  });

  test("that is all: 预算调整率 may be large, 控制率 80.65% is plausible, and there are no tables to compare with", () => {
    expect(rules(findings)).toEqual(["REPORT.IMPLAUSIBLE_RATE"]);
  });
});

describe("seed 002 against its own 基础数据表 and 自评表", () => {
  const findings = checkReportText(seedReport("002"), loadSeed("002"));

  test("公用经费 405.96 in the report, 377.19 in 基础数据表 (Y决算数): both sentences quoted", () => {
    const fs = findings.filter((f) => f.rule === "REPORT.FIGURE_MISMATCH" && f.actual === "405.96");
    expect(fs).toHaveLength(2);
    for (const f of fs) {
      expect(f.severity).toBe("错误");
      expect(f.expected).toBe("377.19");
      expect(f.message).toContain("附件1 基础数据表");
    }
    expect(fs[0].message).toContain("「2024年基本支出共计616.51万元，其中人员经费210.55万元，公用经费405.96万元。」");
    expect(fs[1].message).toContain("「2.公用经费405.96万元。」");
  });

  test("the score left as ××分 is a placeholder; the 自评表 says 97", () => {
    const f = findings.find((x) => x.rule === "REPORT.PLACEHOLDER");
    expect(f?.severity).toBe("错误");
    expect(f?.actual).toBe("××分");
    expect(f?.expected).toBe("97.00");
    expect(f?.message).toContain("得分××分，部门整体支出绩效为“良”");
  });

  test("also true: 基本支出 616.51 against the 自评表's 630.22, and “良” for a total of 97", () => {
    const basic = findings.find((f) => f.rule === "REPORT.FIGURE_MISMATCH" && f.actual === "616.51");
    expect(basic?.expected).toBe("630.22");
    const g = findings.find((f) => f.rule === "REPORT.GRADE_MISMATCH");
    expect(g?.actual).toBe("良");
    expect(g?.expected).toBe("优");
  });

  test("nothing else: 项目支出 174.6, 业务工作经费 174.6, 专项资金 0, 编制 20, 在职 15, 政府性基金 5.5 agree", () => {
    expect(findings).toHaveLength(5);
  });

  test("cells name the table's cell when the workbook was read", () => {
    const read = readWorkbook(seedGrids("002"));
    const f = checkReportText(seedReport("002"), read.pkg, { cellOf: read.cellOf }).find((x) => x.actual === "405.96");
    // 附件1: 公用经费 is row 17 (two 专项 rows 15, 16), Y决算数 in F.
    expect(f?.message).toContain("附件1 基础数据表 F17");
  });
});

describe("seed 003: a report that agrees with its tables", () => {
  const text = seedReport("003");
  const pkg = loadSeed("003");

  test("no finding on the whole report (PDF text, lines wrapped mid-sentence)", () => {
    expect(checkReportText(text, pkg)).toEqual([]);
  });

  test.each([
    ["控制率 78.77%", "控制率 78.76%", "78.77%", "78.76%"],
    ["人员 75人", "人员 76人", "75", "76"],
    ["实际支出 10.41万元", "实际支出 10.14万元", "10.41", "10.14"],
    ["在职人员控制率 85.23%", "在职人员控制率 85.32%", "85.23%", "85.32%"],
    ["自评得分 95.40分", "自评得分 95.00分", "95.40", "95.00"],
    ["实际支出金额 347.38", "实际支出金额 374.38", "347.38", "374.38"],
    ["预算数 60.50 万元", "预算数 65.50 万元", "60.50", "65.50"],
  ])("changing 「%s」 to 「%s」 is caught (expected %s, actual %s)", (from, to, expected, actual) => {
    expect(text).toContain(from);
    const fs = checkReportText(text.replace(from, to), pkg);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: "REPORT.FIGURE_MISMATCH", expected, actual });
  });

  test("a 节约 figure is a difference: 441.03 − 347.38 = 93.65 or 362.72 − 347.38 = 15.34, not 15.43", () => {
    const fs = checkReportText(text.replace("相比节约 15.34万元", "相比节约 15.43万元"), pkg);
    expect(fs.map((f) => f.actual)).toEqual(["15.43"]);
  });
});

describe("the generated report passes its own check", () => {
  test("seed 003 with 报告素材: no finding but the 【请核对：…】 prompts on the seed's own table errors", () => {
    const findings = checkGrids(seedGrids("003")).findings;
    const doc = generateReport(loadSeed("003"), { ...MATERIAL_003, other: "无其他需要说明的情况。" }, findings);
    const fs = checkReportText(renderPlainText(doc), loadSeed("003"));
    expect(rules(fs).every((r) => r === "REPORT.PLACEHOLDER")).toBe(true);
    // The table-error notice, 项目支出 18259.03 vs 18302.03, 公用经费控制率 78.76%, 三公经费控制率 17.19%.
    expect(fs.map((f) => f.actual.slice(0, 12))).toEqual(["【请核对：表格校验发现4", "【请核对：项目支出两表不", "【请核对：公用经费控制率", "【请核对：三公经费控制率"]);
  });

  test("seed 002 without 报告素材: only the prompts and the table's own 公用经费控制率 1074.31% (35.11 budget)", () => {
    const doc = generateReport(loadSeed("002"), null, checkGrids(seedGrids("002")).findings);
    const fs = checkReportText(renderPlainText(doc), loadSeed("002"));
    expect(new Set(rules(fs))).toEqual(new Set(["REPORT.PLACEHOLDER", "REPORT.IMPLAUSIBLE_RATE"]));
    expect(fs.find((f) => f.rule === "REPORT.IMPLAUSIBLE_RATE")?.actual).toBe("1074.31%");
    expect(fs.filter((f) => f.rule === "REPORT.PLACEHOLDER").every((f) => /^【(待填写|请核对)：[^】]*】$/.test(f.actual))).toBe(true);
  });

  test("a package of 20 projects: the 附件 list (“3．2024年度项目支出绩效自评表（项目1）”) is names, not figures", () => {
    const pkg = generatedPackage(20);
    const doc = generateReport(pkg, null, []);
    for (const input of [renderPlainText(doc), paragraphsFromGrid({ sheet: "自评报告", values: renderSheet(doc).rows.map((r) => [...r.cells]) })]) {
      expect(rules(checkReportText(input, pkg)).filter((r) => r !== "REPORT.PLACEHOLDER")).toEqual([]);
    }
    // A figure in a sentence about the same 项目支出 is still checked.
    expect(rules(checkReportText("本年项目支出1万元。", pkg))).toEqual(["REPORT.FIGURE_MISMATCH"]);
  });

  test("read back from the 自评报告 sheet, a finding names the paragraph's cell", () => {
    const doc = generateReport(loadSeed("003"), MATERIAL_003, []);
    const sheet = renderSheet(doc);
    const values = sheet.rows.map((r) => [...r.cells]);
    const row = values.findIndex((r) => r[0].includes("“三公”经费预算数60.50万元"));
    values[row][0] = values[row][0].replace("实际支出10.41万元", "实际支出10.14万元");
    const fs = checkReportText(paragraphsFromGrid({ sheet: "自评报告", values }), loadSeed("003")).filter((f) => f.rule === "REPORT.FIGURE_MISMATCH");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: "自评报告", cell: `A${row + 1}`, expected: "10.41", actual: "10.14" });
  });
});

describe("rules and placeholders", () => {
  test("every rule id starts with REPORT. and has a title, a description and an example", () => {
    for (const r of REPORT_RULES) {
      expect(r.id).toMatch(/^REPORT\.[A-Z_]+$/);
      expect(r.title && r.description && r.example).toBeTruthy();
    }
  });

  test("XX, ×× and 待填写 are placeholders; X86 and **bold** are not", () => {
    const fs = checkReportText(
      [
        { text: "单位名称：XX单位。", cell: "A2" },
        { text: "全年X86云开通权限486条，绩效自评得分 **99.99** 分。", cell: "A3" },
        { text: "其中××专项资金0万元。", cell: "A4" },
      ],
      null,
    );
    expect(fs.map((f) => [f.cell, f.actual])).toEqual([
      ["A2", "XX"],
      ["A4", "××"],
    ]);
  });
});
