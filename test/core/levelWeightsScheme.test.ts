/**
 * SCORE.LEVEL1_WEIGHT against the preset's 附件3 一级 weights only when the form has the preset's 一级 indicators:
 * 安徽 (六安 裕安区 文物局 2022) has no 一级 满意度指标 / 成本指标, so Hunan 2024's 产出 40 / 效益 20 do not apply to it.
 */
import * as path from "node:path";
import { checkGrids } from "../../src/core";
import { readGrids } from "../../src/cli/xlsx";

test("a 附件3 of another scheme: no LEVEL1_WEIGHT finding, but the check is listed as not made, with why", async () => {
  const grids = await readGrids(path.join(__dirname, "..", "fixtures", "variants", "ah-luan-yuan-wlj-2022", "form.xlsx"));
  const r = checkGrids(grids);
  // Before: 产出 50 ≠ 40 and 效益 15 ≠ 20 were reported as 警告 at B12 and B20.
  expect(r.findings.filter((f) => f.rule === "SCORE.LEVEL1_WEIGHT")).toEqual([]);
  expect(r.notChecked.filter((n) => n.rule === "SCORE.LEVEL1_WEIGHT")).toEqual([
    {
      rule: "SCORE.LEVEL1_WEIGHT",
      title: "一级指标分值与标题不符",
      sheet: "绩效自评表",
      reason: "表中没有一级指标「满意度指标」、「成本指标」，不是“湖南省2024年（默认）”附件3的一级指标设置，未按其规定的一级分值核对（其他省份的表可选用本省的评分方案）",
    },
  ]);
});
