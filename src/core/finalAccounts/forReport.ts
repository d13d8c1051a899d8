/**
 * What the 决算 tables give the 自评报告: 人员经费 and 公用经费 of 一般公共预算财政拨款基本支出
 * (公开06表), and the 基本支出 they make up (公开05表). generateReport takes 人员经费 from here when
 * 报告素材 leaves it blank and the workbook holds the 决算 tables.
 */
import { amountOrNull } from "../amount";
import type { Dec } from "../decimal";
import type { FinalAccounts } from "./model";
import { FA_TITLES } from "./templates";

export interface BasicSplit {
  personnel: Dec; // 人员经费合计, 万元
  public: Dec; // 公用经费合计, 万元
  /** 基本支出 of 公开05表 (合计行), 万元; null when that table or figure is absent. */
  basic: Dec | null;
  /** Where the figures come from, for the report's wording: "一般公共预算财政拨款基本支出决算明细表". */
  source: string;
}

/**
 * 人员经费 and 公用经费 from 公开06表, or null when the table is absent or either total is blank
 * or not a number (absent ≠ zero: the report then keeps its own figures).
 */
export function basicSplitFromFinalAccounts(fa: FinalAccounts | null | undefined): BasicSplit | null {
  const t = fa?.basicDetail;
  if (!t) return null;
  const personnel = amountOrNull(t.personnel);
  const pub = amountOrNull(t.public);
  if (personnel === null || pub === null) return null;
  return { personnel, public: pub, basic: amountOrNull(fa?.general?.total.basic ?? null), source: FA_TITLES.basicDetail };
}
