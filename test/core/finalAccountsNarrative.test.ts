/**
 * The 情况说明 generated from seed 004's tables reproduces the seed's own figures;
 * what the tables do not hold becomes a prompt; no completion rate on a 0 base.
 */
import {
  blockText,
  isPrompt,
  checkFinalAccountsText,
  checkGrids,
  FA_NARRATIVE_PARTS,
  faMaterialLayout,
  layoutToGrid,
  readFaMaterial,
  generateFinalAccountsNarrative,
  headings,
  readFinalAccounts,
  renderPlainText,
  renderSheet,
  type FaNarrativeExtra,
  type FinalAccounts,
} from "../../src/core";
import { seed004Basic, seed004Tables } from "../helpers/finalAccounts";
import { loadSeed } from "../helpers/seeds";

/** Figures the seed's 情况说明 states but its tables do not hold (typed from seed 004, 第三部分). */
const EXTRA: FaNarrativeExtra = {
  prevTotal: 1754.34, // "收、支总计1227.61万元。与上年相比，减少526.73万元": 1227.61 + 526.73
  prevFiscalTotal: 1754.34,
  prevGeneralExpense: 1754.34,
  initialBudget: 1238.95, // "年初预算数为1238.95万元"
  initialBudgets: { "2010301": 190.36, "2010302": 990.97, "2010305": 0, "2013299": 0, "2080505": 20.25, "2089999": 0.62, "2101101": 7.72, "2101103": 11.47, "2210201": 17.56 },
  prevOperatingFunds: 37.33, // "36.32万元，比上年决算数减少1.01万元": 36.32 + 1.01
};

const fa = (): FinalAccounts => readFinalAccounts(seed004Tables(), 2024).fa!;
const text = (extra: FaNarrativeExtra = EXTRA) => renderPlainText(generateFinalAccountsNarrative({ ...fa(), year: 2024 }, { extra, basic: loadSeed("004").basic }));

