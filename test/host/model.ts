/**
 * The in-memory workbook behind the host: sheets, cells (constant or formula, number format,
 * style), merges, widths and heights, selection — and Excel's rules for turning what is written
 * into what a cell holds. Browser-safe (no Node imports).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellsOf,
  columnName,
  contains,
  intersects,
  quoteSheetName,
  rect,
  type Rect,
} from "./address";
import { HostOfficeError } from "./errors";

export type Scalar = string | number | boolean;

export type BorderSide = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";

export interface BorderSpec {
  style: string; // Excel.BorderLineStyle: "Continuous", "Dash", …; "None" is stored as absence
  color: string; // "#RRGGBB"
  weight: string; // Excel.BorderWeight: "Hairline" | "Thin" | "Medium" | "Thick"
}

export interface CellStyle {
  fill?: string; // "#RRGGBB"; absent = no fill
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  underline?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  indent?: number;
  borders?: Partial<Record<BorderSide, BorderSpec>>;
}

export interface Cell {
  /** A constant (absent when empty or when the cell holds a formula). */
  v?: Scalar;
  /** A formula, always starting with "=". */
  f?: string;
  /** Number format; absent = "General". */
  nf?: string;
  s?: CellStyle;
  /** The text was entered with Excel's ' prefix (kept as text, apostrophe not part of the value). */
  q?: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11 = 64 px
export const DEFAULT_ROW_HEIGHT = 15; // points
export const DEFAULT_FONT = { name: "Calibri", size: 11, color: "#000000" };

const key = (r: number, c: number) => r * MAX_COLS + c;

/** One conditional format: where, which type, and what was set on it (custom rule formula, fill colour). */
export interface ConditionalFormatRecord {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
}

export class SheetModel {
  cells = new Map<number, Cell>();
  merges: Rect[] = [];
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  selection: Rect = rect(0, 0, 0, 0);
  freeze: { rows: number; cols: number } | null = null;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  standardWidth = 8.43;
  deleted = false;
  /** Page layout as set through `worksheet.pageLayout` (properties by name; headersFooters nested). */
  page: Record<string, unknown> & { headersFooters: Record<string, unknown> & { firstPage: Record<string, unknown> } } = {
    headersFooters: { firstPage: {} },
  };
  /** Conditional formats as added through `range.conditionalFormats.add`, in order. */
  conditionalFormats: ConditionalFormatRecord[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }

  ensure(r: number, c: number): Cell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  style(r: number, c: number): CellStyle {
    const cell = this.ensure(r, c);
    if (!cell.s) cell.s = {};
    return cell.s;
  }

  prune(r: number, c: number): void {
    const cell = this.cells.get(key(r, c));
    if (!cell) return;
    if (cell.s && Object.keys(cell.s).length === 0) delete cell.s;
    if (cell.v === undefined && cell.f === undefined && cell.nf === undefined && cell.s === undefined) this.cells.delete(key(r, c));
  }

  /** Cells stored inside a rectangle, without walking a million empty ones. */
  *stored(area: Rect): Generator<[number, number, Cell]> {
    const count = (area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1);
    if (count <= this.cells.size * 4) {
      for (const [r, c] of cellsOf(area)) {
        const cell = this.cells.get(key(r, c));
        if (cell) yield [r, c, cell];
      }
      return;
    }
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1) yield [r, c, cell];
    }
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1);
  }

  /** A cell covered by a merged area other than its top-left one. */
  isCovered(r: number, c: number): boolean {
    const m = this.mergeAt(r, c);
    return m !== undefined && (m.r0 !== r || m.c0 !== c);
  }

  columnWidth(c: number): number {
    return this.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Excel's used range: cells with a value or formula, and (unless valuesOnly) with any formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let out: Rect | null = null;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.v !== undefined || cell.f !== undefined;
      if (!hasValue && (valuesOnly || (cell.nf === undefined && cell.s === undefined))) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      out = out ? { r0: Math.min(out.r0, r), c0: Math.min(out.c0, c), r1: Math.max(out.r1, r), c1: Math.max(out.c1, c) } : rect(r, c, r, c);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// What writing a value does

export type Parsed =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "value"; v: Scalar; quote?: boolean; nf?: string }
  | { kind: "formula"; f: string };

