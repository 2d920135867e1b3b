// Linking attribution names to the book's contributor registry (people and units).
import {
  ID_PREFIX,
  isPersonName,
  isUnitName,
  randomId,
  type AttributionKind,
  type Contributor,
} from '../../shared/model';

/** The registry entry for a name: the linked one if its id is among ids, else the first with that name. */
export function contributorFor(name: string, contributors: readonly Contributor[], id?: string | readonly string[]): Contributor | undefined {
  const ids = typeof id === 'string' ? [id] : id;
  return (ids && contributors.find((c) => c.name === name && ids.includes(c.id))) ?? contributors.find((c) => c.name === name);
}

/** Ids of the registry entries of the names, in the order of the names (names not in the registry are skipped). */
export function linkContributors(names: readonly string[], contributors: readonly Contributor[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const c = contributorFor(n, contributors);
    if (c && !out.includes(c.id)) out.push(c.id);
  }
  return out;
}

/** A new registry entry for a name found in an attribution line: a unit for unit lines and unit-like names. */
export function newContributorFor(name: string, kind: AttributionKind, _existing: readonly Contributor[]): Contributor {
  const unit = kind === 'unit' || (isUnitName(name) && !isPersonName(name));
  return { id: randomId(ID_PREFIX.contributor), kind: unit ? 'unit' : 'person', name };
}
