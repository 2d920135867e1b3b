// The contributor registry (book.contributors) as an editor maintains it: people and units, the unit a person
// writes for, renaming, changing kind, merging duplicates ("汪 剑" and 汪剑, 区审管办 and its full name
// 区行政审批服务管理办公室). Every function is pure and returns a new book; what cannot be done throws a
// UserError and changes nothing. Attribution lines and photo credits that name a contributor follow a rename or
// a merge (their names and registry links are rewritten), so the printed book and the registry never disagree.
import { isPersonName, isUnitName, splitNames } from './attribution';
import { UserError } from './errors';
import { ID_PREFIX, randomId, type IdGenerator } from './ids';
import { mapBookBlocks } from './map';
import type { Attribution, Block, Book, Category, Contributor, Entry, Figure, Section } from './schema';

export type ContributorKind = Contributor['kind'];

/** A name as it is compared for duplicates: no spaces (half- or full-width), no middle-dot variants. */
export function comparableName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(/[•・]/g, '·');
}

/**
 * A name as the registry stores it: trimmed, a padded two-character name joined ("汪 剑" → 汪剑), runs of spaces
 * inside a longer name reduced to one.
 */
export function cleanName(name: string): string {
  const trimmed = name.trim().replace(/[\s\u3000]+/g, ' ');
  const parts = splitNames(trimmed);
  return parts.length === 1 ? parts[0]! : trimmed;
}

/**
 * The registry entry a name on a line refers to: among the entries with this name, the one the line links to
 * (ids), else the first. Undefined for a name that is not registered.
 */
export function resolveContributor(name: string, contributors: readonly Contributor[], ids?: string | readonly string[]): Contributor | undefined {
  const list = typeof ids === 'string' ? [ids] : ids;
  return (list && contributors.find((c) => c.name === name && list.includes(c.id))) ?? contributors.find((c) => c.name === name);
}

/** The registry ids of the names of a line, in the order of the names (unregistered names are skipped, each id once). */
export function linkNames(names: readonly string[], contributors: readonly Contributor[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const c = resolveContributor(n, contributors);
    if (c && !out.includes(c.id)) out.push(c.id);
  }
  return out;
}

function find(book: Book, id: string): Contributor {
  const c = book.contributors.find((x) => x.id === id);
  if (!c) throw new UserError('registry.notFound', { id });
  return c;
}

function withContributors(book: Book, contributors: Contributor[]): Book {
  return { ...book, contributors };
}

// ---------------------------------------------------------------------------------------------
// Rewriting the lines and credits of the book

/**
 * Rewrites the names of lines and credits that refer to a contributor: `rename(name, linkedIds)` gives the new
 * name, or null to keep it. Registry links are mapped with `mapId`. Names that end up twice on one line (two
 * spellings of one person merged) are kept once.
 */
function rewriteReferences(book: Book, rename: (name: string, ids: readonly string[] | undefined) => string | null, mapId: (id: string) => string): Book {
  return mapBookBlocks(book, (b) => {
    if (b.type === 'attribution') {
      const a = b as Attribution;
      const names = a.names.map((n) => rename(n, a.contributorIds) ?? n);
      const ids = a.contributorIds?.map(mapId);
      const same = names.every((n, i) => n === a.names[i]) && (!ids || ids.every((id, i) => id === a.contributorIds![i]));
      if (same) return b;
      const out: Attribution = { ...a, names: [...new Set(names)] };
      if (ids) out.contributorIds = [...new Set(ids)];
      return out;
    }
    if (b.type === 'figure' && (b as Figure).credit) {
      const f = b as Figure;
      const credit = f.credit!;
      let raw = credit.raw;
      const names = credit.names.map((n) => {
        const to = rename(n, undefined);
        if (to === null || to === n) return n;
        raw = raw.split(n).join(to);
        return to;
      });
      if (names.every((n, i) => n === credit.names[i])) return b;
      return { ...f, credit: { ...credit, names: [...new Set(names)], raw } };
    }
    return b;
  });
}

// ---------------------------------------------------------------------------------------------
// Registry operations

/**
 * The registry id of a contributor as the statistics list them (`key` is their registry id, or their name when
 * only attribution lines name them), registering such a name first (ensureContributor).
 */
export function ensureListedContributor(book: Book, c: { key: string; name: string; kind: ContributorKind }): { book: Book; id: string } {
  return book.contributors.some((x) => x.id === c.key) ? { book, id: c.key } : ensureContributor(book, c.name, c.kind);
}

/**
 * The registry entry for a name, added when the name is not registered yet (a name the lines use but nobody
 * registered; the kind is the one given). Returns the book (unchanged when the name was registered) and the id.
 */
