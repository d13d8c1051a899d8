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
