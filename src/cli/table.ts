/** Plain-text tables for a terminal: CJK characters take two columns. */

/** Display width of a string in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x300 && cp < 0x370)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cuts a string to `max` display columns, ending with "…" when cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + "…";
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Renders rows under a header; `right` marks right-aligned (numeric) columns; `max` caps column widths. */
export function renderTable(header: string[], rows: string[][], opts: { right?: boolean[]; max?: number[] } = {}): string {
  const cells = [header, ...rows].map((r) => r.map((c, i) => (opts.max?.[i] ? truncate(c, opts.max[i]) : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: string[]) => r.map((c, i) => pad(c ?? "", widths[i], opts.right?.[i] ?? false)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

// C0 and C1 control characters except tab and newline, and the bidirectional overrides that can make a
// terminal line read differently from what it holds.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters (escape sequences, bells, carriage returns) removed. */
export function terminalText(s: string): string {
  return s.replace(CONTROL, "");
}

/** A cell's text on one terminal line: line breaks and runs of white space become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}

/**
 * One CSV field (RFC 4180), neutralised against formula injection as OWASP advises: a text starting with
 * = + - @, a tab or a carriage return is prefixed with ' inside a quoted field, so that a spreadsheet opening
 * the CSV shows it as text. Control characters are removed. Numbers (and texts that are plain numbers) stay as they are.
 */
export function csvField(s: string | number | null): string {
  if (typeof s === "number") return String(s);
  let t = s === null ? "" : String(s);
  const risky = /^[=+\-@\t\r]/.test(t) && !/^[+-]?\d+(\.\d+)?$/.test(t);
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  if (risky) return `"'${t.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
