import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";
import type { SpreadsheetHost } from "../host/types";
import { App } from "./App";
import { pickTheme, type HostTheme } from "./theme";

// The only place in the task pane that looks at Office: it picks the host and the theme, then hands over to React.
function hostTheme(): HostTheme | undefined {
  if (typeof Office === "undefined") return undefined;
  return Office.context?.officeTheme ?? undefined;
}

function render(host: SpreadsheetHost | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={pickTheme(hostTheme())} style={{ minHeight: "100vh" }}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // Opened in a plain browser (design work): render without a host.
  render(null);
} else {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel || typeof Excel !== "undefined" ? createExcelHost() : null));
}
