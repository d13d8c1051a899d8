/**
 * 部门决算情况说明, generated from the nine tables: the fifteen parts of seed 004
 * and the 名词解释. Every figure is quoted from the tables or computed from them
 * (decimal, half-up): shares with fixed denominators (收入 → 本年收入合计,
 * 支出 → 本年支出合计, 类 → 一般公共预算财政拨款支出合计, 三公 items → 三公合计),
 * changes against the previous year, completion rates against 年初预算 (none
 * when the base is 0). What the tables do not hold (上年数, 年初预算, reasons,
 * 政府采购, 资产) is asked for by a prompt, never invented.
 * Pure: model in, document tree out (rendered like the 自评报告: sheet, .docx, clipboard).
 */
import { amountOrNull } from "../amount";
import { D, type Dec, round } from "../decimal";
import type { BasicData, Raw } from "../model";
import type { Finding } from "../check/types";
import { heading, paragraph, prompt, promptText, title, type ReportBlock, type ReportDocument, type Run } from "../report/document";
import { WARNING_PREFIX } from "../report/generate";
import { functionalLevel, type CodeTable, type FinalAccounts, type SangongFigures } from "./model";
import { BALANCE_INCOME_ROWS, CODE_TABLE_COLUMNS, FA_TITLES, NUMBERING_2022, PERSONNEL_CLASSES, SANGONG_COLUMNS, type CodeTableId, type FaNumbering } from "./templates";

/** The fifteen parts of 第三部分 部门决算情况说明 (seed 004). */
export const FA_NARRATIVE_PARTS = [
  "收入支出决算总体情况说明",
  "收入决算情况说明",
  "支出决算情况说明",
  "财政拨款收入支出决算总体情况说明",
  "一般公共预算财政拨款支出决算情况说明",
  "一般公共预算财政拨款基本支出决算情况说明",
  "政府性基金预算财政拨款收入支出决算情况",
  "国有资本经营预算财政拨款收入支出决算情况",
  "财政拨款三公经费支出决算情况说明",
  "关于机关运行经费支出说明",
  "一般性支出情况说明",
  "关于政府采购支出说明",
  "关于国有资产占用情况说明",
  "关于预算绩效情况的说明",
  "其他",
] as const;

export const FA_NARRATIVE_TITLE_SUFFIX = "年度部门决算情况说明";
export const FA_GLOSSARY_HEADING = "名词解释";

/** 名词解释 as seed 004 publishes it. */
export const FA_GLOSSARY: [term: string, meaning: string][] = [
  ["财政拨款收入", "指单位从同级财政部门取得的财政预算资金。"],
  ["事业收入", "指事业单位开展专业业务活动及辅助活动取得的收入。"],
  ["经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。"],
  ["其他收入", "指单位取得的除上述收入以外的各项收入。"],
  ["使用非财政拨款结余", "指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。"],
  ["年初结转和结余", "指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。"],
  ["“三公经费”支出", "指通过财政拨款资金安排的因公出国（境）费、公务用车购置及运行费和公务接待费支出。"],
  ["机关运行经费", "指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。"],
];

/** 功能分类 类 names (2024 政府收支分类科目), for "一般公共服务（类）" when the table lists only 项. */
export const FUNCTION_CLASS_NAMES: Record<string, string> = {
  "201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出", "205": "教育支出", "206": "科学技术支出",
  "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出", "209": "社会保险基金支出", "210": "卫生健康支出", "211": "节能环保支出",
  "212": "城乡社区支出", "213": "农林水支出", "214": "交通运输支出", "215": "资源勘探工业信息等支出", "216": "商业服务业等支出",
  "217": "金融支出", "219": "援助其他地区支出", "220": "自然资源海洋气象等支出", "221": "住房保障支出", "222": "粮油物资储备支出",
  "224": "灾害防治及应急管理支出", "227": "预备费", "229": "其他支出", "230": "转移性支出", "231": "债务还本支出", "232": "债务付息支出",
};

/** Common 款 names (seed 004); a 款 row of the table itself wins. */
export const FUNCTION_SECTION_NAMES: Record<string, string> = {
  "20101": "人大事务", "20102": "政协事务", "20103": "政府办公厅（室）及相关机构事务", "20104": "发展与改革事务", "20106": "财政事务",
  "20111": "纪检监察事务", "20129": "群众团体事务", "20131": "党委办公厅（室）及相关机构事务", "20132": "组织事务", "20199": "其他一般公共服务支出",
  "20805": "行政事业单位养老支出", "20899": "其他社会保障和就业支出", "21011": "行政事业单位医疗", "22102": "住房改革支出",
};

