/**
 * 附件1 部门整体支出绩效评价基础数据表. Columns A (labels) and B–G; the
 * three 经费 columns are merged pairs (B:C, D:E, F:G) as in the published forms.
 */
import { twin } from "../finalize";
import type { Block, RowDef, SheetTemplate, TemplateParams } from "./types";

export const BASIC_SHEET_NAME = "附件1 基础数据表";
export const BASIC_TITLE_SUFFIX = "年度部门整体支出绩效评价基础数据表";

/** Label, field, and extra match texts of each 经费控制情况 row, in the official order. */
const FUND_ROWS_BEFORE_SPECIAL: [key: string, label: string, match?: string[]][] = [
  ["sangong", "三公经费"],
  ["vehicle", "1、公务用车购置和维护经费"],
  ["vehiclePurchase", "其中：公车购置"],
  ["vehicleOperation", "公车运行维护"],
  ["overseas", "2、出国经费", ["出国经费", "因公出国（境）费用", "因公出国境费用"]],
  ["reception", "3、公务接待", ["公务接待", "公务接待费"]],
  ["project", "项目支出"],
  ["businessWork", "1、业务工作经费"],
  ["operation", "2、运行维护经费"],
];

const FUND_ROWS_AFTER_SPECIAL: [key: string, label: string, match?: string[]][] = [
  ["publicFunds", "公用经费"],
  ["office", "其中：办公经费"],
  ["utilitiesTravel", "水费、电费、差旅费"],
  ["meetingTraining", "会议费、培训费"],
  ["procurement", "政府采购金额"],
  ["basicAdjustment", "部门基本支出预算调整"],
];

/** A 经费 row: label in A, the three years' figures in B:C, D:E, F:G. */
function tripleRow(key: string, label: string, base: string, match?: (string | RegExp)[]): RowDef {
  return {
    key,
    match,
    cells: [
      { col: 0, label, style: "label" },
      { col: 1, span: 2, field: `${base}prevFinal`, type: "amount", style: "input" },
      { col: 3, span: 2, field: `${base}budget`, type: "amount", style: "input" },
      { col: 5, span: 2, field: `${base}final`, type: "amount", style: "input" },
    ],
  };
}

/** Matches the 3、专项资金 row whatever level it names (上级/省级/本级…), not the items under it. */
export const SPECIAL_ROW_PATTERN = /^(上级|省级|市级|州级|县级|区级|本级|中央|地方)?专项资金$/;

