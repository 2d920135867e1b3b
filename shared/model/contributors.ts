// Contributor statistics for the registry view: every person and unit named in the book's attribution lines
// and photo credits, with what they are credited for — entries covered and their characters (what offices
// report to contributors and to the 编辑说明), figures credited, sections they appear in.
import type { Attribution, Book, Contributor, Entry } from './schema';
import { allSections, blockText, sectionEntries } from './walk';
import { countChars } from './text';
import { isUnitName } from './attribution';

export interface ContributorStat {
  /** A registry id when the name is in book.contributors, else the name itself. */
  key: string;
  name: string;
  kind: Contributor['kind'];
  /** The unit a person belongs to (from the registry). */
  unit?: string;
  /** The registry id of that unit. */
  unitKey?: string;
  /** In the registry (book.contributors), or only named in lines. */
  registered: boolean;
  /** What the lines credit them as: 撰稿 author, 供稿 unit, 摄影·提供 photo, 审稿 reviewer. */
  roles: Attribution['kind'][];
  /** Entries covered by their lines (each entry once, even when two lines cover it). */
  entries: number;
  /** Characters of those entries (titles and text, without whitespace). */
  characters: number;
  /** Figures whose credit names them. */
  figures: number;
  /** Titles of the sections they appear in, in book order. */
  sections: string[];
}

function entryCharacters(e: Entry): number {
  let n = countChars(e.title);
  for (const b of e.blocks) if (b.type !== 'attribution') n += countChars(blockText(b));
  return n;
}

/** Per unit: its own lines and those of the people registered as belonging to it (each entry counted once). */
export interface UnitTotal {
  /** The unit's registry id (or its name when it is only named in lines). */
  key: string;
  name: string;
  registered: boolean;
  /** Names of the people registered as belonging to the unit, most entries first. */
  people: string[];
  /** Entries covered by the unit's own 供稿 lines. */
  ownEntries: number;
  /** Entries covered by the unit's lines or its people's lines, each once. */
  entries: number;
  /** Characters of those entries. */
  characters: number;
  /** Figures credited to the unit or its people. */
  figures: number;
}

type Collected = ContributorStat & { entryIds: Set<string> };

/** Everyone credited, most entries first (then figures, then name). */
export function contributorStats(book: Book): ContributorStat[] {
  return sortStats([...collect(book).stats.values()].map(({ entryIds: _ids, ...s }) => s));
}

function sortStats<T extends ContributorStat>(list: T[]): T[] {
  return list.sort((a, b) => b.entries - a.entries || b.figures - a.figures || a.name.localeCompare(b.name, 'zh'));
}

/**
 * Totals per unit, with the people registered as belonging to it (what an office reports per contributing
 * unit): units with the most entries first.
 */
export function unitTotals(book: Book): UnitTotal[] {
  const { stats, chars } = collect(book);
  const all = [...stats.values()];
  const out: UnitTotal[] = [];
  for (const u of all) {
    if (u.kind !== 'unit') continue;
    const people = sortStats(all.filter((p) => p.kind === 'person' && p.unitKey === u.key));
    const ids = new Set(u.entryIds);
    for (const p of people) for (const id of p.entryIds) ids.add(id);
    let characters = 0;
    for (const id of ids) characters += chars.get(id) ?? 0;
    out.push({
      key: u.key,
      name: u.name,
      registered: u.registered,
      people: people.map((p) => p.name),
      ownEntries: u.entries,
      entries: ids.size,
      characters,
      figures: u.figures + people.reduce((n, p) => n + p.figures, 0),
    });
  }
  return out.sort((a, b) => b.entries - a.entries || b.figures - a.figures || a.name.localeCompare(b.name, 'zh'));
}

function collect(book: Book): { stats: Map<string, Collected>; chars: Map<string, number> } {
  const byName = new Map<string, Contributor>();
  const byId = new Map<string, Contributor>();
  for (const c of book.contributors) {
    if (!byName.has(c.name)) byName.set(c.name, c);
    byId.set(c.id, c);
  }
  const stats = new Map<string, Collected>();
  const chars = new Map<string, number>();
  // A name on a line is the registry entry of that name it links to (contributorIds are the links of the
  // line's names, not always one per name), else the first entry with that name.
  const statFor = (name: string, ids: readonly string[] | undefined, guess: Contributor['kind']) => {
    const reg = (ids ? ids.map((id) => byId.get(id)).find((c) => c?.name === name) : undefined) ?? byName.get(name);
    const key = reg?.id ?? name;
    let s = stats.get(key);
    if (!s) {
      const unit = reg?.unitId ? byId.get(reg.unitId) : undefined;
      s = { key, name: reg?.name ?? name, kind: reg?.kind ?? guess, ...(unit ? { unit: unit.name, unitKey: unit.id } : {}), registered: !!reg, roles: [], entries: 0, characters: 0, figures: 0, sections: [], entryIds: new Set() };
      stats.set(key, s);
    }
    return s;
  };
  for (const { section } of allSections(book)) {
    const entries = new Map(sectionEntries(section).map((e) => [e.id, e]));
    const visit = (b: { type: string }) => {
      if (b.type === 'attribution') {
        const a = b as Attribution;
        a.names.forEach((name) => {
          const s = statFor(name, a.contributorIds, a.kind === 'unit' ? 'unit' : 'person');
          if (!s.roles.includes(a.kind)) s.roles.push(a.kind);
          if (!s.sections.includes(section.title)) s.sections.push(section.title);
          for (const id of a.covers) {
            const e = entries.get(id);
            if (!e || s.entryIds.has(id)) continue;
            s.entryIds.add(id);
            s.entries++;
            let n = chars.get(id);
            if (n === undefined) chars.set(id, (n = entryCharacters(e)));
            s.characters += n;
          }
        });
      } else if (b.type === 'figure') {
        const credit = (b as { credit?: { kind: string; names: string[] } }).credit;
        for (const name of credit?.names ?? []) {
          const s = statFor(name, undefined, isUnitName(name) ? 'unit' : 'person');
          s.figures++;
          if (!s.roles.includes('photo')) s.roles.push('photo');
          if (!s.sections.includes(section.title)) s.sections.push(section.title);
        }
      }
    };
    for (const c of section.children) {
      if (c.type === 'entry') c.blocks.forEach(visit);
      else if (c.type === 'subsection') c.children.forEach((x) => (x.type === 'entry' ? x.blocks.forEach(visit) : visit(x)));
      else visit(c);
    }
  }
  // Registry members no line names yet still belong in the list (with zero).
  for (const c of book.contributors) statFor(c.name, [c.id], c.kind);
  return { stats, chars };
}