const invalid = (location: string, message?: string) => new HostOfficeError("InvalidArgument", message, location);

/**
 * One entry of a `values` / `formulas` write, interpreted as Excel interprets typed input:
 * null leaves the cell alone, "" clears it, "=…" is a formula, "+…"/"-…" that are not numbers
 * are formulas too (documented for Range.values), "@…" is taken as a formula (Lotus-style entry),
 * "'…" is text without the apostrophe, numeric / percent / boolean / ISO-date / m-d / time text
 * becomes a number or boolean, and a cell formatted "@" (Text) keeps the text as typed.
 */
export function parseInput(raw: unknown, cellFormat: string | undefined, now: Date, location: string): Parsed {
  if (raw === null || raw === undefined) return { kind: "skip" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalid(location);
    return { kind: "value", v: Object.is(raw, -0) ? 0 : raw };
  }
  if (typeof raw === "boolean") return { kind: "value", v: raw };
  if (typeof raw !== "string") throw invalid(location);
  const s = raw;
  if (s === "") return { kind: "clear" };
  if (s[0] === "'") return { kind: "value", v: s.slice(1), quote: true };
  if (cellFormat === "@") return { kind: "value", v: s };
  if (s[0] === "=" && s.length > 1) return { kind: "formula", f: checkFormula(s, location) };
  const num = parseNumberText(s);
  if (num) return num.percent ? { kind: "value", v: num.n, nf: num.decimals > 0 ? "0.00%" : "0%" } : { kind: "value", v: num.n };
  if ((s[0] === "+" || s[0] === "-") && s.length > 1) return { kind: "formula", f: checkFormula(`=${s}`, location) };
  if (s[0] === "@" && s.length > 1) return { kind: "formula", f: checkFormula(`=${s.slice(1)}`, location) };
  const upper = s.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", v: upper === "TRUE" };
  const date = parseDateText(s.trim(), now);
  if (date) return { kind: "value", v: date.serial, nf: date.nf };
  return { kind: "value", v: s };
}

/** A light syntax check: balanced quotes and parentheses, no dangling operator. Excel rejects worse. */
function checkFormula(f: string, location: string): string {
  let depth = 0;
  let inString = false;
  for (let i = 1; i < f.length; i++) {
    const ch = f[i];
    if (inString) {
      if (ch === '"') {
        if (f[i + 1] === '"') i++;
        else inString = false;
      }
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "'") {
      const end = f.indexOf("'", i + 1);
      if (end < 0) throw invalid(location);
      i = end;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) throw invalid(location);
  }
  if (inString || depth !== 0) throw invalid(location);
  if (/[+\-*/^&=<>,(]\s*$/.test(f.slice(1)) && !/^=\s*[<>=]+\s*$/.test(f)) throw invalid(location);
  return f;
}

export function parseNumberText(s: string): { n: number; percent: boolean; decimals: number } | null {
  let t = s.trim();
  if (!t) return null;
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t[0] === "+" || t[0] === "-") {
    if (t[0] === "-") {
      if (negative) return null;
      negative = true;
    }
    t = t.slice(1);
  }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?$/.test(t)) return null;
  const mantissa = t.replace(/[eE].*$/, "");
  if (!/\d/.test(mantissa)) return null;
  let n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  if (negative) n = -n;
  if (percent) n = Number((n / 100).toPrecision(15));
  const decimals = (/\.(\d*)/.exec(mantissa)?.[1] ?? "").length;
  return { n: Object.is(n, -0) ? 0 : n, percent, decimals };
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dateSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - EPOCH) / DAY_MS;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** ISO / slash dates, year-month, month-day of the current year, times — what Excel turns into serials. */
export function parseDateText(t: string, now: Date): { serial: number; nf: string } | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? { serial: dateSerial(y, mo, d), nf: "yyyy/m/d" } : null;
  }
  m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return validDate(y, mo, 1) ? { serial: dateSerial(y, mo, 1), nf: "mmm-yy" } : null;
  }
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    const y = now.getFullYear();
    return validDate(y, mo, d) ? { serial: dateSerial(y, mo, d), nf: "m/d" } : null;
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return null;
    return { serial: (h * 3600 + mi * 60 + s) / 86400, nf: m[3] ? "h:mm:ss" : "h:mm" };
  }
  return null;
}

