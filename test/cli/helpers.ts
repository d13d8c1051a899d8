/** Helpers of the CLI tests: run the CLI as a process, temp folders, seed workbooks, tiny zips. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { HUNAN_2024, packageLayouts, type Package } from "../../src/core";
import { newWorkbook, writeLayouts, writeWorkbook } from "../../src/cli/xlsx";
import { loadSeed, type SeedId } from "../helpers/seeds";

export const ROOT = path.join(__dirname, "..", "..");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let built: string | null = null;

/**
 * The CLI compiled from the current source (scripts/build-cli.mjs, as `npm run build:cli` does) into a
 * folder of this test process, inside the repository so that exceljs resolves from node_modules.
 * Running through tsx instead costs ~2 s per call.
 */
export function buildCli(): string {
  if (built) return built;
  const out = path.join(ROOT, "node_modules", ".cache", `jixiao-cli-test-${process.pid}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs"), out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
  built = out;
  process.on("exit", () => fs.rmSync(out, { recursive: true, force: true }));
  return out;
}

/** Runs `jixiao ARGS` (compiled from the current source) as a separate process. */
export function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [path.join(buildCli(), "jixiao.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the installed entry, bin/jixiao.js (compiled dist-cli/). */
export function bin(args: string[]): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "jixiao.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `jixiao-${tag}-`));
}

/** A seed package written as a workbook (what `jixiao import` does). */
export async function seedWorkbook(id: SeedId, file: string, edit?: (pkg: Package) => void): Promise<string> {
  const pkg = loadSeed(id);
  edit?.(pkg);
  const wb = newWorkbook();
  writeLayouts(wb, packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg));
  await writeWorkbook(wb, file);
  return file;
}

/** A stored (uncompressed) zip of the given entries: enough for a fake .docx and friends. */
export function makeZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    const nameBuf = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The start of an encrypted OOXML file: a compound-file header and the EncryptionInfo stream name. */
export function encryptedHeader(): Buffer {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(buf, 1024);
  Buffer.from("EncryptedPackage", "utf16le").copy(buf, 1152);
  return buf;
}

/** The LibreOffice command on this machine; no LibreOffice → the test fails with what to install (it never skips). */
export function soffice(): string {
  for (const bin of ["soffice", "libreoffice"]) {
    const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
    if (r.status === 0) return bin;
  }
  throw new Error("找不到 LibreOffice（soffice）。请安装：apt-get install -y --no-install-recommends libreoffice-calc-nogui（.ci/run 会自动安装）。");
}
