/**
 * The add-in's version, from package.json only: the task pane footer, `jixiao --version` and (stamped by
 * webpack.config.js at build time) the manifest's <Version> all read it from here or from package.json.
 */
import pkg from "../package.json";

/** Semantic version, e.g. "0.1.0". */
export const VERSION: string = pkg.version;

/** The manifest form n.n.n.n of a semantic version ("0.1.0" → "0.1.0.0"; a pre-release suffix is dropped). */
export function manifestVersion(version: string = VERSION): string {
  const parts = version.split(/[-+]/)[0]!.split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}
