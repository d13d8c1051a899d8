// Webpack：打包任务窗格（React）、自定义函数与功能区命令，生成 functions.json，
// 并把 assets/、启动检查脚本与 manifest.xml 复制到 dist/。开发服务器：https://localhost:3000。
// 生产构建（部署到单位的网站）：
//   npm run build -- --env url=https://intranet.example/jixiao/            清单中的网址都指向该地址，另打包 zip
//   npm run build -- --env url=https://intranet.example/jixiao/ --env officejs=local
//                                                                         office.js 及其加载的文件也由该网站提供（内网无法访问微软 CDN 时）
//   --env out=目录                                                         输出到别的目录（测试用），默认 dist/
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { X509Certificate } = require("node:crypto");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { WebpackError } = require("webpack");

const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** The one address manifest.xml names (the dev server); a production build replaces it with --env url. */
const DEV_URL = `https://localhost:${DEV_PORT}/`;
/** Microsoft's CDN address for office.js (the default; AppSource requires it). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where an offline build serves office.js and the files it loads, relative to the site. */
const OFFICE_JS_LOCAL_DIR = "office-js";
const { version: VERSION } = require("./package.json");

/** "0.1.0" → "0.1.0.0" (manifest <Version>); same rule as src/version.ts manifestVersion. */
function manifestVersion(version) {
  const parts = version.split(/[-+]/)[0].split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}

/**
 * The hosting address from --env url: https, not localhost, ending in "/". Throws a Chinese message otherwise.
 * Without --env url the manifest keeps the dev server's address.
 */
function hostingUrl(raw, production) {
  if (raw === undefined || raw === true || raw === "") return DEV_URL;
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`--env url=${raw} 不是有效的网址（应形如 https://intranet.example/jixiao/）。`);
  }
  if (url.protocol !== "https:") throw new Error(`--env url 必须使用 https（Office 只加载 https 网页）：${raw}`);
  if (production && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error(`生产构建的 --env url 不能是本机地址：${raw}（其他电脑访问不到）。`);
  }
  if (url.search || url.hash) throw new Error(`--env url 不能带 ? 或 #：${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The files of @microsoft/office-js an Excel add-in loads: office.js, the Excel host files (office.js picks
 * one by platform: excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js …), the custom-functions
 * runtime, the string tables of every language (office.js loads <locale>/office_strings.js) and the
 * helpers it loads itself (telemetry/, o15apptofilemappingtable.js, es6-promise.js). Left out: other
 * Office applications, debug builds, Outlook strings and webauth (single sign-on, not used).
 */
function officeJsFilter(rel) {
  const p = rel.split(path.sep).join("/");
  if (/\.debug\.js$|vsdoc|\.d\.ts$/.test(p)) return false;
  if (p.includes("/")) {
    const [dir, file] = p.split("/");
    if (["telemetry", "ariatelemetry", "agaveerrorux"].includes(dir)) return true;
    return /^[a-z]{2,3}(-[a-z0-9]{2,4}){1,2}$/.test(dir) && file === "office_strings.js";
  }
  // Excel 2016 and later only (the 15.x files are Excel 2013, which cannot run this add-in).
  return /^(office|custom-functions-runtime|es6-promise|o15apptofilemappingtable)\.js$|^excel-[a-z0-9]+-16\.\d\d(-core)?\.js$/.test(p);
}

/** Zips the output folder (for IT to unpack onto the web server). */
class ZipPlugin {
  constructor(file) {
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("ZipPlugin", async () => {
      const JSZip = require("jszip");
      const zip = new JSZip();
      const root = compiler.options.output.path;
      const add = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, e.name);
          if (e.isDirectory()) add(full);
          else zip.file(path.relative(root, full).split(path.sep).join("/"), fs.readFileSync(full));
        }
      };
      add(root);
      const data = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
      fs.writeFileSync(this.file, data);
    });
  }
}

/** Modules that must never reach a browser bundle (Node-only or far too big for a task pane). */
const NODE_ONLY_PACKAGES = ["exceljs"];

class ForbidPackagesPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ForbidPackagesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidPackagesPlugin", (modules) => {
        for (const module of modules) {
          const resource = module.resource ?? "";
          for (const pkg of NODE_ONLY_PACKAGES) {
            if (resource.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`)) {
              compilation.errors.push(
                new WebpackError(`${pkg} 只能在 Node（命令行）中使用，不能打包进浏览器：${path.relative(__dirname, resource)}`),
              );
              return;
            }
          }
        }
      });
    });
  }
}

