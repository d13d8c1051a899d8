/**
 * `jixiao finalize IN OUT`: every formula that calls the add-in's JX functions becomes its native
 * equivalent (cached result kept) or, where there is none, its cached value. Every other cell,
 * style and sheet is left as exceljs read it.
 */
import * as ExcelJS from "exceljs";
import { finalizeFormula, HUNAN_2024, type Preset } from "../core";
import { loadWorkbook, writeWorkbook, type Workbook } from "./xlsx";

export interface FinalizeReport {
  native: number;
  values: { sheet: string; cell: string; reason: string }[];
  unchanged: number;
}

interface FormulaCell {
  cell: ExcelJS.Cell;
  formula: string; // without "=", shared formulas translated to this cell
  result: ExcelJS.CellFormulaValue["result"];
  group: string | null; // master address of a shared formula group
}

type Model = { shareType?: string; sharedFormula?: string; formula?: string; result?: unknown };

export function finalizeWorkbook(wb: Workbook, preset: Preset = HUNAN_2024): FinalizeReport {
  const report: FinalizeReport = { native: 0, values: [], unchanged: 0 };
  for (const ws of wb.worksheets) {
    const cells: FormulaCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const v = cell.value as Model;
        const group = v.sharedFormula ?? (v.shareType === "shared" ? cell.address : null);
        cells.push({ cell, formula: cell.formula, result: cell.result, group });
      }),
    );
    const outcome = cells.map((c) => finalizeFormula(`=${c.formula}`, preset));
    // A shared formula group with a JX member is written out cell by cell first, so that no
    // member keeps pointing at a master whose formula changes.
    const touched = new Set<string>();
    cells.forEach((c, i) => c.group && outcome[i].kind !== "unchanged" && touched.add(c.group));
    cells.forEach((c, i) => {
      const o = outcome[i];
      if (o.kind === "native") {
        c.cell.value = { formula: o.formula.replace(/^=/, ""), result: c.result } as ExcelJS.CellFormulaValue;
        report.native++;
      } else if (o.kind === "value") {
        c.cell.value = c.result === undefined ? null : (c.result as ExcelJS.CellValue);
        report.values.push({ sheet: ws.name, cell: c.cell.address, reason: o.reason });
      } else {
        if (c.group && touched.has(c.group)) c.cell.value = { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue;
        report.unchanged++;
      }
    });
  }
  return report;
}

export async function finalizeFile(input: string, output: string, preset: Preset = HUNAN_2024): Promise<FinalizeReport> {
  const wb = await loadWorkbook(input);
  const report = finalizeWorkbook(wb, preset);
  await writeWorkbook(wb, output);
  return report;
}
