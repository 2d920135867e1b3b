import { describe, expect, it } from 'vitest';
import {
  BookSchema,
  BOOK_SCHEMA_VERSION,
  indexBook,
  isUserError,
  mergeEntryIntoPrevious,
  moveEntry,
  moveRelative,
  moveSection,
  moveSubsection,
  replaceSection,
  sectionEntries,
  sequentialIds,
  splitEntry,
  type Attribution,
  type Book,
  type Entry,
  type Section,
} from '../../../../shared/model';
import { corpusSections } from '../../renderer/editor/corpusSections';

function corpusBook(): Book {
  const sections = corpusSections();
  const half = Math.ceil(sections.length / 2);
  return BookSchema.parse({
    schemaVersion: BOOK_SCHEMA_VERSION,
    id: 'b_ops',
    title: '临安年鉴',
    volumeYear: 2021,
    recordYear: 2020,
    body: [
      { type: 'category', id: 'c_gov', title: '杭州市临安区人民政府', sections: sections.slice(0, half) },
      { type: 'category', id: 'c_more', title: '政务服务', sections: sections.slice(half) },
    ],
    createdAt: '2021-01-01T00:00:00.000Z',
    updatedAt: '2021-01-01T00:00:00.000Z',
  });
}

const section = (b: Book, title: string): Section => [...b.body.flatMap((c) => c.sections)].find((s) => s.title === title)!;
const attributions = (s: Section): Attribution[] => {
  const out: Attribution[] = [];
  const visit = (x: { type: string }) => x.type === 'attribution' && out.push(x as Attribution);
  for (const c of s.children) {
    if (c.type === 'entry') c.blocks.forEach(visit);
    else if (c.type === 'subsection') c.children.forEach((x) => (x.type === 'entry' ? x.blocks.forEach(visit) : visit(x)));
    else visit(c);
  }
  return out;
};
/** Every id once, and the book still valid. */
function checkBook(b: Book): void {
  expect(() => BookSchema.parse(b)).not.toThrow();
  const ids: string[] = [];
  const collect = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(collect);
    else if (o && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      if (typeof r.id === 'string' && typeof r.type === 'string') ids.push(r.id);
      Object.values(r).forEach(collect);
    }
  };
  collect(b.body);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('moveEntry', () => {
  it('moves an entry to another section of another category, and out of the old attribution covers', () => {
    const book = corpusBook();
    const from = section(book, '信访工作');
    const entry = sectionEntries(from)[2]!;
    expect(attributions(from)[0]!.covers).toContain(entry.id);
    const to = section(book, '住房公积金管理');
    const next = moveEntry(book, entry.id, { sectionId: to.id, index: 1 });
    checkBook(next);
    expect(sectionEntries(section(next, '信访工作')).map((e) => e.id)).not.toContain(entry.id);
    expect(section(next, '住房公积金管理').children[1]).toEqual(entry);
    expect(attributions(section(next, '信访工作'))[0]!.covers).not.toContain(entry.id);
    // the input is untouched
    expect(sectionEntries(section(book, '信访工作')).map((e) => e.id)).toContain(entry.id);
  });

  it('reorders within a section and into a subsection', () => {
    const book = corpusBook();
    const mz = section(book, '民政');
    const subs = mz.children.filter((c) => c.type === 'subsection');
    const entry = subs[2]!.type === 'subsection' ? (subs[2].children.find((c) => c.type === 'entry') as Entry) : null;
    const next = moveEntry(book, entry!.id, { sectionId: mz.id, subsectionId: subs[0]!.id, index: 0 });
    checkBook(next);
    const s = section(next, '民政');
    const firstSub = s.children.find((c) => c.id === subs[0]!.id);
    expect(firstSub?.type === 'subsection' && firstSub.children[0]?.id).toBe(entry!.id);
    // same section: the attribution keeps covering it
    expect(attributions(s)[0]!.covers).toContain(entry!.id);
    expect(sectionEntries(s)).toHaveLength(sectionEntries(mz).length);
  });

  it('refuses unknown targets with a Chinese message and changes nothing', () => {
    const book = corpusBook();
    const entry = sectionEntries(section(book, '外事'))[0]!;
    try {
      moveEntry(book, entry.id, { sectionId: 's_nowhere', index: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e) && e.message).toContain('找不到');
    }
  });
});

