// 离线校验 manifest.xml 的结构。`office-addin-manifest validate` 需要联网调用微软的服务，
// 这里只检查本项目踩得到的规则：根元素与命名空间、元素顺序、GUID、版本号、长度上限、
// resid 定义、https、共享运行时、JX 命名空间、图标文件的像素尺寸。
// 正式部署的清单（npm run build -- --env url=… 生成的 dist/manifest.xml）加 --production：不许出现 localhost。
// 用法：tsx scripts/validate-manifest.ts [--production] [manifest.xml]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// ---------------------------------------------------------------------------
// A small, tolerant XML parser: enough for a manifest (elements, attributes,
// text, comments, CDATA, processing instructions). No DTDs, no namespaces
// resolution: names keep their prefix ("bt:Image").

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export class XmlParseError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

export function parseXml(src: string): XmlElement {
  const lineAt = (index: number): number => {
    let line = 1;
    for (let k = 0; k < index && k < src.length; k++) if (src.charCodeAt(k) === 10) line++;
    return line;
  };
  const fail = (index: number, message: string): never => {
    throw new XmlParseError(`第 ${lineAt(index)} 行：${message}`);
  };
  const readName = (at: number): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(src);
    if (!m) fail(at, "此处应为元素或属性名");
    return m![0];
  };
  const skipSpace = (at: number): number => {
    while (at < src.length && /\s/.test(src[at]!)) at++;
    return at;
  };
  const skipPast = (at: number, close: string, what: string): number => {
    const end = src.indexOf(close, at);
    if (end < 0) fail(at, `${what}没有结束（缺少“${close}”）`);
    return end + close.length;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (i < src.length) {
    if (src.startsWith("<?", i)) {
      i = skipPast(i, "?>", "处理指令");
    } else if (src.startsWith("<!--", i)) {
      i = skipPast(i, "-->", "注释");
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = skipPast(i, "]]>", "CDATA 段");
      if (stack.length === 0) fail(i, "根元素之外不能有 CDATA");
      stack[stack.length - 1]!.text += src.slice(i + 9, end - 3);
      i = end;
    } else if (src.startsWith("<!", i)) {
      i = skipPast(i, ">", "声明");
    } else if (src.startsWith("</", i)) {
      const name = readName(i + 2);
      const at = skipSpace(i + 2 + name.length);
      if (src[at] !== ">") fail(at, `结束标签 </${name}> 缺少“>”`);
      const open = stack.pop();
      if (!open) fail(i, `多余的结束标签 </${name}>`);
      if (open!.name !== name) fail(i, `结束标签 </${name}> 与第 ${open!.line} 行的开始标签 <${open!.name}> 不匹配`);
      i = at + 1;
    } else if (src[i] === "<") {
      const start = i;
      const name = readName(i + 1);
      const el: XmlElement = { name, attrs: {}, children: [], text: "", line: lineAt(start) };
      i += 1 + name.length;
      for (;;) {
        const before = i;
        i = skipSpace(i);
        if (src.startsWith("/>", i) || src[i] === ">") break;
        if (i >= src.length) fail(start, `开始标签 <${name}> 没有结束`);
        if (i === before) fail(i, `<${name}> 的属性之间缺少空白`);
        const attr = readName(i);
        i = skipSpace(i + attr.length);
        if (src[i] !== "=") fail(i, `属性 ${attr} 缺少“=”`);
        i = skipSpace(i + 1);
        const quote = src[i];
        if (quote !== '"' && quote !== "'") fail(i, `属性 ${attr} 的值应加引号`);
        const end = src.indexOf(quote!, i + 1);
        if (end < 0) fail(i, `属性 ${attr} 的值没有结束引号`);
        if (attr in el.attrs) fail(i, `<${name}> 的属性 ${attr} 重复`);
        el.attrs[attr] = decodeEntities(src.slice(i + 1, end));
        i = end + 1;
      }
      const selfClosing = src[i] === "/";
      i += selfClosing ? 2 : 1;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else if (root) fail(start, `只能有一个根元素，又出现了 <${name}>`);
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const end = src.indexOf("<", i);
      const raw = src.slice(i, end < 0 ? src.length : end);
      if (stack.length === 0) {
        if (raw.trim() !== "") fail(i, "根元素之外不能有文本");
      } else {
        stack[stack.length - 1]!.text += decodeEntities(raw);
      }
      i = end < 0 ? src.length : end;
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail(src.length, `第 ${open.line} 行的 <${open.name}> 没有结束标签`);
  }
  if (!root) fail(0, "文件中没有根元素");
  return root!;
}

// ---------------------------------------------------------------------------
// Manifest rules.

export interface ManifestProblem {
  /** Stable key for tests and tooling, e.g. "resid.undefined". */
  code: string;
  /** What is wrong, in Chinese, for the person editing the manifest. */
  message: string;
}

export interface ValidateOptions {
  /** Folder that https://localhost:3000/ serves from (the project root): icons are read from
   *  its assets/ folder. Leave out to skip the file checks (e.g. for manifests held in strings). */
  rootDir?: string;
  /** Expected custom-functions namespace. */
  namespace?: string;
  /** A manifest for a department's web server (dist/manifest.xml of `npm run build -- --env url=…`):
   *  localhost / 127.0.0.1 addresses are errors, and icons are read from rootDir relative to the
   *  folder of the task pane page (the hosting address). */
  production?: boolean;
}

/** Host names that only mean "this computer": never in a manifest other people install. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/** Children of <OfficeApp xsi:type="TaskPaneApp"> in the order the schema requires. */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const TOP_LEVEL_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

const LIMITS = { displayName: 125, description: 250, shortString: 125, longString: 250, url: 2048 };
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RESOURCE_KINDS: ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const KIND_LABEL: Record<ResourceKind, string> = {
  "bt:Images": "图片（bt:Images）",
  "bt:Urls": "网址（bt:Urls）",
  "bt:ShortStrings": "短字符串（bt:ShortStrings）",
  "bt:LongStrings": "长字符串（bt:LongStrings）",
};

/** Which resource list an element's resid must point into. */
function expectedKind(el: XmlElement, parent: XmlElement | undefined): ResourceKind | undefined {
  switch (el.name) {
    case "bt:Image":
      return "bt:Images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "LearnMoreUrl":
      return "bt:Urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "bt:ShortStrings";
    case "Description":
      return parent?.name === "Supertip" || parent?.name === "GetStarted" ? "bt:LongStrings" : undefined;
    default:
      return undefined;
  }
}

interface Walked {
  el: XmlElement;
  parent: XmlElement | undefined;
}

function walk(root: XmlElement): Walked[] {
  const out: Walked[] = [];
  const visit = (el: XmlElement, parent: XmlElement | undefined): void => {
    out.push({ el, parent });
    for (const c of el.children) visit(c, el);
  };
  visit(root, undefined);
  return out;
}

const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name);
const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] =>
  el ? el.children.filter((c) => c.name === name) : [];
