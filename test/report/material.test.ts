import { HUNAN_2024, layoutToGrid, packageLayouts, type CellScalar, type Grid } from "../../src/core";
import { MATERIAL_SHEET_NAME, emptyMaterial, isMaterialSheet, materialLayout, materialTemplate, readMaterial } from "../../src/core/report";
import { loadSeed } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const grid = (m = MATERIAL_003, name?: string): Grid => layoutToGrid(materialLayout({ year: 2024 }, m, name));

describe("报告素材 sheet", () => {
  test("declared as data: the title, then one labelled row per item, 主要成绩 several rows", () => {
    const t = materialTemplate({ year: 2024 });
    expect(t.name).toBe("报告素材");
    expect(t.title).toBe("2024年度部门整体支出绩效自评报告素材");
    const layout = materialLayout({ year: 2024 });
    const labels = layout.cells.filter((c) => c.col === 0 && c.style === "label").map((c) => c.value);
    expect(labels).toEqual([
      "通知名称",
      "通知文号",
      "评价时段",
      "工作组织",
      "职能职责",
      "机构设置",
      "人员情况说明",
      "人员经费预算数",
      "人员经费实际支出",
      "国有资本经营预算支出",
      "社会保险基金预算支出",
      "年度绩效目标",
      "主要成绩",
      "主要成绩",
      "主要成绩",
      "主要成绩",
      "主要成绩",
      "存在的问题",
      "改进措施",
      "结果应用和公开",
      "其他需要说明的情况",
      "落款单位",
      "成文日期",
    ]);
    // Inputs are text cells in column B.
    expect(layout.cells.filter((c) => c.style === "input").every((c) => c.col === 1 && c.type === "text")).toBe(true);
  });

  test("written and read back: every text, achievements in order, blanks dropped", () => {
    expect(readMaterial([grid()])).toEqual(MATERIAL_003);
  });

  test("an empty sheet reads as an empty material (not null)", () => {
    expect(readMaterial([layoutToGrid(materialLayout({ year: 2024 }))])).toEqual(emptyMaterial());
  });

  test("found among the forms by its title, whatever the sheet is called", () => {
    const forms = packageLayouts({ year: 2024, preset: HUNAN_2024 }, loadSeed("003")).map((l) => layoutToGrid(l));
    const renamed = grid(MATERIAL_003, "Sheet7");
    expect(forms.some(isMaterialSheet)).toBe(false);
    expect(readMaterial([...forms, renamed])?.organization).toBe(MATERIAL_003.organization);
    expect(readMaterial(forms)).toBeNull();
  });

  test("found by its labels when the title row was deleted; rows inserted by the user are read", () => {
    const g = grid();
    const values: CellScalar[][] = g.values.slice(1).map((r) => [...r]);
    // The user inserts a sixth 主要成绩 row after the fifth, leaving column A blank.
    const fifth = values.map((r) => r[0]).lastIndexOf("主要成绩");
    values.splice(fifth + 1, 0, [null, "成绩六：新增的一行。"]);
    const edited: Grid = { sheet: "我的素材", values };
    expect(isMaterialSheet(edited)).toBe(true);
    const m = readMaterial([edited]);
    expect(m?.achievements).toEqual([...MATERIAL_003.achievements, "成绩六：新增的一行。"]);
    expect(m?.problems).toBe(MATERIAL_003.problems);
  });

  test("a number typed into a text cell is kept as its text", () => {
    const g = grid(emptyMaterial());
    const r = g.values.findIndex((row) => row[0] === "其他需要说明的情况");
    g.values[r][1] = 2024;
    expect(readMaterial([g])?.other).toBe("2024");
    expect(MATERIAL_SHEET_NAME).toBe("报告素材");
  });
});
