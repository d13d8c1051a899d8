/**
 * Amount parsing: one cell value → a decimal, or a typed failure that says
 * what was expected. Accountants type figures as numbers, as text with
 * thousands separators or stray spaces (PDF copies: "1, 227. 61"), in
 * full-width characters (１２３．４５), as percentages, or leave
 * placeholders (××) from the template. Nothing here guesses a zero.
 */
import { D, type Dec } from "./decimal";

export type Parsed =
  /**
   * `decimals`: digits after the point as written, in the written unit (85.23% → 2). `asNumber`: the value as the
   * double whose shortest text it is (12.5; "85.23%" → 0.8523), for the exact integer paths of src/core/exact.ts;
   * null when no double reads back as the value (more than 17 significant digits).
   */
  | { kind: "number"; value: Dec; percent: boolean; decimals: number; asNumber: number | null }
  | { kind: "missing" }
  | { kind: "placeholder"; text: string }
  | { kind: "invalid"; text: string; message: string };

/** Full-width digits and punctuation → ASCII. */
export function toHalfWidth(text: string): string {
  // Most texts hold none of the characters below: returned as they are, without a copy built character by character.
  if (!/[\uff01-\uff5e\u3000。、−﹪═]/.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += halfWidth(ch);
  }
  return out;
}

// The table is a switch rather than a module-level object so that mutation testing (issue 14) attributes each
// entry to the tests that read it instead of running every test for it.
function halfWidth(ch: string): string {
  switch (ch) {
    case "．":
    case "。":
      return ".";
    case "，":
    case "、":
      return ",";
    case "％":
    case "﹪":
      return "%";
    case "－":
    case "−":
      return "-";
    case "＋":
      return "+";
    case "　":
      return " ";
    case "／":
      return "/";
    case "Ｘ":
      return "X";
    case "ｘ":
      return "x";
    // Comparison signs as printed in published forms (full-width, and the box-drawing ═ of some typesetting tools).
    case "＞":
      return ">";
    case "＜":
      return "<";
    case "＝":
    case "═":
      return "=";
    default:
      return ch;
  }
}

// The regular expressions below are written where they are used, not as module constants, for the same reason
// as halfWidth's switch (mutation testing); a regex literal costs no compilation after its first use.

/**
 * Texts that mean "none / not applicable" in a published form: a dash, a slash, 无, 不适用, an ellipsis row.
 * They are answers, not unreplaced template placeholders (INPUT.PLACEHOLDER skips them). Spaces are ignored
 * (\s includes the full-width space); a blank text is not an answer (every alternative needs a character).
 */
export function isNotApplicable(text: string): boolean {
  const t = text.replace(/\s/g, "");
  return /^(?:[—–\-－─]+|[/／\\]+|…+|\.{3,}|。{3,}|无|暂无|无此项|不适用|不涉及|N\/?A)$/i.test(t);
}

/**
 * Template placeholders: ××, XX, —, -, /, and texts built around ×× ("××分", "××专项资金"). A first test for any
 * character a placeholder is made of rejects most texts at once; the rest are read half-width (ＸＸ → XX).
 */
export function isPlaceholder(text: string): boolean {
  if (!/[×xX*＊—–\-/\\_…·.○Ｘｘ－／．]/.test(text)) return false;
  const t = toHalfWidth(text).replace(/\s/g, "");
  return /^[×xX*＊—–\-/\\_…·.]+$/.test(t) || /××|XX|xx|○○|＊＊/.test(t);
}

/** What an amount cell expects, for messages. */
export const EXPECTED_AMOUNT = "数字（万元，最多两位小数），如 1227.61";

/**
 * Parses one cell value as a number.
 * `cellValue` is whatever a host gives: number, string, boolean, null, a Date, an error text.
 */
export function parseAmount(cellValue: unknown): Parsed {
  if (cellValue === null || cellValue === undefined) return { kind: "missing" };
  if (typeof cellValue === "number") {
    if (!Number.isFinite(cellValue)) {
      return { kind: "invalid", text: String(cellValue), message: `不是有效数字（${String(cellValue)}），应为${EXPECTED_AMOUNT}` };
    }
    // String(n) is the shortest text that round-trips the double: 0.1 → "0.1", not 0.1000000000000000055…
    const value = new D(String(cellValue));
    // -0 is the value 0 ("0"): held as 0.
    return { kind: "number", value, percent: false, decimals: decimalsOf(String(cellValue)), asNumber: cellValue + 0 };
  }
  if (typeof cellValue === "boolean") {
    return { kind: "invalid", text: cellValue ? "TRUE" : "FALSE", message: `是逻辑值（${cellValue ? "TRUE" : "FALSE"}），应为${EXPECTED_AMOUNT}` };
  }
  if (typeof cellValue !== "string") {
    const text = describe(cellValue);
    return { kind: "invalid", text, message: `不是数字（${text}），应为${EXPECTED_AMOUNT}` };
  }
  const original = cellValue;
  const compact = toHalfWidth(original).replace(/\s/g, "");
  if (compact === "") return { kind: "missing" };
  if (isPlaceholder(compact)) return { kind: "placeholder", text: original.trim() };
  if (/^#[A-Z0-9/!?]/i.test(compact)) {
    return { kind: "invalid", text: original.trim(), message: `是错误值（${compact}），应为${EXPECTED_AMOUNT}` };
  }
  // A trailing 万元 is the expected unit and harmless; a bare 元 is a different unit.
  let body = compact.replace(/万元$/, "");
  if (/[^万]元$/.test(body)) {
    return { kind: "invalid", text: original.trim(), message: `「${original.trim()}」以元为单位，应换算为万元填写` };
  }
  if (body.includes(",")) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(body)) return invalid(original);
    body = body.replace(/,/g, "");
  }
  const m = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(body);
  if (!m) return invalid(original);
  const [, sign, digits, pct] = m;
  let value = new D(sign + digits);
  const percent = pct === "%";
  if (percent) value = value.dividedBy(100);
  return { kind: "number", value, percent, decimals: decimalsOf(digits), asNumber: asNumber(value) };
}

/** The double whose shortest text is the decimal's, or null when there is none. */
function asNumber(value: Dec): number | null {
  const text = value.toString();
  const n = Number(text) + 0;
  return String(n) === text ? n : null;
}

function invalid(original: string): Parsed {
  const text = original.trim();
  return { kind: "invalid", text, message: `「${text}」不是数字，应为${EXPECTED_AMOUNT}` };
}

function decimalsOf(digits: string): number {
  if (/e/i.test(digits)) return new D(digits).decimalPlaces();
  const dot = digits.indexOf(".");
  return dot < 0 ? 0 : digits.length - dot - 1;
}

function describe(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "无效日期" : `日期 ${v.toISOString().slice(0, 10)}`;
  if (Array.isArray(v)) return "多个单元格";
  if (typeof v === "object") return "对象";
  return String(v);
}

/** Shortcut for code that only wants a number or nothing. */
export function amountOrNull(cellValue: unknown): Dec | null {
  const p = parseAmount(cellValue);
  return p.kind === "number" ? p.value : null;
}