/** Applies one parsed entry to a cell. Returns true when the cell's content changed. */
export function applyParsed(sheet: SheetModel, r: number, c: number, p: Parsed): boolean {
  if (p.kind === "skip") return false;
  if (sheet.isCovered(r, c)) return false; // the hidden part of a merged area keeps nothing
  const cell = sheet.ensure(r, c);
  const before = `${String(cell.v)}|${String(cell.f)}`;
  delete cell.v;
  delete cell.f;
  delete cell.q;
  if (p.kind === "value") {
    cell.v = p.v;
    if (p.quote) cell.q = true;
    if (p.nf && (cell.nf === undefined || cell.nf === "General")) cell.nf = p.nf;
  } else if (p.kind === "formula") {
    cell.f = p.f;
  }
  sheet.prune(r, c);
  const after = sheet.cell(r, c);
  return before !== `${String(after?.v)}|${String(after?.f)}`;
}

// ---------------------------------------------------------------------------------------------
// Colours

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  pink: "#FFC0CB",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  darkblue: "#00008B",
  navy: "#000080",
  darkgreen: "#006400",
  darkred: "#8B0000",
};

/** "#rrggbb" / "#rgb" / an HTML colour name → "#RRGGBB", as Excel returns it. */
export function normalizeColor(input: unknown, location: string): string {
  if (typeof input !== "string") throw invalid(location);
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`.toUpperCase();
  throw invalid(location);
}

// ---------------------------------------------------------------------------------------------
// Display text (Range.text): an approximation of Excel's number formats

export function displayText(v: Scalar | null | undefined, nf: string | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = nf ?? "General";
  if (fmt === "General" || fmt === "@") return generalNumber(v);
  const sections = splitSections(fmt);
  if (v < 0 && sections.length > 1) return formatSection(sections[1], -v);
  if (v === 0 && sections.length > 2) return formatSection(sections[2], 0);
  const out = formatSection(sections[0], Math.abs(v));
  return v < 0 ? `-${out}` : out;
}

function generalNumber(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e11 || a < 1e-9)) {
    const [m, e] = v.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Token = { lit: string } | { code: string };

function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ lit: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      out.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // [Red], [$-804] …: dropped
    } else if (ch === "_") {
      out.push({ lit: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else out.push({ code: ch });
  }
  return out;
}

function roundHalfUp(n: number, decimals: number): number {
  const s = String(n);
  if (s.includes("e")) return Number(n.toFixed(decimals));
  return Number(`${Math.round(Number(`${s}e${decimals}`))}e-${decimals}`);
}

function formatSection(section: string, n: number): string {
  const tokens = tokenize(section);
  const codes = tokens.map((t) => ("code" in t ? t.code : "")).join("");
  if (/[ymdhs]/i.test(codes) && !/[0#?]/.test(codes)) return formatDate(tokens, n);
  if (codes.includes("@")) return tokens.map((t) => ("lit" in t ? t.lit : t.code === "@" ? generalNumber(n) : t.code)).join("");
  const isPlaceholder = (t: Token) => "code" in t && /[0#?]/.test(t.code);
  const first = tokens.findIndex(isPlaceholder);
  if (first < 0) return tokens.map((t) => ("lit" in t ? t.lit : t.code)).join("");
  let last = first;
  tokens.forEach((t, i) => {
    if (isPlaceholder(t)) last = i;
  });
  const pattern = tokens
    .slice(first, last + 1)
    .map((t) => ("code" in t ? t.code : ""))
    .join("");
  const percent = codes.split("%").length - 1;
  let value = n * Math.pow(100, percent);
  const [intPat, decPat = ""] = pattern.split(".");
  const decimals = (decPat.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPat.match(/0/g) ?? []).length;
  const grouping = intPat.includes(",");
  const minInt = (intPat.match(/0/g) ?? []).length;
  value = roundHalfUp(value, decimals);
  let [intPart, decPart = ""] = value.toFixed(decimals).split(".");
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  while (decPart.length > minDecimals && decPart.endsWith("0")) decPart = decPart.slice(0, -1);
  const number = decPart ? `${intPart}.${decPart}` : decPat !== "" && minDecimals === 0 ? `${intPart}.` : intPart;
  const lit = (ts: Token[]) => ts.map((t) => ("lit" in t ? t.lit : t.code)).join("");
  return lit(tokens.slice(0, first)) + number + lit(tokens.slice(last + 1));
}

function formatDate(tokens: Token[], serial: number): string {
  const ms = EPOCH + Math.round(serial * DAY_MS);
  const d = new Date(ms);
  const parts = {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  let out = "";
  let i = 0;
  let lastWasHour = false;
  const codes = tokens.map((t) => ("code" in t ? t.code.toLowerCase() : "\u0000"));
  while (i < tokens.length) {
    const t = tokens[i];
    if ("lit" in t) {
      out += t.lit;
      i++;
      continue;
    }
    const ch = codes[i];
    let run = 1;
    while (codes[i + run] === ch) run++;
    const pad = (n: number) => (run >= 2 ? String(n).padStart(2, "0") : String(n));
    if (ch === "y") out += run <= 2 ? String(parts.y % 100).padStart(2, "0") : String(parts.y);
    else if (ch === "m") {
      const rest = codes.slice(i + run).find((c) => /[a-z]/.test(c));
      const minutes = lastWasHour || rest === "s";
      if (minutes) out += pad(parts.mi);
      else out += run === 3 ? MONTHS[parts.m - 1] : run > 3 ? MONTHS[parts.m - 1] : pad(parts.m);
    } else if (ch === "d") out += pad(parts.d);
    else if (ch === "h") out += pad(parts.h);
    else if (ch === "s") out += pad(parts.s);
    else out += t.code.repeat(run);
    if (/[a-z]/.test(ch)) lastWasHour = ch === "h";
    i += run;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formula references: rewritten when rows/columns move, sheets are renamed or deleted

interface RefPart {
  colAbs: boolean;
  col: number;
  rowAbs: boolean;
  row: number;
}

export interface RefToken {
  sheet?: string; // as written, unquoted
  a: RefPart;
  b?: RefPart;
}

const REF =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/y;
const IDENT_CHAR = /[A-Za-z0-9_.$\u00C0-\uFFFF]/;

function part(colAbs: string, col: string, rowAbs: string, row: string): RefPart | null {
  let c = 0;
  for (const ch of col.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(row);
  if (c < 1 || c > MAX_COLS || r < 1 || r > MAX_ROWS) return null;
  return { colAbs: colAbs === "$", col: c - 1, rowAbs: rowAbs === "$", row: r - 1 };
}

export function formatPart(p: RefPart): string {
  return `${p.colAbs ? "$" : ""}${columnName(p.col)}${p.rowAbs ? "$" : ""}${p.row + 1}`;
}

/** Rewrites every A1 reference of a formula (outside string literals); `visit` returns the new text or null to keep it. */
export function mapRefs(formula: string, visit: (ref: RefToken, text: string) => string | null): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (!prev || !IDENT_CHAR.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const end = i + m[0].length;
        const next = formula[end] ?? "";
        const a = part(m[3], m[4], m[5], m[6]);
        const b = m[8] ? part(m[7], m[8], m[9], m[10]) : undefined;
        if (a && b !== null && !/[A-Za-z0-9_(.!]/.test(next)) {
          const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
          const token: RefToken = sheet === undefined ? { a } : { sheet, a };
          if (b) token.b = b;
          const replaced = visit(token, m[0]);
          out += replaced ?? m[0];
          i = end;
          continue;
        }
      }
    }
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && (!prev || !IDENT_CHAR.test(prev))) {
      let j = i + 1;
      while (j < formula.length && IDENT_CHAR.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function prefix(ref: RefToken): string {
  return ref.sheet === undefined ? "" : `${quoteSheetName(ref.sheet)}!`;
}

function formatToken(ref: RefToken): string {
  return prefix(ref) + formatPart(ref.a) + (ref.b ? `:${formatPart(ref.b)}` : "");
}

/**
 * Moves references into `target` after inserting (count > 0) or deleting (count < 0) rows or
 * columns at `at`, limited to the band of columns (or rows) the shift covers.
 */
export function shiftRefs(
  formula: string,
  formulaSheet: string,
  target: string,
  axis: "row" | "col",
  at: number,
  count: number,
  band: [number, number],
): string {
  const same = (s: string | undefined) => (s ?? formulaSheet).toLowerCase() === target.toLowerCase();
  const idx = (p: RefPart) => (axis === "row" ? p.row : p.col);
  const cross = (p: RefPart) => (axis === "row" ? p.col : p.row);
  const set = (p: RefPart, v: number): RefPart => (axis === "row" ? { ...p, row: v } : { ...p, col: v });
  return mapRefs(formula, (ref) => {
    if (!same(ref.sheet)) return null;
    const parts = ref.b ? [ref.a, ref.b] : [ref.a];
    if (!parts.every((p) => cross(p) >= band[0] && cross(p) <= band[1])) return null;
    if (count > 0) {
      const moved = parts.map((p) => (idx(p) >= at ? set(p, idx(p) + count) : p));
      return formatToken({ ...ref, a: moved[0], b: moved[1] });
    }
    const n = -count;
    const d0 = at;
    const d1 = at + n - 1;
    if (!ref.b) {
      const i0 = idx(ref.a);
      if (i0 >= d0 && i0 <= d1) return `${prefix(ref)}#REF!`;
      return i0 > d1 ? formatToken({ ...ref, a: set(ref.a, i0 - n) }) : null;
    }
    const lo = Math.min(idx(ref.a), idx(ref.b));
    const hi = Math.max(idx(ref.a), idx(ref.b));
    const nlo = lo < d0 ? lo : lo > d1 ? lo - n : d0;
    const nhi = hi < d0 ? hi : hi > d1 ? hi - n : d0 - 1;
    if (nhi < nlo) return `${prefix(ref)}#REF!`;
    return formatToken({ ...ref, a: set(ref.a, nlo), b: set(ref.b, nhi) });
  });
}

