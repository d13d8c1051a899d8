/**
 * The real-consumer check: LibreOffice (headless, installed by .ci/run) opens workbooks written by the
 * CLI, recalculates their native formulas, and the recalculated values equal the core's figures and
 * the hand-checked ones of DOMAIN.md. Without soffice this test fails: CI installs it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { D, executionScore, HUNAN_2024, packageLayouts, rate, roundRate, type Package, type SheetLayout } from "../../src/core";
import { checkFile } from "../../src/cli/check";
import { loadWorkbook, newWorkbook, writeLayouts, writeWorkbook, type Workbook } from "../../src/cli/xlsx";
import { loadSeed } from "../helpers/seeds";
import { soffice, tmpDir } from "./helpers";

jest.setTimeout(240_000);

const dir = tmpDir("lo");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The seed with every figure that a formula computes left blank, so that the template writes the formula. */
function blankComputed(pkg: Package): Package {
  const p = structuredClone(pkg);
  if (p.basic) p.basic.staff.controlRate = null;
  const scored = [p.selfEvaluation?.funds, ...p.projects.map((x) => x.funds.total)];
  for (const f of scored) if (f) [f.rate, f.score] = [null, null];
  for (const t of [p.selfEvaluation?.total, ...p.projects.map((x) => x.total)]) if (t) [t.weight, t.score, t.grade] = [null, null, null];
  return p;
}

const recalculated: Record<string, { pkg: Package; layouts: SheetLayout[]; wb: Workbook; file: string }> = {};

beforeAll(async () => {
  const bin = soffice();
  const inputs: string[] = [];
  for (const id of ["003", "004"] as const) {
    const pkg = blankComputed(loadSeed(id));
    const layouts = packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg);
    const wb = newWorkbook();
    writeLayouts(wb, layouts);
    const file = path.join(dir, `seed-${id}.xlsx`);
    await writeWorkbook(wb, file);
    inputs.push(file);
    recalculated[id] = { pkg, layouts, wb, file: path.join(dir, "lo", `seed-${id}.xlsx`) };
  }
  for (const flavour of ["native", "jx"] as const) {
    const layouts = packageLayouts({ year: 2024, preset: HUNAN_2024, projects: 1 });
    const wb = newWorkbook();
    writeLayouts(wb, layouts, flavour);
    const file = path.join(dir, `blank-${flavour}.xlsx`);
    await writeWorkbook(wb, file);
    inputs.push(file);
    recalculated[`blank-${flavour}`] = { pkg: null as unknown as Package, layouts, wb, file: path.join(dir, "lo", `blank-${flavour}.xlsx`) };
  }
  const profile = `file://${path.join(dir, "profile")}`;
  const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", path.join(dir, "lo"), ...inputs], {
    encoding: "utf8",
    timeout: 200_000,
  });
  for (const id of ["003", "004", "blank-native", "blank-jx"]) {
    const out = recalculated[id].file;
    if (!fs.existsSync(out)) throw new Error(`LibreOffice 没有生成 ${out}（退出码 ${r.status}）：${r.stderr}`);
    recalculated[id].wb = await loadWorkbook(out);
  }
});

/** The recalculated value of a field's cell in the sheet of `layoutIndex`. */
function valueOf(id: string, layoutIndex: number, field: string): unknown {
  const { layouts, wb } = recalculated[id];
  const pos = layouts[layoutIndex].fields[field];
  const cell = wb.getWorksheet(layouts[layoutIndex].name)!.getCell(pos.row + 1, pos.col + 1);
  expect(cell.formula).toBeTruthy(); // still a formula, recalculated by LibreOffice
  return cell.result;
}

const num = (v: unknown) => new D(String(v));

describe("a blank template recalculated by LibreOffice shows no result", () => {
  // Before: 附件2's sums showed 0.00, 总分 0.00 and 等级 差; 附件3 showed #DIV/0! in 执行率, 得分, 总分 and 等级.
  test.each(["native", "jx"])("every computed cell of every sheet is empty (%s formulas)", (flavour) => {
    const { layouts, wb } = recalculated[`blank-${flavour}`];
    const shown: string[] = [];
    let computed = 0;
    for (const layout of layouts) {
      const ws = wb.getWorksheet(layout.name)!;
      for (const c of layout.cells) {
        if (!c.formula) continue;
        computed++;
        const cell = ws.getCell(c.row + 1, c.col + 1);
        expect(cell.formula).toBeTruthy();
        const v = cell.result as unknown;
        if (!(v === "" || v === null || v === undefined)) shown.push(`${layout.name}!${cell.address}=${JSON.stringify(v)}`);
      }
    }
    expect(computed).toBeGreaterThanOrEqual(15); // 附件1 3 rates; 附件2 2 sums, 执行率, 得分, 分值, 总分, 等级; 附件3 3 sums and the same 5
    expect(shown).toEqual([]);
  });
});

