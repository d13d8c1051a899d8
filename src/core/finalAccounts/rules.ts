/**
 * FA.* rules: the 部门决算公开 tables checked in themselves, against each
 * other and against 附件1 基础数据表. Amounts in 万元; a difference of at most
 * the 尾数差 tolerance (0.01) is reported as SUM.ROUNDING 提示, never as 错误.
 * Blank ≠ zero across tables: a figure compared with another table is only
 * compared when both are written.
 */
import { type CheckContext, money, numOf, parseValue } from "../check/context";
import { ROUNDING_RULE_ID } from "../check/rules/sums";
import type { Rule } from "../check/types";
import { D, type Dec, round } from "../decimal";
import { hundredths, sumsAgree } from "../exact";
import { getPath } from "../template/layout";
import { type CodeRow, type CodeTable, type FinalAccounts, functionalLevel, type SangongFigures } from "./model";
import { FA_PATH } from "./read";
import { FUNCTION_CLASS_NAMES } from "./narrate";
import { BALANCE_INCOME_ROWS, CODE_TABLE_COLUMNS, type CodeTableId, FA_TITLES, PERSONNEL_CLASSES, SANGONG_COLUMNS } from "./templates";

/** One figure of a check: its model path and its name in messages (built only when a message needs it). */
interface Term {
  path: string;
  name: string | (() => string);
  /** The raw value when the caller has it at hand (saves a path lookup per figure). */
  raw?: { v: unknown };
}

const T = (path: string, name: string | (() => string), raw?: { v: unknown }): Term => ({ path: `${FA_PATH}.${path}`, name, raw });
const rawOf = (ctx: CheckContext, t: Term): unknown => (t.raw ? t.raw.v : value(ctx, t.path));
const nameOf = (t: Term): string => (typeof t.name === "string" ? t.name : t.name());

function faOf(ctx: CheckContext): FinalAccounts | null {
  return ctx.input.finalAccounts ?? null;
}

function value(ctx: CheckContext, path: string): unknown {
  const fa = faOf(ctx);
  return path.startsWith(`${FA_PATH}.`) ? getPath(fa, path.slice(FA_PATH.length + 1)) : ctx.raw(path);
}

const blank = (v: unknown): boolean => parseValue(v).kind === "missing";

/** The figure, or null when blank or not a number. */
function num(ctx: CheckContext, path: string): Dec | null {
  return numOf(value(ctx, path));
}

/**
 * total = Σ parts (blank parts count as 0). Says nothing when the total is blank, every part
 * is blank, or a part is not a number. 0.01 → SUM.ROUNDING 提示. Returns true when they agree.
 */
function checkSum(ctx: CheckContext, total: Term, parts: Term[], where = ""): boolean {
  if (parts.length === 0) return true;
  const raws = parts.map((p) => rawOf(ctx, p));
  // Fast path: cells holding numbers, added as exact hundredths (src/core/exact.ts); the decimal path below only when they differ.
  const rawTotal = rawOf(ctx, total);
  if (sumsAgree(rawTotal, raws)) return true;
  const t = numOf(rawTotal);
  if (t === null) return true;
  if (raws.every(blank)) return true;
  const nums: Dec[] = [];
  for (const r of raws) {
    if (blank(r)) nums.push(new D(0));
    else {
      const x = numOf(r);
      if (x === null) return true;
      nums.push(x);
    }
  }
  const sum = nums.reduce((a, b) => a.plus(b), new D(0));
  const diff = round(t, 2).minus(round(sum, 2));
  if (diff.isZero()) return true;
  const expr = parts.length <= 6 ? `${parts.map(nameOf).join(" + ")} = ${nums.map(money).join(" + ")} = ${money(sum)}` : `${parts.length}行之和为 ${money(sum)}`;
  const msg = `${where}${nameOf(total)}为 ${money(t)}，${expr}，相差 ${money(diff.abs())}`;
  if (diff.abs().lessThanOrEqualTo(ctx.tolerance)) {
    ctx.reportAs(ROUNDING_RULE_ID, "提示", total.path, `${msg}，属尾数差。`, money(sum), money(t));
    return true;
  }
  ctx.report(total.path, `${msg}。`, money(sum), money(t));
  return false;
}

