/**
 * The typed model of one department's performance self-evaluation package
 * (部门整体支出绩效自评材料). It is plain JSON: what the fixtures, the example,
 * `jixiao import/export` and the template writer exchange.
 *
 * Every figure is kept as typed (`Raw`): the checker must be able to say
 * "D12 里写的是「7.50.」", so parsing happens in the checker, not here.
 */

/** A cell value as the user typed it: a number, a text, or blank (null). */
export type Raw = number | string | null;

/** One row of 经费控制情况: Y-1年决算数, Y年预算数, Y年决算数. */
export interface YearTriple {
  prevFinal: Raw; // Y-1年决算数
  budget: Raw; // Y年预算数
  final: Raw; // Y年决算数
}

/** One 专项资金 row under 3、专项资金 (each special fund its own row). */
export interface SpecialFund extends YearTriple {
  name: string;
}

/** 附件1 部门整体支出绩效评价基础数据表. */
export interface BasicData {
  staff: {
    authorized: Raw; // 编制数
    actual: Raw; // Y年实际在职人数
    controlRate: Raw; // 控制率 (stated)
  };
  sangong: YearTriple; // 三公经费
  vehicle: YearTriple; // 1、公务用车购置和维护经费
  vehiclePurchase: YearTriple; // 其中：公车购置
  vehicleOperation: YearTriple; // 公车运行维护
  overseas: YearTriple; // 2、出国经费
  reception: YearTriple; // 3、公务接待
  project: YearTriple; // 项目支出
  businessWork: YearTriple; // 1、业务工作经费
  operation: YearTriple; // 2、运行维护经费
  special: YearTriple; // 3、专项资金 (total)
  /** The 专项资金 row label as written: 上级/省级/本级专项资金. */
  specialLabel: string;
  specialFunds: SpecialFund[];
  publicFunds: YearTriple; // 公用经费
  office: YearTriple; // 其中：办公经费
  utilitiesTravel: YearTriple; // 水费、电费、差旅费
  meetingTraining: YearTriple; // 会议费、培训费
  procurement: YearTriple; // 政府采购金额
  basicAdjustment: YearTriple; // 部门基本支出预算调整
  buildings: {
    approvedArea: Raw; // 批复规模（㎡）
    actualArea: Raw; // 实际规模（㎡）
    areaRate: Raw; // 规模控制率 (stated)
    budgetInvestment: Raw; // 预算投资（万元）
    actualInvestment: Raw; // 实际投资（万元）
    investmentRate: Raw; // 投资概算控制率 (stated)
  };
  savingMeasures: string; // 厉行节约保障措施
  signature: Signature;
}

export interface Signature {
  preparer: string; // 填表人
  date: string; // 填报日期
  phone: string; // 联系电话
  head: string; // 单位负责人签字
}

/** 年初预算数, 全年预算数(A), 全年执行数(B). */
export interface BudgetRow {
  initialBudget: Raw;
  fullBudget: Raw;
  executed: Raw;
}

/** 年度资金总额: the budget row that is scored (分值, 执行率, 得分). */
export interface ScoredBudgetRow extends BudgetRow {
  weight: Raw; // 分值 (10)
  rate: Raw; // 执行率 (stated)
  score: Raw; // 得分 (stated)
}

export interface Goals {
  planned: string; // 年初目标设定 / 预期目标
  achieved: string; // 全年实际完成情况
}

/** One 三级指标 row of a 绩效指标 table. */
export interface Indicator {
  /** 一级指标 as written, e.g. "产出指标（50分）" or "产出指标". */
  level1: string;
  /** 二级指标, e.g. "数量指标". */
  level2: string;
  /** 三级指标. */
  name: string;
  target: Raw; // 年度指标值
  actual: Raw; // 实际完成值
  weight: Raw; // 分值
  score: Raw; // 得分
  reason: string; // 偏差原因分析及改进措施
}

export interface ScoreTotal {
  weight: Raw; // 总分 row, 分值 column (100)
  score: Raw; // 总分 row, 得分 column
  grade: Raw; // 评价等级 (optional row; blank when the form has none)
}

