/** 湖北 2019 项目支出绩效自评表 (鄂州市财政局): national weights and grades, the Hunan column order. */
import { NATIONAL_2020 } from "./national";
import { HUBEI_LAYOUT } from "./layouts";
import type { Preset } from "./types";

export const HUBEI_2019: Preset = {
  ...NATIONAL_2020,
  id: "hubei-2019",
  label: "湖北2019年（项目支出绩效自评表）",
  source: "鄂州市财政局 2019 年度项目支出绩效自评表（shared/cases hb-ezhou-czj-2019）",
  layout: HUBEI_LAYOUT,
};
