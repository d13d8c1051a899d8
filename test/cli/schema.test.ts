/** docs/model.schema.json against the model (src/core/model.ts) and the seeds; the validator's messages. */
import * as fs from "node:fs";
import * as path from "node:path";
import { emptyBasic, emptyMaterial, emptyPackage, emptyProject, emptySelfEvaluation } from "../../src/core";
import { materialSchema, MODEL_SCHEMA, parseModel } from "../../src/cli/model";
import { validate, type Schema } from "../../src/cli/schema";
import { loadSeed } from "../helpers/seeds";

const ROOT = path.join(__dirname, "..", "..");

function resolve(s: Schema): Schema {
  if (!s.$ref) return s;
  return resolve(MODEL_SCHEMA.$defs![s.$ref.replace("#/$defs/", "")]);
}

/** The object branch of a property (anyOf [object, null] → object). */
function objectSchema(s: Schema): Schema {
  const r = resolve(s);
  return r.anyOf ? resolve(r.anyOf.find((b) => resolve(b).type === "object")!) : r;
}

/** Every key of the model object is a required property of the schema, and nothing else, recursively. */
function sameKeys(model: unknown, schema: Schema, at: string): void {
  const s = objectSchema(schema);
  if (model === null || typeof model !== "object" || Array.isArray(model)) return;
  const keys = Object.keys(model).sort();
  expect([at, Object.keys(s.properties ?? {}).sort()]).toEqual([at, keys]);
  expect([at, (s.required ?? []).slice().sort()]).toEqual([at, keys]);
  expect(s.additionalProperties).toBe(false);
  for (const k of keys) sameKeys((model as Record<string, unknown>)[k], s.properties![k], `${at}.${k}`);
}

describe("docs/model.schema.json", () => {
  test("is a draft 2020-12 schema", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "model.schema.json"), "utf8"));
    expect(raw.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(raw).toEqual(MODEL_SCHEMA);
  });

  test("has exactly the model's fields (empty package, basic data, self-evaluation, project, indicator)", () => {
    const pkg = emptyPackage(2024, "单位");
    // "material" (报告素材) is the model file's optional addition to the Package: checked on its own below.
    const { material: _material, ...packageProps } = MODEL_SCHEMA.properties!;
    sameKeys(pkg, { ...MODEL_SCHEMA, properties: packageProps }, "$");
    sameKeys(emptyBasic(), MODEL_SCHEMA.properties!.basic, "$.basic");
    sameKeys(emptySelfEvaluation(), MODEL_SCHEMA.properties!.selfEvaluation, "$.selfEvaluation");
    sameKeys(emptyProject("项目"), MODEL_SCHEMA.$defs!.projectEvaluation, "$.projects[]");
    sameKeys(loadSeed("003").selfEvaluation!.indicators[0], MODEL_SCHEMA.$defs!.indicator, "$.indicator");
    sameKeys({ name: "", prevFinal: null, budget: null, final: null }, MODEL_SCHEMA.$defs!.specialFund, "$.specialFund");
  });

  test("报告素材 (material): the fields of the 报告素材 template, each optional, texts or a list of texts; null allowed", () => {
    const material = MODEL_SCHEMA.properties!.material;
    expect(material).toEqual(materialSchema()); // docs/model.schema.json holds the template's fields as they are now
    const object = material.anyOf![0];
    // The material the report reads has exactly the template's fields.
    expect(Object.keys(object.properties!).sort()).toEqual(Object.keys(emptyMaterial()).sort());
    expect(object.properties!.achievements).toEqual({ type: "array", items: { type: "string" }, description: "主要成绩" });
    expect(object.properties!.duties).toEqual({ type: "string", description: "职能职责" });
    expect(object.required).toEqual([]);
    const base = loadSeed("003");
    expect(validate({ ...base, material: null }, MODEL_SCHEMA)).toEqual([]);
    expect(validate({ ...base, material: { duties: "负责全省政务服务", achievements: ["一网通办"] } }, MODEL_SCHEMA)).toEqual([]);
    expect(validate({ ...base, material: { dutys: "x", achievements: "一网通办" } }, MODEL_SCHEMA).map((e) => e.path)).toEqual(["$.material.dutys", "$.material.achievements"]);
  });

  test.each(["002", "003", "004"] as const)("seed %s validates", (id) => {
    expect(validate(loadSeed(id), MODEL_SCHEMA)).toEqual([]);
  });

  test("the bundled example validates and is seed 003", () => {
    const file = path.join(ROOT, "examples", "seed-003-湖南省政务服务和大数据中心-2024.json");
    const pkg = parseModel(fs.readFileSync(file, "utf8"), "example");
    expect(pkg).toEqual(loadSeed("003"));
  });
});

