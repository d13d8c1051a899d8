import * as fs from "node:fs";
import * as path from "node:path";
import { HUNAN_2024, packageLayouts } from "./src/core";
import { newWorkbook, writeLayouts, writeWorkbook } from "./src/cli/xlsx";
import { generatedPackage } from "./bench/generate";
(async () => {
  const dir = "/tmp/nl-bench"; fs.rmSync(dir, { recursive: true, force: true }); fs.mkdirSync(dir);
  for (let i = 0; i < 60; i++) {
    const pkg = generatedPackage(1 + (i % 6)); pkg.unit += i;
    const wb = newWorkbook();
    writeLayouts(wb, packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg));
    await writeWorkbook(wb, path.join(dir, `${String(i).padStart(3, "0")}.xlsx`));
  }
})();
