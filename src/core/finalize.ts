/**
 * "Finalize for submission": every JX call in a formula becomes its native
 * equivalent, so the workbook computes in Excel without the add-in, in WPS
 * and in LibreOffice. A formula calling a JX function that has no native
 * twin (AMOUNT's parser, SCORE's text reading, CHANGETEXT) is replaced by its
 * value instead.
 */
import type { GradeScheme } from "./calc";
import { HUNAN_2024, PRESETS, type Preset } from "./preset";
import type { FormulaDef } from "./template/types";

export type Finalized = { kind: "unchanged" } | { kind: "native"; formula: string } | { kind: "value"; reason: string };

/** Splits the argument list of a call starting after "(" at `start`; returns the args and the index after ")". */
function splitArgs(text: string, start: number): { args: string[]; end: number } | null {
  const args: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // A string literal, or a quoted sheet name ('项目(1)'!B3, 'a,b'!B3): commas and parentheses inside
      // belong to it. A doubled quote inside is an escaped one: keep scanning.
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return null;
      let j = close;
      while (j >= 0 && text[j + 1] === ch) j = text.indexOf(ch, j + 2);
      if (j < 0) return null;
      cur += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") {
      if (depth === 0) {
        args.push(cur.trim());
        return { args: args.length === 1 && args[0] === "" ? [] : args, end: i + 1 };
      }
      depth--;
    }
    if (ch === "," && depth === 0) {
      args.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  return null;
}

const p = (x: string) => `(${x})`;

/** Native twins of the JX functions; null where there is none. */
function nativeOf(name: string, args: string[], preset: Preset): string | null {
  const [a, b, c] = args;
  switch (name) {
    case "RATE":
    case "SHARE":
      return args.length === 2 ? `ROUND(${p(a)}/${p(b)},4)` : null;
    case "CHANGE":
      // A zero base is 无可比 (#N/A) in JX.CHANGE, not #DIV/0!.
      return args.length === 2 ? `IF(${p(b)}=0,NA(),ROUND((${p(a)}-${p(b)})/ABS(${p(b)}),4))` : null;
    case "EXECSCORE": {
      if (args.length < 2 || args.length > 3) return null;
      // A blank 分值 cell takes the preset's weight, as in JX.EXECSCORE.
      const w = !c ? String(preset.weights.execution) : /^\d+(\.\d+)?$/.test(c) ? c : `IF(${p(c)}="",${preset.weights.execution},${p(c)})`;
      const s = preset.executionScoring;
      if (s.kind === "proportional") return `ROUND(MIN(${p(a)}/${p(b)},1)*${w},2)`;
      // Points short, rounded to 12 decimals: enough to absorb binary noise ((1−0.85)×100 = 15.000000000000002),
      // too fine to merge a real shortfall of 14.99999975 (170000.06 ÷ 200000.07) into a full step.
      return `ROUND(MAX(0,${w}-INT(ROUND((1-MIN(${p(a)}/${p(b)},1))*100,12)/${s.stepPercent})*${s.deduct}),2)`;
    }
    case "GRADE": {
      if (args.length < 1 || args.length > 2) return null;
      let scheme = preset.grades;
      if (args.length === 2 && args[1] !== "") {
        const m = /^"([^"]*)"$/.exec(args[1]);
        const found = m && PRESETS.find((x) => x.grades.id === m[1] || x.id === m[1]);
        if (!found) return null;
        scheme = found.grades;
      }
      return nativeGradeFormula(p(a), scheme);
    }
    case "SUMCHECK": {
      if (args.length < 2) return null;
      const diff = `ABS(ROUND(${a},2)-ROUND(SUM(${args.slice(1).join(",")}),2))`;
      return `IF(ROUND(${diff},2)=0,"✓",IF(ROUND(${diff},2)<=${preset.tolerances.roundingDiff},"尾数差 "&TEXT(${diff},"0.00"),"差 "&TEXT(${diff},"0.00")))`;
    }
    case "SCORECHECK": {
      if (args.length < 2 || args.length > 3) return null;
      const reason = c && c !== "" ? c : '""';
      return `IF(${p(a)}<0,"得分为负",IF(${p(a)}>${p(b)},"超出分值",IF(AND(${p(a)}<${p(b)},TRIM(${reason})=""),"扣分须填写偏差原因","✓")))`;
    }
    default:
      return null; // AMOUNT, CHANGETEXT, SCORE: only the add-in can compute them
  }
}

