/**
 * describeField: the Chinese name of a model path inside one sheet, as the user reads it in every finding.
 * Expected texts typed from the official forms' labels (附件1 行名, 附件2/3 栏名).
 */
import { basicTemplate, HUNAN_2024, layoutSheet, normalizeLabel } from "../../../src/core";
import { describeField, yearColumn } from "../../../src/core/check/labels";

const noNames = () => "";

test("yearColumn: 上年决算数 is the year before, 预算数 and 决算数 the year itself", () => {
  expect(yearColumn("prevFinal", 2024)).toBe("2023年决算数");
  expect(yearColumn("budget", 2024)).toBe("2024年预算数");
  expect(yearColumn("final", 2024)).toBe("2024年决算数");
  expect(yearColumn("budget", 2025)).toBe("2025年预算数");
});

test("fields with a name of their own (编制数, 楼堂馆所, 按收入性质分, 总分, 目标, 表头)", () => {
  expect(
    ["staff.authorized", "staff.controlRate", "buildings.investmentRate", "savingMeasures", "byIncome.specialAccount", "byExpense.total", "total.grade", "goals.achieved", "implementer"].map((p) => describeField(p, 2024)),
  ).toEqual(["编制数", "在职人员控制率", "投资概算控制率", "厉行节约保障措施", "纳入专户管理的非税收入拨款", "按支出性质分合计", "评价等级", "实际完成情况", "实施单位"]);
});

test("附件1 rows × year columns: 三公经费（2024年决算数）; a row path with a third part is not a row", () => {
  expect(describeField("sangong.final", 2024)).toBe("三公经费（2024年决算数）");
  expect(describeField("vehiclePurchase.prevFinal", 2024)).toBe("公车购置（2023年决算数）");
  expect(describeField("basicAdjustment.budget", 2025)).toBe("部门基本支出预算调整（2025年预算数）");
  expect(describeField("utilitiesTravel.final", 2024)).toBe("水费、电费、差旅费（2024年决算数）");
  expect(describeField("sangong.final.x", 2024)).toBe("sangong.final.x"); // unknown: the path itself
  expect(describeField("nosuchrow.final", 2024)).toBe("nosuchrow.final");
});

test("专项资金: by its own name, else by its number (index + 1); its name cell is named by number", () => {
  const names = (list: string, i: number) => (list === "specialFunds" && i === 1 ? "乡村振兴" : "");
  expect(describeField("specialFunds.1.final", 2024, names)).toBe("专项资金「乡村振兴」（2024年决算数）");
  expect(describeField("specialFunds.0.budget", 2024, names)).toBe("专项资金「第1个专项」（2024年预算数）");
  expect(describeField("specialFunds.2.prevFinal", 2024)).toBe("专项资金「第3个专项」（2023年决算数）");
  expect(describeField("specialFunds.1.name", 2024, names)).toBe("第2个专项资金的名称");
});

test("指标: by its 三级指标 name, else by row number; each column by its heading; an unknown column as is", () => {
  const names = (list: string, i: number) => (list === "indicators" && i === 0 ? "完成数" : "");
  expect(["name", "target", "actual", "weight", "score", "reason"].map((c) => describeField(`indicators.0.${c}`, 2024, names))).toEqual([
    "指标「完成数」三级指标",
    "指标「完成数」年度指标值",
    "指标「完成数」实际完成值",
    "指标「完成数」分值",
    "指标「完成数」得分",
    "指标「完成数」偏差原因",
  ]);
  expect(describeField("indicators.4.score", 2024, noNames)).toBe("指标「第5行」得分");
  expect(describeField("indicators.4.level1", 2024)).toBe("指标「第5行」level1");
});

test("资金分项: by its label, else by number; columns 年初预算数 … 得分", () => {
  const names = (list: string, i: number) => (list === "fundParts" && i === 0 ? "其中：基本支出" : "");
  expect(["initialBudget", "fullBudget", "executed", "weight", "rate", "score"].map((c) => describeField(`fundParts.0.${c}`, 2024, names))).toEqual([
    "其中：基本支出年初预算数",
    "其中：基本支出全年预算数",
    "其中：基本支出全年执行数",
    "其中：基本支出分值",
    "其中：基本支出执行率",
    "其中：基本支出得分",
  ]);
  expect(describeField("fundParts.2.executed", 2024)).toBe("第3个资金分项全年执行数");
  expect(describeField("fundParts.2.note", 2024)).toBe("第3个资金分项note");
});

