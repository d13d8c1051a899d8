/**
 * Browser end-to-end: the built task pane in Debian's chromium, office.js routed to the in-memory
 * Excel. Insert templates → type seed 003's figures into the cells → check → the DOMAIN.md
 * findings for seed 003 are listed → click one → its cell is selected. Screenshots of each step
 * go to test-results/ (git-ignored).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { cellAddress, HUNAN_2024, packageLayouts, type Indicator, type SheetLayout } from "../../src/core";
import { loadSeed } from "../helpers/seeds";
import { openTaskPane, RESULTS, userEdit, type OpenTaskPane } from "./browser";

jest.setTimeout(180_000);

let pane: OpenTaskPane;
let page: Page;
const shots = path.join(RESULTS, "e2e");

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  pane = await openTaskPane({ width: 420, height: 900 });
  page = pane.page;
  expect(pane.errors).toEqual([]);
});

afterAll(async () => {
  await pane?.close();
});

/** Where each field of the blank templates sits, as the task pane inserts them (1 project, 2 专项 rows). */
function blankLayouts(): SheetLayout[] {
  return packageLayouts({ year: 2024, unit: "湖南省政务服务和大数据中心", projects: 1, specialFundRows: 2, preset: HUNAN_2024 });
}

const type = (sheet: string, address: string, value: string | number) => userEdit(page, sheet, address, value);

async function shot(name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

test("insert, type seed 003, check, go to a finding", async () => {
  // 1. Insert the templates.
  await page.getByLabel("单位名称").fill("湖南省政务服务和大数据中心");
  const year = page.getByLabel("评价年度");
  await year.fill("2024");
  await year.press("Enter");
  await shot("01-模板");
  await page.getByRole("button", { name: "插入全部附件表" }).click();
  await page.getByText("已插入：附件1 基础数据表").waitFor();
  await shot("02-已插入");

  // 2. Type seed 003's figures into the input cells, as the accountant would.
  const seed = loadSeed("003");
  const [basic, evaluation] = blankLayouts();
  for (const c of basic.cells) {
    if (c.style !== "input" || !c.field || c.field.startsWith("specialFunds") || c.type === "text") continue;
    const v = c.field.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], seed.basic);
    if (v !== null && v !== undefined && v !== "") await type(basic.name, cellAddress(c.row, c.col), v as string | number);
  }
  const ev = seed.selfEvaluation!;
  const at = (layout: SheetLayout, field: string) => {
    const p = layout.fields[field];
    return cellAddress(p.row, p.col);
  };
  for (const [field, v] of Object.entries({
    "funds.initialBudget": ev.funds.initialBudget,
    "funds.fullBudget": ev.funds.fullBudget,
    "funds.executed": ev.funds.executed,
    "byIncome.general": ev.byIncome.general,
    "byIncome.other": ev.byIncome.other,
    "byExpense.basic": ev.byExpense.basic,
    "byExpense.project": ev.byExpense.project,
  })) {
    await type(evaluation.name, at(evaluation, field), v as number);
  }
  // The 附件1 rates restated as indicators: 在职人员控制率 in 数量指标, the two 控制率 in 成本指标 (rows 7 and 8 of the table).
  const byName = (n: string) => ev.indicators.find((i) => i.name === n) as Indicator;
  const rows: [number, Indicator][] = [
    [0, byName("在职人员控制率")],
    [6, byName("公用经费控制率")],
    [7, byName("三公经费控制率")],
  ];
  for (const [i, ind] of rows) {
    for (const k of ["name", "target", "actual", "weight", "score"] as const) await type(evaluation.name, at(evaluation, `indicators.${i}.${k}`), ind[k] as string | number);
  }

  // 3. Check.
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "开始校验" }).click();
  await page.locator("button[data-rule]").first().waitFor();
  await shot("03-校验结果");
  const listed = await page.locator("button[data-rule]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-cell")}`));
  const sangongRate = at(evaluation, "indicators.7.actual");
  const publicRate = at(evaluation, "indicators.6.actual");
  expect(listed).toEqual(
    expect.arrayContaining([
      `EVAL.INCOME_SUM ${at(evaluation, "byIncome.total")}`, // 24876.65 + 87.94 = 全年预算数, not 全年执行数
      `EVAL.PROJECT_VS_BASIC ${at(evaluation, "byExpense.project")}`, // 18302.03 ≠ 18259.03
      `SUM.ROUNDING ${at(basic, "project.final")}`, // 18259.03 vs 18259.02
      `INDICATOR.VS_BASIC ${sangongRate}`, // 17.19% vs 17.21%
      `INDICATOR.VS_BASIC ${publicRate}`, // 78.76% vs 78.77%
    ]),
  );
  expect(listed).not.toContain(`INDICATOR.VS_BASIC ${at(evaluation, "indicators.0.actual")}`); // 85.23% is right
  await expect(page.getByText("附件2 整体支出自评表（").count()).resolves.toBe(1);

  // 4. Click the 三公经费控制率 finding: its cell is selected.
  await page.locator(`button[data-rule="INDICATOR.VS_BASIC"][data-cell="${sangongRate}"]`).click();
  await page.waitForFunction(
    async (expected) => {
      const host = (window as unknown as { __host: { run<T>(b: (c: Excel.RequestContext) => Promise<T>): Promise<T> } }).__host;
      const address = await host.run(async (ctx) => {
        const r = ctx.workbook.getSelectedRange();
        r.load("address");
        await ctx.sync();
        return r.address;
      });
      return address === expected;
    },
    `'${evaluation.name}'!${sangongRate}`,
  );
  await shot("04-定位到单元格");
});
