/** 云南 2022 项目支出绩效自评表 (部门决算公开14表, 永德县明朗中学): amounts in 元, national weights and grades. */
import { NATIONAL_2020 } from "./national";
import { YUNNAN_LAYOUT } from "./layouts";
import type { Preset } from "./types";

export const YUNNAN_2022: Preset = {
  ...NATIONAL_2020,
  id: "yunnan-2022",
  label: "云南2022年（公开14表，金额单位元）",
  source: "永德县明朗中学 2022 年度项目支出绩效自评表（shared/cases yn-yongde-minglang-2022）",
  layout: YUNNAN_LAYOUT,
};
