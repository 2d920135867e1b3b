// Test helpers: the corpus seeds, the accuracy scorer (tests/fixtures/corpus) and a small book to import into.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newBook, newCategory, newSection, sequentialIds, type Book } from '../../../../shared/model';

export const CORPUS = path.resolve(import.meta.dirname, '../../../fixtures/corpus');
export const SEEDS = path.join(CORPUS, 'seeds');
export const GOLD = path.join(CORPUS, 'gold');

export const seedNames = (): string[] => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
export const seedText = (prefix: string): string => {
  const f = seedNames().find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS, f), 'utf8');
};
export const seedFile = (prefix: string): string => seedNames().find((n) => n.startsWith(prefix))!;

/** The book the kept-draft tests import into: 《下城年鉴》 with one category and one empty section (区长办公室). */
export function xiachengBook(): Book {
  const ids = sequentialIds('bk');
  const b = newBook({ title: '下城年鉴', volumeYear: 2021, recordYear: 2020 }, ids);
  const cat = newCategory('杭州市下城区人民政府', 'regular', ids);
  cat.sections.push(newSection('区长办公室', ids));
  b.body.push(cat);
  return b;
}

export interface Scores {
  /** file → measure → value */
  measures: Record<string, Record<string, number>>;
  files: Record<string, number>;
  score: number;
  output: string;
}

/** Runs score-outline.mjs on outlines (file name without extension → outline) against the gold files. */
export function scoreOutlines(outlines: Record<string, unknown>, onlyGold?: string[]): Scores {
  const dir = mkdtempSync(path.join(tmpdir(), 'yb-outline-'));
  const goldDir = mkdtempSync(path.join(tmpdir(), 'yb-gold-'));
  try {
    for (const [name, o] of Object.entries(outlines)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(o));
    for (const g of readdirSync(GOLD)) {
      if (onlyGold && !onlyGold.some((p) => g.startsWith(p))) continue;
      writeFileSync(path.join(goldDir, g), readFileSync(path.join(GOLD, g)));
    }
    const output = execFileSync(process.execPath, [path.join(CORPUS, 'score-outline.mjs'), '-v', '--dir', goldDir, dir], { encoding: 'utf8' });
    const measures: Scores['measures'] = {};
    const files: Scores['files'] = {};
    let score = NaN;
    for (const line of output.split('\n')) {
      let m = /^\s+(\S+)\.json (\w+): ([\d.]+)$/.exec(line);
      if (m) {
        (measures[m[1]!] ??= {})[m[2]!] = Number(m[3]);
        continue;
      }
      m = /^(\S+)\.json: ([\d.]+)$/.exec(line);
      if (m) {
        files[m[1]!] = Number(m[2]);
        continue;
      }
      m = /^score: ([\d.]+)$/.exec(line);
      if (m) score = Number(m[1]);
    }
    return { measures, files, score, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(goldDir, { recursive: true, force: true });
  }
}
