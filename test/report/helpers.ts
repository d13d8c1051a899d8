/** Shared by the report tests: the seed report texts and a filled-in 报告素材. */
import * as fs from "fs";
import * as path from "path";
import type { ReportMaterial } from "../../src/core/report";

/** A seed's report text, copied verbatim from /work/shared/seeds into test/fixtures/reports. */
export function seedReport(id: "000" | "002" | "003" | "004"): string {
  return fs.readFileSync(path.join(__dirname, "..", "fixtures", "reports", `seed-${id}-report.txt`), "utf8");
}

/**
 * Seed 003's own texts (文件依据, 职能职责, 机构设置, 人员经费 …), as the accountant types them into 报告素材:
 * the example the demo uses (examples/…material.json), copied from the seed's report text.
 */
export const MATERIAL_003: ReportMaterial = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "examples", "seed-003-湖南省政务服务和大数据中心-2024.material.json"), "utf8"),
) as ReportMaterial;
