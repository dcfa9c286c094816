// Writes media/icon.png, the Marketplace icon (128x128 RGBA), with node:zlib only (no image
// tool, no download): a rounded square in the gallery banner's colour holding a 3x3 grid of
// nodes with one pod on each - a DaemonSet. Shapes are sampled 4x4 per pixel (antialiasing).
// Run: node scripts/gen-icon.mjs [out.png]. Deterministic: the same bytes each run.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BANNER = hex('#1d3b5c');
const NODE = hex('#2b5785');
const EDGE = hex('#8fc1ff');
const POD = hex('#6fe3b4');

/** Inside a rounded rectangle [x0,x1]x[y0,y1] with corner radius r. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a sample point, or undefined (transparent). Later shapes paint over earlier ones. */
function sample(x, y) {
  if (!inRoundRect(x, y, 4, 4, 124, 124, 22)) return undefined;
  let c = BANNER;
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      const x0 = 20 + col * 32;
      const y0 = 20 + row * 32;
      if (inRoundRect(x, y, x0, y0, x0 + 24, y0 + 24, 6)) c = EDGE;
      if (inRoundRect(x, y, x0 + 2, y0 + 2, x0 + 22, y0 + 22, 4)) c = NODE;
      if ((x - (x0 + 12)) ** 2 + (y - (y0 + 12)) ** 2 <= 6.5 ** 2) c = POD;
    }
  }
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const rowStart = py * (SIZE * 4 + 1);
  raw[rowStart] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    }
    const o = rowStart + 1 + px * 4;
    // Colour averaged over the covered samples (no dark fringe), coverage as alpha.
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a * 255) / (SS * SS));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
