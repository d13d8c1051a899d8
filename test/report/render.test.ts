import { checkGrids } from "../../src/core";
import {
  blockText,
  clipboardPayload,
  displayWidth,
  freeReportSheetName,
  generateReport,
  renderHtml,
  renderPlainText,
  renderSheet,
  REPORT_ROW_FORMATS,
  type ReportDocument,
} from "../../src/core/report";
import { loadSeed, seedGrids } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const doc = generateReport(loadSeed("003"), MATERIAL_003, checkGrids(seedGrids("003")).findings);

describe("the 自评报告 sheet", () => {
  const sheet = renderSheet(doc);

  test("one paragraph per row, merged across the width; a table keeps its columns", () => {
    const tables = doc.blocks.filter((b) => b.kind === "table");
    const tableRows = tables.reduce((n, t) => n + (t.kind === "table" ? t.rows.length + 3 : 0), 0); // caption, unit, header
    // The 落款 block is two rows (unit, date).
    expect(sheet.rows).toHaveLength(doc.blocks.length - tables.length + tableRows + 1);
    // The title broken at the meaning boundary, inside its one cell.
    expect(sheet.rows[0]).toMatchObject({ row: 0, style: "title", merged: true, cells: ["湖南省政务服务和大数据中心\n2024年度部门整体支出绩效自评报告"] });
    const header = sheet.rows.find((r) => r.style === "tableHeader");
    expect(header?.cells).toEqual(["项目", "2023年决算数", "2024年预算数", "2024年决算数", "控制率"]);
    expect(header?.merged).toBe(false);
    expect(sheet.rows.find((r) => r.style === "tableRow")?.cells).toEqual(["“三公”经费合计", "26.74", "60.50", "10.41", "17.21%"]);
  });

  test("headings bold, the title larger, every prompt (the table-error notice too) red; the 落款 right-aligned; all cells text", () => {
    expect(sheet.rows.filter((r) => r.style === "heading1").map((r) => r.cells[0].trim())).toContain("一、基本情况");
    expect(REPORT_ROW_FORMATS.heading1.bold && REPORT_ROW_FORMATS.heading2.bold).toBe(true);
    expect(REPORT_ROW_FORMATS.body.bold).toBe(false);
    expect(REPORT_ROW_FORMATS.title.size).toBeGreaterThan(REPORT_ROW_FORMATS.body.size);
    expect(sheet.rows[1].style).toBe("prompt");
    expect(sheet.rows[1].cells[0]).toMatch(/^\u3000\u3000【请核对：表格校验发现4处错误/);
    expect(REPORT_ROW_FORMATS.prompt.color).toBe("#C00000");
    // Every row holding a 【待填写/【请核对 marker is a red prompt row, and no other row is.
    for (const r of sheet.rows) expect(r.style === "prompt").toBe(/【(待填写|请核对)：/.test(r.cells.join("")));
    const last = sheet.rows.slice(-2);
    expect(last.map((r) => r.style)).toEqual(["signature", "signature"]);
    expect(last.map((r) => r.cells[0].trim())).toEqual(["湖南省政务服务和大数据中心", "2025年4月17日"]);
    expect(REPORT_ROW_FORMATS.signature.align).toBe("right");
    expect(sheet.numberFormat).toBe("@");
    expect(sheet.rows.every((r) => r.cells.every((c) => typeof c === "string"))).toBe(true);
  });

  test("wrapped to a readable width: a long paragraph gets a taller row, within Excel's 409 pt", () => {
    expect(sheet.widths.reduce((a, b) => a + b, 0)).toBe(90);
    const short = sheet.rows.find((r) => r.cells[0].includes("无。"));
    const long = sheet.rows.find((r) => r.cells[0].includes("锚定“三高四新”美好蓝图"));
    // 45 Chinese characters a line at 11 pt: the goal (≈ 230 characters) takes several lines.
    expect(short?.height).toBeLessThan(25);
    expect(long!.height).toBeGreaterThan(4 * 15);
    expect(Math.max(...sheet.rows.map((r) => r.height))).toBeLessThanOrEqual(409);
    expect(displayWidth("公用经费377.19")).toBe(14);
  });

  test("a free name: an earlier report, possibly edited, is never replaced", () => {
    expect(freeReportSheetName([])).toBe("自评报告");
    expect(freeReportSheetName(["附件1 基础数据表", "自评报告"])).toBe("自评报告(2)");
    expect(freeReportSheetName(["自评报告", "自评报告(2)"])).toBe("自评报告(3)");
  });
});

describe("clipboard: plain text and HTML", () => {
  test("plain text: title, then headings and paragraphs indented by two ideographic spaces", () => {
    const text = renderPlainText(doc);
    const lines = text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["湖南省政务服务和大数据中心", "2024年度部门整体支出绩效自评报告"]);
    expect(lines).toContain("\u3000\u3000一、基本情况");
    expect(text).toContain("\u3000\u3000本部门2024年度无政府性基金预算支出。");
    expect(text).not.toMatch(/<[a-z]/);
  });

  test("HTML keeps the official fonts and sizes inline, for pasting into the unit's Word template", () => {
    const html = renderHtml(doc);
    expect(html).toMatch(/<p style="[^"]*'方正小标宋简体'[^"]*font-size:22pt[^"]*">湖南省政务服务和大数据中心<br>2024年度部门整体支出绩效自评报告<\/p>/);
    expect(html).toMatch(/<p style="[^"]*'黑体'[^"]*">一、基本情况<\/p>/);
    expect(html).toMatch(/<p style="[^"]*'楷体_GB2312'[^"]*">（一）职能职责<\/p>/);
    expect(html).toMatch(/<p style="[^"]*'仿宋_GB2312'[^"]*font-size:16pt[^"]*text-indent:2em[^"]*">本部门2024年度无政府性基金预算支出。<\/p>/);
    expect(html).toContain("<table");
    expect(html).toContain("<td");
    // Every prompt red, in one style: the table-error notice, the 请核对 conflicts.
    const red = [...html.matchAll(/<p style="[^"]*color:#C00000;[^"]*">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(red.length).toBeGreaterThanOrEqual(2);
    for (const t of red) expect(t).toMatch(/^【(待填写|请核对)：[^】]*】$/);
    expect(html.match(/【(待填写|请核对)：/g)?.length).toBe(red.length);
    // Captions keep with their table.
    expect(html).toMatch(/page-break-after:avoid;">2024年“三公”经费情况表<\/p>/);
  });

  test("a gap inside report text (a prompt run) is red on its own in the HTML, and its sheet row is a prompt row", () => {
    const gap: ReportDocument = {
      unit: "",
      year: 2024,
      blocks: [{ kind: "paragraph", runs: [{ text: "全年安排因公出国（境）团组" }, { text: "【待填写：团组数】", prompt: true }, { text: "个。" }] }],
    };
    expect(renderHtml(gap)).toContain('全年安排因公出国（境）团组<span style="color:#C00000;">【待填写：团组数】</span>个。</p>');
    expect(renderSheet(gap).rows[0].style).toBe("prompt");
  });

  test("text is escaped; both flavours are offered", () => {
    const tiny: ReportDocument = { unit: "A<B", year: 2024, blocks: [{ kind: "paragraph", runs: [{ text: "a < b & c" }] }] };
    expect(renderHtml(tiny)).toContain("a &lt; b &amp; c");
    const payload = clipboardPayload(tiny);
    expect(payload["text/plain"]).toBe("\u3000\u3000a < b & c\n");
    expect(payload["text/html"]).toContain("a &lt; b");
    expect(blockText(tiny.blocks[0])).toBe("a < b & c");
  });
});
