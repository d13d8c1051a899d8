/**
 * One version (package.json) everywhere, and the production build's address handling in webpack.config.js
 * (checked on the config itself: no build needed).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { requirementProblem, WITHOUT_ADDIN } from "../../src/taskpane/requirements";
import { manifestVersion, VERSION } from "../../src/version";

const ROOT = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => Promise<{ plugins: object[] }>;

describe("version from package.json", () => {
  test("src/version.ts reads package.json", () => {
    expect(VERSION).toBe(pkg.version);
  });

  test("manifest form n.n.n.n", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.3.4-beta.1")).toBe("2.3.4.0");
    expect(manifestVersion("1.2")).toBe("1.2.0.0");
  });

  test("the development manifest.xml carries the same version", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(/<Version>([^<]*)<\/Version>/.exec(xml)![1]).toBe(manifestVersion(pkg.version));
  });

  test("jixiao --version prints it", async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      await expect(main(["--version"])).resolves.toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(written.join("")).toBe(`jixiao ${pkg.version}\n`);
  });
});

/** The manifest.xml transform of the CopyWebpackPlugin in the config for `env`. */
async function manifestTransform(env: Record<string, unknown>): Promise<(content: Buffer) => string> {
  const config = await webpackConfig(env, { mode: "production" });
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as { patterns: { to?: string; transform?: (c: Buffer) => string }[] };
  return copy.patterns.find((p) => p.to === "manifest.xml")!.transform!;
}

describe("webpack.config.js --env url", () => {
  const devManifest = fs.readFileSync(path.join(ROOT, "manifest.xml"));

  test("every address in the manifest moves to the hosting address; a missing final / is added; version stamped", async () => {
    const xml = (await manifestTransform({ url: "https://intranet.example/jixiao" }))(devManifest);
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u).toMatch(/^https:\/\/intranet\.example\/jixiao\/[a-z]/);
    expect(xml).toContain("https://intranet.example/jixiao/taskpane.html");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`<Version>${manifestVersion(pkg.version)}</Version>`);
  });

  test.each([
    ["http://intranet.example/jixiao/", /必须使用 https/],
    ["https://localhost:3000/", /不能是本机地址/],
    ["not a url", /不是有效的网址/],
    ["https://intranet.example/jixiao/?a=1", /不能带 \? 或 #/],
  ])("%s is refused with a Chinese message", async (url, message) => {
    await expect(webpackConfig({ url }, { mode: "production" })).rejects.toThrow(message);
  });

  test("--env officejs accepts only cdn or local", async () => {
    await expect(webpackConfig({ officejs: "mirror" }, { mode: "production" })).rejects.toThrow(/只能是 cdn 或 local/);
  });
});

describe("start-up requirement check", () => {
  test("all sets present: no message", () => {
    expect(requirementProblem(() => true)).toBeNull();
  });

  test("ExcelApi 1.14 missing (Excel 2019 has 1.8): the Chinese message names it and what to do instead", () => {
    const have: Record<string, string> = { ExcelApi: "1.8", SharedRuntime: "1.1" };
    const p = requirementProblem((name, version) => have[name] !== undefined && Number(version.split(".")[1]) <= Number(have[name]!.split(".")[1]));
    expect(p!.missing).toEqual(["ExcelApi 1.14"]);
    expect(p!.title).toMatch(/Excel 太旧/);
    expect(p!.lines.join("\n")).toMatch(/ExcelApi 1\.14/);
    expect(p!.lines).toContain(WITHOUT_ADDIN);
  });

  test("isSetSupported throwing (very old Office) counts as missing", () => {
    expect(requirementProblem(() => { throw new Error("not available"); })!.missing).toEqual(["ExcelApi 1.14", "SharedRuntime 1.1"]);
  });

  test("startup.js gives the same advice word for word", () => {
    const startup = fs.readFileSync(path.join(ROOT, "src", "startup", "startup.js"), "utf8");
    const quoted = [...startup.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("");
    expect(quoted).toContain(WITHOUT_ADDIN);
  });
});
