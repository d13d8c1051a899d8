/** Shared by the report tests: the seed report texts and a filled-in 报告素材. */
import * as fs from "fs";
import * as path from "path";
import type { ReportMaterial } from "../../src/core/report";

/** A seed's report text, copied verbatim from /work/shared/seeds into test/fixtures/reports. */
export function seedReport(id: "000" | "002" | "003" | "004"): string {
  return fs.readFileSync(path.join(__dirname, "..", "fixtures", "reports", `seed-${id}-report.txt`), "utf8");
}

/** Seed 003's own texts (职能职责, 机构设置 …), as the accountant would type them into 报告素材. */
export const MATERIAL_003: ReportMaterial = {
  duties: "我中心是省政府办公厅管理的公益一类副厅级事业单位，为财政全额拨款单位和独立一级预算单位，主要职责为：\n（1）开展全省政务服务和大数据发展战略、地方性法规、规章、政策等方面的基础性研究工作。\n（2）承担政务服务和大数据相关标准规范体系建设的事务性工作。",
  organization: "我中心内设机构7个：综合部、人事部、规划发展部、云网建管安全部、政务服务部（政府网站部）、大数据资源部、大数据应用部。",
  staffNotes: "离休人员2人，退休人员78人。本年招考录用3人，调出6人，在职转退休1人。",
  goals: "",
  achievements: [
    "强化体系建设，全速融入“数字湖南”整体布局。全年X86云为98个单位开通网络访问权限486条。",
    "强化开放共享，全力推进“数字政务”提质增效。",
  ],
  problems: "（一）部分项目进度和预算执行有待加快。\n（二）绩效目标和指标设置量化程度有待加强。",
  improvements: "（一）合理编制年度项目资金，加快项目进展。\n（二）加大绩效管理宣传力度，提升绩效管理能力。",
  resultUse: "根据统一要求，将于6月20日前公开绩效自评报告，接受社会监督。",
  other: "",
};
