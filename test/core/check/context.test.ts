/**
 * What a rule sees (CheckContext): reports under the running rule, where a figure sits, its Chinese name,
 * checks not possible on a form that lacks the cell, the scored sheets and their indicator rows.
 */
import { CheckContext, compareFigure, money, numOf, parseValue, percent, rateAgrees, rateAgreesExactly, scoreAgreesExactly, sheetPathOf, statedRateText, sumOf } from "../../../src/core/check/context";
import { D, HUNAN_2024, type CellRef, type Package, type Rule, type Severity } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";
import type { CheckInput } from "../../../src/core/check/context";

const BASIC = "附件1 基础数据表";
const EV = "附件2 整体支出自评表";

function rule(id: string, severity: Severity, run: Rule["run"], title = "测试规则"): Rule {
  return { id, severity, title, description: "", example: "", run };
}

function ctxOf(input: Partial<CheckInput> = {}, pkg: Package = clean()): CheckContext {
  return new CheckContext({ pkg, ...input }, HUNAN_2024);
}

describe("reports", () => {
  test("report(): the running rule's id and severity, the figure's sheet and cell; expected and actual default to empty", () => {
    const cellOf = (p: string): CellRef | undefined => (p === "basic.office.final" ? { sheet: "基础表", cell: "F18" } : undefined);
    const ctx = ctxOf({ cellOf });
    ctx.runRule(
      rule("T.ONE", "警告", (c) => {
        c.report("basic.office.final", "办公经费不对。");
        c.report("selfEvaluation.funds.rate", "执行率不对。", "93.75%", "90%");
      }),
    );
    expect(ctx.findings).toEqual([
      { rule: "T.ONE", severity: "警告", sheet: "基础表", cell: "F18", message: "办公经费不对。", expected: "", actual: "" },
      { rule: "T.ONE", severity: "警告", sheet: EV, cell: "", message: "执行率不对。", expected: "93.75%", actual: "90%" },
    ]);
  });

  test("reportAs(): under another rule's id and severity", () => {
    const ctx = ctxOf();
    ctx.runRule(
      rule("T.SUM", "错误", (c) => {
        c.reportAs("SUM.ROUNDING", "提示", "basic.sangong.final", "尾数差。");
        c.reportAs("SUM.ROUNDING", "提示", "basic.sangong.budget", "尾数差。", "4.00", "4.01");
      }),
    );
    expect(ctx.findings).toEqual([
      { rule: "SUM.ROUNDING", severity: "提示", sheet: BASIC, cell: "", message: "尾数差。", expected: "", actual: "" },
      { rule: "SUM.ROUNDING", severity: "提示", sheet: BASIC, cell: "", message: "尾数差。", expected: "4.00", actual: "4.01" },
    ]);
  });

  test("report() and skip() outside a rule are programming errors; a rule that throws leaves no rule running", () => {
    const ctx = ctxOf();
    expect(() => ctx.report("basic.office.final", "x")).toThrow("report() outside a rule");
    expect(() => ctx.skip("basic.office.final", "x")).toThrow("skip() outside a rule");
    expect(() => ctx.runRule(rule("T.BAD", "错误", () => { throw new Error("规则出错"); }))).toThrow("规则出错");
    expect(() => ctx.report("basic.office.final", "x")).toThrow("report() outside a rule");
    ctx.runRule(rule("T.OK", "提示", () => undefined));
    expect(() => ctx.report("basic.office.final", "x")).toThrow("report() outside a rule");
    expect(ctx.findings).toEqual([]);
  });

  test("a finding at a cell the form lacks is a check not possible, listed once per rule, sheet and reason", () => {
    const absent = (p: string) => (p.endsWith(".weight") ? "「分值」栏" : undefined);
    const ctx = ctxOf({ absent });
    ctx.runRule(
      rule(
        "T.WEIGHT",
        "错误",
        (c) => {
          c.report("selfEvaluation.indicators.0.weight", "a");
          c.report("selfEvaluation.indicators.1.weight", "b"); // same rule, sheet, reason: once
          c.reportAs("SUM.ROUNDING", "提示", "projects.0.funds.total.weight", "c"); // other sheet; under the running rule
          c.skip("selfEvaluation.total.score", "表中没有「总分」行"); // other reason
          c.report("selfEvaluation.total.score", "d"); // not absent: a finding
        },
        "分值合计不符",
      ),
    );
    ctx.runRule(rule("T.OTHER", "警告", (c) => c.report("selfEvaluation.indicators.0.weight", "e"), "另一条"));
    expect(ctx.notChecked).toEqual([
      { rule: "T.WEIGHT", title: "分值合计不符", sheet: EV, reason: "表中没有「分值」栏" },
      { rule: "T.WEIGHT", title: "分值合计不符", sheet: "附件3 信息化运维", reason: "表中没有「分值」栏" },
      { rule: "T.WEIGHT", title: "分值合计不符", sheet: EV, reason: "表中没有「总分」行" },
      { rule: "T.OTHER", title: "另一条", sheet: EV, reason: "表中没有「分值」栏" },
    ]);
    expect(ctx.findings.map((f) => [f.rule, f.message])).toEqual([["T.WEIGHT", "d"]]);
    // Outside a rule there is no rule to list the check under: the finding is kept.
    ctx.reportAs("SUM.ROUNDING", "提示", "selfEvaluation.indicators.2.weight", "f");
    expect(ctx.findings.map((f) => [f.rule, f.sheet, f.message])).toEqual([
      ["T.WEIGHT", EV, "d"],
      ["SUM.ROUNDING", EV, "f"],
    ]);
    expect(ctx.absent("selfEvaluation.total.weight")).toBe("「分值」栏");
    expect(ctxOf().absent("selfEvaluation.total.weight")).toBeUndefined();
  });
});

