/**
 * The production build a department hosts (issue 13): `webpack --mode production --env url=… --env officejs=local`
 * into a temporary folder. Its manifest points only at the test address, nothing in it names localhost,
 * nothing loads from outside the site, the zip holds the same files, and in Chromium with every request
 * outside the local test server blocked, the task pane loads office.js (and the files office.js loads)
 * from the local server and renders — outside Office, and as Excel on Windows starts it, where only
 * what Excel itself answers to office.js (window.external, test/e2e/win32-host.ts) is simulated.
 * One production build (≈ 30 s on an idle machine, minutes on a busy one).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { parseXml, validateManifest, type XmlElement } from "../../scripts/validate-manifest";
import { launchChromium, ROOT, serveDist } from "./browser";
import { EXCEL_2019, EXCEL_2021, win32HostScript, type SupportedMatrix } from "./win32-host";

jest.setTimeout(900_000);

const SITE = "https://jixiao.test.example/dept/addin/";
const SITE_HOST = new URL(SITE).host;
const CDN_HOST = "appsforoffice.microsoft.com";
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

/**
 * Host names that occur in the output as text but are never fetched: XML namespace names (the manifest,
 * the .docx writer), links inside library error messages (React's error decoder; docx's "Level cannot be
 * greater than 9" points at answers.microsoft.com) and licence headers (*.LICENSE.txt name github.com).
 */
const NEVER_FETCHED = new Set([
  "schemas.microsoft.com",
  "schemas.openxmlformats.org",
  "www.w3.org",
  "purl.org",
  "purl.oclc.org",
  "reactjs.org",
  "answers.microsoft.com",
  "github.com",
]);
/**
 * Host names inside Microsoft's own office.js files (office-js/, copied unchanged from @microsoft/office-js):
 * help and licence links in messages and comments, Office's telemetry endpoints (used only when Office turns
 * telemetry on; on a closed network they fail silently), the sign-in library (single sign-on, not used by this
 * add-in), the MicrosoftAjax fallback of a branch office.js disables, and WebView2's virtual document host.
 * Anything else appearing there fails the test, so a new dependency on the internet is noticed.
 */
const IN_OFFICE_JS_TEXT = new Set([
  "docs.microsoft.com",
  "go.microsoft.com",
  "support.microsoft.com",
  "raw.githubusercontent.com",
  "alcdn.msauth.net",
  "ajax.aspnetcdn.com",
  "document.localhost",
  "telemetryservice.firstpartyapps.oaspapps.com",
  ...["browser", "us", "eu", "jp", "au", "de", "tb", "pf"].map((r) => `${r}.pipe.aria.microsoft.com`),
]);

let work: string;
let dist: string;

/** Every file under dir, as paths relative to it with "/". */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const TEXT = /\.(html|js|json|xml|css|txt)$/;

