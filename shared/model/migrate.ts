// Loading book data of any known format version: migrate step by step to the current version, then
// validate against the schema. Loading is all-or-nothing: the input is never modified, and any failure
// is a UserError with a Chinese message and the technical detail.
import { UserError } from './errors';
import { BOOK_SCHEMA_VERSION, BookSchema, type Book } from './schema';

/** A migration takes raw data of version N and returns raw data of version N + 1. It must not mutate its input. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Registered migrations, keyed by the version they upgrade FROM. Version 1 is the first released format,
 * so the list is empty; the next schema change adds `1: (raw) => …` and raises BOOK_SCHEMA_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function migrateRaw(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = BOOK_SCHEMA_VERSION,
): { data: Record<string, unknown>; from: number } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UserError('model.notObject');
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UserError('model.noVersion', {}, `schemaVersion = ${JSON.stringify(version)}`);
  }
  if (version > target) throw new UserError('model.newerVersion', { version, supported: target });
  // Work on a deep copy so a failing migration leaves the caller's data untouched.
  let data = structuredClone(input) as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new UserError('model.migrationFailed', { from: v, to: v + 1 }, `no migration registered from version ${v}`);
    try {
      data = { ...step(data), schemaVersion: v + 1 };
    } catch (e) {
      throw new UserError('model.migrationFailed', { from: v, to: v + 1 }, e instanceof Error ? e.message : String(e), { cause: e });
    }
  }
  return { data, from: version };
}

/** Validates and returns a book; throws UserError on anything that does not conform. */
export function parseBook(input: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): Book {
  const { data } = migrateRaw(input, migrations);
  const result = BookSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    const describe = (i: (typeof issues)[number]) => `${i.path.join('.') || '(根)'}: ${i.message}`;
    throw new UserError(
      'model.invalid',
      { count: issues.length, first: describe(issues[0]!) },
      issues.slice(0, 20).map(describe).join('\n'),
    );
  }
  const book = result.data;
  assertUniqueIds(book);
  return book;
}

/** Ids must be unique across the whole book: they are the addresses of findings, marks and storage rows. */
export function assertUniqueIds(book: Book): void {
  const seen = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.type === 'string') {
        if (seen.has(o.id)) throw new UserError('model.duplicateId', { id: o.id });
        seen.add(o.id);
      }
      for (const k of ['front', 'body', 'back', 'sections', 'children', 'blocks'] as const) if (k in o) visit(o[k]);
    }
  };
  visit(book);
}
