import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOK_SCHEMA_VERSION,
  BookSchema,
  findInBook,
  findInSection,
  foldWidth,
  isUserError,
  replaceInBook,
  replaceInSection,
  sectionEntries,
  shiftMarks,
  type Book,
  type Section,
} from '../../../../shared/model';
import { corpusSections, richCorpusSection } from '../../renderer/editor/corpusSections';

const byTitle = (t: string): Section => corpusSections().find((s) => s.title === t)!;

describe('findInSection on the corpus', () => {
  it('finds every occurrence with its node, field and context', () => {
    const s = byTitle('民政');
    const hits = findInSection(s, { pattern: '区民政局' });
    // Count by hand over the texts a reader sees: titles, paragraphs, captions and credits.
    let expected = 0;
    const count = (t: string) => (expected += t.split('区民政局').length - 1);
    for (const c of s.children) {
      if (c.type !== 'subsection') continue;
      count(c.title);
      for (const x of c.children) {
        if (x.type === 'entry') {
          count(x.title);
          for (const b of x.blocks) {
            if (b.type === 'paragraph') count(b.text);
            if (b.type === 'figure') count(b.caption + '|' + (b.credit?.raw ?? ''));
          }
        } else if (x.type === 'figure') count(x.caption + '|' + (x.credit?.raw ?? ''));
        else if (x.type === 'paragraph') count(x.text);
      }
    }
    expect(expected).toBeGreaterThan(10);
    expect(hits.length).toBe(expected);
    for (const h of hits) {
      expect(h.match).toBe('区民政局');
      expect(h.before.length).toBeLessThanOrEqual(20);
      expect(h.sectionId).toBe(s.id);
    }
    // figure credits are searched too ("区民政局提供")
    expect(hits.some((h) => h.field === 'credit')).toBe(true);
    expect(hits.some((h) => h.field === 'text' && h.entryId)).toBe(true);
  });

  it('searches entry titles, table cells and attribution names', () => {
    const s = byTitle('机关事务服务');
    expect(findInSection(s, { pattern: '概况' }).some((h) => h.field === 'title')).toBe(true);
    const cells = findInSection(s, { pattern: '区住建局' }).filter((h) => h.field === 'cell');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells[0]!.cell!.row).toBeGreaterThan(0);
    expect(findInSection(s, { pattern: '毛丽萍' }).map((h) => h.field)).toEqual(['names']);
  });

  it('matches case, width and regular expressions as asked', () => {
    const s: Section = {
      ...byTitle('外事'),
      children: [{ type: 'paragraph', id: 'p_1', text: 'GDP增长6.5%，ＧＤＰ总量Ａ级, gdp', marks: [] }],
    };
    expect(findInSection(s, { pattern: 'GDP' }).map((h) => h.start)).toEqual([0, 19]);
    expect(findInSection(s, { pattern: 'GDP', matchCase: true }).map((h) => h.start)).toEqual([0]);
    expect(findInSection(s, { pattern: 'GDP', matchWidth: false }).map((h) => h.match)).toEqual(['GDP', 'ＧＤＰ', 'gdp']);
    expect(findInSection(s, { pattern: ',', matchWidth: false }).map((h) => h.match)).toEqual(['，', ',']);
    expect(findInSection(s, { pattern: '\\d+(\\.\\d+)?%', regex: true }).map((h) => h.match)).toEqual(['6.5%']);
    expect(findInSection(s, { pattern: '[Ａa]级', regex: true, matchWidth: false }).map((h) => h.match)).toEqual(['Ａ级']);
  });

  it('rejects a broken regular expression with a Chinese message', () => {
    try {
      findInSection(byTitle('外事'), { pattern: '(未闭合', regex: true });
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as Error).message).toContain('不是有效的正则表达式');
    }
  });
});

