import { describe, expect, it } from 'vitest';
import { contributorStats, sectionEntries, type Attribution, type Book } from '../../../../shared/model';
import { seedBook } from '../../renderer/fixtures/seedBook';

const book = (): Book => seedBook().book;
const section = (b: Book, title: string) => b.body.flatMap((c) => c.sections).find((s) => s.title === title)!;

describe('contributorStats (the registry view)', () => {
  it('credits each author with the entries their lines cover and those entries’ characters', () => {
    const b = book();
    const s = section(b, '应急管理');
    const line = s.children.flatMap((c) => (c.type === 'entry' ? c.blocks : [c])).find((x): x is Attribution => x.type === 'attribution' && x.names.includes('汪剑'))!;
    const covered = sectionEntries(s).filter((e) => line.covers.includes(e.id));
    expect(covered.length).toBeGreaterThan(1);
    const stats = contributorStats(b);
    const wang = stats.find((x) => x.name === '汪剑')!;
    const zhu = stats.find((x) => x.name === '朱丽娜')!;
    expect(wang).toMatchObject({ kind: 'person', roles: ['author'], entries: covered.length, sections: ['应急管理'] });
    // Both names on one line get the same entries.
    expect(zhu.entries).toBe(wang.entries);
    expect(zhu.characters).toBe(wang.characters);
    // Characters are the entries' own titles and text, not the names on the line.
    const chars = covered.reduce((n, e) => n + [...e.title].length, 0);
    expect(wang.characters).toBeGreaterThan(chars);
    // Most entries first.
    expect(stats.map((x) => x.entries)).toEqual([...stats.map((x) => x.entries)].sort((a, b2) => b2 - a));
  });

  it('an entry covered twice by one person counts once; figure credits and registry members are listed', () => {
    const b = book();
    const s = section(b, '应急管理');
    const first = sectionEntries(s)[0]!;
    const extra: Attribution = { type: 'attribution', id: 'a_extra', kind: 'author', names: ['汪剑', '季小东'], covers: [first.id], placement: 'line' };
    const withExtra: Book = {
      ...b,
      contributors: [
        { id: 'p_nobody', kind: 'person', name: '未署名者' },
        { id: 'u_ajj', kind: 'unit', name: '区应急管理局' },
      ],
      body: b.body.map((c) => ({ ...c, sections: c.sections.map((x) => (x.id === s.id ? { ...x, children: [...x.children, extra] } : x)) })),
    };
    const before = contributorStats(b).find((x) => x.name === '汪剑')!;
    const after = contributorStats(withExtra);
    const line = s.children.flatMap((c) => (c.type === 'entry' ? c.blocks : [c])).find((x): x is Attribution => x.type === 'attribution' && x.names.includes('汪剑'))!;
    expect(line.covers).toContain(first.id);
    // Already covered by the section's line: the second line adds no entry and no characters.
    expect(after.find((x) => x.name === '汪剑')).toMatchObject({ entries: before.entries, characters: before.characters });
    const ji = after.find((x) => x.name === '季小东')!;
    expect(ji).toMatchObject({ entries: 1, registered: false, sections: ['应急管理'] });
    expect(ji.characters).toBeGreaterThan([...first.title].length);
    const nobody = after.find((x) => x.name === '未署名者')!;
    expect(nobody).toMatchObject({ registered: true, entries: 0, figures: 0 });
    // 区应急管理局 is credited on the photo in 应急管理 (图 … (区应急管理局 供稿)) or at least listed as a registered unit.
    expect(after.find((x) => x.name === '区应急管理局')).toMatchObject({ kind: 'unit', registered: true });
  });
});