describe("figures", () => {
  test("raw(): the model's value; what the form prints beyond the model when the model has no such path", () => {
    const pkg = clean();
    pkg.basic!.staff.authorized = null;
    const facts = {
      basic: { otherFunds: { prevFinal: 1, budget: 2, final: 3 }, staff: { authorized: 99 } },
      "projects.0": { fundParts: [{ label: "其中：基本支出", weight: 4, score: 3.5 }] },
    } as unknown as CheckInput["facts"];
    const ctx = ctxOf({ facts }, pkg);
    expect(ctx.raw("basic.office.final")).toBe(11);
    expect(ctx.raw("basic.otherFunds.final")).toBe(3);
    expect(ctx.raw("projects.0.fundParts.0.score")).toBe(3.5);
    expect(ctx.raw("projects.0.fundParts.1.score")).toBeUndefined();
    expect(ctx.raw("basic.staff.authorized")).toBeNull(); // a blank in the model stays blank
    expect(ctx.num("basic.otherFunds.budget")?.toFixed()).toBe("2");
    expect(ctxOf().raw("basic.otherFunds.final")).toBeUndefined(); // no facts
    expect(ctx.facts("projects.0")).toEqual({ fundParts: [{ label: "其中：基本支出", weight: 4, score: 3.5 }] });
    expect(ctx.facts("selfEvaluation")).toEqual({});
    expect(ctxOf().facts("basic")).toEqual({});
  });

  test("num / numOrZero / isBlank / parsed: a number, a blank, a text, a placeholder", () => {
    const pkg = clean();
    pkg.basic!.office = { prevFinal: "××", budget: null, final: "7.50." };
    pkg.basic!.reception.budget = "";
    const ctx = ctxOf({}, pkg);
    const paths = ["basic.sangong.final", "basic.office.budget", "basic.reception.budget", "basic.office.final", "basic.office.prevFinal"];
    expect(paths.map((p) => ctx.num(p)?.toFixed() ?? null)).toEqual(["3.5", null, null, null, null]);
    expect(paths.map((p) => ctx.numOrZero(p)?.toFixed() ?? null)).toEqual(["3.5", "0", "0", null, null]);
    expect(paths.map((p) => ctx.isBlank(p))).toEqual([false, true, true, false, false]);
    expect(paths.map((p) => ctx.parsed(p).kind)).toEqual(["number", "missing", "missing", "invalid", "placeholder"]);
  });

  test("hasFormula: only a cell the reader saw a formula in", () => {
    const cellOf = (p: string): CellRef | undefined =>
      ({ "basic.staff.controlRate": { sheet: BASIC, cell: "F5", formula: "=JX.RATE(D5,B5)" }, "basic.staff.actual": { sheet: BASIC, cell: "D5", formula: "" }, "basic.staff.authorized": { sheet: BASIC, cell: "B5" } })[p];
    const ctx = ctxOf({ cellOf });
    expect(["basic.staff.controlRate", "basic.staff.actual", "basic.staff.authorized", "basic.office.final"].map((p) => ctx.hasFormula(p))).toEqual([true, false, false, false]);
    expect(ctxOf().hasFormula("basic.staff.controlRate")).toBe(false);
  });

  test("tolerance: the preset's 尾数差 (0.01)", () => {
    expect(ctxOf().tolerance.toFixed()).toBe("0.01");
  });
});

