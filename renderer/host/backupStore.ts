// Backups in web mode: book files kept in their own IndexedDB database (apart from the working storage, so
// a damaged working database does not take the backups with it). Electron keeps them as files on disk.
import { Dexie, type Table } from 'dexie';
import type { BackupInfo, BackupRequest } from '../../shared/host';

export const BACKUP_DB_NAME = 'yearbook-workbench-backups';
/** Backups kept per book; the oldest are dropped first. */
export const MAX_BACKUPS_PER_BOOK = 20;

interface BackupRow extends BackupInfo {
  bytes: Uint8Array;
}

export class BackupDb extends Dexie {
  backups!: Table<BackupRow, string>;
  constructor(name: string = BACKUP_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ backups: 'id, bookId, createdAt' });
  }
}

function info({ bytes: _b, ...rest }: BackupRow): BackupInfo {
  return rest;
}

export class BackupStore {
  constructor(
    private readonly db: BackupDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(req: BackupRequest): Promise<BackupInfo> {
    const createdAt = this.now().toISOString();
    const row: BackupRow = {
      id: `bk_${createdAt.replace(/[-:.TZ]/g, '')}_${Math.random().toString(36).slice(2, 8)}`,
      bookId: req.bookId,
      bookTitle: req.bookTitle,
      createdAt,
      byteLength: req.bytes.byteLength,
      bytes: req.bytes,
    };
    await this.db.transaction('rw', this.db.backups, async () => {
      await this.db.backups.add(row);
      const all = await this.db.backups.where('bookId').equals(req.bookId).sortBy('createdAt');
      if (all.length > MAX_BACKUPS_PER_BOOK) await this.db.backups.bulkDelete(all.slice(0, all.length - MAX_BACKUPS_PER_BOOK).map((b) => b.id));
    });
    return info(row);
  }

  /** Newest first. */
  async list(bookId?: string): Promise<BackupInfo[]> {
    const rows = bookId ? await this.db.backups.where('bookId').equals(bookId).toArray() : await this.db.backups.toArray();
    return rows.map(info).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async read(id: string): Promise<Uint8Array> {
    const row = await this.db.backups.get(id);
    if (!row) throw new Error(`backup ${id} not found`);
    return row.bytes;
  }
}
