// The code points a WOFF2 font maps: its cmap, read from the file itself (table directory + Brotli stream; the
// cmap table is never transformed in WOFF2). Used for the preflight's coverage check (coverage.ts) and for the
// unicode-range of faces whose CSS declares none (fonts.ts).
import zlib from 'node:zlib';

const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill'];

/** Code points mapped by the cmap of a WOFF2 font (formats 4 and 12). */
export function woff2CodePoints(bytes: Uint8Array, into: Set<number> = new Set()): Set<number> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.toString('latin1', 0, 4) !== 'wOF2') return into;
  const numTables = b.readUInt16BE(12);
  const compressedLength = b.readUInt32BE(20);
  let o = 48;
  const base128 = () => {
    let v = 0;
    for (let i = 0; i < 5; i++) {
      const x = b[o++]!;
      v = v * 128 + (x & 127);
      if (!(x & 128)) return v;
    }
    return v;
  };
  const tables: { tag: string; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = b[o++]!;
    let tag: string;
    if ((flags & 63) === 63) {
      tag = b.toString('latin1', o, o + 4);
      o += 4;
    } else tag = KNOWN_TAGS[flags & 63] ?? '????';
    const version = flags >> 6;
    let length = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    if (transformed) length = base128();
    tables.push({ tag, length });
  }
  const data = zlib.brotliDecompressSync(b.subarray(o, o + compressedLength));
  let p = 0;
  let cmap: Buffer | null = null;
  for (const t of tables) {
    if (t.tag === 'cmap') cmap = data.subarray(p, p + t.length);
    p += t.length;
  }
  if (!cmap) return into;
  const n = cmap.readUInt16BE(2);
  for (let i = 0; i < n; i++) {
    const off = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(off);
    if (format === 12) {
      const groups = cmap.readUInt32BE(off + 12);
      for (let g = 0; g < groups; g++) {
        const start = cmap.readUInt32BE(off + 16 + g * 12);
        const end = cmap.readUInt32BE(off + 20 + g * 12);
        for (let x = start; x <= end; x++) into.add(x);
      }
    } else if (format === 4) {
      const segX2 = cmap.readUInt16BE(off + 6);
      for (let s = 0; s < segX2 / 2; s++) {
        const end = cmap.readUInt16BE(off + 14 + s * 2);
        const start = cmap.readUInt16BE(off + 16 + segX2 + s * 2);
        for (let x = start; x <= end && x < 0xffff; x++) into.add(x);
      }
    }
  }
  return into;
}

/** A CSS unicode-range value for a set of code points ("U+20-7E,U+4E00-4E05,…"). */
export function unicodeRangeOf(codePoints: Iterable<number>): string {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1]! <= end + 1) end = sorted[++i]!;
    i++;
    out.push(end === start ? `U+${start.toString(16).toUpperCase()}` : `U+${start.toString(16).toUpperCase()}-${end.toString(16).toUpperCase()}`);
  }
  return out.join(',');
}
