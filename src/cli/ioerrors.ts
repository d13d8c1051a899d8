/** System errors (EACCES, ENOSPC, …) as one Chinese sentence with the path and what to do; never a stack. */
import { CliError, EXIT } from "./errors";

const WHAT: Record<string, (file: string, op: "read" | "write") => string> = {
  ENOENT: (f, op) => (op === "read" ? `找不到「${f}」。请检查文件名和路径。` : `无法写入「${f}」：所在文件夹不存在。请先建好文件夹或换一个路径。`),
  EACCES: (f, op) => `没有权限${op === "read" ? "读取" : "写入"}「${f}」。请检查文件和所在文件夹的权限，或换一个有权限的位置。`,
  EPERM: (f, op) => `系统不允许${op === "read" ? "读取" : "写入"}「${f}」。请检查权限，或换一个位置。`,
  ENOSPC: (f) => `磁盘空间不足，无法写入「${f}」。请清理磁盘或换一个位置后重试；已有的同名文件没有改动。`,
  EDQUOT: (f) => `磁盘配额已满，无法写入「${f}」。请清理空间后重试；已有的同名文件没有改动。`,
  EROFS: (f) => `「${f}」所在的位置是只读的，无法写入。请换一个可写的文件夹。`,
  EISDIR: (f) => `「${f}」是文件夹，这里需要一个文件。`,
  ENOTDIR: (f) => `「${f}」的路径中有一部分不是文件夹。请检查路径。`,
  ENAMETOOLONG: (f) => `文件名或路径太长：「${f}」。请换一个短一些的路径。`,
  EBUSY: (f) => `「${f}」正被其他程序占用（例如 Excel 正打开着它）。请关闭后重试。`,
  ETXTBSY: (f) => `「${f}」正被其他程序占用。请关闭后重试。`,
  EMFILE: (f) => `同时打开的文件太多，无法处理「${f}」。请稍后重试。`,
  ENFILE: (f) => `系统打开的文件太多，无法处理「${f}」。请稍后重试。`,
  EIO: (f) => `读写「${f}」时磁盘或网络设备出错。请检查设备后重试。`,
  ELOOP: (f) => `「${f}」是循环的符号链接。请检查链接。`,
  EEXIST: (f) => `临时文件已存在，无法写入「${f}」。请重试。`,
};

/** The CliError for a failed read or write of `file` (exit 2). */
export function ioError(e: unknown, file: string, op: "read" | "write"): CliError {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const text = WHAT[code]?.(file, op) ?? `${op === "read" ? "读取" : "写入"}「${file}」失败（${code || "未知错误"}）。请检查文件和磁盘后重试。`;
  return new CliError(text, EXIT.unreadable);
}
