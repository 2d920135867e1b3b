import { describe, expect, it } from 'vitest';
import {
  commentAnchors,
  dropComment,
  groupIndexOccurrences,
  indexOccurrences,
  putComment,
  sectionComments,
  sectionEntries,
  setEntryNoIndex,
  setGroupSortKey,
  setIndexTermSortKey,
  type Book,
  type Comment,
  type Paragraph,
  type Section,
} from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';

function sectionOf(book: Book, title: string): Section {
  return book.body.flatMap((c) => c.sections).find((s) => s.title === title)!;
}

/** The sample book with index terms on "区民政局" in 民政 (two of them, one with a sort key) and in a table cell. */
function withTerms(): Book {
  const book = structuredClone(loadSampleBook());
  const minzheng = sectionOf(book, '民政');
  let marked = 0;
  for (const e of sectionEntries(minzheng)) {
    for (const b of e.blocks) {
      if (b.type !== 'paragraph' || marked >= 2) continue;
      const at = b.text.indexOf('区民政局');
      if (at < 0) continue;
      b.marks.push(marked === 0 ? { type: 'indexTerm', start: at, end: at + 4, sortKey: 'qu min zheng ju' } : { type: 'indexTerm', start: at, end: at + 4 });
      marked++;
    }
  }
  const office = sectionOf(book, '区政府办公室工作');
  const table = sectionEntries(office).flatMap((e) => e.blocks).find((b) => b.type === 'table')!;
  if (table.type !== 'table') throw new Error('fixture');
  const cell = table.bodyRows[0]!.cells[1]!;
  cell.marks.push({ type: 'indexTerm', start: 0, end: Math.min(4, cell.text.length) });
  return book;
}

describe('index occurrences', () => {
  it('lists index terms (text and table cells) and entry titles, generic titles qualified by their section', () => {
    const book = withTerms();
    const occ = indexOccurrences(book);
    const terms = occ.filter((o) => o.kind === 'term');
    // Book order: 区政府办公室工作 (the table) comes before 民政.
    expect(terms.map((o) => o.term)).toEqual([expect.any(String), '区民政局', '区民政局']);
    expect(terms[1]!.sortKey).toBe('qu min zheng ju');
    expect(terms[2]!.sortKey).toBeUndefined();
    expect(terms[0]!.cell).toEqual({ row: expect.any(Number), col: 1 });
    const entries = occ.filter((o) => o.kind === 'entry');
    const all = book.body.flatMap((c) => c.sections).flatMap((s) => sectionEntries(s));
    expect(entries.length).toBe(all.filter((e) => e.title.trim()).length);
    expect(entries.some((o) => o.term === '民政概况')).toBe(true);
    expect(entries.every((o) => o.included)).toBe(true);
  });

  it('groups by term as the printed index merges them, keeping the first sort key', () => {
    const groups = groupIndexOccurrences(indexOccurrences(withTerms()));
    const g = groups.find((x) => x.term === '区民政局')!;
    expect(g.terms).toHaveLength(2);
    expect(g.sortKey).toBe('qu min zheng ju');
    expect(new Set(groups.map((x) => x.term)).size).toBe(groups.length);
  });

  it('sets and clears sort keys of one mark or a whole group, leaving the rest of the book as it was', () => {
    const book = withTerms();
    const g = groupIndexOccurrences(indexOccurrences(book)).find((x) => x.term === '区民政局')!;
    const next = setGroupSortKey(book, g, '区民政局');
    const after = groupIndexOccurrences(indexOccurrences(next)).find((x) => x.term === '区民政局')!;
    expect(after.terms.map((o) => o.sortKey)).toEqual(['区民政局', '区民政局']);
    // Sections without a term keep their identity.
    expect(sectionOf(next, '外事')).toBe(sectionOf(book, '外事'));
    const o = after.terms[0]!;
    const cleared = setIndexTermSortKey(next, { sectionId: o.sectionId, nodeId: o.nodeId, start: o.start, end: o.end }, '  ');
    expect(groupIndexOccurrences(indexOccurrences(cleared)).find((x) => x.term === '区民政局')!.terms.map((t) => t.sortKey)).toEqual([undefined, '区民政局']);
    // A term that is no longer there changes nothing.
    expect(setIndexTermSortKey(book, { sectionId: o.sectionId, nodeId: o.nodeId, start: o.start + 1, end: o.end }, 'x')).toBe(book);
    // Cell marks too.
    const cellTerm = indexOccurrences(book).find((x) => x.cell)!;
    const withKey = setIndexTermSortKey(book, { sectionId: cellTerm.sectionId, nodeId: cellTerm.nodeId, cell: cellTerm.cell!, start: cellTerm.start, end: cellTerm.end }, 'abc');
    expect(indexOccurrences(withKey).find((x) => x.cell)!.sortKey).toBe('abc');
  });

  it('keeps an entry title out of the index and lets it in again', () => {
    const book = withTerms();
    const s = sectionOf(book, '外事');
    const e = sectionEntries(s)[0]!;
    const out = setEntryNoIndex(book, s.id, e.id, true);
    expect(indexOccurrences(out).find((o) => o.nodeId === e.id)!.included).toBe(false);
    expect(sectionEntries(sectionOf(out, '外事'))[0]!.noIndex).toBe(true);
    expect(setEntryNoIndex(out, s.id, e.id, true)).toBe(out);
    expect(indexOccurrences(setEntryNoIndex(out, s.id, e.id, false)).find((o) => o.nodeId === e.id)!.included).toBe(true);
  });
});

describe('comments', () => {
  const c = (id: string, text: string): Comment => ({ id, author: '王编辑', text, createdAt: '2021-03-01T08:00:00.000Z', resolved: false });

  it('finds each comment anchor once, in reading order, with the quoted text', () => {
    const book = structuredClone(loadSampleBook());
    const s = sectionOf(book, '信访工作');
    const [p1, p2] = sectionEntries(s).flatMap((e) => e.blocks).filter((b): b is Paragraph => b.type === 'paragraph');
    p2!.marks.push({ type: 'comment', start: 0, end: 4, commentId: 'k_2' });
    p1!.marks.push({ type: 'comment', start: 5, end: 9, commentId: 'k_1' }, { type: 'comment', start: 10, end: 12, commentId: 'k_1' });
    const anchors = commentAnchors(s);
    expect(anchors.map((a) => a.commentId)).toEqual(['k_1', 'k_2']);
    expect(anchors[0]).toMatchObject({ nodeId: p1!.id, start: 5, end: 9, quote: p1!.text.slice(5, 9) });
    const comments = putComment(putComment([], c('k_2', '核对数字')), c('k_1', '请补出处'));
    expect(sectionComments({ comments }, s).map((x) => x.comment.text)).toEqual(['请补出处', '核对数字']);
    // Replacing keeps the place; dropping removes one.
    const resolved = putComment(comments, { ...c('k_2', '核对数字'), resolved: true });
    expect(resolved.map((x) => x.id)).toEqual(['k_2', 'k_1']);
    expect(resolved[0]!.resolved).toBe(true);
    expect(dropComment(resolved, 'k_2').map((x) => x.id)).toEqual(['k_1']);
    // A comment whose text is not in the book is not listed.
    expect(sectionComments({ comments: dropComment(comments, 'k_1') }, s).map((x) => x.comment.id)).toEqual(['k_2']);
  });
});
