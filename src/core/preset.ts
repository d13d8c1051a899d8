/**
 * Scoring presets: the rules that differ between provinces and years, one data file each under
 * presets/ (docs/presets.md). Hunan 2024 is the default. Tolerances are named settings, not literals in rules.
 */
import { GUIZHOU_2021 } from "./presets/guizhou2021";
import { HUBEI_2019 } from "./presets/hubei2019";
import { HUNAN_2024 } from "./presets/hunan2024";
import { HUNAN_STEPS } from "./presets/hunanOld";
import { NATIONAL_2020 } from "./presets/national";
import { SICHUAN_2022 } from "./presets/sichuan2022";
import { SUINING_2024 } from "./presets/suining2024";
import { YUNNAN_2022 } from "./presets/yunnan2022";
import type { Preset } from "./presets/types";

export type { ExecutionDenominator, FormLayout, LayoutColumn, Preset, Tolerances } from "./presets/types";
export { DEFAULT_TOLERANCES } from "./presets/types";
export { LAYOUTS } from "./presets/layouts";
export { GUIZHOU_2021, HUBEI_2019, HUNAN_2024, HUNAN_STEPS, NATIONAL_2020, SICHUAN_2022, SUINING_2024, YUNNAN_2022 };

/** Every shipped preset; the first is the default. */
export const PRESETS: Preset[] = [HUNAN_2024, NATIONAL_2020, SUINING_2024, HUNAN_STEPS, HUBEI_2019, SICHUAN_2022, YUNNAN_2022, GUIZHOU_2021];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
