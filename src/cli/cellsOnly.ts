/**
 * A second way in for workbooks that exceljs cannot load as they are (files written by other tools that
 * Excel and LibreOffice open: openpyxl's absolute relationship targets, drawings, comments and tables
 * exceljs trips over). Checking needs only the cells, so the package is reduced to the workbook, its
 * sheets' cell data, shared strings, styles and themes, and read again. Nothing is written back.
 */
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { attrs, scanTags } from "./ooxml";
import { openZip, readEntry, rewriteZip, type ZipPackage } from "./zip";

const KEEP_REL = /\/(worksheet|styles|sharedStrings|theme)$/;
/** Sheet elements that point at other parts (drawings, comments, tables, links): left out. */
const DROP_IN_SHEET = new Set(["drawing", "legacyDrawing", "legacyDrawingHF", "picture", "tableParts", "oleObjects", "controls", "hyperlinks", "extLst"]);

/** Byte patterns of the dropped elements (any prefix: "drawing" also finds "x:drawing"). */
const DROP_NEEDLES = [...DROP_IN_SHEET].map((n) => `${n}`).map((n) => Buffer.from(`${n} `)).concat([...DROP_IN_SHEET].map((n) => Buffer.from(`${n}>`)), [...DROP_IN_SHEET].map((n) => Buffer.from(`${n}/`)));

function relative(from: string, target: string): string {
  if (!target.startsWith("/")) return target;
  return path.posix.relative(path.posix.dirname(from), target.slice(1));
}

function withoutElements(xml: string): string {
  let depth = 0;
  let dropFrom = -1;
  let dropDepth = -1;
  let out = "";
  let at = 0;
  scanTags(xml, (t) => {
    if (t.kind === "open") depth++;
    if (dropFrom < 0 && depth <= 2 && DROP_IN_SHEET.has(t.local) && t.kind !== "close") {
      if (t.kind === "empty") {
        out += xml.slice(at, t.start);
        at = t.end;
      } else {
        dropFrom = t.start;
        dropDepth = depth;
      }
    } else if (dropFrom >= 0 && t.kind === "close" && depth === dropDepth && DROP_IN_SHEET.has(t.local)) {
      out += xml.slice(at, dropFrom);
      at = t.end;
      dropFrom = -1;
    }
    if (t.kind === "close") depth--;
  });
  return out + xml.slice(at);
}

/** The package reduced to what holds cells, or null when even that cannot be made. */
export function cellsOnlyPackage(buf: Buffer): Buffer | null {
  let zip: ZipPackage;
  try {
    zip = openZip(buf);
  } catch {
    return null;
  }
  const text = (name: string) => {
    const e = zip.entries.find((x) => x.name === name);
    return e ? readEntry(zip, e).toString("utf8") : null;
  };
  const replace = new Map<string, Buffer | null>();
  const keep = new Set<string>(["[Content_Types].xml", "_rels/.rels"]);
  const rootRels = text("_rels/.rels");
  let wbPart = "xl/workbook.xml";
  if (rootRels) {
    scanTags(rootRels, (t) => {
      const a = attrs(t.attrText);
      if (t.local === "Relationship" && (a.get("Type") ?? "").endsWith("/officeDocument")) wbPart = (a.get("Target") ?? wbPart).replace(/^\//, "");
    });
    replace.set("_rels/.rels", Buffer.from(rootRels.replace(/Target="\/(?!\/)/g, 'Target="')));
  }
  keep.add(wbPart);
  const wbRelsName = `${path.posix.dirname(wbPart)}/_rels/${path.posix.basename(wbPart)}.rels`;
  const wbRels = text(wbRelsName);
  if (!wbRels) return null;
  keep.add(wbRelsName);
  let rels = "";
  let at = 0;
  scanTags(wbRels, (t) => {
    if (t.local !== "Relationship" || t.kind === "close") return;
    const a = attrs(t.attrText);
    const type = a.get("Type") ?? "";
    const target = a.get("Target") ?? "";
    rels += wbRels.slice(at, t.start);
    at = t.end;
    if (!KEEP_REL.test(type) || a.get("TargetMode") === "External") return;
    const rel = relative(wbPart, target);
    const part = path.posix.normalize(path.posix.join(path.posix.dirname(wbPart), rel));
    keep.add(part);
    rels += `<Relationship Id="${a.get("Id")}" Type="${type}" Target="${rel}"/>`;
    if (type.endsWith("/worksheet")) {
      const e = zip.entries.find((x) => x.name === part);
      const bytes = e ? readEntry(zip, e) : null;
      // Only a sheet pointing at other parts is rewritten; the others are copied as stored.
      if (bytes && DROP_NEEDLES.some((n) => bytes.includes(n))) replace.set(part, Buffer.from(withoutElements(bytes.toString("utf8")), "utf8"));
    }
  });
  rels += wbRels.slice(at);
  replace.set(wbRelsName, Buffer.from(rels, "utf8"));
  for (const e of zip.entries) if (!keep.has(e.name)) replace.set(e.name, null);
  try {
    return rewriteZip(zip, replace, { store: true });
  } catch {
    return null;
  }
}

/** exceljs on the cells-only package, or null when that fails too. */
export async function loadCellsOnly(buf: Buffer): Promise<ExcelJS.Workbook | null> {
  const reduced = cellsOnlyPackage(buf);
  if (!reduced) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(reduced as unknown as ExcelJS.Buffer);
    return wb;
  } catch {
    return null;
  }
}
