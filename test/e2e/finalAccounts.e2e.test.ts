/**
 * Browser end-to-end for the 决算 path, like the 自评 one (taskpane.e2e.test.ts): the built task pane in
 * Debian's chromium over the in-memory Excel. Insert the nine 决算 tables → type seed 004's 09表 row
 * (小计 typed as published, 1.4) → check → FA.SANGONG_SUM listed → click → its cell is selected →
 * generate the 情况说明. Screenshots go to test-results/e2e-fa/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { cellAddress, finalAccountsLayouts } from "../../src/core";
import { openTaskPane, RESULTS, userEdit, type OpenTaskPane } from "./browser";

jest.setTimeout(240_000);

let pane: OpenTaskPane;
let page: Page;
const shots = path.join(RESULTS, "e2e-fa");

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  pane = await openTaskPane({ width: 420, height: 900 });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

const type = (sheet: string, address: string, value: string | number) => userEdit(page, sheet, address, value);

test("insert the 决算 tables, type 09表, check, go to the finding, narrate", async () => {
  const year = page.getByLabel("评价年度");
  await year.fill("2024");
  await year.press("Enter");
  await page.getByRole("button", { name: "插入决算公开表（9张）" }).click();
  await page.getByText("已插入：公开01表 收入支出决算总表").waitFor();

  // 09表 as seed 004 publishes it: 决算数 0 | 小计 1.4 | 购置 0 | 运行维护 1.19 | 接待 0.21 (小计 typed over its formula)
  const sangong = finalAccountsLayouts({ year: 2024 })[8];
  const at = (field: string) => cellAddress(sangong.fields[field].row, sangong.fields[field].col);
  for (const [field, v] of [["final.overseas", 0], ["final.vehicle", 1.4], ["final.purchase", 0], ["final.operation", 1.19], ["final.reception", 0.21]] as const) await type(sangong.name, at(field), v);

  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "开始校验" }).click();
  await page.locator('button[data-rule="FA.SANGONG_SUM"]').first().waitFor();
  await page.screenshot({ path: path.join(shots, "01-校验.png"), fullPage: true });
  const cell = at("final.vehicle");
  expect(await page.locator('button[data-rule="FA.SANGONG_SUM"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).toContain(cell);

  await page.locator(`button[data-rule="FA.SANGONG_SUM"][data-cell="${cell}"]`).click();
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
    `'${sangong.name}'!${cell}`,
  );

  await page.getByRole("tab", { name: "模板" }).click();
  await page.getByRole("button", { name: "生成决算情况说明" }).click();
  await page.getByText("九、财政拨款三公经费支出决算情况说明").waitFor();
  await page.screenshot({ path: path.join(shots, "02-情况说明.png"), fullPage: true });
});
