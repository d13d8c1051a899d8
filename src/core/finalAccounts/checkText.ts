/**
 * Checking a 部门决算情况说明 (written, edited, or last year's pasted in) against
 * the nine tables, part by part as seed 004 words it. Every amount after a
 * known label is compared with its table; every share with its FIXED
 * denominator (收入 → 本年收入合计, 支出 → 本年支出合计, 类 → 一般公共预算财政拨款
 * 支出合计, 人员/公用经费 → 基本支出, 三公 items → 三公合计); every change
 * ("减少526.73万元，减少30.02%") with itself and, for 三公, with 附件1's 上年数;
 * every completion rate with the amounts beside it (none on a 0 base); every
 * comparison that goes over or under must state its reason.
 * Cautious like the 自评 checker: a figure whose label is not recognised is skipped.
 */
import { amountOrNull } from "../amount";
import type { Grid } from "../grid";
import type { Rule } from "../check/types";
import type { Finding, Severity } from "../check/types";
import { D, type Dec, round } from "../decimal";
import type { BasicData, Raw } from "../model";
import type { CellRef } from "../read/sheet";
import type { ReportParagraph } from "../report/checkText";
import { WARNING_PREFIX } from "../report/generate";
import { type CodeTable, type FinalAccounts, type SangongFigures } from "./model";
import { FUNCTION_CLASS_NAMES, amountText, percentText } from "./narrate";
import { FA_PATH } from "./read";

const noop = () => undefined;

/** The 情况说明 rules: in the catalogue (docs/rules.md lists them), reported by checkFinalAccountsText. */
export const finalAccountsTextRules: Rule[] = [
  {
    id: "FA.TEXT_FIGURE",
    severity: "错误",
    title: "决算情况说明的金额与决算表不符",
    description: "情况说明中紧跟已知项目（收支总计、财政拨款收入、基本支出、各类支出、人员经费、公用经费、“三公”经费各项的预算数和决算数、机关运行经费等）的金额，与对应决算表不一致。",
    example: "情况说明写“三公”经费财政拨款支出预算为3.8万元，「财政拨款“三公”经费支出决算表」预算数合计为1.4万元。",
    run: noop,
  },
  {
    id: "FA.TEXT_SHARE",
    severity: "错误",
    title: "决算情况说明的占比与决算表不符",
    description: "占比按固定分母计算：收入各项占本年收入合计，支出各项占本年支出合计，各类支出占一般公共预算财政拨款支出合计，人员经费、公用经费占基本支出，“三公”各项占“三公”经费决算合计；写出的占比与表格算出的不一致。",
    example: "情况说明写一般公共服务（类）支出1171万元，占95.38%；1171 ÷ 1227.61 = 95.39%。",
    run: noop,
  },
  {
    id: "FA.TEXT_CHANGE",
    severity: "错误",
    title: "决算情况说明的增减额与增减率不一致",
    description: "“与上年相比，减少A万元，减少B%”中，上年数 = 本年数 ∓ A，B = A ÷ 上年数；有附件1基础数据表的上年决算数时，A 还应等于两年之差。",
    example: "公务用车运行维护费1.19万元，与上年相比减少0.76万元，减少38.78%：0.76 ÷ (1.19 + 0.76) = 38.97%；基础数据表上年1.96，应减少0.77万元。",
    run: noop,
  },
  {
    id: "FA.TEXT_COMPLETION",
    severity: "错误",
    title: "决算情况说明的完成率与金额不符",
    description: "“年初预算为A万元，支出决算为B万元，完成年初预算的C%”中 C 应等于 B ÷ A（按写出的小数位四舍五入）。",
    example: "年初预算为190.36万元，支出决算为192.26万元，完成年初预算的100%；192.26 ÷ 190.36 = 101.00%。",
    run: noop,
  },
  {
    id: "FA.TEXT_ZERO_BASE",
    severity: "警告",
    title: "预算为0却写了完成率",
    description: "年初预算（或预算数）为0时没有完成率，应写“年初预算为0万元，支出决算为X万元”并说明原因，不写“完成预算的…%”。",
    example: "因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的0%。",
    run: noop,
  },
  {
    id: "FA.TEXT_REASON",
    severity: "警告",
    title: "决算数与预算数不同却未说明原因",
    description: "决算数大于或小于（年初）预算数、或与上年相比有增减时，应写明主要原因（“决算数大于/小于年初预算数的主要原因是……”“主要原因是……”）；写的方向（大于/小于）也应与数字一致。",
    example: "年初预算为20.25万元，支出决算为19.64万元，完成年初预算的96.99%。（未说明原因）",
    run: noop,
  },
];

