/** Blank models: what an empty template holds, and the base the reader fills in. */
import type { Raw, BasicData, BudgetRow, Package, ProjectEvaluation, ScoredBudgetRow, SelfEvaluation, YearTriple } from "./model";

const triple = (): YearTriple => ({ prevFinal: null, budget: null, final: null });
const budgetRow = (): BudgetRow => ({ initialBudget: null, fullBudget: null, executed: null });
/** `weight`: the official 分值 (10) for a new template; null when reading, so that a missing cell is not taken for 10. */
const scoredRow = (weight: Raw): ScoredBudgetRow => ({ initialBudget: null, fullBudget: null, executed: null, weight, rate: null, score: null });

export function emptyBasic(): BasicData {
  return {
    staff: { authorized: null, actual: null, controlRate: null },
    sangong: triple(),
    vehicle: triple(),
    vehiclePurchase: triple(),
    vehicleOperation: triple(),
    overseas: triple(),
    reception: triple(),
    project: triple(),
    businessWork: triple(),
    operation: triple(),
    special: triple(),
    specialLabel: "本级专项资金",
    specialFunds: [],
    publicFunds: triple(),
    office: triple(),
    utilitiesTravel: triple(),
    meetingTraining: triple(),
    procurement: triple(),
    basicAdjustment: triple(),
    buildings: { approvedArea: null, actualArea: null, areaRate: null, budgetInvestment: null, actualInvestment: null, investmentRate: null },
    savingMeasures: "",
    signature: { preparer: "", date: "", phone: "", head: "" },
  };
}

export function emptySelfEvaluation(weight: Raw = 10): SelfEvaluation {
  return {
    funds: scoredRow(weight),
    byIncome: { total: null, general: null, govFund: null, specialAccount: null, other: null },
    byExpense: { total: null, basic: null, project: null },
    goals: { planned: "", achieved: "" },
    indicators: [],
    total: { weight: null, score: null, grade: null },
  };
}

export function emptyProject(name = "", weight: Raw = 10): ProjectEvaluation {
  return {
    name,
    department: "",
    implementer: "",
    funds: { current: budgetRow(), carryover: budgetRow(), other: budgetRow(), total: scoredRow(weight) },
    goals: { planned: "", achieved: "" },
    indicators: [],
    total: { weight: null, score: null, grade: null },
  };
}

export function emptyPackage(year: number, unit = ""): Package {
  return { schemaVersion: 1, unit, year, basic: emptyBasic(), selfEvaluation: emptySelfEvaluation(), projects: [] };
}
