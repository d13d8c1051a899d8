/** `jixiao import MODEL.json OUT.xlsx` and `jixiao export FILE.xlsx MODEL.json`: the Package model as JSON. */
import * as fs from "node:fs";
import * as path from "node:path";
import { materialLayout, packageLayouts, readWorkbook, type Package, type Preset } from "../core";
import schemaJson from "../../docs/model.schema.json";
import { writeFileAtomic } from "./atomic";
import { InputError } from "./errors";
import { ioError } from "./ioerrors";
import { validate, type Schema } from "./schema";
import { newWorkbook, readGrids, writeLayouts, writeWorkbook } from "./xlsx";

export const MODEL_SCHEMA = schemaJson as Schema;

/** "at position 123" in a JSON.parse message → "第 L 行第 C 列". */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const col = before.length - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${col} 列`;
}

/** V8's English JSON.parse message → what is wrong, in Chinese (the user never sees the English). */
function jsonMistake(text: string, message: string): string {
  if (/Unexpected end of JSON input/.test(message)) return text.trim() === "" ? "文件是空的" : "内容在结尾处不完整（缺少 } 或 ]，或文件没有保存完整）";
  if (/Expected double-quoted property name/.test(message)) return "这里应为带双引号的字段名（多写了逗号，或字段名没有加双引号）";
  if (/Expected ',' or '}' after property value/.test(message)) return "字段值后面应为逗号或 }（少了逗号，或文字没有加双引号）";
  if (/Expected ',' or ']' after array element/.test(message)) return "数组元素后面应为逗号或 ]";
  const token = /Unexpected token '(.+?)'/.exec(message);
  if (token) return `出现了不符合 JSON 写法的字符「${token[1]}」（文字要加双引号；模型文件以 { 开头，用 jixiao export 导出）`;
  return "不符合 JSON 写法";
}

/** Parses and validates a model; throws an InputError whose message names the JSON path. */
export function parseModel(text: string, name: string): Package {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    const where = jsonPosition(text, (e as Error).message);
    throw new InputError(`「${name}」不是有效的 JSON${where ? `（${where}附近）` : ""}：${jsonMistake(text, (e as Error).message)}。`);
  }
  const errors = validate(data, MODEL_SCHEMA);
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((e) => `  ${e.path}：${e.message}`);
    if (errors.length > 10) shown.push(`  ……另有 ${errors.length - 10} 处`);
    throw new InputError(`「${name}」不符合模型格式（docs/model.schema.json），共 ${errors.length} 处：\n${shown.join("\n")}`);
  }
  return data as Package;
}

export function readModelFile(file: string): Package {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === "ENOENT" ? new InputError(`找不到模型文件「${file}」。`) : ioError(e, file, "read");
  }
  return parseModel(text, path.basename(file));
}

/** Model → workbook with the package's figures in the official forms (native formulas where a figure is blank). */
export async function importModel(modelFile: string, outFile: string, preset: Preset): Promise<{ pkg: Package; sheets: string[] }> {
  const pkg = readModelFile(modelFile);
  const wb = newWorkbook();
  // The 报告素材 sheet comes along, empty, for what only a person can write in the report.
  const sheets = writeLayouts(wb, [...packageLayouts({ year: pkg.year, unit: pkg.unit, preset }, pkg), materialLayout({ year: pkg.year })]);
  await writeWorkbook(wb, outFile);
  return { pkg, sheets };
}

/** Workbook → model JSON (what the reader finds in the forms); notices say what could not be read. */
export async function exportModel(xlsxFile: string, modelFile: string): Promise<{ pkg: Package; notices: string[] }> {
  const grids = await readGrids(xlsxFile);
  const read = readWorkbook(grids);
  if (read.sheets.length === 0) {
    throw new InputError(`「${path.basename(xlsxFile)}」里没有绩效自评表格（附件1、附件2 或附件3），无法导出模型。`);
  }
  writeFileAtomic(modelFile, JSON.stringify(read.pkg, null, 2) + "\n");
  return { pkg: read.pkg, notices: read.notices };
}
