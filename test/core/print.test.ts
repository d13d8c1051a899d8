/** Printing as the official forms: row heights from text (hand-computed), A4 page setup in every SheetLayout. */
import {
  basicTemplate,
  heightsToRefit,
  layoutToGrid,
  packageLayouts,
  readWorkbook,
  fitRowHeights,
  HUNAN_2024,
  layoutSheet,
  lineCapacity,
  linesHeight,
  materialLayout,
  emptyMaterial,
  printableWidthChars,
  projectTemplate,
  selfEvaluationTemplate,
  textHeight,
  textUnits,
  wrappedLines,
} from "../../src/core";

const params = { year: 2024, preset: HUNAN_2024 };

describe("text measure", () => {
  test("CJK and full-width characters count 2, others 1", () => {
    expect(textUnits("年度总体目标")).toBe(12); // 6 × 2
    expect(textUnits("≥90%")).toBe(4); // ≥ is not full-width: 1 + 1 + 1 + 1
    expect(textUnits("（㎡）")).toBe(6); // 3 × 2
    expect(textUnits("2024年决算数")).toBe(12); // 4 digits + 4 CJK × 2
  });

  test("a line holds 90% of the width at 11 pt, more at smaller sizes", () => {
    expect(lineCapacity(26, 11)).toBe(23); // ⌊26 × 0.9⌋ = ⌊23.4⌋
    expect(lineCapacity(74, 11)).toBe(66); // ⌊66.6⌋
    expect(lineCapacity(142, 10)).toBe(140); // ⌊142 × 0.9 × 11 ÷ 10⌋ = ⌊140.58⌋
    expect(lineCapacity(1, 16)).toBe(1); // never 0
  });

  test("explicit line breaks each start a line; long lines wrap", () => {
    expect(wrappedLines("批复规模\n（㎡）", 10, 11)).toBe(2); // capacity 9: 8 units, 6 units
    expect(wrappedLines("批复规模（㎡）", 10, 11)).toBe(2); // 14 units over 9 → 2
    expect(wrappedLines("", 10, 11)).toBe(1);
    expect(wrappedLines("一二三四五六七八九十".repeat(10), 74, 11)).toBe(4); // 200 units ÷ 66 = 3.03 → 4
  });

  test("height = lines × 1.5 × font + 3, rounded up", () => {
    expect(linesHeight(1, 11)).toBe(20); // 16.5 + 3 = 19.5 → 20
    expect(linesHeight(2, 11)).toBe(36); // 33 + 3
    expect(linesHeight(4, 11)).toBe(69); // 66 + 3
    expect(linesHeight(1, 16)).toBe(27); // 24 + 3
    expect(textHeight("一二三四五六七八九十".repeat(10), 74, 11)).toBe(69);
  });
});

describe("fitRowHeights", () => {
  test("each row takes its tallest text, at least its minimum and one line", () => {
    const h = fitRowHeights(
      [
        { row: 0, col: 0, text: "短", style: "label" },
        { row: 1, col: 0, text: "一二三四五六七八九十".repeat(3), style: "input" }, // 60 units in width 10 (capacity 9) → 7 lines
        { row: 1, col: 1, text: "x", style: "input" },
      ],
      [10, 10],
      3,
      { 2: 45 },
    );
    expect(h).toEqual([20, 119, 45]); // one line; ⌈7 × 16.5 + 3⌉ = ⌈118.5⌉; the minimum of an empty row
  });

  test("merged over columns: the widths add up", () => {
    const h = fitRowHeights([{ row: 0, col: 0, right: 1, text: "一二三四五六七八九十", style: "input" }], [5, 5], 1);
    expect(h).toEqual([53]); // width 5 + 5 = 10, capacity ⌊10 × 0.9⌋ = 9: ⌈20 ÷ 9⌉ = 3 lines → ⌈3 × 16.5 + 3⌉ = ⌈52.5⌉
  });

  test("merged over rows: the last row takes what is missing; text at the top makes the first row tall enough", () => {
    const text = "一二三四五六七八九十"; // 20 units in width 10 (capacity 9) → 3 lines → 53 pt
    expect(fitRowHeights([{ row: 0, col: 0, bottom: 1, text, style: "label" }], [10], 2)).toEqual([20, 33]); // 20 + 33 = 53
    expect(fitRowHeights([{ row: 0, col: 0, bottom: 1, text, style: "label", top: true }], [10], 2)).toEqual([53, 20]);
  });

  test("capped at Excel's 409 pt", () => {
    expect(fitRowHeights([{ row: 0, col: 0, text: "字".repeat(1000), style: "input" }], [10], 1)).toEqual([409]);
  });
});

