import { readFileSync } from "node:fs";
import path from "node:path";
import { parseXml, validateManifest, type ManifestProblem } from "../../scripts/validate-manifest";

const rootDir = path.resolve(__dirname, "..", "..");
const manifest = readFileSync(path.join(rootDir, "manifest.xml"), "utf8");

/** Replaces text that must occur in the real manifest, so a corruption never silently does nothing. */
function corrupt(from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  expect(changed).not.toBe(manifest);
  return changed;
}

function codes(problems: ManifestProblem[]): string[] {
  return problems.map((p) => p.code);
}

describe("validateManifest", () => {
  test("the real manifest passes, including the icon files", () => {
    expect(validateManifest(manifest, { rootDir })).toEqual([]);
  });

  test.each<[string, () => string, string, RegExp]>([
    ["missing Id", () => corrupt(/\s*<Id>[^<]*<\/Id>/, ""), "element.missing", /缺少必需元素 <Id>/],
    ["bad GUID", () => corrupt(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"), "id.guid", /不是有效的 GUID：“not-a-guid”/],
    ["bad version", () => corrupt("<Version>0.1.0.0</Version>", "<Version>0.1</Version>"), "version.format", /n\.n\.n\.n/],
    [
      "undefined resid",
      () => corrupt('<Label resid="TaskpaneButton.Label"/>', '<Label resid="Nope.Label"/>'),
      "resid.undefined",
      /resid“Nope\.Label”没有在 <Resources> 中定义/,
    ],
    [
      "resid defined twice",
      () => corrupt("<bt:ShortStrings>", '<bt:ShortStrings>\n<bt:String id="GetStarted.Title" DefaultValue="重复"/>'),
      "resid.duplicate",
      /“GetStarted\.Title”定义了 2 次/,
    ],
    [
      "http URL",
      () => corrupt('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'),
      "url.https",
      /必须使用 https：http:\/\/localhost:3000\/functions\.json/,
    ],
    ["lifetime short", () => corrupt('lifetime="long"', 'lifetime="short"'), "runtime.lifetime", /lifetime 应为 "long"，实际是 "short"/],
    [
      "mismatched runtime resid",
      () => corrupt('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      "runtime.mismatch",
      /<FunctionFile> 的 resid 与 <Runtime> 相同（“Taskpane\.Url”），实际是“Functions\.Script\.Url”/,
    ],
    [
      "namespace not JX",
      () => corrupt('id="Functions.Namespace" DefaultValue="JX"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'),
      "customFunctions.namespace",
      /命名空间应为“JX”，实际是“CONTOSO”/,
    ],
    [
      "non-ASCII namespace",
      () => corrupt('id="Functions.Namespace" DefaultValue="JX"', 'id="Functions.Namespace" DefaultValue="绩效"'),
      "customFunctions.namespace",
      /只能包含 ASCII 字母和数字/,
    ],
    [
      "too-long DisplayName",
      () => corrupt('<DisplayName DefaultValue="绩效自评助手">', `<DisplayName DefaultValue="${"绩".repeat(126)}">`),
      "displayName.length",
      /<DisplayName> 的 DefaultValue 超过 125 个字符（现为 126 个）/,
    ],
    [
      "too-long Description override",
      () => corrupt(/(<Description DefaultValue="[^"]*">\s*<Override Locale="en-US" Value=")[^"]*/, `$1${"x".repeat(251)}`),
      "description.length",
      /en-US 覆盖值超过 250 个字符/,
    ],
    [
      "too-long ShortString",
      () => corrupt('id="TaskpaneButton.Label" DefaultValue="绩效自评"', `id="TaskpaneButton.Label" DefaultValue="${"长".repeat(126)}"`),
      "shortString.length",
      /资源“TaskpaneButton\.Label”.*超过 125 个字符/,
    ],
    [
      "wrong element order",
      () => corrupt(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1"),
      "element.order",
      /<Id> 应排在 <Version> 之前/,
    ],
    ["wrong xsi:type", () => corrupt('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"'), "root.type", /TaskPaneApp/],
    [
      "Runtime resid pointing at a string",
      () => corrupt('<Runtime resid="Taskpane.Url"', '<Runtime resid="GetStarted.Title"'),
      "resid.kind",
      /应指向网址（bt:Urls）/,
    ],
    ["malformed XML", () => corrupt("</Hosts>\n  <Requirements>", "</Host>\n  <Requirements>"), "xml.parse", /XML 无法解析/],
  ])("%s fails", (_name, make, code, message) => {
    const problems = validateManifest(make());
    expect(codes(problems)).toContain(code);
    expect(problems.map((p) => p.message).join("\n")).toMatch(message);
  });

  test("icon with the wrong pixel size fails", () => {
    const xml = corrupt('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.32x32"/>');
    const problems = validateManifest(xml, { rootDir });
    expect(problems).toContainEqual({ code: "icon.size", message: expect.stringMatching(/icon-32\.png 应为 80×80 像素，实际是 32×32/) });
  });

  test("missing icon file fails", () => {
    const xml = corrupt("assets/icon-80.png", "assets/icon-81.png");
    expect(codes(validateManifest(xml, { rootDir }))).toContain("icon.missing");
  });
});

describe("parseXml", () => {
  test("reads attributes, entities, text and nesting", () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b>t&lt;u</b><c/></a>');
    expect(root.name).toBe("a");
    expect(root.attrs.x).toBe("1 & 2");
    expect(root.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(root.children[0]!.text).toBe("t<u");
  });

  test("reports the line of a mismatched end tag", () => {
    expect(() => parseXml("<a>\n<b>\n</a>")).toThrow(/第 3 行.*<\/a>.*第 2 行.*<b>/);
  });
});

describe("validateManifest for a department's web server (--production)", () => {
  const site = "https://intranet.example/jixiao/";
  const hosted = manifest.split("https://localhost:3000/").join(site);

  test("the manifest rewritten for a hosting address passes, icons read relative to it", () => {
    expect(hosted).not.toContain("localhost");
    expect(validateManifest(hosted, { rootDir, production: true })).toEqual([]);
  });

  test("the development manifest is rejected: localhost, named with its line", () => {
    const problems = validateManifest(manifest, { production: true });
    expect(codes(problems)).toContain("url.localhost");
    expect(problems.find((p) => p.code === "url.localhost")!.message).toMatch(/第 \d+ 行：正式部署的清单不能指向本机地址.*https:\/\/localhost:3000\//);
    // Without --production the same manifest is fine (npm start uses it).
    expect(codes(validateManifest(manifest))).not.toContain("url.localhost");
  });

  test("127.0.0.1 is rejected too", () => {
    const xml = hosted.replace(`${site}functions.json`, "https://127.0.0.1/jixiao/functions.json");
    expect(codes(validateManifest(xml, { production: true }))).toEqual(["url.localhost"]);
  });

  test("plain http is rejected", () => {
    const xml = hosted.replace(`${site}functions.js"`, 'http://intranet.example/jixiao/functions.js"');
    const problems = validateManifest(xml, { production: true });
    expect(problems).toEqual([{ code: "url.https", message: expect.stringMatching(/必须使用 https：http:\/\/intranet\.example\/jixiao\/functions\.js/) }]);
  });

  test("an icon missing under the hosting address is found", () => {
    const xml = hosted.replace(`${site}assets/icon-80.png`, `${site}assets/icon-81.png`);
    expect(codes(validateManifest(xml, { rootDir, production: true }))).toEqual(["icon.missing"]);
  });
});
