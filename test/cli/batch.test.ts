/**
 * Batch speed (issue 11): this thread checks files beside the workers, and no worker is started for
 * fewer than FILES_PER_THREAD files per thread (a worker's start-up, loading exceljs and the core, costs
 * more than a dozen files); results are the same and in the same order whatever the threads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkFiles, defaultJobs, FILES_PER_THREAD, listWorkbooks } from "../../src/cli/batch";
import { HUNAN_2024 } from "../../src/core";
import { seedWorkbook, tmpDir } from "./helpers";

jest.setTimeout(120_000);

const dir = tmpDir("batch");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("default threads: one per core, but at least FILES_PER_THREAD (12) files each", () => {
  expect(FILES_PER_THREAD).toBe(12);
  expect(defaultJobs(1, 2)).toBe(1);
  expect(defaultJobs(23, 2)).toBe(1); // 23 / 12 = 1.9 → 1
  expect(defaultJobs(24, 2)).toBe(2);
  expect(defaultJobs(200, 2)).toBe(2);
  expect(defaultJobs(200, 64)).toBe(16); // 200 / 12 = 16.7 → 16
  expect(defaultJobs(0, 4)).toBe(1);
});

test("two threads (this one and one worker) give the same results, in order, as one", async () => {
  const files: string[] = [];
  for (const [i, id] of (["003", "004", "002", "003"] as const).entries()) files.push(await seedWorkbook(id, path.join(dir, `${i}-${id}.xlsx`)));
  fs.writeFileSync(path.join(dir, "5-bad.xlsx"), "not a workbook");
  const all = listWorkbooks(dir);
  const progress: number[] = [];
  const one = await checkFiles(all, { preset: HUNAN_2024, jobs: 1 });
  const two = await checkFiles(all, { preset: HUNAN_2024, jobs: 2, onProgress: (done) => progress.push(done) });
  expect(two).toEqual(one);
  expect(two.map((r) => r.ok)).toEqual([true, true, true, true, false]);
  expect(progress).toEqual([1, 2, 3, 4, 5]);
});
