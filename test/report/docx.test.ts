/**
 * The .docx: GB/T 9704 geometry and fonts in the XML, and a real rendering. LibreOffice
 * (installed by .ci/run) converts it to PDF; the page must be A4 and the text must show the
 * title and every section heading. No soffice → the test fails: it never skips.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { checkGrids } from "../../src/core";
import { generateReport, headings, type ReportDocument } from "../../src/core/report";
import { docxDataUri, docxFileName, fontTableXml, renderDocx, renderDocxBlob } from "../../src/report-docx";
import { DOCX_LAYOUT } from "../../src/report-docx/layout";
import { loadSeed, seedGrids } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const doc: ReportDocument = generateReport(loadSeed("003"), MATERIAL_003, checkGrids(seedGrids("003")).findings);
const TITLE = "湖南省政务服务和大数据中心2024年度部门整体支出绩效自评报告";

describe("GB/T 9704 geometry", () => {
  test("A4 210 × 297 mm; margins 37 / 35 / 28 / 26 mm, in twips (1 mm = 56.69 twips)", () => {
    expect(DOCX_LAYOUT.page).toEqual({ width: 11906, height: 16838 });
    expect(DOCX_LAYOUT.margin).toMatchObject({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
  });

  test("22 lines on the 225 mm type area: a pitch of 579 twips (22 fit, 23 do not)", () => {
    const area = Math.round((225 * 1440) / 25.4);
    expect(DOCX_LAYOUT.linePitch).toBe(579);
    expect(22 * DOCX_LAYOUT.linePitch).toBeLessThanOrEqual(area);
    expect(23 * DOCX_LAYOUT.linePitch).toBeGreaterThan(area);
  });

  test("28 characters of 16 pt on the 156 mm line: condensed by 5 twips, 28 fit and 29 do not", () => {
    const pitch = 16 * 20 + DOCX_LAYOUT.characterSpacing;
    expect(DOCX_LAYOUT.characterSpacing).toBe(-5);
    expect(28 * pitch).toBeLessThanOrEqual(DOCX_LAYOUT.typeAreaWidth);
    expect(29 * pitch).toBeGreaterThan(DOCX_LAYOUT.typeAreaWidth);
  });
});

describe("the .docx package", () => {
  let zip: JSZip;
  const part = (name: string) => zip.file(name)?.async("string") ?? Promise.reject(new Error(`no ${name}`));

  beforeAll(async () => {
    zip = await JSZip.loadAsync(await renderDocx(doc));
  });

  test("page size, margins and the 22-line grid in the section", async () => {
    const xml = await part("word/document.xml");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const [side, v] of [["top", 2098], ["right", 1474], ["bottom", 1984], ["left", 1587]] as const) expect(xml).toContain(`w:${side}="${v}"`);
    expect(xml).toMatch(/<w:docGrid[^>]*w:linePitch="579"/);
  });

  test("fonts: title 方正小标宋简体 22 pt, body 仿宋_GB2312 16 pt, 一、 黑体, （一） 楷体_GB2312", async () => {
    const styles = await part("word/styles.xml");
    const style = (id: string) => new RegExp(`<w:style[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
    expect(style("ReportTitle")).toContain('w:eastAsia="方正小标宋简体"');
    expect(style("ReportTitle")).toContain('<w:sz w:val="44"/>');
    expect(style("BodyGb")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style("BodyGb")).toContain('<w:sz w:val="32"/>');
    expect(style("Heading1Gb")).toContain('w:eastAsia="黑体"');
    expect(style("Heading2Gb")).toContain('w:eastAsia="楷体_GB2312"');
    // Every heading of the tree is in the document with its style.
    const xml = await part("word/document.xml");
    expect((xml.match(/w:val="Heading1Gb"/g) ?? []).length).toBe(10);
  });

  test("fallbacks: each official face names a stand-in that Chinese Windows has", async () => {
    const table = await part("word/fontTable.xml");
    expect(table).toBe(fontTableXml());
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  /** Each <w:p> of the body, with its plain text. */
  const paragraphsXml = async () => [...(await part("word/document.xml")).matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({ xml: m[0], text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("") }));

  test("the title breaks after the unit (one <w:br/> between the two lines), never mid-word", async () => {
    const title = (await paragraphsXml()).find((p) => p.xml.includes('w:val="ReportTitle"'));
    expect(title?.text).toBe(TITLE);
    expect(title?.xml).toMatch(/<w:t[^>]*>湖南省政务服务和大数据中心<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>2024年度部门整体支出绩效自评报告<\/w:t>/);
  });

  test("keep-with-next: headings (styles), the table caption and its unit line; table rows do not split", async () => {
    const styles = await part("word/styles.xml");
    for (const id of ["ReportTitle", "Heading1Gb", "Heading2Gb"]) {
      expect(new RegExp(`w:styleId="${id}"[\\s\\S]*?<w:keepNext/>[\\s\\S]*?</w:style>`).test(styles)).toBe(true);
    }
    const ps = await paragraphsXml();
    const caption = ps.find((p) => p.text === "2024年“三公”经费情况表");
    const unit = ps.find((p) => p.text === "单位：万元");
    expect(caption?.xml).toContain("<w:keepNext/>");
    expect(unit?.xml).toContain("<w:keepNext/>");
    const xml = await part("word/document.xml");
    expect((xml.match(/<w:cantSplit\/>/g) ?? []).length).toBe((xml.match(/<w:tr>/g) ?? []).length);
  });

  test("quotes nest as printed: ‘’ inside “”, never “ inside “", async () => {
    const text = (await paragraphsXml()).map((p) => p.text).join("\n");
    expect(text).toContain("强化‘互联网+政务服务’一体化平台、‘一网通办’");
    for (const line of text.split("\n")) expect(line).not.toMatch(/“[^”]*“/);
  });

  test("every prompt is red (w:color C00000), and only prompts are", async () => {
    const ps = await paragraphsXml();
    const red = ps.filter((p) => p.xml.includes('<w:color w:val="C00000"/>'));
    expect(red.length).toBeGreaterThanOrEqual(4);
    for (const p of red) expect(p.text).toMatch(/^【(请核对|待填写)：[^】]*】$/);
    expect(ps.filter((p) => /【(请核对|待填写)：/.test(p.text))).toHaveLength(red.length);
  });

  test("the 落款 closes the document: unit and date right-aligned, four characters in from the margin", async () => {
    const ps = await paragraphsXml();
    const [unit, date] = ps.slice(-2);
    expect([unit.text, date.text]).toEqual(["湖南省政务服务和大数据中心", "2025年4月17日"]);
    for (const p of [unit, date]) {
      expect(p.xml).toContain('<w:jc w:val="right"/>');
      expect(p.xml).toMatch(/<w:ind w:right="1280"\/>/); // 4 × 16 pt = 64 pt = 1280 twips
    }
  });

  test("page numbers — 1 — in the footers, odd pages right and even pages left", async () => {
    const settings = await part("word/settings.xml");
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(part));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain("— </w:t>");
      expect(f).toMatch(/PAGE/);
      expect(f).toContain("> —</w:t>");
    }
    expect(footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)?.[1]).sort()).toEqual(["left", "right"]);
  });

  test("a Blob for the browser and a data URI for webviews that block blob downloads", async () => {
    const blob = await renderDocxBlob(doc);
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docxDataUri(new Uint8Array([80, 75, 3, 4]))).toBe("data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,UEsDBA==");
    expect(docxFileName(doc)).toBe(`${TITLE}.docx`);
  });
});

