/**
 * Browser test plumbing: Debian's chromium driven by playwright-core (never a downloaded browser),
 * the built task pane served from dist/ on localhost, office.js routed to a local stub.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const RESULTS = path.join(ROOT, "test-results");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Builds the add-in (development mode, faster) when dist/ is missing or older than the sources. */
export function ensureBuilt(): void {
  const built = path.join(DIST, "taskpane.html");
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const p = path.join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest(path.join(ROOT, "src"))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"], { cwd: ROOT, stdio: "pipe" });
}

/** Serves dist/ (or another built folder) on 127.0.0.1 (a free port). */
export async function serveDist(root: string = DIST): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`找不到 Chromium：${executablePath}（CI 由 .ci/run 用 apt 安装 chromium）`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The office.js stand-in (office-stub.ts: the in-memory Excel behind Office.js) bundled into one script. */
export function officeStub(): string {
  return buildSync({ entryPoints: [path.join(__dirname, "office-stub.ts")], bundle: true, write: false, format: "iife", platform: "browser", absWorkingDir: ROOT }).outputFiles[0].text;
}

export interface OpenTaskPane {
  browser: Browser;
  server: { url: string; close(): Promise<void> };
  page: Page;
  /** Uncaught errors of the page since it was opened. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The built task pane in Chromium on the in-memory Excel: no network (anything outside 127.0.0.1 is refused)
 * but office.js, which the stub answers (Playwright tries the most recently added route first). Resolves
 * once the 模板 tab is shown.
 */
export async function openTaskPane(viewport: { width: number; height: number }): Promise<OpenTaskPane> {
  ensureBuilt();
  const stub = officeStub();
  const server = await serveDist();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("tab", { name: "模板" }).waitFor();
  return { browser, server, page, errors, close: async () => (await browser.close(), await server.close()) };
}

/** Types a value into a cell as the user would (the stub's edit event fires, as Excel's does). */
export async function userEdit(page: Page, sheet: string, address: string, value: string | number): Promise<void> {
  await page.evaluate(([s, a, v]) => (window as unknown as { __host: { userEdit(s: string, a: string, v: unknown): Promise<void> } }).__host.userEdit(s as string, a as string, v), [sheet, address, value] as const);
}