test("其他资金 row of 附件1, and the header years", () => {
  expect(describeField("otherFunds.final", 2024)).toBe("其他资金（2024年决算数）");
  expect(describeField("otherFunds.final.x", 2024)).toBe("otherFunds.final.x");
  expect(["prevFinal", "budget", "final", "staff", "other"].map((k) => describeField(`columnYears.${k}`, 2024))).toEqual([
    "表头年度（上年决算数）",
    "表头年度（预算数）",
    "表头年度（决算数）",
    "表头年度（实际在职人数）",
    "表头年度（other）",
  ]);
});

test("年度资金总额 (附件2: funds.x) and the budget rows of 附件3 (funds.row.x)", () => {
  expect(["initialBudget", "fullBudget", "executed", "weight", "rate", "score", "odd"].map((c) => describeField(`funds.${c}`, 2024))).toEqual([
    "年度资金总额年初预算数",
    "年度资金总额全年预算数",
    "年度资金总额全年执行数",
    "年度资金总额分值",
    "年度资金总额执行率",
    "年度资金总额得分",
    "年度资金总额odd",
  ]);
  expect(["current", "carryover", "other", "total", "odd"].map((r) => describeField(`funds.${r}.executed`, 2024))).toEqual([
    "当年财政拨款全年执行数",
    "上年结转金额全年执行数",
    "其它资金全年执行数",
    "年度资金总额全年执行数",
    "odd全年执行数",
  ]);
  expect(describeField("funds.total.rate.x", 2024)).toBe("funds.total.rate.x");
  expect(describeField("funds", 2024)).toBe("funds");
});

test("签字栏: 填表人, 填报日期, 联系电话, 单位负责人; an unknown one as its path", () => {
  expect(["preparer", "date", "phone", "head", "seal"].map((k) => describeField(`signature.${k}`, 2024))).toEqual([
    "填表人",
    "填报日期",
    "联系电话",
    "单位负责人",
    "signature.seal",
  ]);
});

test("a path nobody named is shown as it is", () => {
  expect(describeField("somethingElse", 2024)).toBe("somethingElse");
  expect(describeField("remarks.date", 2024)).toBe("remarks.date"); // 填报日期 is the 签字栏's only
});

test("every 经费 row of 附件1 is named as the form prints it (numbering, 其中 and the bracketed hint left out)", () => {
  const layout = layoutSheet(basicTemplate({ year: 2024, preset: HUNAN_2024, specialFundRows: 1 }));
  const printed = new Map(layout.cells.filter((c) => c.col === 0 && c.style === "label").map((c) => [c.row, String(c.value)]));
  const rows = layout.cells.filter((c) => c.field?.endsWith(".final") && !c.field.startsWith("specialFunds.") && printed.has(c.row));
  expect(rows.length).toBe(16); // 三公经费 … 运行维护经费 (9), 专项资金, 公用经费 … 部门基本支出预算调整 (6)
  // 专项资金 is printed "本级专项资金" by the 湖南 2024 form and otherwise by others (basicTemplate's specialLabel): named by what they share.
  const name = (printedLabel: string) => normalizeLabel(printedLabel).replace(/^本级/, "");
  for (const c of rows) expect([c.field, describeField(c.field!, 2024)]).toEqual([c.field, `${name(printed.get(c.row)!)}（2024年决算数）`]);
});

test("the other named fields of 附件1, 附件2 and 附件3", () => {
  expect(
    [
      "staff.actual",
      "buildings.approvedArea",
      "buildings.actualArea",
      "buildings.areaRate",
      "buildings.budgetInvestment",
      "buildings.actualInvestment",
      "byIncome.total",
      "byIncome.general",
      "byIncome.govFund",
      "byIncome.other",
      "byExpense.basic",
      "byExpense.project",
      "total.weight",
      "total.score",
      "goals.planned",
      "name",
      "department",
    ].map((p) => describeField(p, 2024)),
  ).toEqual([
    "实际在职人数",
    "楼堂馆所批复规模",
    "楼堂馆所实际规模",
    "规模控制率",
    "楼堂馆所预算投资",
    "楼堂馆所实际投资",
    "按收入性质分合计",
    "一般公共预算",
    "政府性基金拨款",
    "其他资金",
    "基本支出",
    "项目支出",
    "总分（分值）",
    "总分",
    "年初目标",
    "项目支出名称",
    "主管部门",
  ]);
});