describe("validator messages name the JSON path and what was expected", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the model on purpose
  type Loose = Record<string, any>;
  const errorsOf = (edit: (m: Loose) => void) => {
    const m = structuredClone(loadSeed("004")) as Loose;
    edit(m);
    return validate(m, MODEL_SCHEMA).map((e) => `${e.path}：${e.message}`);
  };

  test("wrong types, a missing field, an unknown field, inside arrays", () => {
    expect(errorsOf((m) => (m.projects[3].funds.total.executed = { value: 738.51 }))).toEqual(["$.projects[3].funds.total.executed：应为数字、文本、null（空白），实际是对象"]);
    expect(errorsOf((m) => delete m.basic.signature.phone)).toEqual(["$.basic.signature：缺少字段「phone」（联系电话）"]);
    expect(errorsOf((m) => (m.projects[0].indicators[1].wieght = 5))).toEqual([
      expect.stringMatching(/^\$\.projects\[0\]\.indicators\[1\]\.wieght：不认识的字段「wieght」（可用的字段：level1、level2、name/),
    ]);
    expect(errorsOf((m) => (m.basic.specialFunds = [{ name: 3, prevFinal: null, budget: null, final: null }]))).toEqual(["$.basic.specialFunds[0].name：应为文本，实际是数字 3"]);
  });

  test("year, schemaVersion, a table that is neither an object nor null", () => {
    expect(errorsOf((m) => (m.year = "2024年"))).toEqual(['$.year：应为整数，实际是文本 "2024年"']);
    expect(errorsOf((m) => (m.year = 24))).toEqual(["$.year：应不小于 1990，实际是 24"]);
    expect(errorsOf((m) => (m.schemaVersion = 2))).toEqual(["$.schemaVersion：应为 1，实际是数字 2"]);
    expect(errorsOf((m) => (m.selfEvaluation = []))).toEqual(["$.selfEvaluation：应为对象或null（空白），实际是数组"]);
    expect(errorsOf((m) => (m.basic.staff = null))).toEqual(["$.basic.staff：应为对象，实际是null（空白）"]);
  });

  test("a null table is fine; its missing field is named with its meaning", () => {
    expect(errorsOf((m) => (m.basic = null))).toEqual([]);
    expect(errorsOf((m) => delete m.projects[0].funds.total.weight)).toEqual(["$.projects[0].funds.total：缺少字段「weight」（分值（10））"]);
  });
});

describe("a model file that is not JSON: the place and the mistake in Chinese, no English parser text", () => {
  const messageOf = (text: string): string => {
    try {
      parseModel(text, "m.json");
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("parseModel accepted bad JSON");
  };

  test.each([
    ["hello", "「m.json」不是有效的 JSON：出现了不符合 JSON 写法的字符「h」"],
    ["", "「m.json」不是有效的 JSON：文件是空的。"],
    ['{"unit": ', "「m.json」不是有效的 JSON：内容在结尾处不完整"],
    // position 15 is the "}" after the trailing comma: line 2, column 1
    ['{"unit": "x",\n}', "「m.json」不是有效的 JSON（第 2 行第 1 列附近）：这里应为带双引号的字段名"],
    ['{"unit": "x" "year": 2024}', "「m.json」不是有效的 JSON（第 1 行第 14 列附近）：字段值后面应为逗号或 }"],
  ])("%j", (text, start) => {
    const msg = messageOf(text);
    expect(msg.startsWith(start)).toBe(true);
    expect(msg).not.toMatch(/Unexpected|Expected|token|input|position|valid/);
  });
});
