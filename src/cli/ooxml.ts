/**
 * Just enough XML for surgical edits of OOXML parts: a tokenizer that reports every tag with its
 * character span (comments, CDATA, processing instructions and the doctype are skipped whole), so that
 * an edit replaces a span and leaves every other character as it was. Each edited part is then parsed
 * by saxes (a conforming XML parser) before it is written: an edit that broke the XML is never saved.
 */
import { SaxesParser } from "saxes";

export interface Tag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written ("c", "x:c"). */
  name: string;
  /** Name without its prefix ("c"). */
  local: string;
  /** Span of the whole tag: xml.slice(start, end) is "<c r=…>". */
  start: number;
  end: number;
  /** The attribute text between the name and ">" (or "/>"). */
  attrText: string;
}

/** Calls `onTag` for every start, end and empty-element tag of `xml`, in order. Throws on an unterminated construct. */
export function scanTags(xml: string, onTag: (t: Tag) => void): void {
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith("<!--", i)) i = after(xml, "-->", i);
    else if (xml.startsWith("<![CDATA[", i)) i = after(xml, "]]>", i);
    else if (xml.startsWith("<?", i)) i = after(xml, "?>", i);
    else if (xml.startsWith("<!", i)) i = doctypeEnd(xml, i);
    else {
      const close = xml[i + 1] === "/";
      let j = i + (close ? 2 : 1);
      const nameStart = j;
      for (let ch = xml.charCodeAt(j); j < xml.length && ch !== 0x2f && ch !== 0x3e && ch > 0x20; ch = xml.charCodeAt(++j));
      const name = xml.slice(nameStart, j);
      // Attribute values may hold ">" (and "/"): skip quoted text.
      let k = j;
      for (;;) {
        if (k >= xml.length) throw new Error("XML 标签未结束");
        const ch = xml.charCodeAt(k);
        if (ch === 0x22 || ch === 0x27) {
          const q = xml.indexOf(ch === 0x22 ? '"' : "'", k + 1);
          if (q < 0) throw new Error("XML 属性值未结束");
          k = q + 1;
          continue;
        }
        if (ch === 0x3e) break;
        k++;
      }
      const selfClosing = !close && xml[k - 1] === "/";
      const attrText = close ? "" : xml.slice(j, selfClosing ? k - 1 : k);
      const colon = name.indexOf(":");
      onTag({ kind: close ? "close" : selfClosing ? "empty" : "open", name, local: colon >= 0 ? name.slice(colon + 1) : name, start: i, end: k + 1, attrText });
      i = k + 1;
    }
    i = xml.indexOf("<", i);
  }
}

function after(xml: string, end: string, from: number): number {
  const k = xml.indexOf(end, from);
  if (k < 0) throw new Error("XML 注释或 CDATA 未结束");
  return k + end.length;
}

function doctypeEnd(xml: string, from: number): number {
  let depth = 0;
  for (let k = from; k < xml.length; k++) {
    if (xml[k] === "[") depth++;
    else if (xml[k] === "]") depth--;
    else if (xml[k] === ">" && depth <= 0) return k + 1;
  }
  throw new Error("XML 文档类型声明未结束");
}

/** Attributes of a tag by qualified name, values unescaped. */
export function attrs(attrText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attrText.matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** The attribute whose local name is `local` (any prefix), e.g. "r:id". */
export function attrByLocal(a: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of a) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** Text for element content (& < > escaped). */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for an attribute value in double quotes. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;");
}

/** Throws (with saxes's message) when `xml` is not well-formed. */
export function assertWellFormed(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: false });
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`改写后的「${part}」不是合格的 XML：${(error as Error).message}`);
}

/** Text of the <t> elements under each <si> of a sharedStrings part (phonetic runs <rPh> left out). */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inPh = 0;
  let tStart = -1;
  let cur = "";
  scanTags(xml, (t) => {
    if (t.local === "si") {
      if (t.kind === "open") {
        inSi = true;
        cur = "";
      } else if (t.kind === "close") {
        inSi = false;
        out.push(cur);
      } else out.push("");
    } else if (inSi && t.local === "rPh") {
      if (t.kind === "open") inPh++;
      else if (t.kind === "close") inPh--;
    } else if (inSi && inPh === 0 && t.local === "t") {
      if (t.kind === "open") tStart = t.end;
      else if (t.kind === "close" && tStart >= 0) {
        cur += unescapeXml(xml.slice(tStart, t.start));
        tStart = -1;
      }
    }
  });
  return out;
}
