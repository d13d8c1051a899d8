/** @jest-environment jsdom */
/**
 * 部门决算公开 in the task pane: insert the nine tables, check them (校验 finds seed 004's mistakes),
 * narrate them into the 报告 tab and write the 情况说明 to its own sheet.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { FormulaFlavour, Grid, ReportSheet, SheetLayout } from "../../src/core";
import type { CellWrite, SpreadsheetHost } from "../../src/host/types";
import { App, type SectionId } from "../../src/taskpane/App";
import { seed004Basic, seed004Tables } from "../helpers/finalAccounts";

jest.setTimeout(60_000);
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

class FakeHost implements SpreadsheetHost {
  readonly name = "Fake";
  inserted: { layouts: SheetLayout[]; flavour: FormulaFlavour }[] = [];
  reports: ReportSheet[] = [];
  selected: [string, string][] = [];
  constructor(public grids: Grid[]) {}
  async readGrids() {
    return this.grids;
  }
  async sheetNames() {
    return this.grids.map((g) => g.sheet);
  }
  async insertSheets(layouts: SheetLayout[], flavour: FormulaFlavour) {
    this.inserted.push({ layouts, flavour });
    return { names: layouts.map((l) => l.name) };
  }
  async insertReportSheet(sheet: ReportSheet) {
    this.reports.push(sheet);
    return sheet.name;
  }
  async writeCells(_: CellWrite[]) {}
  async deleteSheet() {}
  async select(sheet: string, cell: string) {
    this.selected.push([sheet, cell]);
  }
  async onChange() {
    return async () => undefined;
  }
  supportsCustomFunctions() {
    return false;
  }
}

let root: Root;
let container: HTMLDivElement;
async function mount(host: SpreadsheetHost, section: SectionId) {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root.render(<FluentProvider theme={webLightTheme}><App host={host} initialSection={section} /></FluentProvider>));
}
async function click(el: Element | null | undefined) {
  if (!el) throw new Error("element not found");
  await act(async () => (el as HTMLElement).click());
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}
const button = (text: string) => [...container.querySelectorAll("button")].find((b) => b.textContent?.includes(text));
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  localStorage.clear();
});

test("模板 inserts the nine 决算 tables", async () => {
  const host = new FakeHost([]);
  await mount(host, "templates");
  await click(button("插入决算公开表"));
  expect(host.inserted[0].layouts.map((l) => l.name.slice(0, 5))).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表", "决算说明素"]);
  expect(host.inserted[0].layouts[8].name).toBe("公开09表 财政拨款“三公”经费支出决算表");
});

test("校验 lists seed 004's 决算 mistakes; 生成决算情况说明 previews it in 报告 and writes it to its own sheet", async () => {
  const host = new FakeHost([...seed004Basic(), ...seed004Tables()]);
  await mount(host, "checks");
  await click(button("开始校验"));
  expect(container.textContent).toContain("公务用车购置及运行维护费小计为 1.40");
  await act(async () => root.unmount());
  container.remove();
  await mount(host, "templates");
  await click(button("生成决算情况说明"));
  const text = container.textContent ?? "";
  expect(text).toContain("一般公共服务（类）支出1171万元，占95.39%"); // 1171 ÷ 1227.61
  expect(text).toContain("人员经费212.55万元，占基本支出的85.41%"); // 212.55 ÷ 248.87
  expect(text).toContain("公开09表 财政拨款“三公”经费支出决算表"); // the tables come with it
  await click(button("写入新工作表"));
  expect(host.reports[0].name).toBe("决算情况说明");
});
