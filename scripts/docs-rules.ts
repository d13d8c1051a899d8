/**
 * Writes docs/rules.md from the rule catalogue (src/core/check/catalogue.ts), so that the docs,
 * the UI and the code share one id and one text per rule. `npm run docs:rules`; a test fails
 * when the file is out of date.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPORT_RULES, RULES } from "../src/core";

export function rulesMarkdown(): string {
  const lines = [
    "# 校验规则一览",
    "",
    "本文件由 `npm run docs:rules` 根据 `src/core/check/catalogue.ts` 生成，请勿手工修改。",
    "每条规则有唯一的编号（代码、测试、任务窗格和本文件用同一个编号）和严重程度：",
    "**错误**（数字相互矛盾）、**警告**（很可能有误或需要说明）、**提示**（值得一看）。",
    "示例取自真实公开材料（种子文件）中发现的问题，或按规则构造。",
    "",
    "| 编号 | 严重程度 | 规则 |",
    "| --- | --- | --- |",
    ...RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.title} |`),
    "",
  ];
  for (const r of RULES) {
    lines.push(`## \`${r.id}\` ${r.title}`, "", `严重程度：${r.severity}`, "", r.description, "", `示例：${r.example}`, "");
  }
  lines.push(
    "# 报告文字的核对",
    "",
    "工作簿中的自评报告（生成的、改过的、或从上年粘贴来的）在校验时逐句与表格核对（`src/core/report/checkText.ts`）。",
    "",
    "| 编号 | 严重程度 | 规则 |",
    "| --- | --- | --- |",
    ...REPORT_RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.title} |`),
    "",
  );
  for (const r of REPORT_RULES) {
    lines.push(`## \`${r.id}\` ${r.title}`, "", `严重程度：${r.severity}`, "", r.description, "", `示例：${r.example}`, "");
  }
  return lines.join("\n");
}

export const RULES_DOC = path.join(__dirname, "..", "docs", "rules.md");

if (require.main === module) {
  fs.writeFileSync(RULES_DOC, rulesMarkdown());
  console.log(`已写入 ${path.relative(process.cwd(), RULES_DOC)}（${RULES.length} 条规则）`);
}
