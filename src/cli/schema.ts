/**
 * A small JSON Schema validator for the keywords docs/model.schema.json uses ($ref into $defs,
 * type, const, enum, properties, required, additionalProperties: false, items, minimum, maximum,
 * anyOf), with Chinese messages that name the JSON path ("$.basic.staff.actual"). Offline, no
 * dependency; unknown keywords are ignored as annotations.
 */

export interface Schema {
  $ref?: string;
  $defs?: Record<string, Schema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  description?: string;
}

export interface SchemaError {
  path: string;
  message: string;
}

const TYPE_NAMES: Record<string, string> = { number: "数字", integer: "整数", string: "文本", boolean: "逻辑值", null: "null（空白）", object: "对象", array: "数组" };

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  if (t === "integer") return typeof v === "number" && Number.isInteger(v);
  if (t === "number") return typeof v === "number" && Number.isFinite(v);
  return typeOf(v) === t;
}

function show(v: unknown): string {
  const t = typeOf(v);
  if (t === "object") return "对象";
  if (t === "array") return "数组";
  if (t === "null") return TYPE_NAMES.null;
  const text = JSON.stringify(v);
  return `${TYPE_NAMES[t] ?? t} ${text.length > 40 ? text.slice(0, 39) + "…" : text}`;
}

function child(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function validate(value: unknown, root: Schema): SchemaError[] {
  const errors: SchemaError[] = [];
  const resolve = (s: Schema): Schema => {
    let cur = s;
    for (let guard = 0; cur.$ref && guard < 32; guard++) {
      const m = /^#\/\$defs\/(.+)$/.exec(cur.$ref);
      const target = m ? root.$defs?.[m[1]] : undefined;
      if (!target) throw new Error(`模式中无法解析的引用：${cur.$ref}`);
      cur = target;
    }
    return cur;
  };

  const check = (v: unknown, s0: Schema, path: string, out: SchemaError[]): void => {
    const s = resolve(s0);
    if (s.anyOf) {
      const branches = s.anyOf.map((b) => {
        const e: SchemaError[] = [];
        check(v, b, path, e);
        return { b: resolve(b), e };
      });
      if (branches.some((x) => x.e.length === 0)) return;
      // Report the branch meant for this kind of value, else what was expected.
      const meant = branches.find((x) => x.b.type !== undefined && [x.b.type].flat().some((t) => matchesType(v, t) || (t === "number" && typeof v === "number")));
      if (meant) {
        out.push(...meant.e);
        return;
      }
      const wanted = branches.flatMap((x) => [x.b.type ?? "object"].flat()).map((t) => TYPE_NAMES[t] ?? t);
      out.push({ path, message: `应为${[...new Set(wanted)].join("或")}，实际是${show(v)}` });
      return;
    }
    if (s.const !== undefined && v !== s.const) {
      out.push({ path, message: `应为 ${JSON.stringify(s.const)}，实际是${show(v)}` });
      return;
    }
    if (s.enum && !s.enum.includes(v)) {
      out.push({ path, message: `应为 ${s.enum.map((x) => JSON.stringify(x)).join("、")} 之一，实际是${show(v)}` });
      return;
    }
    if (s.type !== undefined) {
      const types = [s.type].flat();
      if (!types.some((t) => matchesType(v, t))) {
        out.push({ path, message: `应为${types.map((t) => TYPE_NAMES[t] ?? t).join("、")}，实际是${show(v)}` });
        return;
      }
    }
    if (typeof v === "number") {
      if (s.minimum !== undefined && v < s.minimum) out.push({ path, message: `应不小于 ${s.minimum}，实际是 ${v}` });
      if (s.maximum !== undefined && v > s.maximum) out.push({ path, message: `应不大于 ${s.maximum}，实际是 ${v}` });
    }
    if (Array.isArray(v) && s.items) v.forEach((item, i) => check(item, s.items as Schema, child(path, i), out));
    if (typeOf(v) === "object") {
      const o = v as Record<string, unknown>;
      const props = s.properties ?? {};
      for (const key of s.required ?? []) if (!(key in o)) out.push({ path, message: `缺少字段「${key}」${props[key]?.description ? `（${props[key].description}）` : ""}` });
      for (const [key, val] of Object.entries(o)) {
        if (props[key]) check(val, props[key], child(path, key), out);
        else if (s.additionalProperties === false) {
          out.push({ path: child(path, key), message: `不认识的字段「${key}」（可用的字段：${Object.keys(props).join("、")}）` });
        }
      }
    }
  };

  check(value, root, "$", errors);
  return errors;
}