/** 附件2 部门整体支出绩效自评表. */
export interface SelfEvaluation {
  funds: ScoredBudgetRow; // 年度资金总额
  byIncome: {
    total: Raw; // 按收入性质分 (stated total, often blank)
    general: Raw; // 一般公共预算
    govFund: Raw; // 政府性基金拨款
    specialAccount: Raw; // 纳入专户管理的非税收入拨款
    other: Raw; // 其他资金
  };
  byExpense: {
    total: Raw; // 按支出性质分 (stated total, often blank)
    basic: Raw; // 基本支出
    project: Raw; // 项目支出
  };
  goals: Goals;
  indicators: Indicator[];
  total: ScoreTotal;
}

/** 附件3 项目支出绩效自评表, one per project. */
export interface ProjectEvaluation {
  name: string; // 项目支出名称
  department: string; // 主管部门
  implementer: string; // 实施单位
  funds: {
    current: BudgetRow; // 其中：当年财政拨款
    carryover: BudgetRow; // 上年结转金额
    other: BudgetRow; // 其它资金
    total: ScoredBudgetRow; // 年度资金总额
  };
  goals: Goals;
  indicators: Indicator[];
  total: ScoreTotal;
}

/** One department's package for one year. */
export interface Package {
  schemaVersion: 1;
  unit: string; // 单位名称
  year: number; // evaluation year Y
  basic: BasicData | null;
  selfEvaluation: SelfEvaluation | null;
  projects: ProjectEvaluation[];
}

/** A sub-row of a funds block that prints its own figures (贵州: 基本支出 / 项目支出 with their own 分值 and 得分). */
export interface FundPart extends ScoredBudgetRow {
  label: string; // the row's label as printed
}

/**
 * What the reader learns about one sheet beyond the package: parts of other provinces' and years'
 * layouts that the 2024 Hunan template has no cell for. Kept beside the Package (not in its JSON),
 * by sheet path ("basic", "selfEvaluation", "projects.2"); the checker reads them like model paths
 * ("projects.2.fundParts.0.score").
 */
export interface SheetFacts {
  /** The unit the form writes amounts in and the text that says so; the model holds 万元 (converted on reading). */
  amountUnit?: { unit: "元" | "千元" | "万元"; text: string };
  /** Sub-rows of the funds block with their own 分值/得分 (贵州 2021). */
  fundParts?: FundPart[];
  /** 得分计算方法 as the form prints it ("执行率*该指标分值,最高不得超过分值上限。"). */
  scoringMethod?: string;
  /** 一级 weights the form's own note states (注：产出指标50分、效益指标30分…): 一级 name → 分值. */
  levelWeights?: Record<string, number>;
  /** 4、其他资金 under 项目支出 (湖南 2021 附件1). */
  otherFunds?: YearTriple;
  /** Years printed in 附件1's headers (2023年决算数 / 2024年预算数 / 2024年决算数 / 2024年实际在职人数). */
  columnYears?: { prevFinal: number | null; budget: number | null; final: number | null; staff: number | null };
  /** The layout recognized, by preset id ("hunan-2024", "sichuan-2022"…), or "" when none fits. */
  layout?: string;
  /** Indicator blocks with their own header row and weight (湖北 2020: 年度绩效目标1(40分) / 年度绩效目标2(40分)). */
  indicatorGroups?: IndicatorGroup[];
  /** 自评得分 printed at the top of the form (宁夏 2021), as written; the form's only total when it has no 总分 row. */
  headlineScore?: Raw;
  /** Texts of a system form's prompts left in place of the answer ("对照年度目标,说明…(100字以内)"), as printed. */
  promptTexts?: string[];
}

/** One indicator block of a form that prints several (its label, its 分值, and which indicators it holds). */
export interface IndicatorGroup {
  /** As printed: "年度绩效目标1(40分)". */
  label: string;
  /** The block's 分值 from its label. */
  weight: number;
  /** Positions in the sheet's indicators list: first, and one past the last. */
  from: number;
  to: number;
}

/** SheetFacts of a workbook by sheet path. */
export type FormFacts = Record<string, SheetFacts>;
