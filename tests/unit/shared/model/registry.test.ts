import { describe, expect, it } from 'vitest';
import {
  assignUnitByName,
  BookSchema,
  contributorStats,
  ensureContributor,
  ensureListedContributor,
  looksLikeSameContributor,
  mergeContributors,
  proposedUnits,
  renameContributor,
  sectionEntries,
  sequentialIds,
  setContributorKind,
  setContributorUnit,
  unitNextTo,
  unitTotals,
  type Attribution,
  type Book,
  type Figure,
  type Section,
} from '../../../../shared/model';
import { refused } from '../../../helpers/refused';
import { REG, registryBook } from '../../renderer/fixtures/registryBook';

const book = (): Book => registryBook().book;
const section = (b: Book, title: string): Section => b.body.flatMap((c) => c.sections).find((s) => s.title === title)!;

function lines(s: Section): Attribution[] {
  const out: Attribution[] = [];
  for (const c of s.children) {
    if (c.type === 'attribution') out.push(c);
    if (c.type === 'entry') for (const b of c.blocks) if (b.type === 'attribution') out.push(b);
  }
  return out;
}

function figures(s: Section): Figure[] {
  return s.children.flatMap((c) => (c.type === 'entry' ? c.blocks.filter((b): b is Figure => b.type === 'figure') : []));
}

