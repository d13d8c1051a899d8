import { Caption1, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";
import type { SpreadsheetHost } from "../host/types";
import { VERSION } from "../version";
import { App } from "./App";
import { requirementProblem, type RequirementProblem } from "./requirements";
import { pickTheme, type HostTheme } from "./theme";

// The only place in the task pane that looks at Office: it checks what this Excel supports, picks the host
// and the theme, then hands over to React. src/startup/startup.js (plain ES5, loaded first) explains in
// Chinese when we never get here: an IE11/EdgeHTML webview, office.js not loaded, Office not answering.

/** What src/startup/startup.js puts on window. */
interface Startup {
  oldEngine: string | null;
  started(): void;
  officeMissing(): void;
}
const startup = (window as unknown as { JixiaoStartup?: Startup }).JixiaoStartup;

function hostTheme(): HostTheme | undefined {
  if (typeof Office === "undefined") return undefined;
  return Office.context?.officeTheme ?? undefined;
}

/** The version from package.json, at the foot of every screen. */
function Footer() {
  return (
    <footer style={{ padding: "8px 12px", color: tokens.colorNeutralForeground3 }}>
      <Caption1 data-testid="version">绩效自评助手 {VERSION}</Caption1>
    </footer>
  );
}

function render(content: ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={pickTheme(hostTheme())} style={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <div style={{ flex: 1 }}>{content}</div>
      <Footer />
    </FluentProvider>,
  );
  startup?.started();
}

function RequirementNotice({ problem }: { problem: RequirementProblem }) {
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="warning" layout="multiline" data-testid="requirement-problem">
        <MessageBarBody>
          <MessageBarTitle>{problem.title}</MessageBarTitle>
          {problem.lines.map((line) => (
            <p key={line} style={{ margin: "6px 0" }}>
              {line}
            </p>
          ))}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

function start(host: SpreadsheetHost | null): void {
  render(<App host={host} />);
}

if (startup?.oldEngine) {
  // IE11 / EdgeHTML: startup.js already says why the pane cannot run here (in a real one this bundle does not even parse).
} else if (typeof Office === "undefined") {
  // office.js did not load (blocked CDN, incomplete offline copy): startup.js explains; without it (a bare page), design mode.
  if (startup) startup.officeMissing();
  else start(null);
} else {
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel || typeof Excel !== "undefined";
    if (!inExcel) {
      start(null); // a plain browser (design work)
      return;
    }
    const problem = requirementProblem((name, version) => Office.context.requirements.isSetSupported(name, version));
    if (problem) render(<RequirementNotice problem={problem} />);
    else start(createExcelHost());
  });
}
