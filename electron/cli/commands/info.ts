// `yearbook info FILE [--format json]`: what is in a book file — title, years, counts of the tree,
// characters and 字数, tables, figures, attributions. Text for people by default, JSON for tools.
import path from 'node:path';
import { allCategories, bookCounts, type Book, type Counts } from '../../../shared/model';
import { t, type MessageKey } from '../../../shared/i18n';
import { UserError } from '../../../shared/model/errors';
import type { Command } from '../command';
import { checkOptions, readBookFromFile } from '../files';

export interface BookInfo {
  file: string;
  byteLength: number;
  title: string;
  volumeYear: number;
  recordYear: number;
  schemaVersion: number;
  counts: Counts;
  /** Image files stored in the book file (the texts of kept drafts not counted). */
  assets: number;
  /** Imported drafts kept with the book (来稿原文). */
  sources: number;
  /** Special parts: 特载 reports, 大事记 items, 附录 sections. */
  specials: { reports: number; chronicleItems: number; appendixSections: number };
}

export function describeBook(book: Book, file: string, byteLength: number, assets: number): BookInfo {
  const specials = { reports: 0, chronicleItems: 0, appendixSections: 0 };
  for (const c of allCategories(book)) {
    if (c.role === 'special') specials.reports += c.sections.length;
    if (c.role === 'appendix') specials.appendixSections += c.sections.length;
    if (c.role === 'chronicle') for (const s of c.sections) specials.chronicleItems += s.children.filter((x) => x.type === 'dated').length;
  }
  return {
    file,
    byteLength,
    title: book.title,
    volumeYear: book.volumeYear,
    recordYear: book.recordYear,
    schemaVersion: book.schemaVersion,
    counts: bookCounts(book),
    assets,
    sources: book.sources?.length ?? 0,
    specials,
  };
}

export function formatInfo(info: BookInfo): string {
  const rows: [MessageKey, string][] = [
    ['cli.info.title', `《${info.title}（${info.volumeYear}）》`],
    ['cli.info.volume', String(info.volumeYear)],
    ['cli.info.recordYear', t('cli.info.recordYearValue', { year: info.recordYear }, 'zh')],
    ['cli.info.categories', String(info.counts.categories)],
    ['cli.info.sections', String(info.counts.sections)],
    ['cli.info.subsections', String(info.counts.subsections)],
    ['cli.info.entries', String(info.counts.entries)],
    ['cli.info.characters', info.counts.characters.toLocaleString('en-US')],
    ['cli.info.words', t('cli.info.wordsValue', { words: info.counts.words.toLocaleString('en-US'), wan: (info.counts.words / 10000).toFixed(1) }, 'zh')],
    ['cli.info.tables', String(info.counts.tables)],
    ['cli.info.figures', String(info.counts.figures)],
    ['cli.info.attributions', String(info.counts.attributions)],
    ['cli.info.assets', String(info.assets)],
    ['source.cli.info', t('source.cli.infoValue', { count: info.sources }, 'zh')],
    ['cli.info.specials', t('cli.info.specialsValue', { reports: info.specials.reports, chronicle: info.specials.chronicleItems, appendix: info.specials.appendixSections }, 'zh')],
  ];
  const labels = rows.map(([k]) => t(k, {}, 'zh'));
  const width = Math.max(...labels.map(displayWidth));
  return rows.map(([, value], i) => `${labels[i]}${' '.repeat(width - displayWidth(labels[i]!) + 2)}${value}`).join('\n');
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export const info: Command = {
  name: 'info',
  summary: t('cli.info.summary', {}, 'zh'),
  usage: [t('cli.usage.info.text', {}, 'zh'), t('cli.usage.info.json', {}, 'zh')],
  async run(args, io) {
    checkOptions('info', args, ['format']);
    const format = args.options.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UserError('cli.badFormat', { format: String(format), allowed: 'text, json' });
    const [file, ...extra] = args.positionals;
    if (!file) throw new UserError('cli.fileMissing');
    if (extra.length) throw new UserError('cli.extraArgs', { args: extra.join(' ') });
    const { book, assets, byteLength } = await readBookFromFile(file);
    const images = book.assets.filter((a) => a.mime.startsWith('image/') && assets.has(a.id)).length;
    const result = describeBook(book, path.basename(file), byteLength, images);
    io.out(format === 'json' ? JSON.stringify(result, null, 2) : formatInfo(result));
    return 0;
  },
};