/** a = b across tables: only when both are written. */
function checkEqual(ctx: CheckContext, a: Term, b: Term, why: string): void {
  const x = num(ctx, a.path);
  const y = num(ctx, b.path);
  if (x === null || y === null) return;
  const diff = round(x, 2).minus(round(y, 2));
  if (diff.isZero()) return;
  const msg = `${nameOf(a)}为 ${money(x)}，${nameOf(b)}为 ${money(y)}，相差 ${money(diff.abs())}${why}`;
  if (diff.abs().lessThanOrEqualTo(ctx.tolerance)) ctx.reportAs(ROUNDING_RULE_ID, "提示", a.path, `${msg}，属尾数差。`, money(y), money(x));
  else ctx.report(a.path, `${msg}。`, money(y), money(x));
}

const title = (id: keyof typeof FA_TITLES): string => `「${FA_TITLES[id]}」`;

/** Name of a column of a code table: "「支出决算表」「基本支出」". */
function colName(id: CodeTableId, key: string): string {
  const c = CODE_TABLE_COLUMNS[id].find((x) => x.key === key);
  return `「${c?.group && c.header !== c.group ? `${c.group}${c.header}` : (c?.header ?? key)}」`;
}

function rowName(row: CodeRow): string {
  return `${row.code} ${row.name}`;
}

/** The parent of a 功能分类 row among the rows present: 项 → its 款, else its 类; 款 → its 类. */
function parentIndex(rows: CodeRow[], i: number, byCode: Map<string, number>): number | null {
  const code = rows[i].code;
  for (const len of [5, 3]) {
    if (code.length <= len) continue;
    const p = byCode.get(code.slice(0, len));
    if (p !== undefined) return p;
  }
  return null;
}

/**
 * Which rows are the lowest ones (no other row's code begins with theirs; two rows with the same code are both not).
 * Linear in the rows: every proper prefix of a code, and every code seen twice, is a parent.
 */
function leafTest(rows: CodeRow[]): (row: CodeRow) => boolean {
  const parents = new Set<string>();
  const seen = new Set<string>();
  for (const r of rows) {
    for (let len = 1; len < r.code.length; len++) parents.add(r.code.slice(0, len));
    if (seen.has(r.code)) parents.add(r.code);
    seen.add(r.code);
  }
  return (row) => !parents.has(row.code);
}

const codeTables = (fa: FinalAccounts): [CodeTableId, CodeTable][] =>
  (["income", "expense", "general", "govFund", "stateCapital"] as CodeTableId[]).flatMap((id) => (fa[id] ? [[id, fa[id] as CodeTable] as [CodeTableId, CodeTable]] : []));

const SANGONG_NAMES: Record<keyof SangongFigures, string> = Object.fromEntries(
  SANGONG_COLUMNS.map(([k, h]) => [k, k === "vehicle" ? "公务用车购置及运行维护费小计" : h]),
) as Record<keyof SangongFigures, string>;

/** Model keys that hold text, not figures. */
const TEXT_KEYS = new Set(["code", "name", "note"]);