export interface FaTextOptions {
  /** Sheet (or file) name the findings carry. */
  sheet?: string;
  /** Where the table figures sit, to name the cell in messages. */
  cellOf?: (path: string) => CellRef | undefined;
  /** 附件1 基础数据表, for 三公 上年数. */
  basic?: BasicData | null;
}

const num = (raw: Raw | undefined): Dec | null => amountOrNull(raw ?? null);
const zero = new D(0);
const RULE = Object.fromEntries(finalAccountsTextRules.map((r) => [r.id, r])) as Record<string, Rule>;

/** Part of the 情况说明 by its heading's words, most specific first. */
const PART_KEYS: [RegExp, number][] = [
  [/三公/, 8],
  [/政府性基金/, 6],
  [/国有资本经营/, 7],
  [/机关运行经费/, 9],
  [/一般性支出/, 10],
  [/政府采购/, 11],
  [/国有资产/, 12],
  [/预算绩效/, 13],
  [/财政拨款收入支出决算总体/, 3],
  [/收入支出决算总体/, 0],
  [/基本支出决算/, 5],
  [/一般公共预算财政拨款支出决算/, 4],
  [/收入决算/, 1],
  [/支出决算/, 2],
  [/^其他$/, 14],
];

const AMOUNT = "([0-9][0-9,，]*(?:\\.[0-9]+)?)万元";
const PCT = "([0-9]+(?:\\.[0-9]+)?)%";

/** Decimals written in a number text ("30.02" → 2). */
const decimalsOf = (s: string): number => (s.includes(".") ? s.split(".")[1].length : 0);
const parseNum = (s: string): Dec => new D(s.replace(/[,，]/g, ""));

/** Does a stated percent agree with a fraction, at the decimals written (at most 2)? */
function percentAgrees(stated: string, fraction: Dec): boolean {
  const dp = Math.min(decimalsOf(stated), 2);
  return round(parseNum(stated), dp).equals(round(fraction.times(100), dp));
}

const REASON_WORDS = /原因|因为|由于|主要是/;

class TextCheck {
  readonly out: Finding[] = [];
  para: ReportParagraph = { text: "" };
  constructor(
    readonly fa: FinalAccounts,
    readonly opts: FaTextOptions,
  ) {}

  private push(rule: string, message: string, expected: string, actual: string, severity?: Severity): void {
    const r = RULE[rule];
    const sentence = this.para.text.length > 80 ? `${this.para.text.slice(0, 80)}…` : this.para.text;
    this.out.push({ rule, severity: severity ?? r.severity, sheet: this.opts.sheet ?? "决算情况说明", cell: this.para.cell ?? "", message: `${message}（原句「${sentence}」）`, expected, actual });
  }

  private where(path: string | null): string {
    if (!path) return "";
    const ref = this.opts.cellOf?.(`${FA_PATH}.${path}`);
    return ref ? `（${ref.sheet} ${ref.cell}）` : "";
  }

  /** An amount in the text against the table's figure. */
  figure(stated: string, table: Dec | null, what: string, path: string | null): void {
    if (table === null) return;
    const s = parseNum(stated);
    if (round(s, 2).equals(round(table, 2))) return;
    this.push("FA.TEXT_FIGURE", `情况说明写${what}${stated}万元，决算表${this.where(path)}为${amountText(table)}万元`, amountText(table), amountText(s));
  }

  /** A share in the text against part ÷ its fixed denominator. */
  share(stated: string, part: Dec | null, total: Dec | null, what: string, of: string): void {
    if (part === null || total === null || total.isZero()) return;
    const f = part.dividedBy(total);
    if (percentAgrees(stated, f)) return;
    this.push("FA.TEXT_SHARE", `情况说明写${what}占${stated}%，按决算表 ${amountText(part)} ÷ ${of} ${amountText(total)} = ${percentText(f)}`, percentText(f), `${stated}%`);
  }

