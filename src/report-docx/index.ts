/**
 * The report as a .docx laid out per GB/T 9704 (党政机关公文格式): A4, type area
 * 156 × 225 mm (28 characters × 22 lines), title 方正小标宋简体 二号, body 仿宋_GB2312
 * 三号, 一、 headings 黑体, （一） headings 楷体, page numbers "— 1 —" in 宋体 四号.
 *
 * The `docx` package (≈ 60 KB gzip) is imported on demand: the task pane loads it
 * only when the user asks for a .docx. Nothing here touches the DOM or Node.
 */
import type { ReportBlock, ReportDocument, Run } from "../core/report/document";
import { documentTitle } from "../core/report/document";
import { FONTS, PROMPT_COLOR, SIZES_PT } from "../core/report/style";
import { DOCX_LAYOUT, ptToHalfPoints, ptToTwip, tableColumnWidths } from "./layout";

type Docx = typeof import("docx");

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface DocxOptions {
  /** Document properties. */
  creator?: string;
}

/** "湖南省…2024年度部门整体支出绩效自评报告.docx", safe as a file name. */
export function docxFileName(doc: ReportDocument): string {
  return `${documentTitle(doc).replace(/[\\/:*?"<>|]/g, "") || "自评报告"}.docx`;
}

/** The .docx as bytes. */
export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const docx: Docx = await import("docx");
  const file = buildDocument(docx, doc, options);
  const buffer = await docx.Packer.toArrayBuffer(file, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(buffer);
}

/** The .docx as a Blob (browsers), typed for download or a data URI. */
export async function renderDocxBlob(doc: ReportDocument, options: DocxOptions = {}): Promise<Blob> {
  const bytes = await renderDocx(doc, options);
  return new Blob([bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer], { type: DOCX_MIME });
}

