// Decoding the bytes of a text file: UTF-8 with or without BOM, GB18030/GBK, UTF-16LE/BE. The encoding is
// detected, never guessed silently: the result names it with a confidence and how it was decided, the
// caller can override it, and bytes that are not text in any of these encodings are refused with a clear
// message (binary files renamed .txt, undetectable encodings).
import { detect } from 'jschardet';
import { UserError } from '../model/errors';
import type { EncodingInfo } from './types';

/** Largest text file imported (a full volume is about 4 MB of UTF-8). */
export const MAX_TEXT_BYTES = 50 * 2 ** 20;
/** Largest Word document imported (photos included). */
export const MAX_DOCX_BYTES = 150 * 2 ** 20;

/**
 * Encodings a text can be read in. Big5 (traditional Chinese) is never detected — its bytes are also valid
 * GB18030 and a guess would be mojibake either way — but the editor may choose it.
 */
export const SUPPORTED_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const;

/** "200 MB", "3.4 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(bytes >= 10 * 2 ** 20 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Refuses a file above the import limit before it is read. */
export function checkImportSize(fileName: string, size: number, limit: number): void {
  if (size > limit) throw new UserError('import.tooLarge', { file: fileName, size: formatSize(size), limit: formatSize(limit) }, `${size} bytes > ${limit}`);
}

/** Maps the names people and detectors use to the WHATWG labels TextDecoder knows. */
export function normaliseEncodingName(name: string): (typeof SUPPORTED_ENCODINGS)[number] | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (['utf-8', 'utf8', 'ascii', 'us-ascii', 'utf-8-sig'].includes(n)) return 'utf-8';
  if (['gb18030', 'gbk', 'gb2312', 'cp936', 'euc-cn', 'windows-936', 'hz-gb-2312', 'x-gbk', 'gb-18030'].includes(n)) return 'gb18030';
  if (['utf-16le', 'utf-16-le', 'utf16le', 'ucs-2le', 'utf-16'].includes(n)) return 'utf-16le';
  if (['utf-16be', 'utf-16-be', 'utf16be', 'ucs-2be'].includes(n)) return 'utf-16be';
  if (['big5', 'big-5', 'big5-hkscs', 'cp950', 'x-x-big5', 'cn-big5', 'csbig5'].includes(n)) return 'big5';
  return null;
}

/** Replacement characters (U+FFFD) in decoded text: bytes the chosen encoding could not read. */
export function countReplacements(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\ufffd'); k >= 0; k = text.indexOf('\ufffd', k + 1)) n++;
  return n;
}

/** Magic numbers of common binary formats. */
function binaryKind(b: Uint8Array): string | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => b[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (at(0, 0x7f, 0x45, 0x4c, 0x46)) return 'elf';
  if (at(0, 0x4d, 0x5a)) return 'exe';
  if (at(0, 0x1f, 0x8b)) return 'gzip';
  if (at(0, 0x52, 0x61, 0x72, 0x21)) return 'rar';
  if (at(0, 0x37, 0x7a, 0xbc, 0xaf)) return '7z';
  return null;
}

/**
 * Share of characters that belong in a Chinese document (ideographs, CJK and ASCII punctuation, Latin,
 * digits, common symbols). Mis-decoded text shows replacement characters, control characters, private-use
 * characters and Latin-1 mojibake instead.
 */
export function plausibility(text: string): number {
  const n = Math.min(text.length, 400_000);
  if (!n) return 1;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad += 1;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) bad += 1;
    else if (c >= 0x7f && c <= 0x9f) bad += 1;
    else if (c >= 0xe000 && c <= 0xf8ff) bad += 1;
    else if (c >= 0xc0 && c <= 0xff) bad += 0.5;
    else if ((c >= 0x0400 && c <= 0x04ff) || (c >= 0x0590 && c <= 0x06ff) || (c >= 0xac00 && c <= 0xd7af)) bad += 0.5;
  }
  return 1 - bad / n;
}

function decodeWith(bytes: Uint8Array, label: string, fatal = false): string {
  return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
}

export interface DecodedText {
  text: string;
  encoding: EncodingInfo;
}

/**
 * Decodes the bytes of a text file. `encoding` overrides the detection (the editor's choice on the review
 * screen, `--encoding` on the command line). Throws a UserError for an empty file, a binary file and an
 * undetectable encoding.
 */
