// The sample book 《临安年鉴（2021）》, recording 2020: the four reports of seed 001 as 特载 and the chapter
// 杭州市临安区人民政府 of seed 000, imported by the recogniser with deterministic ids. The app, the tests and
// the benchmarks of every feature use it; `npm run build:sample` rewrites shared/sample/sample-book.json.
import { sha256Hex } from '../bookfile/bookfile';
import { bookFromImports, recogniseText } from '../import';
import { parseBook } from '../model/migrate';
import { sequentialIds } from '../model/ids';
import type { Asset, Book, Figure } from '../model/schema';
import { bookBlocks } from '../model/walk';
import { samplePhoto, samplePhotoId, samplePhotoSize } from './photos';

export const SAMPLE_SOURCES = {
  reports: '001_15d819c2fd779087.txt',
  chapter: '000_081f09f87d882097.txt',
} as const;

/** Fixed time stamps, so that the file only changes when the importer's output does. */
export const SAMPLE_TIME = '2021-06-30T00:00:00.000Z';

export function buildSampleBook(texts: { reports: string; chapter: string }): Book {
  const ids = sequentialIds();
  const reports = recogniseText(texts.reports, SAMPLE_SOURCES.reports, { ids });
  const chapter = recogniseText(texts.chapter, SAMPLE_SOURCES.chapter, { ids });
  const book = bookFromImports(
    {
      title: '临安年鉴',
      titleEn: "Lin'an Yearbook",
      volumeYear: 2021,
      recordYear: 2020,
      publisherOrg: '杭州市临安区地方志办公室',
      now: SAMPLE_TIME,
    },
    [reports, chapter],
    ids,
  );
  return parseBook(withStandInPhotos(book));
}

/**
 * Gives every figure of the book a stand-in photo (photos.ts), as a book file would carry a department's photo:
 * an asset record (示例图片 in its file name) whose bytes loadSampleContents() draws again from the index.
 */
export function withStandInPhotos(book: Book): Book {
  const assets: Asset[] = [];
  const figures: Figure[] = [];
  for (const { block } of bookBlocks(book)) if (block.type === 'figure') figures.push(block);
  figures.forEach((f, n) => {
    const bytes = samplePhoto(n);
    const id = samplePhotoId(n);
    assets.push({ id, fileName: `示例图片-图${f.number ?? n + 1}.png`, mime: 'image/png', byteLength: bytes.length, sha256: sha256Hex(bytes), ...samplePhotoSize(n) });
    f.assetId = id;
  });
  return { ...book, assets: [...book.assets, ...assets] };
}
