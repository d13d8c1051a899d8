/**
 * Column layouts of further published forms (issue 9 cases, test/fixtures/variants), as data. They are
 * recognized (the reader names them in its notices); no preset injects them.
 */
import type { FormLayout } from "./types";

/** 湖北 2020 市级 项目绩效自评表 (黄冈市): 预算执行情况(万元)(20分), no 分值 column; indicator blocks 年度绩效目标1(40分) / 2(40分). */
export const HUBEI_2020_LAYOUT: FormLayout = {
  id: "hubei-2020",
  label: "湖北 2020 项目绩效自评表（分组指标，无分值栏）",
  fundsLabel: "预算执行情况(万元)(20分)",
  amountUnit: "万元",
  funds: [
    { key: "全年预算数", text: "预算数(A)" },
    { key: "全年执行数", text: "执行数(B)" },
    { key: "执行率", text: "执行率(B/A)" },
    { key: "得分", text: "得分(20分*执行率)" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "年度指标值", text: "年初目标值(A)" },
    { key: "实际完成值", text: "实际完成值(B)" },
    { key: "得分", text: "得分" },
  ],
};

/** 宁夏 2021 银川市本级部门项目支出绩效自评表: 共性指标 (项目决策/项目管理/项目产出/项目效益), 参考分值 before 指标值; no 分值/得分 for the funds. */
export const NINGXIA_2021_LAYOUT: FormLayout = {
  id: "ningxia-2021",
  label: "宁夏 2021 部门项目支出绩效自评表（共性指标）",
  fundsLabel: "项目资金(万元)",
  amountUnit: "万元",
  funds: [
    { key: "年初预算数", text: "年初预算数" },
    { key: "全年预算数", text: "调整预算数(A)" },
    { key: "全年执行数", text: "全年执行数(B)" },
    { key: "执行率", text: "执行率(B/A)" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "分值", text: "参考分值" },
    { key: "年度指标值", text: "指标值(A)" },
    { key: "实际完成值", text: "全年实际值(B)" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "未完成原因分析及改进措施" },
  ],
};

/** 四川 2023 一体化系统 部门预算项目支出绩效自评表 (报表编号 510000_0013zp): 执行率 on 调整后预算数; 指标性质 / 指标值 / 度量单位. */
export const SICHUAN_2023_LAYOUT: FormLayout = {
  id: "sichuan-2023",
  label: "四川 2023 部门预算项目支出绩效自评表（一体化系统）",
  fundsLabel: "年度预算数(万元)",
  amountUnit: "万元",
  funds: [
    { key: "年初预算数", text: "年初预算" },
    { key: "全年预算数", text: "调整后预算数" },
    { key: "全年执行数", text: "预算执行数" },
    { key: "执行率", text: "预算执行率" },
    { key: "分值", text: "权重" },
    { key: "得分", text: "得分" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "指标性质", text: "指标性质" },
    { key: "年度指标值", text: "指标值" },
    { key: "度量单位", text: "度量单位" },
    { key: "实际完成值", text: "完成值" },
    { key: "分值", text: "权重" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "未完成原因分析" },
  ],
};

export const PUBLISHED_LAYOUTS: readonly FormLayout[] = [HUBEI_2020_LAYOUT, NINGXIA_2021_LAYOUT, SICHUAN_2023_LAYOUT];
