/** check --text 情况说明.txt: a .txt saved by 记事本 / WPS as GBK or UTF-16 reads as the same Chinese text as UTF-8. */
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeText, readTextFile } from "../../src/cli/finalAccounts";
import { tmpDir } from "./helpers";

const TEXT = "收入合计1227.61万元";
// The bytes of TEXT as `printf '收入合计1227.61万元' | iconv -f utf-8 -t gbk | xxd -p` prints them
const GBK = Buffer.from("cad5c8ebbacfbcc6313232372e3631cdf2d4aa", "hex");
// … and with `-t utf-16le`, after the BOM ff fe that 记事本 writes
const UTF16LE = Buffer.from("fffe" + "366565510854a18b31003200320037002e0036003100074e4351", "hex");

const dir = tmpDir("text");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  ["UTF-8", Buffer.from(TEXT, "utf8")],
  ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
  ["GBK (记事本「ANSI」)", GBK],
  ["UTF-16 LE with BOM (记事本「Unicode」)", UTF16LE],
])("%s", (_, bytes) => {
  expect(decodeText(bytes)).toBe(TEXT);
});

test("readTextFile reads a GBK 情况说明.txt as Chinese (it was read as UTF-8: replacement characters, no figure found)", async () => {
  const file = path.join(dir, "情况说明.txt");
  fs.writeFileSync(file, GBK);
  const text = await readTextFile(file);
  expect(text).toBe(TEXT);
  expect(text).not.toContain("\uFFFD");
});
