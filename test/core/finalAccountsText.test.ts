/**
 * Seed 004's own 情况说明 (copied from the seed, test/fixtures/finalAccounts/seed-004-narrative.txt)
 * checked against its tables: the 3.8 vs 1.4 disagreement is found, and no false alarm on the
 * figures that agree; then one figure at a time is broken.
 */
import * as fs from "fs";
import * as path from "path";
import { checkFinalAccountsText, checkGrids, finalAccountsTextRules, generateFinalAccountsNarrative, renderPlainText, renderSheet, type Finding, type Grid } from "../../src/core";
import { seed004Basic, seed004Tables } from "../helpers/finalAccounts";

const SEED_TEXT = fs.readFileSync(path.join(__dirname, "..", "fixtures", "finalAccounts", "seed-004-narrative.txt"), "utf8");
// Checked afresh inside each test (not once at load time), so that mutation testing attributes the checker to every test.
const check = (text: string) => {
  const read = checkGrids([...seed004Basic(), ...seed004Tables()]);
  return checkFinalAccountsText(text, read.finalAccounts!, { cellOf: read.cellOf, basic: read.pkg.basic, sheet: "情况说明.docx" });
};

const exercised = new Set<string>();
const of = (fs: Finding[], rule: string) => {
  exercised.add(rule);
  return fs.filter((f) => f.rule === rule);
};
/** The text with one occurrence of `from` replaced (it must be there). */
function mutate(from: string, to: string): string {
  expect(SEED_TEXT).toContain(from);
  return SEED_TEXT.replace(from, to);
}

describe("seed 004's own 情况说明 against its tables", () => {
  let fs: Finding[];
  beforeEach(() => {
    fs = check(SEED_TEXT);
  });

  test("the 3.8 vs 1.4 disagreement is found, naming the 09表 cell", () => {
    // 情况说明 "“三公”经费财政拨款支出预算为3.8万元"; 09表 预算数 合计 1.4 (A8)
    expect(of(fs, "FA.TEXT_FIGURE")[0]).toMatchObject({ expected: "1.4", actual: "3.8", sheet: "情况说明.docx" });
    expect(of(fs, "FA.TEXT_FIGURE")[0].message).toContain("公开09表 A8");
  });

  test("the findings are exactly the 09表 预算数 column, the 0-base rates and the 0.76 change; nothing else", () => {
    expect(fs.map((f) => `${f.rule} ${f.actual}→${f.expected}`)).toEqual([
      "FA.TEXT_FIGURE 3.8→1.4", // 三公 预算数 (09表 copies its 决算数 into 预算数)
      "FA.TEXT_ZERO_BASE 0%→不写完成率", // 因公出国（境）费 预算 0, "完成预算的0%"
      "FA.TEXT_FIGURE 0.3→0.21", // 公务接待费 预算数
      "FA.TEXT_ZERO_BASE 0%→不写完成率", // 公务用车购置费
      "FA.TEXT_FIGURE 3.5→1.19", // 公务用车运行维护费 预算数
      // 1.96 (基础数据表 2023) − 1.19 = 0.77, not 0.76; 0.77 ÷ 1.96 = 39.29%
      "FA.TEXT_CHANGE 0.76万元→0.77万元",
    ]);
    expect(fs.filter((f) => f.severity === "错误")).toHaveLength(4);
  });
});

