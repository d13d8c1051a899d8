/**
 * The light read of `jixiao check`: a workbook's sheets as Grids straight from the package (the zip's
 * workbook, sheet and shared-string parts), without building exceljs's whole model (styles, conditional
 * formats, page setup …), which costs most of a check (issue 11). The Grids are the ones exceljs gives
 * through worksheetToGrid, cell for cell: whatever this reader does not reproduce exactly (dates, shared
 * formulas, hyperlinks, phonetic runs, escaped characters, overlapping merges, an unusual package) makes it
 * answer null, and the caller reads the file with exceljs as before.
 */
import * as path from "node:path";
import type { CellScalar, Grid } from "../core";
import { attrs, scanTags, sharedStrings, unescapeXml } from "./ooxml";
import { openZip, readEntry, type ZipEntry, type ZipPackage } from "./zip";

/** Not reproduced here: the file goes to exceljs. */
class Unsupported extends Error {}

/** exceljs's test for a date number format (utils.isDateFmt): date/time letters outside [..] and "..". */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, and the East Asian ones). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);
}

/** Style indexes (cellXfs) whose number format is a date: a number in such a cell would be a Date in exceljs. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  let xf = 0;
  scanTags(xml, (t) => {
    if (t.local === "numFmt" && t.kind !== "close") {
      const a = attrs(t.attrText);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    } else if (t.local === "cellXfs") {
      inXfs = t.kind === "open";
    } else if (inXfs && t.local === "xf" && t.kind !== "close") {
      const id = Number(attrs(t.attrText).get("numFmtId") ?? 0);
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : builtInDate(id)) out.add(xf);
      xf++;
    }
  });
  return out;
}

/**
 * The attributes of a <c> or <f> tag that matter here, without building a Map per tag (the sheets hold
 * thousands of cells): `name="…"` after a space; any other layout of the attribute text goes through attrs().
 */
