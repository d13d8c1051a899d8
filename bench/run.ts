/** `npm run bench`: every benchmark of the project, measured in one run. */
import { benchCli } from "./cli";
import { benchCore } from "./core";
import { benchFinalAccounts } from "./finalAccounts";
import { benchFunctions } from "./functions";
import { benchReport } from "./report";

console.log(`绩效自评助手 基准测试  Node ${process.version}  ${new Date().toISOString()}`);
benchCore();
benchFunctions();
benchReport();
benchFinalAccounts();
// Last: the CLI benchmark is asynchronous (it runs the CLI as a process); its lines must not interleave with the others.
void benchCli();
