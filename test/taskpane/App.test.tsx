/** @jest-environment jsdom */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { HUNAN_2024, layoutToGrid, packageLayouts, type FormulaFlavour, type Grid, type ReportSheet, type RowHeight, type SheetLayout } from "../../src/core";
import type { CellWrite, SpreadsheetHost } from "../../src/host/types";
import { App, SECTIONS, type SectionId } from "../../src/taskpane/App";
import { pickTheme } from "../../src/taskpane/theme";
import { seedGrids } from "../helpers/seeds";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no ResizeObserver; Fluent's positioning asks for one.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** A host over plain grids that records what the task pane asks of it. */
class FakeHost implements SpreadsheetHost {
  readonly name = "Fake";
  selected: [string, string][] = [];
  inserted: { layouts: SheetLayout[]; flavour: FormulaFlavour }[] = [];
  deleted: string[] = [];
  changeHandlers: (() => void)[] = [];
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
  reports: ReportSheet[] = [];
  written: CellWrite[] = [];
  async writeCells(writes: CellWrite[]) {
    this.written.push(...writes);
  }
  heights: RowHeight[][] = [];
  async setRowHeights(heights: RowHeight[]) {
    this.heights.push(heights);
  }
  async insertReportSheet(sheet: ReportSheet) {
    this.reports.push(sheet);
    return sheet.name;
  }
  async deleteSheet(name: string) {
    this.deleted.push(name);
  }
  async select(sheet: string, cell: string) {
    this.selected.push([sheet, cell]);
  }
  async onChange(handler: () => void) {
    this.changeHandlers.push(handler);
    return async () => undefined;
  }
  supportsCustomFunctions() {
    return false;
  }
}

let root: Root;
let container: HTMLDivElement;

async function mount(host: SpreadsheetHost | null, section?: SectionId) {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} initialSection={section} />
      </FluentProvider>,
    );
  });
}

async function click(el: Element | null | undefined) {
  if (!el) throw new Error("element not found");
  await act(async () => {
    (el as HTMLElement).click();
  });
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const button = (text: string) => [...container.querySelectorAll("button")].find((b) => b.textContent?.includes(text));
/** A tab by its label (Fluent renders the label twice: once hidden, to reserve the bold width). */
const tab = (label: string) => [...container.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.startsWith(label));

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  localStorage.clear();
});

