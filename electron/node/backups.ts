// Backups of book files in userData/backups, kept per book with rotation.
//
// Layout:  <dir>/<bookId>/<stamp>.yearbook   the book file (written atomically)
//          <dir>/<bookId>/<stamp>.json       { bookId, bookTitle, createdAt, byteLength, sha256 }
// stamp = the UTC time "20210131T235959123Z" (plus "-N" if two backups fall in the same millisecond).
// A backup id is "<bookId>/<stamp>"; ids are validated before they touch the file system.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { BackupInfo } from '../../shared/host/host';
import { t, type MessageKey } from '../../shared/i18n';
import { UserError } from '../../shared/model/errors';
import { writeFileAtomic } from './safeWrite';

export const DEFAULT_BACKUP_KEEP = 20;
const BOOK_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const STAMP_RE = /^[0-9]{8}T[0-9]{9}Z(?:-[0-9]+)?$/;

interface BackupMeta {
  bookId: string;
  bookTitle: string;
  createdAt: string;
  byteLength: number;
  sha256: string;
}

export interface BackupStoreOptions {
  dir: string;
  /** How many backups to keep per book (the newest ones); at least 1. */
  keep?: number;
  now?: () => Date;
}

export function stampOf(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export class BackupStore {
  readonly dir: string;
  keep: number;
  private readonly now: () => Date;
  /** Writes are serialised so rotation never races with a write of the same book. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: BackupStoreOptions) {
    this.dir = opts.dir;
    this.keep = Math.max(1, Math.floor(opts.keep ?? DEFAULT_BACKUP_KEEP));
    this.now = opts.now ?? (() => new Date());
  }

  write(bookId: string, bookTitle: string, bytes: Uint8Array): Promise<BackupInfo> {
    const run = this.queue.then(() => this.writeNow(bookId, bookTitle, bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(bookId: string, bookTitle: string, bytes: Uint8Array): Promise<BackupInfo> {
    if (!BOOK_ID_RE.test(bookId)) throw new UserError('shell.backup.writeFailed', { title: bookTitle, reason: t('node.backup.badBookId', {}, 'zh') }, bookId);
    const bookDir = path.join(this.dir, bookId);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await fs.mkdir(bookDir, { recursive: true });
      // An unchanged book is not backed up twice: that would rotate out older, different copies.
      const latest = (await this.list(bookId))[0];
      if (latest) {
        const meta = await this.readMeta(bookId, latest.id.split('/')[1]!);
        if (meta?.sha256 === sha256 && meta.byteLength === bytes.byteLength) return latest;
      }
      const created = this.now();
      let stamp = stampOf(created);
      for (let n = 1; await exists(path.join(bookDir, `${stamp}.json`)); n++) stamp = `${stampOf(created)}-${n}`;
      const meta: BackupMeta = { bookId, bookTitle, createdAt: created.toISOString(), byteLength: bytes.byteLength, sha256 };
      await writeFileAtomic(path.join(bookDir, `${stamp}.yearbook`), bytes);
      // The metadata is written last: a backup without it is incomplete and is not listed.
      await writeFileAtomic(path.join(bookDir, `${stamp}.json`), JSON.stringify(meta, null, 2));
      await this.rotate(bookId);
      return { id: `${bookId}/${stamp}`, bookId, bookTitle, createdAt: meta.createdAt, byteLength: meta.byteLength };
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError('shell.backup.writeFailed', { title: bookTitle, reason: errnoText(e) }, String(e));
    }
  }

  /** Backups newest first, of one book or of all books. */
  async list(bookId?: string): Promise<BackupInfo[]> {
    const bookIds = bookId !== undefined ? [bookId] : await readdirSafe(this.dir);
    const out: BackupInfo[] = [];
    for (const id of bookIds) {
      if (!BOOK_ID_RE.test(id)) continue;
      for (const name of await readdirSafe(path.join(this.dir, id))) {
        if (!name.endsWith('.json')) continue;
        const stamp = name.slice(0, -5);
        if (!STAMP_RE.test(stamp)) continue;
        const meta = await this.readMeta(id, stamp);
        if (!meta || !(await exists(path.join(this.dir, id, `${stamp}.yearbook`)))) continue;
        out.push({ id: `${id}/${stamp}`, bookId: id, bookTitle: meta.bookTitle, createdAt: meta.createdAt, byteLength: meta.byteLength });
      }
    }
    return out.sort((a, b) => (a.id.split('/')[1]! < b.id.split('/')[1]! ? 1 : -1));
  }

  async read(backupId: string): Promise<Uint8Array> {
    const file = this.fileOf(backupId);
    try {
      return new Uint8Array(await fs.readFile(file));
    } catch (e) {
      throw new UserError('shell.backup.notFound', { id: backupId }, String(e));
    }
  }

  /** Deletes all but the newest `keep` backups of a book. Returns the ids removed. */
  async rotate(bookId: string): Promise<string[]> {
    const all = await this.list(bookId);
    const removed: string[] = [];
    for (const b of all.slice(this.keep)) {
      const stamp = b.id.split('/')[1]!;
      await fs.rm(path.join(this.dir, bookId, `${stamp}.json`), { force: true });
      await fs.rm(path.join(this.dir, bookId, `${stamp}.yearbook`), { force: true });
      removed.push(b.id);
    }
    return removed;
  }

  /** The file of a backup id; throws a UserError for anything that is not a well-formed id. */
  fileOf(backupId: string): string {
    const [bookId, stamp, ...rest] = backupId.split('/');
    if (rest.length || !bookId || !stamp || !BOOK_ID_RE.test(bookId) || !STAMP_RE.test(stamp)) {
      throw new UserError('shell.backup.notFound', { id: backupId }, 'malformed backup id');
    }
    return path.join(this.dir, bookId, `${stamp}.yearbook`);
  }

  private async readMeta(bookId: string, stamp: string): Promise<BackupMeta | null> {
    try {
      const raw = JSON.parse(await fs.readFile(path.join(this.dir, bookId, `${stamp}.json`), 'utf8')) as Partial<BackupMeta>;
      if (typeof raw.createdAt !== 'string' || typeof raw.byteLength !== 'number') return null;
      return { bookId, bookTitle: String(raw.bookTitle ?? ''), createdAt: raw.createdAt, byteLength: raw.byteLength, sha256: String(raw.sha256 ?? '') };
    } catch {
      return null;
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

/** A short Chinese reason for common file-system errors; the full error goes to the log. */
/** The catalog message naming a file-system failure (node.errno.*), or null for one it has no name for. */
export function errnoKey(e: unknown): MessageKey | null {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EROFS':
    case 'ENOENT':
    case 'EISDIR':
    case 'EBUSY':
    case 'ENAMETOOLONG':
      return `node.errno.${code}`;
    case 'EACCES':
    case 'EPERM':
      return 'node.errno.EACCES';
    default:
      return null;
  }
}

export function errnoText(e: unknown): string {
  const key = errnoKey(e);
  return key ? t(key, {}, 'zh') : e instanceof Error ? e.message : String(e);
}
