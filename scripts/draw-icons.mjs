// 绘制加载项图标：绿色圆角方块 + 白色对勾 + 小柱状图。
// 只用 node:zlib 自己写 PNG（IHDR / IDAT / IEND + CRC32），不依赖任何图像库。
// 用法：node scripts/draw-icons.mjs   → 覆盖 assets/icon-{16,32,64,80,128}.png
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for anti-aliased edges
const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

// --- PNG encoding ---------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4, straight (non-premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// --- Shapes in unit coordinates (0..1, y down) ----------------------------

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const GREEN_TOP = [0x21, 0xa3, 0x66]; // lighter at the top for a little depth
const GREEN_BOTTOM = [0x10, 0x7c, 0x41]; // Excel green
const WHITE = [0xff, 0xff, 0xff];
const MINT = [0xc8, 0xf0, 0xd8];

/** Returns [r, g, b, a] (a in 0..1) of the design at unit point (x, y). */
function sample(x, y, size) {
  const small = size <= 16; // fewer, thicker shapes so 16 px stays legible
  let colour = null;
  if (insideRoundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) {
    const t = (y - 0.03) / 0.94;
    colour = GREEN_TOP.map((c, i) => c + (GREEN_BOTTOM[i] - c) * t);
  }
  if (!colour) return [0, 0, 0, 0];

  // Bar chart, bottom left: three rising bars.
  const bars = small
    ? [
        [0.17, 0.64, 0.33],
        [0.39, 0.48, 0.55],
      ]
    : [
        [0.16, 0.66, 0.27],
        [0.31, 0.56, 0.42],
        [0.46, 0.46, 0.57],
      ];
  for (const [x0, top, x1] of bars) {
    if (insideRoundedRect(x, y, x0, top, x1, 0.84, 0.025)) colour = MINT;
  }

  // Check mark, upper right, drawn over the bars with a green halo so they stay apart.
  const stroke = small ? 0.12 : 0.095;
  const halo = stroke / 2 + (small ? 0.05 : 0.045);
  const a = [0.42, 0.44];
  const b = [0.58, 0.6];
  const c = [0.85, 0.2];
  const d = Math.min(distanceToSegment(x, y, ...a, ...b), distanceToSegment(x, y, ...b, ...c));
  if (d <= halo && d > stroke / 2) colour = GREEN_BOTTOM.map((v, i) => (v + GREEN_TOP[i]) / 2);
  if (d <= stroke / 2) colour = WHITE;
  return [...colour, 1];
}

function render(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [sr, sg, sb, sa] = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`已生成 ${file}`);
}