const JX_CALL = /(?<![\w.])JX\.([A-Z]+)\s*\(/gi;

/**
 * Every spelling under which a file may store a call of the add-in's functions: "JX.RATE(" as typed,
 * "_xldudf_JX_RATE(" / "_xldudf_JX.RATE(" (Excel's prefix for user-defined functions it does not know),
 * each possibly behind "_xlfn." or "_xlws.", in any letter case.
 */
const JX_SPELLING = /(?<![\w.])(?:_xl(?:fn|ws)\.)*(?:_xldudf_JX[._]|JX\.)([A-Za-z]+)(?=\s*\()/gi;

/** Applies `edit` to the parts of a formula outside string literals ("…") and quoted sheet names ('…'). */
function outsideLiterals(formula: string, edit: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    let q = i;
    while (q < formula.length && formula[q] !== '"' && formula[q] !== "'") q++;
    out += edit(formula.slice(i, q));
    if (q >= formula.length) break;
    const ch = formula[q];
    let j = q + 1;
    for (;;) {
      const close = formula.indexOf(ch, j);
      if (close < 0) {
        j = formula.length;
        break;
      }
      if (formula[close + 1] === ch) {
        j = close + 2; // a doubled quote is an escaped one
        continue;
      }
      j = close + 1;
      break;
    }
    out += formula.slice(q, j);
    i = j;
  }
  return out;
}

/** The formula with every stored spelling of a JX call written as "JX.NAME(" (upper case). */
export function normalizeJxCalls(formula: string): string {
  return outsideLiterals(formula, (code) => code.replace(JX_SPELLING, (_m, name: string) => `JX.${name.toUpperCase()}`));
}

/** Whether a formula (with or without "=") calls a JX function, in any spelling a file may hold. */
export function callsJx(formula: string): boolean {
  let found = false;
  outsideLiterals(formula, (code) => {
    JX_SPELLING.lastIndex = 0;
    if (JX_SPELLING.test(code)) found = true;
    return code;
  });
  return found;
}

/** Rewrites every JX call of a formula ("=IF(B3=\"\",\"\",JX.RATE(D3,B3))") into native functions. */
export function finalizeFormula(formula: string, preset: Preset = HUNAN_2024): Finalized {
  if (!callsJx(formula)) return { kind: "unchanged" };
  formula = normalizeJxCalls(formula);
  let out = "";
  let i = 0;
  JX_CALL.lastIndex = 0;
  for (;;) {
    JX_CALL.lastIndex = i;
    const m = JX_CALL.exec(formula);
    if (!m) break;
    // Skip matches inside string literals: count quotes before the match.
    const before = formula.slice(0, m.index);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1) {
      out += formula.slice(i, m.index + m[0].length);
      i = m.index + m[0].length;
      continue;
    }
    const split = splitArgs(formula, m.index + m[0].length);
    if (!split) return { kind: "value", reason: "公式括号不完整" };
    // Arguments may hold JX calls themselves.
    const args: string[] = [];
    for (const arg of split.args) {
      const inner = finalizeFormula(`=${arg}`, preset);
      if (inner.kind === "value") return inner;
      args.push(inner.kind === "native" ? inner.formula.slice(1) : arg);
    }
    const name = m[1].toUpperCase();
    const native = nativeOf(name, args, preset);
    if (native === null) return { kind: "value", reason: `JX.${name} 没有等价的内置函数` };
    out += formula.slice(i, m.index) + native;
    i = split.end;
  }
  out += formula.slice(i);
  return { kind: "native", formula: out };
}

