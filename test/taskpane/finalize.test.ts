import { basicTemplate, HUNAN_2024, layoutSheet, layoutToGrid, type Grid } from "../../src/core";
import { planFinalize } from "../../src/taskpane/finalize";

test("template JX formulas become their native twins; JX with no twin becomes its value; the rest is left", () => {
  const grid = layoutToGrid(layoutSheet(basicTemplate({ year: 2024, preset: HUNAN_2024 })), "jx");
  const extra: Grid = {
    sheet: "我的表",
    values: [[4.84, "说明", 3]],
    formulas: [['=JX.SCORE("≥90%","87.18%",5)', null, "=1+2"]],
  };
  const plan = planFinalize([grid, extra], HUNAN_2024);
  expect(plan.writes).toContainEqual({ sheet: "附件1 基础数据表", row: 2, col: 5, formula: '=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))' });
  expect(plan.writes).toContainEqual({ sheet: "我的表", row: 0, col: 0, value: 4.84 });
  expect(plan.writes.some((w) => w.sheet === "我的表" && w.col === 2)).toBe(false); // =1+2 is not ours
  expect(plan.values).toBe(1);
  expect(plan.native).toBe(3); // 控制率, 规模控制率, 投资概算控制率
});

test("a quote-prefixed text that reads like a JX formula stays text; a formula reading a text amount keeps its value and is listed", () => {
  // As Excel reports them: a ' text has the same text under values and formulas; a formula's value is its result.
  const grid: Grid = {
    sheet: "表",
    values: [
      ["=JX.RATE(1,4) 示例", "6.25万元", 0.0625, 10.41, 0.1721],
      [null, null, null, 60.5, null],
    ],
    formulas: [
      ["=JX.RATE(1,4) 示例", "6.25万元", "=JX.RATE(B1,100)", null, "=_xldudf_JX_RATE(D1,D2)"],
      [null, null, null, null, null],
    ],
  };
  const plan = planFinalize([grid], HUNAN_2024);
  expect(plan.writes).toEqual([
    { sheet: "表", row: 0, col: 2, value: 0.0625 }, // JX reads "6.25万元" as 6.25; 6.25 / 100 = 0.0625
    { sheet: "表", row: 0, col: 4, formula: "=ROUND((D1)/(D2),4)" }, // 10.41 / 60.5 = 0.17206… → 0.1721
  ]);
  expect(plan.listed).toEqual([{ sheet: "表", cell: "C1", reason: "引用的 B1「6.25万元」 是文字，JX 能读成金额而内置公式不能，改为数值" }]);
  expect([plan.native, plan.values]).toEqual([1, 1]);
});