export function basicTemplate(params: TemplateParams, specialLabel = "本级专项资金"): SheetTemplate {
  const y = params.year;
  // Blank inputs give a blank rate, a zero base #DIV/0!, in both flavours.
  const rate = (num: string, den: string) => twin(`=IF(OR({${num}}="",{${den}}=""),"",JX.RATE({${num}},{${den}}))`, params.preset);
  const blocks: Block[] = [
    { kind: "row", row: { key: "title", match: [/基础数据表$/], cells: [{ col: 0, span: 7, label: `${y}${BASIC_TITLE_SUFFIX}`, style: "title" }] } },
    {
      kind: "row",
      row: {
        key: "staffHeader",
        headerOf: ["staff"],
        cells: [
          { col: 0, rowSpan: 2, label: "财政供养人员情况（人）", style: "header" },
          { col: 1, span: 2, label: "编制数", style: "header" },
          { col: 3, span: 2, label: `${y}年实际在职人数`, style: "header" },
          { col: 5, span: 2, label: "控制率", style: "header" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "staff",
        // No label of its own (A is merged from the header): found as the row after the header.
        match: [],
        cells: [
          { col: 1, span: 2, field: "staff.authorized", type: "count", style: "input" },
          { col: 3, span: 2, field: "staff.actual", type: "count", style: "input" },
          { col: 5, span: 2, field: "staff.controlRate", type: "rate", style: "computed", formula: rate("staff.actual", "staff.authorized") },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "fundHeader",
        headerOf: [...FUND_ROWS_BEFORE_SPECIAL.map(([key]) => key), "special", "specialFund", ...FUND_ROWS_AFTER_SPECIAL.map(([key]) => key)],
        cells: [
          { col: 0, label: "经费控制情况（万元）", style: "header" },
          { col: 1, span: 2, label: `${y - 1}年决算数`, style: "header" },
          { col: 3, span: 2, label: `${y}年预算数`, style: "header" },
          { col: 5, span: 2, label: `${y}年决算数`, style: "header" },
        ],
      },
    },
    ...FUND_ROWS_BEFORE_SPECIAL.map(([key, label, match]): Block => ({ kind: "row", row: tripleRow(key, label, `${key}.`, match) })),
    { kind: "row", row: tripleRow("special", `3、${specialLabel}（每个专项一行）`, "special.", [SPECIAL_ROW_PATTERN]) },
    {
      kind: "list",
      path: "specialFunds",
      count: params.specialFundRows ?? 2,
      item: {
        key: "specialFund",
        cells: [
          { col: 0, field: "name", type: "text", style: "input" },
          { col: 1, span: 2, field: "prevFinal", type: "amount", style: "input" },
          { col: 3, span: 2, field: "budget", type: "amount", style: "input" },
          { col: 5, span: 2, field: "final", type: "amount", style: "input" },
        ],
      },
    },
    ...FUND_ROWS_AFTER_SPECIAL.map(([key, label, match]): Block => ({ kind: "row", row: tripleRow(key, label, `${key}.`, match) })),
    {
      kind: "row",
      row: {
        key: "buildingsHeader",
        // Explicit breaks at the unit: narrow columns would otherwise break "批复规模（㎡ / ）".
        headerOf: ["buildings"],
        cells: [
          { col: 0, rowSpan: 2, label: `楼堂馆所控制情况\n（${y}年完工项目）`, style: "header" },
          { col: 1, label: "批复规模\n（㎡）", style: "header" },
          { col: 2, label: "实际规模\n（㎡）", style: "header" },
          { col: 3, label: "规模\n控制率", style: "header" },
          { col: 4, label: "预算投资\n（万元）", style: "header" },
          { col: 5, label: "实际投资\n（万元）", style: "header" },
          { col: 6, label: "投资概算\n控制率", style: "header" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "buildings",
        match: [],
        cells: [
          { col: 1, field: "buildings.approvedArea", type: "area", style: "input" },
          { col: 2, field: "buildings.actualArea", type: "area", style: "input" },
          { col: 3, field: "buildings.areaRate", type: "rate", style: "computed", formula: rate("buildings.actualArea", "buildings.approvedArea") },
          { col: 4, field: "buildings.budgetInvestment", type: "amount", style: "input" },
          { col: 5, field: "buildings.actualInvestment", type: "amount", style: "input" },
          { col: 6, field: "buildings.investmentRate", type: "rate", style: "computed", formula: rate("buildings.actualInvestment", "buildings.budgetInvestment") },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "savingMeasures",
        height: 45, // room to write by hand; grows with the text (print.ts)
        cells: [
          { col: 0, label: "厉行节约保障措施", style: "label" },
          { col: 1, span: 6, field: "savingMeasures", type: "text", style: "input" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "note",
        match: [/^说明/],
        cells: [
          {
            col: 0,
            span: 7,
            label: "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。",
            style: "note",
          },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "signature1",
        cells: [
          { col: 0, label: "填表人", style: "label" },
          { col: 1, span: 2, field: "signature.preparer", type: "text", style: "input" },
          { col: 3, label: "填报日期", style: "label" },
          { col: 4, span: 3, field: "signature.date", type: "text", style: "input" },
        ],
      },
    },
    {
      kind: "row",
      row: {
        key: "signature2",
        cells: [
          { col: 0, label: "联系电话", style: "label" },
          { col: 1, span: 2, field: "signature.phone", type: "text", style: "input" },
          { col: 3, label: "单位负责人\n签字", style: "label" },
          { col: 4, span: 3, field: "signature.head", type: "text", style: "input" },
        ],
      },
    },
  ];
  // 95 characters: within A4's printable width upright (print.ts), so the form prints at 100%.
  return { kind: "basic", name: BASIC_SHEET_NAME, title: `${y}${BASIC_TITLE_SUFFIX}`, widths: [30, 10, 10, 11, 11, 11, 12], blocks, printTitleRow: "fundHeader", mark: "附件1" };
}
