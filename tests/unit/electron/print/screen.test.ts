// Print documents are hidden on screen (shared/export/document.ts SCREEN_HIDDEN_CSS), so Chromium skips their
// screen layout; the printer loads the faces the text needs itself (shared/export/fontLoad.ts) and overflowing
// boxes are measured in one separate document. These tests print a real section that way and read it back: all
// the text is there, in the bundled faces (a character outside the GB 2312-sized subset included), and a statistical
// table too wide for its column is reported by the preflight — while the seed's own tables are not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { SCREEN_HIDDEN_CSS } from '../../../../shared/export/document';
import { FONT_LOAD_SCRIPT } from '../../../../shared/export/fontLoad';
import type { ExportResult, MeasureJob, PrintJob } from '../../../../shared/export/pipeline';
import { newEntry, newParagraph, sequentialIds, type Book, type Section, type Table } from '../../../../shared/model';
import { exportWithChromium } from '../../../../electron/node/print/exportFile';
import { PRINT_URL_PREFIX } from '../../../../electron/node/print/fonts';
import { findChromium, launchPlaywrightPrinter, startResourceServer } from '../../../../electron/node/print/playwrightPrinter';
import type { Printer } from '../../../../electron/node/print/printer';
import { bookResources } from '../../../../electron/node/print/resources';
import { seedBook } from '../../../helpers/seedBook';
import { pdffonts, pdftotextPages, squash } from './pdfTools';

/** A character Noto Serif SC has but its GB 2312 subset file does not: only the "Ext" faces can set it. */
const RARE = '亹';
const ids = sequentialIds('scr');

function wideTable(): Table {
  const cols = 14;
  const cell = (text: string) => ({ text, marks: [], rowSpan: 1, colSpan: 1 });
  return {
    type: 'table',
    id: ids('t'),
    number: null,
    title: '各镇街主要经济指标',
    headerRows: [{ cells: Array.from({ length: cols }, (_, i) => cell(`指标${i + 1}`)) }],
    bodyRows: Array.from({ length: 4 }, (_, r) => ({ cells: Array.from({ length: cols }, (_, i) => cell(`${(1234567.89 + r * 1000 + i).toFixed(2)}`)) })),
    fullWidth: false,
  };
}

let book: Book;
let section: Section;
let result: ExportResult;
let pages: string[];
let file: string;
let printer: Printer;
const printed: PrintJob[] = [];
const measured: MeasureJob[] = [];
const texts: string[] = [];

beforeAll(async () => {
  book = seedBook();
  // the seed section holding 表6 (a real table that fits its column) and entries with author lines
  section = book.body.flatMap((c) => c.sections).find((s) => JSON.stringify(s).includes('"type":"table"') && s.children.some((ch) => ch.type === 'entry'))!;
  const entry = newEntry('刘亹故里文化节', [], ids);
  entry.blocks.push(newParagraph(`11月，在${RARE}山村举办刘${RARE}故里文化节，接待游客1.2万人次。`, ids), wideTable());
  section.children.push(entry);
  for (const ch of section.children) if (ch.type === 'entry') for (const b of ch.blocks) if (b.type === 'paragraph') texts.push(b.text);
  const base = await launchPlaywrightPrinter({ resources: bookResources(new Map(), new Map()) });
  printer = {
    ...base,
    print: (job) => {
      printed.push(job);
      return base.print(job);
    },
    measure: (job) => {
      measured.push(job);
      return base.measure(job);
    },
  };
  result = await exportWithChromium({ book, assets: new Map(), printer, scope: `section:${section.id}` });
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yb-screen-')), 'section.pdf');
  writeFileSync(file, result.pdf);
  pages = pdftotextPages(file);
}, 180_000);
afterAll(async () => {
  await printer?.close();
});

