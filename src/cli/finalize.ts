/**
 * `jixiao finalize IN OUT`: a surgical edit of the .xlsx package. Only cells whose formula calls a JX
 * function change: their formula becomes the native twin (the cached result stays), or, where there is
 * no twin or the twin would show something else, the cell keeps its cached value as a plain value.
 * Every other part of the package is copied byte for byte (zip.ts), and inside the changed sheet parts
 * only those cells' spans are rewritten (ooxml.ts); no spreadsheet model is involved, so charts, pivots,
 * macros, names, protection, comments and anything unknown survive.
 */
import * as path from "node:path";
import { amountOrNull, callsJx, cellAddress, finalizeFormula, formulaRefs, HUNAN_2024, shiftFormula, type Preset } from "../core";
import { writeFileAtomic } from "./atomic";
import { CliError, InputError } from "./errors";
import { assertWellFormed, attrByLocal, attrs, escapeXmlText, scanTags, sharedStrings, unescapeXml, type Tag } from "./ooxml";
import { LIMITS, readInputFile } from "./limits";
import { findEntry, openZip, readEntry, rewriteZip, ZipError, type ZipPackage } from "./zip";
import { sniffWorkbook } from "./sniff";

export interface FinalizeReport {
  /** JX formulas rewritten as native formulas. */
  native: number;
  /** JX formulas replaced by their cached value, with why. */
  values: { sheet: string; cell: string; reason: string }[];
  /** JX formulas left as they were (no cached value to keep), with why: the file still needs the add-in there. */
  kept: { sheet: string; cell: string; reason: string }[];
  /** Other formulas (not touched). */
  unchanged: number;
  /** Parts of the package that were rewritten (the others are byte-identical). */
  changedParts: string[];
  /** What else the user should know (calcChain entries removed, names calling JX…). */
  notes: string[];
}

type Scalar = number | string | boolean | null;

interface CellSpan {
  row: number;
  col: number;
  open: Tag;
  /** End of the cell element (after "</c>" or "/>"). */
  end: number;
  t: string | undefined;
  f?: { open: Tag; close: Tag | null; attrs: Map<string, string>; text: string };
  v?: { open: Tag; close: Tag; raw: string };
  value: Scalar;
}

interface SheetPart {
  name: string;
  sheetId: string;
  part: string;
  /** The part's bytes; decoded to `text` only when needed (most sheets of a large workbook never are). */
  bytes: Buffer;
  text: string | null;
  /** Parsed on demand: a sheet without JX formulas is only read when a JX formula elsewhere refers to it. */
  cells: CellSpan[] | null;
}

const REL_NS_END = /\/(worksheet|sharedStrings|calcChain)$/;

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

function text(zip: ZipPackage, name: string): string | null {
  const e = findEntry(zip, name);
  if (!e) return null;
  return decode(readEntry(zip, e), name);
}

function decode(bytes: Buffer, name: string): string {
  const s = bytes.toString("utf8");
  // A part that is not valid UTF-8 would not survive decoding: refuse to edit it rather than change it.
  if (!Buffer.from(s, "utf8").equals(bytes)) throw new ZipError(`部件「${name}」不是 UTF-8 编码`);
  return s;
}

function relsOf(zip: ZipPackage, part: string): { id: string; type: string; target: string; tag: Tag }[] {
  const relsName = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const xml = text(zip, relsName);
  if (!xml) return [];
  const out: { id: string; type: string; target: string; tag: Tag }[] = [];
  scanTags(xml, (t) => {
    if (t.local !== "Relationship" || t.kind === "close") return;
    const a = attrs(t.attrText);
    if (a.get("TargetMode") === "External") return;
    out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: resolveTarget(part, a.get("Target") ?? ""), tag: t });
  });
  return out;
}