/** Nested IF for a grade scheme over a cell: the native twin of JX.GRADE. */
export function nativeGradeFormula(cell: string, scheme: GradeScheme): string {
  const bands = scheme.bands;
  let expr = `"${bands[bands.length - 1].name}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    const b = bands[i];
    expr = `IF(${cell}${b.exclusive ? ">" : ">="}${b.min},"${b.name}",${expr})`;
  }
  return `IF(${cell}="","",${expr})`;
}

/**
 * A computed cell's two flavours from its JX formula: the native one is its finalized form,
 * so the two cannot drift apart.
 */
export function twin(jx: string, preset: Preset): FormulaDef {
  const f = finalizeFormula(jx, preset);
  if (f.kind === "value") throw new Error(`模板公式没有等价的内置函数：${jx}（${f.reason}）`);
  return { jx, native: f.kind === "native" ? f.formula : jx };
}

// ---------------------------------------------------------------- references in a formula

/** One reference of a formula: a sheet (null = the formula's own sheet) and a rectangle, rows and columns from 0. */
export interface FormulaRef {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// A1 cell references not part of a name or a function call ("LOG10(" is a function), optionally sheet-qualified
// ('项目(1)'!B3, Sheet1!B3) and optionally a range (B3:B9).
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.]+))!`;
const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})`;
const REF = new RegExp(String.raw`(?<![\p{L}\p{N}_.$!':])(?:${SHEET})?${CELL}(?::${CELL})?(?![\p{L}\p{N}_(!])`, "gu");

function eachRef(code: string, fn: (m: RegExpExecArray) => string): string {
  return code.replace(REF, (...args) => {
    const m = args.slice(0, -2) as unknown as RegExpExecArray;
    return fn(m);
  });
}

/**
 * The cell references of a formula (A1 style: B3, $B$3, B3:D9, Sheet!B3, '项目(1)'!B3:B9). Names, whole
 * rows/columns and R1C1 are not references here: the caller treats such a formula conservatively.
 */
export function formulaRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  outsideLiterals(formula.replace(/^=/, ""), (code) => {
    // A quoted sheet name is a literal for outsideLiterals: glue "'name'!" back by scanning the raw formula below.
    eachRef(code, (m) => {
      const sheet = m[2] ?? null;
      const r1 = Number(m[6]) - 1;
      const c1 = colIndex(m[4]);
      const r2 = m[10] ? Number(m[10]) - 1 : r1;
      const c2 = m[8] ? colIndex(m[8]) : c1;
      if (r1 <= MAX_ROW && c1 <= MAX_COL && r2 <= MAX_ROW && c2 <= MAX_COL) {
        refs.push({ sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
      }
      return m[0];
    });
    return code;
  });
  // References behind a quoted sheet name ('项目(1)'!B3:B9).
  const quoted = new RegExp(String.raw`'((?:[^']|'')+)'!${CELL}(?::${CELL})?`, "gu");
  for (const m of formula.matchAll(quoted)) {
    const r1 = Number(m[5]) - 1;
    const c1 = colIndex(m[3]);
    const r2 = m[9] ? Number(m[9]) - 1 : r1;
    const c2 = m[7] ? colIndex(m[7]) : c1;
    refs.push({ sheet: m[1].replace(/''/g, "'"), top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  return refs;
}

/**
 * A shared formula's text moved from its master cell by `rows` and `cols` (what Excel does for the other
 * cells of a filled-down group): relative references move, $-anchored parts stay. Returns null when a
 * reference would leave the sheet.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string | null {
  let outOfSheet = false;
  const move = (dc: string, col: string, dr: string, row: string): string => {
    const c = dc ? colIndex(col) : colIndex(col) + cols;
    const r = dr ? Number(row) - 1 : Number(row) - 1 + rows;
    if (c < 0 || r < 0 || c > MAX_COL || r > MAX_ROW) outOfSheet = true;
    return `${dc}${dc ? col.toUpperCase() : colLetters(c)}${dr}${r + 1}`;
  };
  const shifted = outsideLiterals(formula, (code) =>
    eachRef(code, (m) => {
      const sheet = m[2] ? `${m[2]}!` : "";
      const a = move(m[3], m[4], m[5], m[6]);
      const b = m[8] ? `:${move(m[7], m[8], m[9], m[10])}` : "";
      return sheet + a + b;
    }),
  );
  // References behind a quoted sheet name: the quote is a literal above, the reference follows it.
  const quoted = new RegExp(String.raw`('(?:[^']|'')+'!)${CELL}(?::${CELL})?`, "gu");
  const out = shifted.replace(quoted, (_m, sheet: string, d1: string, c1: string, r1d: string, r1: string, d2?: string, c2?: string, r2d?: string, r2?: string) => {
    return sheet + move(d1, c1, r1d, r1) + (c2 ? `:${move(d2 ?? "", c2, r2d ?? "", r2 ?? "")}` : "");
  });
  return outOfSheet ? null : out;
}