describe("seed 003 recalculated by LibreOffice", () => {
  test("控制率 75 ÷ 88 = 85.23%, as the core's rate()", () => {
    const v = valueOf("003", 0, "staff.controlRate");
    expect(v).toBe(0.8523);
    const core = rate(new D(75), new D(88));
    expect(core.ok && roundRate(core.value).toNumber()).toBe(v);
  });

  test("执行率 20971.34 ÷ 24964.59 = 84.00% → 得分 8.40, as the core's executionScore()", () => {
    expect(valueOf("003", 1, "funds.rate")).toBe(0.84);
    const score = valueOf("003", 1, "funds.score");
    expect(score).toBe(8.4);
    const core = executionScore(new D("20971.34"), new D("24964.59"), new D(10));
    expect(core.ok && core.value.toNumber()).toBe(score);
  });

  test("总分 95.40 (8.40 + the indicators' scores), 分值 100, 等级 优", () => {
    const { pkg } = recalculated["003"];
    const sum = pkg.selfEvaluation!.indicators.reduce((s, i) => s.plus(num(i.score)), new D("8.4"));
    expect(sum.toFixed(2)).toBe("95.40");
    expect(valueOf("003", 1, "total.score")).toBe(95.4);
    expect(valueOf("003", 1, "total.weight")).toBe(100);
    expect(valueOf("003", 1, "total.grade")).toBe("优");
  });

  test("checking LibreOffice's file finds the seed's mistakes and no execution-score error", async () => {
    const r = await checkFile(recalculated["003"].file, HUNAN_2024);
    if (!r.ok) throw new Error(r.error);
    const errors = r.findings.filter((f) => f.severity === "错误").map((f) => `${f.rule} ${f.cell}`).sort();
    expect(errors).toEqual(["EVAL.INCOME_SUM D5", "EVAL.PROJECT_VS_BASIC H7", "INDICATOR.VS_BASIC F27", "INDICATOR.VS_BASIC F28"]);
    expect(r.total).toBe("95.40");
  });
});

describe("seed 004 recalculated by LibreOffice", () => {
  test("控制率 11 ÷ 10 = 110.00%", () => {
    expect(valueOf("004", 0, "staff.controlRate")).toBe(1.1);
  });

  // DOMAIN.md: 执行率 computed 99.87% / 89.39% / 97.49% / 1.89%, scores 9.99 / 8.94 / 9.75 / 0.19; two projects at 100%.
  const expected: [project: number, rate: number, score: number][] = [
    [0, 0.9987, 9.99],
    [1, 1, 10],
    [2, 0.8939, 8.94],
    [3, 0.9749, 9.75],
    [4, 0.0189, 0.19],
    [5, 1, 10],
  ];
  test.each(expected)("project %i: 执行率 %f, 得分 %f, as the core computes them", (i, r, s) => {
    const sheet = 1 + i; // seed 004 has 附件1 and the projects, no 附件2
    expect(valueOf("004", sheet, "funds.total.rate")).toBe(r);
    expect(valueOf("004", sheet, "funds.total.score")).toBe(s);
    const t = recalculated["004"].pkg.projects[i].funds.total;
    const core = executionScore(num(t.executed), num(t.fullBudget), num(t.weight));
    expect(core.ok && core.value.toNumber()).toBe(s);
  });

  test("each project's 总分 is its 执行率得分 plus its indicators' scores, as the core adds them", () => {
    recalculated["004"].pkg.projects.forEach((p, i) => {
      const exec = expected[i][2];
      const sum = p.indicators.reduce((s, ind) => s.plus(num(ind.score ?? 0)), new D(exec));
      expect(valueOf("004", 1 + i, "total.score")).toBe(sum.toDecimalPlaces(2).toNumber());
    });
  });

  test("checking LibreOffice's file: the stated rates are now computed, so no EXEC.RATE / EXEC.SCORE error is left", async () => {
    const r = await checkFile(recalculated["004"].file, HUNAN_2024);
    if (!r.ok) throw new Error(r.error);
    expect(r.findings.filter((f) => f.rule === "EXEC.RATE" || f.rule === "EXEC.SCORE")).toEqual([]);
    expect(r.findings.find((f) => f.rule === "BASIC.OVERSTAFFED")?.actual).toBe("110.00%");
  });
});