describe("where a figure sits", () => {
  test("sheetOf / where: the reader's sheet names first, else the template's; a project sheet by its name or number", () => {
    const pkg = clean();
    pkg.projects.push({ ...pkg.projects[0], name: "  " });
    const sheets = [
      { name: "基础数据", path: "basic" },
      { name: "项目表二", path: "projects.1" },
    ];
    const ctx = ctxOf({ sheets, cellOf: (p) => (p === "projects.0.total.score" ? { sheet: "信息化", cell: "H20" } : undefined) }, pkg);
    expect(["basic.office.final", "projects.1.total.score", "selfEvaluation.total.score", "projects.0.funds.total.rate", "unit"].map((p) => ctx.sheetOf(p))).toEqual([
      "基础数据",
      "项目表二",
      EV,
      "附件3 信息化运维",
      EV,
    ]);
    expect(ctx.where("projects.0.total.score")).toEqual({ sheet: "信息化", cell: "H20" });
    expect(ctx.where("projects.0.total.grade")).toEqual({ sheet: "附件3 信息化运维", cell: "" });
    const bare = ctxOf({}, pkg);
    expect(["basic.office.final", "projects.1.total.score", "projects.4.total.score"].map((p) => bare.sheetOf(p))).toEqual([BASIC, "附件3 项目2", "附件3 项目5"]);
  });

  test("sheetPathOf: the sheet's part of a model path", () => {
    expect(["projects.2.funds.total.rate", "projects.12.name", "projects.3", "basic.sangong.final", "selfEvaluation", "unit"].map(sheetPathOf)).toEqual([
      "projects.2",
      "projects.12",
      "projects.3",
      "basic",
      "selfEvaluation",
      "unit",
    ]);
  });
});

describe("label: a figure's Chinese name in messages", () => {
  test("附件1, 附件2, 附件3 (项目「…」 first), the unit, and names of list items from the model or the form's extra rows", () => {
    const pkg = clean();
    pkg.basic!.specialFunds = [{ name: "乡村振兴", prevFinal: 1, budget: 2, final: 3 }];
    pkg.projects.push({ ...pkg.projects[0], name: "" });
    const facts = { selfEvaluation: { fundParts: [{ label: "其中：基本支出" }, {}] } } as unknown as CheckInput["facts"];
    const ctx = ctxOf({ facts }, pkg);
    expect(
      [
        "basic.sangong.final",
        "basic.specialFunds.0.final",
        "basic.specialFunds.1.final",
        "selfEvaluation.indicators.1.score",
        "selfEvaluation.fundParts.0.score",
        "selfEvaluation.fundParts.1.score",
        "projects.0.funds.total.executed",
        "projects.0.indicators.0.actual",
        "projects.1.total.score",
        "projects.6.total.score",
        "unit",
        "projects.0.unit",
        "indicators.0.score",
      ].map((p) => ctx.label(p)),
    ).toEqual([
      "三公经费（2024年决算数）",
      "专项资金「乡村振兴」（2024年决算数）",
      "专项资金「第2个专项」（2024年决算数）",
      "指标「合格率」得分",
      "其中：基本支出得分",
      "第2个资金分项得分",
      "项目「信息化运维」年度资金总额全年执行数",
      "项目「信息化运维」指标「维护次数」实际完成值",
      "项目「第2个项目」总分",
      "项目「第7个项目」总分",
      "单位名称",
      "项目「信息化运维」单位名称",
      "指标「第1行」得分", // a path outside any sheet: no list to name the row from
    ]);
  });

  test("the year in a label is the package's", () => {
    const pkg = clean();
    pkg.year = 2025;
    expect(ctxOf({}, pkg).label("basic.office.prevFinal")).toBe("办公经费（2024年决算数）");
  });

  test("a label is worked out once per check: names are those of the package when first asked", () => {
    const pkg = clean();
    const ctx = ctxOf({}, pkg);
    expect(ctx.label("projects.0.total.score")).toBe("项目「信息化运维」总分");
    pkg.projects[0].name = "改名";
    expect(ctx.label("projects.0.total.score")).toBe("项目「信息化运维」总分");
    expect(ctxOf({}, pkg).label("projects.0.total.score")).toBe("项目「改名」总分");
  });
});