/** A data: URI of the .docx, for webviews that block blob downloads. */
export function docxDataUri(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${DOCX_MIME};base64,${btoa(binary)}`;
}

/** A run's fonts: the official face for Chinese and Latin alike (digits in 仿宋 as in printed documents). */
function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

const BODY_SIZE = ptToHalfPoints(SIZES_PT.body);
const RED = PROMPT_COLOR.slice(1);

function buildDocument(d: Docx, doc: ReportDocument, options: DocxOptions) {
  const L = DOCX_LAYOUT;
  const exact = { line: L.linePitch, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 };
  const bodyIndent = { firstLine: L.indent };

  /** Runs; a note to the user (【待填写：…】, 【请核对：…】) is red. */
  const runs = (rs: Run[], extra: { color?: string } = {}) => rs.map((r) => new d.TextRun({ text: r.text, bold: r.bold, color: r.prompt ? RED : extra.color }));

  const table = (b: Extract<ReportBlock, { kind: "table" }>) => {
    const widths = tableColumnWidths(b.header, b.rows, L.typeAreaWidth, SIZES_PT.table);
    const cellPara = (text: string, bold: boolean, left: boolean) =>
      new d.Paragraph({
        alignment: left ? d.AlignmentType.LEFT : d.AlignmentType.CENTER,
        spacing: { line: ptToTwip(SIZES_PT.table * 1.5), lineRule: d.LineRuleType.EXACT },
        children: [new d.TextRun({ text, bold, size: ptToHalfPoints(SIZES_PT.table) })],
      });
    const row = (cells: string[], header: boolean) =>
      new d.TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (c, i) => new d.TableCell({ width: { size: widths[i], type: d.WidthType.DXA }, verticalAlign: d.VerticalAlignTable.CENTER, children: [cellPara(c, header, i === 0 && !header)] }),
        ),
      });
    return [
      // The caption and the unit line stay on the page of their table (keep-with-next).
      new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: exact, keepNext: true, keepLines: true, children: [new d.TextRun({ text: b.caption, font: font(FONTS.heading1[0]) })] }),
      new d.Paragraph({ alignment: d.AlignmentType.RIGHT, spacing: exact, keepNext: true, children: [new d.TextRun({ text: `单位：${b.unit}`, size: ptToHalfPoints(SIZES_PT.table) })] }),
      new d.Table({ width: { size: L.typeAreaWidth, type: d.WidthType.DXA }, columnWidths: widths, rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))] }),
      new d.Paragraph({ spacing: exact, children: [] }),
    ];
  };

  const children: (InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>)[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case "title":
        children.push(
          // Broken at meaning boundaries (unit / "2024年度部门整体支出绩效自评报告"), never mid-word.
          new d.Paragraph({ style: "ReportTitle", children: b.lines.map((l, i) => new d.TextRun({ text: l, break: i > 0 ? 1 : undefined })) }),
          new d.Paragraph({ spacing: exact, children: [] }), // one blank line under the title
        );
        break;
      case "heading":
        children.push(new d.Paragraph({ style: b.level === 1 ? "Heading1Gb" : "Heading2Gb", children: [new d.TextRun(b.text)] }));
        break;
      case "paragraph":
        children.push(new d.Paragraph({ style: "BodyGb", children: runs(b.runs, b.prompt ? { color: RED } : {}) }));
        break;
      case "signature":
        // 落款: right-aligned, 右空四字 (GB/T 9704 7.3.5), one blank line above, kept together.
        children.push(new d.Paragraph({ spacing: exact, keepNext: true, children: [] }));
        b.lines.forEach((l, i) =>
          children.push(
            new d.Paragraph({
              alignment: d.AlignmentType.RIGHT,
              spacing: exact,
              indent: { right: ptToTwip(SIZES_PT.body * 4) },
              keepNext: i < b.lines.length - 1,
              children: runs(l),
            }),
          ),
        );
        break;
      case "table":
        children.push(...table(b));
        break;
    }
  }

  // 页码: 4号半角宋体, "— 1 —"; odd pages on the right, even on the left, one character in.
  const pageNumber = (right: boolean) =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: right ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: right ? { right: ptToTwip(SIZES_PT.pageNumber) } : { left: ptToTwip(SIZES_PT.pageNumber) },
          children: [new d.TextRun({ children: ["— ", d.PageNumber.CURRENT, " —"], font: font(FONTS.pageNumber[0]), size: ptToHalfPoints(SIZES_PT.pageNumber) })],
        }),
      ],
    });

  const paragraphStyle = (id: string, name: string, fontName: string, extra: { size?: number; center?: boolean; indent?: boolean; keepNext?: boolean } = {}) => ({
    id,
    name,
    basedOn: "Normal",
    next: "BodyGb",
    quickFormat: true,
    run: { font: font(fontName), size: extra.size ?? BODY_SIZE },
    paragraph: {
      alignment: extra.center ? d.AlignmentType.CENTER : d.AlignmentType.BOTH,
      spacing: exact,
      indent: extra.indent === false ? undefined : bodyIndent,
      keepNext: extra.keepNext,
    },
  });

  return new d.Document({
    title: documentTitle(doc),
    creator: options.creator ?? "绩效自评助手",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body[0]), size: BODY_SIZE, characterSpacing: L.characterSpacing }, paragraph: { spacing: exact } },
      },
      paragraphStyles: [
        paragraphStyle("ReportTitle", "公文标题", FONTS.title[0], { size: ptToHalfPoints(SIZES_PT.title), center: true, indent: false, keepNext: true }),
        paragraphStyle("Heading1Gb", "一级标题（黑体）", FONTS.heading1[0], { keepNext: true }),
        paragraphStyle("Heading2Gb", "二级标题（楷体）", FONTS.heading2[0], { keepNext: true }),
        paragraphStyle("BodyGb", "公文正文（仿宋）", FONTS.body[0]),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: L.page.width, height: L.page.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { ...L.margin, gutter: 0 },
            pageNumbers: { start: 1 },
          },
          // 22 lines a page: the line grid, and every paragraph at exactly that pitch.
          grid: { type: d.DocumentGridType.LINES, linePitch: L.linePitch },
        },
        footers: { default: pageNumber(true), even: pageNumber(false) },
        children,
      },
    ],
  });
}

/**
 * The font table, with each official face's stand-in (w:altName) and the GB2312 charset,
 * so that Word and WPS substitute a Chinese face of the same kind when 方正小标宋简体 or
 * 仿宋_GB2312 is not installed (e.g. 仿宋 on Windows 10 and later).
 */
export function fontTableXml(): string {
  // The stand-in is a face every Chinese Windows has.
  const entries: [name: string, alt: string, family: string, pitch: string][] = [
    [FONTS.title[0], "宋体", "script", "variable"],
    [FONTS.body[0], "仿宋", "modern", "fixed"],
    [FONTS.heading1[0], "SimHei", "modern", "fixed"],
    [FONTS.heading2[0], "楷体", "modern", "fixed"],
    [FONTS.pageNumber[0], "SimSun", "auto", "variable"],
  ];
  const fonts = entries
    .map(([name, alt, family, pitch]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
