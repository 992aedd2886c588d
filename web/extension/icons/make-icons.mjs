// Draws the toolbar icons (icon-16/32/48/128.png) from the same design as
// web/icon.svg: a blue rounded square with three bars, the last one yellow.
// The PNGs are committed; run this only to change them:
//   node web/extension/icons/make-icons.mjs
// No dependencies: rounded rectangles are rasterized with 8x8 supersampling
// and written as an RGBA PNG with node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// In the 32-unit coordinate space of web/icon.svg.
const SHAPES = [
  { x: 0, y: 0, w: 32, h: 32, r: 7, color: [0x24, 0x57, 0xc5] },
  { x: 7, y: 8, w: 18, h: 3.5, r: 1.75, color: [0xff, 0xff, 0xff] },
  { x: 7, y: 14.25, w: 12.5, h: 3.5, r: 1.75, color: [0xff, 0xff, 0xff] },
  { x: 7, y: 20.5, w: 7, h: 3.5, r: 1.75, color: [0xfd, 0xe6, 0x8a] },
];

function inside(s, x, y) {
  if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) return false;
  const cx = Math.min(Math.max(x, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(y, s.y + s.r), s.y + s.h - s.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2;
}

function render(size) {
  const SS = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = ((px + (sx + 0.5) / SS) * 32) / size;
          const y = ((py + (sy + 0.5) / SS) * 32) / size;
          let c = null;
          for (const s of SHAPES) if (inside(s, x, y)) c = s.color; // the last shape on top wins
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  const path = new URL(`icon-${size}.png`, import.meta.url);
  writeFileSync(path, png(size, render(size)));
  console.log(`wrote ${path.pathname}`);
}
