#!/usr/bin/env node
// jixiao 命令行入口。运行 esbuild 编译好的 dist-cli/jixiao.js（npm run build:cli 生成；npm install / npm ci
// 时由 prepare 脚本自动构建）。不直接用 tsx 运行 TypeScript 源码：tsx 是开发依赖，npm install -g 后不存在。
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist-cli", "jixiao.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("命令行还没有构建：请在项目目录运行 npm run build:cli（或 npm install）后再试。\n");
  process.exit(3);
}
require(entry).run();
