/**
 * Printing as the official forms: a blank template (`jixiao template --projects 1`) and the seed-003 workbook
 * (`jixiao import` of examples/), converted by LibreOffice to PDF, read back with poppler (`pdftotext -bbox`,
 * `pdftoppm`). The forms fit the A4 width at 100%, so a word box is as high as its font: none under 9 pt;
 * rows are as tall as their text, so no two word boxes overlap (wrapped lines clipped by a short row, or a
 * merged heading cut by a page break, would overlap the next row's words). Without soffice/poppler this
 * test fails: CI installs them.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cli, tmpDir } from "./helpers";

jest.setTimeout(240_000);

const dir = tmpDir("print");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

function run(bin: string, args: string[]): string {
  const r = spawnSync(bin, args, { encoding: "utf8", timeout: 200_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${bin} ${args.join(" ")} 失败（${r.error?.message ?? r.status}）：${r.stderr}`);
  return r.stdout;
}

/** `pdftotext -bbox` → pages of word boxes (points, origin top-left). */
function wordsOf(pdf: string): Page[] {
  const html = run("pdftotext", ["-bbox", pdf, "-"]);
  const pages: Page[] = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else pages[pages.length - 1].words.push({ text: m[7], x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]) });
  }
  return pages;
}

/** One PPM page as RGB bytes. */
function ppm(file: string): { width: number; height: number; rgb: Buffer } {
  const buf = fs.readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error(`不是 PPM：${file}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: buf.subarray(header[0].length) };
}

const DPI = 36;
const files: Record<"blank" | "seed", { pages: Page[]; images: ReturnType<typeof ppm>[]; text: string }> = {} as never;

beforeAll(() => {
  const blank = path.join(dir, "blank.xlsx");
  const seed = path.join(dir, "seed-003.xlsx");
  const example = path.join(__dirname, "..", "..", "examples", "seed-003-湖南省政务服务和大数据中心-2024.json");
  expect(cli(["template", blank, "--year", "2024", "--unit", "湖南省政务服务和大数据中心", "--projects", "1"]).code).toBe(0);
  expect(cli(["import", example, seed]).code).toBe(0);
  const profile = `file://${path.join(dir, "profile")}`;
  run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, blank, seed]);
  for (const id of ["blank", "seed"] as const) {
    const pdf = path.join(dir, `${id === "blank" ? "blank" : "seed-003"}.pdf`);
    run("pdftoppm", ["-r", String(DPI), pdf, path.join(dir, `${id}-page`)]);
    const images = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(`${id}-page`) && f.endsWith(".ppm"))
      .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)![1]) - Number(/(\d+)\.ppm$/.exec(b)![1]))
      .map((f) => ppm(path.join(dir, f)));
    files[id] = { pages: wordsOf(pdf), images, text: run("pdftotext", ["-layout", pdf, "-"]) };
  }
});

const A4 = (p: Page) => Math.round(Math.min(p.width, p.height)) === 595 && Math.round(Math.max(p.width, p.height)) === 842;

