// `npm run demo`: the headless main job on a fresh machine. Builds the CLI, turns the bundled
// example (seed 003) into a workbook and a blank template under out/, types the unit's own texts
// (examples/…material.json, copied from seed 003's report) into its 报告素材 sheet as a user would,
// checks the example (printing the seed's real findings), writes the example's report .docx (no
// 【待填写】 left; the seed's own table errors stay as 【请核对】) and says where the files are.
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "out");
const example = path.join(root, "examples", "seed-003-湖南省政务服务和大数据中心-2024.json");
const material = path.join(root, "examples", "seed-003-湖南省政务服务和大数据中心-2024.material.json");
const workbook = path.join(out, "seed-003-湖南省政务服务和大数据中心-2024.xlsx");
const blank = path.join(out, "空白模板-2024.xlsx");
const report = path.join(out, "湖南省政务服务和大数据中心2024年度部门整体支出绩效自评报告.docx");
const rel = (p) => path.relative(process.cwd(), p) || p;

function step(title, args, okCodes = [0]) {
  console.log(`\n== ${title} ==\n$ jixiao ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  const r = spawnSync(process.execPath, [path.join(root, "bin", "jixiao.js"), ...args], { stdio: "inherit", cwd: process.cwd() });
  if (!okCodes.includes(r.status ?? -1)) {
    console.error(`演示中断：上一步的退出码是 ${r.status}。`);
    process.exit(1);
  }
  return r.status;
}

const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(1);
fs.mkdirSync(out, { recursive: true });

step("由示例模型生成工作簿（湖南省政务服务和大数据中心 2024）", ["import", rel(example), rel(workbook), "--force"]);
await fillMaterial(workbook, JSON.parse(fs.readFileSync(material, "utf8")));
step("生成空白模板（内置公式，无需加载项）", ["template", rel(blank), "--unit", "湖南省政务服务和大数据中心", "--year", "2024", "--projects", "2", "--force"]);
// The example keeps the seed's real mistakes: check exits 1 (错误 found), which is the point of the demo.
const code = step("校验示例工作簿（原件中的真实错误）", ["check", rel(workbook)], [0, 1]);

// The tables' 错误 are kept on purpose: the report is generated all the same and opens with a warning.
step("由示例工作簿生成自评报告（Word，GB/T 9704 公文版式）", ["report", rel(workbook), "--docx", rel(report), "--force"]);

console.log("\n== 生成的文件 ==");
console.log(`示例工作簿：${workbook}`);
console.log(`空白模板：  ${blank}`);
console.log(`自评报告：  ${report}`);
console.log(`校验结果：退出码 ${code}（1 表示发现「错误」级问题，与原件中的错误一致）`);

/**
 * Types the example's 报告素材 into the workbook's 报告素材 sheet, by label (column A → column B), as the
 * user does in Excel; 主要成绩 one per row. Texts are written as text (none starts with "=").
 */
async function fillMaterial(file, texts) {
  console.log(`\n== 填写「报告素材」（${rel(material)}，摘自原报告）==`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("报告素材");
  if (!ws) {
    console.error("演示中断：示例工作簿中没有「报告素材」表。");
    process.exit(1);
  }
  const labels = { noticeTitle: "通知名称", noticeNumber: "通知文号", period: "评价时段", organizationWork: "工作组织", duties: "职能职责", organization: "机构设置", staffNotes: "人员情况说明", staffBudget: "人员经费预算数", staffFinal: "人员经费实际支出", stateCapitalExpense: "国有资本经营预算支出", socialInsuranceExpense: "社会保险基金预算支出", goals: "年度绩效目标", problems: "存在的问题", improvements: "改进措施", resultUse: "结果应用和公开", other: "其他需要说明的情况", signatureUnit: "落款单位", signatureDate: "成文日期" };
  const rows = new Map();
  ws.eachRow((row, n) => {
    const label = String(row.getCell(1).value ?? "").trim();
    if (!rows.has(label)) rows.set(label, []);
    rows.get(label).push(n);
  });
  let filled = 0;
  for (const [key, label] of Object.entries(labels)) {
    const at = rows.get(label)?.[0];
    if (at && texts[key]) {
      ws.getCell(at, 2).value = String(texts[key]);
      filled++;
    }
  }
  const achievementRows = rows.get("主要成绩") ?? [];
  (texts.achievements ?? []).slice(0, achievementRows.length).forEach((t, i) => {
    ws.getCell(achievementRows[i], 2).value = String(t);
    filled++;
  });
  await wb.xlsx.writeFile(file);
  console.log(`已填写 ${filled} 项。`);
}