  /** "增加/减少 A万元，增长/减少 B%" after a current figure; `prev` from 附件1 when known. */
  change(text: string, cur: Dec | null, what: string, prev: Dec | null = null): void {
    if (cur === null) return;
    const m = new RegExp(`(增加|减少)${AMOUNT}[，,、]?\\s*(增长|增加|减少|下降|降低)${PCT}`).exec(text);
    if (!m) return;
    const up = m[1] === "增加";
    const a = parseNum(m[2]);
    if (!a.isZero() && !REASON_WORDS.test(text.slice(m.index))) this.push("FA.TEXT_REASON", `${what}与上年相比${m[1]}${m[2]}万元，未说明原因`, "说明原因", "");
    if (prev !== null) {
      const diff = round(cur, 2).minus(round(prev, 2));
      if (!round(diff.abs(), 2).equals(round(a, 2)) || (diff.greaterThan(0) !== up && !diff.isZero())) {
        const pct = prev.isZero() ? "" : `，${diff.greaterThan(0) ? "增长" : "减少"}${percentText(diff.abs().dividedBy(prev))}`;
        this.push("FA.TEXT_CHANGE", `情况说明写${what}${m[1]}${m[2]}万元、${m[3]}${m[4]}%，但本年${amountText(cur)}万元、上年（基础数据表）${amountText(prev)}万元，应为${diff.greaterThan(0) ? "增加" : "减少"}${amountText(diff.abs())}万元${pct}`, `${amountText(diff.abs())}万元`, `${m[2]}万元`);
        return;
      }
    }
    const before = up ? cur.minus(a) : cur.plus(a);
    if (before.lessThanOrEqualTo(0)) return;
    const f = a.dividedBy(before);
    if (percentAgrees(m[4], f)) return;
    this.push("FA.TEXT_CHANGE", `情况说明写${what}${m[1]}${m[2]}万元、${m[3]}${m[4]}%，但 ${m[2]} ÷ 上年 ${amountText(before)}（${amountText(cur)} ${up ? "−" : "+"} ${m[2]}）= ${percentText(f)}`, percentText(f), `${m[4]}%`);
  }

  /** "预算为A万元，支出决算为B万元，完成(年初)预算的C%…原因…". */
  completion(text: string, what: string): { budget: Dec; final: Dec } | null {
    const m = new RegExp(`预算(?:数)?为${AMOUNT}[，,]\\s*(?:支出)?决算(?:数)?为${AMOUNT}(?:[，,]\\s*完成(?:年初)?预算的${PCT})?`).exec(text);
    if (!m) return null;
    const budget = parseNum(m[1]);
    const final = parseNum(m[2]);
    if (m[3] !== undefined) {
      if (budget.isZero()) this.push("FA.TEXT_ZERO_BASE", `${what}预算为0，不应写完成率（写的是${m[3]}%）`, "不写完成率", `${m[3]}%`);
      else if (!percentAgrees(m[3], final.dividedBy(budget))) {
        const f = final.dividedBy(budget);
        this.push("FA.TEXT_COMPLETION", `情况说明写${what}完成预算的${m[3]}%，但 ${m[2]} ÷ ${m[1]} = ${percentText(f)}`, percentText(f), `${m[3]}%`);
      }
    }
    const cmp = round(final, 2).comparedTo(round(budget, 2));
    const rest = text.slice(m.index + m[0].length);
    if (/^[，,]?其中/.test(rest)) return { budget, final }; // a total followed by its items: the reasons come with the items
    if (cmp !== 0 && !budget.isZero()) {
      const direction = /大于/.exec(rest) ? 1 : /小于/.exec(rest) ? -1 : 0;
      if (!REASON_WORDS.test(rest)) this.push("FA.TEXT_REASON", `${what}决算${m[2]}万元${cmp > 0 ? "大于" : "小于"}预算${m[1]}万元，未说明原因`, "说明原因", "");
      else if (direction !== 0 && direction !== cmp) this.push("FA.TEXT_REASON", `${what}决算${m[2]}万元${cmp > 0 ? "大于" : "小于"}预算${m[1]}万元，原句却写“${direction > 0 ? "大于" : "小于"}”`, cmp > 0 ? "大于" : "小于", direction > 0 ? "大于" : "小于");
    } else if (cmp !== 0 && budget.isZero() && !REASON_WORDS.test(rest)) {
      this.push("FA.TEXT_REASON", `${what}年初预算为0、决算${m[2]}万元，未说明原因`, "说明原因", "");
    }
    return { budget, final };
  }
}

