// Reading produced PDFs back with poppler-utils, as a printer's prepress desk would.
import { execFileSync } from 'node:child_process';

export function pdftotextPages(file: string, layout = false): string[] {
  const out = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const pages = out.split('\f');
  if (pages[pages.length - 1] === '') pages.pop();
  return pages;
}

/** Text of a region of one page (1-based page number, region in points from the top-left). */
export function pdftotextRegion(file: string, page: number, x: number, y: number, w: number, h: number, layout = false): string {
  return execFileSync(
    'pdftotext',
    [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), '-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', String(Math.round(w)), '-H', String(Math.round(h)), '-r', '72', '-enc', 'UTF-8', file, '-'],
    { encoding: 'utf8' },
  );
}

export function pdffonts(file: string): { name: string; type: string; emb: string }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\S+)\s+(Type 3|CID TrueType|CID Type 0C?|TrueType|Type 1C?|Type 0)\s+(\S+)\s+(yes|no)/.exec(l);
      return { name: m?.[1] ?? l, type: m?.[2] ?? 'unknown', emb: m?.[4] ?? '?' };
    });
}

export function pdfinfoBoxes(file: string, page = 1): Record<string, number[]> {
  const out = execFileSync('pdfinfo', ['-box', '-f', String(page), '-l', String(page), file], { encoding: 'utf8' });
  const boxes: Record<string, number[]> = {};
  for (const m of out.matchAll(/^(?:Page\s+\d+\s+)?(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+([\d.\s]+)$/gm)) boxes[m[1]!] = m[2]!.trim().split(/\s+/).map(Number);
  const info = /Title:\s+(.*)/.exec(out);
  if (info) boxes.title = [];
  return boxes;
}

export function pdfinfo(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

/** Lines of text with all whitespace (including U+3000 letter-spacing) removed. */
export const squashLines = (text: string) => text.split('\n').map((l) => l.replace(/[\s\u3000]+/g, '')).filter(Boolean);
export const squash = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Lines with whitespace removed, where runs of one-character lines (letter-spaced headings such as "民\u3000政",
 * which pdftotext splits) are joined again. */
export function headingLines(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const l of squashLines(text)) {
    if ([...l].length === 1) run += l;
    else {
      if (run) out.push(run);
      run = '';
      out.push(l);
    }
  }
  if (run) out.push(run);
  return out;
}

/** Words of one page (1-based) with their boxes in points from the top-left (pdftotext -bbox). */
export function pdfWords(file: string, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const out = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}
