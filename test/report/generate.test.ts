/**
 * Golden tests of the generator: the seeds' figures, typed from the seed files and DOMAIN.md,
 * must appear in their sentences. Expected texts are written by hand, never pasted from output.
 */
import { checkGrids, emptyPackage, emptyProject, SUINING_2024, type Finding, type Package } from "../../src/core";
import { blockText, generateReport, headings, renderPlainText, type ReportDocument } from "../../src/core/report";
import { loadSeed, seedGrids } from "../helpers/seeds";
import { MATERIAL_003 } from "./helpers";

const text = (doc: ReportDocument) => renderPlainText(doc);
const paragraphs = (doc: ReportDocument) => doc.blocks.filter((b) => b.kind === "paragraph").map(blockText);
/** The text under a level-1 heading, up to the next one. */
function section(doc: ReportDocument, title: string): string {
  const i = doc.blocks.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text.endsWith(title));
  const rest = doc.blocks.slice(i + 1);
  const end = rest.findIndex((b) => b.kind === "heading" && b.level === 1);
  return rest.slice(0, end < 0 ? undefined : end).map(blockText).join("\n");
}

describe("seed 003 湖南省政务服务和大数据中心", () => {
  const pkg = loadSeed("003");
  const findings = checkGrids(seedGrids("003")).findings;
  const doc = generateReport(pkg, MATERIAL_003, findings);
  const all = text(doc);

  test("title and the ten sections of the standard layout, in order", () => {
    // Broken at the meaning boundary: the unit, then the kind of document (never "…2024年度部门 / 整体支出…").
    expect(doc.blocks[0]).toEqual({ kind: "title", text: "湖南省政务服务和大数据中心2024年度部门整体支出绩效自评报告", lines: ["湖南省政务服务和大数据中心", "2024年度部门整体支出绩效自评报告"] });
    expect(headings(doc).filter((h) => /^[一二三四五六七八九十]+、/.test(h))).toEqual([
      "一、基本情况",
      "二、一般公共预算支出情况",
      "三、政府性基金预算支出情况",
      "四、国有资本经营预算支出情况",
      "五、社会保险基金预算支出情况",
      "六、部门整体支出绩效情况",
      "七、存在的问题及原因分析",
      "八、下一步改进措施",
      "九、部门整体支出绩效自评结果拟应用和公开情况",
      "十、其他需要说明的情况",
    ]);
  });

  test("人员: 编制 88, 在职 75, 在职人员控制率 85.23%", () => {
    expect(section(doc, "基本情况")).toContain("本部门编制数88人，2024年实际在职人数75人，在职人员控制率85.23%");
  });

  test("三公: budget 60.50 vs actual 10.41, rate 10.41 ÷ 60.50 = 17.21%, and down from 26.74 the year before", () => {
    const s = section(doc, "一般公共预算支出情况");
    expect(s).toContain("“三公”经费预算数60.50万元，实际支出10.41万元，三公经费控制率17.21%");
    // 26.74 − 10.41 = 16.33; 16.33 ÷ 26.74 = 61.07%.
    expect(s).toContain("较上年（26.74万元）减少16.33万元，下降61.07%");
    expect(s).toContain("公务接待费0.09万元");
  });

  test("公用经费 control: 347.38 of 441.03 = 78.77%, 15.34 less than 362.72 (−4.23%), as the seed's own report says", () => {
    expect(all).toContain("公用经费预算数441.03万元，实际支出347.38万元，公用经费控制率78.77%，较上年（362.72万元）减少15.34万元，下降4.23%");
  });

  test("basic spending split: 人员经费 2669.31 − 347.38 = 2321.93 (the seed report's figure)", () => {
    expect(all).toContain("2024年基本支出2669.31万元，其中人员经费2321.93万元");
  });

  test("项目支出 18259.03 of 22060.50: 项目经费控制率 82.77%", () => {
    expect(all).toContain("项目支出预算数22060.50万元，实际支出18259.03万元，项目经费控制率82.77%");
  });

  test("totals and splits with shares", () => {
    const s = section(doc, "基本情况");
    expect(s).toContain("全年预算数24964.59万元，全年执行数20971.34万元，预算执行率84.00%");
    // 项目支出 from 附件1 (the designated table), not 附件2's 18302.03: 2669.31 ÷ (2669.31 + 18259.03) = 2669.31 ÷ 20928.34
    // = 12.75%, and 18259.03 ÷ 20928.34 = 87.25%: the shares the unit's own report prints.
    expect(s).toContain("按支出性质分：基本支出2669.31万元，占12.75%；项目支出18259.03万元，占87.25%。");
    expect(s).toContain("【请核对：项目支出两表不一致：附件1基础数据表2024年决算数为18259.03万元，附件2自评表“按支出性质分”填写为18302.03万元。");
  });

  test("执行率 84.00% → 8.40; 总分 95.40, grade 优 (national scheme: 90 and above)", () => {
    const s = section(doc, "部门整体支出绩效情况");
    // One precision per sentence: 分值 10 and 得分 8.4 each at their shortest, not "分值10分，得分8.40分".
    expect(s).toContain("1．预算执行率：全年预算数24964.59万元，全年执行数20971.34万元，预算执行率84.00%。分值10分，得分8.4分。");
    expect(s).toContain("自评得分95.40分，评价等级为“优”");
  });

  test("indicators not at full marks, with their own reasons (项目工作完成率 87.18% of ≥90%, 4 of 5)", () => {
    expect(all).toContain("1．项目工作完成率：年度指标值≥90%，实际完成值87.18%。分值5分，得分4分。");
    expect(all).toContain("偏差原因及改进措施：省“一网通办”系统项目、大数据总枢纽1.0、云平台安全测评等需加快项目进展。");
    // 3.5 of 4: "得分3.5分", and the nested quotes of the 实际完成值 become ‘’ inside “”.
    expect(all).toContain("分值4分，得分3.5分。");
    expect(all).toContain("强化‘互联网+政务服务’一体化平台、‘一网通办’");
    expect(all).not.toMatch(/“[^”]*“/);
    // 产出 分值: 1+2+5 + 2+2+2+2+4×5 + 5+3 + 2+2+2 = 50; 得分: 1+2+4 + 2+2+2+2+(4+3.5+4+4+3.5) + 4+3 + 2+2+2 = 47.
    expect(all).toContain("产出指标分值50分，得分47分");
  });

  test("sections without figures say so in the standard way", () => {
    expect(section(doc, "政府性基金预算支出情况")).toBe("本部门2024年度无政府性基金预算支出。");
    expect(section(doc, "国有资本经营预算支出情况")).toBe("本部门2024年度无国有资本经营预算支出。");
    expect(section(doc, "社会保险基金预算支出情况")).toBe("本部门2024年度无社会保险基金预算支出。");
    expect(section(doc, "其他需要说明的情况").split("\n")[0]).toBe("无。");
  });

  test("a blank 附件2 (按收入性质分 not filled) does not make 政府性基金 无: the report asks", () => {
    const blank = generateReport(emptyPackage(2024, "测试局"), null, []);
    expect(section(blank, "政府性基金预算支出情况")).toBe("【待填写：自评表「按收入性质分」未填写，无从判断有无政府性基金预算支出，请填写后重新生成报告】");
  });

  test("政府性基金拨款 written as a text that is no amount is asked about, never read as 无; — is 无", () => {
    const withText = (govFund: string) => {
      const ev = pkg.selfEvaluation!;
      return generateReport({ ...pkg, selfEvaluation: { ...ev, byIncome: { ...ev.byIncome, govFund } } }, MATERIAL_003, []);
    };
    expect(section(withText("待定"), "政府性基金预算支出情况")).toBe("【请核对：自评表「政府性基金拨款」填写为「待定」，不是金额（万元），无从判断有无政府性基金预算支出，请更正后重新生成报告】");
    expect(section(withText("—"), "政府性基金预算支出情况")).toBe("本部门2024年度无政府性基金预算支出。");
  });

  test("三公 written as a text: the report names it and asks in 附件1, never 未填写 nor 「报告素材」", () => {
    const b = pkg.basic!;
    const text = renderPlainText(generateReport({ ...pkg, basic: { ...b, sangong: { ...b.sangong, final: "=10.41" } } }, MATERIAL_003, []));
    expect(text).toContain("【请核对：基础数据表“三公”经费（2024年决算数）填写为「=10.41」，不是金额（万元），请更正后重新生成报告】");
    // the 三公经费控制率 indicator of 附件2 has no facts now: it is asked for where it is filled in
    expect(text).toContain("【待填写：请在基础数据表（附件1）填写“三公”经费的预算数和决算数（万元）】");
    expect(text).not.toContain("请在「报告素材」工作表填写三公经费控制率");
  });

  test("what only the department knows comes from 报告素材, line by line", () => {
    expect(paragraphs(doc)).toContain("（2）承担政务服务和大数据相关标准规范体系建设的事务性工作。");
    expect(section(doc, "存在的问题及原因分析").split("\n")).toContain("（二）绩效目标和指标设置量化程度有待加强。");
    expect(all).toContain("1．强化体系建设，全速融入“数字湖南”整体布局。");
    // 年度绩效目标 left blank in 报告素材: the 自评表's 年初目标 is used.
    expect(section(doc, "基本情况")).toContain("锚定“三高四新”美好蓝图");
  });

  test("the table checker found 错误 (003 has four): the report opens with a 【请核对：…】 prompt, the style of every note", () => {
    expect(findings.some((f) => f.severity === "错误")).toBe(true);
    expect(doc.blocks[1]).toMatchObject({ kind: "paragraph", prompt: true });
    expect(blockText(doc.blocks[1])).toMatch(/^【请核对：表格校验发现4处错误[^】]*18302\.03[^】]*】$/);
  });

  test("no 错误 → no notice; 警告 and 提示 do not count", () => {
    const onlyWarnings: Finding[] = findings.filter((f) => f.severity !== "错误");
    expect(generateReport(pkg, null, onlyWarnings).blocks.some((b) => blockText(b).includes("表格校验发现"))).toBe(false);
  });

  test("文件依据, 评价时段 and 工作组织 from 报告素材 in the opening, as the unit's report has them", () => {
    expect(all).toContain(
      "根据《湖南省财政厅关于开展2024年度省级预算部门绩效自评和部门评价的通知》（湘财绩〔2025〕1号）文件精神，我中心领导高度重视，成立绩效评价工作小组，发布《2024年度省级预算部门绩效自评工作的通知》，于2025年3月至2025年4月对本部门2024年度部门整体支出情况开展了绩效自评。",
    );
  });

  test("the 附件 list names exactly the package's sheets; the 落款 carries unit and date", () => {
    expect(all).toContain("附件：1．2024年度部门整体支出绩效评价基础数据表\n\u3000\u3000\u3000\u3000\u30002．2024年度部门整体支出绩效自评表\n");
    expect(all).not.toContain("3．2024年度");
    const sig = doc.blocks[doc.blocks.length - 1];
    expect(sig.kind === "signature" && sig.lines.map((l) => l.map((r) => r.text).join(""))).toEqual(["湖南省政务服务和大数据中心", "2025年4月17日"]);
    // Without 报告素材 the date is 附件1's 填报日期 2025.4.17, written out.
    const bare = generateReport(pkg, null, []).blocks.at(-1);
    expect(bare && blockText(bare)).toBe("湖南省政务服务和大数据中心\n2025年4月17日");
  });

  test("part 六 indicator by indicator, in the real report's aspects (运行成本 / 管理效率 / 履职效能 / 社会效应 / 满意度)", () => {
    const subs = headings(doc).slice(headings(doc).indexOf("六、部门整体支出绩效情况") + 1, headings(doc).indexOf("七、存在的问题及原因分析"));
    expect(subs).toEqual(["（一）运行成本方面", "（二）管理效率方面", "（三）履职效能方面", "（四）社会效应和可持续发展能力方面", "（五）服务对象满意度方面", "（六）主要成绩"]);
    const s = section(doc, "部门整体支出绩效情况");
    // The seed's own 运行成本 paragraphs: 441.03 / 347.38 / 78.77%, 15.34 less than 362.72, −4.23%; 人员经费 2375.11 / 2321.93 / 97.76%.
    expect(s).toContain("1．公用经费控制率：公用经费预算数441.03万元，实际支出347.38万元，控制率78.77%，较上年（362.72万元）减少15.34万元，下降4.23%。分值2分，得分2分。");
    // 2321.93 ÷ 2375.11 = 0.977609… → 97.76%
    expect(s).toContain("2．人员经费控制率：人员经费预算数2375.11万元，实际支出2321.93万元，控制率97.76%。");
    expect(s).toContain("2．在职人员控制率：编制数88人，实际在职人数75人，在职人员控制率85.23%");
    expect(s).toContain("1．省政务服务大厅企业和群众满意度：年度指标值≥95%，实际完成值99%。分值5分，得分5分。");
  });

  test("人员经费 only from 报告素材 (never 基本支出 − 公用经费); blank → a 待填写 prompt, no figure", () => {
    expect(all).toContain("2024年基本支出2669.31万元，其中人员经费2321.93万元，占86.99%；公用经费347.38万元，占13.01%。");
    const bare = renderPlainText(generateReport(pkg, { ...MATERIAL_003, staffBudget: "", staffFinal: "" }, []));
    expect(bare).not.toContain("人员经费2321.93");
    expect(bare).toContain("2024年基本支出2669.31万元，其中公用经费347.38万元，占13.01%。");
    expect(bare).toContain("【待填写：请在「报告素材」工作表填写人员经费预算数和实际支出");
  });

  test("an empty 附件3 (the template's blank sheet, no figure) is left out: no 项目支出绩效 part, no 附件3 in the list", () => {
    const withBlank: Package = { ...structuredClone(pkg), projects: [emptyProject("", 10)] };
    const s = renderPlainText(generateReport(withBlank, MATERIAL_003, []));
    expect(s).not.toContain("项目支出绩效情况");
    expect(s).not.toContain("对1个项目开展了");
    expect(s).not.toContain("项目支出绩效自评表");
    // The same sheet with one figure typed in is reported, and listed as 附件3.
    const filled = structuredClone(withBlank);
    filled.projects[0].name = "省大数据总枢纽1.0";
    filled.projects[0].funds.total.fullBudget = 100;
    const t = renderPlainText(generateReport(filled, MATERIAL_003, []));
    expect(t).toContain("对1个项目开展了项目支出绩效自评");
    expect(t).toContain("3．2024年度项目支出绩效自评表（省大数据总枢纽1.0）");
    expect(t).toContain("【待填写：「省大数据总枢纽1.0」的自评得分未填写完整");
  });

  test("zero spending is 未发生, not 0.00万元", () => {
    expect(all).toContain("因公出国（境）费未发生");
    expect(all).not.toMatch(/费0\.00万元/);
  });

  test("a blank 总分 is computed, never left as a placeholder: 8.40 + Σ 87 = 95.40", () => {
    const blank: Package = structuredClone(pkg);
    blank.selfEvaluation!.total.score = null;
    const s = text(generateReport(blank, null, []));
    expect(s).toContain("自评得分95.40分，评价等级为“优”");
    expect(s).not.toMatch(/××|XX/);
  });
});

