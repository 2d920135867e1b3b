import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../../shared/generate';
import { isUserError, MAX_IMAGE_BYTES, readImageInfo } from '../../../../shared/model';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A baseline JPEG header: SOI, APP0, (APP1 Exif with orientation), SOF0 with the size, then EOI. */
function jpeg(width: number, height: number, orientation?: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  let app1: number[] = [];
  if (orientation) {
    // Exif\0\0 + little-endian TIFF header + one IFD entry (0x0112 SHORT 1 value).
    const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
    const body = [...ascii('Exif\0\0'), ...tiff];
    app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  }
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return bytes(0xff, 0xd8, ...app0, ...app1, ...sof, 0xff, 0xd9);
}

function refusal(b: Uint8Array, name = 'x'): string {
  try {
    readImageInfo(b, name);
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('readImageInfo', () => {
  it('reads PNG from the bytes, with its pixel size', () => {
    const png = encodePng(40, 30, new Uint8Array(40 * 30 * 3).fill(200));
    expect(readImageInfo(png, '照片.png')).toEqual({ mime: 'image/png', width: 40, height: 30 });
    // The name does not matter: a PNG called .jpg is a PNG.
    expect(readImageInfo(png, '照片.jpg').mime).toBe('image/png');
  });

  it('reads JPEG sizes, turned by the EXIF orientation', () => {
    expect(readImageInfo(jpeg(3000, 2000), 'a.jpg')).toEqual({ mime: 'image/jpeg', width: 3000, height: 2000 });
    expect(readImageInfo(jpeg(3000, 2000, 6), 'a.jpg')).toEqual({ mime: 'image/jpeg', width: 2000, height: 3000 });
    expect(readImageInfo(jpeg(3000, 2000, 3), 'a.jpg')).toEqual({ mime: 'image/jpeg', width: 3000, height: 2000 });
  });

  it('reads WebP (lossy, lossless, extended)', () => {
    const riff = (chunk: string, payload: number[]) => bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...ascii(chunk), 0, 0, 0, 0, ...payload);
    expect(readImageInfo(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x20, 0x03, 0x58, 0x02]), 'a.webp')).toEqual({ mime: 'image/webp', width: 800, height: 600 });
    // VP8L: 14 bits width-1, 14 bits height-1 after the 0x2f signature.
    const w = 1023;
    const h = 511;
    const bits = w | (h << 14);
    expect(readImageInfo(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >> 24) & 0xff]), 'a.webp')).toEqual({ mime: 'image/webp', width: 1024, height: 512 });
    expect(readImageInfo(riff('VP8X', [0, 0, 0, 0, 0x3f, 0x1f, 0, 0xff, 0x0f, 0]), 'a.webp')).toEqual({ mime: 'image/webp', width: 8000, height: 4096 });
  });

  it('refuses formats the editor and the PDF export cannot show, saying what to do', () => {
    expect(refusal(bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), '扫描件.tif')).toBe('“扫描件.tif”是 TIFF 格式，编辑器和 PDF 导出都无法显示这种图片。请先用图片软件另存为 JPEG 或 PNG 后再插入。');
    expect(refusal(bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8))).toContain('TIFF');
    expect(refusal(bytes(0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0), 'IMG_0001.HEIC')).toContain('HEIC');
    expect(refusal(bytes(...ascii('GIF89a'), 1, 0, 1, 0))).toContain('GIF');
    expect(refusal(bytes(0x42, 0x4d, 0, 0, 0, 0))).toContain('BMP');
    expect(refusal(bytes(...ascii('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')))).toContain('SVG');
    expect(refusal(bytes(...ascii('%PDF-1.7')))).toContain('PDF');
  });

  it('refuses what is not an image, damaged headers and files over the size limit', () => {
    expect(refusal(bytes(...ascii('这不是图片')), '说明.txt')).toBe('“说明.txt”不是可以识别的图片文件。可以插入 JPEG、PNG 或 WebP 格式的图片。');
    expect(refusal(bytes(0xff, 0xd8, 0xff, 0xd9), '坏.jpg')).toBe('“坏.jpg”的图片数据不完整，读不出图片尺寸，可能已损坏。');
    expect(refusal(bytes(0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a), '坏.png')).toContain('不完整');
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(jpeg(10, 10));
    expect(refusal(big, '大.jpg')).toMatch(/^“大\.jpg”有 40\.0 MB，超过了 40 MB 的上限/);
  });
});
