// `npm run build:cli`: bundles src/cli (and the core it uses) into dist-cli/ for bin/jixiao.js.
// Why a compiled output rather than running the TypeScript through tsx: tsx is a devDependency,
// absent after `npm install -g`, and compiling on every start costs ~0.5 s per run. esbuild makes
// two CommonJS files (the CLI and its worker thread) in well under a second; npm packages stay
// external (exceljs, decimal.js come from node_modules), so exceljs never enters a browser bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, "dist-cli");

await build({
  absWorkingDir: root,
  entryPoints: { jixiao: "src/cli/main.ts", worker: "src/cli/worker.ts" },
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`命令行已构建到 ${path.relative(root, outdir) || "."}/（jixiao.js、worker.js）`);
