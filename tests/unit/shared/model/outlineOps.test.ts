import { describe, expect, it } from 'vitest';
import {
  BookSchema,
  moveInto,
  newSection,
  newSubsection,
  removeNode,
  retitleNode,
  sectionEntries,
  sequentialIds,
  type Attribution,
  type Book,
  type Entry,
  type Section,
} from '../../../../shared/model';
import { refused } from '../../../helpers/refused';
import { seedBook } from '../../renderer/fixtures/seedBook';

/** The seed book with an empty section 空白分目 and a subsection in 消防 holding its last two entries. */
function book(): Book {
  const b = seedBook().book;
  const ids = sequentialIds('o');
  const cat = b.body[0]!;
  cat.sections.push(newSection('空白分目', ids));
  const fire = cat.sections.find((s) => s.title === '消防')!;
  const sub = newSubsection('消防宣传教育', ids);
  const entries = fire.children.filter((c): c is Entry => c.type === 'entry');
  sub.children.push(...entries.slice(-2));
  fire.children = fire.children.filter((c) => !sub.children.includes(c as Entry));
  fire.children.splice(fire.children.findIndex((c) => c.type === 'attribution'), 0, sub);
  return BookSchema.parse(b);
}

const section = (b: Book, title: string): Section => b.body.flatMap((c) => c.sections).find((s) => s.title === title)!;
const entry = (b: Book, title: string): Entry => b.body.flatMap((c) => c.sections).flatMap(sectionEntries).find((e) => e.title === title)!;
const authorLine = (s: Section): Attribution => s.children.find((c): c is Attribution => c.type === 'attribution')!;

describe('moveInto (移动到…)', () => {
  it('moves an entry into an empty section; its old section’s line no longer covers it', () => {
    const b = book();
    const e = entry(b, '自然灾害应对');
    const moved = moveInto(b, e.id, section(b, '空白分目').id);
    expect(section(moved, '空白分目').children).toEqual([e]);
    expect(sectionEntries(section(moved, '应急管理')).map((x) => x.title)).not.toContain('自然灾害应对');
    expect(authorLine(section(moved, '应急管理')).covers).not.toContain(e.id);
    expect(BookSchema.safeParse(moved).success).toBe(true);
  });

  it('puts it at the end or the start of a section, after a lead paragraph, or of a subsection', () => {
    const b = book();
    const e = entry(b, '自然灾害应对');
    const zongshu = section(b, '综述');
    const atEnd = section(moveInto(b, e.id, zongshu.id, 'end'), '综述');
    expect(atEnd.children.at(-1)).toEqual(e);
    const atStart = section(moveInto(b, e.id, zongshu.id, 'start'), '综述');
    expect(atStart.children[0]).toEqual(e);

    const fire = section(b, '消防');
    const sub = fire.children.find((c) => c.type === 'subsection')!;
    const inSub = section(moveInto(b, e.id, sub.id, 'start'), '消防').children.find((c) => c.type === 'subsection')!;
    expect(inSub.type === 'subsection' && inSub.children[0]).toEqual(e);

    // Within its own section: from first to last.
    const first = sectionEntries(zongshu)[0]!;
    const reordered = section(moveInto(b, first.id, zongshu.id, 'end'), '综述');
    expect(sectionEntries(reordered).at(-1)!.id).toBe(first.id);
    expect(sectionEntries(reordered)).toHaveLength(sectionEntries(zongshu).length);
  });

  it('moves subsections into sections and sections into categories; refuses anything else', () => {
    const b = book();
    const sub = section(b, '消防').children.find((c) => c.type === 'subsection')!;
    const moved = moveInto(b, sub.id, section(b, '空白分目').id);
    expect(section(moved, '空白分目').children.map((c) => c.id)).toEqual([sub.id]);
    const s = section(b, '消防');
    expect(moveInto(b, s.id, b.body[0]!.id, 'start').body[0]!.sections[0]!.id).toBe(s.id);
    refused(() => moveInto(b, s.id, section(b, '综述').id), 'ops.cannotMove');
    refused(() => moveInto(b, entry(b, '概况').id, b.body[0]!.id), 'ops.cannotMove');
    refused(() => moveInto(b, 'e_none', s.id), 'ops.notFound');
  });
});

describe('retitleNode and removeNode (the outline’s rename and delete)', () => {
  it('renames entries and subsections in their section, dropping the 【】 and · · typed around them', () => {
    const b = book();
    const e = entry(b, '森林防火灭火');
    const renamed = retitleNode(b, e.id, ' 【森林 防火】 ');
    expect(entry(renamed, '森林 防火').id).toBe(e.id);
    const sub = section(b, '消防').children.find((c) => c.type === 'subsection')!;
    const s2 = section(retitleNode(b, sub.id, '· 宣传 ·'), '消防').children.find((c) => c.id === sub.id)!;
    expect(s2.type === 'subsection' && s2.title).toBe('宣传');
    expect(retitleNode(b, b.body[0]!.id, '区政府').body[0]!.title).toBe('区政府');
    expect(section(retitleNode(b, section(b, '消防').id, '消防救援'), '消防救援')).toBeDefined();
    refused(() => retitleNode(b, e.id, '【 】'), 'ops.emptyTitle');
  });

  it('deletes an entry, or a subsection with its entries, and takes them out of the covers', () => {
    const b = book();
    const e = entry(b, '森林防火灭火');
    const gone = removeNode(b, e.id);
    expect(sectionEntries(section(gone, '应急管理')).map((x) => x.id)).not.toContain(e.id);
    expect(authorLine(section(gone, '应急管理')).covers).not.toContain(e.id);
    expect(authorLine(section(gone, '应急管理')).covers).toHaveLength(authorLine(section(b, '应急管理')).covers.length - 1);

    const fire = section(b, '消防');
    const sub = fire.children.find((c) => c.type === 'subsection')!;
    const inSub = sub.type === 'subsection' ? sub.children.map((c) => c.id) : [];
    const noSub = section(removeNode(b, sub.id), '消防');
    expect(noSub.children.some((c) => c.id === sub.id)).toBe(false);
    expect(sectionEntries(noSub)).toHaveLength(sectionEntries(fire).length - 2);
    for (const id of inSub) expect(authorLine(noSub).covers).not.toContain(id);
    refused(() => removeNode(b, fire.id), 'ops.cannotDelete');
  });
});
