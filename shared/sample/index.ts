// The sample book 《临安年鉴（2021）》 (records 2020): 特载 with four reports and the category
// 杭州市临安区人民政府 (10 sections, 56 entries, 表6, 图78–84 with stand-in photos), built from the corpus seeds
// by the importer. Importable everywhere: the renderer (Vite), Node (tsx) and Vitest.
import type { BookFileContents } from '../bookfile/bookfile';
import { sha256Hex } from '../bookfile/bookfile';
import { parseBook } from '../model/migrate';
import type { Book } from '../model/schema';
import { samplePhoto, samplePhotoId } from './photos';
import sample from './sample-book.json';

/** A fresh, validated copy of the sample book (callers may change it freely). Its assets are records only. */
export function loadSampleBook(): Book {
  return parseBook(sample as unknown);
}

/**
 * The sample book with the bytes of its stand-in photos, as a book file holds it (the app's first run, `yearbook
 * sample`). The photos are drawn again from their index; a record whose checksum the drawing no longer matches
 * is a stale sample-book.json (run `npm run build:sample`).
 */
export function loadSampleContents(): BookFileContents {
  const book = loadSampleBook();
  const assets = new Map<string, Uint8Array>();
  book.assets.forEach((a, n) => {
    if (a.id !== samplePhotoId(n)) throw new Error(`sample asset ${a.id} is not stand-in photo ${n}`);
    const bytes = samplePhoto(n);
    if (sha256Hex(bytes) !== a.sha256) throw new Error(`sample photo ${a.id} does not match sample-book.json; run npm run build:sample`);
    assets.set(a.id, bytes);
  });
  return { book, assets };
}
