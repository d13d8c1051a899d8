/**
 * Pairing by similar names across tables (issue 9): 附件3 projects ↔ 附件1 专项, on seed 004 and by hand.
 * Seed 004 (株洲市天元区数据局) lists 10 专项 in 附件1 and 6 projects in 附件3; two project names differ
 * from their 专项: "新区电子政务系统运行及维护" ↔ "…运行及维护费", "政务服务大厅运转经费" ↔ "服务大厅运转费用".
 */
import { checkGrids, DEFAULT_TOLERANCES, HUNAN_2024, layoutToGrid, packageLayouts, type Finding } from "../../src/core";
import { dice, matchNames, nameKey, pairNames } from "../../src/core/pairing";
import { restatedRateOf } from "../../src/core/check/rules/indicator";
import { loadSeed, seedGrids } from "../helpers/seeds";

const T = DEFAULT_TOLERANCES.nameSimilarity;

describe("nameKey: what is compared", () => {
  test.each([
    ["政务服务大厅运转经费", "政务服务大厅运转"],
    ["服务大厅运转费用", "服务大厅运转"],
    ["新区电子政务系统运行及维护费", "新区电子政务系统运行及维护"],
    ["疫情防控专项资金", "疫情防控"], // 资金, then 专项
    ["政务公开工作经费", "政务公开"],
    ["“放管服”改革（一期）", "放管服改革"], // quotes and a bracketed note aside
    [" 1、业务 工作经费 ", "业务"],
    ["项目", "项目"], // never stripped to nothing
  ])("%p → %p", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe("dice: 2 × common bigrams ÷ all bigrams", () => {
  test("运行维护 vs 运行维修: {运行, 行维} common of 3 + 3 → 4 ÷ 6 = 0.6667", () => {
    expect(dice("运行维护", "运行维修").toDecimalPlaces(4).toString()).toBe("0.6667");
  });
  test("no bigram in common → 0; the same text → 1", () => {
    expect(dice("疫情防控", "政务公开").toString()).toBe("0");
    expect(dice("政务公开", "政务公开").toString()).toBe("1");
  });
});

describe("matchNames", () => {
  test("exact once spaces and numbering are set aside", () => {
    expect(matchNames("政务公开工作经费", " 政务公开工作经费", T)).toEqual({ kind: "exact" });
  });
  test("containment after the money words: 政务服务大厅运转经费 ↔ 服务大厅运转费用", () => {
    expect(matchNames("政务服务大厅运转经费", "服务大厅运转费用", T)).toEqual({ kind: "contains" });
  });
  test("similar above the threshold: 信息系统运行维护 ↔ 信息系统运行维修 (12 of 14 bigrams: 2 × 6 ÷ (7 + 7) = 0.857)", () => {
    const m = matchNames("信息系统运行维护", "信息系统运行维修", T);
    expect(m?.kind).toBe("similar");
    if (m?.kind === "similar") expect(m.dice.toDecimalPlaces(3).toString()).toBe("0.857");
  });
  test("the threshold decides near names: 政务服务中心运行 vs 政务服务中心建设 share 5 of 7 + 7 bigrams (2 × 5 ÷ 14 = 0.71)", () => {
    expect(T).toBe(0.6); // the default; a preset may ask for more
    expect(dice("政务服务中心运行", "政务服务中心建设").toDecimalPlaces(2).toString()).toBe("0.71");
    expect(matchNames("政务服务中心运行经费", "政务服务中心建设经费", 0.6)?.kind).toBe("similar"); // paired, and PAIR.SIMILAR_NAME says so
    expect(matchNames("政务服务中心运行经费", "政务服务中心建设经费", 0.8)).toBeNull();
  });

  test("below the threshold, or too short to contain: no pair", () => {
    expect(matchNames("疫情防控专项资金", "政务公开工作经费", T)).toBeNull();
    expect(matchNames("维护", "新区电子政务系统运行及维护", T)).toBeNull(); // "维护" is 2 characters: containment needs 4
  });
});

describe("seed 004: all 6 projects find their 专项", () => {
  const pkg = loadSeed("004");
  const projects = pkg.projects.map((p) => p.name);
  const funds = pkg.basic!.specialFunds.map((f) => f.name);

  test("pairNames pairs every project, exact ones first, and each 专项 once", () => {
    const { pairs, unpairedLeft } = pairNames(projects, funds, T);
    expect(unpairedLeft).toEqual([]);
    expect(pairs.map((p) => [projects[p.left], funds[p.right], p.match.kind])).toEqual([
      ["“放管服”和“一件事一次办”改革工作经费", "“放管服”和“一件事一次办”改革工作经费", "exact"],
      ["机关干部进小区工作经费", "机关干部进小区工作经费", "exact"],
      ["新区电子政务系统运行及维护", "新区电子政务系统运行及维护费", "contains"],
      ["政务服务大厅运转经费", "服务大厅运转费用", "contains"],
      ["株洲市天元区视频监控镇、街道新建及教育系统升级改造项目", "株洲市天元区视频监控镇、街道新建及教育系统升级改造项目", "exact"],
      ["株洲市天元区中小学安防设施建设服务项目", "株洲市天元区中小学安防设施建设服务项目", "exact"],
    ]);
  });

  let findings: Finding[];
  beforeEach(() => {
    findings = checkGrids(seedGrids("004")).findings;
  });

  test("the two pairings that were not exact are each a 提示 naming both cells", () => {
    const pairs = findings.filter((f) => f.rule === "PAIR.SIMILAR_NAME");
    expect(pairs.map((f) => [f.severity, f.sheet, f.cell, f.expected, f.actual])).toEqual([
      ["提示", "附件3 新区电子政务系统运行及维护", "B2", "新区电子政务系统运行及维护费", "新区电子政务系统运行及维护"],
      ["提示", "附件3 政务服务大厅运转经费", "B2", "服务大厅运转费用", "政务服务大厅运转经费"],
    ]);
    // 附件1: 专项 rows from 15 in the seed's order; 服务大厅运转费用 is the 1st (A15), …运行及维护费 the 8th (A22).
    expect(pairs[0].message).toContain("（附件3 新区电子政务系统运行及维护 B2）与基础数据表专项「新区电子政务系统运行及维护费」（附件1 基础数据表 A22）");
    expect(pairs[1].message).toContain("（附件3 政务服务大厅运转经费 B2）与基础数据表专项「服务大厅运转费用」（附件1 基础数据表 A15）");
  });

  test("nothing stays unpaired, and the newly paired amounts agree (only the 放管服 0.01 difference remains)", () => {
    expect(findings.filter((f) => f.rule === "PAIR.UNPAIRED")).toEqual([]);
    expect(findings.filter((f) => f.rule === "PROJECT.VS_BASIC").map((f) => `${f.sheet} ${f.cell} ${f.expected} ${f.actual}`)).toEqual([
      "附件3 “放管服”和“一件事一次办”改革工作经费 E8 14.97 14.98", // 14.98 − 14.97 = 0.01
    ]);
  });

  test("a project amount that differs from its similarly named 专项 is now compared (was skipped in silence)", () => {
    const p = loadSeed("004");
    const hall = p.projects.findIndex((x) => x.name === "政务服务大厅运转经费");
    const fund = p.basic!.specialFunds.find((f) => f.name === "服务大厅运转费用")!;
    expect(p.projects[hall].funds.total.executed).toBe(738.51);
    fund.final = 700; // the 专项's 2024年决算数 made to disagree with the project's 738.51
    const fs = checkGrids(packageLayouts({ year: 2024, preset: HUNAN_2024 }, p).map((l) => layoutToGrid(l))).findings;
    const f = fs.find((x) => x.rule === "PROJECT.VS_BASIC" && x.sheet === "附件3 政务服务大厅运转经费");
    // 738.51 − 700 = 38.51
    expect(f).toMatchObject({ severity: "警告", cell: "E8", expected: "700.00", actual: "738.51" });
    expect(f?.message).toContain("相差 38.51");
    expect(f?.message).toContain("对应专项「服务大厅运转费用」");
  });
});

describe("indicators ↔ 附件1 figures by meaning (seed 003)", () => {
  test("财政供养人员控制率 is 在职人员控制率: checked against 75 ÷ 88 = 85.23%, and the pairing is a 提示 naming both cells", () => {
    const p = loadSeed("003");
    const i = p.selfEvaluation!.indicators.findIndex((x) => x.name === "在职人员控制率");
    expect(i).toBe(0); // the 1st indicator → 附件2 row 13
    p.selfEvaluation!.indicators[i].name = "财政供养人员控制率";
    p.selfEvaluation!.indicators[i].actual = "85.00%";
    const fs = checkGrids(packageLayouts({ year: 2024, preset: HUNAN_2024 }, p).map((l) => layoutToGrid(l))).findings;
    const vs = fs.find((f) => f.rule === "INDICATOR.VS_BASIC" && f.cell === "F13");
    // 75 ÷ 88 = 0.852272… → 85.23%
    expect(vs).toMatchObject({ severity: "错误", sheet: "附件2 整体支出自评表", expected: "85.23%", actual: "85.00%" });
    expect(vs?.message).toBe("指标「财政供养人员控制率」实际完成值 85.00%（按含义对应基础数据表「在职人员控制率」），按基础数据表 实际在职人数 ÷ 编制数 = 75 ÷ 88 计算应为 85.23%。");
    const pair = fs.filter((f) => f.rule === "PAIR.SIMILAR_NAME");
    expect(pair.map((f) => [f.severity, f.sheet, f.cell, f.expected, f.actual])).toEqual([["提示", "附件2 整体支出自评表", "F13", "在职人员控制率", "财政供养人员控制率"]]);
    // 附件1 rows 2–3: 编制数 B3, 实际在职人数 D3 (the header is row 2)
    expect(pair[0].message).toContain("与基础数据表「在职人员控制率」（附件1 基础数据表 D3 ÷ 附件1 基础数据表 B3）是同一比率的另一种叫法");
  });

  test("the names 附件1 uses pair silently (seed 003's four 控制率)", () => {
    const fs = checkGrids(seedGrids("003")).findings;
    expect(fs.filter((f) => f.rule === "PAIR.SIMILAR_NAME" || f.rule === "PAIR.UNPAIRED")).toEqual([]);
  });

  test.each<[string, string | null, "exact" | "alias" | "contains" | null]>([
    ["在职人员控制率", "在职人员控制率", "exact"],
    ["“三公”经费控制率", "三公经费控制率", "exact"], // quotes aside
    ["财政供养人员控制率", "在职人员控制率", "alias"],
    ["项目支出控制率", "项目经费控制率", "alias"],
    ["“三公”经费支出控制率", "三公经费控制率", "alias"],
    ["机关公用经费控制率", "公用经费控制率", "contains"], // 公用经费 (4) inside 机关公用经费
    ["人员经费控制率", null, null], // looks like 公用经费控制率 (Dice 0.67) but is another figure
    ["预算调整率", null, null],
  ])("restatedRateOf(%p) → %p (%p)", (name, source, how) => {
    const r = restatedRateOf(name);
    expect(r === null ? null : r.source.name).toBe(source);
    if (r) expect(r.match.kind === "exact" ? "exact" : r.alias ? "alias" : "contains").toBe(how);
  });
});
