/** The --help texts: the 用法 lines at the top name every option the 选项 list below explains. */
import { HELP, MAIN_HELP } from "../../src/cli/help";

describe("help texts", () => {
  test.each(Object.keys(HELP))("jixiao %s --help: every option under 选项 is in the 用法 lines", (cmd) => {
    const text = HELP[cmd];
    const usage = text.split("\n\n")[0];
    const options = text.includes("\n选项：\n") ? text.split("\n选项：\n")[1].split("\n\n")[0] : "";
    const listed = [...options.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
    for (const opt of listed) expect(`${cmd}: ${usage.includes(opt) ? opt : `${opt} missing from 用法`}`).toBe(`${cmd}: ${opt}`);
  });

  test("template --help lists --preset and --final-accounts in its 用法 (they were only further down)", () => {
    const usage = HELP.template.split("\n\n")[0];
    expect(usage).toContain("[--preset 方案]");
    expect(usage).toContain("--final-accounts");
    expect(usage).toContain("--numbering");
  });

  test("jixiao --help mentions the 部门决算公开 commands", () => {
    expect(MAIN_HELP).toContain("--final-accounts");
  });
});
