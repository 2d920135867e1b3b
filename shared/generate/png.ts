// A minimal PNG encoder (8-bit RGB, no interlace) over fflate's zlib, for the generator's stand-in photos:
// pure TypeScript, so the shared core can make real image files without a DOM or Node.
import { zlibSync } from 'fflate';
import type { Rng } from './rng';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Encodes width×height RGB pixels (row-major, 3 bytes per pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (rgb.length !== width * height * 3) throw new Error('pixel buffer size does not match the image size');
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A stand-in photograph: sky and ground gradients, a skyline of buildings and a little grain — it prints
 * and compresses like a small photo, and every seed gives a different picture.
 */
export function standInPhoto(rng: Rng, width = 360, height = 240): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  const hue = rng.next();
  const sky = hsl(hue * 0.3 + 0.52, 0.45, 0.72);
  const skyTop = hsl(hue * 0.3 + 0.55, 0.5, 0.55);
  const ground = hsl(0.22 + rng.next() * 0.12, 0.35, 0.38);
  const horizon = Math.floor(height * (0.55 + rng.next() * 0.15));
  const skyline = new Int32Array(width).fill(horizon);
  for (let b = rng.int(4, 9); b > 0; b--) {
    const x0 = rng.int(0, width - 20);
    const w = rng.int(14, 60);
    const top = horizon - rng.int(15, Math.floor(height * 0.45));
    for (let x = x0; x < Math.min(width, x0 + w); x++) skyline[x] = Math.min(skyline[x]!, top);
  }
  const wall = hsl(rng.next(), 0.12, 0.62);
  // One colour per row for the sky and the ground; buildings are flat with lit windows.
  const rowColour = new Float64Array(height * 3);
  for (let y = 0; y < height; y++) {
    const c = y >= horizon ? mix(ground, [30, 40, 25], ((y - horizon) / (height - horizon)) * 0.6) : mix(skyTop, sky, y / horizon);
    rowColour.set(c, y * 3);
  }
  let i = 0;
  for (let y = 0; y < height; y++) {
    const r0 = rowColour[y * 3]!;
    const g0 = rowColour[y * 3 + 1]!;
    const b0 = rowColour[y * 3 + 2]!;
    for (let x = 0; x < width; x++, i += 3) {
      let r = r0;
      let g = g0;
      let b = b0;
      if (y < horizon && y >= skyline[x]!) {
        const lit = x % 7 < 3 && y % 9 < 4 ? 18 : 0;
        r = wall[0] + lit;
        g = wall[1] + lit;
        b = wall[2] + lit;
      }
      const grain = ((x * 73856093) ^ (y * 19349663)) & 7; // fixed grain, compresses like a photo
      px[i] = clamp(r + grain);
      px[i + 1] = clamp(g + grain);
      px[i + 2] = clamp(b + grain);
    }
  }
  return encodePng(width, height, px);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
function mix(a: [number, number, number], b: [number, number, number], t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
function hsl(h: number, s: number, l: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}
