// Categories are printed several to a document (shared/export/pipeline.ts printChunks) and the document is split
// back into one part per category by the pages of the category's opener and end marker. Printing the seed book
// in two documents must give exactly the book that printing each category on its own gives: the same pages, in
// the same places, with the same text, running heads and folios — blank versos included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printChunks, type ExportResult } from '../../../../shared/export/pipeline';
import type { Book } from '../../../../shared/model';
import { exportWithChromium } from '../../../../electron/node/print/exportFile';
import { launchPlaywrightPrinter } from '../../../../electron/node/print/playwrightPrinter';
import type { Printer } from '../../../../electron/node/print/printer';
import { bookResources } from '../../../../electron/node/print/resources';
import { seedBook } from '../../../helpers/seedBook';
import { pdftotextPages, squash } from './pdfTools';

describe('printChunks', () => {
  it('groups consecutive items into documents of about equal size, never more than asked and none empty', () => {
    const sizes = [291, 133, 122, 119, 109, 108, 104, 103, 101, 96, 96, 96, 92, 92, 92, 92, 91, 87, 81, 80, 80, 79, 78, 78, 75, 68, 64, 61, 60, 41];
    const chunks = printChunks(sizes, (x) => x, 4);
    expect(chunks).toHaveLength(4);
    expect(chunks.flat()).toEqual(sizes);
    const totals = chunks.map((c) => c.reduce((a, b) => a + b, 0));
    const mean = sizes.reduce((a, b) => a + b, 0) / 4;
    for (const t of totals) expect(Math.abs(t - mean)).toBeLessThan(300);
    expect(printChunks([5, 5], (x) => x, 4)).toEqual([[5], [5]]);
    expect(printChunks([5], (x) => x, 4)).toEqual([[5]]);
    expect(printChunks([1, 1, 1, 100], (x) => x, 2)).toEqual([[1, 1, 1], [100]]);
  });
});

describe('a volume printed in a few documents', () => {
  let book: Book;
  let printer: Printer;
  const runs: { result: ExportResult; pages: string[]; documents: number }[] = [];

  beforeAll(async () => {
    book = seedBook();
    const base = await launchPlaywrightPrinter({ resources: bookResources(new Map(), new Map()) });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yb-chunks-'));
    // concurrency 1 → two documents for all categories; concurrency 8 → one document per category.
    for (const concurrency of [1, 8]) {
      let documents = 0;
      printer = {
        ...base,
        print: (job) => {
          if (job.label.startsWith('body:')) documents++;
          return base.print(job);
        },
      };
      const result = await exportWithChromium({ book, assets: new Map(), printer, concurrency });
      const file = path.join(dir, `c${concurrency}.pdf`);
      writeFileSync(file, result.pdf);
      // The characters of each page, sorted: a glyph may sit a fraction of a point higher in a long document than in a
      // short one, which changes how pdftotext groups lines into reading order, not what is on the page.
      runs.push({ result, pages: pdftotextPages(file).map((p) => [...squash(p)].sort().join('')), documents });
    }
    printer = base;
  }, 240_000);
  afterAll(async () => {
    await printer?.close();
  });

  it('prints the categories in two documents, or one each', () => {
    const categories = book.body.concat(book.back.filter((b) => b.type === 'category') as never).filter((c) => c.sections.length).length;
    expect(categories).toBeGreaterThan(2);
    expect(runs[0]!.documents).toBe(2);
    expect(runs[1]!.documents).toBe(categories);
  });

  it('gives the same book either way: pages, text, running heads, folios and blank versos', () => {
    const [two, each] = runs;
    expect(two!.result.pages.length).toBe(each!.result.pages.length);
    expect(two!.result.pages).toEqual(each!.result.pages);
    expect(two!.result.pages.some((p) => p.kind === 'blank')).toBe(true);
    expect(two!.pages).toEqual(each!.pages);
    expect([...two!.result.nodePages]).toEqual([...each!.result.nodePages]);
  });
});
