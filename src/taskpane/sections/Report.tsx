import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { blockText, type ReportDocument } from "../../core/report";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  preview: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "60vh",
    overflowY: "auto",
    fontFamily: '"FangSong", "仿宋", "STFangsong", serif',
    lineHeight: 1.7,
  },
  title: { textAlign: "center", fontSize: "18px", fontWeight: 700, margin: "8px 0" },
  h1: { fontWeight: 700, margin: "8px 0 4px", fontFamily: '"SimHei", "黑体", sans-serif' },
  h2: { fontWeight: 700, margin: "6px 0 2px", fontFamily: '"KaiTi", "楷体", serif' },
  p: { textIndent: "2em", margin: "2px 0" },
  prompt: { textIndent: "2em", margin: "2px 0", color: tokens.colorPaletteRedForeground1 },
  signature: { textAlign: "right", margin: "2px 0", paddingRight: "4em" },
  gap: { color: tokens.colorPaletteRedForeground1 },
  table: { borderCollapse: "collapse", width: "100%", fontSize: "12px", "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px" } },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalL },
});

export interface ReportProps {
  doc: ReportDocument | null;
  tableErrors: number;
  busy: boolean;
  onGenerate(): void;
  onToSheet(): void;
  onToDocx(): void;
  onCopy(): void;
  link: { href: string; fileName: string } | null;
  done: string | null;
}

export function Report({ doc, tableErrors, busy, onGenerate, onToSheet, onToDocx, onCopy, link, done }: ReportProps) {
  const styles = useStyles();
  return (
    <div>
      {tableErrors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>表格校验有 {tableErrors} 个错误。报告仍可生成，但开头会列出这些错误；建议先在「校验」中修正。</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy} onClick={onGenerate}>
          由表格生成报告
        </Button>
        {doc && (
          <>
            <Button disabled={busy} onClick={onToSheet}>
              写入新工作表
            </Button>
            <Button disabled={busy} onClick={onToDocx}>
              下载 Word
            </Button>
            <Button disabled={busy} onClick={onCopy}>
              复制到剪贴板
            </Button>
          </>
        )}
      </div>
      {done && <Text size={200}>{done}</Text>}
      {link && (
        <Text as="p" size={200}>
          如果没有开始下载，请
          <Link href={link.href} download={link.fileName} target="_blank">
            点此保存 {link.fileName}
          </Link>
          。
        </Text>
      )}
      {!doc && (
        <Text as="p" block className={styles.empty}>
          报告由各附件表的数字生成：收支总额与占比、同比增减、在职人员控制率、“三公”经费预算与实际、执行率、总分与等级、各项目得分。职能职责、主要成绩、存在问题等请先填在「报告素材」工作表中。
        </Text>
      )}
      {doc && (
        <article className={styles.preview} aria-label="报告预览">
          {doc.blocks.map((b, i) => {
            switch (b.kind) {
              case "title":
                return (
                  <h2 key={i} className={styles.title}>
                    {b.lines.map((l, j) => (
                      <span key={j} style={{ display: "block" }}>
                        {l}
                      </span>
                    ))}
                  </h2>
                );
              case "heading":
                return b.level === 1 ? (
                  <h3 key={i} className={styles.h1}>
                    {b.text}
                  </h3>
                ) : (
                  <h4 key={i} className={styles.h2}>
                    {b.text}
                  </h4>
                );
              case "table":
                return (
                  <table key={i} className={styles.table}>
                    <caption>{b.caption}</caption>
                    <thead>
                      <tr>
                        {b.header.map((h, j) => (
                          <th key={j}>{h}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {b.rows.map((r, j) => (
                        <tr key={j}>
                          {r.map((c, k) => (
                            <td key={k}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              case "signature":
                return b.lines.map((l, j) => (
                  <p key={`${i}.${j}`} className={l.some((r) => r.prompt) ? styles.prompt : styles.signature}>
                    {l.map((r) => r.text).join("")}
                  </p>
                ));
              default:
                // A whole prompt paragraph is red; a prompt run inside report text (a gap to fill) is red on its own.
                return b.prompt || !b.runs.some((r) => r.prompt) ? (
                  <p key={i} className={b.prompt ? styles.prompt : styles.p}>
                    {blockText(b)}
                  </p>
                ) : (
                  <p key={i} className={styles.p}>
                    {b.runs.map((r, j) => (
                      <span key={j} className={r.prompt ? styles.gap : undefined}>
                        {r.text}
                      </span>
                    ))}
                  </p>
                );
            }
          })}
        </article>
      )}
    </div>
  );
}
