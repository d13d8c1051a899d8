/**
 * A form nobody has filled yet (尚未填写): one clear 提示 per sheet instead of an all-clear or a list
 * of "…未填写" findings; checkPackage drops every other finding on such a sheet.
 */
import type { CheckContext } from "../context";
import type { Rule } from "../types";

export const FORM_BLANK = "FORM.BLANK";

/**
 * Fields a new template writes for the user (单位名称, 主管部门, 实施单位, the 执行率 分值 10) or that
 * label a row (一级/二级指标, the 专项资金 row name), relative to the sheet's data: they do not make a form "filled".
 */
const PREFILLED: ReadonlySet<string> = new Set(["unit", "department", "implementer", "funds.weight", "funds.total.weight", "specialLabel"]);
const LABEL_KEYS: ReadonlySet<string> = new Set(["level1", "level2"]);

/** True when `data` holds no value the user typed (null, "", blanks and the pre-filled fields only). */
export function isBlankForm(data: unknown): boolean {
  const walk = (v: unknown, path: string): boolean => {
    if (PREFILLED.has(path)) return true;
    if (v === null || v === undefined) return true;
    if (typeof v === "string") return v.trim() === "";
    if (typeof v === "number" || typeof v === "boolean") return false;
    // An object or a list (anything else has no entries: blank); a row label (一级/二级指标) at any depth does not count.
    // List items are numbered ("indicators.3.name"): the prefilled paths never sit inside a list.
    return Object.entries(v as object).every(([k, x]) => LABEL_KEYS.has(k) || walk(x, path === "" ? k : `${path}.${k}`));
  };
  return walk(data, "");
}

/** The sheets (model paths) that are present but blank: "basic", "selfEvaluation", "projects.0"… */
export function blankSections(ctx: CheckContext): string[] {
  const out: string[] = [];
  if (ctx.pkg.basic && isBlankForm(ctx.pkg.basic)) out.push("basic");
  if (ctx.pkg.selfEvaluation && isBlankForm(ctx.pkg.selfEvaluation)) out.push("selfEvaluation");
  ctx.pkg.projects.forEach((p, i) => {
    if (isBlankForm(p)) out.push(`projects.${i}`);
  });
  return out;
}

export const blankRules: Rule[] = [
  {
    id: FORM_BLANK,
    severity: "提示",
    title: "表格尚未填写",
    description:
      "整张表除模板预填的单位名称、分值和指标类别外没有任何填写内容。此时不逐项报“未填写”，只提示该表尚未填写；空白的项目支出绩效自评表（附件3）不写入自评报告，不需要时可删除。",
    example: "「附件2 整体支出自评表」尚未填写。",
    run(ctx) {
      for (const path of blankSections(ctx)) {
        const sheet = ctx.sheetOf(path);
        const message = path.startsWith("projects.")
          ? `「${sheet}」尚未填写：生成自评报告时不写入这张项目表；本单位没有这个项目时可删除此表。`
          : `「${sheet}」尚未填写。`;
        ctx.report(path, message, "", "（空白）");
      }
    },
  },
];
