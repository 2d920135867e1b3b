// Which characters the bundled faces can set: the union of their cmaps, read from the woff2 files themselves
// (woff2.ts). A character outside this
// set falls back to a system font, which may embed as Type 3 — the preflight names such characters.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_FACES, fontsourceRoot } from './fonts';
import { woff2CodePoints } from './woff2';

let coverage: Set<number> | null = null;

/** Every code point some bundled face (any weight) can set. Computed once (≈ 1 s), then cached. */
export function bundledCoverage(): Set<number> {
  if (coverage) return coverage;
  const set = new Set<number>();
  const root = fontsourceRoot();
  for (const spec of BUNDLED_FACES) {
    const dir = path.join(root, spec.pkg, 'files');
    const w = spec.weights[0]!;
    for (const f of readdirSync(dir)) if (f.endsWith(`-${w}-normal.woff2`)) woff2CodePoints(new Uint8Array(readFileSync(path.join(dir, f))), set);
  }
  coverage = set;
  return set;
}