function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The cells of a worksheet part with the spans of their <f> and <v>, and their values (shared strings resolved). */
function parseSheet(xml: string, strings: string[]): CellSpan[] {
  const cells: CellSpan[] = [];
  const stack: string[] = [];
  let row = -1;
  let col = -1;
  let cell: CellSpan | null = null;
  let fOpen: Tag | null = null;
  let vOpen: Tag | null = null;
  let isOpen = -1;
  let isText = "";
  let tOpen = -1;
  scanTags(xml, (t) => {
    const parent = stack[stack.length - 1];
    if (t.kind === "close") {
      stack.pop();
      if (!cell) {
        return;
      }
      if (t.local === "f" && fOpen) {
        const a = attrs(fOpen.attrText);
        cell.f = { open: fOpen, close: t, attrs: a, text: unescapeXml(xml.slice(fOpen.end, t.start)) };
        fOpen = null;
      } else if (t.local === "v" && vOpen) {
        cell.v = { open: vOpen, close: t, raw: xml.slice(vOpen.end, t.start) };
        vOpen = null;
      } else if (t.local === "t" && tOpen >= 0 && isOpen >= 0) {
        isText += unescapeXml(xml.slice(tOpen, t.start));
        tOpen = -1;
      } else if (t.local === "is") {
        isOpen = -1;
      } else if (t.local === "c") {
        cell.end = t.end;
        finishCell(cell, strings, isText);
        cells.push(cell);
        cell = null;
      }
      return;
    }
    if (t.local === "row" && parent === "sheetData") {
      const r = attrs(t.attrText).get("r");
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
    } else if (t.local === "c" && parent === "row") {
      const a = attrs(t.attrText);
      const ref = a.get("r");
      const at = ref ? parseCellRef(ref) : null;
      if (at) [row, col] = [at.row, at.col];
      else col++;
      const c: CellSpan = { row, col, open: t, end: t.end, t: a.get("t"), value: null };
      if (t.kind === "empty") {
        cells.push(c);
      } else {
        cell = c;
        isText = "";
      }
    } else if (cell && parent === "c" && t.local === "f") {
      if (t.kind === "empty") cell.f = { open: t, close: null, attrs: attrs(t.attrText), text: "" };
      else fOpen = t;
    } else if (cell && parent === "c" && t.local === "v" && t.kind === "open") {
      vOpen = t;
    } else if (cell && parent === "c" && t.local === "is" && t.kind === "open") {
      isOpen = t.end;
    } else if (cell && isOpen >= 0 && t.local === "t" && t.kind === "open" && !stack.includes("rPh")) {
      tOpen = t.end;
    }
    if (t.kind === "open") stack.push(t.local);
  });
  return cells;
}

