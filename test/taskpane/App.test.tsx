import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { App, SECTIONS, type SectionId } from "../../src/taskpane/App";
import { pickTheme } from "../../src/taskpane/theme";

function render(section?: SectionId): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <App initialSection={section} />
    </FluentProvider>,
  );
}

describe("task pane shell", () => {
  test("shows the four sections as tabs", () => {
    const html = render();
    for (const label of ["模板", "校验", "报告", "设置"]) expect(html).toContain(`>${label}<`);
    expect(SECTIONS.map((s) => s.label)).toEqual(["模板", "校验", "报告", "设置"]);
  });

  test.each(SECTIONS.map((s) => [s.id, s.empty] as const))("section %s explains what will appear", (id, empty) => {
    expect(render(id)).toContain(empty);
    expect(empty).not.toMatch(/尚未实现|TODO/);
  });

  test("the checks section names its button", () => {
    expect(render("checks")).toContain("点击「开始校验」后，这里按工作表列出发现的问题");
  });
});

describe("pickTheme", () => {
  test("follows Office's dark flag, then its background colour, else light", () => {
    expect(pickTheme(undefined)).toBe(webLightTheme);
    expect(pickTheme({ isDarkTheme: true })).toBe(webDarkTheme);
    expect(pickTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(webLightTheme);
    expect(pickTheme({ bodyBackgroundColor: "#1f1f1f" })).toBe(webDarkTheme);
    expect(pickTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(pickTheme({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
  });
});
