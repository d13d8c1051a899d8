/**
 * The nine 部门决算公开 tables as templates (data), laid out as seed 004
 * publishes them. Titles and column headers are defined once here and used by
 * the writer (layoutSheet), the reader (read.ts) and the messages.
 *
 * Numbering differs by year and province; tables are found by their TITLES,
 * the number ("公开07表") is only printed. NUMBERING_2022 is the default,
 * NUMBERING_PRE2022 (07 三公) a preset.
 */
import { layoutSheet, type SheetLayout } from "../template/layout";
import type { Block, CellDef, RowDef, SheetTemplate } from "../template/types";
import { safeSheetName } from "../template/workbook";
import type { BasicDetailTable, BalanceTable, CodeTable, FaTableId, FinalAccounts, FiscalBalanceTable, SangongTable } from "./model";

/** Official titles (财政部 部门决算公开 格式). */
export const FA_TITLES: Record<FaTableId, string> = {
  balance: "收入支出决算总表",
  income: "收入决算表",
  expense: "支出决算表",
  fiscalBalance: "财政拨款收入支出决算总表",
  general: "一般公共预算财政拨款支出决算表",
  basicDetail: "一般公共预算财政拨款基本支出决算明细表",
  govFund: "政府性基金预算财政拨款收入支出决算表",
  stateCapital: "国有资本经营预算财政拨款支出决算表",
  sangong: "财政拨款“三公”经费支出决算表",
};

/**
 * How a title is recognised, most specific first ("财政拨款收入支出决算总表" before
 * "收入支出决算总表"). A year or unit may precede the title ("2024年度…收入决算表").
 */
