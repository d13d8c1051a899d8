/** Column layouts of the forms seen, as data (keys from read/headers.ts). Presets point at one. */
import { PUBLISHED_LAYOUTS } from "./publishedLayouts";
import type { FormLayout } from "./types";

/** 湖南 2024 附件3 (and the 附件2 funds/indicator blocks): the add-in's own template. */
export const HUNAN_LAYOUT: FormLayout = {
  id: "hunan-2024",
  label: "湖南 2024 模板",
  fundsLabel: "项目资金（万元）",
  amountUnit: "万元",
  funds: [
    { key: "年初预算数", text: "年初预算数" },
    { key: "全年预算数", text: "全年预算数" },
    { key: "全年执行数", text: "全年执行数" },
    { key: "分值", text: "分值" },
    { key: "执行率", text: "执行率" },
    { key: "得分", text: "得分" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "年度指标值", text: "年度指标值" },
    { key: "实际完成值", text: "实际完成值" },
    { key: "分值", text: "分值" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "偏差原因分析及改进措施" },
  ],
};

/** 湖北 2019 项目支出绩效自评表 (鄂州市财政局): the 财预〔2020〕10号 column order, as Hunan's. */
export const HUBEI_LAYOUT: FormLayout = { ...HUNAN_LAYOUT, id: "hubei-2019", label: "湖北 2019 项目支出绩效自评表" };

/** 四川 2022 绩效目标自评表 (中江县水利局): no 年初预算数; 分值 before 年度指标值. */
export const SICHUAN_LAYOUT: FormLayout = {
  id: "sichuan-2022",
  label: "四川 2022 绩效目标自评表",
  fundsLabel: "资金情况（万元）",
  amountUnit: "万元",
  funds: [
    { key: "全年预算数", text: "全年预算数(A)" },
    { key: "全年执行数", text: "全年执行数(B)" },
    { key: "分值", text: "分值" },
    { key: "执行率", text: "执行率(B/A)" },
    { key: "得分", text: "得分" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "分值", text: "分值" },
    { key: "年度指标值", text: "年度指标值" },
    { key: "实际完成值", text: "全年实际值" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "未完成原因及拟采取的改进措施" },
  ],
};

/** 云南 2022 项目支出绩效自评表 (部门决算公开14表): amounts in 元; 年度指标值 as 指标性质 / 指标值 / 度量单位. */
export const YUNNAN_LAYOUT: FormLayout = {
  id: "yunnan-2022",
  label: "云南 2022 项目支出绩效自评表（公开14表）",
  fundsLabel: "项目资金(元)",
  amountUnit: "元",
  funds: HUNAN_LAYOUT.funds,
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "指标性质", text: "指标性质" },
    { key: "年度指标值", text: "指标值" },
    { key: "度量单位", text: "度量单位" },
    { key: "实际完成值", text: "实际完成值" },
    { key: "分值", text: "分值" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "偏差原因分析及改进措施" },
  ],
};

/** 贵州 2021 部门整体支出绩效自评表 (绥阳县太白镇): only 年初预算数(A) and 全年执行数(B), a 得分计算方法 column. */
export const GUIZHOU_LAYOUT: FormLayout = {
  id: "guizhou-2021",
  label: "贵州 2021 部门整体支出绩效自评表",
  fundsLabel: "部门(单位)总体资金(万元)",
  amountUnit: "万元",
  funds: [
    { key: "年初预算数", text: "年初预算数(A)" },
    { key: "全年执行数", text: "全年执行数(B)" },
    { key: "分值", text: "分值(10分)" },
    { key: "得分", text: "得分" },
    { key: "得分计算方法", text: "得分计算方法" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "年度指标值", text: "年度指标值(A)" },
    { key: "实际完成值", text: "全年实际值(B)" },
    { key: "分值", text: "分值" },
    { key: "得分", text: "得分" },
    { key: "偏差原因", text: "偏差原因分析及改进措施" },
  ],
};

/** 湖南 2020 县级专项资金绩效目标自评表 (衡山县): targets against actuals, no 分值 / 得分 / 总分. */
export const HUNAN_2020_SPECIAL_LAYOUT: FormLayout = {
  id: "hunan-2020-special",
  label: "湖南 2020 县级专项资金绩效目标自评表（无分值）",
  fundsLabel: "项目资金（万元）",
  amountUnit: "万元",
  funds: [
    { key: "全年预算数", text: "全年预算数(A)" },
    { key: "全年执行数", text: "全年执行数(B)" },
    { key: "执行率", text: "执行率(B/A)" },
  ],
  indicators: [
    { key: "一级指标", text: "一级指标" },
    { key: "二级指标", text: "二级指标" },
    { key: "三级指标", text: "三级指标" },
    { key: "年度指标值", text: "年度指标值" },
    { key: "实际完成值", text: "全年完成值" },
    { key: "偏差原因", text: "未完成原因和改进措施" },
  ],
};

export const LAYOUTS: readonly FormLayout[] = [HUNAN_LAYOUT, HUBEI_LAYOUT, SICHUAN_LAYOUT, YUNNAN_LAYOUT, GUIZHOU_LAYOUT, HUNAN_2020_SPECIAL_LAYOUT];
/** Every layout the reader names: the presets' and the further published ones (presets/publishedLayouts.ts). */
export const KNOWN_LAYOUTS: readonly FormLayout[] = [...LAYOUTS, ...PUBLISHED_LAYOUTS];
