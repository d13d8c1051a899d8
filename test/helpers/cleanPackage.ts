/**
 * A small consistent package built by hand (every figure worked out in the comments), for the rule tests to break one
 * figure at a time: test/core/rules.test.ts and test/core/rules/*.test.ts.
 */
import { emptyBasic, emptyProject, emptySelfEvaluation, type Indicator, type Package } from "../../src/core";

/** One indicator row: 一级指标, 二级指标, 三级指标, 指标值, 实际完成值, 分值, 得分, 偏差原因. */
export function ind(level1: string, level2: string, name: string, target: string, actual: string, weight: number, score: number, reason = ""): Indicator {
  return { level1, level2, name, target, actual, weight, score, reason };
}

/** A consistent package; every figure worked out by hand (see the comments). */
export function clean(): Package {
  const basic = emptyBasic();
  basic.staff = { authorized: 10, actual: 8, controlRate: "80.00%" }; // 8 ÷ 10
  basic.sangong = { prevFinal: 3, budget: 4, final: 3.5 }; // = vehicle + overseas + reception
  basic.vehicle = { prevFinal: 2, budget: 2.5, final: 2 };
  basic.vehiclePurchase = { prevFinal: 0, budget: 0, final: 0 };
  basic.vehicleOperation = { prevFinal: 2, budget: 2.5, final: 2 };
  basic.overseas = { prevFinal: 0, budget: 0.5, final: 0.5 };
  basic.reception = { prevFinal: 1, budget: 1, final: 1 };
  basic.project = { prevFinal: 100, budget: 120, final: 110 }; // = 40+60, 50+70, 45+65
  basic.businessWork = { prevFinal: 40, budget: 50, final: 45 };
  basic.operation = { prevFinal: 60, budget: 70, final: 65 };
  basic.publicFunds = { prevFinal: 50, budget: 60, final: 55 }; // ≥ 10+5+1, 12+6+2, 11+5.5+1.5
  basic.office = { prevFinal: 10, budget: 12, final: 11 };
  basic.utilitiesTravel = { prevFinal: 5, budget: 6, final: 5.5 };
  basic.meetingTraining = { prevFinal: 1, budget: 2, final: 1.5 };

  const ev = emptySelfEvaluation();
  // 300 ÷ 320 = 93.75%; score 0.9375 × 10 = 9.375 → half-up 9.38
  ev.funds = { initialBudget: 300, fullBudget: 320, executed: 300, weight: 10, rate: "93.75%", score: 9.38 };
  ev.byIncome = { total: 300, general: 290, govFund: null, specialAccount: null, other: 10 };
  ev.byExpense = { total: 300, basic: 190, project: 110 };
  ev.indicators = [
    ind("产出指标（50分）", "数量指标", "完成数", "≥10次", "12次", 20, 20),
    ind("产出指标（50分）", "质量指标", "合格率", "≥95%", "96%", 20, 20),
    ind("产出指标（50分）", "时效指标", "及时率", "100%", "100%", 10, 10),
    ind("效益指标（30分）", "社会效益指标", "服务水平", "稳步提升", "稳步提升", 30, 28, "部分任务延后"),
    ind("满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10),
  ];
  ev.total = { weight: 100, score: 97.38, grade: "优" }; // 9.38 + 20+20+10+28+10
  ev.goals = { planned: "全年完成10次以上培训，服务满意度不低于90%。", achieved: "完成培训12次，满意度95%。" };

  const project = emptyProject("信息化运维");
  project.funds.current = { initialBudget: 50, fullBudget: 60, executed: 57 };
  project.funds.carryover = { initialBudget: 0, fullBudget: 0, executed: 0 };
  project.funds.other = { initialBudget: 0, fullBudget: 0, executed: 0 };
  project.funds.total = { initialBudget: 50, fullBudget: 60, executed: 57, weight: 10, rate: "95.00%", score: 9.5 }; // 57 ÷ 60
  project.indicators = [ind("产出指标", "数量指标", "维护次数", "≥12次", "12次", 90, 90)];
  project.total = { weight: 100, score: 99.5, grade: "优" };
  project.goals = { planned: "全年维护信息系统12次，保障稳定运行。", achieved: "完成维护12次，系统全年稳定运行。" };

  return { schemaVersion: 1, unit: "测试局", year: 2024, basic, selfEvaluation: ev, projects: [project] };
}

