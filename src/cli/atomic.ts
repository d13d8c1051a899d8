/**
 * Every file the CLI writes goes through here: the bytes go to a temporary file beside the target,
 * are flushed to disk (fsync), and the temporary file is renamed over the target. A crash, a full
 * disk or a missing permission therefore leaves the previous file as it was, and no temporary file
 * behind. The file system is a parameter so that tests can inject faults.
 */
import * as nodeFs from "node:fs";
import * as path from "node:path";
import { CliError, EXIT, UsageError } from "./errors";
import { ioError } from "./ioerrors";

/** The part of node:fs used here (tests pass a wrapper that fails on purpose). */
export type Fs = Pick<
  typeof nodeFs,
  "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync" | "statSync" | "lstatSync" | "realpathSync" | "existsSync"
>;

let tmpCounter = 0;

/** Where the bytes really go: a symbolic link to a file is followed, so that the link stays a link. */
function realTarget(fs: Fs, target: string): string {
  try {
    if (fs.lstatSync(target).isSymbolicLink()) return fs.realpathSync(target);
  } catch {
    // not there yet, or a dangling link: write the path as given
  }
  return target;
}

/** Writes `data` to `target` atomically (temp file beside it, fsync, rename). Throws a CliError in Chinese. */
export function writeFileAtomic(target: string, data: Uint8Array | string, fs: Fs = nodeFs): void {
  const file = realTarget(fs, target);
  try {
    if (fs.statSync(file).isDirectory()) throw new CliError(`「${target}」是文件夹，不能作为输出文件。请给出一个文件名。`, EXIT.usage);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
  let fd: number | null = null;
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  try {
    let mode = 0o666;
    try {
      mode = fs.statSync(file).mode & 0o777;
    } catch {
      // a new file
    }
    fd = fs.openSync(tmp, "wx", mode);
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
    if (e instanceof CliError) throw e;
    throw ioError(e, target, "write");
  }
}

/**
 * Refuses an output that is the input itself: the same path, a symbolic link to it, or a hard link
 * (same device and inode). The output need not exist.
 */
export function assertNotInput(input: string, output: string, fs: Fs = nodeFs): void {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      try {
        return path.join(fs.realpathSync(path.dirname(path.resolve(p))), path.basename(p));
      } catch {
        return path.resolve(p);
      }
    }
  };
  let same = real(input) === real(output);
  if (!same) {
    try {
      const a = fs.statSync(input);
      const b = fs.statSync(output);
      same = a.dev === b.dev && a.ino === b.ino;
    } catch {
      // the output does not exist yet
    }
  }
  if (same) throw new UsageError(`输出文件不能与输入文件相同：「${output}」就是「${input}」（同一路径或指向它的链接）。请另给一个文件名；原文件没有改动。`);
}
