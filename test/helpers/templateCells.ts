/**
 * Checks a package as if it had been read from the template workbook: every model path at the cell the template puts it
 * in (附件1 F3 for 在职人员控制率 …), so that a rule test can assert the cell a finding points at, not only its figures.
 */
import { cellAddress, checkPackage, HUNAN_2024, packageLayouts, type CheckInput, type Finding, type Package, type Preset } from "../../src/core";

/** Model path → { sheet, cell } from the template's layouts of `pkg`. */
export function templateCells(pkg: Package, preset: Preset = HUNAN_2024): (path: string) => { sheet: string; cell: string } | undefined {
  const cells = new Map<string, { sheet: string; cell: string }>();
  let project = 0;
  for (const layout of packageLayouts({ year: pkg.year, preset }, pkg)) {
    const base = layout.kind === "project" ? `projects.${project++}.` : `${layout.kind}.`;
    for (const c of layout.cells) if (c.field) cells.set(base + c.field, { sheet: layout.name, cell: cellAddress(c.row, c.col) });
  }
  return (path) => cells.get(path);
}

/** checkPackage with the template's cells (and `extra` input such as facts). */
export function checkInTemplate(pkg: Package, extra: Omit<CheckInput, "pkg"> = {}, preset: Preset = HUNAN_2024): Finding[] {
  return checkPackage({ pkg, cellOf: templateCells(pkg, preset), ...extra }, preset);
}
