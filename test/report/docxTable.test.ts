/** Report tables in the .docx: column widths from what the columns hold, so that an amount never wraps ("1227." / "61"). */
import { tableColumnWidths } from "../../src/report-docx/layout";

// 五号 10.5 pt: half an em = 105 twips; Word's cell padding 108 + 108 = 216 twips; A4 type area 156 mm = 8844 twips.
test("room for all: the amounts keep their width, the text column takes the spare", () => {
  const w = tableColumnWidths(["项目", "年初预算数", "决算数"], [["一般公共服务（类）支出", "1238.95", "1227.61"]], 8844, 10.5);
  // 科目 22 units → 22 × 105 + 216 = 2526; amounts 7 units → 7 × 105 + 216 = 951 each; spare 8844 − 4428 = 4416 → 2526 + 4416 = 6942.
  expect(w).toEqual([6942, 951, 951]);
});

test("too wide (nine columns as 公开02表): the figures keep 7 units, the text column wraps in what is left", () => {
  const header = ["科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "备注"];
  const row = ["行".repeat(40), "1227.61", "1227.61", "0", "0", "0", "0", "0", "-"];
  const w = tableColumnWidths(header, [row], 8844, 10.5);
  // Amount columns: max(4, 7 units, ⌈header ÷ 3⌉) → "本年收入合计" 12 units ÷ 3 = 4, "附属单位上缴收入" 16 ÷ 3 → 6:
  // 7 units (951) for the two 1227.61 columns; the "0" / "-" columns: max(4, 1, ⌈header ÷ 3⌉) units.
  //   上级补助收入 12 → 4 → 636; 事业收入 8 → 3 → 4 → 636; 经营收入 → 636; 附属单位上缴收入 16 → 6 → 846; 其他收入 → 636; 备注 4 → 2 → 4 → 636.
  // Figures: 951 + 951 + 636 + 636 + 636 + 846 + 636 + 636 = 5928; the text column gets 8844 − 5928 = 2916.
  expect(w).toEqual([2916, 951, 951, 636, 636, 636, 846, 636, 636]);
  expect(w.reduce((a, b) => a + b, 0)).toBe(8844);
});

test("even the figures do not fit: every column is scaled alike, and the widths still add up to the type area", () => {
  const w = tableColumnWidths(["a", "b"], [["12345678901234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"]], 8844, 10.5);
  // need 50 × 105 + 216 = 5466 and 40 × 105 + 216 = 4416, 9882 in all: × 8844 ÷ 9882 → 4891.8…, 3952.1… → 4891, 3953.
  expect(w).toEqual([4891, 3953]);
});