export const FA_TITLE_PATTERNS: [FaTableId, RegExp][] = [
  ["sangong", /三公["“”]?经费(支出)?(预)?决算表$/],
  ["basicDetail", /基本支出决算(明细)?表$/],
  ["stateCapital", /国有资本经营预算财政拨款(收入)?支出决算表$/],
  ["govFund", /政府性基金预算财政拨款收入支出决算表$/],
  ["general", /一般公共预算财政拨款支出决算表$/],
  ["fiscalBalance", /财政拨款收入支出决算总表$/],
  ["balance", /收入支出决算总表$/],
  ["income", /收入决算表$/],
  ["expense", /支出决算表$/],
];

/** Which table a title names, or null. */
export function tableOfTitle(text: string): FaTableId | null {
  const t = text.replace(/[\s\u3000]+/g, "");
  if (t.length < 5 || t.length > 60) return null;
  for (const [id, re] of FA_TITLE_PATTERNS) if (re.test(t)) return id;
  return null;
}

export interface FaNumbering {
  id: string;
  label: string;
  numbers: Record<FaTableId, string>;
}

/** 2022 and later (seed 004): 07 政府性基金, 08 国有资本经营, 09 三公. */
export const NUMBERING_2022: FaNumbering = {
  id: "2022",
  label: "2022年起（07政府性基金、08国有资本经营、09三公）",
  numbers: { balance: "01", income: "02", expense: "03", fiscalBalance: "04", general: "05", basicDetail: "06", govFund: "07", stateCapital: "08", sangong: "09" },
};

/** Before 2022: 07 三公, 08 政府性基金, 09 国有资本经营. */
export const NUMBERING_PRE2022: FaNumbering = {
  id: "pre2022",
  label: "2022年以前（07三公、08政府性基金、09国有资本经营）",
  numbers: { balance: "01", income: "02", expense: "03", fiscalBalance: "04", general: "05", basicDetail: "06", sangong: "07", govFund: "08", stateCapital: "09" },
};

export const FA_NUMBERINGS = [NUMBERING_2022, NUMBERING_PRE2022];

/** A column of a 功能分类 table: key in the model, header text, and the group header above it. */
export interface CodeColumn {
  key: string;
  header: string;
  group?: string;
  /** Other header texts that mean the same column. */
  synonyms?: string[];
}

/** Columns of the 功能分类 tables (02, 03, 05, 07, 08). */
export const CODE_TABLE_COLUMNS: Record<"income" | "expense" | "general" | "govFund" | "stateCapital", CodeColumn[]> = {
  income: [
    { key: "total", header: "本年收入合计", synonyms: ["合计"] },
    { key: "fiscal", header: "财政拨款收入" },
    { key: "superior", header: "上级补助收入" },
    { key: "business", header: "事业收入" },
    { key: "operating", header: "经营收入" },
    { key: "affiliated", header: "附属单位上缴收入" },
    { key: "other", header: "其他收入" },
  ],
  expense: [
    { key: "total", header: "本年支出合计", synonyms: ["合计"] },
    { key: "basic", header: "基本支出" },
    { key: "project", header: "项目支出" },
    { key: "remit", header: "上缴上级支出" },
    { key: "operating", header: "经营支出" },
    { key: "affiliated", header: "对附属单位补助支出" },
  ],
  general: [
    { key: "total", header: "小计", group: "本年支出", synonyms: ["合计"] },
    { key: "basic", header: "基本支出", group: "本年支出" },
    { key: "project", header: "项目支出", group: "本年支出" },
  ],
  govFund: [
    { key: "opening", header: "年初结转和结余" },
    { key: "income", header: "本年收入" },
    { key: "total", header: "小计", group: "本年支出", synonyms: ["合计"] },
    { key: "basic", header: "基本支出", group: "本年支出" },
    { key: "project", header: "项目支出", group: "本年支出" },
    { key: "closing", header: "年末结转和结余" },
  ],
  stateCapital: [
    { key: "total", header: "合计", group: "本年支出", synonyms: ["小计"] },
    { key: "basic", header: "基本支出", group: "本年支出" },
    { key: "project", header: "项目支出", group: "本年支出" },
  ],
};

export type CodeTableId = keyof typeof CODE_TABLE_COLUMNS;
export const CODE_TABLE_IDS = Object.keys(CODE_TABLE_COLUMNS) as CodeTableId[];

/** Footnotes as published (seed 004). */
export const FA_NOTES: Record<FaTableId, string> = {
  balance: "注：本表反映部门本年度的总收支和年末结转结余情况。",
  income: "注：本表反映部门本年度取得的各项收入情况。",
  expense: "注：本表反映部门本年度各项支出情况。",
  fiscalBalance: "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
  general: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
  basicDetail: "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
  govFund: "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
  stateCapital: "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
  sangong: "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。",
};

/** What an empty 07/08表 must say (空表说明), as seed 004 words it. */
export const EMPTY_TABLE_NOTES: Record<"govFund" | "stateCapital", string> = {
  govFund: "说明：本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
  stateCapital: "说明：本单位没有使用国有资本经营预算安排的支出，故本表无数据。",
};

/** 公开01表 收入 rows: key and label. */
export const BALANCE_INCOME_ROWS: [key: keyof BalanceTable["income"], label: string, synonyms?: string[]][] = [
  ["general", "一、一般公共预算财政拨款收入"],
  ["govFund", "二、政府性基金预算财政拨款收入"],
  ["stateCapital", "三、国有资本经营预算财政拨款收入"],
  ["superior", "四、上级补助收入"],
  ["business", "五、事业收入"],
  ["operating", "六、经营收入"],
  ["affiliated", "七、附属单位上缴收入"],
  ["other", "八、其他收入"],
];
export const BALANCE_INCOME_TAIL: [key: keyof BalanceTable["income"], label: string][] = [
  ["total", "本年收入合计"],
  ["nonFiscalBalance", "使用非财政拨款结余（含专用结余）"],
  ["opening", "年初结转和结余"],
  ["grandTotal", "总计"],
];
export const BALANCE_EXPENSE_TAIL: [key: keyof BalanceTable["expense"], label: string][] = [
  ["total", "本年支出合计"],
  ["distribution", "结余分配"],
  ["closing", "年末结转和结余"],
  ["grandTotal", "总计"],
];

/** 功能分类 类 listed by default in 01/04 (as seed 004; the user adds or removes rows). */
export const DEFAULT_FUNCTION_CLASSES = [
  "一般公共服务支出",
  "外交支出",
  "国防支出",
  "公共安全支出",
  "教育支出",
  "科学技术支出",
  "社会保障和就业支出",
  "卫生健康支出",
  "住房保障支出",
];

export const FISCAL_INCOME_ROWS: [key: keyof FiscalBalanceTable["income"], label: string][] = [
  ["general", "一、一般公共预算财政拨款"],
  ["govFund", "二、政府性基金预算财政拨款"],
  ["stateCapital", "三、国有资本经营预算财政拨款"],
];
export const FISCAL_INCOME_TAIL: [key: keyof FiscalBalanceTable["income"], label: string][] = [
  ["total", "本年收入合计"],
  ["opening", "年初财政拨款结转和结余"],
  ["openingGeneral", "一般公共预算财政拨款"],
  ["openingGovFund", "政府性基金预算财政拨款"],
  ["openingStateCapital", "国有资本经营预算财政拨款"],
  ["grandTotal", "总计"],
];
export const FUND_SPLIT_COLUMNS: [key: "total" | "general" | "govFund" | "stateCapital", header: string][] = [
  ["total", "合计"],
  ["general", "一般公共预算财政拨款"],
  ["govFund", "政府性基金预算财政拨款"],
  ["stateCapital", "国有资本经营预算财政拨款"],
];

/** 公开09表 columns of one group (预算数 or 决算数), in order. */
export const SANGONG_COLUMNS: [key: keyof SangongTable["budget"], header: string][] = [
  ["total", "合计"],
  ["overseas", "因公出国（境）费"],
  ["vehicle", "小计"],
  ["purchase", "公务用车购置费"],
  ["operation", "公务用车运行维护费"],
  ["reception", "公务接待费"],
];
export const SANGONG_VEHICLE_GROUP = "公务用车购置及运行维护费";

/**
 * 公开06表 经济分类 rows listed by default (2024 政府支出经济分类 as seed 004 lists them).
 * Three column groups: 301/303 | 302 | 307/310/399.
 */
export const DEFAULT_ECONOMIC_ROWS: [code: string, name: string][] = [
  ["301", "工资福利支出"], ["30101", "基本工资"], ["30102", "津贴补贴"], ["30103", "奖金"], ["30106", "伙食补助费"], ["30107", "绩效工资"],
  ["30108", "机关事业单位基本养老保险缴费"], ["30109", "职业年金缴费"], ["30110", "职工基本医疗保险缴费"], ["30111", "公务员医疗补助缴费"],
  ["30112", "其他社会保障缴费"], ["30113", "住房公积金"], ["30114", "医疗费"], ["30199", "其他工资福利支出"],
  ["303", "对个人和家庭的补助"], ["30301", "离休费"], ["30302", "退休费"], ["30303", "退职（役）费"], ["30304", "抚恤金"], ["30305", "生活补助"],
  ["30306", "救济费"], ["30307", "医疗费补助"], ["30308", "助学金"], ["30309", "奖励金"], ["30310", "个人农业生产补贴"], ["30311", "代缴社会保险费"],
  ["30399", "其他对个人和家庭的补助"],
  ["302", "商品和服务支出"], ["30201", "办公费"], ["30202", "印刷费"], ["30203", "咨询费"], ["30204", "手续费"], ["30205", "水费"], ["30206", "电费"],
  ["30207", "邮电费"], ["30208", "取暖费"], ["30209", "物业管理费"], ["30211", "差旅费"], ["30212", "因公出国（境）费用"], ["30213", "维修（护）费"],
  ["30214", "租赁费"], ["30215", "会议费"], ["30216", "培训费"], ["30217", "公务接待费"], ["30218", "专用材料费"], ["30224", "被装购置费"],
  ["30225", "专用燃料费"], ["30226", "劳务费"], ["30227", "委托业务费"], ["30228", "工会经费"], ["30229", "福利费"], ["30231", "公务用车运行维护费"],
  ["30239", "其他交通费用"], ["30240", "税金及附加费用"], ["30299", "其他商品和服务支出"],
  ["307", "债务利息及费用支出"], ["30701", "国内债务付息"], ["30702", "国外债务付息"],
  ["310", "资本性支出"], ["31001", "房屋建筑物购建"], ["31002", "办公设备购置"], ["31003", "专用设备购置"], ["31005", "基础设施建设"], ["31006", "大型修缮"],
  ["31007", "信息网络及软件购置更新"], ["31008", "物资储备"], ["31009", "土地补偿"], ["31010", "安置补助"], ["31011", "地上附着物和青苗补偿"], ["31012", "拆迁补偿"],
  ["31013", "公务用车购置"], ["31019", "其他交通工具购置"], ["31021", "文物和陈列品购置"], ["31022", "无形资产购置"], ["31099", "其他资本性支出"],
  ["399", "其他支出"], ["39907", "国家赔偿费用支出"], ["39908", "对民间非营利组织和群众性自治组织补贴"], ["39909", "经常性赠与"], ["39910", "资本性赠与"], ["39999", "其他支出"],
];

/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助; 公用经费 = the other 类 (302, 307, 310, 399 …). */
export const PERSONNEL_CLASSES = ["301", "303"];

/** The column group (0, 1, 2) an 经济分类 code is printed in on 公开06表. */
export function economicGroup(code: string): 0 | 1 | 2 {
  const cls = code.slice(0, 3);
  if (PERSONNEL_CLASSES.includes(cls)) return 0;
  if (cls === "302") return 1;
  return 2;
}

export interface FaTemplateParams {
  year: number;
  unit?: string;
  numbering?: FaNumbering;
  /** 功能分类 rows per code table in an empty template (default 5). */
  codeRows?: number;
}

const label = (col: number, text: string, style: CellDef["style"] = "label", span?: number, rowSpan?: number): CellDef => ({ col, label: text, style, span, rowSpan });
const input = (col: number, field: string, type: CellDef["type"] = "amount", span?: number): CellDef => ({ col, field, type, style: "input", span });
const row = (key: string, cells: CellDef[], height?: number): Block => ({ kind: "row", row: { key, cells, height } as RowDef });

/**
 * A total computed from other fields: SUM in both flavours (no JX function is needed), blank
 * while every part is blank (a blank form stays blank, not 0.00).
 */
function sumOf(col: number, field: string, parts: string[]): CellDef {
  const args = parts.map((p) => `{${p}}`).join(",");
  const f = `=IF(COUNT(${args})=0,"",SUM(${args}))`;
  return { col, field, type: "amount", style: "computed", formula: { jx: f, native: f } };
}

/** The sheet name of a table: "公开03表 支出决算表" (at most 31 characters). */
export function faSheetName(id: FaTableId, numbering: FaNumbering = NUMBERING_2022): string {
  return safeSheetName(`公开${numbering.numbers[id]}表 ${FA_TITLES[id]}`);
}

/** Title, 表号, 部门 / 单位 rows common to every table. */
function headRows(id: FaTableId, width: number, p: FaTemplateParams): Block[] {
  const no = (p.numbering ?? NUMBERING_2022).numbers[id];
  return [
    row("title", [label(0, FA_TITLES[id], "title", width)], 30),
    row("tableNo", [label(width - 1, `公开${no}表`, "note")]),
    row("unit", [label(0, `部门：${p.unit ?? ""}`, "note", 2), label(Math.max(2, Math.floor(width / 2)), `${p.year}年度`, "note"), label(width - 1, "单位：万元", "note")]),
  ];
}

function noteRows(id: FaTableId, width: number, extra?: string): Block[] {
  const out = [row("note", [label(0, FA_NOTES[id], "note", width)])];
  if (extra) out.push(row("emptyNote", [label(0, extra, "note", width)]));
  return out;
}

/** 公开02/03/05/07/08表: 项目 (科目编码, 科目名称), the columns, 栏次, 合计, the 功能分类 rows (a list). */
export function codeTableTemplate(id: CodeTableId, p: FaTemplateParams, rows = p.codeRows ?? 5, note?: string): SheetTemplate {
  const cols = CODE_TABLE_COLUMNS[id];
  const width = cols.length + 2;
  const h1: CellDef[] = [label(0, "项 目", "header", 2)];
  const h2: CellDef[] = [label(0, "功能分类科目编码", "header"), label(1, "科目名称", "header")];
  cols.forEach((c, i) => {
    const col = i + 2;
    if (!c.group) h1.push(label(col, c.header, "header", undefined, 2));
    else {
      if (i === 0 || cols[i - 1].group !== c.group) h1.push(label(col, c.group, "header", cols.filter((x) => x.group === c.group).length));
      h2.push(label(col, c.header, "header"));
    }
  });
  const blocks: Block[] = [
    ...headRows(id, width, p),
    row("header1", h1, 24),
    row("header2", h2, 36),
    row("columnNumbers", [label(0, "栏次", "header", 2), ...cols.map((_, i) => label(i + 2, String(i + 1), "header"))]),
    row("total", [label(0, "合计", "label", 2), ...cols.map((c, i) => input(i + 2, `total.${c.key}`))]),
    {
      kind: "list",
      path: "rows",
      count: rows,
      item: { key: "row", cells: [input(0, "code", "text"), input(1, "name", "text"), ...cols.map((c, i) => input(i + 2, `values.${c.key}`))] },
    },
    ...noteRows(id, width, note),
  ];
  return { kind: "finalAccounts", name: faSheetName(id, p.numbering), title: FA_TITLES[id], widths: [12, 30, ...cols.map(() => 13)], blocks };
}

/** 公开01表: 收入 (left) and 支出 by 类 (right), with 行次. */
export function balanceTemplate(p: FaTemplateParams, items: string[] = DEFAULT_FUNCTION_CLASSES): SheetTemplate {
  const width = 6;
  const body = Math.max(BALANCE_INCOME_ROWS.length + 1, items.length);
  const leftTotal = body + BALANCE_INCOME_TAIL.length;
  const blocks: Block[] = [
    ...headRows("balance", width, p),
    row("header1", [label(0, "收入", "header", 3), label(3, "支出", "header", 3)]),
    row("header2", [label(0, "项 目", "header"), label(1, "行次", "header"), label(2, "决算数", "header"), label(3, "项 目", "header"), label(4, "行次", "header"), label(5, "决算数", "header")]),
    row("columnNumbers", [label(0, "栏 次", "header"), label(2, "1", "header"), label(3, "栏 次", "header"), label(5, "2", "header")]),
  ];
  for (let i = 0; i < body; i++) {
    const cells: CellDef[] = [];
    const inc = BALANCE_INCOME_ROWS[i];
    if (inc) cells.push(label(0, inc[1]), label(1, String(i + 1), "note"), input(2, `income.${inc[0]}`));
    else cells.push(label(1, String(i + 1), "note"));
    cells.push(input(3, `expenseItems.${i}.name`, "text"), label(4, String(leftTotal + 1 + i), "note"), input(5, `expenseItems.${i}.amount`));
    blocks.push(row(`body${i}`, cells));
  }
  const incomeCell = (key: string): CellDef =>
    key === "total"
      ? sumOf(2, "income.total", BALANCE_INCOME_ROWS.map(([k]) => `income.${k}`))
      : key === "grandTotal"
        ? sumOf(2, "income.grandTotal", ["income.total", "income.nonFiscalBalance", "income.opening"])
        : input(2, `income.${key}`);
  const expenseCell = (key: string): CellDef =>
    key === "total"
      ? sumOf(5, "expense.total", Array.from({ length: body }, (_, i) => `expenseItems.${i}.amount`))
      : key === "grandTotal"
        ? sumOf(5, "expense.grandTotal", ["expense.total", "expense.distribution", "expense.closing"])
        : input(5, `expense.${key}`);
  BALANCE_INCOME_TAIL.forEach(([key, text], k) => {
    const [ekey, etext] = BALANCE_EXPENSE_TAIL[k];
    blocks.push(row(key, [label(0, text), label(1, String(body + k + 1), "note"), incomeCell(key), label(3, etext), label(4, String(leftTotal + body + k + 1), "note"), expenseCell(ekey)]));
  });
  blocks.push(...noteRows("balance", width), row("note2", [label(0, "2. 本套报表金额单位转换时可能存在尾数误差。", "note", width)]));
  return { kind: "finalAccounts", name: faSheetName("balance", p.numbering), title: FA_TITLES.balance, widths: [30, 6, 13, 30, 6, 13], blocks };
}

/** 公开04表: 财政拨款 收入 (left) and 支出 by 类 split by fund (right). */
export function fiscalBalanceTemplate(p: FaTemplateParams, items: string[] = DEFAULT_FUNCTION_CLASSES): SheetTemplate {
  const width = 9;
  const body = Math.max(FISCAL_INCOME_ROWS.length, items.length);
  const leftTotal = body + FISCAL_INCOME_TAIL.length;
  const split = (base: string) =>
    FUND_SPLIT_COLUMNS.map(([k], i) => (k === "total" ? sumOf(5, `${base}.total`, ["general", "govFund", "stateCapital"].map((x) => `${base}.${x}`)) : input(5 + i, `${base}.${k}`)));
  const columnSum = (base: string, parts: (k: string) => string[]) => FUND_SPLIT_COLUMNS.map(([k], i) => sumOf(5 + i, `${base}.${k}`, parts(k)));
  const blocks: Block[] = [
    ...headRows("fiscalBalance", width, p),
    row("header1", [label(0, "收入", "header", 3), label(3, "支出", "header", 6)]),
    row("header2", [label(0, "项 目", "header"), label(1, "行次", "header"), label(2, "金额", "header"), label(3, "项 目", "header"), label(4, "行次", "header"), ...FUND_SPLIT_COLUMNS.map(([, h], i) => label(5 + i, h, "header"))], 36),
    row("columnNumbers", [label(0, "栏 次", "header"), label(2, "1", "header"), label(3, "栏 次", "header"), ...FUND_SPLIT_COLUMNS.map((_, i) => label(5 + i, String(i + 2), "header"))]),
  ];
  for (let i = 0; i < body; i++) {
    const inc = FISCAL_INCOME_ROWS[i];
    const cells: CellDef[] = inc ? [label(0, inc[1]), label(1, String(i + 1), "note"), input(2, `income.${inc[0]}`)] : [label(1, String(i + 1), "note")];
    cells.push(input(3, `expenseItems.${i}.name`, "text"), label(4, String(leftTotal + 1 + i), "note"), ...split(`expenseItems.${i}`));
    blocks.push(row(`body${i}`, cells));
  }
  const right: ([string, string] | null)[] = [["total", "本年支出合计"], ["closing", "年末财政拨款结转和结余"], null, null, null, ["grandTotal", "总计"]];
  FISCAL_INCOME_TAIL.forEach(([key, text], k) => {
    const r = right[k];
    const left =
      key === "total"
        ? sumOf(2, "income.total", ["income.general", "income.govFund", "income.stateCapital"])
        : key === "opening"
          ? sumOf(2, "income.opening", ["income.openingGeneral", "income.openingGovFund", "income.openingStateCapital"])
          : key === "grandTotal"
            ? sumOf(2, "income.grandTotal", ["income.total", "income.opening"])
            : input(2, `income.${key}`);
    const cells: CellDef[] = [label(0, text), label(1, String(body + k + 1), "note"), left, label(4, String(leftTotal + body + k + 1), "note")];
    if (r?.[0] === "total") cells.push(label(3, r[1]), ...columnSum("expense.total", (c) => Array.from({ length: body }, (_, i) => `expenseItems.${i}.${c}`)));
    else if (r?.[0] === "grandTotal") cells.push(label(3, r[1]), ...columnSum("expense.grandTotal", (c) => [`expense.total.${c}`, `expense.closing.${c}`]));
    else if (r) cells.push(label(3, r[1]), ...split(`expense.${r[0]}`));
    blocks.push(row(key, cells));
  });
  blocks.push(...noteRows("fiscalBalance", width));
  return { kind: "finalAccounts", name: faSheetName("fiscalBalance", p.numbering), title: FA_TITLES.fiscalBalance, widths: [28, 6, 12, 28, 6, 12, 14, 14, 14], blocks };
}

/** 公开06表: three groups of 经济分类科目编码 / 科目名称 / 决算数, then 人员经费合计 and 公用经费合计. */
export function basicDetailTemplate(p: FaTemplateParams, items: { code: string; name: string }[] = DEFAULT_ECONOMIC_ROWS.map(([code, name]) => ({ code, name }))): SheetTemplate {
  const width = 9;
  const groups: number[][] = [[], [], []];
  items.forEach((it, i) => groups[economicGroup(it.code)].push(i));
  const body = Math.max(...groups.map((g) => g.length));
  const blocks: Block[] = [
    ...headRows("basicDetail", width, p),
    row("header", [0, 1, 2].flatMap((g) => [label(g * 3, "经济分类科目编码", "header"), label(g * 3 + 1, "科目名称", "header"), label(g * 3 + 2, "决算数", "header")]), 30),
  ];
  for (let r = 0; r < body; r++) {
    const cells: CellDef[] = [];
    for (let g = 0; g < 3; g++) {
      const i = groups[g][r];
      if (i === undefined) continue;
      cells.push(input(g * 3, `items.${i}.code`, "text"), input(g * 3 + 1, `items.${i}.name`, "text"), input(g * 3 + 2, `items.${i}.amount`));
    }
    blocks.push(row(`body${r}`, cells));
  }
  const classes = (personnel: boolean) => items.flatMap((it, i) => (it.code.length === 3 && PERSONNEL_CLASSES.includes(it.code) === personnel ? [`items.${i}.amount`] : []));
  const total = (col: number, field: string, parts: string[]) => (parts.length ? sumOf(col, field, parts) : input(col, field));
  blocks.push(
    row("totals", [label(0, "人员经费合计", "label", 2), total(2, "personnel", classes(true)), label(3, "公用经费合计", "label", 5), total(8, "public", classes(false))]),
    ...noteRows("basicDetail", width),
  );
  return { kind: "finalAccounts", name: faSheetName("basicDetail", p.numbering), title: FA_TITLES.basicDetail, widths: [10, 24, 11, 10, 24, 11, 10, 24, 11], blocks };
}

/** 公开09表: 预算数 and 决算数, each 合计 / 因公出国（境）费 / 公务用车 (小计, 购置费, 运行维护费) / 公务接待费. */
export function sangongTemplate(p: FaTemplateParams): SheetTemplate {
  const width = 12;
  const h2: CellDef[] = [];
  const h3: CellDef[] = [];
  for (const g of [0, 6]) {
    h2.push(label(g, "合计", "header", undefined, 2), label(g + 1, "因公出国（境）费", "header", undefined, 2), label(g + 2, SANGONG_VEHICLE_GROUP, "header", 3), label(g + 5, "公务接待费", "header", undefined, 2));
    h3.push(label(g + 2, "小计", "header"), label(g + 3, "公务用车购置费", "header"), label(g + 4, "公务用车运行维护费", "header"));
  }
  const blocks: Block[] = [
    ...headRows("sangong", width, p),
    row("header1", [label(0, "预算数", "header", 6), label(6, "决算数", "header", 6)]),
    row("header2", h2, 30),
    row("header3", h3, 36),
    row("columnNumbers", Array.from({ length: 12 }, (_, i) => label(i, String(i + 1), "header"))),
    row(
      "values",
      (["budget", "final"] as const).flatMap((side, g) =>
        SANGONG_COLUMNS.map(([k], i) =>
          k === "vehicle"
            ? sumOf(g * 6 + i, `${side}.vehicle`, [`${side}.purchase`, `${side}.operation`])
            : k === "total"
              ? sumOf(g * 6 + i, `${side}.total`, ["overseas", "purchase", "operation", "reception"].map((x) => `${side}.${x}`))
              : input(g * 6 + i, `${side}.${k}`),
        ),
      ),
    ),
    row("note", [label(0, `${FA_NOTES.sangong}其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。`, "note", width)], 45),
  ];
  return { kind: "finalAccounts", name: faSheetName("sangong", p.numbering), title: FA_TITLES.sangong, widths: Array(12).fill(10), blocks };
}

/** The template of one table, shaped for `data` when given (its 功能分类 / 经济分类 rows). */
export function faTemplate(id: FaTableId, p: FaTemplateParams, fa?: FinalAccounts | null): SheetTemplate {
  switch (id) {
    case "balance": {
      const t = fa?.balance as BalanceTable | null | undefined;
      return balanceTemplate(p, t ? t.expenseItems.map((e) => e.name) : undefined);
    }
    case "fiscalBalance": {
      const t = fa?.fiscalBalance;
      return fiscalBalanceTemplate(p, t ? t.expenseItems.map((e) => e.name) : undefined);
    }
    case "basicDetail": {
      const t = fa?.basicDetail as BasicDetailTable | null | undefined;
      return basicDetailTemplate(p, t?.items);
    }
    case "sangong":
      return sangongTemplate(p);
    default: {
      const t = fa?.[id] as CodeTable | null | undefined;
      const emptyNote = id === "govFund" || id === "stateCapital" ? (t ? t.note || undefined : EMPTY_TABLE_NOTES[id]) : undefined;
      return codeTableTemplate(id, p, t ? t.rows.length : undefined, emptyNote);
    }
  }
}

/**
 * The nine tables as sheet layouts, in the numbering's order: empty (a template to fill in)
 * or filled with `fa`. Names are defaults; a host that finds a name taken picks a free one.
 */
export function finalAccountsLayouts(p: FaTemplateParams, fa?: FinalAccounts | null): SheetLayout[] {
  const numbering = p.numbering ?? NUMBERING_2022;
  const ids = [...(Object.keys(numbering.numbers) as FaTableId[])].sort((a, b) => numbering.numbers[a].localeCompare(numbering.numbers[b]));
  const params = { ...p, unit: fa?.unit || p.unit };
  return ids.map((id) => layoutSheet(faTemplate(id, params, fa), (fa?.[id] as object | null | undefined) ?? defaultData(id)));
}

/** What an empty template shows: the 类 names of 01/04 and the 经济分类 of 06, figures blank. */
function defaultData(id: FaTableId): object | undefined {
  if (id === "balance" || id === "fiscalBalance") return { expenseItems: DEFAULT_FUNCTION_CLASSES.map((name) => ({ name })) };
  if (id === "basicDetail") return { items: DEFAULT_ECONOMIC_ROWS.map(([code, name]) => ({ code, name })) };
  return undefined;
}
