/** Worker thread of `jixiao check DIR`: receives { file, preset }, answers with the file's result. */
import { parentPort } from "node:worker_threads";
import { checkFile, presetOption } from "./check";

parentPort?.on("message", (msg: { file: string; preset: string }) => {
  void checkFile(msg.file, presetOption(msg.preset)).then((r) => parentPort?.postMessage(r));
});
