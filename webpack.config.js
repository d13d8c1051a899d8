// Webpack：打包任务窗格（React）、自定义函数与功能区命令，生成 functions.json，
// 并把 assets/ 与 manifest.xml 复制到 dist/。开发服务器：https://localhost:3000。
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

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
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
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      new ForbidPackagesPlugin(),
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