describe("mutations of the seed's text, each caught by the intended rule", () => {
  test("a swapped digit in an amount (收入合计1227.61 → 1227.16)", () => {
    const f = of(check(mutate("收入合计1227.61万元", "收入合计1227.16万元")), "FA.TEXT_FIGURE");
    expect(f[0]).toMatchObject({ expected: "1227.61", actual: "1227.16" });
  });

  test("a wrong share (一般公共服务 占95.39% → 95.38%)", () => {
    // 1171 ÷ 1227.61 = 95.389% → 95.39%
    expect(of(check(mutate("1171万元，占95.39%", "1171万元，占95.38%")), "FA.TEXT_SHARE")).toEqual([expect.objectContaining({ expected: "95.39%", actual: "95.38%" })]);
  });

  test("a wrong share of 基本支出 (人员经费 占85.41% → 85.14%)", () => {
    // 212.55 ÷ 248.87 = 85.406% → 85.41%
    expect(of(check(mutate("占基本支出的85.41%", "占基本支出的85.14%")), "FA.TEXT_SHARE")).toEqual([expect.objectContaining({ expected: "85.41%" })]);
  });

  test("a change that does not agree with itself (减少30.02% → 30.20%)", () => {
    // 526.73 ÷ (1227.61 + 526.73) = 526.73 ÷ 1754.34 = 30.02%
    expect(of(check(mutate("减少526.73万元，减少30.02%", "减少526.73万元，减少30.20%")), "FA.TEXT_CHANGE")[0]).toMatchObject({ expected: "30.02%", actual: "30.20%" });
  });

  test("a completion rate that does not follow from its amounts (99.08% → 99.80%)", () => {
    // 1227.61 ÷ 1238.95 = 99.08%
    expect(of(check(mutate("完成年初预算的99.08%", "完成年初预算的99.80%")), "FA.TEXT_COMPLETION")).toEqual([expect.objectContaining({ expected: "99.08%", actual: "99.80%" })]);
  });

  test("a 0 base given a completion rate (专项业务 年初预算0 with 完成年初预算的100%)", () => {
    const f = of(check(mutate("年初预算为0万元，支出决算为25万元，", "年初预算为0万元，支出决算为25万元，完成年初预算的100%，")), "FA.TEXT_ZERO_BASE");
    expect(f).toHaveLength(3); // this one + 因公出国 + 公务用车购置 of the seed
  });

  test("an over/under without its reason, and a reason with the wrong direction", () => {
    const noReason = check(mutate("完成年初预算的96.99%，决算数小于年初预算数的主要原因是：2024年1名在职人员退休，机关事业单位基本养老保险缴费支出减少。", "完成年初预算的96.99%。"));
    expect(of(noReason, "FA.TEXT_REASON")).toEqual([expect.objectContaining({ severity: "警告" })]);
    const wrongWay = check(mutate("完成年初预算的98.83%，决算数小于年初预算数", "完成年初预算的98.83%，决算数大于年初预算数"));
    expect(of(wrongWay, "FA.TEXT_REASON")[0]).toMatchObject({ expected: "小于", actual: "大于" });
  });

  test("a change against the previous year without its reason", () => {
    const f = check(mutate("本部门2024年度机关运行经费支出36.32万元，比上年决算数减少1.01万元，降低2.71%。主要原因是：办公费、维修（护）费、委托业务费、工会经费等机关运行经费的减少，本年度厉行勤俭节约，减少开支。", "本部门2024年度机关运行经费支出36.32万元，比上年决算数减少1.01万元，降低2.71%。"));
    expect(of(f, "FA.TEXT_REASON")).toEqual([expect.objectContaining({ message: expect.stringContaining("机关运行经费与上年相比减少1.01万元，未说明原因") })]);
  });

  test("a 项 amount against its 05表 row (行政运行 192.26 → 129.26)", () => {
    // the rate then no longer follows either: 129.26 ÷ 190.36 = 67.90%
    const f = check(mutate("支出决算为192.26万元", "支出决算为129.26万元"));
    expect(of(f, "FA.TEXT_FIGURE").map((x) => `${x.expected} ${x.actual}`)).toContain("192.26 129.26");
  });
});

describe("the generated 情况说明 passes its own checker", () => {
  test("no finding on the text generated from consistent tables (three 09表 figures repaired)", () => {
    const g: Grid[] = seed004Tables();
    g.find((x) => x.sheet === "公开09表")!.values[7] = [3.8, 0, 3.5, 0, 3.5, 0.3, 1.4, 0, 1.19, 0, 1.19, 0.21];
    const r = checkGrids([...seed004Basic(), ...g]);
    const doc = generateFinalAccountsNarrative(r.finalAccounts!, { basic: r.pkg.basic, extra: { prevTotal: 1754.34, initialBudget: 1238.95, initialBudgets: { "2010301": 190.36 } } });
    const text = renderPlainText(doc);
    expect(checkFinalAccountsText(text, r.finalAccounts!, { basic: r.pkg.basic })).toEqual([]);
    // and as a sheet in the workbook, found by its title and checked by checkGrids
    const sheet = renderSheet(doc, "决算情况说明");
    const grid: Grid = { sheet: "决算情况说明", values: sheet.rows.map((row) => row.cells) };
    const broken: Grid = { sheet: "决算情况说明", values: grid.values.map((row) => row.map((c) => (typeof c === "string" ? c.replace("占95.39%", "占95.93%") : c))) };
    expect(checkGrids([...seed004Basic(), ...g, grid]).findings.filter((f) => f.rule.startsWith("FA.TEXT"))).toEqual([]);
    expect(checkGrids([...seed004Basic(), ...g, broken]).findings.filter((f) => f.rule === "FA.TEXT_SHARE")).toEqual([expect.objectContaining({ sheet: "决算情况说明" })]);
  });
});

test("every FA.TEXT_* rule is exercised above", () => {
  expect(finalAccountsTextRules.map((r) => r.id).filter((id) => !exercised.has(id))).toEqual([]);
});
