// Builds a case's form.xlsx from its form.json (test/fixtures/variants/<id>/), as the shared cases are built.
// Usage: node scripts/variant-xlsx.mjs <case-dir>...            writes <case-dir>/form.xlsx
//        node scripts/variant-xlsx.mjs --compare <case-dir>...  builds in memory and compares with the existing form.xlsx
// Cell rule: a plain amount ("387664.62", "10", "-3.5") becomes a number whose format keeps the printed decimals
// ("0.00"); a plain percent ("60%", "100.00%") becomes a number (0.6, 1) in percent format with its decimals ("0%",
// "0.00%"). Anything with a unit, an operator, a word, a thousands separator or a space stays text exactly as printed.
// Cells listed in a sheet's optional "text_cells" stay text. Merges are applied; slave cells of a merge stay empty.
import ExcelJS from "exceljs";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const AMOUNT = /^-?\d+(?:\.(\d+))?$/;
const PERCENT = /^(-?)(\d+)(?:\.(\d+))?%$/;

/** Shifts a decimal string two places left ("59.88" → "0.5988") without floating-point division. */
function percentToFraction(sign, int, frac = "") {
  const digits = (int + frac).replace(/^0+(?=\d)/, "");
  const point = int.replace(/^0+(?=\d)/, "").length - 2; // position of the decimal point in digits
  const padded = point < 0 ? "0".repeat(-point) + digits : digits;
  const p = Math.max(point, 0);
  const s = (padded.slice(0, p) || "0") + "." + (padded.slice(p) || "0");
  return Number(sign + s);
}

/** The cell for one printed text: { value, numFmt } (numFmt undefined for text). */
export function cellOf(text) {
  let m = AMOUNT.exec(text);
  if (m) return { value: Number(text), numFmt: m[1] ? "0." + "0".repeat(m[1].length) : "0" };
  m = PERCENT.exec(text);
  if (m) return { value: percentToFraction(m[1], m[2], m[3]), numFmt: m[3] ? "0." + "0".repeat(m[3].length) + "%" : "0%" };
  return { value: text, numFmt: undefined };
}

const colName = (n) => { let s = ""; for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
const displayWidth = (t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

function decode(range) {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`合并区域「${range}」不是 A1:B2 形式`);
  const col = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { r0: Number(m[2]) - 1, c0: col(m[1]), r1: Number(m[4]) - 1, c1: col(m[3]) };
}

export function buildWorkbook(form) {
  const wb = new ExcelJS.Workbook();
  const thin = { style: "thin" };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const sheet of form.sheets) {
    const ws = wb.addWorksheet(sheet.name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const merges = (sheet.merges ?? []).map(decode);
    const textCells = new Set(sheet.text_cells ?? []);
    const slave = (r, c) => merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && !(r === m.r0 && c === m.c0));
    const inMerge = (r, c) => merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && m.c1 > m.c0);
    const ncol = Math.max(...sheet.rows.map((r) => r.length));
    const widths = Array(ncol).fill(8);
    sheet.rows.forEach((row, r) => {
      const titleRow = r === 0 && merges.some((m) => m.r0 === 0 && m.c0 === 0 && m.c1 === ncol - 1);
      for (let c = 0; c < ncol; c++) {
        const text = row[c] ?? "";
        const cell = ws.getCell(`${colName(c)}${r + 1}`);
        if (titleRow) {
          cell.font = { name: "宋体", size: 14, bold: true };
          cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        } else {
          cell.font = { name: "宋体", size: 10 };
          cell.border = border;
          cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        }
        if (text === "" || slave(r, c)) continue;
        const { value, numFmt } = textCells.has(`${colName(c)}${r + 1}`) ? { value: text } : cellOf(text);
        cell.value = value;
        if (numFmt) { cell.numFmt = numFmt; cell.alignment = { ...cell.alignment, horizontal: "right" }; }
        else if (!titleRow && displayWidth(text) > 30) cell.alignment = { ...cell.alignment, horizontal: "left" };
        if (!titleRow && !inMerge(r, c)) widths[c] = Math.max(widths[c], Math.min(24, displayWidth(text) + 2));
      }
    });
    widths.forEach((w, c) => { ws.getColumn(c + 1).width = w; });
    // Row heights from the wrapped text, so long goals and indicator names stay readable when opened or printed.
    sheet.rows.forEach((row, r) => {
      let lines = 1;
      row.forEach((text, c) => {
        if (!text || slave(r, c)) return;
        const m = merges.find((g) => g.r0 === r && g.c0 === c);
        if (m && m.r1 > m.r0) return; // a cell spanning rows has room enough
        const span = m ? widths.slice(m.c0, m.c1 + 1).reduce((a, b) => a + b, 0) : widths[c];
        lines = Math.max(lines, Math.ceil(displayWidth(text) / Math.max(span - 1, 1)));
      });
      if (lines > 1) ws.getRow(r + 1).height = 14 * lines;
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

async function compare(dir, built) {
  const file = join(dir, "form.xlsx");
  if (!existsSync(file)) { console.log(`${dir}: no form.xlsx`); return 1; }
  const old = new ExcelJS.Workbook();
  await old.xlsx.readFile(file);
  const fresh = new ExcelJS.Workbook();
  await fresh.xlsx.load(await built.xlsx.writeBuffer());
  let diffs = 0;
  const say = (s) => { if (diffs++ < 20) console.log(`  ${s}`); };
  fresh.worksheets.forEach((ws, i) => {
    const o = old.worksheets[i];
    if (!o || o.name !== ws.name) { say(`sheet ${i + 1}: ${o?.name} vs ${ws.name}`); return; }
    const rows = Math.max(ws.rowCount, o.rowCount), cols = Math.max(ws.columnCount, o.columnCount);
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) {
      const a = o.getCell(r, c), b = ws.getCell(r, c);
      if (a.isMerged && a.master !== a) continue;
      const av = a.value ?? null, bv = b.value ?? null;
      const fa = typeof av === "number" ? a.numFmt : "", fb = typeof bv === "number" ? b.numFmt : "";
      if (av !== bv || typeof av !== typeof bv || fa !== fb) say(`${ws.name}!${a.address}: ${JSON.stringify(av)} ${fa} vs ${JSON.stringify(bv)} ${fb}`);
    }
    const mo = [...(o.model.merges ?? [])].sort().join(","), mb = [...(ws.model.merges ?? [])].sort().join(",");
    if (mo !== mb) say(`${ws.name}: merges differ`);
  });
  console.log(`${dir}: ${diffs ? `${diffs} difference(s)` : "same cell types, values, formats and merges"}`);
  return diffs ? 1 : 0;
}

const args = process.argv.slice(2);
const cmp = args[0] === "--compare";
let failed = 0;
for (const dir of cmp ? args.slice(1) : args) {
  const form = JSON.parse(readFileSync(join(dir, "form.json"), "utf8"));
  const wb = buildWorkbook(form);
  if (cmp) failed += await compare(dir, wb);
  else { await wb.xlsx.writeFile(join(dir, "form.xlsx")); console.log(`${dir}/form.xlsx`); }
}
process.exitCode = failed ? 1 : 0;
