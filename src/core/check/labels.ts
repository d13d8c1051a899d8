/** Chinese names of model paths, for messages: "basic.sangong.final" → "三公经费（2024年决算数）". */

const BASIC_ROWS: Record<string, string> = {
  sangong: "三公经费",
  vehicle: "公务用车购置和维护经费",
  vehiclePurchase: "公车购置",
  vehicleOperation: "公车运行维护",
  overseas: "出国经费",
  reception: "公务接待",
  project: "项目支出",
  businessWork: "业务工作经费",
  operation: "运行维护经费",
  special: "专项资金",
  publicFunds: "公用经费",
  office: "办公经费",
  utilitiesTravel: "水费、电费、差旅费",
  meetingTraining: "会议费、培训费",
  procurement: "政府采购金额",
  basicAdjustment: "部门基本支出预算调整",
};

const FIELDS: Record<string, string> = {
  "staff.authorized": "编制数",
  "staff.actual": "实际在职人数",
  "staff.controlRate": "在职人员控制率",
  "buildings.approvedArea": "楼堂馆所批复规模",
  "buildings.actualArea": "楼堂馆所实际规模",
  "buildings.areaRate": "规模控制率",
  "buildings.budgetInvestment": "楼堂馆所预算投资",
  "buildings.actualInvestment": "楼堂馆所实际投资",
  "buildings.investmentRate": "投资概算控制率",
  savingMeasures: "厉行节约保障措施",
  "byIncome.total": "按收入性质分合计",
  "byIncome.general": "一般公共预算",
  "byIncome.govFund": "政府性基金拨款",
  "byIncome.specialAccount": "纳入专户管理的非税收入拨款",
  "byIncome.other": "其他资金",
  "byExpense.total": "按支出性质分合计",
  "byExpense.basic": "基本支出",
  "byExpense.project": "项目支出",
  "total.weight": "总分（分值）",
  "total.score": "总分",
  "total.grade": "评价等级",
  "goals.planned": "年初目标",
  "goals.achieved": "实际完成情况",
  name: "项目支出名称",
  department: "主管部门",
  implementer: "实施单位",
};

const BUDGET_COLUMNS: Record<string, string> = {
  initialBudget: "年初预算数",
  fullBudget: "全年预算数",
  executed: "全年执行数",
  weight: "分值",
  rate: "执行率",
  score: "得分",
};

const BUDGET_ROWS: Record<string, string> = { current: "当年财政拨款", carryover: "上年结转金额", other: "其它资金", total: "年度资金总额" };

const INDICATOR_COLUMNS: Record<string, string> = {
  name: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因",
};

export function yearColumn(key: string, year: number): string {
  if (key === "prevFinal") return `${year - 1}年决算数`;
  if (key === "budget") return `${year}年预算数`;
  return `${year}年决算数`;
}

/** A path inside one sheet's data → its Chinese name. `names` gives list items' own names. */
export function describeField(path: string, year: number, itemName?: (list: string, index: number) => string): string {
  const parts = path.split(".");
  if (FIELDS[path]) return FIELDS[path];
  if (parts.length === 2 && BASIC_ROWS[parts[0]]) return `${BASIC_ROWS[parts[0]]}（${yearColumn(parts[1], year)}）`;
  if (parts[0] === "specialFunds") {
    const name = itemName?.("specialFunds", Number(parts[1])) || `第${Number(parts[1]) + 1}个专项`;
    return parts[2] === "name" ? `第${Number(parts[1]) + 1}个专项资金的名称` : `专项资金「${name}」（${yearColumn(parts[2], year)}）`;
  }
  if (parts[0] === "indicators") {
    const name = itemName?.("indicators", Number(parts[1])) || `第${Number(parts[1]) + 1}行`;
    return `指标「${name}」${INDICATOR_COLUMNS[parts[2]] ?? parts[2]}`;
  }
  if (parts[0] === "fundParts") {
    const name = itemName?.("fundParts", Number(parts[1])) || `第${Number(parts[1]) + 1}个资金分项`;
    return `${name}${BUDGET_COLUMNS[parts[2]] ?? parts[2]}`;
  }
  if (parts[0] === "otherFunds" && parts.length === 2) return `其他资金（${yearColumn(parts[1], year)}）`;
  if (parts[0] === "columnYears") return `表头年度（${{ prevFinal: "上年决算数", budget: "预算数", final: "决算数", staff: "实际在职人数" }[parts[1]] ?? parts[1]}）`;
  if (parts[0] === "funds" && parts.length === 2) return `年度资金总额${BUDGET_COLUMNS[parts[1]] ?? parts[1]}`;
  if (parts[0] === "funds" && parts.length === 3) return `${BUDGET_ROWS[parts[1]] ?? parts[1]}${BUDGET_COLUMNS[parts[2]] ?? parts[2]}`;
  if (parts[0] === "signature") return { preparer: "填表人", date: "填报日期", phone: "联系电话", head: "单位负责人" }[parts[1]] ?? path;
  return path;
}
