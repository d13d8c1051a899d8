/** 定稿 in the task pane: which cells to rewrite so that the workbook computes without the add-in. */
import { finalizeFormula, type Grid, type Preset } from "../core";
import type { CellWrite } from "../host/types";

export interface FinalizePlan {
  writes: CellWrite[];
  native: number; // formulas rewritten with built-in functions
  values: number; // formulas replaced by their value (no built-in equivalent)
}

export function planFinalize(grids: Grid[], preset: Preset): FinalizePlan {
  const writes: CellWrite[] = [];
  let native = 0;
  let values = 0;
  for (const grid of grids) {
    grid.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !/JX\./i.test(f)) return;
        const result = finalizeFormula(f, preset);
        if (result.kind === "native") {
          writes.push({ sheet: grid.sheet, row: r, col: c, formula: result.formula });
          native++;
        } else if (result.kind === "value") {
          writes.push({ sheet: grid.sheet, row: r, col: c, value: grid.values[r]?.[c] ?? "" });
          values++;
        }
      }),
    );
  }
  return { writes, native, values };
}
