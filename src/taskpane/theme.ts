import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The subset of Office.OfficeTheme we look at; every field may be missing on older hosts. */
export interface HostTheme {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Picks the Fluent theme matching Office's. Without a host theme (plain browser) it is light. */
export function pickTheme(host: HostTheme | undefined): Theme {
  if (!host) return webLightTheme;
  if (typeof host.isDarkTheme === "boolean") return host.isDarkTheme ? webDarkTheme : webLightTheme;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(host.bodyBackgroundColor ?? "");
  if (!m) return webLightTheme;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  // Relative luminance (ITU-R BT.601 weights) below the midpoint means a dark background.
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128 ? webDarkTheme : webLightTheme;
}
