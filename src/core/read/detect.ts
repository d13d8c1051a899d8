/** Which known layout a form is printed in, from the column headers the reader found. */
import type { FormLayout } from "../preset";
import { KNOWN_LAYOUTS } from "../presets/layouts";
import type { HeaderCell } from "./headers";

/** Column keys left to right ("资金来源" and the 决算 split of 附件1 aside). */
function order(found: Map<string, HeaderCell> | undefined): string[] {
  if (!found) return [];
  return [...found.entries()]
    .filter(([k]) => k !== "资金来源")
    .sort((a, b) => a[1].col - b[1].col)
    .map(([k]) => k);
}

/**
 * The layouts whose funds and indicator columns are exactly the form's, in the same order; the first is
 * the one named. Empty when none fits (the form is still read by its headers).
 */
export function detectLayouts(funds: Map<string, HeaderCell> | undefined, indicators: Map<string, HeaderCell> | undefined): FormLayout[] {
  const f = order(funds).join("|");
  const i = order(indicators).join("|");
  return KNOWN_LAYOUTS.filter((l) => {
    const lf = l.funds.map((c) => c.key).join("|");
    const li = l.indicators.map((c) => c.key).join("|");
    // A form cut inside its indicator header (贵州 2021 stops at 分值) is judged by the columns it has.
    return f === lf && (i === li || li.startsWith(i));
  });
}
