/**
 * The report as a small document tree, independent of any renderer: the
 * generator builds it, the sheet / text / HTML / .docx renderers only lay it out.
 */

/** A stretch of text; `bold` for emphasis inside a paragraph; `prompt`: a note to the user (red). */
export interface Run {
  text: string;
  bold?: boolean;
  prompt?: boolean;
}

export type ReportBlock =
  /** `lines`: the title broken at meaning boundaries (unit / "2024年度部门整体支出绩效自评报告"); `text` is their join. */
  | { kind: "title"; text: string; lines: string[] }
  /** 1: "一、基本情况" (黑体); 2: "（一）职能职责" (楷体). The text carries its own numbering. */
  | { kind: "heading"; level: 1 | 2; text: string }
  /**
   * `prompt`: a note to the user, not report text — 【待填写：…】 (something only the department knows is
   * missing) or 【请核对：…】 (the tables disagree or hold 错误). Red everywhere; REPORT.PLACEHOLDER finds it.
   */
  | { kind: "paragraph"; runs: Run[]; prompt?: boolean }
  | { kind: "table"; caption: string; unit: string; header: string[]; rows: string[][] }
  /** 落款: unit and date, right-aligned (成文日期右空四字). A run may be a prompt (date not yet filled in). */
  | { kind: "signature"; lines: Run[][] };

/** The two kinds of note to the user, each with its one marker text. */
export type PromptKind = "待填写" | "请核对";

/** Every prompt, in any rendering (text pasted back into a sheet included): 【待填写：…】 or 【请核对：…】. */
export const PROMPT_RE = /【(?:待填写|请核对)[：:][^】]*】?/g;

/** "【待填写：…】": the one style of every note to the user. */
export const promptText = (kind: PromptKind, text: string): string => `【${kind}：${text.replace(/[。；]$/, "")}】`;

export interface ReportDocument {
  unit: string;
  year: number;
  blocks: ReportBlock[];
}

export const title = (...lines: string[]): ReportBlock => ({ kind: "title", text: lines.join(""), lines: lines.filter(Boolean) });
export const heading = (level: 1 | 2, text: string): ReportBlock => ({ kind: "heading", level, text });
export const paragraph = (...runs: (Run | string)[]): ReportBlock => ({ kind: "paragraph", runs: runs.map(toRun) });
/** A paragraph that is a note to the user: "【待填写：请在「报告素材」工作表填写职能职责】". */
export const prompt = (kind: PromptKind, text: string): ReportBlock => ({ kind: "paragraph", runs: [{ text: promptText(kind, text), prompt: true }], prompt: true });

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
      return block.runs.map((r) => r.text).join("");
    case "signature":
      return block.lines.map((l) => l.map((r) => r.text).join("")).join("\n");
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

/** Is the block a note to the user (or does it hold one)? */
export function isPrompt(block: ReportBlock): boolean {
  if (block.kind === "paragraph") return block.prompt === true || block.runs.some((r) => r.prompt);
  if (block.kind === "signature") return block.lines.some((l) => l.some((r) => r.prompt));
  return false;
}

/** Every prompt text of the document, in order. */
export function prompts(doc: ReportDocument): string[] {
  return doc.blocks.flatMap((b) => (isPrompt(b) ? [...blockText(b).matchAll(PROMPT_RE)].map((m) => m[0]) : []));
}

/**
 * Double quotes inside double quotes become single ones (“…‘…’…”), as a printed document has them.
 * Unbalanced quotes are left as they are.
 */
export function nestQuotes(text: string): string {
  const first = text.indexOf("“");
  if (first < 0 || text.indexOf("“", first + 1) < 0) return text; // fewer than two openings: nothing nests
  let depth = 0;
  let out = "";
  for (const ch of text) {
    if (ch === "“") {
      out += depth >= 1 ? "‘" : "“";
      depth++;
    } else if (ch === "”" && depth > 0) {
      depth--;
      out += depth >= 1 ? "’" : "”";
    } else out += ch;
  }
  return out;
}
