/**
 * A figure typed as text that JX reads and native formulas do not ("24,964.59万元", "1,227.61"): the
 * workbook computes with the add-in, and after 定稿, in WPS or in LibreOffice the same cell is text, so a
 * SUM leaves it out and a division shows #VALUE!. The rule says so before 定稿 (issue 11).
 */
import type { ValueType } from "../../template/types";
import { parseValue } from "../context";
import type { Rule } from "../types";
import { forEachTypedLeaf } from "./input";

/** Cells that formulas of the forms add up or divide (rates and scores are computed, not read as text). */
const READ_BY_FORMULAS: ReadonlySet<ValueType> = new Set(["amount", "count", "area"]);

export const textAmountRule: Rule = {
  id: "INPUT.TEXT_AMOUNT",
  severity: "警告",
  title: "数字填成了文字（定稿后公式算不出）",
  description:
    "金额、人数、面积单元格填的是文字形式的数字（如“24,964.59万元”“1,227.61”）。加载项的 JX 函数能读懂，但内置公式不能：定稿后、在 WPS 或 LibreOffice 中，合计会漏掉它，比率显示 #VALUE!。请改为纯数字。",
  example: "全年执行数填的是文字「24,964.59万元」而不是数字：JX 函数能读出 24964.59，内置公式（定稿后、WPS、LibreOffice）不能。请改为数字 24964.59。",
  run(ctx) {
    forEachTypedLeaf(ctx, (value, type, pathOf) => {
      // A blank or whitespace-only text parses as missing, not as a number.
      if (!READ_BY_FORMULAS.has(type) || typeof value !== "string") return;
      const p = parseValue(value);
      if (p.kind !== "number") return;
      const path = pathOf();
      const digits = p.value.toFixed(); // plain digits, never 1e-7
      ctx.report(path, `${ctx.label(path)}填的是文字「${value}」而不是数字：JX 函数能读出 ${digits}，内置公式（定稿后、WPS、LibreOffice）不能。请改为数字 ${digits}。`, `数字 ${digits}`, value);
    });
  },
};
