/**
 * Browser end-to-end, issue 10: the task pane states a new user meets, in Debian's chromium on the
 * in-memory Excel. The first screen of an empty workbook (定稿 collapsed), checking it (only
 * "没有找到附件表"), an error banner on its own tab and closable, the next-step hints, the delete
 * dialog (no undo promised), Chinese rule titles on the findings, the report preview with its red
 * prompts. Screenshots go to test-results/e2e/1x-*.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { cellAddress, HUNAN_2024, packageLayouts, type SheetLayout } from "../../src/core";
import { openTaskPane, RESULTS, userEdit, type OpenTaskPane } from "./browser";

jest.setTimeout(180_000);

let pane: OpenTaskPane;
let page: Page;
const shots = path.join(RESULTS, "e2e");

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  pane = await openTaskPane({ width: 420, height: 760 });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

const shot = (name: string, fullPage = false) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
const status = () => page.getByRole("status").textContent();

const type = (sheet: string, address: string, value: string | number) => userEdit(page, sheet, address, value);

function at(layout: SheetLayout, field: string): string {
  const p = layout.fields[field];
  return cellAddress(p.row, p.col);
}

test("an empty workbook, then the forms: each state says one thing, and what to do next", async () => {
  // 1. The first screen: the forms to insert; 定稿 is one collapsed line, not half the screen.
  await page.getByLabel("单位名称").fill("湖南省政务服务和大数据中心");
  await expect(page.getByRole("button", { name: "提交前定稿（最后一步）" }).getAttribute("aria-expanded")).resolves.toBe("false");
  await expect(page.getByText("把工作簿中所有 =JX.… 公式换成").isVisible()).resolves.toBe(false);
  await shot("10-空工作簿首屏");

  // 2. Checking the empty workbook: only 没有找到附件表.
  await tab("校验");
  await page.getByRole("button", { name: "开始校验" }).click();
  await page.getByText("工作簿中没有找到附件表").waitFor();
  await expect(page.getByText("没有发现问题").count()).resolves.toBe(0);
  await expect(status()).resolves.toContain("到「模板」点「插入全部附件表」");
  await shot("11-空工作簿校验");

  // 3. An error arises on 报告: its banner stays there, and closes.
  await tab("报告");
  await page.getByRole("button", { name: "由表格生成报告" }).click();
  const banner = page.getByText("没有找到附件表，无法生成报告");
  await banner.waitFor();
  await shot("12-报告页的错误");
  await tab("校验");
  await expect(banner.count()).resolves.toBe(0);
  await shot("13-错误不跟到别的页");
  await tab("报告");
  await expect(banner.count()).resolves.toBe(1);
  await page.getByRole("button", { name: "关闭错误提示" }).click();
  await expect(banner.count()).resolves.toBe(0);

  // 4. Insert the forms (and one project sheet): the next step is said.
  await tab("模板");
  await page.getByRole("button", { name: "插入全部附件表" }).click();
  await page.getByText("已插入：附件1 基础数据表").waitFor();
  await expect(status()).resolves.toBe("下一步：在新插入的表中填写黄色单元格，然后到「校验」点「开始校验」。");
  await shot("14-插入后的下一步");
  await page.getByRole("button", { name: "添加一张项目表" }).click();
  await page.getByText("下一步：在「附件3").waitFor();

  // 5. Two tables disagree on 项目支出: the finding's tooltip is the rule's Chinese title.
  const [basic, evaluation] = packageLayouts({ year: 2024, unit: "湖南省政务服务和大数据中心", preset: HUNAN_2024 });
  await type(basic.name, at(basic, "project.final"), 18259.03);
  await type(evaluation.name, at(evaluation, "byExpense.project"), 18302.03);
  await tab("校验");
  await page.getByRole("button", { name: "开始校验" }).click();
  const finding = page.locator('button[data-rule="EVAL.PROJECT_VS_BASIC"]');
  await finding.waitFor();
  const title = await finding.getAttribute("title");
  expect(title).not.toMatch(/[A-Z]{3,}\./);
  expect(title).toMatch(/^[\u4e00-\u9fa5].*：点击定位到「附件2 整体支出自评表」/);
  await finding.hover();
  await shot("15-校验结果与下一步", true);

  // 6. Deleting a project sheet: asked first, no undo promised.
  await tab("模板");
  await page.getByRole("button", { name: "删除" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain("Excel 中删除工作表无法撤销");
  await expect(dialog.textContent()).resolves.not.toContain("可在 Excel 中撤销");
  await page.waitForTimeout(500); // the dialog's fade-in
  await shot("16-删除确认");
  await dialog.getByRole("button", { name: "取消" }).click();

  // 7. The report: notes to the user are red 【待填写：…】/【请核对：…】 paragraphs, and the hint counts them.
  await tab("报告");
  await page.getByRole("button", { name: "由表格生成报告" }).click();
  await page.getByLabel("报告预览").waitFor();
  const red = await page.locator('[aria-label="报告预览"] p').evaluateAll((ps) =>
    ps.filter((p) => getComputedStyle(p).color !== getComputedStyle(ps[ps.length - 1].parentElement as Element).color).map((p) => p.textContent ?? ""),
  );
  expect(red.length).toBeGreaterThan(0);
  for (const t of red) expect(t).toMatch(/^【(待填写|请核对)：/);
  await expect(status()).resolves.toMatch(/处【待填写】/);
  await shot("17-报告预览");
});