function finishCell(c: CellSpan, strings: string[], inline: string): void {
  const raw = c.v ? unescapeXml(c.v.raw) : null;
  switch (c.t) {
    case "s":
      c.value = raw === null ? null : (strings[Number(raw)] ?? null);
      break;
    case "str":
    case "e":
      c.value = raw;
      break;
    case "inlineStr":
      c.value = inline;
      break;
    case "b":
      c.value = raw === null ? null : raw === "1" || raw === "true";
      break;
    default:
      c.value = raw === null || raw.trim() === "" ? null : Number(raw);
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The open tag of a cell with `t` set (or removed) and `cm` (dynamic-array metadata of a formula) removed. */
function retype(tag: string, t: string | null): string {
  let s = tag.replace(/\s+(t|cm)\s*=\s*("[^"]*"|'[^']*')/g, "");
  if (t) s = s.replace(/(\/?>)$/, ` t="${t}"$1`);
  return s;
}

/** A text amount ("24,964.59万元") that JX reads as a number and a native formula does not. */
function isTextAmount(v: Scalar): v is string {
  return typeof v === "string" && v.trim() !== "" && amountOrNull(v) !== null;
}

function occurrences(buf: Buffer, needle: string): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Removes the empty-element tags matching `drop` from a part (a relationship, a content-type override). */
function dropReference(zip: ZipPackage, replace: Map<string, Buffer | null>, part: string, drop: (t: Tag) => boolean): void {
  const xml = text(zip, part);
  if (xml === null) return;
  let out = "";
  let at = 0;
  scanTags(xml, (t) => {
    if (t.kind !== "empty" || !drop(t)) return;
    out += xml.slice(at, t.start);
    at = t.end;
  });
  out += xml.slice(at);
  if (out === xml) return;
  assertWellFormed(out, part);
  replace.set(part, Buffer.from(out, "utf8"));
}

/**
 * Finalizes a package in memory; returns the new bytes (null when nothing changes) and the report.
 * Throws an InputError (exit 2) naming the file and the reason when the package cannot be edited
 * (broken zip or XML, a part that is not UTF-8): nothing is written then.
 */
export function finalizePackage(buf: Buffer, name: string, preset: Preset = HUNAN_2024): { bytes: Buffer | null; report: FinalizeReport } {
  try {
    return finalizeUnchecked(buf, name, preset);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new InputError(`无法定稿「${name}」：${(e as Error).message}。文件没有改动；请在 Excel 中打开、另存为 .xlsx 后再试。`);
  }
}

function finalizeUnchecked(buf: Buffer, name: string, preset: Preset): { bytes: Buffer | null; report: FinalizeReport } {
  const report: FinalizeReport = { native: 0, values: [], kept: [], unchanged: 0, changedParts: [], notes: [] };
  let zip: ZipPackage;
  try {
    zip = openZip(buf);
  } catch (e) {
    throw new InputError(`无法定稿「${name}」：${(e as Error).message}。`);
  }
  const root = relsOf(zip, "").find((r) => r.type.endsWith("/officeDocument"));
  const wbPart = root?.target ?? "xl/workbook.xml";
  const wbXml = text(zip, wbPart);
  if (wbXml === null) throw new InputError(`无法定稿「${name}」：没有工作簿部件（${wbPart}）。`);
  const rels = relsOf(zip, wbPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const ssRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const strings = ssRel ? sharedStrings(text(zip, ssRel.target) ?? "") : [];

  const sheets: SheetPart[] = [];
  scanTags(wbXml, (t) => {
    if (t.kind === "close") return;
    const a = attrs(t.attrText);
    if (t.local === "sheet") {
      const rel = relById.get(attrByLocal(a, "id") ?? "");
      if (!rel || !REL_NS_END.test(rel.type) || !rel.type.endsWith("/worksheet")) return;
      const entry = findEntry(zip, rel.target);
      if (!entry) return;
      sheets.push({ name: a.get("name") ?? "", sheetId: a.get("sheetId") ?? "", part: rel.target, bytes: readEntry(zip, entry), text: null, cells: null });
    }
  });
  // Names whose formula calls JX are not rewritten (a name is shared by every cell using it): say so.
  const nameRe = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  for (const m of wbXml.matchAll(nameRe)) {
    if (callsJx(unescapeXml(m[2]))) report.notes.push(`名称「${attrs(m[1]).get("name") ?? ""}」的公式调用了 JX 函数，没有改动；请在 Excel 的「公式 > 名称管理器」里改写。`);
  }

  const KEY = 20000; // row * KEY + col: columns stop at 16384
  const xmlOf = (s: SheetPart): string => (s.text ??= decode(s.bytes, s.part));
  const cellsOf = (s: SheetPart): CellSpan[] => (s.cells ??= parseSheet(xmlOf(s), strings));
  const valueMaps = new Map<string, Map<number, Scalar>>();
  const valuesOf = (name: string): Map<number, Scalar> | undefined => {
    let m = valueMaps.get(name);
    if (!m) {
      const s = sheets.find((x) => x.name === name);
      if (!s) return undefined;
      valueMaps.set(name, (m = new Map(cellsOf(s).map((c) => [c.row * KEY + c.col, c.value]))));
    }
    return m;
  };

  const removedFromChain: { sheetId: string; cell: string }[] = [];
  const replace = new Map<string, Buffer | null>();
  for (const sheet of sheets) {
    // Formulas are stored in the sheet part itself: a part without "jx" in any case holds no JX call.
    if (!["jx", "jX", "Jx", "JX"].some((n) => sheet.bytes.includes(n))) {
      report.unchanged += ["<f>", "<f ", "<f/"].reduce((n, tag) => n + occurrences(sheet.bytes, tag), 0);
      continue;
    }
    const xml = xmlOf(sheet);
    // Conditional formatting and data validation keep their own formulas: not rewritten, but said.
    const ruleFormulas = [...xml.matchAll(/<(?:[\w.-]+:)?formula[12]?>([^<]*)</g)].filter((m) => callsJx(unescapeXml(m[1])));
    if (ruleFormulas.length > 0) report.notes.push(`「${sheet.name}」的条件格式或数据验证中有 ${ruleFormulas.length} 个公式调用了 JX 函数，没有改动；请在 Excel 中改写。`);
    const edits: Edit[] = [];
    const own = valuesOf(sheet.name)!;
    /** Why the native twin of `formula` (file form, no "=") would not show the cached value here, or null. */
    const differs = (formula: string, cached: Scalar, hasCache: boolean): string | null => {
      if (!hasCache) return null;
      for (const ref of formulaRefs(formula)) {
        const values = ref.sheet === null ? own : valuesOf(ref.sheet);
        if (!values) continue;
        if ((ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > 100_000) continue;
        for (let r = ref.top; r <= ref.bottom; r++)
          for (let c = ref.left; c <= ref.right; c++) {
            const v = values.get(r * KEY + c);
            if (isTextAmount(v ?? null)) {
              const where = `${ref.sheet ? `${ref.sheet}!` : ""}${cellAddress(r, c)}`;
              return `引用的 ${where} 是文字「${v}」，JX 能读成金额而内置公式不能（请把它改为数字）`;
            }
          }
      }
      void cached;
      return null;
    };

    // Shared formula groups: si → master text and position.
    const masters = new Map<string, { cell: CellSpan; text: string }>();
    for (const c of cellsOf(sheet)) if (c.f && c.f.attrs.get("t") === "shared" && c.f.text !== "") masters.set(c.f.attrs.get("si") ?? "", { cell: c, text: c.f.text });

    type Plan = { cell: CellSpan; formula: string; outcome: ReturnType<typeof finalizeFormula>; why: string | null };
    const plans: Plan[] = [];
    for (const c of cellsOf(sheet)) {
      if (!c.f) continue;
      const kind = c.f.attrs.get("t");
      let formula = c.f.text;
      if (kind === "shared" && formula === "") {
        const m = masters.get(c.f.attrs.get("si") ?? "");
        if (!m) continue;
        formula = shiftFormula(m.text, c.row - m.cell.row, c.col - m.cell.col) ?? "";
        if (formula === "" && callsJx(m.text)) {
          plans.push({ cell: c, formula: m.text, outcome: { kind: "value", reason: "共享公式移到此处后超出工作表" }, why: null });
          continue;
        }
      }
      if (kind === "dataTable" || !callsJx(formula)) {
        report.unchanged++;
        continue;
      }
      const outcome = finalizeFormula(`=${formula}`, preset);
      const why = outcome.kind === "native" ? differs(formula, c.value, c.v !== undefined) : null;
      plans.push({ cell: c, formula, outcome, why });
    }

    // A shared group whose members all keep a native formula changes only the master's text; otherwise
    // every member of the group is written out on its own.
    const groupOk = new Map<string, boolean>();
    for (const p of plans) {
      if (p.cell.f?.attrs.get("t") !== "shared") continue;
      const si = p.cell.f.attrs.get("si") ?? "";
      const ok = p.outcome.kind === "native" && p.why === null;
      groupOk.set(si, (groupOk.get(si) ?? true) && ok);
    }

    const toValue = (p: Plan, reason: string) => {
      const c = p.cell;
      const at = cellAddress(c.row, c.col);
      if (!c.v) {
        report.kept.push({ sheet: sheet.name, cell: at, reason: `${reason}，且文件里没有保存它的计算结果，无法改为数值：保留原 JX 公式（请在装有加载项的 Excel 中打开、重算、保存后再定稿）` });
        return false;
      }
      const open = xml.slice(c.open.start, c.open.end);
      // The formula goes; the cached value stays. A text result ("str") becomes an inline string.
      edits.push({ start: c.open.start, end: c.open.end, text: retype(open, c.t === "str" ? "inlineStr" : c.t === "b" || c.t === "e" ? c.t : null) });
      edits.push({ start: c.f!.open.start, end: c.f!.close ? c.f!.close.end : c.f!.open.end, text: "" });
      if (c.t === "str") edits.push({ start: c.v.open.start, end: c.v.close.end, text: `<is><t xml:space="preserve">${c.v.raw}</t></is>` });
      report.values.push({ sheet: sheet.name, cell: at, reason });
      removedFromChain.push({ sheetId: sheet.sheetId, cell: at });
      return true;
    };
    const setFormula = (c: CellSpan, formula: string, standalone: boolean) => {
      const f = c.f!;
      if (standalone) {
        // A member of a shared group written out on its own: a plain formula element.
        const prefix = f.open.name.slice(0, f.open.name.length - f.open.local.length);
        edits.push({ start: f.open.start, end: f.close ? f.close.end : f.open.end, text: `<${prefix}f>${escapeXmlText(formula)}</${prefix}f>` });
      } else {
        edits.push({ start: f.open.end, end: f.close!.start, text: escapeXmlText(formula) });
      }
    };

    for (const p of plans) {
      const c = p.cell;
      const shared = c.f!.attrs.get("t") === "shared";
      const si = c.f!.attrs.get("si") ?? "";
      if (p.outcome.kind === "value") {
        toValue(p, p.outcome.reason);
        continue;
      }
      if (p.outcome.kind !== "native") continue;
      if (p.why !== null) {
        if (!toValue(p, p.why)) continue;
        continue;
      }
      const nativeText = p.outcome.formula.replace(/^=/, "");
      if (shared && groupOk.get(si)) {
        if (c.f!.text !== "") setFormula(c, nativeText, false); // the master; the others follow it
        report.native++;
      } else if (shared) {
        setFormula(c, nativeText, true);
        report.native++;
      } else {
        setFormula(c, nativeText, false);
        report.native++;
      }
    }
    if (edits.length === 0) continue;
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let at = 0;
    for (const e of edits) {
      out += xml.slice(at, e.start) + e.text;
      at = e.end;
    }
    out += xml.slice(at);
    assertWellFormed(out, sheet.part);
    replace.set(sheet.part, Buffer.from(out, "utf8"));
  }

  // calcChain lists formula cells: a cell that no longer holds a formula leaves it.
  const chainRel = rels.find((r) => r.type.endsWith("/calcChain"));
  if (chainRel && removedFromChain.length > 0) {
    const xml = text(zip, chainRel.target);
    if (xml !== null) {
      const drop = new Set(removedFromChain.map((x) => `${x.sheetId}|${x.cell}`));
      const edits: Edit[] = [];
      let current = "";
      let lastKept = "";
      let removed = 0;
      scanTags(xml, (t) => {
        if (t.local !== "c" || t.kind === "close") return;
        const a = attrs(t.attrText);
        current = a.get("i") ?? current;
        if (drop.has(`${current}|${(a.get("r") ?? "").toUpperCase()}`)) {
          edits.push({ start: t.start, end: t.end, text: "" });
          removed++;
        } else {
          // An entry without "i" inherits the sheet of the entry before it: say it when that one is gone.
          if (!a.has("i") && current !== lastKept) edits.push({ start: t.start, end: t.end, text: xml.slice(t.start, t.end).replace(/(\s*\/?>)$/, ` i="${current}"$1`) });
          lastKept = current;
        }
      });
      if (removed > 0) {
        let out = "";
        let at = 0;
        for (const e of edits) {
          out += xml.slice(at, e.start) + e.text;
          at = e.end;
        }
        out += xml.slice(at);
        assertWellFormed(out, chainRel.target);
        if (!/<(?:\w+:)?c\b/.test(out)) {
          // No formula left in the chain: an empty calcChain is not valid, so the part goes, with its
          // relationship and its content type (Excel builds a new chain when it next calculates).
          replace.set(chainRel.target, null);
          dropReference(zip, replace, `${path.posix.dirname(wbPart)}/_rels/${path.posix.basename(wbPart)}.rels`, (t) => t.local === "Relationship" && attrs(t.attrText).get("Id") === chainRel.id);
          dropReference(zip, replace, "[Content_Types].xml", (t) => t.local === "Override" && attrs(t.attrText).get("PartName") === `/${chainRel.target}`);
          report.notes.push(`计算链（${chainRel.target}）中的单元格都已改为数值，已删去计算链部件及其登记；Excel 会自行重建。`);
        } else {
          replace.set(chainRel.target, Buffer.from(out, "utf8"));
          report.notes.push(`已从计算链（${chainRel.target}）中删去 ${removed} 个改为数值的单元格；Excel 会自行重建计算链。`);
        }
      }
    }
  }

  report.changedParts = [...replace.keys()].filter((k) => replace.get(k) !== null);
  if (replace.size === 0) return { bytes: null, report };
  return { bytes: rewriteZip(zip, replace), report };
}

/** Finalizes IN into OUT (written atomically); when nothing changes, OUT is a byte copy of IN. */
export async function finalizeFile(input: string, output: string, preset: Preset = HUNAN_2024): Promise<FinalizeReport> {
  const buf = readInputFile(input, { ...LIMITS, fileBytes: LIMITS.finalizeBytes });
  sniffWorkbook(buf, path.basename(input));
  const result = finalizePackage(buf, path.basename(input), preset);
  await writeFileAtomic(output, result.bytes ?? buf);
  return result.report;
}
