/** The sheets of a whole package: 附件1, 附件2 and one 附件3 per project. */
import type { Package } from "../model";
import { basicTemplate } from "./basic";
import { layoutSheet, type SheetLayout } from "./layout";
import { inLayoutUnit, withLayout } from "./presetLayout";
import { PROJECT_SHEET_PREFIX, projectTemplate } from "./project";
import { selfEvaluationTemplate } from "./selfEvaluation";
import type { TemplateParams } from "./types";

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]：]/g, " ").replace(/\s+/g, " ").trim();
  return cleaned.slice(0, 31) || "Sheet";
}

export function projectSheetName(projectName: string, index: number): string {
  return safeSheetName(`${PROJECT_SHEET_PREFIX}${projectName.trim() || `项目${index}`}`);
}

/**
 * Layouts for a package's data, or for an empty package of `projects` projects.
 * Names are the defaults; a host that finds a name taken picks a free one.
 */
export function packageLayouts(params: TemplateParams & { projects?: number }, pkg?: Package | null): SheetLayout[] {
  const layouts: SheetLayout[] = [];
  const p = pkg ? { ...params, year: pkg.year } : params;
  if (!pkg || pkg.basic) layouts.push(layoutSheet(basicTemplate(p, pkg?.basic?.specialLabel), pkg?.basic ?? undefined));
  if (!pkg || pkg.selfEvaluation) {
    const data = pkg?.selfEvaluation ? { ...pkg.selfEvaluation, unit: pkg.unit } : { unit: params.unit ?? "", funds: { weight: params.preset.weights.execution } };
    layouts.push(layoutSheet(withLayout(selfEvaluationTemplate(p), params.preset.layout), data));
  }
  const projects = pkg ? pkg.projects : Array.from({ length: params.projects ?? 1 }, () => null);
  const used = new Set(layouts.map((l) => l.name));
  projects.forEach((project, i) => {
    let name = projectSheetName(project?.name ?? "", i + 1);
    for (let k = 2; used.has(name); k++) name = safeSheetName(`${name.slice(0, 28)}(${k})`);
    used.add(name);
    const data = project ?? { department: params.unit ?? "", implementer: params.unit ?? "", funds: { total: { weight: params.preset.projectExecutionWeight } } };
    // The preset's own layout (column order, header words, unit): 四川, 云南, 贵州 … (presets/layouts.ts).
    layouts.push(layoutSheet(withLayout(projectTemplate(p, i + 1), params.preset.layout), inLayoutUnit(data, params.preset.layout), name));
  });
  return layouts;
}