function cellAttrs(attrText: string): { get(name: string): string | undefined; has(name: string): boolean } {
  if (/[\t\n\r']/.test(attrText) || attrText.includes("&")) return attrs(attrText);
  const get = (name: string) => {
    const at = attrText.indexOf(` ${name}="`);
    if (at < 0) return undefined;
    const from = at + name.length + 3;
    return attrText.slice(from, attrText.indexOf('"', from));
  };
  return { get, has: (name) => get(name) !== undefined };
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]*)$/;

function decodeRef(ref: string | undefined): { row: number; col: number } {
  const m = ref ? CELL_REF.exec(ref) : null;
  if (!m) throw new Unsupported();
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** A cell as exceljs types it after loading: a value, or "present but blank" (exceljs's Merge type), or absent (Null). */
interface Cell {
  value: CellScalar;
  formula: string | null;
}

const ESCAPED = /_x[0-9A-Fa-f]{4}_/;

/** One worksheet part → Grid, as worksheetToGrid(exceljs's worksheet) gives it. */
function sheetGrid(name: string, xml: string, shared: string[], dates: Set<number>): Grid {
  if (ESCAPED.test(xml)) throw new Unsupported();
  // rows (1-based) → cols (1-based) → cell; only cells exceljs would list (type not Null).
  const rows = new Map<number, Map<number, Cell>>();
  const put = (r: number, c: number, cell: Cell) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, cell);
  };
  let cur: { row: number; col: number; t: string; style: number; hasStyle: boolean } | null = null;
  let formula: string | undefined;
  let hasF = false;
  let value: string | undefined;
  let inline: string | undefined;
  let textFrom = -1;
  let textOf: "f" | "v" | "t" | null = null;
  let runs = 0;
  let inIs = false;
  const merges: string[] = [];
  scanTags(xml, (tag) => {
    const local = tag.local;
    if (local === "c") {
      if (tag.kind === "close" && cur) {
        finishCell();
        cur = null;
        return;
      }
      const a = cellAttrs(tag.attrText);
      const { row, col } = decodeRef(a.get("r"));
      const s = a.get("s");
      cur = { row, col, t: a.get("t") ?? "", style: s ? parseInt(s, 10) : 0, hasStyle: Boolean(s) };
      formula = undefined;
      hasF = false;
      value = undefined;
      inline = undefined;
      runs = 0;
      if (tag.kind === "empty") {
        finishCell();
        cur = null;
      }
      return;
    }
    if (local === "mergeCell" && tag.kind !== "close") {
      const ref = attrs(tag.attrText).get("ref");
      if (!ref) throw new Unsupported();
      merges.push(ref);
      return;
    }
    if (local === "hyperlinks" || local === "hyperlink") throw new Unsupported();
    if (!cur) return;
    if (local === "f") {
      if (tag.kind === "close") {
        if (textOf === "f") formula = (formula ?? "") + unescapeXml(xml.slice(textFrom, tag.start));
        textOf = null;
        return;
      }
      hasF = true;
      const a = cellAttrs(tag.attrText);
      if (a.has("t") && a.get("t") !== "normal") throw new Unsupported(); // shared and array formulas: exceljs's rules
      if (tag.kind === "open") {
        textOf = "f";
        textFrom = tag.end;
      }
      return;
    }
    if (local === "v") {
      if (tag.kind === "open") {
        textOf = "v";
        textFrom = tag.end;
      } else if (tag.kind === "close" && textOf === "v") {
        const text = unescapeXml(xml.slice(textFrom, tag.start));
        if (text !== "") value = (value ?? "") + text;
        textOf = null;
      }
      return;
    }
    if (local === "is") {
      inIs = tag.kind === "open";
      if (tag.kind === "empty") inIs = false;
      return;
    }
    if (local === "r" && inIs) {
      if (tag.kind === "open") runs++;
      return;
    }
    if (local === "rPh") throw new Unsupported();
    if (local === "t" && inIs) {
      if (tag.kind === "open") {
        textOf = "t";
        textFrom = tag.end;
      } else if (tag.kind === "close" && textOf === "t") {
        const text = unescapeXml(xml.slice(textFrom, tag.start));
        if (text !== "") inline = (inline ?? "") + text;
        textOf = null;
      }
    }
  });

  function finishCell(): void {
    const c = cur!;
    if (runs > 0 && c.t === "inlineStr" && inline === undefined) throw new Unsupported();
    const raw = c.t === "inlineStr" ? (inline ?? value) : value;
    if (hasF) {
      if (formula === undefined || formula === "") throw new Unsupported();
      let result: CellScalar = null;
      if (raw) {
        if (c.t === "str") {
          if (raw.includes("&")) throw new Unsupported(); // exceljs decodes entities a second time
          result = raw;
        } else if (c.t === "b") result = parseInt(raw, 10) !== 0;
        else if (c.t === "e") result = raw;
        else {
          if (dates.has(c.style)) throw new Unsupported();
          result = parseFloat(raw);
        }
      }
      put(c.row, c.col, { value: result, formula: `=${formula}` });
      return;
    }
    if (raw !== undefined) {
      let v: CellScalar;
      switch (c.t) {
        case "s": {
          const s = shared[parseInt(raw, 10)];
          if (s === undefined) throw new Unsupported();
          v = s;
          break;
        }
        case "str":
          if (raw.includes("&")) throw new Unsupported();
          v = raw;
          break;
        case "inlineStr":
          v = raw;
          break;
        case "b":
          v = parseInt(raw, 10) !== 0;
          break;
        case "e":
          v = raw;
          break;
        default:
          if (dates.has(c.style)) throw new Unsupported();
          v = parseFloat(raw);
      }
      put(c.row, c.col, { value: v, formula: null });
      return;
    }
    // No value: with a style (other than 0) exceljs types the cell Null (not listed); without, Merge (listed, blank).
    if (c.style && c.hasStyle) return;
    put(c.row, c.col, { value: null, formula: null });
  }

  // Merged areas: every cell but the top-left one becomes a blank cell that exceljs lists.
  const merged = new Set<string>();
  for (const ref of merges) {
    const [from, to = from] = ref.split(":");
    const a = decodeRef(from);
    const b = decodeRef(to);
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const key = `${r}:${c}`;
        if (merged.has(key)) throw new Unsupported(); // exceljs refuses overlapping merges
        merged.add(key);
        if (r === Math.min(a.row, b.row) && c === Math.min(a.col, b.col)) continue;
        put(r, c, { value: null, formula: null });
      }
    }
  }

  let height = 0;
  let width = 0;
  for (const [r, row] of rows) {
    if (row.size === 0) continue;
    height = Math.max(height, r);
    for (const c of row.keys()) width = Math.max(width, c);
  }
  const values: CellScalar[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= height; r++) {
    const vr = new Array<CellScalar>(width).fill(null);
    const fr = new Array<string | null>(width).fill(null);
    const row = rows.get(r);
    if (row) {
      for (const [c, cell] of row) {
        vr[c - 1] = cell.value;
        fr[c - 1] = cell.formula;
      }
    }
    values.push(vr);
    formulas.push(fr);
  }
  return { sheet: name, values, formulas };
}

