/**
 * A tiny spreadsheet formula evaluator for the subset that finalize produces and the templates use:
 * numbers, strings, cell references and ranges, + - * / & and comparisons, and the functions ROUND,
 * MIN, MAX, ABS, INT, IF, OR, AND, SUM, TRIM, TEXT(x,"0.00"), NA, plus JX.* calls handed to a callback.
 *
 * It follows Excel's rules where they matter here: arithmetic on binary doubles; a blank cell is 0 in
 * arithmetic and "" in comparisons with text; numeric text is coerced by operators; SUM, MIN, MAX,
 * AND and OR skip text and blanks inside references; errors propagate. ROUND and TEXT round half away
 * from zero on the decimal the cell shows — the double read to 15 significant digits, as Excel and
 * LibreOffice both do (so ROUND(2.675, 2) = 2.68 and float noise like 0.28499999999999998 reads 0.285).
 */
import { D } from "../../src/core/decimal";

export interface CellError {
  error: "#DIV/0!" | "#VALUE!" | "#N/A" | "#NUM!" | "#NAME?" | "#REF!";
}
export type Scalar = number | string | boolean | null | CellError; // null: a blank cell
export type Cells = Record<string, number | string | boolean | null | undefined>;
/** A JX.* call: its upper-case name and its arguments as a custom function receives them (ranges as 2-D arrays, blanks as null). */
export type JxHook = (name: string, args: unknown[]) => Scalar;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; from: [number, number]; to: [number, number] }
  | { t: "call"; name: string; args: Node[] }
  | { t: "neg"; e: Node }
  | { t: "bin"; op: string; l: Node; r: Node };

export const isError = (v: unknown): v is CellError => typeof v === "object" && v !== null && "error" in v;
const err = (error: CellError["error"]): CellError => ({ error });

// ---------------------------------------------------------------- parsing

