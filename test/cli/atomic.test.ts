/**
 * Every write is atomic (issue 11): a full disk (a 64 KB tmpfs), a read-only folder (a tmpfs remounted
 * read-only), a crash in the middle of writing and a failed rename leave the previous file byte-identical
 * and no temporary file behind; the output cannot be the input through a hard or a symbolic link.
 * Where mount is refused, the same faults are injected through the fs parameter.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { assertNotInput, writeFileAtomic, type Fs } from "../../src/cli/atomic";
import { CliError } from "../../src/cli/errors";
import { main } from "../../src/cli/main";
import { corpusWorkbook } from "./corpus";
import { tmpDir } from "./helpers";

const dir = tmpDir("atomic");
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync("umount", [m]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A tmpfs of `size` at a new folder, or null where mounting is not allowed. */
function tmpfs(name: string, size: string): string | null {
  const at = path.join(dir, name);
  fs.mkdirSync(at);
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", at]);
  if (r.status !== 0) return null;
  mounts.push(at);
  return at;
}

const errno = (code: string) => Object.assign(new Error(code), { code });

/** node:fs with one function replaced. */
function failing(over: Partial<Fs>): Fs {
  return { ...fs, ...over } as Fs;
}

function previous(folder: string, name = "out.xlsx"): { file: string; bytes: Buffer } {
  const file = path.join(folder, name);
  const bytes = Buffer.from("the user's previous output, 上一版".repeat(50));
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

function error(fn: () => void): CliError {
  try {
    fn();
  } catch (e) {
    return e as CliError;
  }
  throw new Error("expected an error");
}

const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith(".tmp"));

describe("a failed write leaves the previous file as it was", () => {
  test("a full disk (64 KB tmpfs, or an injected ENOSPC): Chinese message with the path, previous file intact, no temp file", () => {
    const small = tmpfs("full", "64k");
    const folder = small ?? fs.mkdtempSync(path.join(dir, "full-sim-"));
    const { file, bytes } = previous(folder);
    const big = Buffer.alloc(512 * 1024, 7); // 512 KB does not fit in 64 KB
    const fsImpl = small ? fs : failing({ writeSync: () => { throw errno("ENOSPC"); } });
    const e = error(() => writeFileAtomic(file, big, fsImpl as Fs));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(`磁盘空间不足，无法写入「${file}」。请清理磁盘或换一个位置后重试；已有的同名文件没有改动。`);
    expect(e.exitCode).toBe(2);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  test("a read-only folder (tmpfs remounted read-only, or an injected EROFS)", () => {
    const ro = tmpfs("ro", "1m");
    const folder = ro ?? fs.mkdtempSync(path.join(dir, "ro-sim-"));
    const { file, bytes } = previous(folder);
    let fsImpl: Fs = fs;
    if (ro && spawnSync("mount", ["-o", "remount,ro", ro]).status === 0) fsImpl = fs;
    else fsImpl = failing({ openSync: () => { throw errno("EROFS"); } });
    const e = error(() => writeFileAtomic(file, "new", fsImpl));
    expect(e.message).toBe(`「${file}」所在的位置是只读的，无法写入。请换一个可写的文件夹。`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  test("a crash in the middle of writing (half the bytes written, then an error): previous file intact, temp removed", () => {
    const folder = fs.mkdtempSync(path.join(dir, "crash-"));
    const { file, bytes } = previous(folder);
    let calls = 0;
    const fsImpl = failing({
      writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
        if (++calls > 1) throw new Error("模拟崩溃");
        return fs.writeSync(fd, buf, off, Math.max(1, Math.floor(len / 2)));
      }) as Fs["writeSync"],
    });
    expect(() => writeFileAtomic(file, Buffer.alloc(100_000, 1), fsImpl)).toThrow(CliError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  test("a failed rename (EACCES) and a failed fsync (EIO): previous file intact, temp removed, Chinese message", () => {
    const folder = fs.mkdtempSync(path.join(dir, "rename-"));
    const { file, bytes } = previous(folder);
    const e1 = error(() => writeFileAtomic(file, "new", failing({ renameSync: () => { throw errno("EACCES"); } })));
    expect(e1.message).toBe(`没有权限写入「${file}」。请检查文件和所在文件夹的权限，或换一个有权限的位置。`);
    const e2 = error(() => writeFileAtomic(file, "new", failing({ fsyncSync: () => { throw errno("EIO"); } })));
    expect(e2.message).toContain("磁盘或网络设备出错");
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  test("a successful write replaces the file whole and keeps a symbolic link a link", () => {
    const folder = fs.mkdtempSync(path.join(dir, "ok-"));
    const { file } = previous(folder);
    const link = path.join(folder, "link.xlsx");
    fs.symlinkSync(file, link);
    writeFileAtomic(link, "新的内容");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toBe("新的内容");
    expect(leftovers(folder)).toEqual([]);
  });
});

describe("the output is never the input", () => {
  const folder = fs.mkdtempSync(path.join(dir, "links-"));
  const input = path.join(folder, "自评.xlsx");
  const bytes = corpusWorkbook();
  fs.writeFileSync(input, bytes);
  const hard = path.join(folder, "hard.xlsx");
  const soft = path.join(folder, "soft.xlsx");
  fs.linkSync(input, hard);
  fs.symlinkSync(input, soft);

  test.each([
    ["the same path written differently", path.join(folder, ".", "自评.xlsx")],
    ["a hard link", hard],
    ["a symbolic link", soft],
  ])("%s is refused (exit 3) and the input stays byte-identical", async (_what, out) => {
    expect(() => assertNotInput(input, out)).toThrow("输出文件不能与输入文件相同");
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await main(["finalize", input, out, "--force"]);
    write.mockRestore();
    expect(code).toBe(3);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  test("another file is fine", () => {
    expect(() => assertNotInput(input, path.join(folder, "定稿.xlsx"))).not.toThrow();
  });
});