/** Σ of a column over the lowest rows of a 功能分类 table (or its 合计 when written). */
function column(t: CodeTable | null, key: string): Dec | null {
  if (!t) return null;
  const total = num(t.total[key]);
  if (total !== null) return total;
  if (t.rows.length === 0) return t.note ? zero : null;
  return t.rows.filter((r) => !t.rows.some((o) => o !== r && o.code.startsWith(r.code))).reduce((a, r) => a.plus(num(r.values[key]) ?? zero), zero);
}

/**
 * The findings of a 情况说明 against the tables. `input`: the text (paragraphs by line)
 * or its paragraphs with their cells. Paragraphs that open with the generator's warning are skipped.
 */
export function checkFinalAccountsText(input: string | ReportParagraph[], fa: FinalAccounts, opts: FaTextOptions = {}): Finding[] {
  const paragraphs = typeof input === "string" ? input.split(/\r?\n/).map((text) => ({ text })) : input;
  const c = new TextCheck(fa, opts);
  const b = fa.balance;
  const g = fa.general;
  const s = fa.sangong;
  const incomeTotal = num(b?.income.total) ?? column(fa.income, "total");
  const expenseTotal = num(b?.expense.total) ?? column(fa.expense, "total");
  const generalTotal = column(g, "total");
  const basicTotal = column(g, "basic");
  let part = -1;
  let sub = -1;
  let item: { name: string; value: Dec | null } | null = null;

  for (const para of paragraphs) {
    const text = para.text.replace(/[\s\u3000]+/g, "");
    if (!text || text.startsWith(WARNING_PREFIX)) continue;
    c.para = { ...para, text };
    const h = /^[一二三四五六七八九十]+、(.{2,40})$/.exec(text);
    if (h && !/\d+万元/.test(text)) {
      const key = PART_KEYS.find(([re]) => re.test(h[1].replace(/^关于/, "")));
      part = key ? key[1] : -1;
      sub = -1;
      item = null;
      if (/名词解释/.test(text)) part = -1;
      continue;
    }
    if (/^名词解释$/.test(text) || /^第[一二三四五]部分/.test(text)) {
      part = -1;
      continue;
    }
    const sh = /^（([一二三四五])）/.exec(text);
    if (sh && text.length <= 40) {
      sub = "一二三四五".indexOf(sh[1]);
      continue;
    }
    const amountAfter = (label: string) => new RegExp(`${label}${AMOUNT}`).exec(text);
    const shareAfter = (label: string) => new RegExp(`${label}${AMOUNT}[，,]占(?:[^0-9%]{0,10})?${PCT}`).exec(text);

    if (part === 0 || part === 3) {
      const grand = part === 0 ? (num(b?.income.grandTotal) ?? num(b?.expense.grandTotal)) : (num(fa.fiscalBalance?.income.grandTotal) ?? num(fa.fiscalBalance?.expense.grandTotal.total));
      const m = amountAfter("收、?支总计");
      if (m) c.figure(m[1], grand, part === 0 ? "收支总计" : "财政拨款收支总计", part === 0 ? "balance.income.grandTotal" : "fiscalBalance.income.grandTotal");
      c.change(text, grand, part === 0 ? "收支总计" : "财政拨款收支总计");
    } else if (part === 1) {
      const m = amountAfter("收入合计");
      if (m) c.figure(m[1], incomeTotal, "收入合计", "balance.income.total");
      const fiscal = b ? [b.income.general, b.income.govFund, b.income.stateCapital].reduce<Dec>((a, r) => a.plus(num(r) ?? zero), zero) : column(fa.income, "fiscal");
      const items: [string, Dec | null, string | null][] = [
        ["财政拨款收入", fiscal, null],
        ["上级补助收入", num(b?.income.superior) ?? column(fa.income, "superior"), "balance.income.superior"],
        ["事业收入", num(b?.income.business) ?? column(fa.income, "business"), "balance.income.business"],
        ["经营收入", num(b?.income.operating) ?? column(fa.income, "operating"), "balance.income.operating"],
        ["附属单位上缴收入", num(b?.income.affiliated) ?? column(fa.income, "affiliated"), "balance.income.affiliated"],
        ["其他收入", num(b?.income.other) ?? column(fa.income, "other"), "balance.income.other"],
      ];
      for (const [label, v, path] of items) {
        const sm = shareAfter(label);
        const am = sm ?? amountAfter(label);
        if (!am) continue;
        c.figure(am[1], v, label, path);
        if (sm) c.share(sm[2], v, incomeTotal, label, "本年收入合计");
      }
    } else if (part === 2) {
      const m = amountAfter("支出合计");
      if (m) c.figure(m[1], expenseTotal, "支出合计", "balance.expense.total");
      const items: [string, string][] = [["基本支出", "basic"], ["项目支出", "project"], ["上缴上级支出", "remit"], ["经营支出", "operating"], ["对附属单位补助支出", "affiliated"]];
      for (const [label, key] of items) {
        const sm = shareAfter(label);
        const am = sm ?? amountAfter(label);
        if (!am) continue;
        const v = column(fa.expense, key);
        c.figure(am[1], v, label, `expense.total.${key}`);
        if (sm) c.share(sm[2], v, expenseTotal, label, "本年支出合计");
      }
    } else if (part === 4) {
      if (sub <= 0) {
        const sm = new RegExp(`财政拨款支出${AMOUNT}[，,]占本年支出合计的${PCT}`).exec(text);
        const am = sm ?? amountAfter("财政拨款支出");
        if (am) c.figure(am[1], generalTotal, "财政拨款支出", "general.total.total");
        if (sm) c.share(sm[2], generalTotal, expenseTotal, "财政拨款支出", "本年支出合计");
        c.change(text, generalTotal, "财政拨款支出");
      } else if (sub === 1) {
        const am = amountAfter("财政拨款支出");
        if (am) c.figure(am[1], generalTotal, "财政拨款支出", "general.total.total");
        for (const m of text.matchAll(new RegExp(`([^：；，。]+?)（类）(?:支出)?${AMOUNT}[，,]占${PCT}`, "g"))) {
          const name = m[1].replace(/支出$/, "");
          const code = g?.rows.find((r) => r.code.length === 3 && r.name.replace(/支出$/, "") === name)?.code ?? Object.entries(FUNCTION_CLASS_NAMES).find(([, n]) => n.replace(/支出$/, "") === name)?.[0];
          if (!code || !g) continue;
          const leaves = g.rows.filter((r) => r.code.startsWith(code) && !g.rows.some((o) => o !== r && o.code.startsWith(r.code)));
          const v = leaves.reduce((a, r) => a.plus(num(r.values.total) ?? zero), zero);
          c.figure(m[2], v, `${name}（类）支出`, null);
          c.share(m[3], v, generalTotal, `${name}（类）支出`, "一般公共预算财政拨款支出合计");
        }
      } else {
        const it = /([^（）]+)（项）/.exec(text.replace(/^.*（款）/, ""));
        if (/（项）/.test(text) && it) {
          const name = it[1].replace(/^\d+[、.．]/, "");
          const row = g?.rows.find((r) => r.code.length === 7 && r.name === name);
          item = { name, value: row ? num(row.values.total) : null };
        }
        const done = c.completion(text, item ? `「${item.name}」` : "财政拨款支出");
        if (done) {
          if (item) c.figure(amountText(done.final), item.value, `「${item.name}」支出决算`, null);
          else c.figure(amountText(done.final), generalTotal, "财政拨款支出决算数", "general.total.total");
        }
      }
    } else if (part === 5) {
      const am = amountAfter("基本支出");
      if (am) c.figure(am[1], basicTotal, "基本支出", "general.total.basic");
      const d = fa.basicDetail;
      for (const [label, raw, path] of [["人员经费", d?.personnel, "basicDetail.personnel"], ["公用经费", d?.public, "basicDetail.public"]] as const) {
        const sm = new RegExp(`${label}${AMOUNT}[，,]占基本支出的${PCT}`).exec(text);
        const m = sm ?? amountAfter(label);
        if (!m) continue;
        c.figure(m[1], num(raw), label, path);
        if (sm) c.share(sm[2], num(raw), basicTotal, label, "基本支出");
      }
    } else if (part === 6 || part === 7) {
      const t = part === 6 ? fa.govFund : fa.stateCapital;
      const m = new RegExp(`支出${AMOUNT}[，,]其中基本支出${AMOUNT}[，,]项目支出${AMOUNT}`).exec(text);
      if (m && t) {
        c.figure(m[1], column(t, "total"), "支出", null);
        c.figure(m[2], column(t, "basic"), "基本支出", null);
        c.figure(m[3], column(t, "project"), "项目支出", null);
      }
    } else if (part === 8 && s) {
      sangongText(c, text, s.budget, s.final, sub, opts.basic ?? null);
    } else if (part === 9) {
      const m = amountAfter("机关运行经费支出");
      const pub = num(fa.basicDetail?.public);
      if (m) c.figure(m[1], pub, "机关运行经费", "basicDetail.public");
      c.change(text, pub, "机关运行经费");
    }
  }
  return c.out;
}

