/**
 * Limits checked before a workbook is read, so that a huge file gets a clear message instead of the
 * process running out of memory minutes later: the file size, the uncompressed size of its sheets
 * (from the zip directory, nothing inflated) and the number of cells the sheets declare (<dimension>,
 * read from the first bytes of each sheet). Each message names the file and the limit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { InputError } from "./errors";
import { ioError } from "./ioerrors";
import { openZip, type ZipPackage } from "./zip";

/**
 * exceljs holds many times a sheet's XML in memory while reading (issue 11: a 50 MB text-heavy workbook
 * ran out of memory after three minutes); the forms themselves are well under 1 MB. finalize edits the
 * package without exceljs and has its own, larger file limit.
 */
export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 30 * 1024 * 1024,
  /** All worksheet parts, uncompressed (text-heavy sheets grow ~10× in memory when read). */
  sheetXmlBytes: 150 * 1024 * 1024,
  /** finalize (no exceljs: the package and the sheets holding JX calls are held in memory). */
  finalizeBytes: 200 * 1024 * 1024,
  /** Cells declared by the sheets' dimensions, summed. */
  cells: 2_000_000,
};

const MB = (n: number) => {
  const mb = n / 1024 / 1024;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
};

/** Reads an input file's bytes; a missing file, a folder or an unreadable one is an InputError in Chinese. */
export function readInputFile(file: string, limits = LIMITS): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw ioError(e, file, "read");
  }
  if (stat.isDirectory()) throw new InputError(`「${file}」是文件夹，这里需要一个 .xlsx 文件。`);
  if (stat.size > limits.fileBytes) {
    throw new InputError(`「${path.basename(file)}」有 ${MB(stat.size)}，超过了 ${MB(limits.fileBytes)} 的上限，没有读取。绩效自评表通常不到 1 MB：请把与自评无关的工作表、图片移到另一个文件后再试。`);
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw ioError(e, file, "read");
  }
}

/** The cell count a sheet declares in <dimension ref="A1:Z900"/> (read from its first bytes), or 0. */
function declaredCells(zip: ZipPackage, name: string): number {
  const e = zip.entries.find((x) => x.name === name);
  if (!e || e.flags & 1) return 0;
  const at = e.offset + 30 + zip.buf.readUInt16LE(e.offset + 26) + zip.buf.readUInt16LE(e.offset + 28);
  const raw = zip.buf.subarray(at, at + Math.min(e.compressedSize, 16384));
  let head: string;
  try {
    head = (e.method === 8 ? zlib.inflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : raw).toString("utf8", 0, 8192);
  } catch {
    return 0;
  }
  const m = /<(?:\w+:)?dimension\s+ref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"/.exec(head);
  if (!m || !m[3]) return 0;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(col(m[3]) - col(m[1])) + 1);
}

/** Throws an InputError when the workbook's sheets are too large to read; `name` is for the message. */
export function checkSheetLimits(buf: Buffer, name: string, limits = LIMITS): void {
  let zip: ZipPackage;
  try {
    zip = openZip(buf);
  } catch {
    return; // the sniffer explains a broken zip
  }
  const sheets = zip.entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  const bytes = sheets.reduce((n, e) => n + e.size, 0);
  if (bytes > limits.sheetXmlBytes) {
    throw new InputError(`「${name}」的工作表解压后有 ${MB(bytes)}，超过了 ${MB(limits.sheetXmlBytes)} 的上限，没有读取（否则可能耗尽内存）。请删去与自评无关的大表后再试。`);
  }
  // A dimension reaching the sheet's edge (formatting applied to whole columns) declares more cells than
  // are stored: a stored cell takes at least ~10 bytes, which bounds the count.
  const cells = sheets.reduce((n, e) => n + Math.min(declaredCells(zip, e.name), Math.floor(e.size / 10)), 0);
  if (cells > limits.cells) {
    throw new InputError(`「${name}」的工作表共有约 ${cells.toLocaleString("en-US")} 个单元格，超过了 ${limits.cells.toLocaleString("en-US")} 个的上限，没有读取。请删去与自评无关的大表，或清除远处无用的格式后再试。`);
  }
}