describe('replaceInSection', () => {
  it('replaces every hit, keeps marks on the text around it, and leaves untouched nodes as they were', () => {
    const s = richCorpusSection();
    const hits = findInSection(s, { pattern: '临安' });
    const r = replaceInSection(s, { pattern: '临安' }, '临安区');
    expect(r.count).toBe(hits.length);
    expect(findInSection(r.value, { pattern: '临安区区' }).length).toBeGreaterThan(0);
    // every mark still covers the same characters (shifted)
    const entryBefore = sectionEntries(s)[0]!;
    const entryAfter = sectionEntries(r.value)[0]!;
    const p0 = entryBefore.blocks[0]!;
    const p1 = entryAfter.blocks[0]!;
    if (p0.type !== 'paragraph' || p1.type !== 'paragraph') throw new Error('fixture');
    for (let i = 0; i < p0.marks.length; i++) {
      const a = p0.marks[i]!;
      const b = p1.marks[i]!;
      expect(p1.text.slice(b.start, b.end).replace(/临安区/g, '临安')).toBe(p0.text.slice(a.start, a.end));
    }
    // unchanged entries keep their identity
    const untouched = sectionEntries(s).filter((e) => !JSON.stringify(e).includes('临安'));
    for (const e of untouched) expect(sectionEntries(r.value)).toContain(e);
  });

  it('replaces only the hits chosen in the preview, with regex groups', () => {
    const s: Section = { ...byTitle('外事'), children: [{ type: 'paragraph', id: 'p_1', text: '2020年5月、2020年6月、2020年7月', marks: [{ type: 'bold', start: 8, end: 15 }] }] };
    const q = { pattern: '(\\d{4})年(\\d+)月', regex: true };
    const hits = findInSection(s, q);
    const r = replaceInSection(s, q, '$1年$2月份', new Set([hits[1]!.key]));
    expect(r.count).toBe(1);
    const p = r.value.children[0]!;
    expect(p.type === 'paragraph' && p.text).toBe('2020年5月、2020年6月份、2020年7月');
    expect(p.type === 'paragraph' && p.marks).toEqual([{ type: 'bold', start: 8, end: 16 }]);
  });

  it('reads a replaced photo credit again, so its names follow the text', () => {
    const s = byTitle('民政');
    const r = replaceInSection(s, { pattern: '区民政局' }, '临安区民政局');
    const credits = JSON.stringify(r.value).match(/"credit":\{[^}]*\}/g)!;
    expect(credits.length).toBeGreaterThan(0);
    for (const c of credits.filter((x) => x.includes('临安区民政局'))) expect(c).toContain('"names":["临安区民政局"]');
  });

  it('replaces in attribution names by re-splitting them', () => {
    const s = byTitle('外事');
    const r = replaceInSection(s, { pattern: '张泓阳' }, '张 泓');
    const names = JSON.stringify(r.value).match(/"names":\[[^\]]*\]/)![0];
    expect(names).toBe('"names":["张泓"]');
  });

  it('is the identity when replacing a text by itself (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('年', '区', '，', '工作', '2020'), (word) => {
        const s = byTitle('信访工作');
        const r = replaceInSection(s, { pattern: word }, word);
        expect(r.value).toEqual(s);
      }),
      { numRuns: 5 },
    );
  });
});

describe('book-wide', () => {
  it('finds and replaces across sections and reports which sections changed', () => {
    const sections = corpusSections();
    const book: Book = BookSchema.parse({
      schemaVersion: BOOK_SCHEMA_VERSION,
      id: 'b_f',
      title: '临安年鉴',
      volumeYear: 2021,
      recordYear: 2020,
      body: [{ type: 'category', id: 'c_1', title: '区人民政府', sections }],
      createdAt: '2021-01-01T00:00:00.000Z',
      updatedAt: '2021-01-01T00:00:00.000Z',
    });
    const hits = findInBook(book, { pattern: '疫情' });
    const expected = new Set(hits.map((h) => h.sectionId));
    expect(expected.size).toBeGreaterThan(2);
    const r = replaceInBook(book, { pattern: '疫情' }, '新冠疫情');
    expect(r.count).toBe(hits.length);
    expect(new Set(r.sectionIds)).toEqual(expected);
    expect(findInBook(r.value, { pattern: '新冠疫情' }).length).toBe(hits.length + findInBook(book, { pattern: '新冠疫情' }).length);
    const unchanged = book.body[0]!.sections.filter((s) => !expected.has(s.id));
    for (const s of unchanged) expect(r.value.body[0]!.sections).toContain(s);
  });
});

describe('helpers', () => {
  it('folds full-width forms one to one', () => {
    expect(foldWidth('ＡＢ１２，（）\u3000。')).toBe('AB12,() 。');
    expect(foldWidth('（Ａ）', true)).toBe('（A）');
  });
  it('shifts marks around a replacement', () => {
    expect(
      shiftMarks(
        [
          { type: 'bold', start: 0, end: 2 },
          { type: 'bold', start: 2, end: 8 },
          { type: 'italic', start: 5, end: 9 },
          { type: 'sup', start: 3, end: 4 },
        ],
        2,
        6,
        1,
      ),
    ).toEqual([
      { type: 'bold', start: 0, end: 2 },
      { type: 'bold', start: 2, end: 5 },
      { type: 'italic', start: 3, end: 6 },
      { type: 'sup', start: 3, end: 3 },
    ]);
  });
});
