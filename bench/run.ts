/** `npm run bench`: every benchmark of the project, measured in one run. */
import { benchCore } from "./core";

console.log(`绩效自评助手 基准测试  Node ${process.version}  ${new Date().toISOString()}`);
benchCore();
