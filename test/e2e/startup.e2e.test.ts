/**
 * The start-up check (src/startup/startup.js, issue 13): plain ES5, and in Chromium the task pane never
 * stays blank — office.js blocked or hanging, an IE11 / EdgeHTML user agent, Office not answering, an
 * Excel without ExcelApi 1.14: each shows its Chinese message. Uses the development build in dist/.
 */
import { parse } from "acorn";
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { ensureBuilt, launchChromium, OFFICE_JS, officeStub, ROOT, serveDist } from "./browser";

jest.setTimeout(180_000);

const STARTUP = path.join(ROOT, "src", "startup", "startup.js");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
/** A short start-up timeout for the tests that wait for it (the page default is 20 s); set before the page's scripts run. */
const TIMEOUT_MS = 2000;
/** For the tests whose message must come at once: far longer than the message may take, even on a busy machine. */
const LONG_TIMEOUT_MS = 15_000;

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let stub: string;

beforeAll(async () => {
  ensureBuilt();
  stub = officeStub();
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with no network but the local server; office.js answered by `officeJs`. */
async function open(officeJs: "stub" | "blocked" | "hang" | "no-answer", options: { userAgent?: string; sets?: Record<string, string>; timeoutMs?: number } = {}) {
  const context = await browser.newContext({ userAgent: options.userAgent, viewport: { width: 420, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(
    ([timeout, sets]) => {
      const w = window as unknown as { JIXIAO_STARTUP_TIMEOUT_MS: number; __OFFICE_STUB_SETS?: unknown };
      w.JIXIAO_STARTUP_TIMEOUT_MS = timeout as number;
      if (sets) w.__OFFICE_STUB_SETS = sets;
    },
    [options.timeoutMs ?? TIMEOUT_MS, options.sets ?? null] as const,
  );
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  if (officeJs === "stub") await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  if (officeJs === "hang") await page.route(OFFICE_JS, () => undefined); // never answered, like a firewall that drops packets
  if (officeJs === "no-answer") {
    // office.js loaded, but Office never calls back (Office.onReady neither resolves nor rejects).
    const body = "window.Office={onReady:function(){return new Promise(function(){})},context:{}};window.CustomFunctions={associate:function(){}};";
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body }));
  }
  const started = Date.now();
  await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
  return { page, started, close: () => context.close() };
}

function message(page: Page) {
  return page.locator("#jixiao-startup-message");
}

describe("startup.js is plain ES5", () => {
  test("acorn with ecmaVersion 5 parses it (and the copy webpack puts in dist/)", () => {
    const src = fs.readFileSync(STARTUP, "utf8");
    expect(() => parse(src, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(fs.readFileSync(path.join(ROOT, "dist", "startup.js"), "utf8")).toBe(src);
  });

  test("the same parser refuses ES2015 (so the check above can fail)", () => {
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow();
    expect(() => parse("let a = `x`;", { ecmaVersion: 5 })).toThrow();
  });

  test("taskpane.html loads it before office.js and before the bundle", () => {
    const html = fs.readFileSync(path.join(ROOT, "dist", "taskpane.html"), "utf8");
    const at = (s: string) => html.indexOf(s);
    expect(at('src="startup.js"')).toBeGreaterThan(0);
    expect(at('src="startup.js"')).toBeLessThan(at(OFFICE_JS));
    expect(at(OFFICE_JS)).toBeLessThan(at("taskpane.js"));
  });
});

describe("in Chromium", () => {
  test("office.js blocked: the Chinese message names the address, well within the timeout", async () => {
    const { page, started, close } = await open("blocked", { timeoutMs: LONG_TIMEOUT_MS });
    try {
      await message(page).waitFor({ timeout: LONG_TIMEOUT_MS - 2000 });
      expect(Date.now() - started).toBeLessThan(LONG_TIMEOUT_MS); // said as soon as the page saw no Office, not by the timer
      expect(await message(page).getAttribute("data-kind")).toBe("officejs");
      const text = await message(page).innerText();
      expect(text).toContain("未能加载 office.js");
      expect(text).toContain("appsforoffice.microsoft.com"); // the host IT must allow
      expect(text).toContain("--env officejs=local");
      expect(text).toContain("jixiao template");
      await expect(page.getByRole("tab", { name: "模板" }).count()).resolves.toBe(0);
    } finally {
      await close();
    }
  });

  test("office.js hanging (never answered): the message appears after the timeout, not never", async () => {
    const { page, started, close } = await open("hang");
    try {
      await message(page).waitFor({ timeout: TIMEOUT_MS + 8000 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 200);
      expect(await message(page).getAttribute("data-kind")).toBe("officejs");
    } finally {
      await close();
    }
  });

  test("Office.onReady never answering: 'Office 没有响应' after the timeout", async () => {
    const { page, close } = await open("no-answer");
    try {
      await message(page).waitFor({ timeout: TIMEOUT_MS + 8000 });
      expect(await message(page).getAttribute("data-kind")).toBe("noresponse");
      expect(await message(page).innerText()).toContain("Office 没有响应");
    } finally {
      await close();
    }
  });

  test.each([
    ["IE11 (Trident)", IE11, "Internet Explorer 11"],
    ["EdgeHTML", EDGE_HTML, "旧版 Microsoft Edge"],
  ])("%s user agent: the old-engine message at once, WebView2 named, the React pane not started", async (_name, userAgent, engine) => {
    const { page, close } = await open("stub", { userAgent, timeoutMs: LONG_TIMEOUT_MS });
    try {
      await message(page).waitFor({ timeout: LONG_TIMEOUT_MS - 2000 });
      expect(await message(page).getAttribute("data-kind")).toBe("engine");
      const text = await message(page).innerText();
      expect(text).toContain(engine);
      expect(text).toContain("WebView2");
      await page.waitForTimeout(500);
      await expect(page.getByRole("tab", { name: "模板" }).count()).resolves.toBe(0);
    } finally {
      await close();
    }
  });

  test("WebView2 (Chromium Edge, \"Edg/\") with Office answering: the pane starts, no start-up message even after the timeout, version in the footer", async () => {
    const webView2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
    const { page, close } = await open("stub", { userAgent: webView2 });
    try {
      await page.getByRole("tab", { name: "模板" }).waitFor();
      await page.waitForTimeout(TIMEOUT_MS + 300);
      await expect(message(page).count()).resolves.toBe(0);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
      await expect(page.getByTestId("version").innerText()).resolves.toBe(`绩效自评助手 ${pkg.version}`);
    } finally {
      await close();
    }
  });

  test("an Excel without ExcelApi 1.14 (Excel 2019 has 1.8): the requirement message instead of the pane", async () => {
    const { page, close } = await open("stub", { sets: { ExcelApi: "1.8" } });
    try {
      const notice = page.getByTestId("requirement-problem");
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain("Excel 太旧");
      expect(text).toContain("ExcelApi 1.14");
      expect(text).toContain("jixiao template");
      await expect(page.getByRole("tab", { name: "模板" }).count()).resolves.toBe(0);
      await page.waitForTimeout(TIMEOUT_MS + 300);
      await expect(message(page).count()).resolves.toBe(0); // the task pane spoke: no second message
    } finally {
      await close();
    }
  });
});
