/** The rule catalogue as the user meets it: the order findings are listed in, and a rule found by its id. */
import { ruleById, RULES } from "../../../src/core";

test("ruleById finds a rule of the catalogue by its id, and nothing for an unknown id", () => {
  expect(ruleById("INPUT.YUAN")).toMatchObject({ id: "INPUT.YUAN", severity: "警告", title: "金额疑似以元填写" });
  expect(ruleById("SUM.ROUNDING")).toMatchObject({ id: "SUM.ROUNDING", severity: "提示" });
  expect(ruleById("NO.SUCH_RULE")).toBeUndefined();
  expect(ruleById("")).toBeUndefined();
});

test("the catalogue starts with the form checks: a blank sheet, then single cells (INPUT.*), then figures typed as text", () => {
  expect(RULES.slice(0, 8).map((r) => r.id)).toEqual([
    "FORM.BLANK",
    "INPUT.NOT_NUMBER",
    "INPUT.PLACEHOLDER",
    "INPUT.NEGATIVE",
    "INPUT.YUAN",
    "INPUT.REQUIRED",
    "INPUT.TEXT_AMOUNT",
    "BASIC.STAFF_RATE",
  ]);
});
