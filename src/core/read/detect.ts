/** Which known layout a form is printed in, from the column headers the reader found. */
import type { FormLayout } from "../preset";
import { KNOWN_LAYOUTS } from "../presets/layouts";
import type { HeaderCell } from "./headers";

/** Each layout's column keys as one string, computed once. */
const SIGNATURES = KNOWN_LAYOUTS.map((layout) => ({ layout, funds: layout.funds.map((c) => c.key).join("|"), indicators: layout.indicators.map((c) => c.key).join("|") }));

/** Column keys left to right, joined by "|" ("资金来源" and the 决算 split of 附件1 aside). */
function order(found: Map<string, HeaderCell> | undefined): string {
  if (!found) return "";
  const cells: { key: string; col: number }[] = [];
  found.forEach((cell, key) => {
    if (key !== "资金来源") cells.push({ key, col: cell.col });
  });
  return cells
    .sort((a, b) => a.col - b.col)
    .map((c) => c.key)
    .join("|");
}

/**
 * The layouts whose funds and indicator columns are exactly the form's, in the same order; the first is
 * the one named. Empty when none fits (the form is still read by its headers).
 */
export function detectLayouts(funds: Map<string, HeaderCell> | undefined, indicators: Map<string, HeaderCell> | undefined): FormLayout[] {
  const f = order(funds);
  const i = order(indicators);
  // A form cut inside its indicator header (贵州 2021 stops at 分值) is judged by the columns it has.
  return SIGNATURES.filter((l) => f === l.funds && (i === l.indicators || l.indicators.startsWith(i))).map((l) => l.layout);
}
