/** The task pane's settings: what the user chooses in 模板 and 设置, kept in the browser's storage. */
import { HUNAN_2024, presetById, type Preset } from "../core";

export type FlavourChoice = "auto" | "jx" | "native";

export interface Settings {
  unit: string;
  year: number;
  projects: number;
  specialFundRows: number;
  presetId: string;
  flavour: FlavourChoice;
  /** Re-check automatically after edits. */
  autoCheck: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  unit: "",
  year: new Date().getFullYear() - 1, // the self-evaluation is filled the year after
  projects: 0, // no 附件3 unless the user asks for some (issue 10)
  specialFundRows: 2,
  presetId: HUNAN_2024.id,
  flavour: "auto",
  autoCheck: true,
};

const KEY = "jixiao.settings.v1";

export function loadSettings(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Settings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_SETTINGS;
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(s: Settings, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage can be disabled in some Office webviews; the settings then last for the session.
  }
}

export function presetOf(s: Settings): Preset {
  return presetById(s.presetId) ?? HUNAN_2024;
}
