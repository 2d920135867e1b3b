// Constructors for new nodes. Every node gets a fresh stable id from the given generator.
import { ID_PREFIX, randomId, type IdGenerator } from './ids';
import {
  BOOK_SCHEMA_VERSION,
  HouseStyleSchema,
  PrintProfileSchema,
  type Attribution,
  type AttributionKind,
  type Book,
  type Category,
  type CategoryRole,
  type Entry,
  type Paragraph,
  type Section,
  type Subsection,
} from './schema';

export interface NewBookParams {
  title: string;
  volumeYear: number;
  recordYear?: number;
  titleEn?: string;
  publisherOrg?: string;
  now?: string;
}

export function newBook(p: NewBookParams, ids: IdGenerator = randomId): Book {
  const now = p.now ?? new Date().toISOString();
  return {
    schemaVersion: BOOK_SCHEMA_VERSION,
    id: ids(ID_PREFIX.book),
    title: p.title,
    ...(p.titleEn ? { titleEn: p.titleEn } : {}),
    volumeYear: p.volumeYear,
    recordYear: p.recordYear ?? p.volumeYear - 1,
    ...(p.publisherOrg ? { publisherOrg: p.publisherOrg } : {}),
    printProfile: PrintProfileSchema.parse({}),
    houseStyle: HouseStyleSchema.parse({}),
    front: [],
    body: [],
    back: [],
    contributors: [],
    assets: [],
    comments: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function newCategory(title: string, role: CategoryRole = 'regular', ids: IdGenerator = randomId): Category {
  return { type: 'category', id: ids(ID_PREFIX.category), role, title, sections: [] };
}

export function newSection(title: string, ids: IdGenerator = randomId): Section {
  return { type: 'section', id: ids(ID_PREFIX.section), title, status: { stage: 'draft' }, fullWidth: false, children: [] };
}

export function newSubsection(title: string, ids: IdGenerator = randomId): Subsection {
  return { type: 'subsection', id: ids(ID_PREFIX.subsection), title, children: [] };
}

export function newEntry(title: string, paragraphs: string[] = [], ids: IdGenerator = randomId): Entry {
  return {
    type: 'entry',
    id: ids(ID_PREFIX.entry),
    title,
    noIndex: false,
    blocks: paragraphs.map((text) => newParagraph(text, ids)),
  };
}

export function newParagraph(text: string, ids: IdGenerator = randomId): Paragraph {
  return { type: 'paragraph', id: ids(ID_PREFIX.paragraph), text, marks: [] };
}

export function newAttribution(
  kind: AttributionKind,
  names: string[],
  covers: string[] = [],
  ids: IdGenerator = randomId,
  raw?: string,
): Attribution {
  return {
    type: 'attribution',
    id: ids(ID_PREFIX.attribution),
    kind,
    names,
    covers,
    placement: 'line',
    ...(raw !== undefined ? { raw } : {}),
  };
}
