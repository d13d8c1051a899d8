import * as fs from "fs";
import * as path from "path";
import { HUNAN_2024, layoutToGrid, packageLayouts, type Grid, type Package } from "../../src/core";

export type SeedId = "002" | "003" | "004";

/** A seed package as transcribed by hand into test/fixtures/seeds. */
export function loadSeed(id: SeedId): Package {
  const file = path.join(__dirname, "..", "fixtures", "seeds", `seed-${id}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Package;
}

/** The seed typed into our templates, as a host would hand the sheets back. */
export function seedGrids(id: SeedId): Grid[] {
  return packageLayouts({ year: 2024, preset: HUNAN_2024 }, loadSeed(id)).map((l) => layoutToGrid(l));
}