describe("SheetLayout page setup", () => {
  const basic = layoutSheet(basicTemplate(params));
  const evaluation = layoutSheet(selfEvaluationTemplate(params));
  const project = layoutSheet(projectTemplate(params));
  const material = materialLayout({ year: 2024 });

  test("A4, one page wide and as many tall as needed, centred, black and white, with the 附件 mark", () => {
    for (const [layout, orientation, mark] of [
      [basic, "portrait", "附件1"],
      [evaluation, "landscape", "附件2"],
      [project, "landscape", "附件3"],
      [material, "portrait", null],
    ] as const) {
      expect(layout.page).toMatchObject({ paper: "A4", orientation, fitToWidth: 1, fitToHeight: 0, centerHorizontally: true, blackAndWhite: true, firstPageMark: mark });
      expect(layout.page.margins).toEqual({ top: 43, bottom: 43, left: 36, right: 36, header: 22, footer: 22 });
    }
  });

  test("every form fits the printable width, so it prints at 100% (text never under 9 pt)", () => {
    expect(printableWidthChars("portrait")).toBe(99); // (595 − 72) ÷ 5.25 = 99.6
    expect(printableWidthChars("landscape")).toBe(146); // (842 − 72) ÷ 5.25 = 146.7
    for (const l of [basic, evaluation, project, material]) {
      expect(l.widths.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(printableWidthChars(l.page.orientation));
    }
  });

  test("the indicator table's header repeats on every page; 附件1 repeats its 经费 header", () => {
    // 附件2: indicators from row 13 (index 12), header just above.
    expect(evaluation.page.titleRows).toEqual({ first: 11, last: 11 });
    expect(evaluation.cells.find((c) => c.row === 11 && c.col === 1)?.value).toBe("一级指标");
    const projectHeader = project.page.titleRows!.first;
    expect(project.cells.find((c) => c.row === projectHeader && c.col === 1)?.value).toBe("一级指标");
    expect(basic.cells.find((c) => c.row === basic.page.titleRows!.first && c.col === 0)?.value).toBe("经费控制情况（万元）");
  });

  test("every row has a height; 年度总体目标 grows with its text instead of a fixed 90 pt", () => {
    expect(Object.keys(evaluation.heights)).toHaveLength(evaluation.rowCount);
    const goals = evaluation.fields["goals.planned"].row;
    expect(evaluation.heights[goals]).toBe(60); // the minimum, room to write by hand
    const achieved = "完成".repeat(100); // 400 units in F:I merged, 14 + 8 + 8 + 26 = 56 wide → capacity ⌊50.4⌋ = 50 → 8 lines
    const filled = layoutSheet(selfEvaluationTemplate(params), { goals: { planned: "", achieved } });
    expect(filled.heights[goals]).toBe(135); // ⌈8 × 16.5 + 3⌉ = 135
  });

  test("signature lines as on the seeds: 附件1 填表人/填报日期/联系电话/单位负责人签字; 附件2 填表人/填报日期 on its last row", () => {
    const last = evaluation.rowCount - 1;
    const labels = (l: typeof basic, r: number) => l.cells.filter((c) => c.row === r && c.style === "label").map((c) => String(c.value).replace(/\n/g, ""));
    expect(labels(evaluation, last)).toEqual(["填表人", "填报日期"]);
    expect(evaluation.merges).toEqual(expect.arrayContaining([
      { top: last, left: 2, bottom: last, right: 4 },
      { top: last, left: 6, bottom: last, right: 8 },
    ]));
    expect([...labels(basic, basic.rowCount - 2), ...labels(basic, basic.rowCount - 1)]).toEqual(["填表人", "填报日期", "联系电话", "单位负责人签字"]);
  });

  test("报告素材 list rows (主要成绩) are as tall as their minimum, not one line", () => {
    const first = material.fields["achievements.0.text"].row;
    expect(material.heights[first]).toBe(60);
    const long = materialLayout({ year: 2024 }, { ...emptyMaterial(), achievements: ["成".repeat(150)] });
    // 300 units in column B (52 wide, capacity ⌊46.8⌋ = 46) → ⌈300 ÷ 46⌉ = 7 lines → ⌈7 × 16.5 + 3⌉ = 119
    expect(long.heights[first]).toBe(119);
  });

  test("inputs and computed cells are shaded only while blank; 偏差原因 only when below full marks", () => {
    expect(basic.fills).toContainEqual({ top: 2, left: 1, bottom: 2, right: 1, color: "#FFF2CC", formula: "LEN(B3)=0" }); // 编制数
    expect(basic.fills).toContainEqual({ top: 2, left: 5, bottom: 2, right: 5, color: "#EDEDED", formula: "LEN(F3)=0" }); // 控制率
    // 附件2 indicator rows 13–30: 偏差原因 in I, 得分 in H, 分值 in G.
    expect(evaluation.fills).toContainEqual({ top: 12, left: 8, bottom: 29, right: 8, color: "#FFF2CC", formula: "AND(LEN(I13)=0,OR(LEN(H13)=0,H13<G13))" });
  });
});

describe("refitting rows after the user types", () => {
  const layouts = packageLayouts({ ...params, projects: 1 });
  const before = layouts.map((l) => layoutToGrid(l));
  const goals = layouts[1].fields["goals.planned"]; // 附件2 年初目标设定, B:E merged

  test("only the row whose text changed gets the height its text needs", () => {
    const after = structuredClone(before);
    after[1].values[goals.row][goals.col] = "目标".repeat(100); // 400 units in B:E, 18 + 16 + 26 + 14 = 74 wide → capacity 66 → 7 lines
    const refit = heightsToRefit(before, after, readWorkbook(after), HUNAN_2024);
    expect(refit).toEqual([{ sheet: "附件2 整体支出自评表", row: goals.row, height: 119 }]); // ⌈7 × 16.5 + 3⌉ = ⌈118.5⌉
  });

  test("nothing on the first reading or when no text changed", () => {
    expect(heightsToRefit(null, before, readWorkbook(before), HUNAN_2024)).toEqual([]);
    expect(heightsToRefit(before, structuredClone(before), readWorkbook(before), HUNAN_2024)).toEqual([]);
  });

  test("a short text brings the row back to its minimum", () => {
    const long = structuredClone(before);
    long[1].values[goals.row][goals.col] = "目标".repeat(100);
    const short = structuredClone(long);
    short[1].values[goals.row][goals.col] = "短";
    expect(heightsToRefit(long, short, readWorkbook(short), HUNAN_2024)).toEqual([{ sheet: "附件2 整体支出自评表", row: goals.row, height: 60 }]);
  });
});
