import { Badge, Button, Switch, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { REPORT_RULES, ruleById, SEVERITIES, type Finding, type Severity } from "../../core";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  sheet: { marginTop: tokens.spacingVerticalM },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gridTemplateColumns: "auto auto 1fr",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
    textAlign: "left",
    width: "100%",
    padding: tokens.spacingVerticalXS,
    border: "none",
    background: "transparent",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { background: tokens.colorNeutralBackground1Hover },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3.5em" },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalL },
  notice: { color: tokens.colorPaletteMarigoldForeground2 },
});

const COLOR: Record<Severity, "danger" | "warning" | "informative"> = { 错误: "danger", 警告: "warning", 提示: "informative" };

/** The Chinese title of a rule (表格规则 and REPORT.* alike), for tooltips; the id only when unknown. */
export function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? REPORT_RULES.find((r) => r.id === id)?.title ?? id;
}

export interface ChecksProps {
  findings: Finding[] | null;
  /** False when the last check found no 附件 sheet: only that is said, not "没有发现问题". */
  tablesFound: boolean;
  notices: string[];
  filter: Record<Severity, boolean>;
  onFilter(f: Record<Severity, boolean>): void;
  onCheck(): void;
  onGoto(f: Finding): void;
  autoCheck: boolean;
  onAutoCheck(v: boolean): void;
  busy: boolean;
}

export function Checks({ findings, tablesFound, notices, filter, onFilter, onCheck, onGoto, autoCheck, onAutoCheck, busy }: ChecksProps) {
  const styles = useStyles();
  const counts: Record<Severity, number> = { 错误: 0, 警告: 0, 提示: 0 };
  for (const f of findings ?? []) counts[f.severity]++;
  const shown = (findings ?? []).filter((f) => filter[f.severity]);
  const bySheet = new Map<string, Finding[]>();
  for (const f of shown) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);

  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy} onClick={onCheck}>
          开始校验
        </Button>
        <Switch checked={autoCheck} label="修改后自动校验" onChange={(_, d) => onAutoCheck(d.checked)} />
      </div>
      {findings && tablesFound && (
        <div className={styles.bar} role="group" aria-label="按严重程度筛选">
          {SEVERITIES.map((s) => (
            <ToggleButton key={s} size="small" checked={filter[s]} onClick={() => onFilter({ ...filter, [s]: !filter[s] })}>
              {s} <Badge appearance="filled" color={COLOR[s]} size="small" style={{ marginLeft: 4 }}>{counts[s]}</Badge>
            </ToggleButton>
          ))}
        </div>
      )}
      {notices.map((n) => (
        <Text key={n} as="p" size={200} className={styles.notice}>
          {n}
        </Text>
      ))}
      {findings === null && (
        <Text as="p" block className={styles.empty}>
          点击「开始校验」后，这里按工作表列出发现的问题，每条注明单元格、应为多少、实际多少；点击一条即可跳到该单元格。
        </Text>
      )}
      {findings !== null && tablesFound && findings.length === 0 && (
        <Text as="p" block className={styles.empty}>
          没有发现问题：各表的合计、比率、得分与等级相互一致。
        </Text>
      )}
      {findings !== null && findings.length > 0 && shown.length === 0 && (
        <Text as="p" block className={styles.empty}>
          当前筛选下没有问题。
        </Text>
      )}
      {[...bySheet].map(([sheet, items]) => (
        <section key={sheet} className={styles.sheet} aria-label={sheet}>
          <Text as="h3" weight="semibold">
            {sheet}（{items.length}）
          </Text>
          <ul className={styles.list}>
            {items.map((f, i) => (
              <li key={`${f.rule}-${f.cell}-${i}`}>
                <button className={styles.item} onClick={() => onGoto(f)} title={f.cell ? `${ruleTitle(f.rule)}：点击定位到「${f.sheet}」${f.cell}` : ruleTitle(f.rule)} data-rule={f.rule} data-cell={f.cell}>
                  <Badge appearance="tint" color={COLOR[f.severity]}>
                    {f.severity}
                  </Badge>
                  <span className={styles.cell}>{f.cell || "—"}</span>
                  <span>{f.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
