import { columnName, cellAddress, parseAddress, normalizeLabel, valueAt, formulaAt, textAt, type Grid } from "../../src/core/grid";

describe("columnName", () => {
  test.each<[number, string]>([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"], // 26 + 25
    [52, "BA"],
    [701, "ZZ"], // 26 + 26 × 26 − 1
    [702, "AAA"],
    [16383, "XFD"], // Excel's last column: 24 × 676 + 6 × 26 + 4 = 16384
  ])("%d → %s", (col, name) => {
    expect(columnName(col)).toBe(name);
  });
});

describe("cellAddress", () => {
  test.each<[number, number, string]>([
    [0, 0, "A1"],
    [11, 3, "D12"],
    [9, 27, "AB10"],
    [1048575, 16383, "XFD1048576"],
  ])("(%d, %d) → %s", (row, col, address) => {
    expect(cellAddress(row, col)).toBe(address);
  });
});

describe("parseAddress", () => {
  test.each<[string, number, number]>([
    ["A1", 0, 0],
    ["D12", 11, 3],
    ["$D$12", 11, 3],
    ["$D12", 11, 3],
    ["D$12", 11, 3],
    ["d12", 11, 3],
    ["AA1", 0, 26],
    ["ZZ3", 2, 701],
    ["AAA1", 0, 702],
    ["XFD1048576", 1048575, 16383],
  ])("%s → row %d, col %d", (address, row, col) => {
    expect(parseAddress(address)).toEqual({ row, col });
  });

  test.each(["12D", "", "D", "12", "A1:B2", "D 12", "Sheet1!A1", "Ａ1"])("%p throws", (address) => {
    expect(() => parseAddress(address)).toThrow("不是单元格地址");
  });

  test("round-trips with cellAddress", () => {
    for (const [row, col] of [
      [0, 0],
      [4, 25],
      [99, 26],
      [7, 701],
      [3, 702],
    ]) {
      expect(parseAddress(cellAddress(row, col))).toEqual({ row, col });
    }
  });
});

describe("normalizeLabel", () => {
  test.each([
    ["3、省级专项资金（每个专项一行）", "省级专项资金"],
    ["其中：公车购置", "公车购置"],
    ["  项目支出： ", "项目支出"],
    ["财政供养人员情况（人）", "财政供养人员情况"],
    ["经费控制情况（万元）", "经费控制情况"],
    ["1、公务用车购置和维护经费", "公务用车购置和维护经费"],
    ["2.运行维护经费", "运行维护经费"],
    ["二、一般公共预算支出情况", "一般公共预算支出情况"],
    ["十、其他需要说明的情况", "其他需要说明的情况"],
    ["（一）基本支出", "基本支出"],
    ["其中:办公经费", "办公经费"],
    ["批复规模(㎡)", "批复规模"],
    ["公 用 经 费", "公用经费"],
    ["\u3000三公经费\u3000", "三公经费"],
    ["水费、电费、差旅费", "水费、电费、差旅费"], // an inner 、 is not numbering
    ["一般公共预算", "一般公共预算"], // 一 here is a word, not numbering
    ["项目支出", "项目支出"],
  ])("%p → %p", (text, expected) => {
    expect(normalizeLabel(text)).toBe(expected);
  });
});

describe("valueAt / formulaAt / textAt", () => {
  const grid: Grid = {
    sheet: "附件1",
    values: [
      ["项目支出", 18259.03, null],
      ["控制率", 0.8523, true],
    ],
    formulas: [
      [null, "=SUM(B3:B5)", ""],
      ["", "0.8523", null],
    ],
  };

  test("valueAt reads a cell and gives null outside the grid", () => {
    expect(valueAt(grid, 0, 0)).toBe("项目支出");
    expect(valueAt(grid, 0, 1)).toBe(18259.03);
    expect(valueAt(grid, 1, 2)).toBe(true);
    expect(valueAt(grid, 0, 2)).toBeNull();
    expect(valueAt(grid, 5, 0)).toBeNull();
    expect(valueAt(grid, 0, 9)).toBeNull();
  });

  test("formulaAt gives only texts that start with =", () => {
    expect(formulaAt(grid, 0, 1)).toBe("=SUM(B3:B5)");
    expect(formulaAt(grid, 0, 0)).toBeNull();
    expect(formulaAt(grid, 0, 2)).toBeNull();
    expect(formulaAt(grid, 1, 1)).toBeNull();
    expect(formulaAt(grid, 9, 9)).toBeNull();
    expect(formulaAt({ sheet: "x", values: [[1]] }, 0, 0)).toBeNull();
  });

  test("textAt gives strings only", () => {
    expect(textAt(grid, 0, 0)).toBe("项目支出");
    expect(textAt(grid, 0, 1)).toBe("");
    expect(textAt(grid, 1, 2)).toBe("");
    expect(textAt(grid, 0, 2)).toBe("");
    expect(textAt(grid, 7, 7)).toBe("");
  });
});
