// Images a user puts into a figure: which formats the book accepts, read from the bytes (never from the file
// name), with the pixel size the PDF export needs for its resolution check. Accepted are the formats both the
// editor (Chromium) and the PDF export (Chromium's print engine) show: JPEG, PNG and WebP. TIFF, HEIC, BMP,
// GIF, SVG and Windows metafiles are refused with a message saying what to do.
import { UserError } from './errors';

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];
/** Extensions offered in the file dialog. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;
/** Largest image accepted, in bytes (a camera JPEG is 3–15 MB). */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

export interface ImageInfo {
  mime: ImageMime;
  /** Pixel size as shown (EXIF orientation applied for JPEG). */
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The name of a format the book does not take, or null when the bytes are none of the known ones. */
function refusedFormat(b: Uint8Array): string | null {
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'TIFF';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|heim|heis)$/.test(ascii(b, 8, 4))) return 'HEIC';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4))) return 'AVIF';
  if (b.length >= 6 && ascii(b, 0, 4) === 'GIF8') return 'GIF';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'BMP';
  if (b.length >= 4 && ascii(b, 0, 4) === '%PDF') return 'PDF';
  if (b.length >= 4 && b[0] === 0xd7 && b[1] === 0xcd && b[2] === 0xc6 && b[3] === 0x9a) return 'WMF';
  if (b.length >= 44 && b[0] === 1 && b[1] === 0 && b[2] === 0 && b[3] === 0 && ascii(b, 40, 4) === ' EMF') return 'EMF';
  const head = ascii(b, 0, Math.min(b.length, 256)).replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|svg)/i.test(head) && /<svg/i.test(ascii(b, 0, Math.min(b.length, 4096)))) return 'SVG';
  return null;
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** EXIF orientation (1–8) from a JPEG APP1 segment, or 1. */
function exifOrientation(b: Uint8Array, start: number, length: number): number {
  if (ascii(b, start, 6) !== 'Exif\0\0') return 1;
  const tiff = start + 6;
  const le = b[tiff] === 0x49;
  const r16 = (i: number) => (le ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number) => (le ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000 : u32be(b, i));
  const ifd = tiff + r32(tiff + 4);
  if (ifd + 2 > start + length) return 1;
  const count = r16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > start + length) break;
    if (r16(e) === 0x0112) return r16(e + 8);
  }
  return 1;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = u16be(b, i + 2);
    if (len < 2) return null;
    if (marker === 0xe1) orientation = exifOrientation(b, i + 4, len - 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    if (marker === 0xda) return null;
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Uint8Array): { width: number; height: number } | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** Pixel size (as shown) of PNG, JPEG or WebP bytes, or null when they are none of these or unreadable. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return pngSize(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegSize(bytes);
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpSize(bytes);
  return null;
}

/**
 * Reads what kind of image the bytes are and its pixel size. A UserError (Chinese message) for a file that is
 * too large, a format the book cannot show, something that is not an image, or damaged image data.
 */
export function readImageInfo(bytes: Uint8Array, fileName: string): ImageInfo {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new UserError('image.tooLarge', { file: fileName, size: (bytes.length / 1048576).toFixed(1), max: MAX_IMAGE_BYTES / 1048576 }, `${bytes.length} bytes`);
  }
  let mime: ImageMime | null = null;
  let size: { width: number; height: number } | null = null;
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') {
    mime = 'image/png';
    size = pngSize(bytes);
  } else if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    mime = 'image/jpeg';
    size = jpegSize(bytes);
  } else if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    mime = 'image/webp';
    size = webpSize(bytes);
  }
  if (!mime) {
    const refused = refusedFormat(bytes);
    if (refused) throw new UserError('image.unsupported', { file: fileName, format: refused }, `format ${refused}`);
    throw new UserError('image.notImage', { file: fileName }, `first bytes ${[...bytes.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join(' ')}`);
  }
  if (!size || size.width < 1 || size.height < 1) throw new UserError('image.damaged', { file: fileName }, `${mime} without a readable size`);
  return { mime, ...size };
}