describe('moveSection and moveSubsection', () => {
  it('moves a section to the other category', () => {
    const book = corpusBook();
    const s = section(book, '外事');
    const next = moveSection(book, s.id, { categoryId: 'c_more', index: 0 });
    checkBook(next);
    expect(next.body[1]!.sections[0]!.id).toBe(s.id);
    expect(next.body[0]!.sections.map((x) => x.id)).not.toContain(s.id);
  });

  it('moves a subsection with its entries into another section', () => {
    const book = corpusBook();
    const mz = section(book, '民政');
    const sub = mz.children.find((c) => c.type === 'subsection' && c.title === '社会救助')!;
    const target = section(book, '外事');
    const next = moveSubsection(book, sub.id, { sectionId: target.id, index: 99 });
    checkBook(next);
    const t = section(next, '外事');
    expect(t.children[t.children.length - 1]).toEqual(sub);
    const moved = sub.type === 'subsection' ? sub.children.filter((c) => c.type === 'entry').map((c) => c.id) : [];
    for (const id of moved) expect(attributions(section(next, '民政'))[0]!.covers).not.toContain(id);
  });
});

describe('splitEntry and mergeEntryIntoPrevious', () => {
  it('splits at a paragraph that becomes the new title; the new entry is covered like the old one', () => {
    const book = corpusBook();
    const s = section(book, '机关事务服务');
    const entry = sectionEntries(s)[0]!;
    const para = entry.blocks.filter((b) => b.type === 'paragraph')[2]!;
    const { section: next, entryId } = splitEntry(s, entry.id, para.id, undefined, sequentialIds('t'));
    const entries = sectionEntries(next);
    expect(entries).toHaveLength(sectionEntries(s).length + 1);
    const created = entries.find((e) => e.id === entryId)!;
    expect(created.title).toBe(para.type === 'paragraph' ? para.text : '');
    expect(entries[entries.indexOf(created) - 1]!.id).toBe(entry.id);
    const covers = attributions(next)[0]!.covers;
    expect(covers.indexOf(entryId)).toBe(covers.indexOf(entry.id) + 1);
    // all blocks still there, once
    const before = entry.blocks.map((b) => b.id).filter((id) => id !== para.id);
    const after = [...entries.find((e) => e.id === entry.id)!.blocks, ...created.blocks].map((b) => b.id);
    expect(after).toEqual(before);
    checkBook(replaceSection(book, next));
  });

  it('merge undoes a split: same text, the title back as a paragraph', () => {
    const book = corpusBook();
    const s = section(book, '机关事务服务');
    const entry = sectionEntries(s)[0]!;
    const para = entry.blocks.filter((b) => b.type === 'paragraph')[1]!;
    const ids = sequentialIds('m');
    const { section: split, entryId } = splitEntry(s, entry.id, para.id, undefined, ids);
    const merged = mergeEntryIntoPrevious(split, entryId, ids);
    const text = (x: Section) => sectionEntries(x).map((e) => [e.title, ...e.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))]);
    expect(text(merged)).toEqual(text(s));
    expect(attributions(merged)[0]!.covers).toEqual(attributions(s)[0]!.covers);
  });

  it('refuses to merge the first entry of a container', () => {
    const s = section(corpusBook(), '外事');
    expect(() => mergeEntryIntoPrevious(s, sectionEntries(s)[0]!.id)).toThrow(/前面没有可合并的条目/);
  });

  it('splits with an explicit title before any block kind', () => {
    const s = section(corpusBook(), '机关事务服务');
    const entry = sectionEntries(s).find((e) => e.blocks.some((b) => b.type === 'table'))!;
    const table = entry.blocks.find((b) => b.type === 'table')!;
    const { section: next, entryId } = splitEntry(s, entry.id, table.id, '为民实事项目');
    const created = sectionEntries(next).find((e) => e.id === entryId)!;
    expect(created.title).toBe('为民实事项目');
    expect(created.blocks[0]).toEqual(table);
    expect(indexBook({ ...corpusBook(), body: [] }).size).toBe(0);
  });
});

