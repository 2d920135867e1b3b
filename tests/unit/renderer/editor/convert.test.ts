import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionCounts, SectionSchema, type Section } from '../../../../shared/model';
import { canonicalSection } from '../../../../renderer/editor/convert/canonical';
import { canonicalMarks } from '../../../../renderer/editor/convert/inline';
import { sectionArb } from './arbitraries';
import { corpusSections, richCorpusSection } from './corpusSections';
import { roundTrip, roundTripViaJson } from './headless';

describe('AST → editor → AST on the corpus', () => {
  const sections = corpusSections();

  it('reads the seed into the sections of the gold outline', () => {
    expect(sections.map((s) => s.title)).toContain('民政');
    const minzheng = sections.find((s) => s.title === '民政')!;
    expect(minzheng.children.filter((c) => c.type === 'subsection').length).toBeGreaterThanOrEqual(5);
    const office = sections.find((s) => s.title === '机关事务服务')!;
    const counts = sectionCounts({ type: 'category', id: 'c', role: 'regular', title: '', sections: [] }, office);
    expect(counts.tables).toBe(1);
    expect(counts.entries).toBeGreaterThanOrEqual(2);
  });

  it('keeps every corpus section exactly', () => {
    for (const s of sections) expect(roundTrip(s)).toEqual(s);
  });

  it('keeps a section with every node and mark kind exactly, also through the JSON of the editor state', () => {
    const rich = richCorpusSection();
    const kinds = new Set<string>();
    const visit = (c: Section['children'][number]): void => {
      kinds.add(c.type);
      if (c.type === 'entry') c.blocks.forEach((b) => kinds.add(b.type));
      if (c.type === 'subsection') c.children.forEach(visit);
    };
    rich.children.forEach(visit);
    expect([...kinds].sort()).toEqual(['attribution', 'dated', 'entry', 'figure', 'footnote', 'heading', 'paragraph', 'subsection', 'table']);
    const canonical = canonicalSection(rich);
    expect(roundTrip(rich)).toEqual(canonical);
    expect(roundTripViaJson(rich)).toEqual(canonical);
  });

  it('keeps an empty section empty', () => {
    const empty = SectionSchema.parse({ type: 'section', id: 's_x', title: '空分目' });
    expect(roundTrip(empty)).toEqual(empty);
  });
});

describe('AST → editor → AST on generated sections (property)', () => {
  it('is the identity on sections whose marks are canonical', () => {
    fc.assert(
      fc.property(sectionArb(true), (s) => {
        expect(roundTrip(s)).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the canonical form of any section, and the canonical form is stable', () => {
    fc.assert(
      fc.property(sectionArb(false), (s) => {
        const once = roundTrip(s);
        expect(once).toEqual(canonicalSection(s));
        expect(roundTrip(once)).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });

  it('survives serialising the editor state', () => {
    fc.assert(
      fc.property(sectionArb(true), (s) => {
        expect(roundTripViaJson(s)).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });
});

describe('canonicalMarks', () => {
  it('merges formatting and one comment, keeps separate index terms, clips to the text', () => {
    const text = '杭州市民政局开展工作';
    expect(
      canonicalMarks(text, [
        { type: 'bold', start: 0, end: 3 },
        { type: 'bold', start: 2, end: 5 },
        { type: 'indexTerm', start: 0, end: 3 },
        { type: 'indexTerm', start: 3, end: 6, sortKey: '' },
        { type: 'comment', start: 1, end: 2, commentId: 'k' },
        { type: 'comment', start: 2, end: 4, commentId: 'k' },
        { type: 'italic', start: 8, end: 99 },
        { type: 'sup', start: 4, end: 4 },
      ]),
    ).toEqual([
      { type: 'indexTerm', start: 0, end: 3 },
      { type: 'bold', start: 0, end: 5 },
      { type: 'comment', start: 1, end: 4, commentId: 'k' },
      { type: 'indexTerm', start: 3, end: 6 },
      { type: 'italic', start: 8, end: 10 },
    ]);
  });
});
