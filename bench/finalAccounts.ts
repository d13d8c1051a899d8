/**
 * 决算公开 benchmark (issue 12): checking the nine tables with ~200 功能分类 rows (02/03/05表 each)
 * stays ≤ 20 ms of core time (reading the grids + every rule, FA.* included).
 */
import { checkGrids, D, DEFAULT_ECONOMIC_ROWS, finalAccountsLayouts, FUNCTION_CLASS_NAMES, layoutToGrid, type CodeRow, type Dec, type FinalAccounts } from "../src/core";
import { cpuMs, line, measure, ms } from "./harness";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A consistent 决算 package: `classes` 类 × `sections` 款 × `items` 项 in 02/03/05表
 * (6 × 3 × 10 → 6 + 18 + 180 = 204 rows), every total the sum of its parts.
 */
export function generatedFinalAccounts(classes = 6, sections = 3, items = 10): FinalAccounts {
  const codes = Object.keys(FUNCTION_CLASS_NAMES).slice(0, classes);
  const rows: { code: string; name: string; basic: Dec; project: Dec }[] = [];
  let basicTotal = new D(0);
  let projectTotal = new D(0);
  const classTotals: Dec[] = [];
  for (const cls of codes) {
    const clsRow = { code: cls, name: FUNCTION_CLASS_NAMES[cls], basic: new D(0), project: new D(0) };
    rows.push(clsRow);
    for (let s = 1; s <= sections; s++) {
      const sec = { code: `${cls}${pad(s)}`, name: `款${cls}${pad(s)}`, basic: new D(0), project: new D(0) };
      rows.push(sec);
      for (let i = 1; i <= items; i++) {
        const basic = new D(i).times("1.11");
        const project = new D(s).times("2.37");
        rows.push({ code: `${sec.code}${pad(i)}`, name: `项${sec.code}${pad(i)}`, basic, project });
        sec.basic = sec.basic.plus(basic);
        sec.project = sec.project.plus(project);
      }
      clsRow.basic = clsRow.basic.plus(sec.basic);
      clsRow.project = clsRow.project.plus(sec.project);
    }
    basicTotal = basicTotal.plus(clsRow.basic);
    projectTotal = projectTotal.plus(clsRow.project);
    classTotals.push(clsRow.basic.plus(clsRow.project));
  }
  const total = basicTotal.plus(projectTotal).toNumber();
  const n = (x: Dec) => x.toNumber();
  const expenseRows: CodeRow[] = rows.map((r) => ({ code: r.code, name: r.name, values: { total: n(r.basic.plus(r.project)), basic: n(r.basic), project: n(r.project), remit: 0, operating: 0, affiliated: 0 } }));
  const incomeRows: CodeRow[] = rows.map((r) => {
    const t = n(r.basic.plus(r.project));
    return { code: r.code, name: r.name, values: { total: t, fiscal: t, superior: 0, business: 0, operating: 0, affiliated: 0, other: 0 } };
  });
  const generalRows: CodeRow[] = rows.map((r) => ({ code: r.code, name: r.name, values: { total: n(r.basic.plus(r.project)), basic: n(r.basic), project: n(r.project) } }));
  const classItems = codes.map((c, i) => ({ name: FUNCTION_CLASS_NAMES[c], amount: n(classTotals[i]) }));
  const zeros = { total: 0, general: 0, govFund: 0, stateCapital: 0 };
  return {
    unit: "基准单位",
    year: 2024,
    balance: {
      income: { general: total, govFund: 0, stateCapital: 0, superior: 0, business: 0, operating: 0, affiliated: 0, other: 0, total, nonFiscalBalance: 0, opening: 0, grandTotal: total },
      expenseItems: classItems,
      expense: { total, distribution: 0, closing: 0, grandTotal: total },
    },
    income: { total: { total, fiscal: total, superior: 0, business: 0, operating: 0, affiliated: 0, other: 0 }, rows: incomeRows, note: "" },
    expense: { total: { total, basic: n(basicTotal), project: n(projectTotal), remit: 0, operating: 0, affiliated: 0 }, rows: expenseRows, note: "" },
    fiscalBalance: {
      income: { general: total, govFund: 0, stateCapital: 0, total, opening: 0, openingGeneral: 0, openingGovFund: 0, openingStateCapital: 0, grandTotal: total },
      expenseItems: classItems.map((c) => ({ name: c.name, total: c.amount, general: c.amount, govFund: 0, stateCapital: 0 })),
      expense: { total: { ...zeros, total, general: total }, closing: zeros, grandTotal: { ...zeros, total, general: total } },
    },
    general: { total: { total, basic: n(basicTotal), project: n(projectTotal) }, rows: generalRows, note: "" },
    basicDetail: {
      items: DEFAULT_ECONOMIC_ROWS.map(([code, name]) => ({ code, name, amount: code === "301" || code === "30101" ? n(basicTotal) : 0 })),
      personnel: n(basicTotal),
      public: 0,
    },
    govFund: { total: {}, rows: [], note: "说明：本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。" },
    stateCapital: { total: {}, rows: [], note: "说明：本单位没有使用国有资本经营预算安排的支出，故本表无数据。" },
    sangong: { budget: { total: 2, overseas: 0, vehicle: 1.5, purchase: 0, operation: 1.5, reception: 0.5 }, final: { total: 1.8, overseas: 0, vehicle: 1.4, purchase: 0, operation: 1.4, reception: 0.4 } },
  };
}

export function benchFinalAccounts(): void {
  const fa = generatedFinalAccounts();
  const grids = finalAccountsLayouts({ year: 2024, unit: fa.unit }, fa).map((l) => layoutToGrid(l));
  const rows = fa.expense!.rows.length;
  const findings = checkGrids(grids).findings.length;
  const m = measure("check final accounts", 1, () => checkGrids(grids), 9);
  const cpu = cpuMs(40, () => checkGrids(grids));
  console.log("\n== 校验部门决算公开九张表（读取网格 + 全部规则）==");
  line(`九张表，每张功能分类表 ${rows} 行（CPU 时间）`, `${cpu.toFixed(2)} ms`, `目标 ≤ 20 ms；${findings} 条问题（应为 0）`);
  line("同上（墙钟时间，含其他进程的干扰）", ms(m));
}
