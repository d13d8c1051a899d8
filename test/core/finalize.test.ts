/**
 * Finalize for submission (issue 3): JX calls become their native twins, or the cell its value. The
 * rewrites are checked as text on each function and on nested and quoted formulas, and then by
 * value: for generated input cells, the native formula, evaluated by the test evaluator in
 * test/helpers/formula.ts, shows exactly what the JX formula shows.
 */
import { callsJx, finalizeFormula, formulaRefs, normalizeJxCalls, shiftFormula, type Finalized } from "../../src/core/finalize";
import { callJx, isJxError, setJxPreset } from "../../src/core/jx";
import { HUNAN_2024, HUNAN_STEPS, SUINING_2024, type Preset } from "../../src/core/preset";
import { evaluate, isError, type Cells, type Scalar } from "../helpers/formula";
import { Rng } from "../helpers/random";

afterEach(() => setJxPreset(HUNAN_2024));

const native = (f: Finalized): string => {
  if (f.kind !== "native") throw new Error(`expected a native formula, got ${JSON.stringify(f)}`);
  return f.formula;
};

describe("finalizeFormula, as text", () => {
  test("formulas without JX calls are unchanged", () => {
    expect(finalizeFormula("=SUM(A1:A3)")).toEqual({ kind: "unchanged" });
    expect(finalizeFormula("=ROUND(B3/A3,4)")).toEqual({ kind: "unchanged" });
  });

  test("RATE and SHARE → ROUND(a/b,4)", () => {
    expect(native(finalizeFormula("=JX.RATE(D3,B3)"))).toBe("=ROUND((D3)/(B3),4)");
    expect(native(finalizeFormula("=JX.SHARE(B5,B$9)"))).toBe("=ROUND((B5)/(B$9),4)");
    // arguments that are expressions keep their precedence
    expect(native(finalizeFormula("=JX.RATE(A1+A2,B1-B2)"))).toBe("=ROUND((A1+A2)/(B1-B2),4)");
  });

  test("CHANGE → ROUND((a−b)/ABS(b),4)", () => {
    // a zero (or blank) base is 无可比: #N/A as in JX.CHANGE, not #DIV/0!
    expect(native(finalizeFormula("=JX.CHANGE(C4,B4)"))).toBe("=IF((B4)=0,NA(),ROUND(((C4)-(B4))/ABS((B4)),4))");
  });

  test("EXECSCORE → ROUND(MIN(B/A,1)×分值,2); a missing or blank 分值 is the preset's 10", () => {
    expect(native(finalizeFormula("=JX.EXECSCORE(B3,A3)"))).toBe("=ROUND(MIN((B3)/(A3),1)*10,2)");
    expect(native(finalizeFormula("=JX.EXECSCORE(B3,A3,)"))).toBe("=ROUND(MIN((B3)/(A3),1)*10,2)");
    expect(native(finalizeFormula("=JX.EXECSCORE(B3,A3,C3)"))).toBe('=ROUND(MIN((B3)/(A3),1)*IF((C3)="",10,(C3)),2)');
    expect(native(finalizeFormula("=JX.EXECSCORE(B3,A3,20)"))).toBe("=ROUND(MIN((B3)/(A3),1)*20,2)");
  });

  test("EXECSCORE under the step preset: 2 off per full 5% short", () => {
    const f = native(finalizeFormula("=JX.EXECSCORE(B3,A3,C3)", HUNAN_STEPS));
    expect(f).toContain("MIN((B3)/(A3),1)");
    expect(f).toMatch(/^=ROUND\(MAX\(0,/);
    expect(f).toContain("/5)*2");
  });

  test("GRADE → nested IF over the scheme's bands (blank → blank)", () => {
    expect(native(finalizeFormula("=JX.GRADE(H20)"))).toBe('=IF((H20)="","",IF((H20)>=90,"优",IF((H20)>=80,"良",IF((H20)>=60,"中","差"))))');
    expect(native(finalizeFormula('=JX.GRADE(H20,"suining-2024")'))).toBe(
      '=IF((H20)="","",IF((H20)>90,"优秀",IF((H20)>=80,"良好",IF((H20)>=60,"较差","差"))))',
    );
    // the preset's own scheme when none is named
    expect(native(finalizeFormula("=JX.GRADE(H20)", SUINING_2024))).toContain('(H20)>90,"优秀"');
    // an unknown scheme, or one named by a cell, cannot be written natively: the value is kept
    expect(finalizeFormula('=JX.GRADE(H20,"nope")').kind).toBe("value");
    expect(finalizeFormula("=JX.GRADE(H20,K1)").kind).toBe("value");
  });

  test("SUMCHECK → ✓ / 尾数差 / 差 from ROUNDed sums", () => {
    const diff = "ABS(ROUND(B9,2)-ROUND(SUM(B10,B11:B12),2))";
    expect(native(finalizeFormula("=JX.SUMCHECK(B9,B10,B11:B12)"))).toBe(
      `=IF(ROUND(${diff},2)=0,"✓",IF(ROUND(${diff},2)<=0.01,"尾数差 "&TEXT(${diff},"0.00"),"差 "&TEXT(${diff},"0.00")))`,
    );
  });

  test("SCORECHECK → 得分为负 / 超出分值 / 扣分须填写偏差原因 / ✓", () => {
    expect(native(finalizeFormula("=JX.SCORECHECK(H5,G5,I5)"))).toBe(
      '=IF((H5)<0,"得分为负",IF((H5)>(G5),"超出分值",IF(AND((H5)<(G5),TRIM(I5)=""),"扣分须填写偏差原因","✓")))',
    );
    expect(native(finalizeFormula("=JX.SCORECHECK(H5,G5)"))).toContain('TRIM("")=""');
  });

  test("AMOUNT, CHANGETEXT and SCORE have no native twin: the cell keeps its value", () => {
    for (const f of ["=JX.AMOUNT(B3)", "=JX.CHANGETEXT(C4,B4)", '=JX.SCORE(E5,F5,G5)', '=IF(E5="","",JX.SCORE(E5,F5,G5))']) {
      const r = finalizeFormula(f);
      expect(r.kind).toBe("value");
      if (r.kind === "value") expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("the template's blank-guarded formula keeps its guard", () => {
    expect(native(finalizeFormula('=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))'))).toBe('=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))');
  });

  test("nested JX calls, lower-case names and spaces before the parenthesis", () => {
    expect(native(finalizeFormula("=JX.RATE(JX.SHARE(A1,B1),C1)"))).toBe("=ROUND((ROUND((A1)/(B1),4))/(C1),4)");
    expect(native(finalizeFormula("=jx.rate(A1,B1)"))).toBe("=ROUND((A1)/(B1),4)");
    expect(native(finalizeFormula("=JX.RATE (A1, B1)"))).toBe("=ROUND((A1)/(B1),4)");
    expect(native(finalizeFormula("=JX.RATE(A1,B1)+JX.RATE(A2,B2)"))).toBe("=ROUND((A1)/(B1),4)+ROUND((A2)/(B2),4)");
    // a JX call without a twin anywhere inside makes the whole cell a value
    expect(finalizeFormula("=JX.RATE(JX.AMOUNT(A1),B1)").kind).toBe("value");
  });

  test('"JX.RATE(" inside a string literal is text, not a call', () => {
    expect(native(finalizeFormula('="JX.RATE(A1,B1) = "&JX.RATE(A1,B1)'))).toBe('="JX.RATE(A1,B1) = "&ROUND((A1)/(B1),4)');
    // escaped quotes inside the literal
    expect(native(finalizeFormula('=IF(A1="say ""JX.RATE("" here","",JX.RATE(A1,B1))'))).toBe('=IF(A1="say ""JX.RATE("" here","",ROUND((A1)/(B1),4))');
    // a string argument holding a parenthesis or a comma does not split the call
    expect(native(finalizeFormula('=JX.GRADE(H20,"national")&"(,)"'))).toContain('&"(,)"');
    // only a literal: nothing to rewrite
    const onlyText = finalizeFormula('="JX.RATE(A1,B1)"');
    expect(onlyText.kind === "unchanged" || (onlyText.kind === "native" && onlyText.formula === '="JX.RATE(A1,B1)"')).toBe(true);
  });

  test("a quoted sheet name holding a comma or a parenthesis is one reference", () => {
    expect(native(finalizeFormula("=JX.RATE('项目(1)'!D3,'项目(1)'!B3)"))).toBe("=ROUND(('项目(1)'!D3)/('项目(1)'!B3),4)");
    expect(native(finalizeFormula("=JX.RATE('a,b'!D3,'a,b'!B3)"))).toBe("=ROUND(('a,b'!D3)/('a,b'!B3),4)");
  });

  test("unbalanced parentheses or quotes, wrong argument counts → value", () => {
    expect(finalizeFormula("=JX.RATE(A1,B1").kind).toBe("value");
    expect(finalizeFormula('=JX.RATE(A1,"B1)').kind).toBe("value");
    expect(finalizeFormula("=JX.RATE(A1)").kind).toBe("value");
    expect(finalizeFormula("=JX.RATE(A1,B1,C1)").kind).toBe("value");
    expect(finalizeFormula("=JX.SUMCHECK(A1)").kind).toBe("value");
    expect(finalizeFormula("=JX.NOPE(A1)").kind).toBe("value");
  });
});

// ---------------------------------------------------------------- by value

const CELL_ERRORS = { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A", invalidNumber: "#NUM!" } as const;

/** JX calls inside the evaluator go to the real functions; their errors become cell errors. */
function jxHook(name: string, args: unknown[]): Scalar {
  const r = callJx(name, args);
  return isJxError(r) ? { error: CELL_ERRORS[r.jxError] } : r;
}

/** What the cell displays: numbers compared exactly (both sides are rounded decimals), errors by their code. */
function display(v: Scalar): string {
  if (isError(v)) return v.error;
  if (v === null) return "(blank)";
  return `${typeof v}:${String(v)}`;
}

/** Evaluates the JX formula and its finalized twin on the same cells; a description of the difference, or null. */
function difference(jx: string, cells: Cells, preset: Preset): string | null {
  setJxPreset(preset);
  const f = finalizeFormula(jx, preset);
  if (f.kind !== "native") return `${jx}: finalized to ${f.kind}`;
  const before = display(evaluate(jx, cells, jxHook));
  const after = display(evaluate(f.formula, cells));
  return before === after ? null : `${jx} on ${JSON.stringify(cells)} (${preset.id}): JX shows ${before}, native ${after}`;
}

function run(seed: number, cases: number, make: (rng: Rng) => [string, Cells, Preset]): string[] {
  const rng = new Rng(seed);
  const failures: string[] = [];
  for (let i = 0; i < cases && failures.length < 10; i++) {
    const [jx, cells, preset] = make(rng);
    const d = difference(jx, cells, preset);
    if (d) failures.push(`case ${i}: ${d}`);
  }
  return failures;
}

/** An amount as typed into a cell: up to 1,000,000 万元 with 0–2 decimals. */
const amount = (rng: Rng) => Number(rng.decimalText(rng.pick([100, 10_000, 1_000_000]), rng.int(0, 2)));
/** Executed near or beyond the budget, as in the forms. */
const executedOf = (rng: Rng, budget: number) =>
  rng.chance(0.15) ? budget : rng.chance(0.7) ? Number((budget * rng.next()).toFixed(rng.int(0, 2))) : amount(rng);
const maybeBlank = <T,>(rng: Rng, v: T, p = 0.1): T | null => (rng.chance(p) ? null : v);

describe("no displayed value changes: the native formula shows what the JX formula shows", () => {
  const CASES = 4000;

  test("template 执行率: IF(OR(B=\"\",A=\"\"),\"\",JX.RATE(B,A)) over blanks, zeros and amounts", () => {
    const failures = run(11, CASES, (rng) => {
      const budget = rng.chance(0.05) ? 0 : amount(rng);
      return ['=IF(OR(B3="",A3=""),"",JX.RATE(B3,A3))', { A3: maybeBlank(rng, budget), B3: maybeBlank(rng, executedOf(rng, budget)) }, HUNAN_2024];
    });
    expect(failures).toEqual([]);
  });

  test.each([HUNAN_2024, HUNAN_STEPS].map((p) => [p.id, p] as const))("template 执行率得分 under %s: IF(…,JX.EXECSCORE(B,A,分值)), 分值 blank or set", (_id, preset) => {
    const failures = run(12, CASES, (rng) => {
      const budget = rng.chance(0.05) ? 0 : amount(rng);
      const weight = rng.chance(0.1) ? null : rng.pick([10, 10, 10, 5, 20, 2.5, 30, 0]);
      return ['=IF(OR(B3="",A3=""),"",JX.EXECSCORE(B3,A3,C3))', { A3: maybeBlank(rng, budget), B3: maybeBlank(rng, executedOf(rng, budget)), C3: weight }, preset];
    });
    expect(failures).toEqual([]);
  });

  test("step scoring at the step boundaries: exactly 85% and a hair either side", () => {
    // 170000.06 ÷ 200000.07 = 0.85 + 0.0005 ÷ 200000.07 = 0.8500000025: 14.99999975 points short → 2 full steps → 6
    // 170000.11 ÷ 200000.13 = 0.85 − 0.0005 ÷ 200000.13 = 0.8499999975: 15.00000025 short → 3 steps → 4
    const cells: [number, number][] = [
      [85, 100],
      [170000.06, 200000.07],
      [170000.11, 200000.13],
      [95, 100],
      [80, 100],
      [0, 100],
    ];
    const failures = cells.map(([b, a]) => difference("=JX.EXECSCORE(B3,A3,10)", { A3: a, B3: b }, HUNAN_STEPS)).filter((d) => d !== null);
    expect(failures).toEqual([]);
    setJxPreset(HUNAN_STEPS);
    expect(callJx("EXECSCORE", [170000.06, 200000.07, 10])).toBe(6);
    expect(callJx("EXECSCORE", [170000.11, 200000.13, 10])).toBe(4);
  });

  test("template 等级: IF(E=\"\",\"\",JX.GRADE(E,scheme)) at and around the band edges", () => {
    const failures = run(13, CASES, (rng) => {
      const total = rng.chance(0.4) ? rng.pick([90, 80, 60, 89.99, 90.01, 79.99, 59.99, 100, 0]) : Number(rng.decimalText(100, rng.int(0, 2)));
      const scheme = rng.pick(["national", "suining-2024"]);
      return [`=IF(E3="","",JX.GRADE(E3,"${scheme}"))`, { E3: maybeBlank(rng, total) }, HUNAN_2024];
    });
    expect(failures).toEqual([]);
  });

  test("bare RATE, SHARE, CHANGE and GRADE on numbers (zeros and negatives included)", () => {
    const failures = run(14, CASES, (rng) => {
      const a = rng.chance(0.05) ? 0 : rng.chance(0.1) ? -amount(rng) : amount(rng);
      const b = rng.chance(0.05) ? 0 : rng.chance(0.1) ? -amount(rng) : amount(rng);
      const formula = rng.pick(["=JX.RATE(A1,B1)", "=JX.SHARE(A1,B1)", "=JX.CHANGE(A1,B1)", "=JX.GRADE(A1)"]);
      return [formula, { A1: a, B1: b }, rng.pick([HUNAN_2024, SUINING_2024])];
    });
    expect(failures).toEqual([]);
  });

  test.each([HUNAN_2024, HUNAN_STEPS].map((p) => [p.id, p] as const))("bare EXECSCORE with 2 or 3 arguments on figures ≥ 0 under %s", (_id, preset) => {
    // Negative figures are rejected by JX.EXECSCORE (#VALUE!) but computed by the native twin: they are input
    // errors the checker reports, and the twin stays a plain formula.
    const failures = run(17, CASES, (rng) => {
      const budget = rng.chance(0.05) ? 0 : amount(rng);
      const formula = rng.pick(["=JX.EXECSCORE(B1,A1)", "=JX.EXECSCORE(B1,A1,C1)", "=JX.EXECSCORE(B1,A1,5)"]);
      return [formula, { A1: budget, B1: executedOf(rng, budget), C1: rng.pick([10, 5, 20, null]) }, preset];
    });
    expect(failures).toEqual([]);
  });

  test("SUMCHECK: a total against cells and ranges of parts (blanks among them), off by 0, 0.01 or more", () => {
    const failures = run(15, CASES, (rng) => {
      const parts = Array.from({ length: 5 }, () => (rng.chance(0.15) ? null : amount(rng)));
      const sum = parts.reduce<number>((s, x) => s + (x ?? 0), 0);
      const off = rng.pick([0, 0, 0.01, -0.01, 0.02, 43, -3993.25]);
      const total = Number((Math.round(sum * 100) / 100 + off).toFixed(2));
      const cells: Cells = { A1: total, B1: parts[0], B2: parts[1], C1: parts[2], C2: parts[3], D1: parts[4] };
      return [rng.pick(["=JX.SUMCHECK(A1,B1,B2,C1,C2,D1)", "=JX.SUMCHECK(A1,B1:C2,D1)", "=JX.SUMCHECK(A1,B1:D2)"]), cells, HUNAN_2024];
    });
    expect(failures).toEqual([]);
  });

  test("SCORECHECK: scores around the 分值, with and without a reason", () => {
    const failures = run(16, CASES, (rng) => {
      const weight = rng.pick([10, 5, 20, 2.5]);
      const score = rng.pick([weight, weight + 0.01, weight - 0.01, 0, -1, Number((weight * rng.next()).toFixed(2))]);
      const reason = rng.pick([null, "", "   ", "有原因", "执行率未达100%", 0]);
      return ["=JX.SCORECHECK(A1,B1,C1)", { A1: score, B1: weight, C1: reason }, HUNAN_2024];
    });
    expect(failures).toEqual([]);
  });
});

describe("the test evaluator itself (hand-checked)", () => {
  test("arithmetic, precedence, comparisons, blanks", () => {
    expect(evaluate("=1+2*3", {})).toBe(7);
    expect(evaluate("=-2*-3", {})).toBe(6);
    expect(evaluate('="a"&1&"b"', {})).toBe("a1b");
    expect(evaluate("=A1+1", {})).toBe(1); // blank is 0
    expect(evaluate('=A1=""', {})).toBe(true);
    expect(evaluate("=A1=0", {})).toBe(true);
    expect(evaluate('=IF(A1="","x","y")', { A1: 0 })).toBe("y");
    expect(evaluate("=1/0", {})).toEqual({ error: "#DIV/0!" });
    expect(evaluate('="a"+1', {})).toEqual({ error: "#VALUE!" });
    expect(evaluate('="3"+1', {})).toBe(4);
    expect(evaluate('="b">1', {})).toBe(true); // text sorts after numbers
  });

  test("ROUND and TEXT round the shown decimal half away from zero", () => {
    expect(evaluate("=ROUND(1.005,2)", {})).toBe(1.01);
    expect(evaluate("=ROUND(2.675,2)", {})).toBe(2.68);
    expect(evaluate("=ROUND(-0.125,2)", {})).toBe(-0.13);
    expect(evaluate("=ROUND(18259.03-18259.02,2)", {})).toBe(0.01); // 0.010000000002037268 in binary
    expect(evaluate('=TEXT(3993.25,"0.00")', {})).toBe("3993.25");
    expect(evaluate('=TEXT(0.125,"0.00")', {})).toBe("0.13");
  });

  test("SUM, MIN, MAX skip text and blanks in ranges; AND, OR, TRIM, INT, ABS", () => {
    expect(evaluate("=SUM(A1:B2)", { A1: 1, A2: "x", B1: null, B2: 2.5 })).toBe(3.5);
    expect(evaluate("=MIN(A1:A2,5)", { A1: 7, A2: "x" })).toBe(5);
    expect(evaluate("=MAX(0,A1-1)", { A1: 0.5 })).toBe(0);
    expect(evaluate("=AND(1<2,OR(0,A1))", { A1: 1 })).toBe(true);
    expect(evaluate('=TRIM("  a   b ")', {})).toBe("a b");
    expect(evaluate("=INT(-1.5)", {})).toBe(-2);
    expect(evaluate("=ABS(-3)", {})).toBe(3);
  });
});

describe("JX spellings a file may store (issue 11)", () => {
  test("typed, _xldudf_ with . or _, behind _xlfn./_xlws., any case: all recognised and rewritten", () => {
    for (const f of ["=JX.RATE(D3,B3)", "=jx.rate(D3,B3)", "=_xldudf_JX_RATE(D3,B3)", "=_xldudf_JX.RATE(D3,B3)", "=_xlfn._xldudf_JX_RATE(D3,B3)", "=_xlws._xldudf_jx_rate(D3,B3)"]) {
      expect([f, native(finalizeFormula(f))]).toEqual([f, "=ROUND((D3)/(B3),4)"]);
    }
  });

  test("not a JX call: inside a string or a quoted sheet name, or part of a longer name", () => {
    expect(callsJx('="JX.RATE(1,2)"')).toBe(false);
    expect(callsJx("='JX.RATE('!A1")).toBe(false);
    expect(callsJx("=MYJX.RATE(1,2)")).toBe(false);
    expect(callsJx("=JX.RATE")).toBe(false); // a name without a call
    expect(normalizeJxCalls('=_xldudf_jx_share(A1,B1)&"_xldudf_JX_RATE("')).toBe('=JX.SHARE(A1,B1)&"_xldudf_JX_RATE("');
  });
});

describe("references of a formula, and shared formulas moved", () => {
  test("formulaRefs: cells, ranges, sheet-qualified and quoted; functions and strings are not references", () => {
    expect(formulaRefs("=SUM(B3:B9)+Sheet1!C$4+'项目(1)'!D5:E6+LOG10(A1)+\"A9\"")).toEqual([
      { sheet: null, top: 2, left: 1, bottom: 8, right: 1 },
      { sheet: "Sheet1", top: 3, left: 2, bottom: 3, right: 2 },
      { sheet: null, top: 0, left: 0, bottom: 0, right: 0 }, // A1 inside LOG10(…)
      { sheet: "项目(1)", top: 4, left: 3, bottom: 5, right: 4 },
    ]);
  });

  test("shiftFormula: relative parts move, $ parts stay, quoted sheets too; leaving the sheet is null", () => {
    // From E1 to F3: 2 rows down, 1 column right.
    expect(shiftFormula("ROUND((D1)/($B$1),4)+'项 1'!A1:B2+S!C$3", 2, 1)).toBe("ROUND((E3)/($B$1),4)+'项 1'!B3:C4+S!D$3");
    expect(shiftFormula("A1", -1, 0)).toBeNull();
    expect(shiftFormula('"A1"&A1', 1, 1)).toBe('"A1"&B2');
  });
});
