import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { HUNAN_2024, packageLayouts, checkGrids } from "./src/core";
import { newWorkbook, writeLayouts, writeWorkbook, workbookToGrids } from "./src/cli/xlsx";
import { readWorkbookBytes } from "./src/cli/sniff";
import { generatedPackage } from "./bench/generate";
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nl-prof-"));
  const files: string[] = [];
  for (let i = 0; i < 24; i++) {
    const pkg = generatedPackage(1 + (i % 6));
    const wb = newWorkbook();
    writeLayouts(wb, packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg));
    const f = path.join(dir, `${i}.xlsx`);
    await writeWorkbook(wb, f);
    files.push(f);
  }
  const t = { bytes: 0, load: 0, grid: 0, check: 0 };
  for (let round = 0; round < 2; round++) {
    for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] = 0;
    for (const f of files) {
      let a = performance.now();
      const buf = readWorkbookBytes(f);
      let b = performance.now(); t.bytes += b - a; a = b;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as never);
      b = performance.now(); t.load += b - a; a = b;
      const grids = workbookToGrids(wb);
      b = performance.now(); t.grid += b - a; a = b;
      checkGrids(grids, HUNAN_2024);
      b = performance.now(); t.check += b - a;
    }
  }
  console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / files.length).toFixed(1) + " ms/file"])));
  fs.rmSync(dir, { recursive: true, force: true });
})();