/** Host names written as //host in a text (URLs, protocol-relative addresses). */
function hostsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?:https?:)?\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?/g)].map((m) => m[1]!.toLowerCase()));
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-deploy-"));
  dist = path.join(work, "dist");
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", `url=${SITE}`, "--env", "officejs=local", "--env", `out=${dist}`],
    { cwd: ROOT, stdio: "pipe" },
  );
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the offline production build for a test address", () => {
  test("every URL in dist/manifest.xml starts with the address, and the manifest passes validate --production", () => {
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const urls: string[] = [];
    const walk = (el: XmlElement) => {
      for (const [k, v] of Object.entries(el.attrs)) if (k !== "xmlns" && !k.startsWith("xmlns:") && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      if (/^[a-z]+:\/\//i.test(el.text.trim())) urls.push(el.text.trim());
      el.children.forEach(walk);
    };
    walk(parseXml(xml));
    expect(urls.length).toBeGreaterThanOrEqual(10); // icons, task pane, functions script and metadata, learn-more
    expect(urls.filter((u) => !u.startsWith(SITE))).toEqual([]);
    expect(urls).toContain(`${SITE}taskpane.html`);
    expect(xml).toContain(`<Version>${pkg.version}.0</Version>`);
    expect(validateManifest(xml, { rootDir: dist, production: true })).toEqual([]);
  });

  test("no file in dist/ references localhost", () => {
    const offenders = files(dist)
      .filter((f) => TEXT.test(f))
      .filter((f) => /\/\/(localhost|127\.0\.0\.1)\b|localhost:\d/.test(fs.readFileSync(path.join(dist, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  test("nothing loads from outside the site: our files name no outside host, Microsoft's only the known never-loaded ones, the CDN nowhere", () => {
    const ours: Record<string, string[]> = {};
    const microsoft: Record<string, string[]> = {};
    for (const f of files(dist).filter((x) => TEXT.test(x))) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      expect(`${f}: ${text.includes(CDN_HOST)}`).toBe(`${f}: false`);
      const allowed = f.startsWith("office-js/") ? (h: string) => NEVER_FETCHED.has(h) || IN_OFFICE_JS_TEXT.has(h) : (h: string) => NEVER_FETCHED.has(h);
      const outside = [...hostsIn(text)].filter((h) => h !== SITE_HOST && !allowed(h));
      if (outside.length > 0) (f.startsWith("office-js/") ? microsoft : ours)[f] = outside;
    }
    expect(ours).toEqual({});
    expect(microsoft).toEqual({});
    // Every page loads its scripts, styles and icons by relative address from the site itself.
    for (const page of ["taskpane.html", "functions.html", "commands.html"]) {
      const html = fs.readFileSync(path.join(dist, page), "utf8");
      const refs = [...html.matchAll(/\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((r) => /^([a-z]+:)?\/\//i.test(r))).toEqual([]);
      expect(refs).toContain("office-js/office.js");
    }
  });

  test("the office.js files come from @microsoft/office-js unchanged (Excel host files, Chinese strings, no debug builds)", () => {
    const copied = files(path.join(dist, "office-js"));
    const pkgDist = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
    for (const f of ["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "custom-functions-runtime.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
      expect(copied).toContain(f);
      expect(fs.readFileSync(path.join(dist, "office-js", f)).equals(fs.readFileSync(path.join(pkgDist, f)))).toBe(true);
    }
    expect(copied.filter((f) => /\.debug\.js$|^word-|^outlook|^powerpoint|\.LICENSE\.txt$/.test(f))).toEqual([]);
  });

  test("the zip holds exactly the files of dist/", async () => {
    const zipFile = path.join(work, `jixiao-addin-${pkg.version}-offline.zip`);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const inZip = Object.values(zip.files).filter((e) => !e.dir).map((e) => e.name).sort();
    expect(inZip).toEqual(files(dist));
    expect(await zip.file("manifest.xml")!.async("string")).toBe(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8"));
  });
});

describe("the offline build in Chromium, every request outside the local test server blocked", () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await serveDist(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the task pane; returns the local responses and the outside requests (all aborted). */
  async function open(
    query: string,
    excel?: SupportedMatrix,
  ): Promise<{ page: Page; local: Map<string, number>; outside: string[]; errors: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: "window.JIXIAO_STARTUP_TIMEOUT_MS = 3000;" });
    if (excel) await page.addInitScript({ content: win32HostScript(excel) });
    const local = new Map<string, number>();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", (r) => {
      if (r.url().startsWith(server.url)) local.set(new URL(r.url()).pathname, r.status());
    });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html${query}`);
    return { page, local, outside, errors, close: () => context.close() };
  }

  test("outside Office: office.js from the local server, Office.onReady answers, the task pane renders", async () => {
    const { page, local, outside, errors, close } = await open("");
    try {
      await page.getByRole("tab", { name: "模板" }).waitFor();
      expect(local.get("/office-js/office.js")).toBe(200);
      expect(local.get("/startup.js")).toBe(200);
      await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe("object");
      await expect(page.getByText("没有连接到 Excel").count()).resolves.toBeGreaterThan(0); // office.js said: no Office host here
      await expect(page.getByTestId("version").innerText()).resolves.toBe(`绩效自评助手 ${pkg.version}`);
      await page.waitForTimeout(3300);
      await expect(page.locator("#jixiao-startup-message").count()).resolves.toBe(0);
      // Outside Office, office.js itself tries to open Microsoft's telemetry frame; blocked, and nothing else.
      expect(outside.filter((u) => !u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/"))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  const WIN32 = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0"; // what Excel on Windows appends to the task pane address

  test("in Excel 2021 on Windows (window.external answering as Excel does): office.js and the Excel host file from the local server, the pane starts connected", async () => {
    const { page, local, outside, errors, close } = await open(WIN32, EXCEL_2021);
    try {
      await page.getByRole("tab", { name: "模板" }).waitFor();
      expect(local.get("/office-js/office.js")).toBe(200);
      expect(local.get("/office-js/excel-win32-16.01.js")).toBe(200);
      expect(local.get("/office-js/zh-cn/office_strings.js")).toBe(200);
      expect([...local.values()].filter((s) => s !== 200)).toEqual([]);
      // Real office.js reports the host and the sets Excel gave it; the pane runs as in Excel, not in design mode.
      await expect(page.evaluate(() => [Office.context.host, Office.context.requirements.isSetSupported("ExcelApi", "1.14")])).resolves.toEqual(["Excel", true]);
      await expect(page.getByText("没有连接到 Excel").count()).resolves.toBe(0);
      await expect(page.getByTestId("version").innerText()).resolves.toBe(`绩效自评助手 ${pkg.version}`);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("in Excel 2019 (ExcelApi 1.8, no shared runtime): real office.js answers isSetSupported, the pane says in Chinese what to use instead", async () => {
    const { page, outside, close } = await open(WIN32, EXCEL_2019);
    try {
      const notice = page.getByTestId("requirement-problem");
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain("ExcelApi 1.14、SharedRuntime 1.1");
      expect(text).toContain("jixiao template");
      await expect(page.getByRole("tab", { name: "模板" }).count()).resolves.toBe(0);
      expect(outside).toEqual([]);
    } finally {
      await close();
    }
  });

  test("Excel not answering at all (no window.external): the start-up message instead of a blank pane, still nothing from outside", async () => {
    const { page, local, outside, close } = await open(WIN32);
    try {
      await page.locator("#jixiao-startup-message[data-kind=noresponse]").waitFor({ timeout: 15_000 });
      expect(local.get("/office-js/excel-win32-16.01.js")).toBe(200);
      expect(outside).toEqual([]);
    } finally {
      await close();
    }
  });
});
