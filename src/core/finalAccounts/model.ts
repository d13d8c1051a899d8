/**
 * 部门决算公开: the nine disclosure tables (公开01–09表) as a typed model.
 * Figures are kept as typed (`Raw`, 万元) so that the checker can name what
 * was written; parsing happens in the rules. Plain JSON, like the 自评 model.
 *
 * Table ids are the tables' meanings, not their numbers: provinces and years
 * number them differently (2022+: 07 政府性基金, 08 国有资本经营, 09 三公;
 * before 2022: 07 三公). See templates.ts NUMBERING_2022 / NUMBERING_PRE2022.
 */
import type { Raw } from "../model";

/** The nine tables by meaning. */
export type FaTableId =
  | "balance" // 收入支出决算总表
  | "income" // 收入决算表
  | "expense" // 支出决算表
  | "fiscalBalance" // 财政拨款收入支出决算总表
  | "general" // 一般公共预算财政拨款支出决算表
  | "basicDetail" // 一般公共预算财政拨款基本支出决算明细表
  | "govFund" // 政府性基金预算财政拨款收入支出决算表
  | "stateCapital" // 国有资本经营预算财政拨款支出决算表
  | "sangong"; // 财政拨款“三公”经费支出决算表

export const FA_TABLE_IDS: readonly FaTableId[] = ["balance", "income", "expense", "fiscalBalance", "general", "basicDetail", "govFund", "stateCapital", "sangong"];

/** 公开01表 收入 side: row keys in the official order. */
export type BalanceIncomeKey =
  | "general" // 一般公共预算财政拨款收入
  | "govFund" // 政府性基金预算财政拨款收入
  | "stateCapital" // 国有资本经营预算财政拨款收入
  | "superior" // 上级补助收入
  | "business" // 事业收入
  | "operating" // 经营收入
  | "affiliated" // 附属单位上缴收入
  | "other" // 其他收入
  | "total" // 本年收入合计
  | "nonFiscalBalance" // 使用非财政拨款结余（含专用结余）
  | "opening" // 年初结转和结余
  | "grandTotal"; // 总计

/** 公开01表 收入支出决算总表. */
export interface BalanceTable {
  income: Record<BalanceIncomeKey, Raw>;
  /** 支出 by 功能分类 类 ("一般公共服务支出"), as many as the unit lists. */
  expenseItems: { name: string; amount: Raw }[];
  expense: {
    total: Raw; // 本年支出合计
    distribution: Raw; // 结余分配
    closing: Raw; // 年末结转和结余
    grandTotal: Raw; // 总计
  };
}

/** 公开04表: a figure split by fund (合计 = 一般公共预算 + 政府性基金 + 国有资本经营). */
export interface FundSplit {
  total: Raw; // 合计
  general: Raw; // 一般公共预算财政拨款
  govFund: Raw; // 政府性基金预算财政拨款
  stateCapital: Raw; // 国有资本经营预算财政拨款
}

export type FiscalIncomeKey =
  | "general" // 一、一般公共预算财政拨款
  | "govFund" // 二、政府性基金预算财政拨款
  | "stateCapital" // 三、国有资本经营预算财政拨款
  | "total" // 本年收入合计
  | "opening" // 年初财政拨款结转和结余
  | "openingGeneral"
  | "openingGovFund"
  | "openingStateCapital"
  | "grandTotal"; // 总计

/** 公开04表 财政拨款收入支出决算总表. */
export interface FiscalBalanceTable {
  income: Record<FiscalIncomeKey, Raw>;
  expenseItems: ({ name: string } & FundSplit)[];
  expense: {
    total: FundSplit; // 本年支出合计
    closing: FundSplit; // 年末财政拨款结转和结余
    grandTotal: FundSplit; // 总计
  };
}

/** One 功能分类科目 row: 类 (3 digits), 款 (5) or 项 (7). */
export interface CodeRow {
  code: string;
  name: string;
  values: Record<string, Raw>;
}

/**
 * 公开02/03/05/07/08表: a 合计 row and 功能分类 rows, columns by key
 * (see CODE_TABLE_COLUMNS in templates.ts).
 */
export interface CodeTable {
  total: Record<string, Raw>;
  rows: CodeRow[];
  /** 空表说明 or other 说明 under the table ("本单位无政府性基金收支…"). */
  note: string;
}

/** One 经济分类科目 row of 公开06表: 类 (3 digits) or 款 (5). */
export interface EconomicRow {
  code: string;
  name: string;
  amount: Raw;
}

/** 公开06表 一般公共预算财政拨款基本支出决算明细表. */
export interface BasicDetailTable {
  items: EconomicRow[];
  personnel: Raw; // 人员经费合计
  public: Raw; // 公用经费合计
}

/** 三公 figures of one column group of 公开09表. */
export interface SangongFigures {
  total: Raw; // 合计
  overseas: Raw; // 因公出国（境）费
  vehicle: Raw; // 公务用车购置及运行维护费 小计
  purchase: Raw; // 公务用车购置费
  operation: Raw; // 公务用车运行维护费
  reception: Raw; // 公务接待费
}

/** 公开09表 (2022+; 07 before) 财政拨款“三公”经费支出决算表. */
export interface SangongTable {
  budget: SangongFigures; // 预算数
  final: SangongFigures; // 决算数
}

/** One department's 决算公开 tables for one year (absent tables are null: absent ≠ zero). */
export interface FinalAccounts {
  unit: string; // 部门
  year: number;
  balance: BalanceTable | null;
  income: CodeTable | null;
  expense: CodeTable | null;
  fiscalBalance: FiscalBalanceTable | null;
  general: CodeTable | null;
  basicDetail: BasicDetailTable | null;
  govFund: CodeTable | null;
  stateCapital: CodeTable | null;
  sangong: SangongTable | null;
}

export function emptyFinalAccounts(year: number, unit = ""): FinalAccounts {
  return { unit, year, balance: null, income: null, expense: null, fiscalBalance: null, general: null, basicDetail: null, govFund: null, stateCapital: null, sangong: null };
}

/** 类 / 款 / 项 of a 功能分类 code by its length (3 / 5 / 7); null for anything else. */
export function functionalLevel(code: string): "类" | "款" | "项" | null {
  if (/^\d{3}$/.test(code)) return "类";
  if (/^\d{5}$/.test(code)) return "款";
  if (/^\d{7}$/.test(code)) return "项";
  return null;
}
