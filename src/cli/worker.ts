/**
 * Worker thread of `jixiao check DIR`: given all the files once (WorkerJob), takes the next index from
 * the shared counter until none is left, answering { index, result } per file, then { done }.
 */
import { parentPort } from "node:worker_threads";
import type { WorkerAnswer, WorkerJob } from "./batch";
import { checkFile, presetOption } from "./check";

parentPort?.once("message", (job: WorkerJob) => {
  void (async () => {
    const preset = presetOption(job.preset);
    for (let i = Atomics.add(job.counter, 0, 1); i < job.files.length; i = Atomics.add(job.counter, 0, 1)) {
      Atomics.store(job.current, job.slot, i);
      const result = await checkFile(job.files[i], preset);
      Atomics.store(job.current, job.slot, -1);
      parentPort?.postMessage({ index: i, result } satisfies WorkerAnswer);
    }
    parentPort?.postMessage({ done: true } satisfies WorkerAnswer);
  })();
});
