/**
 * Getting the report out of the task pane. Office webviews differ: some block blob downloads,
 * some the async clipboard. Each function tries the standard way first and says what happened,
 * so the UI can offer the fallback (a data-URI link the user can open or save).
 */

export type SaveOutcome = { kind: "downloaded" } | { kind: "link"; href: string; fileName: string };

/** Offers `blob` as a download; also returns a data-URI link for webviews that block blob downloads. */
export async function saveFile(blob: Blob, fileName: string, doc: Document = document): Promise<SaveOutcome> {
  const href = await dataUri(blob);
  try {
    const url = URL.createObjectURL(blob);
    const a = doc.createElement("a");
    a.href = url;
    a.download = fileName;
    a.rel = "noopener";
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch {
    // fall through to the link
  }
  // Whether the webview actually saved the file cannot be observed: always keep the link at hand.
  return { kind: "link", href, fileName };
}

export function dataUri(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("无法读取文件内容"));
    reader.readAsDataURL(blob);
  });
}

/** Copies formatted HTML with a plain-text alternative. Returns how it was done, or throws in Chinese. */
export async function copyRich(payload: { "text/plain": string; "text/html": string }, doc: Document = document): Promise<"clipboard" | "execCommand"> {
  const nav = globalThis.navigator as Navigator | undefined;
  if (nav?.clipboard && typeof ClipboardItem !== "undefined") {
    try {
      await nav.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([payload["text/plain"]], { type: "text/plain" }),
          "text/html": new Blob([payload["text/html"]], { type: "text/html" }),
        }),
      ]);
      return "clipboard";
    } catch {
      // Permission refused in this webview: try the older way.
    }
  }
  const holder = doc.createElement("div");
  holder.contentEditable = "true";
  holder.style.position = "fixed";
  holder.style.left = "-9999px";
  holder.innerHTML = payload["text/html"];
  doc.body.appendChild(holder);
  const range = doc.createRange();
  range.selectNodeContents(holder);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const ok = doc.execCommand?.("copy") ?? false;
  selection?.removeAllRanges();
  holder.remove();
  if (!ok) throw new Error("复制失败：此 Office 版本不允许加载项写剪贴板。请改用“写入新工作表”或“下载 Word”。");
  return "execCommand";
}
