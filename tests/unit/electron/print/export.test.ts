// The whole pipeline on a real book built from the corpus seeds, printed by Chromium and read back with
// poppler-utils and pdf-lib: page size with bleed, boxes, fonts, running heads, TOC and index pages, 续表.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, type PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../../shared/export/pipeline';
import { inspectPdf } from '../../../../shared/export/preflight';
import type { Book, Figure } from '../../../../shared/model';
import { allSections, bookBlocks } from '../../../../shared/model';
import { withStandInPhotos } from '../../../../shared/sample/build';
import { samplePhoto } from '../../../../shared/sample/photos';
import { exportWithChromium } from '../../../../electron/node/print/exportFile';
import { launchPlaywrightPrinter } from '../../../../electron/node/print/playwrightPrinter';
import type { Printer } from '../../../../electron/node/print/printer';
import { bookResources } from '../../../../electron/node/print/resources';
import { seedBook } from '../../../helpers/seedBook';
import { headingLines, pdffonts, pdfinfo, pdfinfoBoxes, pdftotextPages, pdftotextRegion, pdfWords, squash } from './pdfTools';

let book: Book;
let result: ExportResult;
let file: string;
let pages: string[];
let printer: Printer;
const MM = 72 / 25.4;

/** The figure left without its photo: the PDF shows a 图片待补 frame there and the preflight names it. */
let pending: Figure;

/** The seed book with the sample's stand-in photos on its figures, except the last numbered one. */
function bookWithPhotos(): { book: Book; assets: Map<string, Uint8Array>; mimes: Map<string, string> } {
  const b = withStandInPhotos(seedBook());
  const figures = [...bookBlocks(b)].flatMap((v) => (v.block.type === 'figure' ? [v.block] : []));
  pending = figures.filter((f) => f.number).at(-1)!;
  const dropped = pending.assetId;
  pending.assetId = null;
  const assets = new Map(b.assets.map((a, n) => [a.id, samplePhoto(n)] as const).filter(([id]) => id !== dropped));
  b.assets = b.assets.filter((a) => a.id !== dropped);
  return { book: b, assets, mimes: new Map(b.assets.map((a) => [a.id, a.mime])) };
}

beforeAll(async () => {
  const withPhotos = bookWithPhotos();
  book = withPhotos.book;
  printer = await launchPlaywrightPrinter({ resources: bookResources(withPhotos.assets, withPhotos.mimes) });
  result = await exportWithChromium({ book, assets: withPhotos.assets, printer });
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yb-export-')), 'book.pdf');
  writeFileSync(file, result.pdf);
  pages = pdftotextPages(file);
}, 240_000);
afterAll(async () => {
  await printer?.close();
});

/** Heading-like lines of a page: whole-page layout text plus each column cropped (two-column reading order). */
function pageHeadings(physical: number): string[] {
  const left = result.pages[physical]!.side === 'left';
  const x0 = (3 + (left ? 17 : 20)) * MM;
  const colW = ((173 - 6) / 2) * MM;
  const gap = 6 * MM;
  const h = 291 * MM;
  const cols = [pdftotextRegion(file, physical + 1, x0 - 2, 0, colW + gap / 2, h, true), pdftotextRegion(file, physical + 1, x0 + colW + gap / 2, 0, colW + gap, h, true)];
  return [...headingLines(pages[physical]!), ...cols.flatMap((c) => c.split('\n').map((l) => squash(l)).filter(Boolean))];
}

/** Physical page (0-based) of a printed folio in the body. */
const physicalOf = (folio: string) => result.pages.find((p) => p.folio === folio && p.kind !== 'blank')?.index ?? -1;

