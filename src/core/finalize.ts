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

const JX_CALL = /JX\.([A-Z]+)\s*\(/gi;

/** Rewrites every JX call of a formula ("=IF(B3=\"\",\"\",JX.RATE(D3,B3))") into native functions. */
export function finalizeFormula(formula: string, preset: Preset = HUNAN_2024): Finalized {
  if (!/JX\./i.test(formula)) return { kind: "unchanged" };
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
