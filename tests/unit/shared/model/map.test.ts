// The tree rewriters of shared/model/map.ts on the real seed-002 book: what fn leaves alone keeps its identity
// (the whole book, untouched sections and categories), so callers and storage can tell what changed.
import { describe, expect, it } from 'vitest';
import { newSubsection, sectionEntries, sequentialIds, type Attribution, type Book, type Entry, type Paragraph, type Section, type Subsection } from '../../../../shared/model';
import { mapBookBlocks, mapBookSections, mapSectionBlocks, mapSectionById } from '../../../../shared/model/map';
import { seedBook } from '../../renderer/fixtures/seedBook';

const book: Book = seedBook().book;
const sections = book.body[0]!.sections;

describe('book tree rewriters', () => {
  it('give back the very same book when fn changes nothing', () => {
    expect(mapBookSections(book, (s) => s)).toBe(book);
    expect(mapBookBlocks(book, (b) => b)).toBe(book);
    expect(mapSectionById(book, 'no-such-section', () => sections[0]!)).toBe(book);
    expect(mapSectionBlocks(sections[0]!, (b) => b, (e) => e)).toBe(sections[0]);
  });

  it('replace one section and keep every other one', () => {
    const target = sections[3]!;
    const next = mapSectionById(book, target.id, (s) => ({ ...s, title: '改' }));
    expect(next).not.toBe(book);
    expect(next.body[0]!.sections[3]!.title).toBe('改');
    next.body[0]!.sections.forEach((s, i) => i !== 3 && expect(s).toBe(sections[i]));
    expect(book.body[0]!.sections[3]!.title).toBe(target.title);
  });

  it('map the blocks inside entries and subsections, and entries after their blocks', () => {
    // 应急管理 with its last two entries put under a subsection.
    const plain = sections.find((s) => s.title === '应急管理')!;
    const entries = plain.children.filter((c): c is Entry => c.type === 'entry');
    const moved = new Set<unknown>(entries.slice(-2));
    const section: Section = { ...plain, children: [...plain.children.filter((c) => !moved.has(c)), newSubsection('防灾减灾', sequentialIds('sub'))] };
    (section.children.at(-1) as Subsection).children.push(...entries.slice(-2));
    const seen: string[] = [];
    const mapped = mapSectionBlocks(
      section,
      (b) => (b.type === 'paragraph' ? { ...b, text: `${b.text}#` } : b),
      (e) => {
        const p = e.blocks.find((b): b is Paragraph => b.type === 'paragraph');
        if (p) seen.push(p.text);
        return e;
      },
    );
    expect(seen).toHaveLength(sectionEntries(section).length);
    expect(seen.every((t) => t.endsWith('#'))).toBe(true);
    expect(sectionEntries(mapped).at(-1)!.blocks.find((b) => b.type === 'paragraph')).toMatchObject({ text: expect.stringMatching(/#$/) });
    // The author line is not a paragraph: the same object.
    mapped.children.forEach((c, i) => c.type === 'attribution' && expect(c).toBe(section.children[i]));
  });

  it('reach front and back matter pages, touching only what changed', () => {
    const b: Book = {
      ...book,
      front: [{ type: 'matter', id: 'm_note', kind: 'editorial-note', title: '编辑说明', blocks: [{ type: 'paragraph', id: 'p_note', text: '本卷记述2021年。', marks: [] }] }],
    };
    const next = mapBookBlocks(b, (x) => (x.id === 'p_note' && x.type === 'paragraph' ? { ...x, text: '本卷记述2021年情况。' } : x));
    expect(next.front[0]).toMatchObject({ blocks: [{ text: '本卷记述2021年情况。' }] });
    expect(next.body).toBe(b.body);
    // Attribution lines changed, the 编辑说明 page (a paragraph only) did not: it keeps its identity.
    const renamed = mapBookBlocks(b, (x) => (x.type === 'attribution' ? ({ ...x, names: [...(x as Attribution).names] } as Attribution) : x));
    expect(renamed).not.toBe(b);
    expect(renamed.body).not.toBe(b.body);
    expect(renamed.front).toBe(b.front);
  });
});