describe('print documents hidden on screen', () => {
  it('prints hidden documents and measures in one shown document', () => {
    expect(printed.length).toBeGreaterThan(1);
    for (const job of printed) expect(job.html).toContain(SCREEN_HIDDEN_CSS);
    expect(measured).toHaveLength(1);
    expect(measured[0]!.html).not.toContain(SCREEN_HIDDEN_CSS);
    // the measuring document holds the boxes that can overflow, not the running text
    expect(measured[0]!.html).toContain('各镇街主要经济指标');
    expect(measured[0]!.html).not.toContain('故里文化节，接待游客');
  });

  it('loads every face the text needs before printing: all paragraphs are in the PDF, in embedded CID TrueType faces', () => {
    const all = squash(pages.join(''));
    for (const t of texts) expect(all).toContain(squash(t).slice(0, 40));
    expect(all).toContain(`刘${RARE}故里文化节`);
    const fonts = pdffonts(file);
    expect(fonts.filter((f) => f.type !== 'CID TrueType' || f.emb !== 'yes')).toEqual([]);
    expect(result.preflight.findings.filter((f) => f.key === 'export.preflight.fallbackGlyphs')).toEqual([]);
  });

  it('reports the table too wide for its column, and nothing else overflows', () => {
    const overflow = result.preflight.findings.filter((f) => f.key === 'export.preflight.overflow');
    const wide = section.children.flatMap((ch) => (ch.type === 'entry' ? ch.blocks : [])).find((b) => b.type === 'table' && b.title === '各镇街主要经济指标')!;
    expect(overflow.map((f) => f.nodeId)).toEqual([wide.id]);
    expect(overflow[0]!.message).toContain(section.title);
    expect(overflow[0]!.page).toBeGreaterThanOrEqual(0);
  });
});

describe('FONT_LOAD_SCRIPT', () => {
  it('loads exactly the faces the hidden text needs, following the fallback order of each element', { timeout: 60_000 }, async () => {
    const docs = new Map<string, string>();
    const server = await startResourceServer(bookResources(new Map(), new Map()), docs);
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const doc = (body: string) =>
        `<!doctype html><html><head><link rel="stylesheet" href="${PRINT_URL_PREFIX}fonts.css"><style>html{font-family:"Noto Serif SC","Noto Serif SC Ext","LXGW WenKai",serif}` +
        `h2{font-family:"Noto Sans SC","Noto Sans SC Ext",sans-serif;font-weight:700}</style><style>${SCREEN_HIDDEN_CSS}</style></head><body>${body}</body></html>`;
      docs.set('a.html', doc(`<p>在${RARE}山村举办文化节</p><h2>社会救助</h2>`));
      const loaded = `[...document.fonts].filter((f) => f.status === 'loaded').map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, rare: f.unicodeRange.split(',').some((r) => { const [a, b] = r.trim().slice(2).split('-').map((x) => parseInt(x, 16)); return ${RARE.codePointAt(0)} >= a && ${RARE.codePointAt(0)} <= (b ?? a); }) }))`;
      await page.goto(`${server.origin}${PRINT_URL_PREFIX}doc/a.html`);
      // hidden: nothing on screen asks for a face
      expect(await page.evaluate(loaded)).toEqual([]);
      const asked = (await page.evaluate(FONT_LOAD_SCRIPT)) as number;
      const faces = (await page.evaluate(loaded)) as { family: string; weight: string; rare: boolean }[];
      const names = faces.map((f) => `${f.family} ${f.weight}${f.rare ? ' rare' : ''}`).sort();
      // the GB 2312 faces of the body (serif 400) and the heading (sans 700), and one Ext face for 亹 — no Kai,
      // no other weight, no other Ext range
      expect(names).toContain('Noto Serif SC 400');
      expect(names).toContain('Noto Sans SC 700');
      expect(names).toContain('Noto Serif SC Ext 400 rare');
      expect(names.filter((n) => n.includes('Ext'))).toEqual(['Noto Serif SC Ext 400 rare']);
      expect(names.some((n) => n.startsWith('LXGW') || n.includes('Sans SC 400') || n.includes('Serif SC 700'))).toBe(false);
      expect(asked).toBeGreaterThanOrEqual(faces.length - 2); // latin subsets may come with the GB 2312 file's range
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
