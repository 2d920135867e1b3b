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

/** Everyone credited, most entries first (then figures, then name). */
export function contributorStats(book: Book): ContributorStat[] {
  const byName = new Map<string, Contributor>();
  const byId = new Map<string, Contributor>();
  for (const c of book.contributors) {
    byName.set(c.name, c);
    byId.set(c.id, c);
  }
  const stats = new Map<string, ContributorStat & { entryIds: Set<string> }>();
  const statFor = (name: string, id: string | undefined, guess: Contributor['kind']) => {
    const reg = (id ? byId.get(id) : undefined) ?? byName.get(name);
    const key = reg?.id ?? name;
    let s = stats.get(key);
    if (!s) {
      const unit = reg?.unitId ? byId.get(reg.unitId)?.name : undefined;
      s = { key, name: reg?.name ?? name, kind: reg?.kind ?? guess, ...(unit ? { unit } : {}), registered: !!reg, roles: [], entries: 0, characters: 0, figures: 0, sections: [], entryIds: new Set() };
      stats.set(key, s);
    }
    return s;
  };
  for (const { section } of allSections(book)) {
    const entries = new Map(sectionEntries(section).map((e) => [e.id, e]));
    const visit = (b: { type: string }) => {
      if (b.type === 'attribution') {
        const a = b as Attribution;
        a.names.forEach((name, i) => {
          const s = statFor(name, a.contributorIds?.[i], a.kind === 'unit' ? 'unit' : 'person');
          if (!s.roles.includes(a.kind)) s.roles.push(a.kind);
          if (!s.sections.includes(section.title)) s.sections.push(section.title);
          for (const id of a.covers) {
            const e = entries.get(id);
            if (!e || s.entryIds.has(id)) continue;
            s.entryIds.add(id);
            s.entries++;
            s.characters += entryCharacters(e);
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
  for (const c of book.contributors) statFor(c.name, c.id, c.kind);
  return [...stats.values()]
    .map(({ entryIds: _ids, ...s }) => s)
    .sort((a, b) => b.entries - a.entries || b.figures - a.figures || a.name.localeCompare(b.name, 'zh'));
}