describe("LibreOffice renders it (headless, to PDF)", () => {
  let dir: string;
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-docx-"));
    const file = path.join(dir, "report.docx");
    fs.writeFileSync(file, await renderDocx(doc));
    try {
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file],
        { env: { ...process.env, FONTCONFIG_FILE: path.join(__dirname, "..", "fixtures", "fonts", "fonts.conf") }, timeout: 180_000, stdio: "pipe" },
      );
    } catch (e) {
      throw new Error(`LibreOffice (soffice) could not convert the .docx — install libreoffice-writer-nogui (bash .ci/run does): ${(e as Error).message}`);
    }
    pdf = path.join(dir, "report.pdf");
    text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  }, 200_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the page is A4", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(2);
  });

  test("pdftotext shows the title and every section heading", () => {
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain(TITLE);
    for (const h of headings(doc)) expect(flat).toContain(h.replace(/\s+/g, ""));
    expect(flat).toContain("—1—");
  });

  test("28 characters a line: no line of Chinese text is longer, and full lines have exactly 28", () => {
    // Body text only: a table's cells are set in 五号 (10.5 pt) in columns sized to their content, not on the 28-character grid.
    const cells = doc.blocks.flatMap((b) => (b.kind === "table" ? [...b.header, ...b.rows.flat()] : []));
    const chinese = text.split("\n").filter((l) => l.trim() && !/[\x20-\x7e]/.test(l) && !cells.some((c) => c.includes(l.trim())));
    const lengths = chinese.map((l) => [...l].length);
    expect(Math.max(...lengths.filter((n, i) => n <= 28 || (chinese[i].match(/[，、。；：“”‘’（）]/g) ?? []).length < 1))).toBe(28);
    // A 29th character only where LibreOffice squeezes a full-width punctuation mark (half its width is blank) into the line.
    expect(Math.max(...lengths)).toBeLessThanOrEqual(29);
  });

  test("the caption is printed on the page of its table; the 落款 after the 附件 list on the last page", () => {
    const pages = text.split("\f").map((p) => p.replace(/\s+/g, ""));
    const captionPage = pages.findIndex((p) => p.includes("2024年“三公”经费情况表"));
    expect(captionPage).toBeGreaterThanOrEqual(0);
    expect(pages[captionPage]).toContain("“三公”经费合计");
    const last = pages.filter((p) => p).at(-1) ?? "";
    expect(last).toMatch(/附件：1．2024年度部门整体支出绩效评价基础数据表2．2024年度部门整体支出绩效自评表湖南省政务服务和大数据中心2025年4月17日/);
  });

  test("body in a Song-style face, headings in a sans (黑体) face: not one fallback font for everything", () => {
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
    expect(fonts).toMatch(/Serif/);
    expect(fonts).toMatch(/Sans/);
  });
});
