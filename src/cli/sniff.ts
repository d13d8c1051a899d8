/**
 * Why a file is not a readable .xlsx, told before exceljs sees it: exceljs's own errors on an
 * empty file, a Word document or an encrypted workbook are English and unhelpful
 * ("Can't find end of central directory", "Cannot read properties of undefined").
 */
import * as path from "node:path";
import { InputError } from "./errors";
import { checkSheetLimits, readInputFile } from "./limits";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The names in a zip's central directory, or null when the directory is missing or cut off. */
export function zipEntries(buf: Buffer): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  let p = buf.readUInt32LE(eocd + 16);
  if (p + size > eocd) return null;
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString("utf8", p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The first bytes as lower-case text when they are UTF-8 text without control characters (CSV, HTML, PDF header); else null. */
function textHead(buf: Buffer): string | null {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const head = buf.subarray(0, 512);
  // The 512-byte cut may split a character: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    let text: string;
    try {
      text = decoder.decode(head.subarray(0, head.length - cut));
    } catch {
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) return null;
    }
    return text.replace(/^\ufeff/, "").trimStart().toLowerCase();
  }
  return null;
}

/** Reads a workbook file's bytes, or throws an InputError saying in Chinese what is wrong with it (or that it is too large). */
export function readWorkbookBytes(file: string): Buffer {
  const buf = readInputFile(file);
  sniffWorkbook(buf, path.basename(file));
  checkSheetLimits(buf, path.basename(file));
  return buf;
}

/** Throws an InputError when `buf` cannot be an .xlsx workbook. `name` is for the message. */
export function sniffWorkbook(buf: Buffer, name: string): void {
  if (buf.length === 0) throw new InputError(`「${name}」是空文件（0 字节），不是 Excel 工作簿。请重新导出或从原件复制。`);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) {
    // A compound file: an encrypted OOXML package (its streams are EncryptionInfo / EncryptedPackage) or an old .xls.
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le")) || buf.includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      throw new InputError(
        `「${name}」设置了打开密码（文件已加密），无法读取。请在 Excel 中打开后，在「文件 > 信息 > 保护工作簿 > 用密码进行加密」里清空密码并保存，再试一次。`,
      );
    }
    throw new InputError(`「${name}」是旧版 Excel 97-2003 格式（.xls）或其他 Office 二进制文件，不是 .xlsx。请在 Excel 中「另存为 > Excel 工作簿（*.xlsx）」后再试。`);
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    const head = textHead(buf);
    const what = head === null ? "未知格式" : head.startsWith("%pdf") ? "PDF 文件" : head.startsWith("<") ? "网页或 XML 文本" : "文本文件";
    throw new InputError(`「${name}」不是 .xlsx 工作簿（内容是${what}）。请提交用 Excel 保存的 .xlsx 文件。`);
  }
  const entries = zipEntries(buf);
  if (!entries) throw new InputError(`「${name}」已损坏或不完整（zip 结构被截断，可能是下载或复制没有完成）。请重新获取原文件。`);
  if (!entries.includes("xl/workbook.xml")) {
    if (entries.includes("content.xml") && buf.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"))) {
      throw new InputError(`「${name}」是 OpenDocument 电子表格（.ods，LibreOffice/WPS 的格式），不是 .xlsx。请在 LibreOffice 中「文件 > 另存为」选择「Excel 2007-365 (.xlsx)」，或在 Excel 中打开后另存为 .xlsx，再试一次。`);
    }
    const kind = entries.some((e) => e.startsWith("word/")) ? "Word 文档（.docx）" : entries.some((e) => e.startsWith("ppt/")) ? "PowerPoint 演示文稿（.pptx）" : "zip 压缩包";
    throw new InputError(`「${name}」是${kind}，不是 Excel 工作簿（里面没有 xl/workbook.xml）。请提交 .xlsx 文件。`);
  }
}
