/** Content checks reviewers apply to the text of a form: goals that are not goals. */
import { parseAmount } from "../../amount";
import { normalizeLabel } from "../../grid";
import { nameKey } from "../../pairing";
import { type CheckContext, money } from "../context";
import type { Rule } from "../types";

const GOAL_PARTS = [
  ["planned", "年度总体目标（预期目标）"],
  ["achieved", "年度总体目标（实际完成情况）"],
] as const;

/** The fund figures of a scored sheet a goal might merely repeat: 全年预算数, 全年执行数, 年初预算数 (named in this order). */
const FUND_COLUMNS = ["fullBudget", "executed", "initialBudget"] as const;

/** The form's own instructions left in a cell: "对照年度目标,说明相关任务目标的完成情况(100字以内)". */
const TEMPLATE_PROMPT = /[（(]\s*\d+\s*字以内\s*[)）]|^(请)?(对照年度目标|结合自评情况|针对项目自评中发现的问题)/;

/** Longer than this (characters), a goal text is a sentence, not a restated figure or name (the longest 附件3 names run to ~40). */
const SHORT_TEXT = 60;

/**
 * What is wrong with a goal text (trimmed), or null: empty, only a figure ("287", "171万元", "100%"),
 * or only the name of the project it belongs to (`name`: the 附件3's name; undefined for 附件2, which has none).
 */
function goalProblem(ctx: CheckContext, t: string, exec: string, name: unknown): string | null {
  if (t === "") return "未填写";
  if (TEMPLATE_PROMPT.test(t)) return `仍是模板的填写说明「${t.length > 30 ? `${t.slice(0, 30)}…` : t}」，应改为实际内容`;
  // A goal of a sentence is neither a bare figure nor a bare name: only short texts need the closer look.
  if (t.length > SHORT_TEXT) return null;
  // A figure has a digit (half- or full-width); most goals are words and need no parse.
  const figure = /[0-9０-９]/.test(t) ? parseAmount(t.replace(/万?元$/, "")) : null;
  if (figure?.kind === "number") {
    const same = FUND_COLUMNS.find((c) => {
      const v = ctx.num(`${exec}.${c}`);
      return v !== null && !figure.percent && v.equals(figure.value);
    });
    if (same) return `只写了金额「${t}」，与${ctx.label(`${exec}.${same}`)} ${money(ctx.num(`${exec}.${same}`)!)} 相同，不是目标`;
    return `只写了一个数字「${t}」，没有写出要做成什么`;
  }
  const key = nameKey(t);
  const restated = typeof name === "string" && name.trim() && (normalizeLabel(name) === normalizeLabel(t) || (key.length >= 2 && nameKey(name) === key));
  if (restated) return `只重复了名称「${name.trim()}」，没有写出要做成什么`;
  return null;
}

export const contentRules: Rule[] = [
  {
    id: "CONTENT.GOAL",
    severity: "提示",
    title: "年度总体目标空着或只写了金额、名称",
    description:
      "年度总体目标的预期目标和实际完成情况应写明做成什么事、达到什么程度；空着、只填一个金额（如预算数287）或数字、只重复项目（资金）名称，或留着模板的填写说明（“……(100字以内)”）的，评审时会被退回。",
    example: "年度总体目标（预期目标）只写了金额「287」，与年度资金总额全年预算数 287.00 相同，不是目标。",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const name = ctx.raw(`${s.base}name`);
        for (const [part, label] of GOAL_PARTS) {
          const path = `${s.base}goals.${part}`;
          const written = String(ctx.raw(path) ?? "").trim();
          const problem = goalProblem(ctx, written, s.exec, name);
          if (problem) ctx.report(path, `${label}${problem}。`, "目标的文字说明", written || "（空）");
        }
      }
    },
  },
];