describe("scored sheets", () => {
  test("附件2 and every 附件3, with the path of the scored budget row; worked out once per check", () => {
    const pkg = clean();
    pkg.projects.push({ ...pkg.projects[0], name: "第二个" });
    const ctx = ctxOf({}, pkg);
    const sheets = ctx.scoredSheets();
    expect(sheets).toEqual([
      { base: "selfEvaluation.", exec: "selfEvaluation.funds", kind: "selfEvaluation" },
      { base: "projects.0.", exec: "projects.0.funds.total", kind: "project" },
      { base: "projects.1.", exec: "projects.1.funds.total", kind: "project" },
    ]);
    expect(ctx.scoredSheets()).toBe(sheets);
    pkg.selfEvaluation = null;
    expect(ctxOf({}, pkg).scoredSheets().map((s) => s.base)).toEqual(["projects.0.", "projects.1."]);
  });

  test("indicators(): the rows of one sheet with their paths; none for a sheet without indicators; worked out once", () => {
    const pkg = clean();
    pkg.projects.push({ ...pkg.projects[0], name: "第二个", indicators: [] });
    const ctx = ctxOf({}, pkg);
    const [ev, p0, p1] = ctx.scoredSheets();
    const rows = ctx.indicators(ev);
    expect(rows.map((r) => [r.path, r.ind.name])).toEqual([
      ["selfEvaluation.indicators.0", "完成数"],
      ["selfEvaluation.indicators.1", "合格率"],
      ["selfEvaluation.indicators.2", "及时率"],
      ["selfEvaluation.indicators.3", "服务水平"],
      ["selfEvaluation.indicators.4", "满意度"],
    ]);
    expect(ctx.indicators(ev)).toBe(rows);
    expect(ctx.indicators(p0).map((r) => [r.path, r.ind.name])).toEqual([["projects.0.indicators.0", "维护次数"]]);
    expect(ctx.indicators(p1)).toEqual([]);
    expect(ctx.indicators({ base: "projects.9.", exec: "projects.9.funds.total", kind: "project" })).toEqual([]);
    pkg.selfEvaluation = null;
    expect(ctxOf({}, pkg).indicators(ev)).toEqual([]);
  });
});

