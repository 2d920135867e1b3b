// The app's IndexedDB database (Dexie): row shapes and the numbered schema versions.
//
// The book is split so the outline loads fast and an edit writes little:
//   books     one row per book: the book without its parts (title, years, print profile, house style,
//             contributors, asset metadata, comments) — everything the outline does not show
//   nodes     one light row per outline node (类目/分目/次目/条目/辅文): title, parent, order, status, counts.
//             Never a body. Subsection and entry rows are an index derived from their section's content row.
//   sections  one row per 分目 (and per front/back matter page): the complete node with its children
//   assets    image bytes per asset id
//   revisions snapshots of a section taken before each burst of saves, a bounded number per section
//   settings  key/value (current book, locale, zoom, panel layout …)
//
// Versions are numbered and never edited once released: a change adds a new entry to VERSIONS with an
// upgrade function, and tests/unit/renderer/storage/migrations.test.ts opens a database written by the
// previous version.
import type { Dexie, Transaction } from 'dexie';
import { numberingSummary, type Book, type Category, type CategoryRole, type Matter, type MatterKind, type NumberingSummary, type Section, type Stage } from '../../shared/model';

export const DB_NAME = 'yearbook-workbench';

/** The book without front/body/back (those live in nodes and sections). */
export type BookShell = Omit<Book, 'front' | 'body' | 'back'>;

export interface BookRow {
  id: string;
  title: string;
  volumeYear: number;
  recordYear: number;
  updatedAt: string;
  /** When the book was last opened in the app (for the recent-books list). */
  openedAt: string;
  shell: BookShell;
}

export type NodeKind = 'category' | 'section' | 'subsection' | 'entry' | 'matter';
export type Part = 'front' | 'body' | 'back';

export interface NodeCounts {
  entries: number;
  /** Characters without whitespace (titles and text; attribution names not counted). */
  characters: number;
  tables: number;
  figures: number;
}

export interface NodeRow {
  id: string;
  bookId: string;
  kind: NodeKind;
  part: Part;
  /** Parent node id; null for the top level of a part (categories and matter pages). */
  parentId: string | null;
  /** The 分目 this node belongs to (the section itself for a section row); null for categories and matter. */
  sectionId: string | null;
  /** Position among its siblings (0-based). */
  order: number;
  title: string;
  /** Workflow stage of a section (its status) or an entry (when it has one). */
  stage?: Stage;
  /** Who set that stage and when (ISO time), for the outline's badge. */
  stageBy?: string;
  stageAt?: string;
  counts: NodeCounts;
  /** Category rows: the role (特载, 大事记 …). */
  role?: CategoryRole;
  /** Matter rows: the kind of page. */
  matterKind?: MatterKind;
  /** Category rows: the category's own fields (title, role, titleEn …) without its sections, kept losslessly. */
  category?: Omit<Category, 'sections'>;
  /**
   * Section and matter rows: the typed numbers of their tables and figures in order (shared/model numbering), so
   * the numbers of the open section can continue from the sections before it without reading them.
   */
  numbering?: NumberingSummary;
}

export interface SectionRow {
  id: string;
  bookId: string;
  kind: 'section' | 'matter';
  /** The complete node: a Section (kind section) or a Matter page (kind matter). */
  data: Section | Matter;
  updatedAt: string;
}

export interface AssetRow {
  id: string;
  bookId: string;
  mime: string;
  /** The image bytes. Stored as bytes (not a Blob) so the row also survives fake-indexeddb in tests. */
  bytes: Uint8Array;
}

export interface RevisionRow {
  id?: number;
  bookId: string;
  sectionId: string;
  /** ISO time the snapshot was taken (just before the save that replaced it). */
  createdAt: string;
  /** Why: autosave (start of a burst of edits), restore (before restoring an older revision), import … */
  reason: 'autosave' | 'restore' | 'replace';
  data: Section | Matter;
  characters: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every released schema, oldest first. Version 1: the first storage layout. Version 2: revisions, and
 * nodes carry the id of their section (indexed) so a section save replaces its entry rows in one query.
 * Version 3: node rows carry who set their stage and when.
 * Version 4: section and matter rows carry the numbering summary of their tables and figures.
 */
export const VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      books: 'id, updatedAt',
      nodes: 'id, bookId, parentId',
      sections: 'id, bookId',
      assets: 'id, bookId',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      nodes: 'id, bookId, parentId, sectionId',
      revisions: '++id, bookId, [sectionId+createdAt]',
    },
    upgrade: async (tx) => {
      // Backfill sectionId: a section is its own; subsections and entries inherit it from their ancestors.
      const nodes = tx.table<NodeRow & { sectionId?: string | null }, string>('nodes');
      const all = await nodes.toArray();
      const byId = new Map(all.map((n) => [n.id, n]));
      const sectionOf = (n: NodeRow): string | null => {
        let cur: NodeRow | undefined = n;
        for (let guard = 0; cur && guard < 16; guard++) {
          if (cur.kind === 'section') return cur.id;
          if (cur.kind === 'category' || cur.kind === 'matter') return null;
          cur = cur.parentId ? byId.get(cur.parentId) : undefined;
        }
        return null;
      };
      await nodes.bulkPut(all.map((n) => ({ ...n, sectionId: sectionOf(n) })));
    },
  },
  {
    // Version 3: section and entry rows say who set their stage and when (the outline badge's tooltip).
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      const nodes = tx.table<NodeRow, string>('nodes');
      const sections = await tx.table<SectionRow, string>('sections').toArray();
      for (const row of sections) {
        if (row.data.type !== 'section') continue;
        const status = row.data.status;
        if (status.by || status.at) await nodes.update(row.id, { ...(status.by ? { stageBy: status.by } : {}), ...(status.at ? { stageAt: status.at } : {}) });
        const entries = new Map<string, { by?: string; at?: string }>();
        for (const c of row.data.children) {
          if (c.type === 'entry' && c.status) entries.set(c.id, c.status);
          if (c.type === 'subsection') for (const x of c.children) if (x.type === 'entry' && x.status) entries.set(x.id, x.status);
        }
        for (const [id, st] of entries) if (st.by || st.at) await nodes.update(id, { ...(st.by ? { stageBy: st.by } : {}), ...(st.at ? { stageAt: st.at } : {}) });
      }
    },
  },
  {
    // Version 4: the numbering summary of each section and matter row (live 图N/表N in the editor).
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      // Backfill the numbering summary of every section and matter row from its content row.
      const nodes = tx.table<NodeRow, string>('nodes');
      const content = new Map((await tx.table<SectionRow, string>('sections').toArray()).map((r) => [r.id, r.data]));
      const rows = await nodes.filter((n) => n.kind === 'section' || n.kind === 'matter').toArray();
      await nodes.bulkPut(
        rows.flatMap((n) => {
          const data = content.get(n.id);
          return data ? [{ ...n, numbering: numberingSummary(data) }] : [];
        }),
      );
    },
  },
];

export const CURRENT_DB_VERSION = VERSIONS[VERSIONS.length - 1]!.version;

/** Declares the versions up to and including `upTo` on a Dexie instance (tests use this to build old databases). */
export function declareVersions(db: Dexie, upTo: number = CURRENT_DB_VERSION): void {
  for (const v of VERSIONS) {
    if (v.version > upTo) break;
    const dv = db.version(v.version).stores(v.stores);
    if (v.upgrade) dv.upgrade(v.upgrade);
  }
}
