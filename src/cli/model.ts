/** `jixiao import MODEL.json OUT.xlsx` and `jixiao export FILE.xlsx MODEL.json`: the Package model as JSON. */
import * as fs from "node:fs";
import * as path from "node:path";
import { emptyMaterial, materialFields, materialLayout, packageLayouts, readMaterial, readWorkbook, type Package, type Preset, type ReportMaterial } from "../core";
import schemaJson from "../../docs/model.schema.json";
import { writeFileAtomic } from "./atomic";
import { InputError } from "./errors";
import { ioError } from "./ioerrors";
import { validate, type Schema } from "./schema";
import { newWorkbook, readGrids, writeLayouts, writeWorkbook } from "./xlsx";

/**
 * The schema of the model file's 报告素材 ("material"), derived from the 报告素材 sheet's own template:
 * each field a text, a list field an array of texts; every field optional (a file written before a field
 * existed still imports); null when the workbook has no 报告素材 or it is blank.
 */
export function materialSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of materialFields()) properties[f.key] = f.list ? { type: "array", items: { type: "string" }, description: f.label } : { type: "string", description: f.label };
  return {
    description: "报告素材：只有本单位知道、写进自评报告的文字（字段取自「报告素材」表的模板，src/core/report/material.ts）；没有这张表或全部空白时为 null。",
    anyOf: [{ type: "object", properties, required: [], additionalProperties: false }, { type: "null" }],
  };
}

/** docs/model.schema.json, with the 报告素材 part as the template declares it now. */
export const MODEL_SCHEMA: Schema = { ...(schemaJson as Schema), properties: { ...(schemaJson as Schema).properties, material: materialSchema() } };

/** A model file: the package, and the 报告素材 texts when the workbook has them. */
export type ModelFile = Package & { material?: ReportMaterial | null };

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
export function parseModel(text: string, name: string): ModelFile {
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
  return data as ModelFile;
}

export function readModelFile(file: string): ModelFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === "ENOENT" ? new InputError(`找不到模型文件「${file}」。`) : ioError(e, file, "read");
  }
  return parseModel(text, path.basename(file));
}

/** Model → workbook with the package's figures in the official forms (native formulas where a figure is blank) and its 报告素材. */
export async function importModel(modelFile: string, outFile: string, preset: Preset): Promise<{ pkg: Package; sheets: string[] }> {
  const { material, ...pkg } = readModelFile(modelFile);
  const wb = newWorkbook();
  // The 报告素材 sheet comes along: with the model's texts, or empty for what only a person can write.
  const texts = material ? { ...emptyMaterial(), ...material } : null;
  const sheets = writeLayouts(wb, [...packageLayouts({ year: pkg.year, unit: pkg.unit, preset }, pkg), materialLayout({ year: pkg.year }, texts)]);
  await writeWorkbook(wb, outFile);
  return { pkg, sheets };
}

/** The 报告素材 of a workbook for the model file, field by field as the template declares them; null when absent or blank. */
function materialOf(material: ReportMaterial | null): ReportMaterial | null {
  if (!material) return null;
  const record = material as unknown as Record<string, string | string[]>;
  const out: Record<string, string | string[]> = {};
  let filled = false;
  for (const f of materialFields()) {
    const v = record[f.key] ?? (f.list ? [] : "");
    out[f.key] = v;
    if (f.list ? (v as string[]).length > 0 : v !== "") filled = true;
  }
  return filled ? (out as unknown as ReportMaterial) : null;
}

/** Workbook → model JSON (what the reader finds in the forms, and the 报告素材 texts); notices say what could not be read. */
export async function exportModel(xlsxFile: string, modelFile: string): Promise<{ pkg: Package; notices: string[] }> {
  const grids = await readGrids(xlsxFile);
  const read = readWorkbook(grids);
  if (read.sheets.length === 0) {
    throw new InputError(`「${path.basename(xlsxFile)}」里没有绩效自评表格（附件1、附件2 或附件3），无法导出模型。`);
  }
  const model: ModelFile = { ...read.pkg, material: materialOf(readMaterial(grids, read.pkg.year)) };
  writeFileAtomic(modelFile, JSON.stringify(model, null, 2) + "\n");
  return { pkg: read.pkg, notices: read.notices };
}