describe('print-ready PDF of the seed book', () => {
  it('has the trim size plus 3 mm bleed on every page, with TrimBox and BleedBox', async () => {
    const boxes = pdfinfoBoxes(file, 1);
    expect(boxes.MediaBox![2]).toBeCloseTo(216 * MM, 1);
    expect(boxes.MediaBox![3]).toBeCloseTo(291 * MM, 1);
    expect(boxes.TrimBox).toEqual([8.5, 8.5, 603.78, 816.38]);
    expect(boxes.BleedBox![2]).toBeCloseTo(216 * MM, 1);
    const facts = await inspectPdf(result.pdf);
    expect(facts.pagesWithoutBoxes).toEqual([]);
    expect(facts.pagesOfOtherSize).toEqual([]);
    expect(facts.pageCount).toBe(result.pages.length);
    expect(facts.pageCount).toBeGreaterThan(50);
  });

  it('embeds every font as CID TrueType — no Type 3', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(3);
    expect(fonts.filter((f) => f.type !== 'CID TrueType')).toEqual([]);
    expect(fonts.every((f) => f.emb === 'yes')).toBe(true);
    expect(result.preflight.fonts.every((f) => f.kind === 'CID TrueType' && f.embedded)).toBe(true);
    expect(result.preflight.ok).toBe(true);
  });

  it('prints running heads: book title on even pages, the category on odd pages, folios on the outer edge', { timeout: 60_000 }, () => {
    const layoutPages = pdftotextPages(file, true);
    const cats = new Set(book.body.map((c) => c.title).concat(book.back.filter((b) => b.type === 'category').map((c) => c.title)));
    let checked = 0;
    for (const p of result.pages) {
      if (p.kind !== 'category' || !p.head) continue;
      const first = layoutPages[p.index]!.split('\n').find((l) => l.trim())!;
      const parts = first.trim().split(/\s{2,}/);
      if (p.side === 'left') expect(parts, `page ${p.index + 1}`).toEqual([p.folio, '临安年鉴（2021）']);
      else {
        expect(cats.has(parts[0]!), `page ${p.index + 1}: ${first}`).toBe(true);
        expect(parts).toEqual([p.head, p.folio]);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    // category openers carry neither head nor folio
    for (const p of result.pages.filter((x) => x.kind === 'category' && x.folio === null && x.head === null)) {
      expect(headingLines(pages[p.index]!).some((l) => cats.has(l))).toBe(true);
    }
  });

  it("gives each section in the TOC the page where that section's heading is printed", { timeout: 120_000 }, () => {
    const tocPages = result.pages.filter((p) => p.kind === 'toc').map((p) => pages[p.index]!);
    const sections = new Set(allSections(book).map((s) => s.section.title));
    const entries: { title: string; folio: string }[] = [];
    for (const line of tocPages.join('\n').split('\n')) {
      const m = /^(.+?)\s*(?:·\s*)+(\d+)$/.exec(line.trim());
      if (m && sections.has(m[1]!.trim())) entries.push({ title: m[1]!.trim(), folio: m[2]! });
    }
    expect(entries.length).toBeGreaterThan(25);
    for (const e of entries) {
      const at = physicalOf(e.folio);
      expect(at, `${e.title} → ${e.folio}`).toBeGreaterThan(0);
      expect(pageHeadings(at), `${e.title} on page ${e.folio}`).toContain(squash(e.title));
      // and not already on the page before (the TOC must not cite a page too early or too late)
      if (result.pages[at - 1]?.kind === 'category') {
        const before = pageHeadings(at - 1);
        const same = allSections(book).filter((x) => x.section.title === e.title).length;
        if (same === 1) expect(before).not.toContain(squash(e.title));
      }
    }
  });

  it("balances the two columns on each category's last page", { timeout: 60_000 }, () => {
    const lastPages = result.pages.filter((p, i) => {
      const next = result.pages[i + 1];
      return p.kind === 'category' && p.head !== null && (!next || next.kind !== 'category' || next.head === null);
    });
    expect(lastPages.length).toBeGreaterThanOrEqual(2);
    let checked = 0;
    for (const p of lastPages) {
      const x0 = (3 + (p.side === 'left' ? 17 : 20)) * MM;
      const gutter = x0 + ((173 - 6) / 2 + 3) * MM; // the middle of the column gap
      const [top, bottom] = [(3 + 22) * MM, (3 + 285 - 20) * MM]; // the type area: no running head, no folio
      const words = pdfWords(file, p.index + 1).filter((w) => w.yMin >= top - 1 && w.yMax <= bottom + 1);
      if (words.some((w) => w.xMin < gutter && w.xMax > gutter)) continue; // full-width content: no columns to balance
      const ends = [words.filter((w) => w.xMax < gutter), words.filter((w) => w.xMin > gutter)].map((ws) => Math.max(top, ...ws.map((w) => w.yMax)));
      const [l, r] = ends.map((y) => (y - top) / MM);
      if (l! + r! < 40) continue; // a few closing lines: nothing to balance
      checked++;
      // balanced: the columns end within a few lines of each other — a heading kept with its entry may move to
      // the next column (≈ 25 mm); unbalanced, the left column runs to the foot and the right ends far above it
      expect(Math.abs(l! - r!), `page ${p.folio}: left column ${l!.toFixed(0)} mm, right ${r!.toFixed(0)} mm`).toBeLessThanOrEqual(30);
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('repeats the header row under 续表 on every continuation page of a table', () => {
    // 表6 (续表N house style): the first page carries the caption; every later fragment (next column or page)
    // starts with 续表6 and the repeated header. The first fragment's 续表 line is covered by the caption box.
    const t6 = pages.findIndex((p) => p.includes('2020年临安区政府民生实事项目完成情况'));
    expect(t6).toBeGreaterThan(0);
    const withCont = pages.map((p, i) => ({ s: squash(p), i })).filter(({ s, i }) => i >= t6 && i < t6 + 4 && s.includes('续表6'));
    const occurrences = withCont.reduce((n, { s }) => n + s.split('续表6').length - 1, 0);
    expect(occurrences).toBeGreaterThanOrEqual(2); // the covered one on the first fragment + at least one continuation
    let covered = 0;
    let continued = 0;
    const count = (s: string, x: string) => s.split(x).length - 1;
    for (const { s } of withCont) {
      for (let at = s.indexOf('续表6'); at >= 0; at = s.indexOf('续表6', at + 1)) {
        const after = s.slice(at, at + 40);
        if (after.startsWith('续表6表62020年临安区政府民生实事项目完成情况')) covered++;
        else {
          expect(after).toMatch(/^续表6单位：项/);
          continued++;
        }
      }
      // every fragment on the page (first and continuations) has its own header row
      for (const cell of ['实项目', '完成情况', '责任单位']) expect(count(s, cell)).toBeGreaterThanOrEqual(count(s, '续表6'));
    }
    expect(covered).toBe(1);
    expect(continued).toBeGreaterThanOrEqual(1);
    // the wide appendix table (unnumbered: 续表) runs over several pages, each with its header
    const wide = pages.findIndex((p) => squash(p).includes('2020年区《政府工作报告》主要目标任务进展情况'));
    expect(wide).toBeGreaterThan(0);
    // its short 牵头单位 entries are set on one line, not squeezed to a character a line beside the long columns
    expect(pages[wide]!.split('\n').map(squash)).toContain('区发改经信局');
    const contWide = pages.map((p, i) => ({ s: squash(p), i })).filter(({ s, i }) => i > wide && s.includes('续表'));
    expect(contWide.length).toBeGreaterThanOrEqual(2);
    for (const { s } of contWide) for (const cell of ['项目名称', '项目内容', '牵头单位', '责任单位', '目前进展情况']) expect(count(s, cell)).toBeGreaterThanOrEqual(count(s, '续表'));
  });

  it('points index entries at the pages (and columns) where the terms are', { timeout: 120_000 }, () => {
    const idxText = result.pages.filter((p) => p.kind === 'index').map((p) => pages[p.index]!).join('\n');
    const refs: { term: string; folio: string; col: string }[] = [];
    for (const line of idxText.split('\n')) {
      const m = /^(.+?)\s*(?:·\s*)+([\d]+[ab]?(?:，\d+[ab]?)*)$/.exec(line.trim());
      if (!m || !/\p{Script=Han}{2}/u.test(m[1]!) || m[1]!.startsWith('·')) continue; // skip the tails of wrapped terms
      for (const r of m[2]!.split('，')) refs.push({ term: m[1]!.trim(), folio: r.replace(/[ab]$/, ''), col: r.replace(/^\d+/, '') });
    }
    expect(refs.length).toBeGreaterThan(100);
    // index terms tagged in the text and a sample of entry titles
    const tagged = refs.filter((r) => ['新冠肺炎', '数字经济', '垃圾分类', '河长制', '城市大脑'].includes(r.term));
    expect(tagged.length).toBeGreaterThanOrEqual(4);
    const sample = [...tagged, ...refs.filter((_, i) => i % 9 === 0)];
    const h = 291 * MM;
    for (const r of sample) {
      const at = physicalOf(r.folio);
      expect(at, `${r.term} → ${r.folio}`).toBeGreaterThan(0);
      const generic = /概况$|综述$/.test(r.term) && !squash(pages[at]!).includes(r.term);
      const want = generic ? r.term.slice(-2) : r.term;
      expect(squash(pages[at]!), `${r.term} on page ${r.folio}`).toContain(squash(want).slice(0, 12));
      if (r.col) {
        // crop the page to the column and look for the term there
        const left = result.pages[at]!.side === 'left';
        const x0 = (3 + (left ? 17 : 20)) * MM; // bleed + outer (left page) or inner (right page) margin
        const colW = ((173 - 6) / 2) * MM;
        const gap = 6 * MM;
        const x = r.col === 'a' ? x0 - 2 : x0 + colW + gap / 2;
        const text = pdftotextRegion(file, at + 1, x, 0, colW + gap / 2 + 2, h);
        expect(squash(text), `${r.term} in column ${r.col} of page ${r.folio}`).toContain(squash(want).slice(0, 6));
      }
    }
  });

  it('writes bookmarks for categories and sections, page labels and the metadata', async () => {
    const doc = await PDFDocument.load(result.pdf);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    let node = outlines.lookup(PDFName.of('First'));
    while (node instanceof PDFDict) {
      titles.push(String((node.lookup(PDFName.of("Title")) as unknown as { decodeText(): string }).decodeText()));
      node = node.lookup(PDFName.of('Next'));
    }
    expect(titles).toEqual(expect.arrayContaining(['书名页', '编辑说明', '目录', '特载', '杭州市临安区人民政府', '附录', '索引']));
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    expect(first).toBeTruthy();
    const linan = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect((linan.lookup(PDFName.of('Count')) as PDFNumber).asNumber()).toBe(titles.length);
    const info = pdfinfo(file);
    expect(info).toMatch(/Title:\s+临安年鉴（2021）/);
    expect(info).toMatch(/Author:\s+杭州市临安区地方志办公室/);
    expect(doc.catalog.get(PDFName.of('PageLabels'))).toBeTruthy();
  });

  it('prints the photos at 300 dpi, reports the one figure without a photo and maps sections to pages for the preview', () => {
    const figures = [...bookBlocks(book)].filter((v) => v.block.type === 'figure');
    expect(figures.length).toBeGreaterThan(3);
    expect(result.preflight.images).toEqual({ count: figures.length - 1, lowDpi: 0, missing: 1 });
    const missing = result.preflight.findings.filter((f) => f.key === 'export.preflight.missingImage');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ nodeId: pending.id, severity: 'warning' });
    expect(missing[0]!.message).toContain(`图${pending.number}`);
    // The PDF really holds the images: one placed image per photo (pdfimages lists them with their pixel size).
    const placed = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    expect(placed.filter((l) => /\s990\s+(660|742)\s/.test(l))).toHaveLength(figures.length - 1);
    for (const { section } of allSections(book)) expect(result.nodePages.has(section.id)).toBe(true);
    expect(Object.keys(result.timings)).toEqual(expect.arrayContaining(['body', 'matter', 'furniture', 'assemble']));
  });
});
