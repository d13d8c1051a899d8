/** Generated packages for benchmarks: seed 004's shape, repeated to N projects. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Package } from "../src/core";

const seed004 = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "fixtures", "seeds", "seed-004.json"), "utf8")) as Package;
const seed003 = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "fixtures", "seeds", "seed-003.json"), "utf8")) as Package;

export function generatedPackage(projects: number): Package {
  const pkg: Package = structuredClone(seed003);
  pkg.projects = Array.from({ length: projects }, (_, i) => {
    const p = structuredClone(seed004.projects[i % seed004.projects.length]);
    p.name = `${p.name}${i + 1}`;
    return p;
  });
  return pkg;
}
