/** Rules on the unit a form writes its amounts in (元 / 千元 / 万元, read from the form; read/headers.ts). */
import { D } from "../../decimal";
import { money, sheetPathOf } from "../context";
import type { Rule } from "../types";

/** In a form that says 元, a whole funds row under this many 万元 (1000 元) most likely was typed in 万元. */
const SMALL_IN_YUAN = new D("0.1");

export const unitRules: Rule[] = [
  {
    id: "UNIT.SUSPECT",
    severity: "提示",
    title: "金额大小与表中单位不符",
    description: "表头或单位行写明金额单位为元（或千元）时，读取时已换算为万元核对。若年度资金总额换算后不到0.1万元（即不到1000元），多半是按万元填在了以元为单位的表里，请核对单位。",
    example: "项目资金单位为元（「项目资金(元)」），年度资金总额全年预算数只有 38.77 元（0.0039万元），是否按万元填写？",
    run(ctx) {
      for (const s of ctx.scoredSheets()) {
        const unit = ctx.facts(sheetPathOf(s.base)).amountUnit;
        if (!unit || unit.unit === "万元") continue;
        const per = unit.unit === "元" ? 10000 : 10;
        for (const field of ["fullBudget", "initialBudget", "executed"]) {
          const path = `${s.exec}.${field}`;
          const v = ctx.num(path);
          if (v === null || v.isZero() || v.abs().greaterThanOrEqualTo(SMALL_IN_YUAN)) continue;
          const written = v.times(per);
          ctx.report(
            path,
            `表中金额单位为${unit.unit}（「${unit.text}」），${ctx.label(path)}只有 ${money(written)} ${unit.unit}（${v.toFixed()}万元），是否按万元填写？请核对单位。`,
            `以${unit.unit}填写`,
            `${money(written)} ${unit.unit}`,
          );
          break;
        }
      }
    },
  },
];