export function ensureContributor(book: Book, name: string, kind: ContributorKind, ids: IdGenerator = randomId): { book: Book; id: string } {
  const clean = cleanName(name);
  if (!clean) throw new UserError('registry.emptyName');
  const existing = book.contributors.find((c) => c.name === clean);
  if (existing) return { book, id: existing.id };
  const id = freshId(book.contributors, ids);
  const contributors = [...book.contributors, { id, kind, name: clean }];
  // Lines that name them are linked now (what the editor does when the registry grows), so the registration
  // and the links are one change.
  const linked = mapBookBlocks(book, (b) => {
    if (b.type !== 'attribution' || !(b as Attribution).names.includes(clean)) return b;
    const a = b as Attribution;
    const next = linkNames(a.names, contributors);
    return JSON.stringify(next) === JSON.stringify(a.contributorIds ?? []) ? b : { ...a, contributorIds: next };
  });
  return { book: withContributors(linked, contributors), id };
}

/**
 * Registers the people named (when they are not yet) as belonging to the unit named (registered as a unit when
 * it is not yet): what accepting a proposed unit on an author line does.
 */
export function assignUnitByName(book: Book, people: readonly string[], unitName: string, ids: IdGenerator = randomId): Book {
  const unit = ensureContributor(book, unitName, 'unit', ids);
  let next = unit.book;
  const u = next.contributors.find((c) => c.id === unit.id)!;
  if (u.kind !== 'unit') next = setContributorKind(next, u.id, 'unit');
  for (const name of people) {
    const p = ensureContributor(next, name, 'person', ids);
    next = p.book;
    const c = next.contributors.find((x) => x.id === p.id)!;
    if (c.kind !== 'person') continue;
    next = setContributorUnit(next, p.id, unit.id);
  }
  return next;
}

function freshId(existing: readonly Contributor[], ids: IdGenerator): string {
  for (;;) {
    const id = ids(ID_PREFIX.contributor);
    if (!existing.some((c) => c.id === id)) return id;
  }
}

/**
 * Renames a contributor. Lines and photo credits that name them are rewritten to the new name. A name another
 * entry already has is refused (the two are one contributor: merge them instead).
 */
export function renameContributor(book: Book, id: string, name: string): Book {
  const c = find(book, id);
  const clean = cleanName(name);
  if (!clean) throw new UserError('registry.emptyName');
  if (clean === c.name) return book;
  const other = book.contributors.find((x) => x.id !== id && x.name === clean);
  if (other) throw new UserError('registry.nameTaken', { name: clean });
  const contributors = book.contributors.map((x) => (x.id === id ? { ...x, name: clean } : x));
  const before = book.contributors;
  return withContributors(
    rewriteReferences(book, (n, linked) => (n === c.name && resolveContributor(n, before, linked)?.id === id ? clean : null), (x) => x),
    contributors,
  );
}

/** Makes a contributor a person or a unit. A unit has no unit of its own; people of a unit that becomes a person lose it. */
export function setContributorKind(book: Book, id: string, kind: ContributorKind): Book {
  const c = find(book, id);
  if (c.kind === kind) return book;
  return withContributors(
    book,
    book.contributors.map((x) => {
      if (x.id === id) {
        const { unitId: _u, ...rest } = x;
        return { ...rest, kind };
      }
      if (kind === 'person' && x.unitId === id) {
        const { unitId: _u, ...rest } = x;
        return rest;
      }
      return x;
    }),
  );
}

/** Sets (or, with null, clears) the unit a person writes for. */
export function setContributorUnit(book: Book, personId: string, unitId: string | null): Book {
  const person = find(book, personId);
  if (person.kind !== 'person') throw new UserError('registry.notPerson', { name: person.name });
  if (unitId !== null) {
    const unit = find(book, unitId);
    if (unit.kind !== 'unit') throw new UserError('registry.notUnit', { name: unit.name });
  }
  if ((person.unitId ?? null) === unitId) return book;
  return withContributors(
    book,
    book.contributors.map((x) => {
      if (x.id !== personId) return x;
      const { unitId: _u, ...rest } = x;
      return unitId ? { ...rest, unitId } : rest;
    }),
  );
}

/**
 * Merges one registry entry into another (two spellings of one person, a unit's full and short names): lines
 * and credits that name the merged entry now name the one kept (its name, its id), people of a merged unit
 * belong to the kept unit, the kept entry takes over a unit or note it lacks, and the merged entry leaves the
 * registry.
 */
