/**
 * The JX custom functions as Excel sees them. Each is a thin wrapper: the
 * JSDoc below is the single source of functions.json (generated at build
 * time), the body hands the arguments to the typed table in src/core/jx.ts,
 * and `toExcel` turns its error values into CustomFunctions.Error. Nothing
 * here computes.
 */
import { callJx, isJxError, type JxResult } from "../core/jx";

/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator needs `any` to match the JSDoc {any} of Excel cell inputs */

/** A core result as a cell value: numbers and texts as they are, errors as CustomFunctions.Error with the Chinese message. */
function toExcel(r: JxResult): number | string | CustomFunctions.Error {
  if (!isJxError(r)) return r;
  const code = CustomFunctions.ErrorCode[r.jxError];
  return new CustomFunctions.Error(code, r.message);
}

/**
 * 把单元格的值解析为数字：千分位、全角、多余空格、百分号都能识别；占位符和文字给出说明。
 * @customfunction AMOUNT
 * @param {any} value 要解析的值，如「1, 227. 61」「８５．２３％」
 * @returns {any} 数字，或说明原因的错误
 */
export function amount(value: any) {
  return toExcel(callJx("AMOUNT", [value]));
}

/**
 * 比率：分子 ÷ 分母，精确计算，四舍五入保留4位小数（单元格格式设为 0.00%）。分母为0返回 #DIV/0!。
 * @customfunction RATE
 * @param {any} numerator 分子，如实际在职人数、全年执行数
 * @param {any} denominator 分母，如编制数、全年预算数
 * @returns {any} 比率
 */
export function rate(numerator: any, denominator: any) {
  return toExcel(callJx("RATE", [numerator, denominator]));
}

/**
 * 变动率：(本期 − 上期) ÷ 上期，保留4位小数（格式 0.00%）。上期为0时返回 #N/A（无可比）。
 * @customfunction CHANGE
 * @param {any} current 本期数
 * @param {any} previous 上期数
 * @returns {any} 变动率
 */
export function change(current: any, previous: any) {
  return toExcel(callJx("CHANGE", [current, previous]));
}

/**
 * 变动的文字表述，如「增加43.00万元，增长6.48%」「持平」。
 * @customfunction CHANGETEXT
 * @param {any} current 本期数（万元）
 * @param {any} previous 上期数（万元）
 * @returns {any} 文字
 */
export function changetext(current: any, previous: any) {
  return toExcel(callJx("CHANGETEXT", [current, previous]));
}

/**
 * 占比：部分 ÷ 合计，保留4位小数（格式 0.00%）。
 * @customfunction SHARE
 * @param {any} part 部分
 * @param {any} total 合计
 * @returns {any} 占比
 */
export function share(part: any, total: any) {
  return toExcel(callJx("SHARE", [part, total]));
}

/**
 * 预算执行率得分：min(执行数 ÷ 预算数, 100%) × 分值，四舍五入保留两位小数。
 * @customfunction EXECSCORE
 * @param {any} executed 全年执行数(B)
 * @param {any} budget 全年预算数(A)
 * @param {any} [weight] 分值，默认10
 * @returns {any} 得分
 */
export function execscore(executed: any, budget: any, weight?: any) {
  return toExcel(callJx("EXECSCORE", [executed, budget, weight]));
}

/**
 * 指标建议得分：按年度指标值（如「≥90%」「≧ 735 人次」「2019年12月底前」）和实际完成值计算；定性指标、未按时限完成的返回「需人工评分」。
 * @customfunction SCORE
 * @param {any} target 年度指标值
 * @param {any} actual 实际完成值
 * @param {any} weight 分值
 * @param {any} [name] 三级指标名称：目标未写比较符号时，控制率、成本、时间等类按≤，满意度、完成率等类按≥
 * @returns {any} 建议得分，或「需人工评分」
 */
export function score(target: any, actual: any, weight: any, name?: any) {
  return toExcel(callJx("SCORE", [target, actual, weight, name]));
}

/**
 * 评价等级：按等级标准由总分得出（默认90分及以上优、80分及以上良、60分及以上中、60分以下差）。
 * @customfunction GRADE
 * @param {any} total 总分
 * @param {any} [scheme] 等级标准，如 national、suining-2024；省略时用当前预设
 * @returns {any} 等级
 */
export function grade(total: any, scheme?: any) {
  return toExcel(callJx("GRADE", [total, scheme]));
}

/**
 * 合计核对：合计与各分项之和相符返回「✓」，相差0.01返回「尾数差 0.01」，否则返回「差 43.00」。
 * @customfunction SUMCHECK
 * @param {any} total 合计
 * @param {any[][][]} parts 分项（单元格或区域，可多个）
 * @returns {any} 核对结果
 */
export function sumcheck(total: any, parts: any[][][]) {
  // A repeating parameter arrives as one array holding every argument given for it (each a range),
  // not as separate JavaScript arguments; Excel passes the invocation context after it.
  return toExcel(callJx("SUMCHECK", [total, ...(parts ?? [])]));
}

/**
 * 得分核对：得分超出分值返回「超出分值」，扣分而未填偏差原因返回「扣分须填写偏差原因」，否则「✓」。
 * @customfunction SCORECHECK
 * @param {any} score 得分
 * @param {any} weight 分值
 * @param {any} [reason] 偏差原因分析及改进措施
 * @returns {any} 核对结果
 */
export function scorecheck(score: any, weight: any, reason?: any) {
  return toExcel(callJx("SCORECHECK", [score, weight, reason]));
}
