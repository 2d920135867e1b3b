// The bundled export faces (OFL, from @fontsource): TrueType outlines, so Chromium embeds them as CID TrueType.
// Each family is declared twice: the main family holds the GB 2312-sized "chinese-simplified" file plus Latin,
// the "Ext" family holds the whole font split by Unicode range, so a rare character is still set in the same
// design (and still embedded as TrueType) instead of falling back to a system font.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extFamily } from '../../../shared/export/profile';
import { unicodeRangeOf, woff2CodePoints } from './woff2';

export const PRINT_URL_PREFIX = '/__yearbook/';

interface FaceSpec {
  pkg: string;
  family: string;
  weights: number[];
  /** The single-file subset for the main family, if the package has one. */
  main?: string;
}

export const BUNDLED_FACES: FaceSpec[] = [
  { pkg: 'noto-serif-sc', family: 'Noto Serif SC', weights: [400, 700], main: 'chinese-simplified' },
  { pkg: 'noto-sans-sc', family: 'Noto Sans SC', weights: [400, 700], main: 'chinese-simplified' },
  { pkg: 'lxgw-wenkai', family: 'LXGW WenKai', weights: [500] },
];

/** Where the @fontsource packages are: node_modules in development, resources/fonts in a packaged app. */
export function fontsourceRoot(): string {
  const env = process.env.YEARBOOK_FONTS_DIR;
  if (env && existsSync(env)) return env;
  const require = createRequire(import.meta.url);
  return path.dirname(path.dirname(require.resolve('@fontsource/noto-serif-sc/package.json')));
}

interface Face {
  url: string;
  weight: number;
  range?: string;
}

function parseFaces(cssFile: string, prefix: string, pkg: string): Face[] {
  if (!existsSync(cssFile)) return [];
  const css = readFileSync(cssFile, 'utf8');
  const faces: Face[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const url = /url\(\.\/files\/([^)]+?\.woff2)\)/.exec(block)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400);
    // A face without a unicode-range (the single-file GB 2312 subsets) gets the range of its own cmap: Chromium
    // then never asks it for a character it lacks, and FONT_LOAD_SCRIPT, which follows the ranges to decide
    // which faces to load before printing (shared/export/fontLoad.ts), loads the Ext face for those instead.
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim() ?? (url ? fileRange(path.join(path.dirname(cssFile), 'files', url)) : undefined);
    if (url) faces.push({ url: `${prefix}fonts/${pkg}/${url}`, weight, ...(range ? { range } : {}) });
  }
  return faces;
}

/** The unicode-range of a font file's cmap, or undefined when it cannot be read. */
function fileRange(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const cps = woff2CodePoints(new Uint8Array(readFileSync(file)));
  return cps.size ? unicodeRangeOf(cps) : undefined;
}

function rule(family: string, f: Face): string {
  return `@font-face{font-family:"${family}";font-style:normal;font-weight:${f.weight};font-display:block;src:url(${f.url}) format("woff2");${
    f.range ? `unicode-range:${f.range};` : ''
  }}`;
}

let cached: { prefix: string; css: string } | null = null;

/** @font-face rules for every bundled face, with URLs under prefix (served by fontResource). */
export function bundledFontCss(prefix = PRINT_URL_PREFIX): string {
  if (cached?.prefix === prefix) return cached.css;
  const root = fontsourceRoot();
  const rules: string[] = [];
  for (const spec of BUNDLED_FACES) {
    const dir = path.join(root, spec.pkg);
    for (const w of spec.weights) {
      const all = parseFaces(path.join(dir, `${w}.css`), prefix, spec.pkg);
      if (spec.main) {
        for (const f of parseFaces(path.join(dir, `${spec.main}-${w}.css`), prefix, spec.pkg)) rules.push(rule(spec.family, f));
        for (const sub of ['latin', 'latin-ext']) {
          for (const f of parseFaces(path.join(dir, `${sub}-${w}.css`), prefix, spec.pkg)) rules.push(rule(spec.family, f));
        }
        for (const f of all) rules.push(rule(extFamily(spec.family), f));
      } else {
        for (const f of all) rules.push(rule(spec.family, f));
      }
    }
  }
  const css = rules.join('\n');
  cached = { prefix, css };
  return css;
}

const fileCache = new Map<string, Uint8Array>();

/** Bytes of a font file named in the CSS: "fonts/<pkg>/<file>" (relative to the prefix). */
export function fontResource(rel: string): Uint8Array | null {
  const m = /^fonts\/([a-z0-9-]+)\/([a-z0-9-]+\.woff2)$/.exec(rel);
  if (!m) return null;
  if (!BUNDLED_FACES.some((f) => f.pkg === m[1])) return null;
  const key = `${m[1]}/${m[2]}`;
  const hit = fileCache.get(key);
  if (hit) return hit;
  const file = path.join(fontsourceRoot(), m[1]!, 'files', m[2]!);
  if (!existsSync(file)) return null;
  const bytes = new Uint8Array(readFileSync(file));
  fileCache.set(key, bytes);
  return bytes;
}
