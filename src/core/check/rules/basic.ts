/** Rules on 附件1 基础数据表. */
import { rate } from "../../calc";
import { type CheckContext, money, percent, rateAgrees, statedRateText } from "../context";
import type { Rule } from "../types";
import { checkSum } from "./sums";

/** The three amount columns of 附件1 (上年决算数, 本年预算数, 本年决算数). Without 附件1 every figure is blank and the sums say nothing. */
function forEachColumn(fn: (col: "prevFinal" | "budget" | "final") => void): void {
  for (const col of ["prevFinal", "budget", "final"] as const) fn(col);
}

/** A stated rate cell against numerator ÷ denominator. */
export function checkStatedRate(ctx: CheckContext, statedPath: string, numPath: string, denPath: string): void {
  const stated = ctx.parsed(statedPath);
  const n = ctx.num(numPath);
  const d = ctx.num(denPath);
  if (stated.kind !== "number" || n === null || d === null) return;
  const r = rate(n, d);
  if (!r.ok) {
    ctx.report(statedPath, `${ctx.label(statedPath)}填写为 ${statedRateText(stated)}，但${ctx.label(denPath)}为0，无法计算比率。`, "无法计算", statedRateText(stated));
    return;
  }
  if (rateAgrees(stated, r.value)) return;
  ctx.report(
    statedPath,
    `${ctx.label(statedPath)}填写为 ${statedRateText(stated)}，按 ${ctx.label(numPath)} ÷ ${ctx.label(denPath)} = ${money(n)} ÷ ${money(d)} 计算应为 ${percent(r.value)}。`,
    percent(r.value),
    statedRateText(stated),
  );
}

/**
 * Both figures zero: no 楼堂馆所 project (the rate cell then says 0, and that is right, not a 0 ÷ 0 error).
 * A blank figure needs no such exception: checkStatedRate says nothing without both figures.
 */
function noProject(ctx: CheckContext, actualPath: string, approvedPath: string): boolean {
  const zero = (p: string) => ctx.num(p)?.isZero() === true;
  return zero(actualPath) && zero(approvedPath);
}

