import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickTheme, type HostTheme } from "./theme";

// The only place in the task pane that looks at Office: it decides the theme, then hands over to React.
function hostTheme(): HostTheme | undefined {
  if (typeof Office === "undefined") return undefined;
  return Office.context?.officeTheme ?? undefined;
}

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={pickTheme(hostTheme())} style={{ minHeight: "100vh" }}>
      <App />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // Opened in a plain browser (tests, design work): render without a host.
  render();
} else {
  void Office.onReady(() => render());
}