describe('the contributor registry', () => {
  it('merges two spellings of one person: the lines follow, the entries add up, the duplicate leaves the registry', () => {
    const b = book();
    const before = contributorStats(b);
    const wang = before.find((s) => s.key === REG.wang)!;
    const padded = before.find((s) => s.key === REG.wangPadded)!;
    expect(padded).toMatchObject({ name: '汪 剑', entries: 1, sections: ['消防'] });

    const merged = mergeContributors(b, REG.wangPadded, REG.wang);
    expect(BookSchema.safeParse(merged).success).toBe(true);
    expect(merged.contributors.map((c) => c.id)).not.toContain(REG.wangPadded);
    // The 消防 line now names 汪剑 and links to the kept entry.
    const fireLine = lines(section(merged, '消防')).find((a) => a.raw === '（汪 剑）')!;
    expect(fireLine).toMatchObject({ names: ['汪剑'], contributorIds: [REG.wang] });
    // Nothing else in the book changed.
    expect(section(merged, '应急管理')).toBe(section(b, '应急管理'));
    const after = contributorStats(merged).find((s) => s.key === REG.wang)!;
    expect(after.entries).toBe(wang.entries + padded.entries);
    expect(after.sections).toEqual(['应急管理', '消防']);
    expect(contributorStats(merged).some((s) => s.name === '汪 剑')).toBe(false);
    // The input is untouched.
    expect(b.contributors.some((c) => c.id === REG.wangPadded)).toBe(true);
  });

  it('merges a unit’s full name into its short name: the 供稿 line follows, its people move along', () => {
    let b = setContributorUnit(book(), REG.fang, REG.spbFull);
    b = mergeContributors(b, REG.spbFull, REG.spbShort);
    const unitLine = lines(section(b, '行政审批服务·公共资源交易')).find((a) => a.kind === 'unit')!;
    expect(unitLine).toMatchObject({ names: ['区审管办'], contributorIds: [REG.spbShort] });
    expect(b.contributors.find((c) => c.id === REG.fang)!.unitId).toBe(REG.spbShort);
    // The photo credit already said 区审管办: credited once, under the kept entry, with the unit line's entries.
    const s = contributorStats(b).find((x) => x.key === REG.spbShort)!;
    expect(s).toMatchObject({ kind: 'unit', figures: 1, roles: ['photo', 'unit'] });
    expect(s.entries).toBe(unitLine.covers.length);
  });

  it('renames a contributor: lines and photo credits follow; a name already taken is refused', () => {
    const b = book();
    const renamed = renameContributor(b, REG.ajj, ' 杭州市拱墅区应急管理局 ');
    const s = section(renamed, '应急管理');
    expect(lines(s).find((a) => a.kind === 'unit')!.names).toEqual(['杭州市拱墅区应急管理局']);
    const credit = figures(s)[0]!.credit!;
    expect(credit.names).toEqual(['杭州市拱墅区应急管理局']);
    expect(credit.raw).toBe('杭州市拱墅区应急管理局 供稿');
    expect(renamed.contributors.find((c) => c.id === REG.ajj)!.name).toBe('杭州市拱墅区应急管理局');
    // A padded two-character name is stored joined.
    expect(renameContributor(b, REG.zhu, '朱 娜').contributors.find((c) => c.id === REG.zhu)!.name).toBe('朱娜');
    refused(() => renameContributor(b, REG.wangPadded, '汪剑'), 'registry.nameTaken');
    refused(() => renameContributor(b, REG.wang, '  '), 'registry.emptyName');
    refused(() => mergeContributors(b, REG.wang, REG.wang), 'registry.mergeSelf');
    refused(() => mergeContributors(b, 'r_nobody', REG.wang), 'registry.notFound');
  });

  it('gives a person their unit; the unit totals count its own lines and its people’s, each entry once', () => {
    let b = setContributorUnit(book(), REG.wang, REG.ajj);
    b = setContributorUnit(b, REG.zhu, REG.ajj);
    b = setContributorUnit(b, REG.fang, REG.spbShort);
    refused(() => setContributorUnit(b, REG.ajj, REG.spbShort), 'registry.notPerson');
    refused(() => setContributorUnit(b, REG.wang, REG.zhu), 'registry.notUnit');
    const stats = contributorStats(b);
    expect(stats.find((s) => s.key === REG.wang)).toMatchObject({ unit: '区应急管理局', unitKey: REG.ajj });

    const totals = unitTotals(b);
    const ajj = totals.find((u) => u.key === REG.ajj)!;
    const ajjSection = section(b, '应急管理');
    const covered = lines(ajjSection).find((a) => a.kind === 'unit')!.covers;
    // The 供稿 line and the author line cover the same entries: counted once, not three times.
    expect(ajj).toMatchObject({ people: ['汪剑', '朱丽娜'], ownEntries: covered.length, entries: covered.length });
    expect(ajj.characters).toBe(stats.find((s) => s.key === REG.ajj)!.characters);
    const titles = sectionEntries(ajjSection)
      .filter((e) => covered.includes(e.id))
      .reduce((n, e) => n + [...e.title].length, 0);
    expect(ajj.characters).toBeGreaterThan(titles);
    // Once "汪 剑" is merged into 汪剑, the 消防 entry that line covers counts for the unit too.
    const merged = unitTotals(mergeContributors(b, REG.wangPadded, REG.wang)).find((u) => u.key === REG.ajj)!;
    expect(merged.entries).toBe(covered.length + 1);
    expect(merged.characters).toBeGreaterThan(ajj.characters);

    // 方琳's lines (重要施政 and 行政审批) count for 区审管办, which has no 供稿 line of its own.
    const spb = totals.find((u) => u.key === REG.spbShort)!;
    const fang = stats.find((s) => s.key === REG.fang)!;
    expect(spb).toMatchObject({ people: ['方琳'], ownEntries: 0, entries: fang.entries, characters: fang.characters, figures: 1 });
  });

  it('a unit that becomes a person loses its people; a person that becomes a unit loses their unit', () => {
    let b = setContributorUnit(book(), REG.wang, REG.ajj);
    expect(setContributorKind(b, REG.ajj, 'person').contributors.find((c) => c.id === REG.wang)!.unitId).toBeUndefined();
    b = setContributorKind(b, REG.wang, 'unit');
    expect(b.contributors.find((c) => c.id === REG.wang)).toEqual({ id: REG.wang, kind: 'unit', name: '汪剑' });
  });

  it('proposes the unit of the 供稿 line next to a person’s line', () => {
    const b = book();
    const s = section(b, '应急管理');
    const author = lines(s).find((a) => a.kind === 'author')!;
    expect(unitNextTo(s, author.id)).toBe('区应急管理局');
    // 於晓萍's lines have no 供稿 line beside them.
    const zongshu = section(b, '综述');
    expect(unitNextTo(zongshu, lines(zongshu)[0]!.id)).toBeUndefined();
    const proposals = proposedUnits(b);
    expect(proposals.get('汪剑')).toBe('区应急管理局');
    expect(proposals.get('朱丽娜')).toBe('区应急管理局');
    expect(proposals.get('方琳')).toBe('区行政审批服务管理办公室');
    expect(proposals.has('於晓萍')).toBe(false);
    // Once a person has a unit, nothing is proposed for them.
    expect(proposedUnits(setContributorUnit(b, REG.wang, REG.ajj)).has('汪剑')).toBe(false);
  });

  it('registers names that only lines use, linking those lines; accepting a proposal registers people and unit', () => {
    const b = book();
    const ids = sequentialIds('t');
    const r = ensureContributor(b, '於晓萍', 'person', ids);
    expect(r.book.contributors.at(-1)).toEqual({ id: r.id, kind: 'person', name: '於晓萍' });
    for (const a of lines(section(r.book, '综述'))) expect(a.contributorIds).toEqual([r.id]);
    expect(ensureContributor(r.book, '於晓萍', 'person').book).toBe(r.book);
    // As the statistics list them: a registered one by its id, a name only lines use registered on the way.
    expect(ensureListedContributor(b, { key: REG.wang, name: '汪剑', kind: 'person' })).toEqual({ book: b, id: REG.wang });
    const listed = ensureListedContributor(b, { key: '於晓萍', name: '於晓萍', kind: 'person' });
    expect(listed.book.contributors.find((c) => c.id === listed.id)).toMatchObject({ kind: 'person', name: '於晓萍' });

    const assigned = assignUnitByName(b, ['汪剑', '季小东'], '区应急管理局', ids);
    expect(assigned.contributors.find((c) => c.id === REG.wang)!.unitId).toBe(REG.ajj);
    expect(assigned.contributors.find((c) => c.name === '季小东')).toMatchObject({ kind: 'person', unitId: REG.ajj });
    const withNewUnit = assignUnitByName(b, ['於晓萍'], '区政府办公室', ids);
    const unit = withNewUnit.contributors.find((c) => c.name === '区政府办公室')!;
    expect(unit.kind).toBe('unit');
    expect(withNewUnit.contributors.find((c) => c.name === '於晓萍')!.unitId).toBe(unit.id);
  });

  it('credits each name of a line to its own registry entry when only some names are linked', () => {
    const b = book();
    const s = section(b, '应急管理');
    // 季小东 is not registered: the line's links hold 汪剑's id only, and must not credit 季小东 to 汪剑.
    const line = lines(s).find((a) => a.kind === 'author')!;
    line.names = ['季小东', '汪剑'];
    line.contributorIds = [REG.wang];
    const stats = contributorStats(b);
    expect(stats.find((x) => x.name === '季小东')).toMatchObject({ registered: false, entries: line.covers.length });
    expect(stats.find((x) => x.key === REG.wang)!.entries).toBe(line.covers.length);
  });

  it('tells likely duplicates apart from different contributors', () => {
    const p = (name: string) => ({ name, kind: 'person' as const });
    const u = (name: string) => ({ name, kind: 'unit' as const });
    expect(looksLikeSameContributor(p('汪剑'), p('汪 剑'))).toBe(true);
    expect(looksLikeSameContributor(u('区审管办'), u('区行政审批服务管理办公室'))).toBe(true);
    expect(looksLikeSameContributor(u('区数据局'), u('区数据资源管理局'))).toBe(true);
    expect(looksLikeSameContributor(u('区民政局'), u('区审管办'))).toBe(false);
    expect(looksLikeSameContributor(u('区应急管理局'), u('区行政审批服务管理办公室'))).toBe(false);
    expect(looksLikeSameContributor(p('汪剑'), p('朱丽娜'))).toBe(false);
    expect(looksLikeSameContributor(p('汪剑'), p('汪剑'))).toBe(false);
  });
});
