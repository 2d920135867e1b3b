// Stand-in photos for the sample book's figures: the seeds are text, so the sample carries a neutral picture
// that is plainly not a photograph — a grey hatched field with a framed picture sign (sun over hills) — to show
// how figures with images look in the editor, the PDF and the Word export. Drawn in code and encoded with the
// generator's PNG encoder, so the committed sample stays a small JSON file; the same index gives the same bytes.
import { encodePng } from '../generate/png';

/** Asset id of the stand-in photo of the sample's n-th figure (0-based, book order). */
export function samplePhotoId(n: number): string {
  return `x_sample${n + 1}`;
}

/** Width and height of stand-in n: 300 dpi across one column of the default profile (≈ 83 mm), 3:2 or 4:3. */
export function samplePhotoSize(n: number): { width: number; height: number } {
  return n % 2 === 0 ? { width: 990, height: 660 } : { width: 990, height: 742 };
}

/** Stand-in picture n (0-based) as PNG bytes. */
export function samplePhoto(n: number): Uint8Array {
  const { width, height } = samplePhotoSize(n);
  const px = new Uint8Array(width * height * 3);
  const set = (x: number, y: number, v: number) => {
    const i = (y * width + x) * 3;
    px[i] = v;
    px[i + 1] = v;
    px[i + 2] = v + 4; // a faint cool tint, still grey
  };
  const cx = width / 2;
  const cy = height / 2;
  // The picture sign: a frame 36 % of the width, a sun in its upper left, two hills along its bottom.
  const fw = Math.round(width * 0.36);
  const fh = Math.round(fw * 0.72);
  const fx0 = Math.round(cx - fw / 2);
  const fy0 = Math.round(cy - fh / 2);
  const sun = { x: fx0 + fw * 0.3, y: fy0 + fh * 0.32, r: fh * 0.12 };
  const hill = (x: number, peak: number, half: number, top: number) => fy0 + fh - Math.max(0, (1 - Math.abs(x - peak) / half) * top);
  const stripe = 22 + (n % 3) * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = (x + y + n * 7) % stripe < 3 ? 214 : 226; // hatched field
      if (x < 6 || y < 6 || x >= width - 6 || y >= height - 6) v = 150; // outer border
      const inFrame = x >= fx0 && x < fx0 + fw && y >= fy0 && y < fy0 + fh;
      if (inFrame) {
        v = 240;
        const border = x < fx0 + 8 || y < fy0 + 8 || x >= fx0 + fw - 8 || y >= fy0 + fh - 8;
        if (border) v = 128;
        else if ((x - sun.x) ** 2 + (y - sun.y) ** 2 <= sun.r ** 2) v = 170;
        else if (y >= hill(x, fx0 + fw * 0.42, fw * 0.38, fh * 0.5) || y >= hill(x, fx0 + fw * 0.75, fw * 0.3, fh * 0.36)) v = 160;
      }
      set(x, y, v);
    }
  }
  return encodePng(width, height, px);
}
