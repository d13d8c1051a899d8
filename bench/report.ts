/**
 * Report benchmark (issue 5): generating the narrative report of a 100-project package, rendering
 * it for the sheet and the clipboard, checking its text, and packing its .docx.
 */
import { performance } from "node:perf_hooks";
import { checkGrids, HUNAN_2024, layoutToGrid, packageLayouts } from "../src/core";
import { checkReportText, generateReport, renderHtml, renderPlainText, renderSheet } from "../src/core/report";
import { renderDocx } from "../src/report-docx";
import { generatedPackage } from "./generate";
import { line, measure, ms } from "./harness";

async function run(): Promise<void> {
  const pkg = generatedPackage(100);
  const grids = packageLayouts({ year: pkg.year, preset: HUNAN_2024 }, pkg).map((l) => layoutToGrid(l));
  const findings = checkGrids(grids).findings;
  const doc = generateReport(pkg, null, findings);
  const text = renderPlainText(doc);

  console.log("\n== 自评报告（100 个项目）==");
  line("生成报告（模型 → 文档树）", ms(measure("generate", 1, () => generateReport(pkg, null, findings), 15)), "目标 ≤ 20 ms");
  line("写入工作表的行（renderSheet）", ms(measure("sheet", 1, () => renderSheet(doc), 15)));
  line("剪贴板纯文本 + HTML", ms(measure("text", 1, () => [renderPlainText(doc), renderHtml(doc)], 15)));
  line("校验报告文字（checkReportText）", ms(measure("check", 1, () => checkReportText(text, pkg), 9)), `${text.length} 字`);

  await renderDocx(doc); // first call loads the docx package
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    bytes = (await renderDocx(doc)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  line("打包 .docx（docx 包已加载）", `${times[3].toFixed(2)} ms`, `${(bytes / 1024).toFixed(0)} KB，目标 ≤ 500 ms`);
}

/** Runs after the other benchmarks have finished (some are asynchronous), so that timings do not overlap. */
export function benchReport(): void {
  process.once("beforeExit", () => {
    void run();
  });
}
