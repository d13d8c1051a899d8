/**
 * The indicator findings of ../shared/cases/variants/<case>/expected.md, reproduced on small hand-made
 * packages: each case's indicator rows typed in as the reader hands them over (an operator column joined
 * to its figure and unit with spaces: "≧ 100 %"), with each model path placed at the case's real cell,
 * so that the findings can be compared with expected.md cell by cell. The reader engineer wires the full
 * forms; these tests pin the meaning half (operators, not applicable, dates, direction, content, pairing).
 *
 * Only the rules of the meaning half are compared (INDICATOR.*, CONTENT.*, PAIR.*, INPUT.PLACEHOLDER,
 * SCORE.REASON_MISSING): layout, units, sums and weights are the reader's part.
 */
import { checkPackage, D, emptyProject, grade, gradeMatches, HUNAN_2024, type Finding, type GradeScheme, type Indicator, type Package, type Preset, type ProjectEvaluation, type Raw } from "../../src/core";

const MEANING = /^(INDICATOR\.|CONTENT\.|PAIR\.|INPUT\.PLACEHOLDER$|SCORE\.REASON_MISSING$)/;

interface Row {
  row: number;
  level1?: string;
  level2?: string;
  name: string;
  target: Raw;
  actual: Raw;
  weight: Raw;
  score: Raw;
  reason?: string;
}

/** Column letters of one case's indicator block. */
interface Columns {
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  reason: string;
}

