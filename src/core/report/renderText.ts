/**
 * The report as plain text and as HTML, for the clipboard: pasted into the unit's own
 * Word template, the HTML keeps the official fonts and sizes (GB/T 9704) inline.
 */
import { blockText, type ReportBlock, type ReportDocument, type Run } from "./document";
import { FONTS, PROMPT_COLOR, SIZES_PT } from "./style";

/** Two ideographic spaces: the first-line indent of a Chinese paragraph in plain text. */
const INDENT = "\u3000\u3000";

export function renderPlainText(doc: ReportDocument): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "title") lines.push(...b.lines, "");
    else if (b.kind === "heading") lines.push(`${INDENT}${b.text}`);
    else if (b.kind === "table") lines.push(blockText(b));
    else if (b.kind === "signature") lines.push("", ...b.lines.map((l) => `${l.map((r) => r.text).join("")}`.padStart(40, "\u3000")));
    else lines.push(`${INDENT}${blockText(b)}`);
  }
  return `${lines.join("\n")}\n`;
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const family = (names: readonly string[]): string => names.map((n) => (/^[\w-]+$/.test(n) && !/^[A-Z]/.test(n) ? n : `'${n}'`)).join(",");

const BODY = `font-family:${family(FONTS.body)};font-size:${SIZES_PT.body}pt;line-height:${SIZES_PT.linePitch}pt;margin:0;`;
const STYLES = {
  title: `font-family:${family(FONTS.title)};font-size:${SIZES_PT.title}pt;text-align:center;margin:0 0 ${SIZES_PT.linePitch}pt 0;line-height:${SIZES_PT.title * 1.5}pt;font-weight:normal;`,
  heading1: `${BODY}font-family:${family(FONTS.heading1)};text-indent:2em;page-break-after:avoid;`,
  heading2: `${BODY}font-family:${family(FONTS.heading2)};text-indent:2em;page-break-after:avoid;`,
  paragraph: `${BODY}text-indent:2em;text-align:justify;`,
  prompt: `${BODY}text-indent:2em;color:${PROMPT_COLOR};`,
  signature: `${BODY}text-align:right;padding-right:4em;`,
  table: `border-collapse:collapse;margin:6pt auto;font-family:${family(FONTS.body)};font-size:${SIZES_PT.table}pt;`,
  cell: "border:1px solid #000;padding:2pt 6pt;text-align:center;",
  caption: `${BODY}text-align:center;font-family:${family(FONTS.heading1)};`,
} as const;

/** Runs; a prompt run inside an ordinary paragraph is red on its own (`red`: the paragraph already is). */
function runsHtml(runs: Run[], red = false): string {
  return runs
    .map((r) => {
      const t = r.bold ? `<b>${escape(r.text)}</b>` : escape(r.text);
      return r.prompt && !red ? `<span style="color:${PROMPT_COLOR};">${t}</span>` : t;
    })
    .join("");
}

function blockHtml(b: ReportBlock): string {
  switch (b.kind) {
    case "title":
      return `<p style="${STYLES.title}">${b.lines.map(escape).join("<br>")}</p>`;
    case "heading":
      return `<p style="${b.level === 1 ? STYLES.heading1 : STYLES.heading2}">${escape(b.text)}</p>`;
    case "paragraph":
      return `<p style="${b.prompt ? STYLES.prompt : STYLES.paragraph}">${runsHtml(b.runs, b.prompt)}</p>`;
    case "signature":
      return b.lines.map((l) => `<p style="${l.some((r) => r.prompt) ? STYLES.signature + `color:${PROMPT_COLOR};` : STYLES.signature}">${runsHtml(l, true)}</p>`).join("");
    case "table": {
      const head = `<tr>${b.header.map((h) => `<th style="${STYLES.cell}">${escape(h)}</th>`).join("")}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td style="${STYLES.cell}${i === 0 ? "text-align:left;" : ""}">${escape(c)}</td>`).join("")}</tr>`).join("");
      return `<p style="${STYLES.caption}page-break-after:avoid;">${escape(b.caption)}</p><p style="${BODY}text-align:right;font-size:${SIZES_PT.table}pt;page-break-after:avoid;">单位：${escape(b.unit)}</p><table style="${STYLES.table}">${head}${rows}</table>`;
    }
  }
}

/** An HTML fragment (no <html> wrapper is needed for the clipboard, but one is added for Word). */
export function renderHtml(doc: ReportDocument): string {
  const body = doc.blocks.map(blockHtml).join("\n");
  return `<html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>`;
}

/** What the task pane puts on the clipboard: both flavours, so that any target gets one. */
export function clipboardPayload(doc: ReportDocument): { "text/plain": string; "text/html": string } {
  return { "text/plain": renderPlainText(doc), "text/html": renderHtml(doc) };
}