export const basicRules: Rule[] = [
  {
    id: "BASIC.STAFF_RATE",
    severity: "错误",
    title: "在职人员控制率计算不符",
    description: "控制率应等于实际在职人数 ÷ 编制数（四舍五入保留两位小数的百分比）。",
    example: "在职人员控制率填写为 85.00%，按 75 ÷ 88 计算应为 85.23%。",
    run(ctx) {
      checkStatedRate(ctx, "basic.staff.controlRate", "basic.staff.actual", "basic.staff.authorized");
    },
  },
  {
    id: "BASIC.OVERSTAFFED",
    severity: "警告",
    title: "超编",
    description: "实际在职人数超过编制数（控制率高于100%），需在报告中说明原因。",
    example: "实际在职人数 11 人超过编制数 10 人，控制率 110.00%（超编）。",
    run(ctx) {
      const a = ctx.num("basic.staff.actual");
      const e = ctx.num("basic.staff.authorized");
      if (a === null || e === null || e.isZero() || !a.greaterThan(e)) return;
      ctx.report("basic.staff.controlRate", `实际在职人数 ${a.toFixed()} 人超过编制数 ${e.toFixed()} 人，控制率 ${percent(a.dividedBy(e))}（超编），请在报告中说明原因。`, "≤ 100.00%", percent(a.dividedBy(e)));
    },
  },
  {
    id: "BASIC.SANGONG_SUM",
    severity: "错误",
    title: "三公经费合计不符",
    description: "三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待，三列分别核对。",
    example: "三公经费（2024年决算数）为 1.50，但分项之和为 1.40（1.19 + 0 + 0.21）。",
    run: (ctx) => forEachColumn((c) => checkSum(ctx, `basic.sangong.${c}`, [`basic.vehicle.${c}`, `basic.overseas.${c}`, `basic.reception.${c}`])),
  },
  {
    id: "BASIC.VEHICLE_SUM",
    severity: "错误",
    title: "公务用车经费合计不符",
    description: "公务用车购置和维护经费 = 公车购置 + 公车运行维护。",
    example: "公务用车购置和维护经费（2024年决算数）为 1.40，但 公车购置 + 公车运行维护 = 0 + 1.19 = 1.19。",
    run: (ctx) => forEachColumn((c) => checkSum(ctx, `basic.vehicle.${c}`, [`basic.vehiclePurchase.${c}`, `basic.vehicleOperation.${c}`])),
  },
  {
    id: "BASIC.PROJECT_SUM",
    severity: "错误",
    title: "项目支出合计不符",
    description: "项目支出 = 业务工作经费 + 运行维护经费 + 专项资金。相差0.01以内记为尾数差（SUM.ROUNDING）。",
    example: "项目支出（2024年决算数）为 18259.03，分项之和为 18259.02，相差 0.01，属尾数差。",
    run: (ctx) => {
      // Forms of 2021 and before add a 4、其他资金 row under 项目支出 (湖南 2021 附件1).
      const other = ctx.facts("basic").otherFunds ? ["otherFunds"] : [];
      forEachColumn((c) => checkSum(ctx, `basic.project.${c}`, [`basic.businessWork.${c}`, `basic.operation.${c}`, `basic.special.${c}`, ...other.map((o) => `basic.${o}.${c}`)]));
    },
  },
  {
    id: "BASIC.SPECIAL_SUM",
    severity: "错误",
    title: "专项资金合计不符",
    description: "“3、专项资金”行应等于其下逐项列出的各专项之和（每个专项一行）。",
    example: "专项资金（2024年决算数）为 978.74，但各专项之和为 973.74。",
    run(ctx) {
      // Without a 专项 listed under it there are no parts, and checkSum says nothing.
      const funds = ctx.pkg.basic?.specialFunds ?? [];
      forEachColumn((c) => checkSum(ctx, `basic.special.${c}`, funds.map((_, i) => `basic.specialFunds.${i}.${c}`)));
    },
  },
  {
    id: "BASIC.PUBLIC_SUBSET",
    severity: "错误",
    title: "公用经费小于其中分项",
    description: "办公经费、水电差旅费、会议培训费是公用经费的一部分（不是全部），三者之和不应超过公用经费。",
    example: "公用经费（2024年决算数）为 30.00，小于其中所列分项之和 49.845。",
    run: (ctx) => forEachColumn((c) => checkSum(ctx, `basic.publicFunds.${c}`, [`basic.office.${c}`, `basic.utilitiesTravel.${c}`, `basic.meetingTraining.${c}`], { subset: true })),
  },
  {
    id: "BASIC.OVER_BUDGET",
    severity: "警告",
    title: "决算超预算",
    description: "本年决算数高于本年预算数，需核实或在报告中说明（三公经费、公用经费超预算尤其需要说明）。",
    example: "公用经费（2024年决算数）377.19 超过 2024年预算数 35.11，超出 342.08。",
    run(ctx) {
      const rows = ["sangong", "vehicle", "vehiclePurchase", "vehicleOperation", "overseas", "reception", "project", "businessWork", "operation", "special", "publicFunds", "office", "utilitiesTravel", "meetingTraining"];
      for (const row of rows) {
        const b = ctx.num(`basic.${row}.budget`);
        const f = ctx.num(`basic.${row}.final`);
        if (b === null || f === null || !f.greaterThan(b)) continue;
        const path = `basic.${row}.final`;
        ctx.report(path, `${ctx.label(path)} ${money(f)} 超过${ctx.label(`basic.${row}.budget`)} ${money(b)}，超出 ${money(f.minus(b))}，请核实或说明原因。`, `≤ ${money(b)}`, money(f));
      }
    },
  },
  {
    id: "BASIC.BUILDING_RATE",
    severity: "错误",
    title: "楼堂馆所控制率计算不符",
    description: "规模控制率 = 实际规模 ÷ 批复规模；投资概算控制率 = 实际投资 ÷ 预算投资。",
    example: "规模控制率填写为 95.00%，按 1200 ÷ 1250 计算应为 96.00%。",
    run(ctx) {
      // Zeros (or blanks) on both sides: no building completed this year, nothing to control (0 ÷ 0 is "none").
      if (!noProject(ctx, "basic.buildings.actualArea", "basic.buildings.approvedArea")) checkStatedRate(ctx, "basic.buildings.areaRate", "basic.buildings.actualArea", "basic.buildings.approvedArea");
      if (!noProject(ctx, "basic.buildings.actualInvestment", "basic.buildings.budgetInvestment")) checkStatedRate(ctx, "basic.buildings.investmentRate", "basic.buildings.actualInvestment", "basic.buildings.budgetInvestment");
    },
  },
  {
    id: "BASIC.BUILDING_OVER",
    severity: "警告",
    title: "楼堂馆所超规模或超概算",
    description: "实际规模超过批复规模，或实际投资超过预算投资。",
    example: "楼堂馆所实际投资 1050.00 超过预算投资 1000.00。",
    run(ctx) {
      for (const [actual, approved] of [
        ["basic.buildings.actualArea", "basic.buildings.approvedArea"],
        ["basic.buildings.actualInvestment", "basic.buildings.budgetInvestment"],
      ]) {
        const a = ctx.num(actual);
        const b = ctx.num(approved);
        if (a !== null && b !== null && a.greaterThan(b)) ctx.report(actual, `${ctx.label(actual)} ${money(a)} 超过${ctx.label(approved)} ${money(b)}。`, `≤ ${money(b)}`, money(a));
      }
    },
  },
  {
    id: "BASIC.YEAR_HEADERS",
    severity: "警告",
    title: "表头年度与评价年度不符",
    description: "基础数据表的列标题应为“Y-1年决算数、Y年预算数、Y年决算数”（Y为标题中的评价年度）。标题写2025年度而表头仍是2023/2024年，多半是沿用了上年的表而忘了改表头，数字也可能是上年的。",
    example: "标题为2025年度，但表头为“2023年决算数、2024年预算数、2024年决算数”，应为“2024年决算数、2025年预算数、2025年决算数”。",
    run(ctx) {
      const years = ctx.facts("basic").columnYears;
      if (!ctx.pkg.basic || !years) return;
      const y = ctx.year;
      const wrong = (["prevFinal", "budget", "final", "staff"] as const).filter((k) => years[k] !== null && years[k] !== (k === "prevFinal" ? y - 1 : y));
      if (wrong.length === 0) return;
      const printed = (["prevFinal", "budget", "final"] as const).filter((k) => years[k] !== null).map((k) => `${years[k]}年${k === "budget" ? "预算数" : "决算数"}`);
      const at = `basic.columnYears.${years.final !== null ? "final" : wrong[0]}`;
      ctx.report(
        at,
        `评价年度为${y}年，但表头为“${printed.join("、") || wrong.map((k) => `${years[k]}年`).join("、")}”，应为“${y - 1}年决算数、${y}年预算数、${y}年决算数”，请核对表头和数字是否沿用了上年的表。`,
        `${y - 1}年决算数、${y}年预算数、${y}年决算数`,
        printed.join("、"),
      );
    },
  },
];