describe.each(["blank", "seed"] as const)("%s workbook printed by LibreOffice", (id) => {
  test("every page is A4; 附件1 and 报告素材 upright, 附件2/附件3 across", () => {
    const { pages } = files[id];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) expect(A4(p)).toBe(true);
    const orientationOf = (mark: RegExp) => {
      const p = pages.find((pg) => pg.words.some((w) => mark.test(w.text)));
      if (!p) throw new Error(`没有找到 ${mark}`);
      return p.width > p.height ? "landscape" : "portrait";
    };
    expect(orientationOf(/基础数据表$/)).toBe("portrait");
    expect(orientationOf(/部门整体支出绩效自评表$/)).toBe("landscape");
    expect(orientationOf(/报告素材$/)).toBe("portrait");
    if (id === "blank") expect(orientationOf(/项目支出绩效自评表$/)).toBe("landscape");
  });

  test("the 附件 marks stand above their titles", () => {
    for (const [mark, title] of [
      ["附件1", /基础数据表$/],
      ["附件2", /部门整体支出绩效自评表$/],
    ] as const) {
      const page = files[id].pages.find((p) => p.words.some((w) => title.test(w.text)))!;
      const m = page.words.find((w) => w.text === mark);
      const t = page.words.find((w) => title.test(w.text))!;
      expect(m).toBeDefined();
      expect(m!.y1).toBeLessThanOrEqual(t.y0);
    }
  });

  test("no word is printed under 9 pt", () => {
    const small = files[id].pages.flatMap((p, i) => p.words.filter((w) => w.y1 - w.y0 < 9).map((w) => `p${i + 1} ${w.text} ${(w.y1 - w.y0).toFixed(1)}pt`));
    expect(small).toEqual([]);
  });

  test("no two words overlap (no clipped or cut text)", () => {
    const overlaps: string[] = [];
    files[id].pages.forEach((p, i) => {
      const ws = [...p.words].sort((a, b) => a.y0 - b.y0);
      for (let a = 0; a < ws.length; a++) {
        for (let b = a + 1; b < ws.length && ws[b].y0 < ws[a].y1; b++) {
          const dx = Math.min(ws[a].x1, ws[b].x1) - Math.max(ws[a].x0, ws[b].x0);
          const dy = Math.min(ws[a].y1, ws[b].y1) - Math.max(ws[a].y0, ws[b].y0);
          // 1 pt: the two lines of "执行率 / (B/A)" touch by 0.6 pt (glyph boxes are taller than the line pitch).
          if (dx > 1 && dy > 1) overlaps.push(`p${i + 1} 「${ws[a].text}」×「${ws[b].text}」`);
        }
      }
    });
    expect(overlaps).toEqual([]);
  });

  test("text prints on white: no fill under any word", () => {
    // The input/computed shading is a conditional format shown only while a cell is blank; a static
    // fill (as before) printed yellow/grey under every figure in LibreOffice.
    const shaded: string[] = [];
    files[id].pages.forEach((p, i) => {
      const img = files[id].images[i];
      const k = img.width / p.width;
      for (const w of p.words) {
        let tinted = 0;
        let total = 0;
        for (let y = Math.ceil(w.y0 * k); y < Math.floor(w.y1 * k); y++) {
          for (let x = Math.ceil(w.x0 * k); x < Math.floor(w.x1 * k); x++) {
            const o = (y * img.width + x) * 3;
            const [r, g, b] = [img.rgb[o], img.rgb[o + 1], img.rgb[o + 2]];
            total++;
            // Light background tints (yellow FFF2CC, grey EDEDED, blue DDEBF7); antialiased black text is darker.
            if (Math.min(r, g, b) > 190 && Math.min(r, g, b) < 250) tinted++;
          }
        }
        if (total > 0 && tinted / total > 0.5) shaded.push(`p${i + 1} ${w.text}`);
      }
    });
    expect(shaded).toEqual([]);
  });
});

describe("the blank template shows no result", () => {
  test("no #DIV/0!, no 0.00 and no grade", () => {
    const { text, pages } = files.blank;
    expect(text).not.toContain("#DIV/0!");
    expect(text).not.toMatch(/#[A-Z/0!?]+/);
    const words = pages.flatMap((p) => p.words.map((w) => w.text));
    expect(words.filter((w) => /^-?\d+\.\d\d%?$/.test(w))).toEqual([]); // no 0.00 / 0.00% in a computed cell
    expect(words.filter((w) => ["优", "良", "中", "差"].includes(w))).toEqual([]);
    expect(words).toContain("10"); // the pre-filled 执行率 分值 is the only figure
  });
});

describe("the seed-003 workbook prints its figures", () => {
  test("总分 95.40, 控制率 85.23% and the indicator texts are on the pages", () => {
    const words = files.seed.pages.flatMap((p) => p.words.map((w) => w.text));
    expect(words).toContain("85.23%");
    expect(words).toContain("95.40");
    expect(files.seed.text).toContain("项目工作完成率");
  });
});