describe("seed 002 绥宁县数据局", () => {
  const pkg = loadSeed("002");
  const doc = generateReport(pkg, null, checkGrids(seedGrids("002")).findings);
  const all = text(doc);

  test("no ×× anywhere (the seed's own report left 得分××分; its 附件1 has ××专项资金 rows)", () => {
    expect(all).not.toMatch(/×|XX/);
  });

  test("总分 97 and its grade, never a placeholder; 绥宁县's scheme names it 优秀", () => {
    expect(all).toContain("自评得分97.00分，评价等级为“优”");
    expect(text(generateReport(pkg, null, [], { preset: SUINING_2024 }))).toContain("自评得分97.00分，评价等级为“优秀”");
  });

  test("公用经费 is the table's 377.19, not the 405.96 of the seed's report", () => {
    expect(all).toContain("公用经费377.19万元");
    expect(all).not.toContain("405.96");
  });

  test("政府性基金拨款 5.5 is reported, half-up to two decimals", () => {
    expect(section(doc, "政府性基金预算支出情况")).toBe("本部门2024年度政府性基金拨款5.50万元。");
  });

  test("在职人员控制率 15 ÷ 20 = 75.00%; 会议费、培训费 0.085 → 0.09 (half-up, not binary rounding)", () => {
    expect(all).toContain("在职人员控制率75.00%");
    expect(all).toContain("会议费、培训费0.09万元");
  });

  test("the 执行率得分 the sheet states (9) is what the report quotes; the warning says the checker disagrees", () => {
    expect(all).toContain("预算执行率99.88%。分值10分，得分9分。");
    expect(blockText(doc.blocks[1])).toContain("9.99");
  });

  test("without 报告素材 the texts only a person knows are asked for, visibly", () => {
    const prompts = doc.blocks.filter((b) => b.kind === "paragraph" && b.prompt).map(blockText);
    expect(prompts).toContain("【待填写：请在「报告素材」工作表填写职能职责】");
    // 文件依据, 职能职责, 机构设置, 人员经费, 国有资本经营 and 社会保险基金预算支出 (no table holds them: never 无 without
    // a source), 主要成绩, 存在的问题, 改进措施; the 绩效目标 comes from the 自评表's 年初目标; one indicator below full
    // marks without a reason; and the table-error notice.
    expect(prompts.filter((p) => p.startsWith("【待填写：请在「报告素材」")).length).toBe(9);
    expect(prompts).toContain("【待填写：请在「报告素材」工作表填写国有资本经营预算支出（万元，没有则填0）】");
    expect(prompts).toContain("【待填写：请在「报告素材」工作表填写社会保险基金预算支出（万元，没有则填0）】");
    expect(all).not.toContain("无国有资本经营预算支出");
    expect(prompts.length).toBe(11);
    // The 002 report: 人员经费 is not derived (基本支出 − 公用经费 would print 253.03; the unit's report says 210.55).
    expect(all).not.toContain("253.03");
    // Typed as the unit's report states it, 210.55 is used, and said not to close the sum:
    // 210.55 + 377.19 = 587.74, while 基本支出 is 630.22 (= 253.03 + 377.19).
    const typed = renderPlainText(generateReport(pkg, { ...MATERIAL_003, staffBudget: "", staffFinal: "210.55" }, []));
    expect(typed).toContain("其中人员经费210.55万元");
    expect(typed).toContain("【请核对：人员经费与表格对不上：报告素材的人员经费210.55万元 + 基础数据表的公用经费377.19万元 = 587.74万元，自评表的基本支出为630.22万元。");
  });
});

