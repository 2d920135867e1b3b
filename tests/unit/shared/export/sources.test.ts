// The kept drafts (来稿原文) are not part of the printed book: the Word document and the print documents of a
// book with sources are those of the same book without them, and no source text or asset reaches them.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBookDocx } from '../../../../shared/export/docx';
import { resolveProfile } from '../../../../shared/export/profile';
import { PartRenderer, tableFigureNumbers } from '../../../../shared/export/render';
import { placeImports, placeImportsKeepingSources, prepareSource, recogniseText, sourceAssetBytes } from '../../../../shared/import';
import { allCategories, sequentialIds, type Book } from '../../../../shared/model';
import { loadSampleContents } from '../../../../shared/sample';
import { seedText } from '../import/corpus';

describe('exports leave the kept drafts out', () => {
  const sample = loadSampleContents();
  // Reports printed with running heads and folios, which the importer drops.
  const result = recogniseText(seedText('001'), '政府工作报告.txt', { ids: sequentialIds('r') });
  const source = prepareSource(result, { fileName: '政府工作报告.txt' }, { importedAt: '2024-05-06T07:08:09.000Z' });
  const plain = placeImports(sample.book, [{ result, placement: { mode: 'auto' } }], sequentialIds('p'));
  const kept = placeImportsKeepingSources(sample.book, [{ result, placement: { mode: 'auto' }, source }], sequentialIds('p'));
  const keptAssets = new Map([...sample.assets, ...sourceAssetBytes([source])]);
  // The running heads and folios the importer dropped: in the original, not in the book.
  const dropped = result.report.lines.filter((l) => l.role === 'running-head').map((l) => l.text.trim());

  it('the tree is the same with and without the sources', () => {
    expect(kept.body).toEqual(plain.body);
    expect(kept.sources).toHaveLength(1);
    expect(dropped.length).toBeGreaterThan(0);
  });

  it('Word: the same document, no source text, no source file in the package', async () => {
    const a = await exportBookDocx({ book: plain, assets: sample.assets });
    const b = await exportBookDocx({ book: kept, assets: keptAssets });
    expect(b.counts).toEqual(a.counts);
    const fa = unzipSync(a.bytes);
    const fb = unzipSync(b.bytes);
    expect(Object.keys(fb).sort()).toEqual(Object.keys(fa).sort());
    // The Word library numbers drawings with a counter that runs on from one document to the next.
    const same = (xml: string) => xml.replace(/ id="\d+"/g, ' id=""');
    const doc = strFromU8(fb['word/document.xml']!);
    expect(same(doc) === same(strFromU8(fa['word/document.xml']!))).toBe(true);
    for (const line of dropped) expect(doc.includes(line), line).toBe(false);
    expect(b.counts.images).toBeGreaterThan(0);
  });

  it('print: the same part documents, and only figures’ images are asked for', () => {
    const render = (book: Book) => {
      const asked = new Set<string>();
      const r = new PartRenderer({ book, profile: resolveProfile(book.printProfile), assetUrl: (id) => (asked.add(id), `assets/${id}`), numbers: tableFigureNumbers(book) });
      const html = allCategories(book).map((c) => r.category(c, { opener: true })).join('\n');
      return { html, asked };
    };
    const a = render(plain);
    const b = render(kept);
    expect(b.html === a.html).toBe(true);
    expect([...b.asked]).toEqual([...a.asked]);
    expect(b.asked.size).toBeGreaterThan(0);
    for (const id of [source.record.textAssetId, source.record.marksAssetId!]) expect(b.asked.has(id)).toBe(false);
    for (const line of dropped) expect(b.html.includes(line), line).toBe(false);
  });
});
