// Placing recognised drafts into a book, as the review screen does: into a new category (by role), several
// files at once, all-or-nothing.
import { describe, expect, it } from 'vitest';
import { placeImport, placeImports, PlacementError, recogniseText } from '../../../../shared/import';
import { newBook, newCategory, newSection, parseBook, sequentialIds, type Book } from '../../../../shared/model';
import { seedText } from './corpus';

function book(): Book {
  const ids = sequentialIds('bk');
  const b = newBook({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 }, ids);
  const special = newCategory('特载', 'special', ids);
  special.sections.push(newSection('政府工作报告', ids));
  const cat = newCategory('综合经济', 'regular', ids);
  cat.sections.push(newSection('发展和改革', ids));
  b.body.push(special, cat);
  return b;
}

describe('placing imports', () => {
  const chapter = recogniseText(seedText('000'), '000.txt', { ids: sequentialIds('c') });
  const reports = recogniseText(seedText('001'), '001.txt', { ids: sequentialIds('r') });
  const table = recogniseText(seedText('004'), '004.txt', { ids: sequentialIds('t') });

  it('a new regular category goes to the end of the body with all recognised sections', () => {
    const before = book();
    const frozen = structuredClone(before);
    const out = placeImport(before, chapter, { mode: 'new-category', title: '杭州市临安区人民政府', titleEn: 'Lin\'an' }, sequentialIds('p'));
    expect(before).toEqual(frozen); // pure
    const last = out.body.at(-1)!;
    expect(last).toMatchObject({ title: '杭州市临安区人民政府', role: 'regular', titleEn: 'Lin\'an' });
    expect(last.sections.map((s) => s.title)).toEqual(chapter.categories[0]!.sections.map((s) => s.title));
    expect(last.sections).toHaveLength(10);
    expect(() => parseBook(JSON.parse(JSON.stringify(out)))).not.toThrow();
  });

  it('a new special category goes after the 特载 already at the front; an appendix into the back matter', () => {
    const out = placeImport(book(), reports, { mode: 'new-category', title: '专文', role: 'special' }, sequentialIds('p'));
    expect(out.body.map((c) => c.title)).toEqual(['特载', '专文', '综合经济']);
    expect(out.body[1]!.sections).toHaveLength(4);
    const out2 = placeImport(book(), table, { mode: 'new-category', title: '附录', role: 'appendix' }, sequentialIds('p'));
    expect(out2.back.filter((b) => b.type === 'category').map((c) => c.title)).toEqual(['附录']);
    expect(out2.body).toHaveLength(2);
  });

  it('an empty title gets the placeholder name', () => {
    const out = placeImport(book(), chapter, { mode: 'new-category', title: '  ' }, sequentialIds('p'));
    expect(out.body.at(-1)!.title).toBe('未命名类目');
  });

  it('several files at once, each with its own placement, in order', () => {
    const b = book();
    const target = b.body[1]!.sections[0]!;
    const out = placeImports(
      b,
      [
        { result: chapter, placement: { mode: 'new-sections', categoryId: b.body[1]!.id } },
        { result: reports, placement: { mode: 'append', sectionId: b.body[0]!.sections[0]!.id } },
        { result: table, placement: { mode: 'replace', sectionId: target.id } },
      ],
      sequentialIds('p'),
    );
    expect(out.body[1]!.sections.map((s) => s.title)).toEqual(['发展和改革', ...chapter.categories[0]!.sections.map((s) => s.title)]);
    expect(out.body[0]!.sections[0]!.children.length).toBe(reports.categories[0]!.sections.flatMap((s) => s.children).length);
    const replaced = out.body[1]!.sections[0]!;
    expect(replaced.id).toBe(target.id);
    expect(replaced.children.some((c) => c.type === 'table')).toBe(true);
    expect(() => parseBook(JSON.parse(JSON.stringify(out)))).not.toThrow();
  });

  it('throws (and returns nothing) when one target is missing', () => {
    const b = book();
    expect(() =>
      placeImports(b, [
        { result: chapter, placement: { mode: 'new-category', title: 'x' } },
        { result: reports, placement: { mode: 'append', sectionId: 's_missing' } },
      ]),
    ).toThrow(PlacementError);
    expect(b.body).toHaveLength(2);
  });
});
