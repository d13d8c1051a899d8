/**
 * The .xlsx package (a zip) read and rewritten part by part. Parts that are not replaced are copied as
 * their raw compressed bytes (local header, data, data descriptor, central record): not one byte of
 * what we do not change is decoded or re-encoded. Libraries (jszip, fflate, yazl) always recompress
 * every entry, so the container is handled here with node:zlib; ZIP64 packages (> 4 GB) are refused.
 */
import * as zlib from "node:zlib";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** The central directory record, as stored. */
  central: Buffer;
}

export interface ZipPackage {
  buf: Buffer;
  entries: ZipEntry[];
  /** Offset of the central directory (= end of the last entry's data). */
  centralOffset: number;
  /** The end-of-central-directory record with its comment. */
  eocd: Buffer;
}

/** Why a package cannot be read; the caller turns it into a Chinese message naming the file. */
export class ZipError extends Error {}

/** Reads the central directory of a zip. Throws ZipError (in Chinese) when it is cut off, ZIP64 or inconsistent. */
export function openZip(buf: Buffer): ZipPackage {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("zip 结构被截断（找不到目录）");
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw new ZipError("是 ZIP64 格式（超过 4 GB 或 65535 个部件）");
  if (start + size > eocd) throw new ZipError("zip 目录超出文件末尾");
  const entries: ZipEntry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError("zip 目录损坏");
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      central: buf.subarray(p, p + 46 + nameLen + extraLen + commentLen),
    };
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.offset === 0xffffffff) throw new ZipError("是 ZIP64 格式（超过 4 GB）");
    if (e.offset + 30 > start || buf.readUInt32LE(e.offset) !== LOCAL) throw new ZipError(`部件「${e.name}」的位置不对`);
    entries.push(e);
    p += e.central.length;
  }
  return { buf, entries, centralOffset: start, eocd: buf.subarray(eocd) };
}

function dataStart(zip: ZipPackage, e: ZipEntry): number {
  return e.offset + 30 + zip.buf.readUInt16LE(e.offset + 26) + zip.buf.readUInt16LE(e.offset + 28);
}

/** The uncompressed bytes of one part. Throws ZipError for an encrypted part or an unknown method. */
export function readEntry(zip: ZipPackage, e: ZipEntry): Buffer {
  if (e.flags & 1) throw new ZipError(`部件「${e.name}」已加密`);
  const at = dataStart(zip, e);
  const raw = zip.buf.subarray(at, at + e.compressedSize);
  if (e.method === 0) return Buffer.from(raw);
  if (e.method === 8) {
    try {
      return zlib.inflateRawSync(raw);
    } catch {
      throw new ZipError(`部件「${e.name}」的压缩数据已损坏`);
    }
  }
  throw new ZipError(`部件「${e.name}」使用了不支持的压缩方式（${e.method}）`);
}

export function findEntry(zip: ZipPackage, name: string): ZipEntry | undefined {
  return zip.entries.find((e) => e.name === name);
}

/**
 * The package with some parts replaced (name → new uncompressed bytes). Every other part is copied as
 * stored, in the same order; the replaced ones are deflated anew with their original date and name.
 * A part mapped to null is left out. `store` writes the replaced parts uncompressed (for a package read
 * at once in memory, where deflating would only cost time).
 */
export function rewriteZip(zip: ZipPackage, replace: Map<string, Buffer | null>, opts: { store?: boolean } = {}): Buffer {
  const { buf } = zip;
  // The stored extent of each entry: from its local header to the next one (data descriptor included).
  const byOffset = [...zip.entries].sort((a, b) => a.offset - b.offset);
  const extent = new Map<ZipEntry, number>();
  byOffset.forEach((e, i) => extent.set(e, i + 1 < byOffset.length ? byOffset[i + 1].offset : zip.centralOffset));

  const parts: Buffer[] = [];
  const newOffset = new Map<ZipEntry, number>();
  const newCentral = new Map<ZipEntry, Buffer>();
  let offset = byOffset.length > 0 ? 0 : 0;
  // Bytes before the first local header (rare: a self-extracting stub) are kept.
  if (byOffset.length > 0 && byOffset[0].offset > 0) {
    parts.push(buf.subarray(0, byOffset[0].offset));
    offset = byOffset[0].offset;
  }
  const dropped = new Set(zip.entries.filter((e) => replace.get(e.name) === null));
  for (const e of byOffset) {
    if (dropped.has(e)) continue;
    newOffset.set(e, offset);
    const data = replace.get(e.name);
    if (!data) {
      const raw = buf.subarray(e.offset, extent.get(e));
      parts.push(raw);
      offset += raw.length;
      continue;
    }
    const method = opts.store ? 0 : 8;
    const deflated = opts.store ? data : zlib.deflateRawSync(data, { level: 6 });
    const crc = zlib.crc32(data);
    const name = buf.subarray(e.offset + 30, e.offset + 30 + buf.readUInt16LE(e.offset + 26));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags & 0x0800, 6); // keep only the UTF-8 name flag: no descriptor, no encryption
    local.writeUInt16LE(method, 8);
    buf.copy(local, 10, e.offset + 10, e.offset + 14); // date and time as stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, deflated);
    offset += 30 + name.length + deflated.length;
    const central = Buffer.from(e.central);
    central.writeUInt16LE(e.flags & 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    newCentral.set(e, central);
  }
  if (offset > 0xfffffff0) throw new ZipError("定稿后的文件超过 4 GB");
  const centralStart = offset;
  for (const e of zip.entries) {
    if (dropped.has(e)) continue;
    const central = newCentral.get(e) ?? Buffer.from(e.central);
    central.writeUInt32LE(newOffset.get(e) ?? 0, 42);
    parts.push(central);
    offset += central.length;
  }
  const eocd = Buffer.from(zip.eocd);
  eocd.writeUInt16LE(zip.entries.length - dropped.size, 8);
  eocd.writeUInt16LE(zip.entries.length - dropped.size, 10);
  eocd.writeUInt32LE(offset - centralStart, 12);
  eocd.writeUInt32LE(centralStart, 16);
  parts.push(eocd);
  return Buffer.concat(parts);
}