type Token = { k: "num" | "str" | "ref" | "name" | "op"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: "str", v: s });
      continue;
    }
    const rest = src.slice(i);
    const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(])/.exec(rest);
    if (ref) {
      out.push({ k: "ref", v: ref[0].replace(/\$/g, "") });
      i += ref[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ k: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out.push({ k: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>(),])/.exec(rest);
    if (!op) throw new Error(`unexpected ${ch} in ${src}`);
    out.push({ k: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

function cellPos(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad reference ${a1}`);
  return [Number(m[2]), colNumber(m[1])];
}

function parse(src: string): Node {
  const toks = tokenize(src.replace(/^=/, ""));
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => peek()?.k === "op" && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${pos} of ${src}`);
    pos++;
  };

  // Excel precedence, lowest first: comparison, &, + -, * /, unary minus.
  function comparison(): Node {
    let l = concat();
    while (peek()?.k === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek().v)) {
      const op = toks[pos++].v;
      l = { t: "bin", op, l, r: concat() };
    }
    return l;
  }
  function concat(): Node {
    let l = additive();
    while (isOp("&")) {
      pos++;
      l = { t: "bin", op: "&", l, r: additive() };
    }
    return l;
  }
  function additive(): Node {
    let l = multiplicative();
    while (isOp("+") || isOp("-")) {
      const op = toks[pos++].v;
      l = { t: "bin", op, l, r: multiplicative() };
    }
    return l;
  }
  function multiplicative(): Node {
    let l = unary();
    while (isOp("*") || isOp("/")) {
      const op = toks[pos++].v;
      l = { t: "bin", op, l, r: unary() };
    }
    return l;
  }
  function unary(): Node {
    if (isOp("-")) {
      pos++;
      return { t: "neg", e: unary() };
    }
    if (isOp("+")) {
      pos++;
      return unary();
    }
    return primary();
  }
  function primary(): Node {
    const tok = toks[pos++];
    if (!tok) throw new Error(`unexpected end of ${src}`);
    if (tok.k === "num") return { t: "num", v: Number(tok.v) };
    if (tok.k === "str") return { t: "str", v: tok.v };
    if (tok.k === "ref") {
      const [a, b] = tok.v.split(":");
      return { t: "ref", from: cellPos(a), to: cellPos(b ?? a) };
    }
    if (tok.k === "name") {
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        for (;;) {
          args.push(comparison());
          if (isOp(",")) {
            pos++;
            continue;
          }
          break;
        }
      }
      expect(")");
      return { t: "call", name: tok.v, args };
    }
    if (tok.v === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    throw new Error(`unexpected ${tok.v} in ${src}`);
  }

  const tree = comparison();
  if (pos !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return tree;
}

// ---------------------------------------------------------------- coercion

/** The decimal a double shows: its 15 significant digits, as Excel and LibreOffice read it before rounding. */
function shown(x: number) {
  return new D(x.toPrecision(15));
}

function toNumber(v: Scalar): number | CellError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const t = v.trim();
  if (t === "" || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(t)) return err("#VALUE!");
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

function toText(v: Scalar): string | CellError {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function toBool(v: Scalar): boolean | CellError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return err("#VALUE!");
}

/** Excel's comparison: blanks take the other side's type; numbers < texts < logicals; texts case-insensitive. */
function compare(a: Scalar, b: Scalar): number | CellError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: Scalar): Scalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  if (a === null) a = blankAs(b);
  if (b === null) b = blankAs(a);
  const rank = (x: Scalar) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------- evaluation

export function evaluate(formula: string, cells: Cells, jx?: JxHook): Scalar {
  const cell = (r: number, c: number): Scalar => {
    let name = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    const v = cells[`${name}${r}`];
    return v === undefined ? null : v;
  };
  const range = (n: Extract<Node, { t: "ref" }>): Scalar[][] => {
    const rows: Scalar[][] = [];
    for (let r = n.from[0]; r <= n.to[0]; r++) {
      const row: Scalar[] = [];
      for (let c = n.from[1]; c <= n.to[1]; c++) row.push(cell(r, c));
      rows.push(row);
    }
    return rows;
  };

  /** A value; a reference to one cell is its value, to several cells #VALUE! (no implicit intersection here). */
  function value(n: Node): Scalar {
    switch (n.t) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "ref": {
        const cells2 = range(n);
        return cells2.length === 1 && cells2[0].length === 1 ? cells2[0][0] : err("#VALUE!");
      }
      case "neg": {
        const x = toNumber(value(n.e));
        return isError(x) ? x : -x;
      }
      case "bin":
        return binary(n.op, value(n.l), value(n.r));
      case "call":
        return call(n.name, n.args);
    }
  }

  function binary(op: string, l: Scalar, r: Scalar): Scalar {
    if (op === "&") {
      const a = toText(l);
      if (isError(a)) return a;
      const b = toText(r);
      return isError(b) ? b : a + b;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(l, r);
      if (isError(c)) return c;
      return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    const a = toNumber(l);
    if (isError(a)) return a;
    const b = toNumber(r);
    if (isError(b)) return b;
    if (op === "+") return a + b;
    if (op === "-") return a - b;
    if (op === "*") return a * b;
    if (b === 0) return err("#DIV/0!");
    return a / b;
  }

  /** Numbers from arguments as SUM / MIN / MAX take them: references skip text and blanks, direct values are coerced. */
  function numbersOf(args: Node[]): number[] | CellError {
    const xs: number[] = [];
    for (const a of args) {
      if (a.t === "ref") {
        for (const row of range(a))
          for (const v of row) {
            if (isError(v)) return v;
            if (typeof v === "number") xs.push(v);
          }
        continue;
      }
      const x = toNumber(value(a));
      if (isError(x)) return x;
      xs.push(x);
    }
    return xs;
  }

  function logicalsOf(args: Node[]): boolean[] | CellError {
    const xs: boolean[] = [];
    for (const a of args) {
      if (a.t === "ref" && (a.from[0] !== a.to[0] || a.from[1] !== a.to[1])) {
        for (const row of range(a))
          for (const v of row) {
            if (isError(v)) return v;
            if (typeof v === "number" || typeof v === "boolean") xs.push(Boolean(v));
          }
        continue;
      }
      const b = toBool(value(a));
      if (isError(b)) return b;
      xs.push(b);
    }
    return xs;
  }

  function call(name: string, args: Node[]): Scalar {
    if (name.startsWith("JX.")) {
      if (!jx) return err("#NAME?");
      // A custom function receives each argument's value; a reference to several cells as a 2-D array.
      const vals = args.map((a) => (a.t === "ref" && (a.from[0] !== a.to[0] || a.from[1] !== a.to[1]) ? range(a) : value(a)));
      const bad = vals.find((v) => isError(v));
      if (bad) return bad as CellError; // an error argument propagates, as into a native function
      return jx(name.slice(3), vals);
    }
    const num = (i: number) => toNumber(value(args[i]));
    switch (name) {
      case "ROUND": {
        const x = num(0);
        if (isError(x)) return x;
        const dp = num(1);
        if (isError(dp)) return dp;
        return shown(x).toDecimalPlaces(Math.trunc(dp), D.ROUND_HALF_UP).toNumber();
      }
      case "ABS": {
        const x = num(0);
        return isError(x) ? x : Math.abs(x);
      }
      case "INT": {
        const x = num(0);
        return isError(x) ? x : Math.floor(x);
      }
      case "MIN":
      case "MAX":
      case "SUM": {
        const xs = numbersOf(args);
        if (isError(xs)) return xs;
        if (name === "SUM") return xs.reduce((s, x) => s + x, 0);
        if (xs.length === 0) return 0;
        return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "IF": {
        const c = toBool(value(args[0]));
        if (isError(c)) return c;
        if (c) return value(args[1]);
        return args.length > 2 ? value(args[2]) : false;
      }
      case "OR":
      case "AND": {
        const xs = logicalsOf(args);
        if (isError(xs)) return xs;
        return name === "OR" ? xs.some(Boolean) : xs.every(Boolean);
      }
      case "TRIM": {
        const s = toText(value(args[0]));
        return isError(s) ? s : s.replace(/ +/g, " ").trim();
      }
      case "TEXT": {
        const x = num(0);
        if (isError(x)) return x;
        const fmt = value(args[1]);
        if (fmt !== "0.00") throw new Error(`TEXT format ${String(fmt)} not supported here`);
        return shown(x).toFixed(2, D.ROUND_HALF_UP);
      }
      case "NA":
        return err("#N/A");
      default:
        throw new Error(`function ${name} not supported by the test evaluator`);
    }
  }

  return value(parse(formula));
}