describe("parsed values and message texts", () => {
  test("parseValue: the same text or number gives the same parsed figure; blanks and other values too", () => {
    expect(parseValue("12.50")).toBe(parseValue("12.50"));
    expect(parseValue(12.5)).toBe(parseValue(12.5));
    expect(parseValue(12.5)).toEqual({ kind: "number", value: new D(12.5), percent: false, decimals: 1, asNumber: 12.5 });
    expect(parseValue(null)).toEqual({ kind: "missing" });
    expect(parseValue(undefined)).toEqual({ kind: "missing" });
    expect(numOf("85%")?.toFixed()).toBe("0.85");
    expect(numOf("约10万")).toBeNull();
    expect(numOf(null)).toBeNull();
  });

  test("money, percent: 2 decimals, half-up", () => {
    expect(money(new D("18259.025"))).toBe("18259.03");
    expect(money(new D(7))).toBe("7.00");
    expect(percent(new D("0.852250"))).toBe("85.23%"); // 85.225 → 85.23
    expect(percent(new D(1))).toBe("100.00%");
  });

  test("rateAgrees: at 2 decimals of percent, whatever was typed; statedRateText: as typed for a text, else 2 decimals", () => {
    const stated = (v: unknown) => parseValue(v) as ReturnType<typeof parseValue> & { kind: "number" };
    const computed = new D("154.74").dividedBy("310.2"); // 0.49883946… → 49.88%
    expect(rateAgrees(stated("50%"), computed)).toBe(false);
    expect(rateAgrees(stated("49.88%"), computed)).toBe(true);
    expect(rateAgrees(stated(0.4988), computed)).toBe(true); // a cell's fraction 0.4988 = 49.88%
    expect(rateAgrees(stated("49.885%"), computed)).toBe(false); // 49.885 → 49.89
    expect(rateAgrees(stated("49.8849%"), computed)).toBe(true); // → 49.88
    expect(statedRateText(stated("50%"))).toBe("50%");
    expect(statedRateText(stated("49.885%"))).toBe("49.885%");
    expect(statedRateText(stated("85.2%"))).toBe("85.2%");
    expect(statedRateText(stated(0.6))).toBe("60.00%");
    expect(statedRateText(stated(0.49885))).toBe("49.89%"); // 49.885 half-up
  });

  test("asNumber: the double whose text is the value, for the exact paths; null when none reads back", () => {
    const asNumber = (v: unknown) => (parseValue(v) as { asNumber?: number | null }).asNumber;
    expect(asNumber(12.5)).toBe(12.5);
    expect(Object.is(asNumber(-0), 0)).toBe(true); // -0 is the value 0
    expect(asNumber("85.23%")).toBe(0.8523);
    expect(asNumber("1,234.50")).toBe(1234.5);
    expect(asNumber("-3")).toBe(-3);
    expect(asNumber("0.00")).toBe(0);
    expect(Object.is(asNumber("-0.00"), 0)).toBe(true);
    expect(asNumber("0.0000001")).toBe(1e-7);
    expect(asNumber("123456789012345678.9")).toBeNull(); // 19 digits: no double reads back as it
    expect(asNumber("12345678901234567")).toBeNull(); // the nearest double is …568
  });

  test("sumOf: Σ of the figures, blanks and texts that are no number adding nothing; exact beyond what doubles add", () => {
    expect(sumOf([]).toFixed()).toBe("0");
    expect(sumOf([0.1, 0.2]).toFixed()).toBe("0.3"); // not 0.30000000000000004
    expect(sumOf([10, null, "", "—", "约10万", 5.25]).toFixed()).toBe("15.25");
    expect(sumOf(["1,000.10", "50%", 2]).toFixed()).toBe("1002.6");
    expect(sumOf([-3, 1.5]).toFixed()).toBe("-1.5");
    expect(sumOf([Number.NaN, Number.POSITIVE_INFINITY, 1]).toFixed()).toBe("1");
    // Beyond the integer path (more than 8 decimals, 15-digit sums): the decimal path gives the exact sum.
    expect(sumOf([0.123456789, 1]).toFixed()).toBe("1.123456789");
    expect(sumOf([999999999999999, 999999999999999]).toFixed()).toBe("1999999999999998");
    expect(sumOf(["123456789012345678.9", 1]).toFixed()).toBe("123456789012345679.9");
    expect(sumOf(["123456789012345678.9", "100000000000000000.1", 0.5]).toFixed()).toBe("223456789012345679.5");
  });

  test("rateAgreesExactly: true only when the stated rate is the quotient at 2 decimals of percent; false leaves it to the decimal path", () => {
    const n = (v: unknown) => parseValue(v) as ReturnType<typeof parseValue> & { kind: "number" };
    expect(rateAgreesExactly(n("49.88%"), n(154.74), n(310.2))).toBe(true);
    expect(rateAgreesExactly(n(0.4988), n(154.74), n(310.2))).toBe(true);
    expect(rateAgreesExactly(n("50%"), n(154.74), n(310.2))).toBe(false);
    expect(rateAgreesExactly(n("49.8849%"), n(154.74), n(310.2))).toBe(true); // → 49.88
    expect(rateAgreesExactly(n("49.885%"), n(154.74), n(310.2))).toBe(false); // → 49.89
    expect(rateAgreesExactly(n(0.9989), n(195.26), n(195.47))).toBe(true); // 0.998925… → 99.89%
    expect(rateAgreesExactly(n(0), n(0), n(0))).toBe(false); // a zero denominator: for the decimal path
    expect(rateAgreesExactly(n(1), n("123456789012345678.9"), n("123456789012345678.9"))).toBe(false); // no double holds them
    expect(rateAgreesExactly(n("123456789012345678.9"), n(1), n(0))).toBe(false); // nothing to compare on either side
    expect(rateAgreesExactly(n("123456789012345678.9"), n(1), n(1))).toBe(false);
  });

  test("compareFigure: a figure against a number, on its double or as a decimal when it has none", () => {
    const n = (v: unknown) => parseValue(v) as ReturnType<typeof parseValue> & { kind: "number" };
    expect([compareFigure(n(0.5), 1), compareFigure(n(1), 1), compareFigure(n(1.5), 1)]).toEqual([-1, 0, 1]);
    expect([compareFigure(n("-0.00"), 0), compareFigure(n(-0.01), 0), compareFigure(n("1,000,000"), 1e6)]).toEqual([0, -1, 0]);
    // 19 digits: no double holds them, compared as decimals (the nearest double would be 1000000 itself).
    expect(compareFigure(n("999999.9999999999999"), 1e6)).toBe(-1);
    expect(compareFigure(n("1000000.0000000000001"), 1e6)).toBe(1);
    expect(compareFigure(n("-1000000.0000000000001"), -1e6)).toBe(-1);
  });

  test("scoreAgreesExactly: true only when the score is min(B, A) × 分值 ÷ A at 2 decimals; false leaves it to the decimal path", () => {
    const n = (v: unknown) => parseValue(v) as ReturnType<typeof parseValue> & { kind: "number" };
    expect(scoreAgreesExactly(n(9.99), n(195.26), n(195.47), 10)).toBe(true); // 10 × 195.26 ÷ 195.47 = 9.9892… → 9.99
    expect(scoreAgreesExactly(n(9.989), n(195.26), n(195.47), 10)).toBe(true); // the stated score at 2 decimals: 9.99
    expect(scoreAgreesExactly(n(9.98), n(195.26), n(195.47), 10)).toBe(false);
    expect(scoreAgreesExactly(n(10), n(300), n(200), 10)).toBe(true); // above the budget: capped at the 分值
    expect(scoreAgreesExactly(n(15), n(300), n(200), 10)).toBe(false);
    expect(scoreAgreesExactly(n(0), n(0), n(200), 10)).toBe(true);
    expect(scoreAgreesExactly(n(4.5), n(90), n(200), 10)).toBe(true);
    expect(scoreAgreesExactly(n("4.50"), n("90"), n("200"), 10)).toBe(true); // texts that doubles hold
    // The decimal path's cases: A of 0, no 分值, a figure no double holds, more than 8 decimals.
    expect(scoreAgreesExactly(n(0), n(0), n(0), 10)).toBe(false);
    expect(scoreAgreesExactly(n(4.5), n(90), n(200), null)).toBe(false);
    expect(scoreAgreesExactly(n("123456789012345678.9"), n(90), n(200), 10)).toBe(false);
    expect(scoreAgreesExactly(n(4.5), n("123456789012345678.9"), n(200), 10)).toBe(false);
    expect(scoreAgreesExactly(n(4.5), n(90), n("123456789012345678.9"), 10)).toBe(false);
    expect(scoreAgreesExactly(n(10), n(0.123456789), n(0.123456789), 10)).toBe(false);
  });
});
