// Linking attribution names to the book's contributor registry (people and units). The registry operations
// themselves (rename, merge, units) are pure functions in shared/model/registry.ts, run by the app.
import {
  comparableName,
  ID_PREFIX,
  isPersonName,
  isUnitName,
  linkNames,
  randomId,
  resolveContributor,
  type AttributionKind,
  type Contributor,
} from '../../shared/model';

/** The registry entry for a name: the linked one if its id is among ids, else the first with that name. */
export function contributorFor(name: string, contributors: readonly Contributor[], id?: string | readonly string[]): Contributor | undefined {
  return resolveContributor(name, contributors, id);
}

/** Ids of the registry entries of the names, in the order of the names (names not in the registry are skipped). */
export function linkContributors(names: readonly string[], contributors: readonly Contributor[]): string[] {
  return linkNames(names, contributors);
}

/**
 * The registry entry for a name found in an attribution line that is not linked yet. When the registry already
 * has the name written another way ("汪 剑" for 汪剑), that entry is returned (link to it rather than register a
 * duplicate); otherwise a new entry — a unit for unit lines and unit-like names — with an id no entry has.
 */
export function newContributorFor(name: string, kind: AttributionKind, existing: readonly Contributor[]): Contributor {
  const same = existing.find((c) => comparableName(c.name) === comparableName(name));
  if (same) return same;
  const unit = kind === 'unit' || (isUnitName(name) && !isPersonName(name));
  let id = randomId(ID_PREFIX.contributor);
  while (existing.some((c) => c.id === id)) id = randomId(ID_PREFIX.contributor);
  return { id, kind: unit ? 'unit' : 'person', name };
}
