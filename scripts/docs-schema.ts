/**
 * Writes the 报告素材 ("material") part of docs/model.schema.json from the 报告素材 template's own field table
 * (src/core/report/material.ts via src/cli/model.ts materialSchema), keeping the rest of the file as it is.
 * `npm run docs:schema` after adding a 报告素材 field; test/cli/schema.test.ts fails while the file is out of date.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { materialSchema } from "../src/cli/model";

const file = path.join(__dirname, "..", "docs", "model.schema.json");
const schema = JSON.parse(fs.readFileSync(file, "utf8"));
schema.properties.material = materialSchema();
fs.writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
console.log(`已更新 ${path.relative(process.cwd(), file)} 的 material 部分`);