describe("task pane", () => {
  test("shows the four sections as tabs", async () => {
    await mount(null);
    expect(SECTIONS.map((s) => s.label)).toEqual(["模板", "校验", "报告", "设置"]);
    for (const label of ["模板", "校验", "报告", "设置"]) expect(container.textContent).toContain(label);
    expect(container.textContent).toContain("没有连接到 Excel");
  });

  test("校验 lists seed 003's findings by sheet, and a click selects the cell", async () => {
    const host = new FakeHost(seedGrids("003"));
    await mount(host, "checks");
    expect(container.textContent).toContain("点击「开始校验」后");
    await click(button("开始校验"));
    const items = [...container.querySelectorAll("button[data-rule]")];
    const rules = items.map((b) => `${b.getAttribute("data-rule")} ${b.getAttribute("data-cell")}`);
    expect(rules).toEqual(expect.arrayContaining(["EVAL.INCOME_SUM D5", "EVAL.PROJECT_VS_BASIC H7", "INDICATOR.VS_BASIC F28", "SUM.ROUNDING F11"]));
    expect(container.textContent).toContain("附件2 整体支出自评表");
    await click(items.find((b) => b.getAttribute("data-rule") === "INDICATOR.VS_BASIC" && b.getAttribute("data-cell") === "F28"));
    expect(host.selected).toEqual([["附件2 整体支出自评表", "F28"]]);
  });

  test("the severity filter hides 提示", async () => {
    await mount(new FakeHost(seedGrids("003")), "checks");
    await click(button("开始校验"));
    expect(container.querySelectorAll('button[data-rule="SUM.ROUNDING"]')).toHaveLength(1);
    await click([...container.querySelectorAll("button")].find((b) => b.textContent?.startsWith("提示")));
    expect(container.querySelectorAll('button[data-rule="SUM.ROUNDING"]')).toHaveLength(0);
    expect(container.querySelectorAll('button[data-rule="EVAL.INCOME_SUM"]')).toHaveLength(1);
  });

  test("after an edit, the rows whose text changed get their height in one call", async () => {
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024 }); // a blank 附件1 and 附件2
    const host = new FakeHost(layouts.map((l) => layoutToGrid(l)));
    await mount(host, "checks");
    await click(button("开始校验"));
    expect(host.heights).toEqual([]); // the first check only remembers the texts
    const layout = layouts[1];
    const goals = layout.fields["goals.planned"]; // 附件2 年初目标设定, B:E merged, 74 wide → 66 units a line
    host.grids = JSON.parse(JSON.stringify(host.grids)) as Grid[]; // Excel hands back new arrays on every read (jsdom: no structuredClone)
    host.grids[1].values[goals.row][goals.col] = "目标".repeat(100); // 400 units → 7 lines
    await act(async () => {
      host.changeHandlers.forEach((h) => h());
      await new Promise((r) => setTimeout(r, 1200)); // past the 800 ms debounce
    });
    expect(host.heights).toEqual([[{ sheet: "附件2 整体支出自评表", row: goals.row, height: 119 }]]); // ⌈7 × 16.5 + 3⌉
  });

  test("an edit triggers a new check after the debounce", async () => {
    const host = new FakeHost(seedGrids("003"));
    await mount(host, "checks");
    await click(button("开始校验"));
    expect(host.changeHandlers.length).toBeGreaterThan(0);
    expect(container.querySelectorAll('button[data-rule="EVAL.PROJECT_VS_BASIC"]')).toHaveLength(1);
    // The user corrects the 项目支出 of 附件2 (H7) to the 基础数据表 figure.
    const evaluation = host.grids[1];
    evaluation.values[6][7] = 18259.03;
    await act(async () => {
      host.changeHandlers.forEach((h) => h());
      await new Promise((r) => setTimeout(r, 1200)); // past the 800 ms debounce
    });
    expect(container.querySelectorAll('button[data-rule="EVAL.PROJECT_VS_BASIC"]')).toHaveLength(0);
  });

  test("模板 inserts 附件1 and 附件2 (no 附件3 by default) with native formulas when custom functions are not supported", async () => {
    const host = new FakeHost([]);
    await mount(host, "templates");
    await click(button("插入全部附件表"));
    expect(host.inserted).toHaveLength(1);
    expect(host.inserted[0].flavour).toBe("native");
    expect(host.inserted[0].layouts.map((l) => l.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "报告素材"]);
    expect(container.textContent).toContain("已插入：附件1 基础数据表");
  });

  test("a host failure is shown in Chinese, not swallowed", async () => {
    const host = new FakeHost([]);
    host.readGrids = async () => {
      throw new Error("读取工作表失败：Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。");
    };
    await mount(host, "checks");
    await click(button("开始校验"));
    expect(container.textContent).toContain("Excel 正在编辑单元格");
  });

  test("an empty workbook says where to start, and only that (not also 没有发现问题)", async () => {
    await mount(new FakeHost([{ sheet: "Sheet1", values: [] }]), "checks");
    await click(button("开始校验"));
    expect(container.textContent).toContain("工作簿中没有找到附件表");
    expect(container.textContent).not.toContain("没有发现问题");
    expect(container.querySelector('[role="group"][aria-label="按严重程度筛选"]')).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toContain("到「模板」点「插入全部附件表」");
  });

  test("an error banner can be closed, and stays on the tab it arose on", async () => {
    const host = new FakeHost([]);
    host.readGrids = async () => {
      throw new Error("读取工作表失败：Excel 正在编辑单元格。");
    };
    await mount(host, "checks");
    await click(button("开始校验"));
    expect(container.textContent).toContain("Excel 正在编辑单元格");
    await click(tab("设置"));
    expect(container.textContent).not.toContain("Excel 正在编辑单元格");
    await click(tab("校验"));
    expect(container.textContent).toContain("Excel 正在编辑单元格");
    await click(container.querySelector('button[aria-label="关闭错误提示"]'));
    expect(container.textContent).not.toContain("Excel 正在编辑单元格");
  });

  test("a finding's tooltip gives the rule's Chinese title, not its id", async () => {
    await mount(new FakeHost(seedGrids("003")), "checks");
    await click(button("开始校验"));
    const item = container.querySelector('button[data-rule="EVAL.PROJECT_VS_BASIC"]');
    expect(item?.getAttribute("title")).toMatch(/^[\u4e00-\u9fa5][^A-Z]*：点击定位到「附件2 整体支出自评表」H7$/);
    expect(item?.getAttribute("title")).not.toContain("EVAL.");
    // And the next step once the errors are listed.
    expect(container.querySelector('[role="status"]')?.textContent).toContain("点击一条问题跳到它的单元格更正");
  });

  test("after inserting, the next step is said: fill the yellow cells, then 开始校验", async () => {
    await mount(new FakeHost([]), "templates");
    await click(button("插入全部附件表"));
    expect(container.querySelector('[role="status"]')?.textContent).toBe("下一步：在新插入的表中填写黄色单元格，然后到「校验」点「开始校验」。");
  });

  test("deleting a project sheet asks first and promises no undo (Excel cannot undo it)", async () => {
    await mount(new FakeHost(seedGrids("004")), "checks");
    await click(button("开始校验"));
    await click(tab("模板"));
    await click(button("删除"));
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain("无法撤销");
    expect(dialog?.textContent).not.toContain("可在 Excel 中撤销");
  });
});