export function decodeText(bytes: Uint8Array, fileName: string, encoding?: string): DecodedText {
  const contentBytes = bytes.length - (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if (contentBytes <= 0 || (bytes.length <= 4 && /^[\s\uFEFF]*$/.test(decodeWith(bytes, 'utf-8')))) {
    throw new UserError('import.empty', { file: fileName });
  }

  if (encoding) {
    const label = normaliseEncodingName(encoding);
    if (!label) throw new UserError('import.badEncodingOverride', { file: fileName, encoding }, 'unknown label');
    const text = stripBom(decodeWith(bytes, label));
    return finish(fileName, text, { encoding: label, confidence: 1, method: 'override', bom: hasBom(bytes, label) });
  }

  // Byte order marks decide.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(fileName, decodeWith(bytes.subarray(3), 'utf-8'), { encoding: 'utf-8', confidence: 1, method: 'bom', bom: true });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(fileName, decodeWith(bytes.subarray(2), 'utf-16le'), { encoding: 'utf-16le', confidence: 1, method: 'bom', bom: true });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(fileName, decodeWith(bytes.subarray(2), 'utf-16be'), { encoding: 'utf-16be', confidence: 1, method: 'bom', bom: true });

  const kind = binaryKind(bytes);
  if (kind) throw new UserError('import.binary', { file: fileName }, `magic number: ${kind}`);

  // Valid UTF-8 without NUL bytes is UTF-8 (other encodings of Chinese text are almost never valid UTF-8).
  if (!bytes.includes(0)) {
    try {
      const text = decodeWith(bytes, 'utf-8', true);
      return finish(fileName, text, { encoding: 'utf-8', confidence: 1, method: 'utf8-valid', bom: false });
    } catch {
      // not UTF-8: detect below
    }
  }

  const sample = bytes.length > 256 * 1024 ? bytes.subarray(0, 256 * 1024) : bytes;
  const detected = detect(sample);
  if (!detected.encoding && detected.mimeType && !detected.mimeType.startsWith('text/')) {
    throw new UserError('import.binary', { file: fileName }, `detected ${detected.mimeType}`);
  }
  const named = detected.encoding ? normaliseEncodingName(detected.encoding) : null;
  // Only the encodings detection may decide; Big5 is read only when the editor chooses it.
  const label = named === 'big5' ? null : named;
  // Another encoding (Big5, Shift_JIS, a Western code page): decoding it as GB18030 would only make mojibake.
  if (detected.encoding && !label && detected.confidence >= 0.5) {
    throw new UserError('import.undetectableEncoding', { file: fileName }, `detector: ${detected.encoding} ${detected.confidence.toFixed(2)} (not supported)`);
  }
  const candidates: { label: string; confidence: number }[] = [];
  if (label) candidates.push({ label, confidence: detected.confidence });
  for (const l of ['gb18030', 'utf-16le', 'utf-16be'] as const) if (l !== label) candidates.push({ label: l, confidence: 0 });
  let best: { label: string; confidence: number; text: string; score: number } | null = null;
  for (const c of candidates) {
    const text = decodeWith(bytes, c.label);
    const score = plausibility(text);
    if (!best || score > best.score + 0.001) best = { ...c, text, score };
    if (c.confidence > 0 && score >= 0.995) break;
  }
  if (!best || best.score < 0.97) {
    throw new UserError('import.undetectableEncoding', { file: fileName }, `detector: ${detected.encoding ?? 'none'} ${detected.confidence.toFixed(2)}; best ${best?.label} plausibility ${best?.score.toFixed(3)}`);
  }
  // The detector's confidence when it named this encoding; else how plausible the decoded text is.
  const confidence = best.confidence > 0 ? Math.min(best.confidence, best.score) : Math.max(0.3, (best.score - 0.97) / 0.03) * 0.6;
  return finish(fileName, best.text, { encoding: best.label, confidence: round2(confidence), method: 'detected', bom: false });
}

function hasBom(bytes: Uint8Array, label: string): boolean {
  if (label === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (label === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe;
  if (label === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff;
  return false;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function finish(fileName: string, text: string, encoding: EncodingInfo): DecodedText {
  const clean = stripBom(text);
  if (!clean.trim()) throw new UserError('import.empty', { file: fileName });
  // Never silently: a wrong choice leaves replacement characters, and the caller warns about them.
  const replaced = countReplacements(clean);
  if (replaced) encoding = { ...encoding, replaced };
  // Text with control characters all over is a binary file that happens to decode.
  if (encoding.method !== 'override' && plausibility(clean) < 0.9) {
    throw new UserError('import.binary', { file: fileName }, `plausibility ${plausibility(clean).toFixed(3)} as ${encoding.encoding}`);
  }
  return { text: clean, encoding };
}