/** What the tables do not hold: previous year, 年初预算 (万元). Blank → a prompt. */
export interface FaNarrativeExtra {
  prevTotal?: Raw; // 上年收支总计
  prevFiscalTotal?: Raw; // 上年财政拨款收支总计
  prevGeneralExpense?: Raw; // 上年一般公共预算财政拨款支出
  initialBudget?: Raw; // 一般公共预算财政拨款支出年初预算数
  /** 项 code → 年初预算数. */
  initialBudgets?: Record<string, Raw>;
  prevOperatingFunds?: Raw; // 上年机关运行经费
}

export interface FaNarrativeOptions {
  extra?: FaNarrativeExtra;
  /** 附件1 基础数据表, for the previous year's 三公 figures. */
  basic?: BasicData | null;
  numbering?: FaNumbering;
  /** Put the nine tables (as report tables) before the 情况说明 (the .docx does). */
  withTables?: boolean;
  /** The checker's findings: 错误 open the document with a warning, as for the 自评报告. */
  findings?: Finding[];
}

const num = (raw: Raw | undefined): Dec | null => amountOrNull(raw ?? null);
const zero = new D(0);
/** Amount as the 情况说明 writes it: "1227.61", "1171", "17.3", "0". */
export const amountText = (x: Dec): string => round(x, 2).toFixed().replace(/^-0$/, "0");
const wan = (x: Dec): string => `${amountText(x)}万元`;
/** Percent as the 情况说明 writes it: "95.39%", "100%", "101%". */
export const percentText = (fraction: Dec): string => `${round(fraction.times(100), 2).toFixed()}%`;

/** "占95.39%" — nothing when the denominator is 0 or missing. */
function shareText(part: Dec, total: Dec | null, of = ""): string {
  if (!total || total.isZero()) return "";
  return `，占${of}${percentText(part.dividedBy(total))}`;
}

/** "与上年相比，减少526.73万元，减少30.02%" (seed 004's wording); a prompt when the previous year is not given. */
function changeSentence(cur: Dec, prev: Dec | null, what: string): { text: string; needsReason: boolean } {
  if (prev === null) return { text: `与上年相比，【请填写上年${what}，增减额与增减率】`, needsReason: false };
  const diff = round(cur, 2).minus(round(prev, 2));
  if (diff.isZero()) return { text: "与上年持平", needsReason: false };
  const verb = diff.greaterThan(0) ? "增加" : "减少";
  const rateVerb = diff.greaterThan(0) ? "增长" : "减少";
  const pct = prev.isZero() ? "（上年为0，无可比）" : `，${rateVerb}${percentText(diff.abs().dividedBy(prev))}`;
  return { text: `与上年相比，${verb}${wan(diff.abs())}${pct}`, needsReason: true };
}

const REASON = "主要原因是：【请填写原因】";

/** "一般公共服务支出" → "一般公共服务（类）支出"; "社会保障和就业支出" → "社会保障和就业（类）支出". */
function classPhrase(name: string): string {
  return /支出$/.test(name) ? `${name.replace(/支出$/, "")}（类）支出` : `${name}（类）`;
}

function codeName(table: CodeTable | null, code: string, dict: Record<string, string>): string | null {
  return table?.rows.find((r) => r.code === code)?.name ?? dict[code] ?? null;
}

/** "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）" */
function itemPhrase(table: CodeTable | null, code: string, name: string): string {
  const cls = codeName(table, code.slice(0, 3), FUNCTION_CLASS_NAMES);
  const sec = codeName(table, code.slice(0, 5), FUNCTION_SECTION_NAMES);
  return `${cls ? `${cls.replace(/支出$/, "")}（类）` : ""}${sec ? `${sec}（款）` : ""}${name}（项）`;
}

/** Σ of rows at the lowest level of a 功能分类 table (the 合计 when the 合计 row is blank). */
function column(table: CodeTable | null, key: string): Dec | null {
  if (!table) return null;
  const t = num(table.total[key]);
  if (t) return t;
  const rows = table.rows.filter((r) => !table.rows.some((o) => o !== r && o.code.startsWith(r.code)));
  return rows.length ? rows.reduce((a, r) => a.plus(num(r.values[key]) ?? zero), zero) : null;
}

