// The book file (*.yearbook): the project's own exchange format, one file holding a book and its assets.
//
// A ZIP archive (deflate) with:
//   manifest.json   { format: "yearbook-workbench", formatVersion, schemaVersion, createdBy, files: { path: sha256 } }
//   book.json       the Book (schema in shared/model)
//   assets/<id>     asset bytes, one file per asset listed in book.assets: images, and the text and review
//                   marks of imported drafts kept with the book (来稿原文, book.sources)
// Every file's SHA-256 is recorded in the manifest and checked on read; reading is all-or-nothing.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { UserError } from '../model/errors';
import { parseBook } from '../model/migrate';
import type { Book } from '../model/schema';

export const BOOK_FILE_FORMAT = 'yearbook-workbench';
export const BOOK_FILE_VERSION = 1;
export const BOOK_FILE_EXTENSION = 'yearbook';
export const BOOK_FILE_MIME = 'application/vnd.yearbook-workbench+zip';

export interface BookFileContents {
  book: Book;
  /** Asset bytes by asset id. */
  assets: Map<string, Uint8Array>;
}

export interface Manifest {
  format: typeof BOOK_FILE_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  createdBy: string;
  writtenAt: string;
  files: Record<string, string>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function writeBookFile(
  { book, assets }: BookFileContents,
  opts: { createdBy?: string; now?: string } = {},
): Uint8Array {
  const files: Zippable = {};
  const sums: Record<string, string> = {};
  const bookBytes = strToU8(JSON.stringify(book));
  files['book.json'] = bookBytes;
  sums['book.json'] = sha256Hex(bookBytes);
  for (const asset of book.assets) {
    const bytes = assets.get(asset.id);
    if (!bytes) throw new UserError('bookfile.assetMissing', { name: asset.fileName }, `asset ${asset.id} has no bytes`);
    const path = `assets/${asset.id}`;
    // Images are already compressed; text (a kept draft, its marks) is deflated like book.json.
    files[path] = asset.mime.startsWith('image/') ? [bytes, { level: 0 }] : bytes;
    sums[path] = sha256Hex(bytes);
  }
  const manifest: Manifest = {
    format: BOOK_FILE_FORMAT,
    formatVersion: BOOK_FILE_VERSION,
    schemaVersion: book.schemaVersion,
    createdBy: opts.createdBy ?? 'Yearbook Workbench',
    writtenAt: opts.now ?? new Date().toISOString(),
    files: sums,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  // Every entry carries the manifest's time, not the clock's at each entry: the same book written at the
  // same moment gives the same bytes (fflate would otherwise stamp Date.now(), which can tick between calls).
  // ZIP times are local wall-clock times, as every archiver writes them, so "the same bytes" holds in one time zone.
  return zipSync(files, { level: 6, mtime: zipTime(manifest.writtenAt) });
}

/** A ZIP (DOS) entry time for an ISO moment; ZIP can only say 1980–2099, so anything else is clamped. */
export function zipTime(iso: string): Date {
  const t = Date.parse(iso);
  const earliest = new Date(1980, 0, 1);
  const latest = new Date(2099, 11, 31, 23, 59, 58);
  if (Number.isNaN(t) || t < earliest.getTime()) return earliest;
  return t > latest.getTime() ? latest : new Date(t);
}

export function readBookFile(bytes: Uint8Array, fileName = '书稿文件'): BookFileContents {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new UserError('bookfile.notZip', { file: fileName }, e instanceof Error ? e.message : String(e));
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new UserError('bookfile.noManifest', { file: fileName });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as Manifest;
  } catch (e) {
    throw new UserError('bookfile.noManifest', { file: fileName }, e instanceof Error ? e.message : String(e));
  }
  if (manifest.format !== BOOK_FILE_FORMAT) throw new UserError('bookfile.noManifest', { file: fileName }, `format ${String(manifest.format)}`);
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > BOOK_FILE_VERSION) {
    throw new UserError('bookfile.newerFormat', { file: fileName, version: String(manifest.formatVersion) });
  }
  for (const [path, sum] of Object.entries(manifest.files ?? {})) {
    const data = entries[path];
    if (!data) throw new UserError('bookfile.damaged', { file: fileName, part: path }, 'missing');
    const actual = sha256Hex(data);
    if (actual !== sum) throw new UserError('bookfile.damaged', { file: fileName, part: path }, `sha256 ${actual} != ${sum}`);
  }
  const bookBytes = entries['book.json'];
  if (!bookBytes || !manifest.files['book.json']) throw new UserError('bookfile.damaged', { file: fileName, part: 'book.json' }, 'missing');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bookBytes));
  } catch (e) {
    throw new UserError('bookfile.damaged', { file: fileName, part: 'book.json' }, e instanceof Error ? e.message : String(e));
  }
  const book = parseBook(raw);
  const assets = new Map<string, Uint8Array>();
  for (const a of book.assets) {
    const data = entries[`assets/${a.id}`];
    if (!data || !manifest.files[`assets/${a.id}`]) {
      throw new UserError('bookfile.damaged', { file: fileName, part: a.fileName }, `asset ${a.id} missing`);
    }
    assets.set(a.id, data);
  }
  return { book, assets };
}

/** True when the bytes look like a book file (a ZIP holding manifest.json); used to route dropped files. */
export function looksLikeBookFile(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && strFromU8(bytes.subarray(0, Math.min(bytes.length, 4096)), true).includes('manifest.json');
}
