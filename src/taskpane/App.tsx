/**
 * The task pane. It reaches the workbook only through the SpreadsheetHost it
 * is given; everything it computes comes from src/core.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  checkGrids,
  heightsToRefit,
  classifySheet,
  faMaterialLayout,
  finalAccountsLayouts,
  generateFinalAccountsNarrative,
  readFaMaterial,
  type FaNumbering,
  clipboardPayload,
  generateReport,
  prompts,
  layoutSheet,
  inLayoutUnit,
  withLayout,
  newWorkbookLayouts,
  projectSheetName,
  projectTemplate,
  readMaterial,
  renderSheet,
  setJxPreset,
  type Finding,
  type Grid,
  type ReportDocument,
  type Severity,
} from "../core";
import type { SpreadsheetHost } from "../host/types";
import { Checks } from "./sections/Checks";
import { ProjectSheets } from "./sections/ProjectSheets";
import { FinalAccounts } from "./sections/FinalAccounts";
import { Finalize } from "./sections/Finalize";
import { Report } from "./sections/Report";
import { planFinalize } from "./finalize";
import { copyRich, saveFile } from "./save";
import { SettingsSection } from "./sections/SettingsSection";
import { Templates } from "./sections/Templates";
import { loadSettings, presetOf, saveSettings, type Settings } from "./settings";
import { useBusy } from "./useBusy";

/** The task pane sections, in tab order. */
export const SECTIONS = [
  { id: "templates", label: "模板" },
  { id: "checks", label: "校验" },
  { id: "report", label: "报告" },
  { id: "settings", label: "设置" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorBrandForeground1, margin: 0 },
});

const NO_TABLES = "工作簿中没有找到附件表。请先在「模板」中插入，或打开已填写的附件表。";

/** Waits this long after the last edit before re-checking. */
const RECHECK_DELAY_MS = 800;

