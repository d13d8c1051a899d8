import * as fs from "fs";
import { RULES_DOC, rulesMarkdown } from "../../scripts/docs-rules";
import { REPORT_RULES, RULES } from "../../src/core";

test("docs/rules.md lists every rule of the catalogue, as generated (run npm run docs:rules)", () => {
  const doc = fs.readFileSync(RULES_DOC, "utf8");
  expect(doc).toBe(rulesMarkdown());
  for (const r of [...RULES, ...REPORT_RULES]) expect(doc).toContain(`## \`${r.id}\``);
});