export const finalAccountsRules: Rule[] = [
  {
    id: "FA.INPUT_AMOUNT",
    severity: "错误",
    title: "决算表中的金额无法识别",
    description: "决算表中应填金额（万元）的单元格写了无法识别为数字的内容（如“7.50.”、“××”、文字）。这样的数字不参与任何核对，必须改正。",
    example: "「支出决算表」2010301 行政运行「基本支出」填的是「192.26.」：不是有效数字。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      // The path of a figure is built only when it is reported (a long table has thousands of figures, nearly all fine).
      const walk = (v: unknown, parent: () => string, key: string) => {
        if (typeof v === "number" || v === null || v === undefined) return;
        const path = () => `${parent()}.${key}`;
        if (typeof v === "object") {
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (!TEXT_KEYS.has(k)) walk(x, path, k);
          return;
        }
        const p = parseValue(v);
        if (p.kind === "number" || p.kind === "missing") return;
        const what = p.kind === "placeholder" ? `是占位符「${p.text}」，应填写实际金额` : p.message;
        ctx.report(path(), `决算表中的金额${what}。`, "金额（万元）", String(v));
      };
      for (const id of ["balance", "income", "expense", "fiscalBalance", "general", "basicDetail", "govFund", "stateCapital", "sangong"] as const) {
        if (fa[id]) walk(fa[id], () => FA_PATH, id);
      }
    },
  },
  {
    id: "FA.TOTAL_BALANCE",
    severity: "错误",
    title: "决算总表收入总计与支出总计不等",
    description: "收入支出决算总表（公开01表）和财政拨款收入支出决算总表（公开04表）的收入总计必须等于支出总计。",
    example: "「收入支出决算总表」收入总计为 1227.61，支出总计为 1226.61，相差 1.00。",
    run(ctx) {
      const fa = faOf(ctx);
      if (fa?.balance) checkEqual(ctx, T("balance.income.grandTotal", `${title("balance")}收入总计`), T("balance.expense.grandTotal", "支出总计"), "");
      if (fa?.fiscalBalance) checkEqual(ctx, T("fiscalBalance.income.grandTotal", `${title("fiscalBalance")}收入总计`), T("fiscalBalance.expense.grandTotal.total", "支出总计"), "");
    },
  },
  {
    id: "FA.INCOME_SUM",
    severity: "错误",
    title: "本年收入合计不等于各项收入之和",
    description:
      "公开01表本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金 + 国有资本经营 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入；收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余。公开02表每一行本年收入合计 = 各来源之和；公开04表同理。",
    example: "「收入支出决算总表」本年收入合计为 1227.61，一般公共预算财政拨款收入 + … = 1217.61，相差 10.00。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      if (fa.balance) {
        checkSum(ctx, T("balance.income.total", `${title("balance")}本年收入合计`), BALANCE_INCOME_ROWS.map(([k, l]) => T(`balance.income.${k}`, l.replace(/^[一二三四五六七八]、/, ""))));
        checkSum(ctx, T("balance.income.grandTotal", `${title("balance")}收入总计`), [
          T("balance.income.total", "本年收入合计"),
          T("balance.income.nonFiscalBalance", "使用非财政拨款结余"),
          T("balance.income.opening", "年初结转和结余"),
        ]);
      }
      if (fa.fiscalBalance) {
        checkSum(ctx, T("fiscalBalance.income.total", `${title("fiscalBalance")}本年收入合计`), [
          T("fiscalBalance.income.general", "一般公共预算财政拨款"),
          T("fiscalBalance.income.govFund", "政府性基金预算财政拨款"),
          T("fiscalBalance.income.stateCapital", "国有资本经营预算财政拨款"),
        ]);
        checkSum(ctx, T("fiscalBalance.income.opening", `${title("fiscalBalance")}年初财政拨款结转和结余`), [
          T("fiscalBalance.income.openingGeneral", "一般公共预算财政拨款"),
          T("fiscalBalance.income.openingGovFund", "政府性基金预算财政拨款"),
          T("fiscalBalance.income.openingStateCapital", "国有资本经营预算财政拨款"),
        ]);
        checkSum(ctx, T("fiscalBalance.income.grandTotal", `${title("fiscalBalance")}收入总计`), [T("fiscalBalance.income.total", "本年收入合计"), T("fiscalBalance.income.opening", "年初财政拨款结转和结余")]);
      }
      if (fa.income) rowSums(ctx, "income", fa.income);
    },
  },
  {
    id: "FA.EXPENSE_SUM",
    severity: "错误",
    title: "本年支出合计不等于各项支出之和",
    description:
      "公开03表每一行本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；公开05、07、08表本年支出小计 = 基本支出 + 项目支出；公开01表本年支出合计 = 各功能分类（类）支出之和；公开04表每一行合计 = 一般公共预算 + 政府性基金 + 国有资本经营。",
    example: "「支出决算表」2010301 行政运行 本年支出合计为 192.26，基本支出 + 项目支出 + … = 190.26，相差 2.00。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      for (const id of ["expense", "general", "govFund", "stateCapital"] as const) if (fa[id]) rowSums(ctx, id, fa[id] as CodeTable);
      if (fa.balance) {
        checkSum(
          ctx,
          T("balance.expense.total", `${title("balance")}本年支出合计`),
          fa.balance.expenseItems.map((e, i) => T(`balance.expenseItems.${i}.amount`, e.name)),
        );
      }
      const fb = fa.fiscalBalance;
      if (fb) {
        const split = (base: string, name: string) =>
          checkSum(ctx, T(`${base}.total`, `${title("fiscalBalance")}${name}合计`), [
            T(`${base}.general`, "一般公共预算财政拨款"),
            T(`${base}.govFund`, "政府性基金预算财政拨款"),
            T(`${base}.stateCapital`, "国有资本经营预算财政拨款"),
          ]);
        fb.expenseItems.forEach((e, i) => split(`fiscalBalance.expenseItems.${i}`, e.name));
        split("fiscalBalance.expense.total", "本年支出合计");
        for (const k of ["total", "general", "govFund", "stateCapital"] as const) {
          checkSum(
            ctx,
            T(`fiscalBalance.expense.total.${k}`, `${title("fiscalBalance")}本年支出合计（${k === "total" ? "合计" : k === "general" ? "一般公共预算财政拨款" : k === "govFund" ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款"}）`),
            fb.expenseItems.map((e, i) => T(`fiscalBalance.expenseItems.${i}.${k}`, e.name)),
          );
        }
      }
    },
  },
  {
    id: "FA.EXPENSE_TOTAL",
    severity: "错误",
    title: "支出总计不等于本年支出合计加结余",
    description: "公开01表支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；公开04表支出总计 = 本年支出合计 + 年末财政拨款结转和结余。",
    example: "「收入支出决算总表」支出总计为 1227.61，本年支出合计 + 结余分配 + 年末结转和结余 = 1200.00 + 0.00 + 0.00 = 1200.00，相差 27.61。",
    run(ctx) {
      const fa = faOf(ctx);
      if (fa?.balance) {
        checkSum(ctx, T("balance.expense.grandTotal", `${title("balance")}支出总计`), [
          T("balance.expense.total", "本年支出合计"),
          T("balance.expense.distribution", "结余分配"),
          T("balance.expense.closing", "年末结转和结余"),
        ]);
      }
      if (fa?.fiscalBalance) {
        for (const k of ["total", "general", "govFund", "stateCapital"] as const) {
          checkSum(ctx, T(`fiscalBalance.expense.grandTotal.${k}`, `${title("fiscalBalance")}支出总计`), [
            T(`fiscalBalance.expense.total.${k}`, "本年支出合计"),
            T(`fiscalBalance.expense.closing.${k}`, "年末财政拨款结转和结余"),
          ]);
        }
      }
    },
  },
  {
    id: "FA.BASIC_SPLIT",
    severity: "错误",
    title: "基本支出不等于人员经费加公用经费",
    description: "一般公共预算财政拨款基本支出（公开05表合计行基本支出）= 公开06表人员经费合计 + 公用经费合计。",
    example: "「一般公共预算财政拨款支出决算表」基本支出为 248.87，人员经费合计 + 公用经费合计 = 212.55 + 30.00 = 242.55，相差 6.32。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa?.general || !fa.basicDetail) return;
      checkSum(ctx, T("general.total.basic", `${title("general")}合计行基本支出`), [T("basicDetail.personnel", "人员经费合计"), T("basicDetail.public", "公用经费合计")]);
    },
  },
  {
    id: "FA.CLASS_SUM",
    severity: "错误",
    title: "功能分类的类、款不等于其下级之和",
    description:
      "公开02、03、05、07、08表中，每个“类”（3位科目编码）等于其下各“款”（5位）之和，每个“款”等于其下各“项”（7位）之和，合计行等于最下级各行之和（只列“项”时即各项之和）。每一列分别核对。",
    example: "「收入决算表」合计行「本年收入合计」为 1227.61，8行之和为 1210.31，相差 17.30（缺少 2210201 住房公积金 17.30 一行？）。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      for (const [id, table] of codeTables(fa)) {
        const byCode = new Map<string, number>();
        table.rows.forEach((r, i) => byCode.set(r.code, i));
        const children = new Map<number, number[]>();
        table.rows.forEach((_, i) => {
          const p = parentIndex(table.rows, i, byCode);
          if (p !== null) children.set(p, [...(children.get(p) ?? []), i]);
        });
        // 合计 against the lowest rows: a wrong 类 is reported at the 类, not at the 合计 as well.
        const top = table.rows.flatMap((_, i) => (children.has(i) ? [] : [i]));
        for (const col of CODE_TABLE_COLUMNS[id]) {
          const base = `${id}.rows`;
          const rawAt = (k: number) => table.rows[k].values[col.key];
          for (const [p, kids] of children) {
            if (sumsAgree(rawAt(p), kids.map(rawAt))) continue;
            checkSum(
              ctx,
              T(`${base}.${p}.values.${col.key}`, () => `${title(id)}${rowName(table.rows[p])}（${functionalLevel(table.rows[p].code)}）${colName(id, col.key)}`, { v: table.rows[p].values[col.key] }),
              kids.map((k) => T(`${base}.${k}.values.${col.key}`, () => rowName(table.rows[k]), { v: table.rows[k].values[col.key] })),
            );
          }
          if (top.length > 0 && !sumsAgree(table.total[col.key], top.map(rawAt))) {
            checkSum(
              ctx,
              T(`${id}.total.${col.key}`, () => `${title(id)}合计行${colName(id, col.key)}`, { v: table.total[col.key] }),
              top.map((k) => T(`${base}.${k}.values.${col.key}`, () => rowName(table.rows[k]), { v: table.rows[k].values[col.key] })),
            );
          }
        }
      }
    },
  },
  {
    id: "FA.ECONOMIC_SUM",
    severity: "错误",
    title: "经济分类的类不等于其下各款之和",
    description:
      "公开06表中，每个经济分类“类”（3位编码，如301工资福利支出）等于其下各“款”（5位）之和；人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 302 商品和服务支出及其余各类之和。",
    example: "「一般公共预算财政拨款基本支出决算明细表」301 工资福利支出为 212.55，各款之和为 212.54，相差 0.01，属尾数差。",
    run(ctx) {
      const t = faOf(ctx)?.basicDetail;
      if (!t) return;
      const classes = new Map<string, number>();
      t.items.forEach((it, i) => {
        if (it.code.length === 3) classes.set(it.code, i);
      });
      const name = (i: number) => `${t.items[i].code} ${t.items[i].name}`;
      for (const [code, i] of classes) {
        const kids = t.items.flatMap((it, k) => (it.code.length === 5 && it.code.startsWith(code) ? [k] : []));
        if (kids.length) checkSum(ctx, T(`basicDetail.items.${i}.amount`, `${title("basicDetail")}${name(i)}`), kids.map((k) => T(`basicDetail.items.${k}.amount`, name(k))));
      }
      const groupTerms = (personnel: boolean): Term[] => {
        const inGroup = (code: string) => PERSONNEL_CLASSES.includes(code.slice(0, 3)) === personnel;
        const tops = t.items.flatMap((it, k) => (inGroup(it.code) && (it.code.length === 3 || !classes.has(it.code.slice(0, 3))) ? [k] : []));
        return tops.map((k) => T(`basicDetail.items.${k}.amount`, name(k)));
      };
      checkSum(ctx, T("basicDetail.personnel", `${title("basicDetail")}人员经费合计`), groupTerms(true));
      checkSum(ctx, T("basicDetail.public", `${title("basicDetail")}公用经费合计`), groupTerms(false));
    },
  },
  {
    id: "FA.SANGONG_SUM",
    severity: "错误",
    title: "“三公”经费合计或公务用车小计不等于其组成",
    description: "公开09表（2022年以前为07表）中，公务用车购置及运行维护费小计 = 公务用车购置费 + 公务用车运行维护费；“三公”经费合计 = 因公出国（境）费 + 公务用车购置费 + 公务用车运行维护费 + 公务接待费。预算数、决算数分别核对。",
    example: "「财政拨款“三公”经费支出决算表」决算数公务用车购置及运行维护费小计为 1.40，公务用车购置费 + 公务用车运行维护费 = 0.00 + 1.19 = 1.19，相差 0.21。",
    run(ctx) {
      const t = faOf(ctx)?.sangong;
      if (!t) return;
      for (const side of ["budget", "final"] as const) {
        const f = t[side];
        const p = (k: keyof SangongFigures) => T(`sangong.${side}.${k}`, SANGONG_NAMES[k]);
        const where = `${title("sangong")}${side === "budget" ? "预算数" : "决算数"}`;
        checkSum(ctx, p("vehicle"), [p("purchase"), p("operation")], where);
        const vehicleParts = blank(f.purchase) && blank(f.operation) ? [p("vehicle")] : [p("purchase"), p("operation")];
        checkSum(ctx, p("total"), [p("overseas"), ...vehicleParts, p("reception")], where);
      }
    },
  },
  {
    id: "FA.TABLE_AGREEMENT",
    severity: "错误",
    title: "决算各表之间的数字不一致",
    description:
      "同一数字在各表中必须一致：公开01表本年收入合计 = 公开02表合计；公开01表各类支出 = 公开03表该类各行之和；公开04表各类一般公共预算财政拨款支出 = 公开05表该类各行之和；公开01表本年支出合计 = 公开03表合计；公开01表一般公共预算财政拨款收入 = 公开04表；公开04表一般公共预算财政拨款本年支出合计 = 公开05表合计；公开05表的每个科目都应出现在公开03表中，且不超过03表同科目的数字。",
    example: "「一般公共预算财政拨款支出决算表」有科目 2210201 住房公积金（小计 17.30），「支出决算表」没有这一行。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      if (fa.balance && fa.income) checkEqual(ctx, T("income.total.total", `${title("income")}合计行本年收入合计`), T("balance.income.total", `${title("balance")}本年收入合计`), "");
      if (fa.balance && fa.expense) checkEqual(ctx, T("expense.total.total", `${title("expense")}合计行本年支出合计`), T("balance.expense.total", `${title("balance")}本年支出合计`), "");
      if (fa.balance && fa.fiscalBalance) checkEqual(ctx, T("fiscalBalance.income.general", `${title("fiscalBalance")}一般公共预算财政拨款收入`), T("balance.income.general", `${title("balance")}一般公共预算财政拨款收入`), "");
      if (fa.fiscalBalance && fa.general) checkEqual(ctx, T("general.total.total", `${title("general")}合计`), T("fiscalBalance.expense.total.general", `${title("fiscalBalance")}一般公共预算财政拨款本年支出合计`), "");
      // 01表 类 items ↔ 03表, 04表 类 items (一般公共预算 column) ↔ 05表: by 类, when the 类 has rows in both
      const byClass = (items: { name: string }[], key: "amount" | "general", base: string, table: CodeTable | null, tableId: CodeTableId) => {
        if (!table) return;
        const isLeaf = leafTest(table.rows);
        items.forEach((item, i) => {
          const name = item.name.replace(/（类）/, "").replace(/支出$/, "");
          const code =
            table.rows.find((r) => r.code.length === 3 && r.name.replace(/支出$/, "") === name)?.code ??
            Object.entries(FUNCTION_CLASS_NAMES).find(([, n]) => n.replace(/支出$/, "") === name)?.[0];
          if (!code) return;
          const leaves = table.rows.filter((r) => r.code.startsWith(code) && isLeaf(r));
          if (leaves.length === 0) return; // a 类 missing altogether: the row checks say which rows are missing
          const sum = leaves.reduce((a, r) => a.plus(numOf(r.values.total) ?? 0), new D(0));
          const v = numOf((item as Record<string, unknown>)[key]);
          if (v === null || round(v, 2).equals(round(sum, 2))) return;
          const diff = round(v, 2).minus(round(sum, 2)).abs();
          const msg = `${title(base === "balance" ? "balance" : "fiscalBalance")}${item.name}为 ${money(v)}，${title(tableId)}${code} 类各行之和为 ${money(sum)}，相差 ${money(diff)}`;
          const path = `${FA_PATH}.${base}.expenseItems.${i}.${key}`;
          if (diff.lessThanOrEqualTo(ctx.tolerance)) ctx.reportAs(ROUNDING_RULE_ID, "提示", path, `${msg}，属尾数差。`, money(sum), money(v));
          else ctx.report(path, `${msg}。`, money(sum), money(v));
        });
      };
      if (fa.balance) byClass(fa.balance.expenseItems, "amount", "balance", fa.expense, "expense");
      if (fa.fiscalBalance) byClass(fa.fiscalBalance.expenseItems, "general", "fiscalBalance", fa.general, "general");
      if (fa.general && fa.expense) {
        const inExpense = new Map(fa.expense.rows.map((r, i) => [r.code, i]));
        fa.general.rows.forEach((row, i) => {
          const j = inExpense.get(row.code);
          if (j === undefined) {
            const amount = numOf(row.values.total);
            if (amount === null || amount.isZero()) return;
            ctx.report(`${FA_PATH}.general.rows.${i}.values.total`, `${title("general")}有科目 ${rowName(row)}（小计 ${money(amount)}），${title("expense")}没有这一行。`, "支出决算表应有此科目", money(amount));
            return;
          }
          for (const k of ["total", "basic", "project"]) {
            const rawG = row.values[k];
            const rawE = fa.expense!.rows[j].values[k];
            // Both numbers, 05表 not above 03表 at 2 decimals: the common case, decided on exact hundredths.
            if (typeof rawG === "number" && typeof rawE === "number") {
              const hg = hundredths(rawG);
              const he = hundredths(rawE);
              if (hg !== null && he !== null && hg <= he) continue;
            }
            const g = numOf(rawG);
            const e = numOf(rawE);
            if (g === null || e === null || round(g, 2).lessThanOrEqualTo(round(e, 2).plus(ctx.tolerance))) continue;
            ctx.report(`${FA_PATH}.general.rows.${i}.values.${k}`, `${title("general")}${rowName(row)}${colName("general", k)}为 ${money(g)}，超过${title("expense")}同科目的 ${money(e)}（一般公共预算财政拨款支出是全部支出的一部分）。`, `≤ ${money(e)}`, money(g));
          }
        });
      }
    },
  },
  {
    id: "FA.SANGONG_BASIC",
    severity: "错误",
    title: "“三公”经费决算表与基础数据表不一致",
    description: "公开09表（2022年以前为07表）的预算数、决算数应与附件1基础数据表“三公”经费各行的本年预算数、本年决算数一致（两边都填写时才比较）。",
    example: "「财政拨款“三公”经费支出决算表」预算数合计为 1.40，基础数据表“三公”经费（2024年预算数）为 3.80，相差 2.40。",
    run(ctx) {
      const t = faOf(ctx)?.sangong;
      const b = ctx.pkg.basic;
      if (!t || !b) return;
      const pairs: [keyof SangongFigures, string][] = [
        ["total", "sangong"],
        ["overseas", "overseas"],
        ["vehicle", "vehicle"],
        ["purchase", "vehiclePurchase"],
        ["operation", "vehicleOperation"],
        ["reception", "reception"],
      ];
      for (const side of ["budget", "final"] as const) {
        for (const [k, row] of pairs) {
          const path = `basic.${row}.${side}`;
          checkEqual(ctx, T(`sangong.${side}.${k}`, `${title("sangong")}${side === "budget" ? "预算数" : "决算数"}${SANGONG_NAMES[k]}`), { path, name: `基础数据表${ctx.label(path)}` }, "");
        }
      }
    },
  },
  {
    id: "FA.PUBLIC_FUNDS_BASIC",
    severity: "警告",
    title: "公用经费与基础数据表不一致",
    description: "公开06表公用经费合计（一般公共预算财政拨款基本支出中的公用经费）应与附件1基础数据表公用经费本年决算数一致；口径不同（如含其他资金）时请在说明中写明。",
    example: "「一般公共预算财政拨款基本支出决算明细表」公用经费合计为 36.32，基础数据表公用经费（2024年决算数）为 37.33，相差 1.01。",
    run(ctx) {
      const t = faOf(ctx)?.basicDetail;
      if (!t || !ctx.pkg.basic) return;
      checkEqual(ctx, T("basicDetail.public", `${title("basicDetail")}公用经费合计`), { path: "basic.publicFunds.final", name: `基础数据表${ctx.label("basic.publicFunds.final")}` }, "");
    },
  },
  {
    id: "FA.EMPTY_TABLE_NOTE",
    severity: "警告",
    title: "空表缺少说明",
    description: "政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款支出决算表没有数据时，须在表下注明原因（如“本单位无政府性基金收支，故本表无数据”）。",
    example: "「政府性基金预算财政拨款收入支出决算表」没有数据，也没有说明（应写明如“本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据”）。",
    run(ctx) {
      const fa = faOf(ctx);
      if (!fa) return;
      for (const id of ["govFund", "stateCapital"] as const) {
        const t = fa[id];
        if (!t || t.note.trim()) continue;
        const figures = [...Object.values(t.total), ...t.rows.flatMap((r) => Object.values(r.values))];
        const empty = figures.every((v) => {
          const x = numOf(v);
          return blank(v) || (x !== null && x.isZero());
        });
        if (!empty) continue;
        const path = `${FA_PATH}.${id}.total.total`;
        ctx.report(path, `${title(id)}没有数据，也没有说明：请在表下写明原因（如“本单位无${id === "govFund" ? "政府性基金" : "国有资本经营预算"}收支，故本表无数据”）。`, "空表说明", "");
      }
    },
  },
];

/** Each row (and the 合计 row) of a code table: its total column = Σ its other columns. */
function rowSums(ctx: CheckContext, id: CodeTableId, table: CodeTable): void {
  const cols = CODE_TABLE_COLUMNS[id];
  const totalKey = "total";
  const parts = cols.filter((c) => c.key !== totalKey && !["opening", "income", "closing"].includes(c.key));
  if (parts.length === 0) return;
  const check = (values: Record<string, unknown>, base: () => string, name: () => string) => {
    // The common case, a row that adds up, is decided before any term of a message is built.
    if (sumsAgree(values[totalKey], parts.map((c) => values[c.key]))) return;
    checkSum(ctx, T(`${base()}.${totalKey}`, () => `${title(id)}${name()}${colName(id, totalKey)}`, { v: values[totalKey] }), parts.map((c) => T(`${base()}.${c.key}`, c.header, { v: values[c.key] })));
  };
  check(table.total, () => `${id}.total`, () => "合计行");
  table.rows.forEach((r, i) => check(r.values, () => `${id}.rows.${i}.values`, () => rowName(r)));
}