function partText(zip: ZipPackage, byName: Map<string, ZipEntry>, name: string): string | null {
  const e = byName.get(name);
  return e ? readEntry(zip, e).toString("utf8") : null;
}

/**
 * The Grids of a workbook's sheets, in the workbook's order, read from the package itself; null when the
 * package holds anything this reader does not reproduce as exceljs reads it (the caller then uses exceljs).
 */
export function gridsFromPackage(buf: Buffer): Grid[] | null {
  try {
    const zip = openZip(buf);
    const byName = new Map(zip.entries.map((e) => [e.name, e]));
    const workbook = partText(zip, byName, "xl/workbook.xml");
    const rels = partText(zip, byName, "xl/_rels/workbook.xml.rels");
    if (!workbook || !rels) return null;
    if (/date1904\s*=\s*["'](1|true)/.test(workbook)) return null;
    const targets = new Map<string, { type: string; target: string }>();
    scanTags(rels, (t) => {
      if (t.local !== "Relationship" || t.kind === "close") return;
      const a = attrs(t.attrText);
      if (a.get("TargetMode") === "External") return;
      targets.set(a.get("Id") ?? "", { type: a.get("Type") ?? "", target: a.get("Target") ?? "" });
    });
    const sheets: { name: string; part: string }[] = [];
    let unsupported = false;
    scanTags(workbook, (t) => {
      if (t.local !== "sheet" || t.kind === "close") return;
      const a = attrs(t.attrText);
      const id = [...a].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
      const rel = id === undefined ? undefined : targets.get(id);
      if (!rel) {
        unsupported = true;
        return;
      }
      if (!rel.type.endsWith("/worksheet")) return; // chart sheets: exceljs lists no worksheet for them
      const part = rel.target.startsWith("/") ? rel.target.slice(1) : path.posix.normalize(`xl/${rel.target}`);
      sheets.push({ name: a.get("name") ?? "", part });
    });
    if (unsupported) return null;
    let shared: string[] = [];
    const sharedRel = [...targets.values()].find((r) => r.type.endsWith("/sharedStrings"));
    if (sharedRel) {
      const part = sharedRel.target.startsWith("/") ? sharedRel.target.slice(1) : path.posix.normalize(`xl/${sharedRel.target}`);
      const xml = partText(zip, byName, part);
      if (xml === null || xml.includes("rPh") || ESCAPED.test(xml)) return null;
      shared = sharedStrings(xml);
    }
    const stylesRel = [...targets.values()].find((r) => r.type.endsWith("/styles"));
    const stylesPart = stylesRel ? (stylesRel.target.startsWith("/") ? stylesRel.target.slice(1) : path.posix.normalize(`xl/${stylesRel.target}`)) : null;
    const dates = dateStyles(stylesPart ? partText(zip, byName, stylesPart) : null);
    const grids: Grid[] = [];
    for (const s of sheets) {
      const xml = partText(zip, byName, s.part);
      if (xml === null) return null;
      grids.push(sheetGrid(s.name, xml, shared, dates));
    }
    return grids;
  } catch {
    // Unsupported, or a package exceljs may still read (or refuse with its own message): exceljs decides.
    return null;
  }
}