/** The 情况说明 of the tables: fifteen parts and 名词解释. */
export function generateFinalAccountsNarrative(fa: FinalAccounts, options: FaNarrativeOptions = {}): ReportDocument {
  const y = fa.year;
  const x = options.extra ?? {};
  const blocks: ReportBlock[] = [title(`${y}${FA_NARRATIVE_TITLE_SUFFIX}`)];
  const errors = (options.findings ?? []).filter((f) => f.severity === "错误");
  if (errors.length > 0) {
    const first = errors.slice(0, 3).map((f) => `${f.sheet}${f.cell ? ` ${f.cell}` : ""}：${f.message.replace(/。$/, "")}`);
    blocks.push(prompt("请核对", `${WARNING_PREFIX.slice("【请核对：".length)}${errors.length}处错误，下文数字取自表格，可能随之有误，请先更正表格再生成：${first.join("；")}${errors.length > 3 ? "；……" : ""}`));
  }
  if (options.withTables) blocks.push(...finalAccountsTableBlocks(fa, options.numbering));
  const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
  const part = (i: number) => blocks.push(heading(1, `${CN[i]}、${i === 13 ? `关于${y}年度预算绩效情况的说明` : FA_NARRATIVE_PARTS[i]}`));
  const sub = (i: number, text: string) => blocks.push(heading(2, `（${CN[i]}）${text}`));
  const p = (text: string) => blocks.push(withPrompts(text));
  const ask = (text: string) => blocks.push(withPrompts(text));
  // A table that is there but blank (the template as inserted) is not "未找到": the user is told to fill it in.
  const missing = (table: string, present = false) =>
    ask(present ? `【「${table}」尚未填写，本部分请填写表格后重新生成或手工填写】` : `【未找到「${table}」，本部分请补充表格后重新生成或手工填写】`);

  const b = fa.balance;
  const income = fa.income;
  const expense = fa.expense;
  const general = fa.general;

  // 一、收入支出决算总体情况说明
  part(0);
  const grand = num(b?.income.grandTotal) ?? num(b?.expense.grandTotal);
  if (grand) {
    const c = changeSentence(grand, num(x.prevTotal), "收支总计");
    p(`${y}年度收、支总计${wan(grand)}。${c.text}${c.needsReason ? `，${REASON}` : ""}。`);
  } else missing(FA_TITLES.balance, b !== null);

  // 二、收入决算情况说明 (shares of 本年收入合计)
  part(1);
  const incomeTotal = num(b?.income.total) ?? column(income, "total");
  if (incomeTotal) {
    const fiscal = b ? [b.income.general, b.income.govFund, b.income.stateCapital].reduce<Dec>((a, r) => a.plus(num(r) ?? zero), zero) : (column(income, "fiscal") ?? zero);
    const parts: [string, Dec][] = [
      ["财政拨款收入", fiscal],
      ["上级补助收入", num(b?.income.superior) ?? column(income, "superior") ?? zero],
      ["事业收入", num(b?.income.business) ?? column(income, "business") ?? zero],
      ["经营收入", num(b?.income.operating) ?? column(income, "operating") ?? zero],
      ["附属单位上缴收入", num(b?.income.affiliated) ?? column(income, "affiliated") ?? zero],
      ["其他收入", num(b?.income.other) ?? column(income, "other") ?? zero],
    ];
    p(`${y}年度收入合计${wan(incomeTotal)}，其中：${parts.map(([l, v]) => `${l}${wan(v)}${shareText(v, incomeTotal)}`).join("；")}。`);
  } else missing(FA_TITLES.income, income !== null || b !== null);

  // 三、支出决算情况说明 (shares of 本年支出合计)
  part(2);
  const expenseTotal = num(b?.expense.total) ?? column(expense, "total");
  if (expenseTotal && expense) {
    const parts = CODE_TABLE_COLUMNS.expense.filter((c) => c.key !== "total").map((c) => [c.header, column(expense, c.key) ?? zero] as [string, Dec]);
    p(`${y}年度支出合计${wan(expenseTotal)}，其中：${parts.map(([l, v]) => `${l}${wan(v)}${shareText(v, expenseTotal)}`).join("；")}。`);
  } else missing(FA_TITLES.expense, expense !== null);

  // 四、财政拨款收入支出决算总体情况说明
  part(3);
  const fiscalGrand = num(fa.fiscalBalance?.income.grandTotal) ?? num(fa.fiscalBalance?.expense.grandTotal.total);
  if (fiscalGrand) {
    const c = changeSentence(fiscalGrand, num(x.prevFiscalTotal), "财政拨款收支总计");
    p(`${y}年度财政拨款收、支总计${wan(fiscalGrand)}，${c.text}${c.needsReason ? `，${REASON}` : ""}。`);
  } else missing(FA_TITLES.fiscalBalance, fa.fiscalBalance !== null);

  // 五、一般公共预算财政拨款支出决算情况说明
  part(4);
  const generalTotal = column(general, "total");
  if (generalTotal && general) {
    sub(0, "一般公共预算财政拨款支出决算总体情况");
    const c = changeSentence(generalTotal, num(x.prevGeneralExpense), "一般公共预算财政拨款支出");
    p(`${y}年度财政拨款支出${wan(generalTotal)}${shareText(generalTotal, expenseTotal, "本年支出合计的")}，${c.text.replace("与上年相比，", "与上年相比，财政拨款支出")}${c.needsReason ? `，${REASON}` : ""}。`);

    sub(1, "一般公共预算财政拨款支出决算结构情况");
    const classes = new Map<string, Dec>();
    const leaves = general.rows.filter((r) => !general.rows.some((o) => o !== r && o.code.startsWith(r.code)));
    for (const r of leaves) classes.set(r.code.slice(0, 3), (classes.get(r.code.slice(0, 3)) ?? zero).plus(num(r.values.total) ?? zero));
    const structure = [...classes]
      .filter(([, v]) => !v.isZero())
      .map(([code, v]) => `${classPhrase(codeName(general, code, FUNCTION_CLASS_NAMES) ?? code)}${wan(v)}${shareText(v, generalTotal)}`);
    p(`${y}年度财政拨款支出${wan(generalTotal)}，主要用于以下方面：${structure.join("；")}。`);

    sub(2, "一般公共预算财政拨款支出决算具体情况");
    const budget = num(x.initialBudget);
    p(`${y}年度财政拨款支出年初预算数为${budget ? wan(budget) : "【请填写年初预算数】万元"}，支出决算数为${wan(generalTotal)}${completion(generalTotal, budget)}，其中：`);
    general.rows
      .filter((r) => functionalLevel(r.code) === "项")
      .forEach((r, i) => {
        const v = num(r.values.total) ?? zero;
        p(`${i + 1}、${itemPhrase(general, r.code, r.name)}。`);
        const base = x.initialBudgets?.[r.code] === undefined ? null : num(x.initialBudgets[r.code]);
        if (base === null) {
          ask(`年初预算为【请填写】万元，支出决算为${wan(v)}，【决算数大于或小于年初预算数时请说明主要原因】。`);
          return;
        }
        const cmp = round(v, 2).comparedTo(round(base, 2));
        const reason = cmp > 0 ? "，决算数大于年初预算数的主要原因是：【请填写原因】" : cmp < 0 ? "，决算数小于年初预算数的主要原因是：【请填写原因】" : "";
        p(`年初预算为${wan(base)}，支出决算为${wan(v)}${completion(v, base)}${reason}。`);
      });
  } else missing(FA_TITLES.general, general !== null);

  // 六、一般公共预算财政拨款基本支出决算情况说明 (shares of 基本支出)
  part(5);
  const d = fa.basicDetail;
  const basicTotal = column(general, "basic");
  if (d && basicTotal) {
    const personnel = num(d.personnel) ?? zero;
    const pub = num(d.public) ?? zero;
    const names = (isPersonnel: boolean) =>
      d.items
        .filter((it) => it.code.length === 5 && PERSONNEL_CLASSES.includes(it.code.slice(0, 3)) === isPersonnel && !(num(it.amount) ?? zero).isZero())
        .map((it) => it.name)
        .join("、");
    p(`${y}年度财政拨款基本支出${wan(basicTotal)}，其中：`);
    p(`人员经费${wan(personnel)}${shareText(personnel, basicTotal, "基本支出的")}${names(true) ? `，主要包括${names(true)}` : ""}。`);
    p(`公用经费${wan(pub)}${shareText(pub, basicTotal, "基本支出的")}${names(false) ? `，主要包括${names(false)}` : ""}。`);
  } else missing(FA_TITLES.basicDetail, d !== null);

  // 七、八、政府性基金 / 国有资本经营
  fundPart(6, "govFund", "政府性基金预算财政拨款", "政府性基金");
  fundPart(7, "stateCapital", "国有资本经营预算财政拨款", "国有资本经营预算");
  function fundPart(i: number, id: "govFund" | "stateCapital", what: string, short: string) {
    part(i);
    const t = fa[id];
    // Without its table nothing says there was none: ask, never state 无.
    if (!t) return missing(FA_TITLES[id]);
    const v = (k: string) => wan(column(t, k) ?? zero);
    const incomeV = id === "govFund" ? v("income") : wan(num(fa.fiscalBalance?.income.stateCapital) ?? zero);
    const opening = id === "govFund" ? v("opening") : wan(num(fa.fiscalBalance?.income.openingStateCapital) ?? zero);
    const closing = id === "govFund" ? v("closing") : wan(num(fa.fiscalBalance?.expense.closing.stateCapital) ?? zero);
    const empty = !t || (column(t, "total") ?? zero).isZero();
    p(`${y}年度${what}收入${incomeV}；年初结转和结余${opening}；支出${v("total")}，其中基本支出${v("basic")}，项目支出${v("project")}；年末结转和结余${closing}。${empty ? `具体情况如下：本单位无${short}收支。` : ""}`);
    if (!empty) ask("具体情况如下：【请说明主要支出方向和用途】");
  }

  // 九、三公 (shares of 三公合计 决算数)
  part(8);
  const s = fa.sangong;
  // A 09表 with no figure at all is not filled in yet: its blanks are never stated as 0.
  const sangongBlank = s !== null && [s.budget, s.final].every((f) => Object.values(f).every((v) => num(v as Raw) === null));
  if (s && !sangongBlank) sangongPart(s.budget, s.final, options.basic ?? null);
  else missing(FA_TITLES.sangong, s !== null);
  function sangongPart(budget: SangongFigures, final: SangongFigures, basic: BasicData | null) {
    const prevOf: Record<keyof SangongFigures, Raw | undefined> = {
      total: basic?.sangong.prevFinal,
      overseas: basic?.overseas.prevFinal,
      vehicle: basic?.vehicle.prevFinal,
      purchase: basic?.vehiclePurchase.prevFinal,
      operation: basic?.vehicleOperation.prevFinal,
      reception: basic?.reception.prevFinal,
    };
    const line = (k: keyof SangongFigures, label: string) => {
      const bv = num(budget[k]) ?? zero;
      const fv = num(final[k]) ?? zero;
      const cmp = round(fv, 2).comparedTo(round(bv, 2));
      const reason = cmp < 0 ? "，决算数小于预算数的主要原因是：【请填写原因】" : cmp > 0 ? "，决算数大于预算数的主要原因是：【请填写原因】" : "";
      const prev = num(prevOf[k] ?? null);
      const c = changeSentence(fv, prev, `${label}决算数`);
      const why = c.needsReason ? `，${round(fv, 2).greaterThan(round(prev ?? zero, 2)) ? "增加" : "减少"}的主要原因是：【请填写原因】` : "";
      return `${label}支出预算为${wan(bv)}，支出决算为${wan(fv)}${completion(fv, bv, "完成预算的")}${reason}，${c.text}${why}`;
    };
    sub(0, "“三公”经费财政拨款支出决算总体情况说明");
    p(`“三公”经费财政拨款${line("total", "")}。其中：`);
    p(`${line("overseas", "因公出国（境）费")}。`);
    p(`${line("reception", "公务接待费")}。`);
    p(`${line("purchase", "公务用车购置费")}。`);
    p(`${line("operation", "公务用车运行维护费")}。`);
    sub(1, "“三公”经费财政拨款支出决算具体情况说明");
    const total = num(final.total);
    const fv = (k: keyof SangongFigures) => num(final[k]) ?? zero;
    // 公务用车 = 购置 + 运行维护 whenever either is written (as FA.SANGONG_SUM and the text check have it): a 小计 that
    // misses its parts (seed 004: 1.4 vs 0 + 1.19) is an 错误 the warning above names, not a figure to repeat.
    const vehicle = num(final.purchase) !== null || num(final.operation) !== null ? fv("purchase").plus(fv("operation")) : (num(final.vehicle) ?? zero);
    p(
      `${y}年度“三公”经费财政拨款支出决算中，公务接待费支出决算${wan(fv("reception"))}${shareText(fv("reception"), total)}，因公出国（境）费支出决算${wan(fv("overseas"))}${shareText(fv("overseas"), total)}，公务用车购置费及运行维护费支出决算${wan(vehicle)}${shareText(vehicle, total)}。其中：`,
    );
    ask(`1、因公出国（境）费支出决算为${wan(fv("overseas"))}，全年安排因公出国（境）团组【请填写】个，累计【请填写】人次。`);
    ask(`2、公务接待费支出决算为${wan(fv("reception"))}，全年共接待来访团组【请填写】个、来宾【请填写】人次，主要是【请填写接待内容】。`);
    ask(
      `3、公务用车购置费及运行维护费支出决算为${wan(vehicle)}，其中：公务用车购置费${wan(fv("purchase"))}，更新公务用车【请填写】辆。公务用车运行维护费${wan(fv("operation"))}，主要是公务车辆燃料费、保险费、维修费等支出，截止${y}年12月31日，开支财政拨款的公务用车保有量为【请填写】辆。`,
    );
  }

  // 十、机关运行经费 (= 公用经费 of 06表 for 行政单位)
  part(9);
  if (d && num(d.public)) {
    const c = changeSentence(num(d.public)!, num(x.prevOperatingFunds), "机关运行经费决算数");
    p(`本部门${y}年度机关运行经费支出${wan(num(d.public)!)}，${c.text.replace("与上年相比，", "比上年决算数")}${c.needsReason ? `。${REASON}` : ""}。`);
  } else ask(`本部门${y}年度机关运行经费支出【请填写】万元，比上年决算数【请填写增减额与增减率】。`);

  // 十一、一般性支出 (会议费 30215, 培训费 30216 of 06表)
  part(10);
  const econ = (code: string) => num(d?.items.find((it) => it.code === code)?.amount ?? null);
  const meeting = econ("30215");
  const training = econ("30216");
  ask(
    `${y}年本部门开支会议费${meeting ? wan(meeting) : "【请填写】万元"}，【请填写会议个数、人数和内容】；开支培训费${training ? wan(training) : "【请填写】万元"}，【请填写培训个数、人数和内容】（含项目支出中的会议费、培训费时请一并说明）。`,
  );

  // 十二 – 十五: facts the tables do not hold
  part(11);
  ask(
    `本部门${y}年度政府采购支出总额【请填写】万元，其中：政府采购货物支出【请填写】万元、政府采购工程支出【请填写】万元、政府采购服务支出【请填写】万元。授予中小企业合同金额【请填写】万元，占政府采购支出总额的【请填写】%，其中：授予小微企业合同金额【请填写】万元。`,
  );
  part(12);
  ask(`截至${y}年12月31日，部门（单位）共有车辆【请填写】辆，其中……；单位价值100万元以上设备（不含车辆）【请填写】台（套）。`);
  part(13);
  ask("【请填写绩效管理工作开展情况、部门整体支出绩效情况、存在的问题及原因分析（可引用部门整体支出绩效自评报告）】");
  part(14);
  ask("【请填写部门决算公开的渠道等其他需要说明的情况；没有则写“无”】");

  // 名词解释
  blocks.push(heading(1, FA_GLOSSARY_HEADING));
  FA_GLOSSARY.forEach(([term, meaning], i) => p(`${CN[i]}、${term}：${meaning}`));
  return { unit: fa.unit, year: y, blocks };
}

