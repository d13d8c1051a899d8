/** Report tables in the .docx: column widths from what the columns hold, so that an amount never wraps ("1227." / "61"). */
import { tableColumnWidths } from "../../src/report-docx/layout";

// 五号 10.5 pt: a CJK character (or %) 210 twips, a digit 0.65 em = 136.5 twips; cell padding 108 + 108 = 216 twips;
// the smallest column two CJK characters, 420 + 216 = 636; A4 type area 156 mm = 8844 twips. Headers are bold: their
// width is taken × 1.1.
test("room for all: figures and headers on one line, the text column takes the spare", () => {
  const w = tableColumnWidths(["项目", "年初预算数", "决算数"], [["一般公共服务（类）支出", "1238.95", "1227.61"]], 8844, 10.5);
  // 科目 11 CJK = 2310 → would like 2526; 1238.95 = 7 × 136.5 = 955.5 → 956 + 216 = 1172, header 年初预算数 1050 × 1.1
  // = 1155 → 1371; 决算数 630 × 1.1 = 693 → 909 < 1172. 2526 + 1371 + 1172 = 5069; spare 3775 to the text column → 6301.
  expect(w).toEqual([6301, 1371, 1172]);
});

test("too wide (nine columns as 公开02表): the figures keep their width, the text column wraps in what is left", () => {
  const header = ["科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "备注"];
  const row = ["行".repeat(40), "1227.61", "1227.61", "0", "0", "0", "0", "0", "-"];
  const w = tableColumnWidths(header, [row], 8844, 10.5);
  // Needed: 1227.61 → 1172 (×2); 上级补助收入 1260 × 1.1 = 1386 on two lines 693 + 216 = 909; 事业收入, 经营收入, 其他收入
  // 840 × 1.1 = 924 → 462 + 216 = 678; 备注 → the smallest 636; 附属单位上缴收入 1680 × 1.1 = 1848 → 924 + 216 = 1140.
  // Figures: 1172 + 1172 + 909 + 678 + 678 + 1140 + 678 + 636 = 7063; the 40-character text would need 4416 on two
  // lines, more than 8844 − 7063 = 1781 left: it gets 1781 and wraps.
  expect(w).toEqual([1781, 1172, 1172, 909, 678, 678, 1140, 678, 636]);
  expect(w.reduce((a, b) => a + b, 0)).toBe(8844);
});

test("even the figures do not fit: every column is scaled alike, and the widths still add up to the type area", () => {
  const w = tableColumnWidths(["a", "b"], [["1".repeat(50), "2".repeat(40)]], 8844, 10.5);
  // 50 × 136.5 + 216 = 7041 and 40 × 136.5 + 216 = 5676, 12717 in all: × 8844 ÷ 12717 → 4896.7…, 3947.3… → 4896, 3948.
  expect(w).toEqual([4896, 3948]);
});

test("a code column that also holds a text row (科目编码 with its 合计 row, as 公开02表) keeps the codes unbroken", () => {
  const header = ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
  const rows = [
    ["合计", "", "1227.61", "1227.61", "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["2010301", "行政运行", "192.26", "192.26", "0.00", "0.00", "0.00", "0.00", "0.00"],
  ];
  const w = tableColumnWidths(header, rows, 8844, 10.5);
  // 2010301: 7 digits × 136.5 = 955.5 → 956 + 216 = 1172 at least (before: 合计 made it a text column, needing only
  // half its longest cell, 956 / 2 = 478 + 216 = 694 → the header's 科目编码 840 × 1.1 = 924 / 2 + 216 = 678 … 694: wrapped).
  expect(w[0]).toBeGreaterThanOrEqual(1172);
  expect(w.reduce((a, b) => a + b, 0)).toBe(8844);
});