/**
 * HTTPS options for the dev server. `office-addin-dev-certs install` needs sudo to trust the CA
 * (there is none on Linux CI), and getHttpsServerOptions() then throws; so generate the files
 * if missing and read them ourselves.
 */
async function devHttpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  const present = Object.values(paths).filter((p) => fs.existsSync(p)).length;
  if (present === 0) {
    const devCerts = require("office-addin-dev-certs");
    await devCerts.generateCertificates();
  } else if (present < 3) {
    throw new Error(`开发证书不完整：请删除 ${dir} 中的 ca.crt、localhost.crt、localhost.key 后重新运行 npm start。`);
  }
  const options = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
  const validTo = new Date(new X509Certificate(options.cert).validTo);
  if (validTo.getTime() < Date.now()) {
    throw new Error(
      `开发证书已于 ${validTo.toLocaleDateString("zh-CN")} 过期：请删除 ${dir} 中的三个证书文件后重新运行 npm start` +
        "（Windows / macOS 上再运行 npx office-addin-dev-certs install 信任新证书）。",
    );
  }
  return options;
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const siteUrl = hostingUrl(env.url, !dev);
  const officeJs = env.officejs === undefined ? "cdn" : String(env.officejs);
  if (officeJs !== "cdn" && officeJs !== "local") throw new Error(`--env officejs 只能是 cdn 或 local，实际是“${officeJs}”。`);
  const officeJsSrc = officeJs === "local" ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const outDir = env.out ? path.resolve(String(env.out)) : path.resolve(__dirname, "dist");
  const zipFile = siteUrl === DEV_URL ? null : path.join(path.dirname(outDir), `jixiao-addin-${VERSION}${officeJs === "local" ? "-offline" : ""}.zip`);
  // Resolved only for the offline build: the CDN build does not need the package installed.
  const officeJsPackage = officeJs === "local" ? path.dirname(require.resolve("@microsoft/office-js/package.json")) : "";
  if (!dev && siteUrl === DEV_URL) {
    console.warn(
      "提示：没有给出 --env url，dist/manifest.xml 仍指向 https://localhost:3000/，只能在本机试用。" +
        "部署到单位请用 npm run build -- --env url=https://单位网站/路径/（见 README「部署到单位」）。",
    );
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are reported by `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      // Shared runtime: the task pane page also hosts the custom functions and the ribbon commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        officeJsSrc,
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        officeJsSrc,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJsSrc,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          // Plain ES5, copied as written: it must run in IE11 / EdgeHTML to explain why the pane cannot.
          { from: "src/startup/startup.js", to: "startup.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every address from one place (--env url), the version from package.json.
            transform: (content) => {
              const xml = content
                .toString("utf8")
                .split(DEV_URL)
                .join(siteUrl)
                .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(VERSION)}</Version>`);
              if (siteUrl !== DEV_URL && /localhost/i.test(xml)) throw new Error("manifest.xml 中还有 localhost 网址：请只用 https://localhost:3000/ 开头的网址。");
              return xml;
            },
          },
          ...(officeJs === "local"
            ? [
                {
                  from: path.join(officeJsPackage, "dist"),
                  to: OFFICE_JS_LOCAL_DIR,
                  filter: (file) => officeJsFilter(path.relative(path.join(officeJsPackage, "dist"), file)),
                  info: { minimized: true }, // Microsoft's files as published: Terser must not touch them (and would take minutes)
                },
              ]
            : []),
        ],
      }),
      new ForbidPackagesPlugin(),
      ...(zipFile && !serving ? [new ZipPlugin(zipFile)] : []),
    ],
    performance: {
      // React + Fluent UI are about 70 KB gzip; warn only when something much bigger sneaks in.
      hints: dev ? false : "warning",
      maxAssetSize: 1536 * 1024,
      maxEntrypointSize: 1536 * 1024,
    },
    devServer: serving
      ? {
          host: "localhost",
          port: DEV_PORT,
          hot: false,
          liveReload: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devHttpsOptions() },
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