/** One project form of a case: the model, and every path at its cell on `sheet`. */
function projectCase(sheet: string, project: ProjectEvaluation, rows: Row[], cols: Columns, fixed: Record<string, string>): { findings: Finding[] } {
  const cells = new Map<string, string>();
  for (const [k, v] of Object.entries(fixed)) cells.set(`projects.0.${k}`, v);
  project.indicators = rows.map((r, i): Indicator => {
    for (const f of ["name", "target", "actual", "weight", "score", "reason"] as const) cells.set(`projects.0.indicators.${i}.${f}`, `${cols[f]}${r.row}`);
    return { level1: r.level1 ?? "", level2: r.level2 ?? "", name: r.name, target: r.target, actual: r.actual, weight: r.weight, score: r.score, reason: r.reason ?? "" };
  });
  const pkg: Package = { schemaVersion: 1, unit: "", year: 2022, basic: null, selfEvaluation: null, projects: [project] };
  const findings = checkPackage({
    pkg,
    cellOf: (path) => (cells.has(path) ? { sheet, cell: cells.get(path)! } : undefined),
    sheets: [{ name: sheet, path: "projects.0" }],
  });
  return { findings: findings.filter((f) => MEANING.test(f.rule)) };
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe("yn-yongde-minglang-2022 (云南, ≧ and ═ in their own column, — for none)", () => {
  const p = emptyProject("义务教育营养改善计划专项资金");
  // Amounts in 元 (387664.62 元 = 38.77 万元); the sub-rows print — for none (C9:E9).
  p.funds.total = { initialBudget: null, fullBudget: 387664.62, executed: 387664.62, weight: 10, rate: 1, score: 10 };
  p.funds.current = { initialBudget: null, fullBudget: 387664.62, executed: 387664.62 };
  p.funds.other = { initialBudget: "—", fullBudget: "—", executed: "—" };
  p.goals = { planned: "确保每一个学生都能享受到国家政策福利,改善学生体质", achieved: "确保每一个学生都能享受到国家政策福利,改善学生体质" };
  p.total = { weight: 100, score: 96, grade: "优" };
  // D 指标性质 + E 指标值 + F 度量单位 joined by the reader; G 实际完成值 (percent cells are numbers: 100% → 1).
  const rows: Row[] = [
    { row: 14, level1: "产出指标", level2: "数量指标", name: "学生受资助人数", target: "≧ 735 人次", actual: 735, weight: 10, score: 10 },
    { row: 15, level2: "质量指标", name: "营养改善计划覆盖率", target: "≧ 100 %", actual: 1, weight: 10, score: 10 },
    { row: 16, level2: "时效指标", name: "资金到位及时率", target: "≧ 100 %", actual: 1, weight: 10, score: 7 },
    { row: 17, level2: "成本指标", name: "生均补助标准达标率", target: "═ 100 %", actual: 1, weight: 10, score: 10 },
    { row: 18, level1: "效益指标", level2: "经济效益指标", name: "减轻贫困学生家庭经济负担", target: "有效", actual: "有效", weight: 10, score: 10 },
    { row: 19, level2: "社会效益指标", name: "政策知晓率", target: "═ 100 %", actual: 0.98, weight: 10, score: 9 },
    { row: 20, level2: "生态效益指标", name: "", target: null, actual: null, weight: null, score: null },
    { row: 21, level2: "可持续影响指标", name: "促进学校教育事业健康发展", target: "≧ 100 %", actual: 1, weight: 10, score: 10 },
    { row: 22, level1: "满意度指标", level2: "服务对象满意度指标等", name: "学生满意度", target: "≧ 95 %", actual: 1, weight: 10, score: 10 },
    { row: 23, name: "家长满意度", target: "≧ 95 %", actual: 1, weight: 10, score: 10 },
  ];
  let findings: Finding[] = [];
  beforeEach(() => ({ findings } = projectCase("项目支出绩效自评表", p, rows, { name: "C", target: "D", actual: "G", weight: "H", score: "I", reason: "J" }, {
    "funds.other.initialBudget": "C9",
    "funds.other.fullBudget": "D9",
    "funds.other.executed": "E9",
    "goals.planned": "B11",
    "goals.achieved": "F11",
  })));

  test("must report: I16 target ≧ 100 % met by 100%, yet 7 of 10 (warning, the words a user reads)", () => {
    const f = findings.find((x) => x.rule === "INDICATOR.MET_NOT_FULL");
    expect(f).toMatchObject({ severity: "警告", sheet: "项目支出绩效自评表", cell: "I16", expected: "10", actual: "7" });
    expect(f?.message).toBe("项目「义务教育营养改善计划专项资金」指标「资金到位及时率」目标 ≧ 100 %，实际 100%，已达标，得分 7 低于分值 10。");
  });

  test("must report: the deductions of rows 16 and 19 have no 偏差原因, reported at the reason cells J16, J19 as expected.md names them", () => {
    expect(brief(findings.filter((f) => f.rule === "SCORE.REASON_MISSING"))).toEqual(["警告 SCORE.REASON_MISSING J16", "警告 SCORE.REASON_MISSING J19"]);
  });

  test("═ 100 % is =: 98% is not met (no MET_NOT_FULL on row 19), 9 of 10 is not full (no FULL_NOT_MET); row 17 100% → 100% met", () => {
    expect(findings.filter((f) => f.rule.startsWith("INDICATOR.") && f.cell !== "I16")).toEqual([]);
  });

  test("must not flag: — in the funds sub-rows is not a placeholder; nothing else is 错误 or 警告", () => {
    expect(findings.filter((f) => f.rule === "INPUT.PLACEHOLDER")).toEqual([]);
    expect(brief(findings.filter((f) => f.severity !== "提示"))).toEqual(["警告 INDICATOR.MET_NOT_FULL I16", "警告 SCORE.REASON_MISSING J16", "警告 SCORE.REASON_MISSING J19"]);
  });
});

describe("hb-ezhou-czj-2019 (湖北, goals that are amounts, actuals that restate targets, 2019年 → 2020年)", () => {
  const cols: Columns = { name: "D", target: "E", actual: "F", weight: "G", score: "H", reason: "I" };
  const fixed = { "goals.planned": "B11", "goals.achieved": "F11" };

  const sheet1 = emptyProject("购买第三方服务");
  sheet1.funds.total = { initialBudget: 287, fullBudget: 287, executed: 171, weight: 10, rate: 0.6, score: 6 };
  sheet1.goals = { planned: "287", achieved: "171" };
  let one: Finding[];
  beforeEach(() => {
    one = projectCase("项目自评表-购买第三方服务", sheet1, [
    { row: 13, level1: "产出指标", level2: "数量指标", name: "服务对象人数", target: "100人次", actual: "100人次", weight: 15, score: 15 },
    { row: 14, level2: "质量指标", name: "服务达标率", target: 0.8, actual: 0.8, weight: 20, score: 20 },
    { row: 15, level2: "时效指标", name: "完成时限", target: "2019年", actual: "2019年", weight: 15, score: 15 },
    { row: 16, level2: "成本指标", name: "计划完成率", target: 0.9, actual: 0.6, weight: 20, score: 10, reason: "部分项目延续至下年" },
    { row: 17, level2: "社会效益指标", name: "财政工作运行效率", target: "≥80%", actual: "≥80%", weight: 15, score: 15 },
    { row: 18, level1: "满意度指标", level2: "服务对象满意度指标", name: "受益群体满意度", target: 0.9, actual: 0.9, weight: 15, score: 15 },
  ], cols, fixed).findings;
  });

  const sheet2 = emptyProject("财政政务管理");
  sheet2.funds.total = { initialBudget: 202, fullBudget: 202, executed: 100, weight: 10, rate: 0.5, score: 5 };
  sheet2.goals = { planned: "202", achieved: "100" };
  let two: Finding[];
  beforeEach(() => {
    two = projectCase("项目自评表-财政政务管理", sheet2, [
    { row: 13, level1: "产出指标", level2: "质量指标", name: "项目合格率", target: 0.9, actual: 0.6, weight: 20, score: 10, reason: "部分项目延续至下年" },
    { row: 14, level2: "时效指标", name: "完成时限", target: "2019年", actual: "2020年", weight: 20, score: 10, reason: "部分项目延续至下年" },
    { row: 15, level2: "成本指标", name: "成本控制率", target: 0.9, actual: 0.9, weight: 20, score: 20 },
    { row: 16, level1: "效益指标", level2: "社会效益指标", name: "财政工作运行效率", target: "≥80%", actual: "≥80%", weight: 20, score: 20 },
  ], cols, fixed).findings;
  });

  test("must report 7 and 8: 年度总体目标 B11 / F11 are the amounts, not goals (提示)", () => {
    const goals = (fs: Finding[]) => fs.filter((f) => f.rule === "CONTENT.GOAL").map((f) => [f.severity, f.cell, f.actual, f.message]);
    expect(goals(one)).toEqual([
      ["提示", "B11", "287", "年度总体目标（预期目标）只写了金额「287」，与项目「购买第三方服务」年度资金总额全年预算数 287.00 相同，不是目标。"],
      ["提示", "F11", "171", "年度总体目标（实际完成情况）只写了金额「171」，与项目「购买第三方服务」年度资金总额全年执行数 171.00 相同，不是目标。"],
    ]);
    expect(goals(two).map((g) => [g[1], g[2]])).toEqual([
      ["B11", "202"],
      ["F11", "100"],
    ]);
  });

  test("must report 9: F17 and sheet 2 F16 实际完成值 ≥80% only restates the target", () => {
    const restated = [...one, ...two].filter((f) => f.rule === "INDICATOR.ACTUAL_RESTATES_TARGET");
    expect(restated.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.expected} ${f.actual}`)).toEqual([
      "提示 项目自评表-购买第三方服务!F17 实际达到的数值 ≥80%",
      "提示 项目自评表-财政政务管理!F16 实际达到的数值 ≥80%",
    ]);
    expect(restated[0].message).toBe("项目「购买第三方服务」指标「财政工作运行效率」实际完成值「≥80%」只是重复了年度指标值 ≥80%，没有写出实际达到的数值。");
  });

  test("must not flag: 完成时限 2019年 → 2020年 (10 of 20, reason given) is not 'met but deducted'; 2019年 → 2019年 15 of 15 is nothing", () => {
    expect(two.filter((f) => f.rule === "INDICATOR.MET_NOT_FULL" || f.rule === "INDICATOR.FULL_NOT_MET")).toEqual([]);
    expect(one.filter((f) => f.cell.endsWith("15"))).toEqual([]);
  });

  test("must not flag: 成本控制率 90% → 90% and the deductions with reasons raise no 错误 or 警告", () => {
    expect([...one, ...two].filter((f) => f.severity !== "提示")).toEqual([]);
  });
});

describe("sc-zhongjiang-slj-2022 (四川, 全年实际值 written as ≥ targets, a …… row)", () => {
  const p = emptyProject("中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装");
  p.funds.total = { initialBudget: null, fullBudget: 20, executed: 20, weight: 10, rate: "100.00%", score: 10 };
  p.goals = {
    planned: "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
    achieved: "对项目区农业用水计量,为项目区农业生产夯实基础,",
  };
  p.total = { weight: 100, score: 100, grade: null };
  // Columns: E 分值 before F 年度指标值, G 全年实际值, H 得分, I 未完成原因.
  const rows: Row[] = [
    { row: 12, level1: "产出指标(70分)", level2: "数量指标", name: "安装坡面水标尺", weight: 10, target: "≥266米", actual: "≥266米", score: 10 },
    { row: 13, name: "水标尺宽度", weight: 10, target: "≥50厘米", actual: "≥50厘米", score: 10 },
    { row: 14, level2: "质量指标", name: "项目(工程)验收合格率", weight: 20, target: 1, actual: 1, score: 20 },
    { row: 15, level2: "时效指标", name: "及时(按期)开工率", weight: 10, target: "≥90%", actual: "≥90%", score: 10 },
    { row: 16, name: "及时(按期)完工率", weight: 10, target: "≥90%", actual: "≥90%", score: 10 },
    { row: 17, level2: "成本指标", name: "项目计划总投资", weight: 10, target: "20万元", actual: "20万元", score: 10 },
    { row: 18, level1: "效益指标(20分)", level2: "经济效益指标", name: "", weight: null, target: null, actual: null, score: null },
    { row: 19, level2: "社会效益指标", name: "受益脱贫(含监测对象)户人口数", weight: 10, target: "≥1000人", actual: "≥1000人", score: 10 },
    { row: 20, name: "群众生产生活条件改善状况", weight: 10, target: "显著提升", actual: "显著提升", score: 10 },
    { row: 21, level1: "满意度指标(10分)", level2: "服务对象满意度指标", name: "受益脱贫(含监测对象)户满意度", weight: 10, target: "≥95%", actual: "≥95%", score: 10 },
    { row: 22, name: "……", weight: null, target: null, actual: null, score: null },
  ];
  let findings: Finding[] = [];
  beforeEach(() => ({ findings } = projectCase("绩效目标自评表", p, rows, { name: "D", target: "F", actual: "G", weight: "E", score: "H", reason: "I" }, { "goals.planned": "B10", "goals.achieved": "F10" })));

  test("content: G12 ≥266米, G13 ≥50厘米, G15 ≥90%, G16 ≥90%, G19 ≥1000人, G21 ≥95% only restate the target (提示 each)", () => {
    expect(brief(findings)).toEqual(["G12", "G13", "G15", "G16", "G19", "G21"].map((c) => `提示 INDICATOR.ACTUAL_RESTATES_TARGET ${c}`));
    expect(findings[0]).toMatchObject({ expected: "实际达到的数值", actual: "≥266米" });
  });

  test("must not flag: the …… row is no placeholder; full marks with actual = target need no 偏差原因", () => {
    expect(findings.filter((f) => f.rule === "INPUT.PLACEHOLDER" || f.rule === "SCORE.REASON_MISSING")).toEqual([]);
  });
});

describe("hn-hengshan-swlsj-2020 (湖南, no scores; 无 as an actual with a reason; 0 for lower-is-better)", () => {
  const p = emptyProject("县级储备粮", null);
  p.funds.total = { initialBudget: null, fullBudget: 194.9, executed: 194.9, weight: null, rate: 1, score: null };
  p.goals = { planned: "保持和稳定地方粮食储备机制", achieved: "地方储备粮食规模达标" };
  const rows: Row[] = [
    { row: 11, level1: "产出指标", level2: "数量指标", name: "5000吨稻谷、500吨成品粮储备到位率", target: 1, actual: 1, weight: null, score: null },
    { row: 15, level2: "质量指标", name: "县级储备粮库存粮食明显变质比例", target: 0, actual: 0, weight: null, score: null },
    { row: 21, level1: "效益指标", level2: "经济效益指标", name: "政策性挂账利息补贴保障率", target: 1, actual: "无", weight: null, score: null, reason: "没有轮换、动用库存" },
    { row: 24, level2: "可持续影响指标", name: "粮食储备设备维护及安全性", target: "高", actual: "高", weight: null, score: null },
    { row: 25, level1: "满意度指标", level2: "服务对象满意度指标", name: "因粮食市场波动引起的粮食安全事件发生数", target: "0起", actual: "0起", weight: null, score: null },
    { row: 26, name: "市民满意度调查", target: "≥90%", actual: 1, weight: null, score: null },
  ];
  let findings: Finding[] = [];
  beforeEach(() => ({ findings } = projectCase("专项资金绩效目标自评表", p, rows, { name: "D", target: "E", actual: "F", weight: "", score: "", reason: "G" }, { "goals.planned": "B9", "goals.achieved": "E9" })));

  test("must report nothing of the meaning half: 无 is not applicable, 0 → 0 and 0起 → 0起 are met, 高 → 高 qualitative", () => {
    expect(findings).toEqual([]);
  });
});

describe("grade words are data: a scheme that says 合格 / 不合格 accepts them (issue 9)", () => {
  // A pass/fail scheme as a preset would declare it (the presets themselves are the reader's part).
  const PASS_FAIL: GradeScheme = {
    id: "pass-fail",
    label: "合格（60分及以上）/ 不合格",
    bands: [
      { name: "合格", aliases: ["达标"], min: 60 },
      { name: "不合格", aliases: ["不达标"], min: null },
    ],
  };
  const preset: Preset = { ...HUNAN_2024, id: "pass-fail-test", grades: PASS_FAIL };

  test("grade() and gradeMatches() read the words from the scheme: 75 → 合格, 59.99 → 不合格", () => {
    expect(grade(new D(75), PASS_FAIL).name).toBe("合格");
    expect(grade(new D("59.99"), PASS_FAIL).name).toBe("不合格");
    expect(gradeMatches("合格", grade(new D(75), PASS_FAIL))).toBe(true);
    expect(gradeMatches("“达标”", grade(new D(75), PASS_FAIL))).toBe(true);
    expect(gradeMatches("不合格", grade(new D(75), PASS_FAIL))).toBe(false);
  });

  test("SCORE.GRADE accepts 合格 for 96 under that scheme and names 合格 when 不合格 is written", () => {
    const p = emptyProject("测试项目");
    p.funds.total = { initialBudget: 10, fullBudget: 10, executed: 10, weight: 10, rate: 1, score: 10 };
    p.indicators = [{ level1: "产出指标", level2: "数量指标", name: "完成数", target: "≥4次", actual: "4次", weight: 90, score: 86, reason: "质量扣分" }];
    p.total = { weight: 100, score: 96, grade: "合格" }; // 10 + 86
    const pkg: Package = { schemaVersion: 1, unit: "", year: 2024, basic: null, selfEvaluation: null, projects: [p] };
    expect(checkPackage({ pkg }, preset).filter((f) => f.rule === "SCORE.GRADE")).toEqual([]);
    p.total.grade = "不合格";
    expect(checkPackage({ pkg }, preset).filter((f) => f.rule === "SCORE.GRADE").map((f) => [f.expected, f.actual])).toEqual([["合格", "不合格"]]);
  });
});

describe("cases added by the cases engineer (test/fixtures/variants on main), indicator rows by hand", () => {
  test("nx-yinchuan-liuzhong-2021 G22: 2021年12月完成 met by the same date, 4 of 5, no reason; 15万元 for a 成本 is ≤ and met", () => {
    const p = emptyProject("公用经费");
    p.goals = { planned: "保障学校正常运转", achieved: "保障了学校正常运转" };
    // Columns: C 三级指标, D 分值, E 指标值, F 实际完成值, G 得分, H 偏差原因.
    const { findings } = projectCase("项目绩效自评表", p, [
      { row: 14, name: "预算执行率", weight: 10, target: "—", actual: 1, score: 9 },
      { row: 22, name: "公用经费完成时间", weight: 5, target: "2021年12月完成", actual: "2021年12月完成", score: 4 },
      { row: 24, name: "办公所需成本", weight: 4, target: "15万元", actual: "15万元", score: 4 },
      { row: 29, name: "效果显著", weight: 15, target: "改善学校的办学条件", actual: "改善学校的办学条件", score: 13 },
    ], { name: "C", weight: "D", target: "E", actual: "F", score: "G", reason: "H" }, {});
    expect(brief(findings)).toEqual([
      "警告 SCORE.REASON_MISSING H14",
      "警告 INDICATOR.MET_NOT_FULL G22",
      "警告 SCORE.REASON_MISSING H22",
      "警告 SCORE.REASON_MISSING H29",
    ]);
    expect(findings.find((f) => f.rule === "INDICATOR.MET_NOT_FULL")?.message).toBe("项目「公用经费」指标「公用经费完成时间」目标 2021年12月完成，实际 2021年12月完成，已达标，得分 4 低于分值 5。");
  });

  test("ah-tianchang-slj-2022 E16…: indicators scored 10 of 10 with 年度指标值 and 实际完成值 both empty; 指标2: / …… / 指标1:/ rows are template rows", () => {
    const p = emptyProject("水旱灾害防御经费");
    p.goals = { planned: "完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革", achieved: "完成年度目标。" };
    const { findings } = projectCase("项目支出绩效自评表", p, [
      { row: 14, name: "指标2:完成农业综合水价改革项目", target: "1", actual: "1", weight: 10, score: 10 },
      { row: 15, name: "……", target: "", actual: "", weight: null, score: null },
      { row: 16, name: "指标1:工程质量合格", target: "", actual: "", weight: 10, score: 10 },
      { row: 17, name: "指标2:", target: "", actual: "", weight: null, score: null },
      { row: 19, name: "指标1:年度资金支付完成率100%", target: "", actual: "", weight: 10, score: 10 },
      { row: 31, name: "指标1:/", target: "/", actual: "/", weight: null, score: null },
      { row: 37, name: "指标1:服务对象满意度", target: 0.9, actual: 1, weight: 10, score: 10 },
    ], { name: "D", target: "E", actual: "F", weight: "G", score: "H", reason: "I" }, {});
    expect(brief(findings)).toEqual(["警告 INDICATOR.INCOMPLETE E16", "警告 INDICATOR.INCOMPLETE E19"]);
  });

  test("sc-daying-sfj-2023 H2: 完成值 「完成」 for ≤ 30 万元, scored 90 of 90", () => {
    const p = emptyProject("2023年全县安可替代补助资金项目");
    p.goals = { planned: "根据要求购买安可设备,并完成项目资金支付。", achieved: "2023年购买13台安可电脑,并于12月前完成资金支付。" };
    // 前一表尾部: E 指标性质 + F 指标值 + G 度量单位 joined, H 完成值, I 权重, J 得分.
    const { findings } = projectCase("前一表尾部", p, [{ row: 2, name: "成本控制数", target: "≤ 30 万元", actual: "完成", weight: 90, score: 90 }], { name: "D", target: "E", actual: "H", weight: "I", score: "J", reason: "K" }, {});
    expect(brief(findings)).toEqual(["提示 INDICATOR.ACTUAL_NOT_A_VALUE H2"]);
    expect(findings[0].message).toBe("项目「2023年全县安可替代补助资金项目」指标「成本控制数」年度指标值 ≤ 30 万元，实际完成值只写了「完成」，无法核对是否达标。");
  });

  test("sc-qingshen-fgj-2023 G6, H15, H16: the form's prompt left as 年度目标完成情况; 完成值 and 得分 of both indicators empty", () => {
    const p = emptyProject("51000021R000000019951-工资性支出");
    p.goals = { planned: "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳", achieved: "对照年度目标,说明相关任务目标的完成情况(100字以内)" };
    const { findings } = projectCase("项目支出绩效自评表", p, [
      { row: 15, name: "发放(缴纳)覆盖率", target: "= 100 %", actual: null, weight: 60, score: null },
      { row: 16, name: "足额保障率(参保率)", target: "= 100 %", actual: null, weight: 30, score: null },
    ], { name: "D", target: "E", actual: "H", weight: "I", score: "J", reason: "K" }, { "goals.planned": "C6", "goals.achieved": "G6" });
    expect(brief(findings)).toEqual(["提示 CONTENT.GOAL G6", "警告 INDICATOR.INCOMPLETE H15", "警告 INDICATOR.INCOMPLETE H16"]);
    expect(findings[0].message).toBe("年度总体目标（实际完成情况）仍是模板的填写说明「对照年度目标,说明相关任务目标的完成情况(100字以内)」，应改为实际内容。");
  });
});