const SANGONG_LABELS: [keyof SangongFigures, RegExp, string][] = [
  ["overseas", /^因公出国（境）费/, "因公出国（境）费"],
  ["reception", /^公务接待费/, "公务接待费"],
  ["purchase", /^公务用车购置费(?!及)/, "公务用车购置费"],
  ["operation", /^公务用车运行维护费/, "公务用车运行维护费"],
  ["total", /^“?三公”?经费/, "“三公”经费"],
];

function sangongText(c: TextCheck, text: string, budget: SangongFigures, final: SangongFigures, sub: number, basic: BasicData | null): void {
  const f = (k: keyof SangongFigures) => num(final[k]);
  const vehicleParts = f("purchase") !== null || f("operation") !== null ? (f("purchase") ?? zero).plus(f("operation") ?? zero) : f("vehicle");
  const total = f("total");
  if (sub === 1) {
    const shares: [string, Dec | null][] = [
      ["公务接待费支出决算", f("reception")],
      ["因公出国（境）费支出决算", f("overseas")],
      ["公务用车购置费及运行维护费支出决算", vehicleParts],
    ];
    for (const [label, v] of shares) {
      const m = new RegExp(`${label}${AMOUNT}[，,]占${PCT}`).exec(text);
      if (!m) continue;
      c.figure(m[1], v, label.replace(/支出决算$/, ""), null);
      c.share(m[2], v, total, label.replace(/支出决算$/, ""), "“三公”经费决算合计");
    }
    return;
  }
  const hit = SANGONG_LABELS.find(([, re]) => re.test(text));
  if (!hit) return;
  const [k, , label] = hit;
  const done = c.completion(text, label);
  if (!done) return;
  const m = new RegExp(`预算(?:数)?为${AMOUNT}[，,]\\s*(?:支出)?决算(?:数)?为${AMOUNT}`).exec(text)!;
  c.figure(m[1], num(budget[k]), `${label}预算数`, `sangong.budget.${k}`);
  c.figure(m[2], k === "total" ? total : f(k), `${label}决算数`, `sangong.final.${k}`);
  const prevRow = { total: basic?.sangong, overseas: basic?.overseas, vehicle: basic?.vehicle, purchase: basic?.vehiclePurchase, operation: basic?.vehicleOperation, reception: basic?.reception }[k];
  c.change(text, f(k), label, num(prevRow?.prevFinal ?? null));
}

/** Is this sheet a 决算情况说明 (its name, or a title ending with 决算情况说明 in its first rows)? */
export function isFinalAccountsNarrativeSheet(grid: Grid): boolean {
  if (/决算情况说明/.test(grid.sheet)) return true;
  return grid.values.slice(0, 3).some((row) => row.some((v) => typeof v === "string" && /部门决算情况说明$/.test(v.replace(/\s+/g, ""))));
}