export function renameSheetRefs(formula: string, from: string, to: string): string {
  return mapRefs(formula, (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === from.toLowerCase() ? formatToken({ ...ref, sheet: to }) : null));
}

export function deleteSheetRefs(formula: string, name: string): string {
  return mapRefs(formula, (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === name.toLowerCase() ? "#REF!" : null));
}

// ---------------------------------------------------------------------------------------------
// The workbook

export interface WorkbookOptions {
  now?: () => Date;
}

const INVALID_NAME_CHARS = /[\\/?*[\]:]/;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeId = "";
  private idCounter = 0;
  readonly now: () => Date;

  constructor(options: WorkbookOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  private newId(): string {
    this.idCounter++;
    const hex = this.idCounter.toString(16).toUpperCase().padStart(8, "0");
    return `{${hex}-0001-0000-0000-000000000000}`;
  }

  find(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id.toLowerCase() === lower);
  }

  byName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  active(): SheetModel {
    return this.sheets.find((s) => s.id === this.activeId) ?? this.sheets[0];
  }

  checkName(name: unknown, location: string, self?: SheetModel): string {
    if (typeof name !== "string") throw invalid(location);
    const n = name;
    if (n.length === 0 || n.length > 31 || INVALID_NAME_CHARS.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === "history") {
      throw invalid(location);
    }
    const other = this.byName(n);
    if (other && other !== self) throw new HostOfficeError("ItemAlreadyExists", undefined, location);
    return n;
  }

  defaultName(): string {
    let max = 0;
    for (const s of this.sheets) {
      const m = /^Sheet(\d+)$/i.exec(s.name);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `Sheet${max + 1}`;
  }

  add(name: string | undefined, location = "WorksheetCollection.add"): SheetModel {
    const n = name === undefined || name === null ? this.defaultName() : this.checkName(name, location);
    const sheet = new SheetModel(this.newId(), n);
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  rename(sheet: SheetModel, name: unknown, location = "Worksheet.name"): { from: string; to: string } | null {
    const n = this.checkName(name, location, sheet);
    const from = sheet.name;
    if (from === n) return null;
    sheet.name = n;
    this.rewriteFormulas((f) => renameSheetRefs(f, from, n));
    return { from, to: n };
  }

  remove(sheet: SheetModel, location = "Worksheet.delete"): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) throw new HostOfficeError("InvalidOperation", undefined, location);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    if (this.activeId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? [...this.sheets].reverse().find((s) => s.visibility === "Visible");
      this.activeId = next?.id ?? "";
    }
    this.rewriteFormulas((f) => deleteSheetRefs(f, sheet.name));
  }

  move(sheet: SheetModel, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw invalid(location);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  copy(sheet: SheetModel, position: number): SheetModel {
    const base = sheet.name.replace(/ \(\d+\)$/, "");
    let k = 2;
    let name = "";
    do {
      const suffix = ` (${k++})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    } while (this.byName(name));
    const out = new SheetModel(this.newId(), name);
    for (const [k2, cell] of sheet.cells) {
      out.cells.set(k2, { ...cell, s: cell.s ? { ...cell.s, borders: cell.s.borders ? { ...cell.s.borders } : undefined } : undefined });
      const copied = out.cells.get(k2)!;
      if (copied.s && copied.s.borders === undefined) delete copied.s.borders;
      if (copied.s === undefined) delete copied.s;
    }
    out.merges = sheet.merges.map((m) => ({ ...m }));
    out.colWidths = new Map(sheet.colWidths);
    out.rowHeights = new Map(sheet.rowHeights);
    out.freeze = sheet.freeze ? { ...sheet.freeze } : null;
    out.tabColor = sheet.tabColor;
    out.showGridlines = sheet.showGridlines;
    out.standardWidth = sheet.standardWidth;
    this.sheets.splice(position, 0, out);
    return out;
  }

  rewriteFormulas(fn: (formula: string, sheet: SheetModel) => string): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.f) cell.f = fn(cell.f, s);
    }
  }

  /** Merges a rectangle (Excel keeps the top-left value only); existing merges inside it are absorbed. */
  merge(sheet: SheetModel, area: Rect, across: boolean, location = "Range.merge"): void {
    const targets: Rect[] = [];
    if (across) for (let r = area.r0; r <= area.r1; r++) targets.push(rect(r, area.c0, r, area.c1));
    else targets.push(area);
    for (const t of targets) {
      if (t.r0 === t.r1 && t.c0 === t.c1) continue;
      for (const m of sheet.merges) if (intersects(m, t) && !contains(t, m)) throw new HostOfficeError("MergedRangeConflict", undefined, location);
    }
    for (const t of targets) {
      if (t.r0 === t.r1 && t.c0 === t.c1) continue;
      sheet.merges = sheet.merges.filter((m) => !contains(t, m));
      for (const [r, c] of cellsOf(t)) {
        if (r === t.r0 && c === t.c0) continue;
        const cell = sheet.cell(r, c);
        if (cell) {
          delete cell.v;
          delete cell.f;
          delete cell.q;
          sheet.prune(r, c);
        }
      }
      sheet.merges.push({ ...t });
    }
  }

  unmerge(sheet: SheetModel, area: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
  }

  /**
   * Inserts (count > 0) or deletes (count < 0) rows ("row") or columns ("col") of a band: cells,
   * merges, heights/widths and every formula that refers to the moved cells follow.
   */
  shift(sheet: SheetModel, axis: "row" | "col", at: number, count: number, band: [number, number], location: string): void {
    const whole = axis === "row" ? band[0] === 0 && band[1] === MAX_COLS - 1 : band[0] === 0 && band[1] === MAX_ROWS - 1;
    const idx = (r: number, c: number) => (axis === "row" ? r : c);
    const cross = (r: number, c: number) => (axis === "row" ? c : r);
    const n = Math.abs(count);
    const limit = axis === "row" ? MAX_ROWS : MAX_COLS;
    // merges first: they decide whether the shift is allowed
    const merges: Rect[] = [];
    for (const m of sheet.merges) {
      const [lo, hi] = axis === "row" ? [m.r0, m.r1] : [m.c0, m.c1];
      const [clo, chi] = axis === "row" ? [m.c0, m.c1] : [m.r0, m.r1];
      const inside = clo >= band[0] && chi <= band[1];
      const outside = chi < band[0] || clo > band[1];
      if (outside || hi < at) {
        merges.push(m);
        continue;
      }
      if (!inside) throw new HostOfficeError("InsertDeleteConflict", undefined, location);
      const setAxis = (a: number, b: number): Rect => (axis === "row" ? { ...m, r0: a, r1: b } : { ...m, c0: a, c1: b });
      if (count > 0) {
        if (lo >= at) merges.push(setAxis(lo + n, hi + n));
        else if (whole) merges.push(setAxis(lo, hi + n));
        else throw new HostOfficeError("InsertDeleteConflict", undefined, location);
      } else {
        const d1 = at + n - 1;
        if (lo > d1) merges.push(setAxis(lo - n, hi - n));
        else if (lo >= at && hi <= d1) continue; // deleted with its cells
        else if (whole) {
          const nlo = lo < at ? lo : at;
          const nhi = hi > d1 ? hi - n : at - 1;
          if (nhi > nlo || (axis === "row" ? m.c1 > m.c0 : m.r1 > m.r0)) merges.push(setAxis(nlo, nhi));
        } else throw new HostOfficeError("InsertDeleteConflict", undefined, location);
      }
    }
    sheet.merges = merges;
    const moved = new Map<number, Cell>();
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      const x = cross(r, c);
      const i = idx(r, c);
      if (x < band[0] || x > band[1] || i < at) {
        moved.set(k, cell);
        continue;
      }
      let ni: number;
      if (count > 0) ni = i + n;
      else if (i < at + n) continue;
      else ni = i - n;
      if (ni >= limit) continue;
      const nr = axis === "row" ? ni : r;
      const nc = axis === "row" ? c : ni;
      moved.set(key(nr, nc), cell);
    }
    sheet.cells = moved;
    if (whole) {
      const sizes = axis === "row" ? sheet.rowHeights : sheet.colWidths;
      const next = new Map<number, number>();
      for (const [i, v] of sizes) {
        if (i < at) next.set(i, v);
        else if (count > 0) {
          if (i + n < limit) next.set(i + n, v);
        } else if (i >= at + n) next.set(i - n, v);
      }
      if (axis === "row") sheet.rowHeights = next;
      else sheet.colWidths = next;
    }
    this.rewriteFormulas((f, s) => shiftRefs(f, s.name, sheet.name, axis, at, count, band));
  }
}