/** "，完成年初预算的99.08%" — nothing when the base is 0 or missing (no completion rate on a 0 base). */
function completion(v: Dec, base: Dec | null, words = "完成年初预算的"): string {
  if (!base || base.isZero()) return "";
  return `，${words}${percentText(v.dividedBy(base))}`;
}

const fmtCell = (raw: Raw | undefined): string => {
  const v = num(raw ?? null);
  return v ? round(v, 2).toFixed(2) : raw === null || raw === undefined ? "" : String(raw);
};

/** The nine tables as report tables (for the .docx): 功能分类 tables with their rows, 01/04/09 flattened. */
export function finalAccountsTableBlocks(fa: FinalAccounts, numbering: FaNumbering = NUMBERING_2022): ReportBlock[] {
  const out: ReportBlock[] = [];
  const cap = (id: keyof typeof FA_TITLES) => `公开${numbering.numbers[id]}表 ${FA_TITLES[id]}`;
  const ids = (Object.keys(numbering.numbers) as (keyof typeof FA_TITLES)[]).sort((a, b) => numbering.numbers[a].localeCompare(numbering.numbers[b]));
  for (const id of ids) {
    if (id === "balance" && fa.balance) {
      const t = fa.balance;
      const n = Math.max(BALANCE_INCOME_ROWS.length, t.expenseItems.length);
      const rows: string[][] = Array.from({ length: n }, (_, i) => {
        const inc = BALANCE_INCOME_ROWS[i];
        const e = t.expenseItems[i];
        return [inc ? inc[1] : "", inc ? fmtCell(t.income[inc[0]]) : "", e ? e.name : "", e ? fmtCell(e.amount) : ""];
      });
      rows.push(
        ["本年收入合计", fmtCell(t.income.total), "本年支出合计", fmtCell(t.expense.total)],
        ["使用非财政拨款结余", fmtCell(t.income.nonFiscalBalance), "结余分配", fmtCell(t.expense.distribution)],
        ["年初结转和结余", fmtCell(t.income.opening), "年末结转和结余", fmtCell(t.expense.closing)],
        ["总计", fmtCell(t.income.grandTotal), "总计", fmtCell(t.expense.grandTotal)],
      );
      out.push({ kind: "table", caption: cap(id), unit: "万元", header: ["收入项目", "决算数", "支出项目", "决算数"], rows });
    } else if (id === "fiscalBalance" && fa.fiscalBalance) {
      const t = fa.fiscalBalance;
      const rows = [...t.expenseItems.map((e) => [e.name, fmtCell(e.total), fmtCell(e.general), fmtCell(e.govFund), fmtCell(e.stateCapital)]), ["本年支出合计", fmtCell(t.expense.total.total), fmtCell(t.expense.total.general), fmtCell(t.expense.total.govFund), fmtCell(t.expense.total.stateCapital)]];
      out.push({ kind: "table", caption: cap(id), unit: "万元", header: ["支出项目", "合计", "一般公共预算", "政府性基金", "国有资本经营"], rows });
    } else if (id === "basicDetail" && fa.basicDetail) {
      const t = fa.basicDetail;
      const rows = [...t.items.filter((it) => it.code.length === 3 || !(num(it.amount) ?? zero).isZero()).map((it) => [it.code, it.name, fmtCell(it.amount)]), ["", "人员经费合计", fmtCell(t.personnel)], ["", "公用经费合计", fmtCell(t.public)]];
      out.push({ kind: "table", caption: cap(id), unit: "万元", header: ["经济分类科目编码", "科目名称", "决算数"], rows });
    } else if (id === "sangong" && fa.sangong) {
      const t = fa.sangong;
      out.push({ kind: "table", caption: cap(id), unit: "万元", header: ["", ...SANGONG_COLUMNS.map(([, h]) => h)], rows: (["budget", "final"] as const).map((k) => [k === "budget" ? "预算数" : "决算数", ...SANGONG_COLUMNS.map(([c]) => fmtCell(t[k][c]))]) });
    } else if (id in CODE_TABLE_COLUMNS && fa[id]) {
      const t = fa[id] as CodeTable;
      const cols = CODE_TABLE_COLUMNS[id as CodeTableId];
      const rows = [["合计", "", ...cols.map((c) => fmtCell(t.total[c.key]))], ...t.rows.map((r) => [r.code, r.name, ...cols.map((c) => fmtCell(r.values[c.key]))])];
      if (t.rows.length === 0 && t.note) rows.push([t.note, "", ...cols.map(() => "")]);
      out.push({ kind: "table", caption: cap(id), unit: "万元", header: ["科目编码", "科目名称", ...cols.map((c) => c.header)], rows });
    }
  }
  return out;
}

/**
 * A sentence with gaps only the department can fill ("全年安排因公出国（境）团组【请填写】个"): the gaps become prompts
 * in the report's one style (【待填写：…】, red, found by REPORT.PLACEHOLDER), the rest stays ordinary text.
 */
function withPrompts(text: string): ReportBlock {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(/【([^】]*)】/g)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    const what = m[1].replace(/^请(?:填写)?/, "") || "数字";
    runs.push({ text: promptText("待填写", what), prompt: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  const onlyPrompt = runs.every((r) => r.prompt || !r.text.trim());
  return onlyPrompt ? { kind: "paragraph", runs, prompt: true } : paragraph(...runs);
}
