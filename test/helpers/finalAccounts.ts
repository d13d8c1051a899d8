import * as fs from "fs";
import * as path from "path";
import { HUNAN_2024, layoutToGrid, packageLayouts, type CellScalar, type Grid } from "../../src/core";
import { loadSeed } from "./seeds";

/** Seed 004's nine 决算公开 tables, transcribed by hand (test/fixtures/finalAccounts/seed-004-tables.json), one grid per table. */
export function seed004Tables(): Grid[] {
  const file = path.join(__dirname, "..", "fixtures", "finalAccounts", "seed-004-tables.json");
  const fx = JSON.parse(fs.readFileSync(file, "utf8")) as { sheets: { name: string; rows: CellScalar[][] }[] };
  return fx.sheets.map((s) => ({ sheet: s.name, values: s.rows.map((r) => [...r]) }));
}

/** Seed 004's 附件1 基础数据表 (from test/fixtures/seeds/seed-004.json) as a grid. */
export function seed004Basic(): Grid[] {
  const pkg = { ...loadSeed("004"), selfEvaluation: null, projects: [] };
  return packageLayouts({ year: 2024, preset: HUNAN_2024 }, pkg).map((l) => layoutToGrid(l));
}

/** Sets one cell (0-based row/col) of the named grid. */
export function setCell(grids: Grid[], sheet: string, row: number, col: number, v: CellScalar): void {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) throw new Error(`no sheet ${sheet}`);
  while (g.values.length <= row) g.values.push([]);
  g.values[row][col] = v;
}
