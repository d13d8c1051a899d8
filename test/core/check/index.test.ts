/**
 * The checker's entry: findings of the whole catalogue sorted by sheet (the workbook's order), then row, column,
 * severity (错误 before 警告 before 提示) and catalogue order; a blank sheet says so once; counts and not-checked lines.
 */
import { checkPackage, checkPackageFull, countBySeverity, emptyBasic, notCheckedText, type CellRef, type Finding } from "../../../src/core";
import { clean } from "../../helpers/cleanPackage";

const BASIC = "附件1 基础数据表";
const EV = "附件2 整体支出自评表";
const PROJECT = "附件3 信息化运维";

/** A package with negative amounts and a placeholder put at chosen cells, so that the order of the findings is known. */
function unordered() {
  const pkg = clean();
  const b = pkg.basic!;
  b.vehicle.final = -2; // → C1
  b.vehiclePurchase.final = -1; // → A3
  b.overseas.final = -3; // → D2
  b.reception.final = "××"; // → B9 (INPUT.PLACEHOLDER 警告, a rule before INPUT.NEGATIVE in the catalogue)
  b.operation.final = -4; // → B9
  b.office.final = -1; // → B9
  b.utilitiesTravel.final = -1; // → A2
  b.meetingTraining.final = -0.5; // no cell
  pkg.selfEvaluation!.indicators[0].weight = "二十"; // → F8 of 附件2 (INPUT.NOT_NUMBER)
  pkg.projects[0].funds.current.executed = -1; // no cell, 附件3 (a sheet the workbook list does not hold)
  const cells: Record<string, string> = {
    "basic.vehicle.final": "C1",
    "basic.vehiclePurchase.final": "A3",
    "basic.overseas.final": "D2",
    "basic.reception.final": "B9",
    "basic.operation.final": "B9",
    "basic.office.final": "B9",
    "basic.utilitiesTravel.final": "A2",
    "selfEvaluation.indicators.0.weight": "F8",
  };
  const cellOf = (path: string): CellRef | undefined => (cells[path] ? { sheet: path.startsWith("basic.") ? BASIC : EV, cell: cells[path] } : undefined);
  return { pkg, cellOf };
}

const INPUT = (f: Finding) => f.rule === "INPUT.NEGATIVE" || f.rule === "INPUT.PLACEHOLDER" || f.rule === "INPUT.NOT_NUMBER";
const brief = (f: Finding) => [f.sheet, f.cell, f.rule, f.actual];

test("sorted by the workbook's sheet order (a sheet it does not list first), then row, column, severity, catalogue order", () => {
  const { pkg, cellOf } = unordered();
  const sheets = [
    { name: EV, path: "selfEvaluation" },
    { name: BASIC, path: "basic" },
  ];
  expect(checkPackage({ pkg, cellOf, sheets }).filter(INPUT).map(brief)).toEqual([
    [PROJECT, "", "INPUT.NEGATIVE", "-1"], // not in the list: index -1
    [EV, "F8", "INPUT.NOT_NUMBER", "二十"], // 附件2 is listed first
    [BASIC, "", "INPUT.NEGATIVE", "-0.5"], // no cell: before every cell of its sheet
    [BASIC, "C1", "INPUT.NEGATIVE", "-2"], // row 1
    [BASIC, "A2", "INPUT.NEGATIVE", "-1"], // row 2, column A
    [BASIC, "D2", "INPUT.NEGATIVE", "-3"], // row 2, column D
    [BASIC, "A3", "INPUT.NEGATIVE", "-1"], // row 3 after D2: rows first
    [BASIC, "B9", "INPUT.NEGATIVE", "-4"], // 错误 before 警告; 运行维护经费 before 办公经费 as the rule found them
    [BASIC, "B9", "INPUT.NEGATIVE", "-1"],
    [BASIC, "B9", "INPUT.PLACEHOLDER", "××"],
  ]);
});

test("without a sheet list, every sheet ranks the same: findings sorted by row and column across sheets", () => {
  const { pkg, cellOf } = unordered();
  expect(checkPackage({ pkg, cellOf }).filter(INPUT).map(brief)).toEqual([
    [BASIC, "", "INPUT.NEGATIVE", "-0.5"], // no cell (row -1); INPUT.NEGATIVE walks 附件1 before 附件3
    [PROJECT, "", "INPUT.NEGATIVE", "-1"],
    [BASIC, "C1", "INPUT.NEGATIVE", "-2"],
    [BASIC, "A2", "INPUT.NEGATIVE", "-1"],
    [BASIC, "D2", "INPUT.NEGATIVE", "-3"],
    [BASIC, "A3", "INPUT.NEGATIVE", "-1"],
    [EV, "F8", "INPUT.NOT_NUMBER", "二十"], // row 8 of 附件2 before row 9 of 附件1
    [BASIC, "B9", "INPUT.NEGATIVE", "-4"],
    [BASIC, "B9", "INPUT.NEGATIVE", "-1"],
    [BASIC, "B9", "INPUT.PLACEHOLDER", "××"],
  ]);
});

test("a blank sheet is 尚未填写 once, and no other finding of that sheet is listed; other sheets keep theirs", () => {
  const pkg = clean();
  pkg.basic = emptyBasic();
  pkg.projects[0].funds.current.executed = -1;
  const { findings } = checkPackageFull({ pkg });
  expect(findings.filter((f) => f.sheet === BASIC).map((f) => [f.rule, f.severity, f.message])).toEqual([["FORM.BLANK", "提示", `「${BASIC}」尚未填写。`]]);
  expect(findings.filter((f) => f.sheet === PROJECT && f.rule === "INPUT.NEGATIVE").map((f) => f.actual)).toEqual(["-1"]);
});

test("countBySeverity counts each severity, zero when none", () => {
  const f = (severity: Finding["severity"]): Finding => ({ rule: "X.Y", severity, sheet: BASIC, cell: "", message: "", expected: "", actual: "" });
  expect(countBySeverity([f("警告"), f("错误"), f("警告"), f("警告")])).toEqual({ 错误: 1, 警告: 3, 提示: 0 });
  expect(countBySeverity([])).toEqual({ 错误: 0, 警告: 0, 提示: 0 });
  expect(countBySeverity([f("提示")])).toEqual({ 错误: 0, 警告: 0, 提示: 1 });
});

test("notCheckedText: one line naming the sheet, the rule's title and id, and why", () => {
  expect(notCheckedText({ rule: "SCORE.WEIGHT_TOTAL", title: "分值合计不是100", sheet: "专项资金绩效目标自评表", reason: "表中没有「分值」栏" })).toBe(
    "工作表「专项资金绩效目标自评表」未核对「分值合计不是100」（SCORE.WEIGHT_TOTAL）：表中没有「分值」栏。",
  );
});
