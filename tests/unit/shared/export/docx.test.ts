// The Word export of the sample book, read back two ways: with mammoth (what Word's structure says: heading
// styles, bold 【titles】, a real table with a repeated header row, footnotes, embedded images) and with the
// project's own importer (the round trip: every section, entry, attribution, figure and the table come back).
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../../../electron/node/import/docx';
import { docxFileName, exportBookDocx, type DocxExportResult } from '../../../../shared/export/docx';
import { imageDimensions } from '../../../../shared/model/image';
import { parseScope } from '../../../../shared/export/scope';
import { recognise } from '../../../../shared/import';
import { allSections, bookBlocks, isUserError, sectionBlocks, sectionEntries, sequentialIds, type Book, type Figure, type Section } from '../../../../shared/model';
import { loadSampleContents } from '../../../../shared/sample';

const { book, assets } = loadSampleContents();
let volume: DocxExportResult;
let html: string;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  volume = await exportBookDocx({ book, assets });
  html = (await mammoth.convertToHtml({ buffer: Buffer.from(volume.bytes) })).value;
  files = unzipSync(volume.bytes);
}, 60_000);

const tags = (h: string, tag: string) => [...h.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
const xml = (name: string) => strFromU8(files[name]!);
const figures = (b: Book) => [...bookBlocks(b)].flatMap((v) => (v.block.type === 'figure' ? [v.block] : []));

describe('the sample book as a Word document', () => {
  it('uses Word heading styles for 类目, 分目 and 次目, under the book title', () => {
    expect(tags(html, 'h1')).toEqual(['特载', '杭州市临安区人民政府']);
    expect(tags(html, 'h2')).toEqual(allSections(book).map((s) => s.section.title));
    const minzheng = allSections(book).find((s) => s.section.title === '民政')!.section;
    const subs = minzheng.children.flatMap((c) => (c.type === 'subsection' ? [c.title] : []));
    expect(subs.length).toBeGreaterThan(3);
    for (const s of subs) expect(tags(html, 'h3')).toContain(s);
    expect(xml('word/document.xml')).toContain('<w:pStyle w:val="Title"/>');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>临安年鉴（2021）</dc:title>');
  });

  it('runs each entry in with its bold 【title】', () => {
    const entries = allSections(book).flatMap((s) => sectionEntries(s.section));
    const bold = tags(html, 'strong');
    expect(bold.filter((b) => /^【.+】$/.test(b))).toEqual(entries.map((e) => `【${e.title}】`));
    // The title and the first paragraph are one paragraph.
    const first = entries[0]!;
    const p = first.blocks[0]!;
    expect(p.type).toBe('paragraph');
    expect(html).toContain(`<p><strong>【${first.title}】</strong>${p.type === 'paragraph' ? p.text.slice(0, 20) : ''}`);
  });

  it('sets attribution lines right-aligned in full-width brackets', () => {
    const lines = [...bookBlocks(book)].flatMap((v) => (v.block.type === 'attribution' ? [v.block] : []));
    expect(lines).toHaveLength(10);
    const paras = tags(html, 'p');
    for (const a of lines) expect(paras).toContain(`（${a.names.join('\u3000')}）`);
    const styles = xml('word/styles.xml');
    const attr = styles.slice(styles.indexOf('w:styleId="YbAttribution"'));
    expect(attr.slice(0, attr.indexOf('</w:style>'))).toContain('<w:jc w:val="right"/>');
  });

  it('makes 表6 a real table: number and title above it, the header row repeated on every page', () => {
    expect(tags(html, 'p')).toContain('表6\u30002020年临安区政府民生实事项目完成情况');
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(tags(table.slice(0, table.indexOf('</thead>')), 'th')).toEqual(['实项目', '完成情况', '责任单位']);
    expect(tags(table, 'tr')).toHaveLength(11);
    const doc = xml('word/document.xml');
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(doc).not.toContain('w:tblHeader w:val');
  });

  it('embeds every figure photo with its caption and credit', () => {
    const figs = figures(book);
    expect(figs).toHaveLength(7);
    expect(volume.counts).toMatchObject({ figures: 7, images: 7, tables: 1, entries: 56, sections: 14, categories: 2, footnotes: 1 });
    expect(volume.missingImages).toEqual([]);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(7);
    for (const m of media) expect(imageDimensions(files[m]!)).toMatchObject({ width: 990 });
    expect(html.match(/<img /g)).toHaveLength(7);
    const paras = tags(html, 'p');
    for (const f of figs) expect(paras).toContain(`图${f.number}\u3000${f.caption}（${f.credit!.raw}）`);
  });

  it('writes footnotes as Word footnotes, called where the text calls them', () => {
    const note = [...bookBlocks(book)].find((v) => v.block.type === 'footnote')!.block;
    expect(note.type === 'footnote' && xml('word/footnotes.xml')).toContain('“好差评”制度');
    expect(xml('word/document.xml').match(/<w:footnoteReference w:id="1"\/>/g)).toHaveLength(1);
    expect(html).toMatch(/<li id="footnote-1"><p>“好差评”制度/);
  });
});

describe('scope and missing photos', () => {
  it('exports one section under its category heading, or one category', async () => {
    const sec = await exportBookDocx({ book, assets, scope: parseScope(book, 'section:民政') });
    const h = (await mammoth.convertToHtml({ buffer: Buffer.from(sec.bytes) })).value;
    expect(tags(h, 'h1')).toEqual(['杭州市临安区人民政府']);
    expect(tags(h, 'h2')).toEqual(['民政']);
    expect(tags(h, 'p')).toContain('分目 民政');
    expect(sec.counts).toMatchObject({ sections: 1, figures: 4, images: 4 });
    const cat = await exportBookDocx({ book, assets, scope: parseScope(book, 'category:特载') });
    const hc = (await mammoth.convertToHtml({ buffer: Buffer.from(cat.bytes) })).value;
    expect(tags(hc, 'h1')).toEqual(['特载']);
    expect(tags(hc, 'h2')).toHaveLength(4);
    expect(docxFileName(book, parseScope(book, 'section:民政'))).toBe('临安年鉴（2021） 分目 民政.docx');
    expect(docxFileName(book, { kind: 'volume' })).toBe('临安年鉴（2021）.docx');
  });

  it('refuses an empty scope with a Chinese message', async () => {
    const empty: Book = { ...book, body: [{ ...book.body[0]!, sections: [] }] };
    const err = await exportBookDocx({ book: empty, assets }).catch((e: unknown) => e);
    expect(isUserError(err) && err.message).toBe('所选范围没有可排版的内容。');
  });

  it('marks a figure whose photo is missing and says where it is', async () => {
    const fig79 = figures(book).find((f) => f.number === '79')!;
    const without = new Map(assets);
    without.delete(fig79.assetId!);
    const r = await exportBookDocx({ book, assets: without, scope: parseScope(book, 'section:民政') });
    expect(r.missingImages).toEqual([{ figureId: fig79.id, where: expect.stringContaining('民政'), reason: 'missing' }]);
    expect(r.missingImages[0]!.where).toContain('图79');
    const h = (await mammoth.convertToHtml({ buffer: Buffer.from(r.bytes) })).value;
    expect(tags(h, 'p')).toContain('［图片待补］');
    expect(h.match(/<img /g)).toHaveLength(3);
    // Imported again, the frame is not text: the figure comes back without a photo, the caption intact.
    const src = await readDocx(r.bytes, '民政.docx', sequentialIds());
    const back = recognise(src.doc, { ids: sequentialIds() }).categories[0]!.sections[0]!;
    const backFigs = [...sectionBlocks(book.body[1]!, back)].flatMap((v) => (v.block.type === 'figure' ? [v.block] : []));
    expect(backFigs.map((f) => [f.number, f.assetId === null])).toEqual([
      ['79', true],
      ['80', false],
      ['81', false],
      ['82', false],
    ]);
    expect(JSON.stringify(back)).not.toContain('图片待补');
  });

  it('says a WebP photo is one Word cannot show, not that the figure has none', async () => {
    const fig79 = figures(book).find((f) => f.number === '79')!;
    // The book takes WebP (the editor and the PDF show it); a VP8X header of 800×600.
    const webp = new Uint8Array(30);
    webp.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    webp.set([...'WEBPVP8X'].map((c) => c.charCodeAt(0)), 8);
    webp.set([799 & 0xff, 799 >> 8, 0, 599 & 0xff, 599 >> 8, 0], 24);
    expect(imageDimensions(webp)).toEqual({ width: 800, height: 600 });
    const withWebp: Book = { ...book, assets: book.assets.map((a) => (a.id === fig79.assetId ? { ...a, mime: 'image/webp' } : a)) };
    const r = await exportBookDocx({ book: withWebp, assets: new Map(assets).set(fig79.assetId!, webp), scope: parseScope(book, 'section:民政') });
    expect(r.missingImages).toEqual([{ figureId: fig79.id, where: expect.stringContaining('图79'), reason: 'format' }]);
    const h = (await mammoth.convertToHtml({ buffer: Buffer.from(r.bytes) })).value;
    expect(tags(h, 'p')).toContain('［WebP 图片，Word 无法显示］');
    expect(tags(h, 'p')).not.toContain('［图片待补］');
    expect(h.match(/<img /g)).toHaveLength(3);
  });
});

describe('round trip through the importer', () => {
  it('imports the Word document back into the same sections, entries, attributions, figures and table', async () => {
    const src = await readDocx(volume.bytes, '临安年鉴.docx', sequentialIds());
    const result = recognise(src.doc, { ids: sequentialIds() });
    const outline = (s: Section): string[] =>
      s.children.flatMap((c) =>
        c.type === 'entry' ? [`【${c.title}】`] : c.type === 'subsection' ? [`· ${c.title} ·`, ...outline({ ...s, children: c.children })] : c.type === 'attribution' ? [`(${c.names.join(' ')})`] : [],
      );
    expect(result.categories.map((c) => [c.title, c.role])).toEqual(book.body.map((c) => [c.title, c.role]));
    const want = allSections(book).map((s) => [s.section.title, ...outline(s.section)]);
    const got = result.categories.flatMap((c) => c.sections.map((s) => [s.title, ...outline(s)]));
    expect(got).toEqual(want);

    const blocks = result.categories.flatMap((c) => c.sections.flatMap((s) => [...sectionBlocks(c, s)].map((v) => v.block)));
    const figs = blocks.filter((b): b is Figure => b.type === 'figure');
    expect(figs.map((f) => [f.number, f.caption, f.credit?.raw])).toEqual(figures(book).map((f) => [f.number, f.caption, f.credit?.raw]));
    // The photos come back as images of the imported figures, byte for byte.
    expect(figs.every((f) => f.assetId !== null)).toBe(true);
    expect(new Set(src.assets.map((a) => a.asset.sha256))).toEqual(new Set(book.assets.map((a) => a.sha256)));
    const table = blocks.find((b) => b.type === 'table');
    const orig = [...bookBlocks(book)].find((v) => v.block.type === 'table')!.block;
    if (table?.type !== 'table' || orig.type !== 'table') throw new Error('no table');
    expect([table.number, table.title, table.headerRows.map((r) => r.cells.map((c) => c.text))]).toEqual([orig.number, orig.title, orig.headerRows.map((r) => r.cells.map((c) => c.text))]);
    expect(table.bodyRows.map((r) => r.cells.map((c) => c.text))).toEqual(orig.bodyRows.map((r) => r.cells.map((c) => c.text)));
    const note = blocks.find((b) => b.type === 'footnote');
    expect(note?.type === 'footnote' && note.text).toContain('“好差评”制度');
  }, 60_000);
});