describe('moveRelative (outline drag and drop)', () => {
  const ids = (s: Section) => s.children.map((c) => c.id);

  it('puts an entry right before or after an entry, in the same section (moving down or up) and across sections', () => {
    const book = corpusBook();
    const from = section(book, '信访工作');
    const [a, b, c, d] = sectionEntries(from).map((e) => e.id);
    // down: a after c → b c a d
    let next = moveRelative(book, a!, c!, 'after');
    checkBook(next);
    expect(ids(section(next, '信访工作')).filter((x) => [a, b, c, d].includes(x))).toEqual([b, c, a, d]);
    // down with before: a before c → b a c d
    next = moveRelative(book, a!, c!, 'before');
    expect(ids(section(next, '信访工作')).filter((x) => [a, b, c, d].includes(x))).toEqual([b, a, c, d]);
    // up: d before a → d a b c
    next = moveRelative(book, d!, a!, 'before');
    expect(ids(section(next, '信访工作')).filter((x) => [a, b, c, d].includes(x))).toEqual([d, a, b, c]);
    // across: c after the first entry of another section; it leaves the old covers
    const other = section(book, '住房公积金管理');
    const o1 = sectionEntries(other)[0]!.id;
    next = moveRelative(book, c!, o1, 'after');
    checkBook(next);
    const o = ids(section(next, '住房公积金管理'));
    expect(o[o.indexOf(o1) + 1]).toBe(c);
    expect(attributions(section(next, '信访工作')).every((x) => !x.covers.includes(c!))).toBe(true);
  });

  it('drops an entry into a section (at its end) or a subsection, and a subsection before an entry', () => {
    const book = corpusBook();
    const e = sectionEntries(section(book, '外事'))[0]!.id;
    const target = section(book, '信访工作');
    let next = moveRelative(book, e, target.id, 'inside');
    expect(ids(section(next, '信访工作')).at(-1)).toBe(e);
    const mz = section(book, '民政');
    const sub = mz.children.find((c) => c.type === 'subsection' && c.title === '社会救助') as Extract<Section['children'][number], { type: 'subsection' }>;
    next = moveRelative(book, e, sub.id, 'inside');
    checkBook(next);
    const moved = section(next, '民政').children.find((c) => c.id === sub.id);
    expect(moved?.type === 'subsection' && moved.children.at(-1)?.id).toBe(e);
    // the subsection before the first entry of 外事
    next = moveRelative(book, sub.id, e, 'before');
    checkBook(next);
    const w = ids(section(next, '外事'));
    expect(w.indexOf(sub.id)).toBe(w.indexOf(e) - 1);
    expect(ids(section(next, '民政'))).not.toContain(sub.id);
  });

  it('moves sections before/after sections and into categories; refuses what the tree cannot hold', () => {
    const book = corpusBook();
    const first = book.body[0]!.sections[0]!.id;
    const last = book.body[1]!.sections.at(-1)!.id;
    let next = moveRelative(book, first, last, 'after');
    checkBook(next);
    expect(next.body[1]!.sections.at(-1)!.id).toBe(first);
    next = moveRelative(book, last, 'c_gov', 'inside');
    expect(next.body[0]!.sections.at(-1)!.id).toBe(last);
    const entry = sectionEntries(section(book, '外事'))[0]!.id;
    for (const [node, target, pos] of [
      [first, entry, 'before'],
      [first, entry, 'inside'],
      [entry, 'c_gov', 'inside'],
      [first, first, 'after'],
      ['c_gov', 'c_more', 'before'],
    ] as const) {
      try {
        moveRelative(book, node, target, pos);
        expect.unreachable(`${node} ${pos} ${target}`);
      } catch (e) {
        expect(isUserError(e) && e.message).toContain('不能移到这里');
      }
    }
  });
});
