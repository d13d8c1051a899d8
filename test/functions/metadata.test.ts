/**
 * functions.json, as `npm run build` generates it from the JSDoc of src/functions/functions.ts,
 * matches the JX function table (src/core/jx.ts). The metadata is generated here with the same
 * generator the webpack plugin calls, so the test needs no prior build and cannot pass on a stale
 * or missing dist/. The wrappers are then called the way Excel calls them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { callJx, JX_FUNCTIONS, type JxResult } from "../../src/core/jx";

const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
}

let functions: FunctionMeta[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  expect(result.metadataJson).not.toBe("");
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
}, 60_000);

const CHINESE = /[\u4e00-\u9fff]/;

describe("functions.json ↔ JX_FUNCTIONS", () => {
  test("the same function ids, in the same order", () => {
    expect(functions.map((f) => f.id)).toEqual(JX_FUNCTIONS.map((f) => f.id));
  });

  test.each(JX_FUNCTIONS.map((f) => [f.id, f] as const))("JX.%s: parameter names in order, optional and repeating flags", (id, table) => {
    const meta = functions.find((f) => f.id === id);
    expect(meta).toBeDefined();
    if (!meta) return;
    expect(meta.parameters.map((p) => p.name)).toEqual(table.params.map((p) => p.name));
    expect(meta.parameters.map((p) => p.optional === true)).toEqual(table.params.map((p) => p.optional === true));
    expect(meta.parameters.map((p) => p.repeating === true)).toEqual(table.params.map((p) => p.repeating === true));
    // Every cell input is `any` (numbers, text, blanks all reach the one coercion); a repeating one is ranges.
    for (const p of meta.parameters) {
      expect(p.type).toBe("any");
      expect(p.dimensionality ?? "scalar").toBe(p.repeating ? "matrix" : "scalar");
    }
  });

  test("names are the ASCII ids, as Excel's own SUM and ROUND stay ASCII in Chinese Excel (issue 3)", () => {
    // The templates write JX.RATE(…) and finalize reads JX.<ASCII>; Excel also wants names of 3 characters or more.
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9]{2,}$/);
    }
  });

  test("descriptions and parameter help are Chinese", () => {
    for (const f of functions) {
      expect(f.description ?? "").toMatch(CHINESE);
      for (const p of f.parameters) expect(p.description ?? "").toMatch(CHINESE);
    }
  });
});

describe("the wrappers in functions.ts", () => {
  const source = fs.readFileSync(SOURCE, "utf8");
  const file = ts.createSourceFile(SOURCE, source, ts.ScriptTarget.ES2020, true);

  /** Each exported function with its @customfunction id and every callJx call inside it. */
  function wrappers(): { fn: string; id: string | null; params: string[]; calls: ts.CallExpression[] }[] {
    const out: { fn: string; id: string | null; params: string[]; calls: ts.CallExpression[] }[] = [];
    for (const stmt of file.statements) {
      if (!ts.isFunctionDeclaration(stmt) || !stmt.name) continue;
      if (!stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const jsDoc = ts.getJSDocTags(stmt).find((t) => t.tagName.text.toLowerCase() === "customfunction");
      const comment = typeof jsDoc?.comment === "string" ? jsDoc.comment : null;
      const calls: ts.CallExpression[] = [];
      const visit = (n: ts.Node) => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "callJx") calls.push(n);
        ts.forEachChild(n, visit);
      };
      if (stmt.body) visit(stmt.body);
      out.push({ fn: stmt.name.text, id: comment ? comment.trim().split(/\s+/)[0] : null, params: stmt.parameters.map((p) => p.name.getText()), calls });
    }
    return out;
  }

  test("one exported wrapper per table row, each tagged @customfunction with the row's id", () => {
    const ws = wrappers();
    expect(ws.map((w) => w.id)).toEqual(JX_FUNCTIONS.map((f) => f.id));
  });

  test("each wrapper calls callJx exactly once, with its own id, passing its parameters in order", () => {
    for (const w of wrappers()) {
      expect(w.calls).toHaveLength(1);
      const [idArg, argsArg] = w.calls[0].arguments;
      expect(ts.isStringLiteral(idArg) && idArg.text).toBe(w.id);
      // The argument list names every parameter, in order (a repeating one spread).
      const names = ts.isArrayLiteralExpression(argsArg)
        ? argsArg.elements.map((e) => e.getText().replace(/^\.\.\.\(?/, "").replace(/\s*\?\?.*$/, "").replace(/\)$/, ""))
        : [];
      expect(names).toEqual(w.params);
    }
  });

  test("called as Excel calls them — one argument per parameter, a repeating one as an array of its ranges, then the invocation — they agree with callJx", async () => {
    class StubError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    const saved = g.CustomFunctions;
    g.CustomFunctions = {
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    };
    try {
      const mod = (await import("../../src/functions/functions")) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const invocation = { address: "Sheet1!A1", functionName: "JX.X", parameterAddresses: [] };
      const cases: [string, unknown[], unknown[]][] = [
        // [id, arguments as Excel passes them, the same arguments as callJx receives them]
        ["RATE", [75, 88], [75, 88]],
        ["EXECSCORE", [804.82, 805.82, null], [804.82, 805.82, null]],
        ["GRADE", [90, "suining-2024"], [90, "suining-2024"]],
        // =JX.SUMCHECK(A1, B1, C1:C2): the repeating parameter is one array of two ranges
        ["SUMCHECK", [18259.03, [[[86.56]], [[18172.46], [null]]]], [18259.03, [[86.56]], [[18172.46], [null]]]],
        ["SCORECHECK", [8, 10, null], [8, 10, null]],
        ["RATE", [75, 0], [75, 0]],
      ];
      const toCell = (r: JxResult) => (typeof r === "object" ? { code: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A", invalidNumber: "#NUM!" }[r.jxError], message: r.message } : r);
      for (const [id, excelArgs, coreArgs] of cases) {
        const fn = mod[id.toLowerCase()];
        expect(typeof fn).toBe("function");
        const got = fn(...excelArgs, invocation);
        expect(got instanceof StubError ? { code: got.code, message: got.message } : got).toEqual(toCell(callJx(id, coreArgs)));
      }
      // And the seed figure itself: 86.56 + 18172.46 = 18259.02 vs 18259.03
      expect(mod.sumcheck(18259.03, [[[86.56]], [[18172.46]]], invocation)).toBe("尾数差 0.01");
    } finally {
      g.CustomFunctions = saved;
    }
  });
});