describe("the generated 情况说明 of seed 004", () => {
  const t = text();

  test("has the fifteen parts of the seed and the 名词解释", () => {
    const doc = generateFinalAccountsNarrative({ ...fa(), year: 2024 }, { extra: EXTRA });
    const h1 = doc.blocks.filter((b) => b.kind === "heading" && b.level === 1).map(blockText);
    expect(h1).toHaveLength(16);
    expect(h1[0]).toBe("一、收入支出决算总体情况说明");
    expect(h1[13]).toBe("十四、关于2024年度预算绩效情况的说明");
    expect(h1[15]).toBe("名词解释");
    expect(FA_NARRATIVE_PARTS).toHaveLength(15);
    expect(headings(doc)).toContain("（二）一般公共预算财政拨款支出决算结构情况");
  });

  test("reproduces the seed's figures", () => {
    expect(t).toContain("2024年度收、支总计1227.61万元。与上年相比，减少526.73万元，减少30.02%"); // 526.73 ÷ 1754.34 = 30.024%
    expect(t).toContain("2024年度收入合计1227.61万元，其中：财政拨款收入1227.61万元，占100%");
    expect(t).toContain("基本支出248.87万元，占20.27%；项目支出978.74万元，占79.73%"); // 248.87 ÷ 1227.61 = 20.273%
    expect(t).toContain("一般公共服务（类）支出1171万元，占95.39%"); // 1171 ÷ 1227.61 = 95.389%
    expect(t).toContain("住房保障（类）支出17.3万元，占1.41%"); // 17.3 ÷ 1227.61 = 1.409%
    expect(t).toContain("支出决算数为1227.61万元，完成年初预算的99.08%"); // 1227.61 ÷ 1238.95 = 99.085%
    expect(t).toContain("年初预算为190.36万元，支出决算为192.26万元，完成年初预算的101%，决算数大于年初预算数的主要原因是"); // 192.26 ÷ 190.36 = 100.998%
    expect(t).toContain("人员经费212.55万元，占基本支出的85.41%"); // 212.55 ÷ 248.87 = 85.406%
    expect(t).toContain("公用经费36.32万元，占基本支出的14.59%");
    expect(t).toContain("本单位无政府性基金收支");
    // 三公 prior year from 附件1: 2.23 − 1.4 = 0.83, 0.83 ÷ 2.23 = 37.22%; 运行维护 1.96 − 1.19 = 0.77, 0.77 ÷ 1.96 = 39.29%
    expect(t).toContain("与上年相比，减少0.83万元，减少37.22%");
    expect(t).toContain("减少0.77万元，减少39.29%");
    expect(t).toContain("机关运行经费支出36.32万元，比上年决算数减少1.01万元，减少2.71%"); // 1.01 ÷ 37.33 = 2.706%
  });

  test("公务用车 is 购置 + 运行维护 (0 + 1.19), not the 09表 小计 1.4 that misses them, so the shares add up and the text passes its own check", () => {
    // 0.21 ÷ 1.4 = 15%, 0 ÷ 1.4 = 0%, 1.19 ÷ 1.4 = 85%: 15 + 0 + 85 = 100
    expect(t).toContain("公务接待费支出决算0.21万元，占15%，因公出国（境）费支出决算0万元，占0%，公务用车购置费及运行维护费支出决算1.19万元，占85%");
    expect(t).toContain("3、公务用车购置费及运行维护费支出决算为1.19万元，其中：公务用车购置费0万元");
    const read = checkGrids([...seed004Basic(), ...seed004Tables()]);
    const findings = checkFinalAccountsText(t, read.finalAccounts!, { cellOf: read.cellOf, basic: read.pkg.basic, sheet: "情况说明" });
    expect(findings.filter((f) => f.severity === "错误").map((f) => `${f.rule} ${f.expected} ${f.actual}`)).toEqual([]);
  });

  test("no completion rate when the base is 0", () => {
    expect(t).toContain("年初预算为0万元，支出决算为25万元，决算数大于年初预算数的主要原因是");
    const line = t.split("\n").find((l) => l.includes("支出决算为25万元"))!;
    expect(line).not.toContain("完成年初预算");
  });

  test("a reason or a fact the tables do not hold is asked for", () => {
    expect(t).toContain("主要原因是：【待填写：原因】");
    expect(t).toContain("政府采购支出总额【待填写：数字】万元");
    const bare = text({});
    expect(bare).toContain("与上年相比，【待填写：上年收支总计");
    expect(bare).toContain("年初预算数为【待填写：年初预算数】万元");
    // Every gap is a prompt in the report's one style, so REPORT.PLACEHOLDER finds it in a text pasted back.
    expect(bare).not.toMatch(/【请填写/);
    expect(bare).not.toContain("完成年初预算的");
  });

  test("the 决算说明素材 sheet gives the previous-year figures and 年初预算 (read back by the label reader)", () => {
    const items = fa().general!.rows.map((r) => ({ code: r.code, name: r.name }));
    const layout = faMaterialLayout({ year: 2024 }, items);
    const grid = layoutToGrid(layout);
    const put = (field: string, v: number) => {
      const p = layout.fields[field];
      grid.values[p.row][p.col] = v;
    };
    put("prevTotal", 1754.34); // 1227.61 + 526.73
    put("initialBudget", 1238.95);
    put("initialBudgets.0.budget", 190.36); // 2010301 行政运行
    put("initialBudgets.2.budget", 0); // 2010305 专项业务及机关事务管理
    const extra = readFaMaterial([grid])!;
    expect(extra.initialBudgets).toEqual({ "2010301": 190.36, "2010305": 0 });
    const t2 = renderPlainText(generateFinalAccountsNarrative({ ...fa(), year: 2024 }, { extra }));
    expect(t2).toContain("与上年相比，减少526.73万元，减少30.02%");
    expect(t2).toContain("完成年初预算的99.08%");
    expect(t2).toContain("年初预算为190.36万元，支出决算为192.26万元，完成年初预算的101%");
    expect(t2).toContain("年初预算为0万元，支出决算为25万元，决算数大于年初预算数的主要原因是");
    expect(checkGrids([grid]).sheets).toEqual([]); // the sheet is not taken for a table
  });

  test("错误 in the tables open the document with a warning", () => {
    const read = checkGrids([...seed004Basic(), ...seed004Tables()]);
    const doc = generateFinalAccountsNarrative(read.finalAccounts!, { findings: read.findings });
    expect(isPrompt(doc.blocks[1])).toBe(true);
    expect(blockText(doc.blocks[1])).toMatch(/^【请核对：表格校验发现\d+处错误/);
  });

  test("renders to a sheet and, with the tables, carries the nine tables", () => {
    const doc = generateFinalAccountsNarrative({ ...fa(), year: 2024 }, { extra: EXTRA, withTables: true });
    expect(doc.blocks.filter((b) => b.kind === "table").map((b) => (b.kind === "table" ? b.caption : ""))).toEqual([
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
    const sheet = renderSheet(doc, "决算情况说明");
    expect(sheet.rows.some((r) => r.cells[0].includes("占95.39%"))).toBe(true);
  });
});

describe("tables that are missing or not yet filled in are asked about, never stated as 0 or 无", () => {
  const section = (t: string, head: string) => {
    const lines = t.split("\n");
    const i = lines.findIndex((l) => l.trim().startsWith(head));
    return lines[i + 1].trim();
  };

  test("a blank 09表 (all figures empty) asks to fill it in, where it used to say “预算为0万元，支出决算为0万元”", () => {
    const blank09 = { ...fa(), year: 2024, sangong: { budget: {}, final: {} } } as FinalAccounts;
    const t = renderPlainText(generateFinalAccountsNarrative(blank09, { extra: EXTRA }));
    expect(section(t, "九、")).toBe("【待填写：「财政拨款“三公”经费支出决算表」尚未填写，本部分请填写表格后重新生成或手工填写】");
    expect(t).not.toContain("“三公”经费财政拨款支出预算为0万元");
  });

  test("no 07表 / 08表 in the workbook: 七/八 ask for the table instead of stating 本单位无…收支", () => {
    const without = { ...fa(), year: 2024, govFund: null, stateCapital: null };
    const t = renderPlainText(generateFinalAccountsNarrative(without, { extra: EXTRA }));
    expect(section(t, "七、")).toBe("【待填写：未找到「政府性基金预算财政拨款收入支出决算表」，本部分请补充表格后重新生成或手工填写】");
    expect(section(t, "八、")).toBe("【待填写：未找到「国有资本经营预算财政拨款支出决算表」，本部分请补充表格后重新生成或手工填写】");
    expect(t).not.toContain("本单位无政府性基金收支");
  });

  test("a 收入支出决算总表 that is there but blank says 尚未填写, not 未找到", () => {
    const f = fa();
    const blank01 = { ...f, year: 2024, balance: { ...f.balance!, income: { ...f.balance!.income, grandTotal: null }, expense: { ...f.balance!.expense, grandTotal: null } } } as FinalAccounts;
    const t = renderPlainText(generateFinalAccountsNarrative(blank01, { extra: EXTRA }));
    expect(section(t, "一、")).toBe("【待填写：「收入支出决算总表」尚未填写，本部分请填写表格后重新生成或手工填写】");
  });
});
