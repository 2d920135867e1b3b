import { describe, expect, it } from 'vitest';
import { layoutBook, roman, type PartPages } from '../../../../shared/export/layout';
import { resolveProfile } from '../../../../shared/export/profile';
import { PrintProfileSchema } from '../../../../shared/model';

const profile = resolveProfile(PrintProfileSchema.parse({}));
const part = (p: Partial<PartPages> & Pick<PartPages, 'key' | 'kind' | 'numbering' | 'pageCount'>): PartPages => ({
  title: p.key,
  silentPages: [],
  folioOnlyPages: [],
  multiColumn: false,
  anchors: new Map(),
  sections: [],
  ...p,
});

describe('book layout', () => {
  it('starts every part on a right-hand page, numbers front matter in roman and the body from 1', () => {
    const layout = layoutBook(
      [
        part({ key: 'title', kind: 'title', numbering: 'roman', pageCount: 1, silentPages: [0] }),
        part({ key: '目录', kind: 'toc', numbering: 'roman', pageCount: 3, folioOnlyPages: [0] }),
        part({
          key: '经济',
          kind: 'category',
          numbering: 'arabic',
          pageCount: 5,
          silentPages: [0],
          multiColumn: true,
          anchors: new Map([
            ['s1', { page: 1, x: 10, y: 700 }],
            ['s2', { page: 3, x: 300, y: 400 }],
            ['e9', { page: 4, x: 300, y: 400 }],
          ]),
          sections: [
            { anchor: 's1', title: '工业' },
            { anchor: 's2', title: '农业' },
          ],
        }),
        part({ key: '索引', kind: 'index', numbering: 'arabic', pageCount: 2, folioOnlyPages: [0] }),
      ],
      profile,
      { book: '临安年鉴（2021）' },
    );
    expect(layout.partStart).toEqual([0, 2, 6, 12]);
    expect(layout.pages.map((p) => (p.showFolio ? p.folio : '-'))).toEqual(['-', '-', 'iii', 'iv', 'v', '-', '-', '2', '3', '4', '5', '-', '7', '8']);
    // opener page 1 carries no head; even pages the book title, odd pages the category
    expect(layout.pages.slice(6, 11).map((p) => p.head)).toEqual([null, '临安年鉴（2021）', '经济', '临安年鉴（2021）', '经济']);
    expect(layout.pages[6]!.folio).toBe('1'); // unprinted but citable (the TOC's category line)
    expect(layout.anchorPage('s2')).toEqual({ physical: 9, folio: '4', column: 'b' });
    expect(layout.anchorPage('s1')?.column).toBe('a');
    expect(layout.pages[9]!.sectionAnchor).toBe('s2');
  });

  it('shows the current section on odd pages when the profile asks for it', () => {
    const p = { ...profile, runningHeads: { even: 'book' as const, odd: 'section' as const } };
    const layout = layoutBook(
      [
        part({
          key: '经济',
          kind: 'category',
          numbering: 'arabic',
          pageCount: 6,
          silentPages: [0],
          anchors: new Map([
            ['s1', { page: 1, x: 0, y: 700 }],
            ['s2', { page: 4, x: 0, y: 300 }],
          ]),
          sections: [
            { anchor: 's1', title: '工业' },
            { anchor: 's2', title: '农业' },
          ],
        }),
      ],
      p,
      { book: 'B' },
    );
    expect(layout.pages.map((x) => x.head)).toEqual([null, 'B', '工业', 'B', '农业', 'B']);
  });

  it('writes roman numerals', () => {
    expect([1, 4, 9, 14, 40, 90].map(roman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'xc']);
  });
});