test("定稿 asks first, then rewrites the JX formulas of the workbook", async () => {
  const host = new FakeHost([{ sheet: "附件1 基础数据表", values: [[0.8523]], formulas: [['=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))']] }]);
  await mount(host, "templates");
  // Collapsed on a workbook not yet checked: one line, opened by its header.
  expect(button("定稿")?.textContent).toBe("提交前定稿（最后一步）");
  await click(button("提交前定稿"));
  await click([...container.querySelectorAll("button")].find((b) => b.textContent === "定稿"));
  expect(host.written).toEqual([]); // only the confirmation dialog so far
  expect(document.body.textContent).not.toContain("可在 Excel 中撤销");
  const confirm = [...document.querySelectorAll("button")].filter((b) => b.textContent === "定稿").pop();
  await click(confirm);
  expect(host.written).toEqual([{ sheet: "附件1 基础数据表", row: 0, col: 0, formula: '=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))' }]);
  expect(container.textContent).toContain("已定稿：1 个公式改为内置公式");
});

describe("报告", () => {
  test("seed 003: warns about the table errors, previews the report with its figures, writes it to a sheet", async () => {
    const host = new FakeHost(seedGrids("003"));
    await mount(host, "report");
    expect(container.textContent).toContain("报告由各附件表的数字生成");
    await click(button("由表格生成报告"));
    const text = container.textContent ?? "";
    expect(text).toContain("表格校验有 4 个错误"); // INCOME_SUM, PROJECT_VS_BASIC, two INDICATOR.VS_BASIC
    expect(text).toContain("85.23%"); // 在职人员控制率 75 ÷ 88
    expect(text).toContain("95.40"); // 总分
    expect(text).not.toContain("××");
    await click(button("写入新工作表"));
    expect(host.reports).toHaveLength(1);
    expect(host.reports[0].name).toBe("自评报告");
    expect(container.textContent).toContain("报告已写入新工作表「自评报告」");
  });

  test("without tables, says what to do", async () => {
    await mount(new FakeHost([{ sheet: "Sheet1", values: [] }]), "report");
    await click(button("由表格生成报告"));
    expect(container.textContent).toContain("没有找到附件表，无法生成报告");
  });
});

describe("pickTheme", () => {
  test("follows Office's dark flag, then its background colour, else light", () => {
    expect(pickTheme(undefined)).toBe(webLightTheme);
    expect(pickTheme({ isDarkTheme: true })).toBe(webDarkTheme);
    expect(pickTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(webLightTheme);
    expect(pickTheme({ bodyBackgroundColor: "#1f1f1f" })).toBe(webDarkTheme);
    expect(pickTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(pickTheme({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
  });
});
