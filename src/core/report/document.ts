/**
 * The report as a small document tree, independent of any renderer: the
 * generator builds it, the sheet / text / HTML / .docx renderers only lay it out.
 */

/** A stretch of text; `bold` for emphasis inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
}

export type ReportBlock =
  | { kind: "title"; text: string }
  /** 1: "一、基本情况" (黑体); 2: "（一）职能职责" (楷体). The text carries its own numbering. */
  | { kind: "heading"; level: 1 | 2; text: string }
  /** `prompt`: a request to fill in what only the department knows (shown, flagged by the text checker). */
  | { kind: "paragraph"; runs: Run[]; prompt?: boolean }
  /** The checker found 错误: opens the document, says the figures may be wrong. */
  | { kind: "warning"; runs: Run[] }
  | { kind: "table"; caption: string; unit: string; header: string[]; rows: string[][] };

export interface ReportDocument {
  unit: string;
  year: number;
  blocks: ReportBlock[];
}

export const title = (text: string): ReportBlock => ({ kind: "title", text });
export const heading = (level: 1 | 2, text: string): ReportBlock => ({ kind: "heading", level, text });
export const paragraph = (...runs: (Run | string)[]): ReportBlock => ({ kind: "paragraph", runs: runs.map(toRun) });
export const prompt = (text: string): ReportBlock => ({ kind: "paragraph", runs: [{ text }], prompt: true });
export const warning = (...runs: (Run | string)[]): ReportBlock => ({ kind: "warning", runs: runs.map(toRun) });

function toRun(r: Run | string): Run {
  return typeof r === "string" ? { text: r } : r;
}

/** The plain text of a block (a table: its rows, cells separated by tabs). */
export function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case "title":
    case "heading":
      return block.text;
    case "paragraph":
    case "warning":
      return block.runs.map((r) => r.text).join("");
    case "table":
      return [block.caption, `单位：${block.unit}`, block.header.join("\t"), ...block.rows.map((r) => r.join("\t"))].join("\n");
  }
}

/** Every heading's text, in order: what a rendering must show. */
export function headings(doc: ReportDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
}

export function documentTitle(doc: ReportDocument): string {
  const t = doc.blocks.find((b) => b.kind === "title");
  return t ? blockText(t) : "";
}