export function App({ host, initialSection = "templates" }: { host: SpreadsheetHost | null; initialSection?: SectionId }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<SectionId>(initialSection);
  const [settings, setSettingsState] = useState<Settings>(() => loadSettings());
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [projectSheets, setProjectSheets] = useState<string[]>([]);
  const [lastInserted, setLastInserted] = useState<string[]>([]);
  const [report, setReport] = useState<ReportDocument | null>(null);
  const [reportLink, setReportLink] = useState<{ href: string; fileName: string } | null>(null);
  const [reportDone, setReportDone] = useState<string | null>(null);
  const [finalized, setFinalized] = useState<string | null>(null);
  const [filter, setFilter] = useState<Record<Severity, boolean>>({ 错误: true, 警告: true, 提示: true });
  /** Did the last check find any 附件 sheet? (An empty workbook says so, and nothing else.) */
  const [tablesFound, setTablesFound] = useState(true);
  /** What to do next, after each action; shown on the tab it belongs to. */
  const [hint, setHint] = useState<{ tab: SectionId; text: string } | null>(null);
  /** The tab an error arose on: the banner is shown there only, and can be closed. */
  const [errorTab, setErrorTab] = useState<SectionId | null>(null);
  const busy = useBusy();
  const preset = useMemo(() => presetOf(settings), [settings]);
  const supportsJx = useMemo(() => host?.supportsCustomFunctions() ?? false, [host]);

  useEffect(() => setJxPreset(preset), [preset]);

  const setSettings = (s: Settings) => {
    setSettingsState(s);
    saveSettings(s);
  };
  const flavour = settings.flavour === "auto" ? (supportsJx ? "jx" : "native") : settings.flavour;

  // The grids of the last check: rows whose text changed since get their height refitted (issue 10).
  const lastGrids = useRef<Grid[] | null>(null);
  const check = useCallback(
    async (label = "正在校验…") => {
      if (!host) return;
      await busy.run(label, async () => {
        const grids = await host.readGrids();
        const result = checkGrids(grids, preset);
        const refit = heightsToRefit(lastGrids.current, grids, result, preset);
        lastGrids.current = grids;
        if (refit.length > 0) await host.setRowHeights?.(refit);
        setFindings(result.findings);
        setNotices(result.notices);
        setProjectSheets(result.sheets.filter((s) => s.kind === "project").map((s) => s.name));
        setTablesFound(result.sheets.length > 0);
        if (result.sheets.length === 0) {
          setNotices([NO_TABLES]);
          setHint({ tab: "checks", text: "下一步：到「模板」点「插入全部附件表」，或打开已填写的附件表后再校验。" });
        } else {
          const errors = result.findings.filter((f) => f.severity === "错误").length;
          setHint({
            tab: "checks",
            text: errors > 0 ? "下一步：点击一条问题跳到它的单元格更正；开启「修改后自动校验」时，改完会自动重新校验。" : "下一步：到「报告」点「由表格生成报告」。",
          });
        }
      });
    },
    [host, preset, busy],
  );

  // Re-check after edits, debounced, once the user has checked at least once.
  const checkRef = useRef(check);
  checkRef.current = check;
  const checkedOnce = findings !== null;
  useEffect(() => {
    if (!host || !settings.autoCheck || !checkedOnce) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let cancelled = false;
    void host
      .onChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void checkRef.current("修改后自动校验…"), RECHECK_DELAY_MS);
      })
      .then((u) => (cancelled ? void u() : (unsubscribe = u)))
      .catch(() => undefined); // hosts without change events: the 开始校验 button still works
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [host, settings.autoCheck, checkedOnce]);

  const insertAll = () =>
    host &&
    busy.run("正在插入附件表…", async () => {
      const layouts = newWorkbookLayouts({ year: settings.year, unit: settings.unit, projects: settings.projects, specialFundRows: settings.specialFundRows, preset });
      const { names } = await host.insertSheets(layouts, flavour);
      setLastInserted(names);
      setHint({ tab: "templates", text: "下一步：在新插入的表中填写黄色单元格，然后到「校验」点「开始校验」。" });
    });

  const addProject = () =>
    host &&
    busy.run("正在添加项目表…", async () => {
      const existing = (await host.readGrids()).filter((g) => classifySheet(g) === "project").length;
      const n = existing + 1;
      const params = { year: settings.year, unit: settings.unit, preset };
      const data = { department: settings.unit, implementer: settings.unit, funds: { total: { weight: preset.projectExecutionWeight } } };
      // In the chosen preset's own layout (its column order, header words and unit), as 插入全部附件表 does.
      const layout = layoutSheet(withLayout(projectTemplate(params, n), preset.layout), inLayoutUnit(data, preset.layout), projectSheetName("", n));
      const { names } = await host.insertSheets([layout], flavour);
      setLastInserted(names);
      setProjectSheets((s) => [...s, ...names]);
      setHint({ tab: "templates", text: `下一步：在「${names[0]}」中填写项目名称和黄色单元格，然后到「校验」点「开始校验」。` });
    });

  const removeProject = (name: string) =>
    host &&
    busy.run(`正在删除「${name}」…`, async () => {
      await host.deleteSheet(name);
      setProjectSheets((s) => s.filter((x) => x !== name));
      setHint({ tab: "templates", text: `已删除「${name}」。下一步：到「校验」重新校验，总分和报告将不再包含这张项目表。` });
    });

  const generate = () =>
    host &&
    busy.run("正在由表格生成报告…", async () => {
      const grids = await host.readGrids();
      const result = checkGrids(grids, preset);
      if (result.sheets.length === 0) throw new Error("工作簿中没有找到附件表，无法生成报告。请先插入并填写附件1、附件2。");
      setFindings(result.findings);
      setNotices(result.notices);
      const tableFindings = result.findings.filter((f) => !f.rule.startsWith("REPORT."));
      const doc = generateReport(result.pkg, readMaterial(grids, result.pkg.year), tableFindings, { preset, finalAccounts: result.finalAccounts });
      setReport(doc);
      setReportLink(null);
      setReportDone(null);
      const left = prompts(doc);
      const fill = left.filter((t) => t.startsWith("【待填写")).length;
      const verify = left.length - fill;
      setHint({
        tab: "report",
        text:
          left.length === 0
            ? "下一步：写入工作表、下载 Word 文档或复制到本单位的模板。"
            : `下一步：报告中有${fill ? ` ${fill} 处【待填写】（到「报告素材」表补充）` : ""}${fill && verify ? "和" : ""}${verify ? ` ${verify} 处【请核对】（更正表格）` : ""}，红字标出；处理后重新生成，或写入后逐处修改并删去提示。`,
      });
    });

  // 部门决算公开: insert the nine tables; narrate them into the 报告 tab (same outputs as the 自评报告).
  const insertFinalAccounts = (numbering: FaNumbering) =>
    host &&
    busy.run("正在插入决算公开表…", async () => {
      const layouts = [...finalAccountsLayouts({ year: settings.year, unit: settings.unit, numbering }), faMaterialLayout({ year: settings.year })];
      const { names } = await host.insertSheets(layouts, "native");
      setLastInserted(names);
    });

  const narrateFinalAccounts = () =>
    host &&
    busy.run("正在由决算表生成情况说明…", async () => {
      const grids = await host.readGrids();
      const result = checkGrids(grids, preset);
      if (!result.finalAccounts) throw new Error("工作簿中没有找到部门决算公开表（收入支出决算总表……财政拨款“三公”经费支出决算表）。请先插入并填写。");
      setFindings(result.findings);
      setNotices(result.notices);
      const tableFindings = result.findings.filter((f) => f.rule.startsWith("FA.") && !f.rule.startsWith("FA.TEXT"));
      const extra = readFaMaterial(grids) ?? undefined;
      setReport(generateFinalAccountsNarrative(result.finalAccounts, { basic: result.pkg.basic, findings: tableFindings, withTables: true, extra }));
      setReportLink(null);
      setReportDone(null);
      setSelected("report");
    });

  const reportToSheet = () =>
    host &&
    report &&
    busy.run("正在写入报告工作表…", async () => {
      const name = await host.insertReportSheet(renderSheet(report, /决算情况说明$/.test(report.blocks[0]?.kind === "title" ? report.blocks[0].text : "") ? "决算情况说明" : undefined));
      setReportDone(`报告已写入新工作表「${name}」。`);
      setHint({ tab: "report", text: "下一步：在报告工作表中修改文字后，到「校验」点「开始校验」，报告中的数字和留下的红字提示会与表格一并核对。" });
    });

  const reportToDocx = () =>
    report &&
    busy.run("正在生成 Word 文档…", async () => {
      // The docx package is loaded only now, when asked for.
      const { renderDocxBlob, docxFileName } = await import(/* webpackChunkName: "report-docx" */ "../report-docx");
      const outcome = await saveFile(await renderDocxBlob(report), docxFileName(report));
      if (outcome.kind === "link") setReportLink({ href: outcome.href, fileName: outcome.fileName });
      setReportDone("Word 文档已生成。");
    });

  const reportToClipboard = () =>
    report &&
    busy.run("正在复制…", async () => {
      await copyRich(clipboardPayload(report));
      setReportDone("报告已复制（带格式），可粘贴到本单位的 Word 模板中。");
    });

  const finalize = () =>
    host &&
    busy.run("正在定稿…", async () => {
      const plan = planFinalize(await host.readGrids(), preset);
      await host.writeCells(plan.writes);
      setFinalized(
        plan.writes.length === 0
          ? "工作簿中没有 JX 公式，无需定稿。"
          : `已定稿：${plan.native} 个公式改为内置公式${plan.values > 0 ? `，${plan.values} 个公式改为数值（没有等价的内置函数，或读的是文字金额）` : ""}。${plan.listed.map((l) => `${l.sheet}!${l.cell}：${l.reason}。`).join("")}`,
      );
      setHint({ tab: "templates", text: "下一步：保存工作簿，即可发给没有安装本加载项的同事或财政部门。" });
    });

  const goto = (f: Finding) => {
    if (!host) return;
    if (!f.cell) {
      busy.clearError();
      return;
    }
    void busy.run("正在定位…", () => host.select(f.sheet, f.cell));
  };

  // An error belongs to the tab it arose on.
  useEffect(() => {
    if (busy.error) setErrorTab((t) => t ?? selected);
    else setErrorTab(null);
    // Only when the error changes, not when the tab does (selected is read, not depended on).
  }, [busy.error]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={24} height={24} alt="" />
        <Text as="h1" size={500} weight="semibold">
          绩效自评助手
        </Text>
      </header>
      {!host && (
        <MessageBar intent="warning">
          <MessageBarBody>没有连接到 Excel：请在 Excel 中通过「绩效自评」按钮打开本任务窗格。</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={selected} onTabSelect={(_e, d: SelectTabData) => setSelected(d.value as SectionId)} aria-label="功能分区">
        {SECTIONS.map((s) => (
          <Tab key={s.id} value={s.id}>
            {s.label}
            {s.id === "checks" && findings && findings.some((f) => f.severity === "错误") ? "（有错误）" : ""}
          </Tab>
        ))}
      </TabList>
      {busy.label && <Spinner size="tiny" label={busy.label} labelPosition="after" />}
      {busy.error && errorTab === selected && (
        <MessageBar intent="error">
          <MessageBarBody>{busy.error}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="关闭错误提示" onClick={busy.clearError}>×</Button>} />
        </MessageBar>
      )}
      {hint && hint.tab === selected && !busy.label && (
        <Text as="p" size={200} role="status" className={styles.hint}>
          {hint.text}
        </Text>
      )}
      <section role="tabpanel" aria-label={SECTIONS.find((s) => s.id === selected)?.label}>
        {selected === "templates" && (
          <>
            <Templates settings={settings} onChange={setSettings} onInsertAll={insertAll} onAddProject={addProject} busy={!!busy.label || !host} lastInserted={lastInserted} />
            <ProjectSheets sheets={projectSheets} onRemove={removeProject} busy={!!busy.label} />
            <Finalize onFinalize={finalize} busy={!!busy.label || !host} result={finalized} defaultOpen={projectSheets.length > 0 || (findings !== null && tablesFound)} />
            <FinalAccounts onInsert={insertFinalAccounts} onNarrate={narrateFinalAccounts} busy={!!busy.label || !host} />
          </>
        )}
        {selected === "checks" && (
          <Checks
            findings={findings}
            tablesFound={tablesFound}
            notices={notices}
            filter={filter}
            onFilter={setFilter}
            onCheck={() => void check()}
            onGoto={goto}
            autoCheck={settings.autoCheck}
            onAutoCheck={(v) => setSettings({ ...settings, autoCheck: v })}
            busy={!!busy.label || !host}
          />
        )}
        {selected === "report" && (
          <Report
            doc={report}
            tableErrors={(findings ?? []).filter((f) => f.severity === "错误" && !f.rule.startsWith("REPORT.")).length}
            busy={!!busy.label || !host}
            onGenerate={generate}
            onToSheet={reportToSheet}
            onToDocx={reportToDocx}
            onCopy={reportToClipboard}
            link={reportLink}
            done={reportDone}
          />
        )}
        {selected === "settings" && <SettingsSection settings={settings} onChange={setSettings} supportsJx={supportsJx} />}
      </section>
    </main>
  );
}