const charCount = (s: string): number => [...s].length;

function readPngSize(file: string): { width: number; height: number } | undefined {
  const head = readFileSync(file).subarray(0, 24);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (head.length < 24 || !head.subarray(0, 8).equals(signature) || head.toString("ascii", 12, 16) !== "IHDR") {
    return undefined;
  }
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

export function validateManifest(xml: string, options: ValidateOptions = {}): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (code: string, message: string): void => {
    problems.push({ code, message });
  };
  const at = (el: XmlElement): string => `第 ${el.line} 行`;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlParseError) {
      report("xml.parse", `XML 无法解析：${err.message}`);
      return problems;
    }
    throw err;
  }

  // Root, namespaces, type.
  if (root.name !== "OfficeApp") {
    report("root.name", `根元素应为 <OfficeApp>，实际是 <${root.name}>`);
    return problems;
  }
  const nsChecks: [string, string][] = [
    ["xmlns", NS.officeApp],
    ["xmlns:xsi", NS.xsi],
    ["xmlns:bt", NS.bt],
  ];
  for (const [attr, uri] of nsChecks) {
    if (root.attrs[attr] !== uri) {
      report("root.namespace", `<OfficeApp> 的 ${attr} 应为 "${uri}"，实际是 "${root.attrs[attr] ?? "（缺少）"}"`);
    }
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") {
    report("root.type", `<OfficeApp> 的 xsi:type 应为 "TaskPaneApp"，实际是 "${root.attrs["xsi:type"] ?? "（缺少）"}"`);
  }

  // Top-level elements: known, unique, present, in schema order.
  let furthest: { name: string; index: number } | undefined;
  const seen = new Set<string>();
  for (const c of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(c.name);
    if (index < 0) {
      report("element.unknown", `${at(c)}：<OfficeApp> 下不应出现 <${c.name}>`);
      continue;
    }
    if (seen.has(c.name)) report("element.duplicate", `${at(c)}：<${c.name}> 只能出现一次`);
    seen.add(c.name);
    if (furthest && index < furthest.index) {
      report("element.order", `${at(c)}：元素顺序不符合架构，<${c.name}> 应排在 <${furthest.name}> 之前`);
    } else {
      furthest = { name: c.name, index };
    }
  }
  for (const name of TOP_LEVEL_REQUIRED) {
    if (!seen.has(name)) report("element.missing", `缺少必需元素 <${name}>`);
  }

  const top = (name: string): XmlElement | undefined => child(root, name);

  const id = top("Id");
  if (id && !GUID.test(id.text.trim())) {
    report("id.guid", `<Id> 不是有效的 GUID：“${id.text.trim()}”（应形如 xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx）`);
  }
  const version = top("Version");
  if (version && !VERSION.test(version.text.trim())) {
    report("version.format", `<Version> 应为 n.n.n.n 格式（如 1.0.0.0），实际是“${version.text.trim()}”`);
  }
  const provider = top("ProviderName");
  if (provider && provider.text.trim() === "") report("provider.empty", "<ProviderName> 不能为空");
  const locale = top("DefaultLocale");
  if (locale && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale.text.trim())) {
    report("locale.format", `<DefaultLocale> 不是有效的语言代码：“${locale.text.trim()}”`);
  }

  // Localised texts with DefaultValue + <Override Locale Value>.
  const checkLocalised = (el: XmlElement | undefined, label: string, max: number, code: string): void => {
    if (!el) return;
    const value = el.attrs.DefaultValue;
    if (value === undefined || value.trim() === "") {
      report(`${code}.empty`, `${at(el)}：${label} 缺少 DefaultValue`);
    } else if (charCount(value) > max) {
      report(`${code}.length`, `${at(el)}：${label} 的 DefaultValue 超过 ${max} 个字符（现为 ${charCount(value)} 个）`);
    }
    for (const o of el.children.filter((c) => c.name === "Override" || c.name === "bt:Override")) {
      if (!o.attrs.Locale) report("override.locale", `${at(o)}：${label} 的 <Override> 缺少 Locale`);
      const v = o.attrs.Value ?? "";
      if (charCount(v) > max) {
        report(
          `${code}.length`,
          `${at(o)}：${label} 的 ${o.attrs.Locale ?? ""} 覆盖值超过 ${max} 个字符（现为 ${charCount(v)} 个）`,
        );
      }
    }
  };
  checkLocalised(top("DisplayName"), "<DisplayName>", LIMITS.displayName, "displayName");
  checkLocalised(top("Description"), "<Description>", LIMITS.description, "description");

  const hosts = childrenNamed(top("Hosts"), "Host");
  if (top("Hosts") && !hosts.some((h) => h.attrs.Name === "Workbook")) {
    report("host.workbook", '<Hosts> 中应有 <Host Name="Workbook"/>（Excel）');
  }
  const permissions = top("Permissions");
  if (permissions && !PERMISSIONS.includes(permissions.text.trim())) {
    report("permissions.value", `<Permissions> 的值“${permissions.text.trim()}”无效，可选：${PERMISSIONS.join("、")}`);
  }
  const defaultSource = child(top("DefaultSettings"), "SourceLocation");
  if (top("DefaultSettings") && !defaultSource?.attrs.DefaultValue) {
    report("defaultSettings.source", "<DefaultSettings> 缺少 <SourceLocation DefaultValue=…>");
  }

  // URLs: every place that holds one must be https.
  const urlValues: { value: string; el: XmlElement }[] = [];
  for (const { el } of walk(root)) {
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urlValues.push({ value: value.trim(), el });
    }
    if (el.children.length === 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim())) {
      urlValues.push({ value: el.text.trim(), el });
    }
  }
  for (const { value, el } of urlValues) {
    if (options.production) {
      let hostname = "";
      try {
        hostname = new URL(value).hostname;
      } catch {
        report("url.invalid", `${at(el)}：不是有效的网址：${value}`);
      }
      if (LOCAL_HOSTS.has(hostname)) {
        report("url.localhost", `${at(el)}：正式部署的清单不能指向本机地址（其他电脑访问不到）：${value}；请用 npm run build -- --env url=https://单位网站/路径/ 重新构建`);
      }
    }
    if (!value.toLowerCase().startsWith("https://")) {
      report("url.https", `${at(el)}：<${el.name}> 的网址必须使用 https：${value}`);
    } else if (value.length > LIMITS.url) {
      report("url.length", `${at(el)}：网址超过 ${LIMITS.url} 个字符`);
    }
  }

  // Resources: each id defined once; lengths.
  const versionOverrides = top("VersionOverrides");
  const resources = child(versionOverrides, "Resources");
  const defined = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  if (versionOverrides) {
    if (versionOverrides.attrs.xmlns !== NS.versionOverrides) {
      report(
        "versionOverrides.namespace",
        `<VersionOverrides> 的 xmlns 应为 "${NS.versionOverrides}"，实际是 "${versionOverrides.attrs.xmlns ?? "（缺少）"}"`,
      );
    }
    if (!/^VersionOverridesV1_[01]$/.test(versionOverrides.attrs["xsi:type"] ?? "")) {
      report("versionOverrides.type", '<VersionOverrides> 的 xsi:type 应为 "VersionOverridesV1_0"');
    }
    if (!resources) report("element.missing", "<VersionOverrides> 中缺少 <Resources>");
  }
  const counts = new Map<string, number>();
  for (const kind of RESOURCE_KINDS) {
    for (const item of child(resources, kind)?.children ?? []) {
      const rid = item.attrs.id;
      if (!rid) {
        report("resource.id", `${at(item)}：<${item.name}> 缺少 id`);
        continue;
      }
      counts.set(rid, (counts.get(rid) ?? 0) + 1);
      if (!defined.has(rid)) defined.set(rid, { kind, el: item });
      const label = `资源“${rid}”`;
      if (kind === "bt:ShortStrings") checkLocalised(item, label, LIMITS.shortString, "shortString");
      if (kind === "bt:LongStrings") checkLocalised(item, label, LIMITS.longString, "longString");
      if ((kind === "bt:Urls" || kind === "bt:Images") && !item.attrs.DefaultValue) {
        report("resource.value", `${at(item)}：${label} 缺少 DefaultValue`);
      }
    }
  }
  for (const [rid, n] of counts) {
    if (n > 1) report("resid.duplicate", `资源 id“${rid}”定义了 ${n} 次，只能定义一次`);
  }

  // Every resid reference resolves, and to the right kind of resource.
  for (const { el, parent } of walk(root)) {
    const rid = el.attrs.resid;
    if (rid === undefined) continue;
    const def = defined.get(rid);
    if (!def) {
      report("resid.undefined", `${at(el)}：<${el.name}> 引用的 resid“${rid}”没有在 <Resources> 中定义`);
      continue;
    }
    const want = expectedKind(el, parent);
    if (want && want !== def.kind) {
      report("resid.kind", `${at(el)}：<${el.name}> 的 resid“${rid}”应指向${KIND_LABEL[want]}，实际定义在${KIND_LABEL[def.kind]}`);
    }
  }

  // Shared runtime: one long-lived page hosts the task pane, the ribbon commands and the functions.
  const all = walk(root).map((w) => w.el);
  const sets = childrenNamed(child(top("Requirements"), "Sets"), "Set").map((s) => s.attrs.Name);
  const runtimes = all.filter((e) => e.name === "Runtime");
  const cfPoint = all.find((e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
  if (!sets.includes("SharedRuntime")) {
    report("requirements.sharedRuntime", '<Requirements> 缺少 <Set Name="SharedRuntime" MinVersion="1.1"/>');
  }
  if (cfPoint && !sets.includes("CustomFunctionsRuntime")) {
    report("requirements.customFunctions", '<Requirements> 缺少 <Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>');
  }
  if (runtimes.length === 0) {
    report("runtime.missing", "缺少 <Runtimes><Runtime resid=… lifetime=\"long\"/>：任务窗格与自定义函数需要共享运行时");
  } else {
    if (runtimes.length > 1) report("runtime.multiple", `共享运行时只应有一个 <Runtime>，现有 ${runtimes.length} 个`);
    const runtime = runtimes[0]!;
    const runtimeResid = runtime.attrs.resid;
    if (runtime.attrs.lifetime !== "long") {
      report("runtime.lifetime", `${at(runtime)}：<Runtime> 的 lifetime 应为 "long"，实际是 "${runtime.attrs.lifetime ?? "（缺少）"}"`);
    }
    const mustMatch: [string, XmlElement | undefined][] = [
      ["<FunctionFile>", all.find((e) => e.name === "FunctionFile")],
      ["自定义函数的 <Page><SourceLocation>", child(child(cfPoint, "Page"), "SourceLocation")],
    ];
    for (const action of all.filter((e) => e.name === "Action" && e.attrs["xsi:type"] === "ShowTaskpane")) {
      mustMatch.push(["任务窗格按钮的 <SourceLocation>", child(action, "SourceLocation")]);
    }
    for (const [what, el] of mustMatch) {
      if (!el) {
        report("runtime.missingRef", `缺少 ${what}`);
      } else if (el.attrs.resid !== runtimeResid) {
        report(
          "runtime.mismatch",
          `${at(el)}：共享运行时要求 ${what} 的 resid 与 <Runtime> 相同（“${runtimeResid}”），实际是“${el.attrs.resid ?? ""}”`,
        );
      }
    }
  }
  if (!all.some((e) => e.name === "ShowTaskpane" || (e.name === "Action" && e.attrs["xsi:type"] === "ShowTaskpane"))) {
    report("ribbon.button", "功能区中没有打开任务窗格的按钮（<Action xsi:type=\"ShowTaskpane\">）");
  }

  // Custom functions.
  const expectedNamespace = options.namespace ?? "JX";
  if (!cfPoint) {
    report("customFunctions.missing", '缺少自定义函数扩展点 <ExtensionPoint xsi:type="CustomFunctions">');
  } else {
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!child(child(cfPoint, part), "SourceLocation")) {
        report("customFunctions.part", `自定义函数扩展点缺少 <${part}><SourceLocation resid=…/></${part}>`);
      }
    }
    const ns = child(cfPoint, "Namespace");
    if (!ns?.attrs.resid) {
      report("customFunctions.namespace", "自定义函数扩展点缺少 <Namespace resid=…/>");
    } else {
      const value = defined.get(ns.attrs.resid)?.el.attrs.DefaultValue;
      if (value !== undefined) {
        if (!/^[A-Za-z0-9]+$/.test(value)) {
          report("customFunctions.namespace", `自定义函数命名空间“${value}”只能包含 ASCII 字母和数字`);
        } else if (value !== expectedNamespace) {
          report("customFunctions.namespace", `自定义函数命名空间应为“${expectedNamespace}”，实际是“${value}”`);
        }
      }
    }
  }

  // Icon files served by the dev server (or, in production, by the hosting address) must exist in assets/ with the declared pixel size.
  if (options.rootDir !== undefined) {
    const page = defaultSource?.attrs.DefaultValue ?? "";
    const base = options.production ? page.slice(0, page.lastIndexOf("/") + 1) : "https://localhost:3000/";
    const icons: { url: string; size: number; el: XmlElement }[] = [];
    const iconUrl = top("IconUrl");
    const hiResIconUrl = top("HighResolutionIconUrl");
    if (iconUrl?.attrs.DefaultValue) icons.push({ url: iconUrl.attrs.DefaultValue, size: 32, el: iconUrl });
    if (hiResIconUrl?.attrs.DefaultValue) icons.push({ url: hiResIconUrl.attrs.DefaultValue, size: 64, el: hiResIconUrl });
    for (const ref of all.filter((e) => e.name === "bt:Image" && e.attrs.resid && e.attrs.size)) {
      const def = defined.get(ref.attrs.resid!);
      if (def?.kind === "bt:Images" && def.el.attrs.DefaultValue) {
        icons.push({ url: def.el.attrs.DefaultValue, size: Number(ref.attrs.size), el: ref });
      }
    }
    const checked = new Set<string>();
    for (const icon of icons) {
      let url: URL;
      try {
        url = new URL(icon.url);
      } catch {
        report("url.invalid", `${at(icon.el)}：不是有效的网址：${icon.url}`);
        continue;
      }
      if (base === "" || !url.href.startsWith(base)) continue;
      const rel = decodeURIComponent(url.href.slice(base.length).split(/[?#]/)[0]!);
      if (!rel.startsWith("assets/")) continue;
      const key = `${rel}@${icon.size}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const file = path.join(options.rootDir, rel);
      if (!existsSync(file)) {
        report("icon.missing", `图标文件不存在：${rel}（${at(icon.el)} 引用）`);
        continue;
      }
      const size = readPngSize(file);
      if (!size) {
        report("icon.png", `图标文件不是有效的 PNG：${rel}`);
      } else if (size.width !== icon.size || size.height !== icon.size) {
        report("icon.size", `图标 ${rel} 应为 ${icon.size}×${icon.size} 像素，实际是 ${size.width}×${size.height}`);
      }
    }
  }

  return problems;
}

/** Reads and checks a manifest file; returns the exit code. */
export function runCli(file: string, production = false): number {
  const name = path.basename(file);
  if (!existsSync(file)) {
    console.error(`找不到清单文件：${file}`);
    return 1;
  }
  const problems = validateManifest(readFileSync(file, "utf8"), { rootDir: path.dirname(path.resolve(file)), production });
  if (problems.length === 0) {
    console.log(`${name} 校验通过`);
    return 0;
  }
  console.error(`${name} 校验未通过，共 ${problems.length} 个问题：`);
  for (const p of problems) console.error(`  - ${p.message}`);
  return 1;
}

if (/validate-manifest\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  // tsx scripts/validate-manifest.ts [--production] [manifest.xml]
  const args = process.argv.slice(2);
  const production = args.includes("--production");
  const files = args.filter((a) => !a.startsWith("--"));
  process.exitCode = runCli(files[files.length - 1] ?? "manifest.xml", production);
}
