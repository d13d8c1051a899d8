import {
  basicTemplate,
  cellAddress,
  HUNAN_2024,
  HUNAN_STEPS,
  layoutSheet,
  layoutToGrid,
  packageLayouts,
  projectTemplate,
  safeSheetName,
  selfEvaluationTemplate,
  SUINING_2024,
  emptyProject,
  type Package,
  type SheetLayout,
} from "../../src/core";
import { nativeGradeFormula } from "../../src/core/finalize";

const params = { year: 2024, preset: HUNAN_2024 };

/** Label texts as read (explicit line breaks for printing, "楼堂馆所控制情况\n（…）", joined). */
function labelsOf(layout: SheetLayout): string[] {
  return layout.cells.filter((c) => c.style !== "input" && c.style !== "computed" && typeof c.value === "string").map((c) => (c.value as string).replace(/\n/g, ""));
}

function at(layout: SheetLayout, address: string) {
  return layout.cells.find((c) => cellAddress(c.row, c.col) === address);
}

describe("附件1 基础数据表", () => {
  const layout = layoutSheet(basicTemplate(params));

  test("carries the official labels, with the year", () => {
    const labels = labelsOf(layout);
    for (const l of [
      "2024年度部门整体支出绩效评价基础数据表",
      "财政供养人员情况（人）",
      "编制数",
      "2024年实际在职人数",
      "控制率",
      "经费控制情况（万元）",
      "2023年决算数",
      "2024年预算数",
      "2024年决算数",
      "三公经费",
      "1、公务用车购置和维护经费",
      "其中：公车购置",
      "公车运行维护",
      "2、出国经费",
      "3、公务接待",
      "项目支出",
      "1、业务工作经费",
      "2、运行维护经费",
      "公用经费",
      "其中：办公经费",
      "水费、电费、差旅费",
      "会议费、培训费",
      "政府采购金额",
      "部门基本支出预算调整",
      "楼堂馆所控制情况（2024年完工项目）",
      "批复规模（㎡）",
      "实际规模（㎡）",
      "规模控制率",
      "预算投资（万元）",
      "实际投资（万元）",
      "投资概算控制率",
      "厉行节约保障措施",
      "填表人",
      "填报日期",
      "联系电话",
      "单位负责人签字",
    ]) {
      expect(labels).toContain(l);
    }
    expect(labels.some((l) => l.startsWith("说明：“项目支出”需要填报基本支出以外的所有项目支出情况"))).toBe(true);
  });

  test("控制率 is computed, in both flavours, from the cells it names", () => {
    const rate = at(layout, "F3");
    expect(rate?.style).toBe("computed");
    expect(rate?.formula).toEqual({ jx: '=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))', native: '=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))' });
    expect(at(layout, "B3")?.type).toBe("count");
  });

  test("the number of 专项资金 rows is a parameter; the rows after move down", () => {
    const three = layoutSheet(basicTemplate({ ...params, specialFundRows: 3 }));
    const five = layoutSheet(basicTemplate({ ...params, specialFundRows: 5 }));
    expect(five.fields["publicFunds.final"].row - three.fields["publicFunds.final"].row).toBe(2);
    expect(five.fields["specialFunds.4.name"]).toBeDefined();
  });

  test("merges the three year columns in pairs and the title across the sheet", () => {
    expect(layout.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(layout.merges).toContainEqual({ top: 4, left: 1, bottom: 4, right: 2 }); // 三公 Y-1决算数 B5:C5
    expect(layout.widths).toHaveLength(7);
  });
});

describe("附件2 部门整体支出绩效自评表", () => {
  const layout = layoutSheet(selfEvaluationTemplate(params), { unit: "某某局" });

  test("official labels and the preset's weights in the headings", () => {
    const labels = labelsOf(layout);
    for (const l of [
      "2024年度部门整体支出绩效自评表",
      "单位名称",
      "年度预算申请（万元）",
      "年初预算数",
      "全年预算数(A)",
      "全年执行数(B)",
      "分值",
      "执行率(B/A)",
      "得分",
      "年度资金总额",
      "按收入性质分",
      "其中：一般公共预算",
      "政府性基金拨款",
      "纳入专户管理的非税收入拨款",
      "其他资金",
      "按支出性质分",
      "其中：基本支出",
      "项目支出",
      "年度总体目标",
      "年初目标设定",
      "全年实际完成情况",
      "绩效指标（90分）",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "偏差原因分析及改进措施",
      "产出指标（50分）",
      "效益指标（30分）",
      "满意度指标（10分）",
      "数量指标",
      "质量指标",
      "时效指标",
      "成本指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
      "总分",
      "评价等级",
    ]) {
      expect(labels).toContain(l);
    }
    expect(at(layout, "C2")?.value).toBe("某某局");
  });

  test("执行率, 得分, 总分 and 等级 formulas point at the right cells", () => {
    expect(at(layout, "G4")?.formula).toEqual({ jx: '=IF(OR(E4="",D4=""),"",JX.RATE(E4,D4))', native: '=IF(OR(E4="",D4=""),"",ROUND((E4)/(D4),4))' });
    expect(at(layout, "H4")?.formula).toEqual({
      jx: '=IF(OR(E4="",D4=""),"",JX.EXECSCORE(E4,D4,F4))',
      native: '=IF(OR(E4="",D4=""),"",ROUND(MIN((E4)/(D4),1)*IF((F4)="",10,(F4)),2))', // a blank 分值 is 10, as in JX
    });
    // 9 二级 groups × 2 rows = 18 indicator rows from row 13 to 30; 总分 on row 31.
    // Blank until an indicator row is scored: a blank form shows no 总分 (and so no 等级).
    expect(at(layout, "H31")?.formula?.native).toBe('=IF(COUNT(H13:H30)=0,"",ROUND(SUM(H4,H13:H30),2))');
    expect(at(layout, "G31")?.formula?.native).toBe('=IF(COUNT(G13:G30)=0,"",SUM(F4,G13:G30))');
    expect(at(layout, "G32")?.formula).toEqual({
      jx: '=IF(H31="","",JX.GRADE(H31,"national"))',
      native: '=IF(H31="","",IF((H31)="","",IF((H31)>=90,"优",IF((H31)>=80,"良",IF((H31)>=60,"中","差")))))',
    });
  });

  test("一级 and 二级 headings span their indicator rows (as one box, not merged: a page break may fall inside)", () => {
    // 产出指标: 4 二级 × 2 rows, from row 13 (index 12) to row 20.
    expect(layout.groups).toContainEqual({ top: 12, left: 1, bottom: 19, right: 1 });
    expect(layout.groups).toContainEqual({ top: 12, left: 2, bottom: 13, right: 2 });
    expect(layout.merges.filter((m) => m.left === 1 || m.left === 2).filter((m) => m.bottom > m.top)).toEqual([]);
    expect(at(layout, "B13")).toMatchObject({ value: "产出指标（50分）", vertical: "top" });
  });

  test("a preset dividing by 年初预算 with step deductions changes the formulas", () => {
    const steps = layoutSheet(selfEvaluationTemplate({ ...params, preset: HUNAN_STEPS }));
    expect(at(steps, "G4")?.formula?.jx).toBe('=IF(OR(E4="",C4=""),"",JX.RATE(E4,C4))');
    expect(at(steps, "H4")?.formula?.native).toBe(
      '=IF(OR(E4="",C4=""),"",ROUND(MAX(0,IF((F4)="",10,(F4))-INT(ROUND((1-MIN((E4)/(C4),1))*100,12)/5)*2),2))',
    );
  });

  test("data given as text in number cells is stored as numbers; other text stays text", () => {
    const withData = layoutSheet(selfEvaluationTemplate(params), {
      unit: "=危险公式",
      funds: { initialBudget: "1,227.61", fullBudget: "××", executed: 804.82, weight: 10, rate: "99.88%", score: 9 },
    });
    expect(at(withData, "C4")?.value).toBe(1227.61);
    expect(at(withData, "D4")?.value).toBe("××");
    expect(at(withData, "G4")?.value).toBe(0.9988);
    expect(at(withData, "G4")?.formula).toBeUndefined(); // a stated value is kept, never replaced by a formula
    expect(at(withData, "C2")?.value).toBe("=危险公式"); // written as text by the hosts
  });
});

describe("附件3 项目支出绩效自评表", () => {
  const layout = layoutSheet(projectTemplate(params));
  test("official labels, 年度资金总额 summing the three sources", () => {
    const labels = labelsOf(layout);
    for (const l of ["2024年度项目支出绩效自评表", "项目支出名称", "主管部门", "实施单位", "项目资金（万元）", "资金来源", "其中：当年财政拨款", "上年结转金额", "其它资金", "年度资金总额", "预期目标", "实际完成情况", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"]) {
      expect(labels).toContain(l);
    }
    // Blank while no source is filled: 执行率 (guarded by E8="") then stays blank instead of #DIV/0!.
    expect(at(layout, "E8")?.formula?.native).toBe('=IF(COUNT(E5,E6,E7)=0,"",SUM(E5,E6,E7))');
    expect(at(layout, "G8")?.formula?.jx).toBe('=IF(OR(E8="",D8=""),"",JX.RATE(E8,D8))');
  });
});

describe("packageLayouts", () => {
  test("an empty package: 附件1, 附件2 and N 附件3 with distinct names", () => {
    const layouts = packageLayouts({ ...params, projects: 3, unit: "某某局" });
    expect(layouts.map((l) => l.name)).toEqual(["附件1 基础数据表", "附件2 整体支出自评表", "附件3 项目1", "附件3 项目2", "附件3 项目3"]);
    const project = layouts[2];
    expect(project.cells.find((c) => c.field === "department")?.value).toBe("某某局");
    expect(project.cells.find((c) => c.field === "funds.total.weight")?.value).toBe(10);
  });

  test("the grade formula follows the preset's scheme", () => {
    expect(nativeGradeFormula("H31", HUNAN_2024.grades)).toBe('IF(H31="","",IF(H31>=90,"优",IF(H31>=80,"良",IF(H31>=60,"中","差"))))');
    expect(nativeGradeFormula("H31", SUINING_2024.grades)).toBe('IF(H31="","",IF(H31>90,"优秀",IF(H31>=80,"良好",IF(H31>=60,"较差","差"))))');
  });

  test("two projects with the same name get distinct sheet names; names are made safe for Excel", () => {
    const pkg: Package = { schemaVersion: 1, unit: "u", year: 2024, basic: null, selfEvaluation: null, projects: [emptyProject("同名项目"), emptyProject("同名项目")] };
    const names = packageLayouts(params, pkg).map((l) => l.name);
    expect(new Set(names).size).toBe(2);
    expect(safeSheetName("a/b:c?d*[e]")).toBe("a b c d e");
    expect(safeSheetName("很".repeat(40))).toHaveLength(31);
  });

  test("layoutToGrid writes values and the chosen formula flavour", () => {
    const layout = layoutSheet(basicTemplate(params));
    expect(layoutToGrid(layout, "jx").formulas?.[2][5]).toBe('=IF(OR(D3="",B3=""),"",JX.RATE(D3,B3))');
    expect(layoutToGrid(layout, "native").formulas?.[2][5]).toBe('=IF(OR(D3="",B3=""),"",ROUND((D3)/(B3),4))');
    expect(layoutToGrid(layout).values[0][0]).toBe("2024年度部门整体支出绩效评价基础数据表");
  });
});
