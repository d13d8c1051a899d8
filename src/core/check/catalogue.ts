/**
 * The rule catalogue: every check the add-in makes, in the order findings
 * are listed. To add a rule: write it in rules/, add it here, give it an
 * example, run `npm run docs:rules` (docs/rules.md is generated from this list).
 */
import { finalAccountsTextRules } from "../finalAccounts/checkText";
import { finalAccountsRules } from "../finalAccounts/rules";
import { basicRules } from "./rules/basic";
import { blankRules } from "./rules/blank";
import { contentRules } from "./rules/content";
import { crossSheetRules } from "./rules/crossSheet";
import { executionRules } from "./rules/execution";
import { textAmountRule } from "./rules/formulaInput";
import { indicatorRules } from "./rules/indicator";
import { inputRules } from "./rules/input";
import { scoreRules } from "./rules/score";
import { roundingRule } from "./rules/sums";
import { publishedRules } from "./rules/published";
import { unfilledRules } from "./rules/unfilled";
import { unitRules } from "./rules/units";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  ...blankRules,
  ...inputRules,
  textAmountRule,
  ...basicRules,
  roundingRule,
  ...executionRules,
  ...crossSheetRules,
  ...scoreRules,
  ...indicatorRules,
  ...unitRules,
  ...contentRules,
  ...unfilledRules,
  ...publishedRules,
  ...finalAccountsRules,
  ...finalAccountsTextRules,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
