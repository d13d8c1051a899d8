/** 定稿 in the task pane: which cells to rewrite so that the workbook computes without the add-in. */
import { amountOrNull, callsJx, cellAddress, finalizeFormula, formulaRefs, type Grid, type Preset } from "../core";
import type { CellWrite } from "../host/types";

export interface FinalizePlan {
  writes: CellWrite[];
  native: number; // formulas rewritten with built-in functions
  values: number; // formulas replaced by their value (no built-in equivalent, or reading a text amount)
  /** Cells replaced by their value because the native twin would not show it, with why. */
  listed: { sheet: string; cell: string; reason: string }[];
}

/** A text amount ("24,964.59万元") in a cell a formula reads: JX reads it as a number, a native formula does not. */
function textAmountRead(formula: string, grid: Grid, grids: Grid[]): string | null {
  for (const ref of formulaRefs(formula)) {
    const g = ref.sheet === null ? grid : grids.find((x) => x.sheet === ref.sheet);
    if (!g || (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > 100_000) continue;
    for (let r = ref.top; r <= Math.min(ref.bottom, g.values.length - 1); r++)
      for (let c = ref.left; c <= ref.right; c++) {
        const v = g.values[r]?.[c];
        // A text cell holds its text under formulas as well; a formula's text differs from its result.
        if (typeof v === "string" && v.trim() !== "" && amountOrNull(v) !== null) return `${ref.sheet ? `${ref.sheet}!` : ""}${cellAddress(r, c)}「${v}」`;
      }
  }
  return null;
}

/**
 * The writes of 定稿. A cell is a formula only when its formula text differs from its value: a text cell
 * typed with a ' prefix ("'=JX.RATE(1,4) 示例") reports the same text for both and is left alone.
 */
export function planFinalize(grids: Grid[], preset: Preset): FinalizePlan {
  const writes: CellWrite[] = [];
  const listed: FinalizePlan["listed"] = [];
  let native = 0;
  let values = 0;
  for (const grid of grids) {
    grid.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        const value = grid.values[r]?.[c] ?? null;
        if (typeof f !== "string" || !f.startsWith("=") || f === value || !callsJx(f)) return;
        const result = finalizeFormula(f, preset);
        const text = result.kind === "native" ? textAmountRead(f, grid, grids) : null;
        if (result.kind === "native" && text === null) {
          writes.push({ sheet: grid.sheet, row: r, col: c, formula: result.formula });
          native++;
        } else if (result.kind !== "unchanged") {
          writes.push({ sheet: grid.sheet, row: r, col: c, value: value ?? "" });
          values++;
          if (text !== null) listed.push({ sheet: grid.sheet, cell: cellAddress(r, c), reason: `引用的 ${text} 是文字，JX 能读成金额而内置公式不能，改为数值` });
        }
      }),
    );
  }
  return { writes, native, values, listed };
}