describe("seed 004 株洲市天元区数据局: projects one line each, with their own score", () => {
  const pkg = loadSeed("004");
  const doc = generateReport(pkg, null, []);
  const all = text(doc);

  test("six projects; 执行率 recomputed (14.98 ÷ 15 = 99.87%), score as stated (99.9)", () => {
    expect(all).toContain("对6个项目开展了项目支出绩效自评");
    expect(all).toContain("“放管服”和“一件事一次办”改革工作经费：预算数15.00万元，执行数14.98万元，执行率99.87%，自评得分99.90分。");
    expect(all).toContain("株洲市天元区视频监控镇、街道新建及教育系统升级改造项目：预算数265.00万元，执行数5.00万元，执行率1.89%，自评得分88.10分。");
  });

  test("Σ of the six projects: 执行数 14.98 + 5 + 195.26 + 738.51 + 5 + 20 = 978.75", () => {
    expect(all).toContain("执行数合计978.75万元");
  });

  test("超编: 11 in post for 10 posts is said, with the rate 110.00%", () => {
    expect(all).toContain("在职人员控制率110.00%，超出编制1人");
  });

  test("no 自评表 (附件2) in the package: the sections say so instead of inventing figures", () => {
    expect(section(doc, "部门整体支出绩效情况")).toContain("本次材料未包含部门整体支出绩效自评表");
    expect(all).not.toContain("NaN");
    // 政府性基金 is read from 附件2 (按收入性质分): without it the report cannot know there was none
    expect(section(doc, "政府性基金预算支出情况")).not.toContain("无政府性基金预算支出");
    expect(section(doc, "政府性基金预算支出情况")).toContain("【待填写：本次材料未包含部门整体支出绩效自评表（附件2），政府性基金预算支出无从填写");
  });
});