export function mergeContributors(book: Book, fromId: string, intoId: string): Book {
  if (fromId === intoId) throw new UserError('registry.mergeSelf');
  const from = find(book, fromId);
  const into = find(book, intoId);
  const before = book.contributors;
  const rewritten = rewriteReferences(
    book,
    (n, linked) => {
      // A name on a line is the merged entry's when it resolves to it (by link, or by name when unlinked).
      if (n !== from.name) return null;
      const r = resolveContributor(n, before, linked);
      return !r || r.id === fromId ? into.name : null;
    },
    (id) => (id === fromId ? intoId : id),
  );
  const kept: Contributor = {
    ...into,
    ...(into.kind === 'person' && !into.unitId && from.unitId && from.unitId !== intoId ? { unitId: from.unitId } : {}),
    ...(!into.note && from.note ? { note: from.note } : {}),
  };
  const contributors = before
    .filter((x) => x.id !== fromId)
    .map((x) => (x.id === intoId ? kept : x.unitId === fromId ? (into.kind === 'unit' ? { ...x, unitId: intoId } : withoutUnit(x)) : x));
  return withContributors(rewritten, contributors);
}

function withoutUnit(c: Contributor): Contributor {
  const { unitId: _u, ...rest } = c;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Proposals: the unit next to a person's line, likely duplicates

/** A section's blocks in reading order, with the boundaries (entry titles, subsection headings) between them. */
function readingOrder(section: Section): ({ kind: 'boundary' } | { kind: 'block'; block: Block })[] {
  const out: ({ kind: 'boundary' } | { kind: 'block'; block: Block })[] = [];
  const entry = (e: Entry) => {
    out.push({ kind: 'boundary' });
    for (const b of e.blocks) out.push({ kind: 'block', block: b });
  };
  for (const c of section.children) {
    if (c.type === 'entry') entry(c);
    else if (c.type === 'subsection') {
      out.push({ kind: 'boundary' });
      for (const x of c.children) {
        if (x.type === 'entry') entry(x);
        else out.push({ kind: 'block', block: x });
      }
    } else out.push({ kind: 'block', block: c });
  }
  return out;
}

/**
 * The 供稿 line that sits next to an author line: the nearest unit line after it (or, failing that, before it)
 * with no entry title, subsection heading or other author/reviewer line in between (photo credits and body
 * blocks may be). Its first name is the unit the line's people probably write for.
 */
export function unitNextTo(section: Section, attributionId: string): string | undefined {
  const seq = readingOrder(section);
  const i = seq.findIndex((x) => x.kind === 'block' && x.block.id === attributionId);
  if (i < 0) return undefined;
  const scan = (dir: 1 | -1): string | undefined => {
    for (let j = i + dir; j >= 0 && j < seq.length; j += dir) {
      const x = seq[j]!;
      if (x.kind === 'boundary') return undefined;
      if (x.block.type !== 'attribution') continue;
      const a = x.block as Attribution;
      if (a.kind === 'unit') return a.names[0];
      if (a.kind === 'author' || a.kind === 'reviewer') return undefined;
    }
    return undefined;
  };
  return scan(1) ?? scan(-1);
}

/**
 * For every person named on an author line next to a 供稿 line, the unit proposed for them (the one most often
 * next to their lines), by person name. People whose registry entry already has a unit are left out.
 */
export function proposedUnits(book: Book): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const sections = [...book.body, ...book.back.filter((b): b is Category => b.type === 'category')].flatMap((c) => c.sections);
  for (const section of sections) {
    for (const x of readingOrder(section)) {
      if (x.kind !== 'block' || x.block.type !== 'attribution') continue;
      const a = x.block as Attribution;
      if (a.kind !== 'author') continue;
      const unit = unitNextTo(section, a.id);
      if (!unit) continue;
      a.names.forEach((name) => {
        const reg = resolveContributor(name, book.contributors, a.contributorIds);
        if (reg?.unitId || reg?.kind === 'unit') return;
        const v = votes.get(name) ?? new Map<string, number>();
        v.set(unit, (v.get(unit) ?? 0) + 1);
        votes.set(name, v);
      });
    }
  }
  const out = new Map<string, string>();
  for (const [name, v] of votes) {
    let best: string | undefined;
    let n = 0;
    for (const [unit, count] of v) if (count > n) [best, n] = [unit, count];
    if (best) out.set(name, best);
  }
  return out;
}

/** Whether `short` reads as an abbreviation of `long`: its characters in order, starting alike (区审管办 ⊂ 区行政审批服务管理办公室). */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || short.length >= long.length || short[0] !== long[0]) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/**
 * Whether two names are probably one contributor written two ways: the same name but for spaces ("汪 剑" and
 * 汪剑), or — for units — a short form whose characters appear in order in the full name.
 */
export function looksLikeSameContributor(a: { name: string; kind: ContributorKind }, b: { name: string; kind: ContributorKind }): boolean {
  if (a.name === b.name) return false;
  if (comparableName(a.name) === comparableName(b.name)) return true;
  const unitish = (x: { name: string; kind: ContributorKind }) => x.kind === 'unit' || (isUnitName(x.name) && !isPersonName(x.name));
  if (!unitish(a) || !unitish(b)) return false;
  return abbreviates(a.name, b.name) || abbreviates(b.name, a.name);
}
