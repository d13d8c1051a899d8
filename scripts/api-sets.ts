// 列出 src/ 用到的每个 Office.js 成员及其要求集（取自 @types/office-js 注释中的 “[Api set: ExcelApi 1.x]”），
// 并与 manifest.xml 声明的最低要求集比较。test/manifest/apisets.test.ts 用它；也可直接运行：
//   npx tsx scripts/api-sets.ts        打印每个要求集用到的最高版本和出处
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

export interface ApiUse {
  /** Requirement set, e.g. "ExcelApi". */
  set: string;
  /** Its version, e.g. "1.4". */
  version: string;
  /** The member as written in @types/office-js, e.g. "Excel.Range.getUsedRangeOrNullObject". */
  member: string;
  /** Where src/ uses it: "src/excel/excelHost.ts:42". */
  at: string;
}

const ROOT = path.resolve(__dirname, "..");
const ANNOTATION = /\[\s*Api set:\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*\]/gi;

/** Compares "1.10" and "1.9" as versions (1.10 is newer). */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every TypeScript file under src/. */
export function sourceFiles(dir = path.join(ROOT, "src")): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function isOfficeTypes(file: string): boolean {
  return /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(file);
}

/** The "[Api set: X n]" annotations in the doc comment of a declaration (all of them; some name two sets). */
function annotations(decl: ts.Declaration): { set: string; version: string }[] {
  const sf = decl.getSourceFile();
  const text = sf.text;
  const found: { set: string; version: string }[] = [];
  for (const r of ts.getLeadingCommentRanges(text, decl.pos) ?? []) {
    for (const m of text.slice(r.pos, r.end).matchAll(ANNOTATION)) found.push({ set: m[1]!, version: m[2]! });
  }
  return found;
}

function qualifiedName(checker: ts.TypeChecker, decl: ts.Declaration): string {
  const sym = (decl as { symbol?: ts.Symbol }).symbol;
  return sym ? checker.getFullyQualifiedName(sym) : decl.getText().slice(0, 60);
}

/**
 * Every use in `files` of an Office.js member that @types/office-js annotates with a requirement set.
 * A call uses the overload TypeScript resolves; other references use the symbol's annotated declarations.
 */
export function officeApiUses(files: string[] = sourceFiles()): ApiUse[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    typeRoots: [path.join(ROOT, "node_modules", "@types")],
    types: ["office-js", "office-runtime", "custom-functions-runtime", "node"],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  });
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const uses: ApiUse[] = [];

  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let decls: readonly ts.Declaration[] = [];
        const parent = node.parent;
        const callee = parent && ts.isPropertyAccessExpression(parent) && parent.name === node ? parent : node;
        const call = callee.parent && ts.isCallExpression(callee.parent) && callee.parent.expression === callee ? callee.parent : undefined;
        const resolved = call ? checker.getResolvedSignature(call)?.declaration : undefined;
        if (resolved && !ts.isJSDocSignature(resolved) && isOfficeTypes(resolved.getSourceFile().fileName)) {
          decls = [resolved];
        } else {
          let sym = checker.getSymbolAtLocation(node);
          if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
          decls = (sym?.declarations ?? []).filter((d) => isOfficeTypes(d.getSourceFile().fileName));
        }
        // Of several annotated declarations (overloads, merged interfaces), the lowest version is what the code needs.
        const best = new Map<string, { version: string; decl: ts.Declaration }>();
        for (const d of decls) {
          for (const a of annotations(d)) {
            const had = best.get(a.set);
            if (!had || compareVersions(a.version, had.version) < 0) best.set(a.set, { version: a.version, decl: d });
          }
        }
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        for (const [set, { version, decl }] of best) {
          uses.push({ set, version, member: qualifiedName(checker, decl), at: `${path.relative(ROOT, sf.fileName).split(path.sep).join("/")}:${line + 1}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** The highest version of each set among `uses`, with one place that needs it. */
export function highestBySet(uses: ApiUse[]): Map<string, ApiUse> {
  const top = new Map<string, ApiUse>();
  for (const u of uses) {
    const had = top.get(u.set);
    if (!had || compareVersions(u.version, had.version) > 0) top.set(u.set, u);
  }
  return top;
}

/** `Office.context.requirements.isSetSupported("Set", "v")` calls in the sources: sets the code checks before use. */
export function runtimeChecks(files: string[] = sourceFiles()): Map<string, string> {
  const checks = new Map<string, string>();
  for (const f of files) {
    for (const m of fs.readFileSync(f, "utf8").matchAll(/(?:isSetSupported|check)\(\s*"([A-Za-z]+)"\s*,\s*"(\d+(?:\.\d+)*)"\s*\)/g)) {
      const had = checks.get(m[1]!);
      if (!had || compareVersions(m[2]!, had) > 0) checks.set(m[1]!, m[2]!);
    }
  }
  return checks;
}

if (/api-sets\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  for (const [set, u] of [...highestBySet(officeApiUses())].sort()) console.log(`${set} ${u.version}  ${u.member}  (${u.at})`);
}
