// `yearbook import FILE… --out BOOK`: imports text and Word drafts into a book file, each part placed by
// what was recognised (a chapter's category and sections, reports into 特载, table documents into 附录).
// `yearbook import FILE --outline`: prints the recognised structure as outline JSON (the corpus format).
// A file that cannot be imported is reported in Chinese and skipped; the others still go in; the book file
// is written once, atomically, and only when at least one file was imported.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../../shared/i18n';
import { combineYears, MAX_FOLDER_FILES, newBookYears, placeImportsKeepingSources, prepareSource, toOutline, type ImportResult } from '../../../shared/import';
import { isUserError, newBook, parseBook, randomId, UserError, type Book } from '../../../shared/model';
import { expandImportPaths, importFile } from '../../node/import/files';
import type { Command } from '../command';
import { checkOptions, readBookFromFile, writeBookToFile } from '../files';
import type { CliIo } from '../io';

const zh = (key: Parameters<typeof t>[0], params: Parameters<typeof t>[1] = {}) => t(key, params, 'zh');

function yearOption(args: { options: Record<string, string | true> }, name: string): number | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1949 || n > 2200) throw new UserError('import.cli.badYear', { value: String(v) });
  return n;
}

function reportImport(io: CliIo, name: string, r: ImportResult): void {
  const enc = r.report.source.encoding;
  if (enc) {
    const params = { file: name, encoding: enc.encoding.toUpperCase(), method: zh(`import.cli.method.${enc.method}`), confidence: enc.confidence.toFixed(2) };
    io.err(zh(enc.confidence < 0.8 ? 'import.cli.lowConfidence' : 'import.cli.encoding', params));
    if (enc.replaced) io.err(zh('import.cli.replaced', { file: name, encoding: params.encoding, count: enc.replaced }));
  }
  const c = r.report.counts;
  io.err(zh('import.cli.imported', { file: name, summary: zh('import.cli.counts', { ...c }) }));
  if (r.report.uncertain.length) io.err(zh('import.cli.doubts', { file: name, count: r.report.uncertain.length }));
}

/** Where a file found in a given folder was, from that folder's name down ("区民政局/2021/稿件.docx"). */
function folderRelative(file: string, folders: readonly { folder: string }[]): string | undefined {
  for (const { folder } of folders) {
    const rel = path.relative(folder, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return [path.basename(path.resolve(folder)), ...rel.split(path.sep)].join('/');
  }
  return undefined;
}

export const importCommand: Command = {
  name: 'import',
  summary: zh('import.cli.summary'),
  usage: [zh('cli.usage.import.book'), zh('cli.usage.import.outline'), zh('cli.usage.import.files'), zh('cli.usage.import.folder')],
  flags: ['outline'],
  async run(args, io) {
    checkOptions('import', args, ['out', 'outline', 'title', 'volume-year', 'record-year', 'encoding']);
    if (!args.positionals.length) throw new UserError('import.cli.needFiles');
    const encoding = typeof args.options.encoding === 'string' ? args.options.encoding : undefined;
    // A folder stands for its text, Word and web files (a department's whole folder).
    const { files, folders } = await expandImportPaths(args.positionals);
    for (const f of folders) {
      if (!f.count) throw new UserError('import.cli.emptyFolder', { folder: f.folder });
      io.err(zh('import.cli.folder', { folder: f.folder, count: f.count }));
      if (f.truncated) io.err(zh('import.cli.folderTruncated', { folder: f.folder, limit: MAX_FOLDER_FILES }));
    }

    if (args.options.outline === true) {
      if (files.length !== 1) throw new UserError('import.cli.outlineOne');
      const r = await importFile(files[0]!, { encoding });
      reportImport(io, path.basename(files[0]!), r);
      io.out(JSON.stringify(toOutline(r), null, 1));
      return 0;
    }

    const out = args.options.out;
    if (typeof out !== 'string' || !out) throw new UserError('import.cli.needOut');
    const volumeYear = yearOption(args, 'volume-year');
    const recordYear = yearOption(args, 'record-year');
    const title = typeof args.options.title === 'string' ? args.options.title.trim() : undefined;

    // An existing book that cannot be read stops everything before any work (and is never touched).
    let existing: { book: Book; assets: Map<string, Uint8Array> } | null = null;
    if (existsSync(out)) {
      try {
        existing = await readBookFromFile(out);
      } catch (e) {
        io.err(zh('cli.error', { message: isUserError(e) ? e.message : String(e) }));
        throw new UserError('import.cli.badBook', { file: out }, String(e));
      }
    }

    const imported: ImportResult[] = [];
    /** The file each imported result came from (kept with the book as its 来稿原文). */
    const importedFiles: string[] = [];
    let failed = 0;
    for (const file of files) {
      const name = path.basename(file);
      try {
        const r = await importFile(file, { encoding, ids: randomId });
        reportImport(io, name, r);
        for (const line of r.log) io.err(`  ${line}`);
        imported.push(r);
        importedFiles.push(file);
      } catch (e) {
        failed++;
        if (isUserError(e)) {
          io.err(zh('cli.error', { message: e.message }));
          if (args.options.verbose === true && e.detail) io.err(`  ${e.detail}`);
        } else {
          io.err(zh('cli.error', { message: zh('import.cli.fileFailed', { file: name }) }));
          io.err(`  ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }
    }
    if (!imported.length) {
      io.err(zh('import.cli.noneImported'));
      return 2;
    }

    const years = combineYears(imported.map((r) => r.report.hints));
    let book: Book;
    if (existing) {
      book = existing.book;
      if (title) book = { ...book, title };
      if (volumeYear) book = { ...book, volumeYear };
      if (recordYear) book = { ...book, recordYear };
      if (!recordYear && years.recordYear !== undefined && years.recordYear !== book.recordYear) io.err(zh('import.cli.bookYearDiffers', { draft: years.recordYear, file: out, book: book.recordYear }));
    } else {
      // The years the drafts name; what they do not name is said on stderr, never taken silently from the clock.
      const { volumeYear: vy, recordYear: record, known } = newBookYears({ ...(volumeYear !== undefined ? { volumeYear } : {}), ...(recordYear !== undefined ? { recordYear } : {}) }, years);
      const from = recordYear !== undefined ? zh('import.cli.yearFrom.option') : years.recordYearFrom ? zh(`import.yearFrom.${years.recordYearFrom}`) : zh('import.cli.yearFrom.volume');
      if (!known) io.err(zh('import.cli.recordYearUnknown', { record, volume: vy }));
      else io.err(zh('import.cli.years', { volume: vy, record, from }));
      if (recordYear === undefined && years.years.length > 1) io.err(zh('import.cli.yearsDiffer', { years: years.years.map((y) => zh('cli.info.recordYearValue', { year: y })).join('、'), record }));
      book = newBook({ title: title || imported.map((r) => r.report.hints.bookTitle).find(Boolean) || zh('import.untitledBook'), volumeYear: vy, recordYear: record });
    }
    const assets = new Map(existing?.assets ?? []);
    // Each file is placed by what was recognised and kept as it was read (来稿原文: its text and review marks).
    const importedAt = new Date().toISOString();
    imported.forEach((r, i) => {
      const file = importedFiles[i]!;
      const folderPath = folderRelative(file, folders);
      const source = prepareSource(r, { fileName: path.basename(file), ...(folderPath ? { path: folderPath } : {}) }, { importedAt });
      book = placeImportsKeepingSources(book, [{ result: r, placement: { mode: 'auto' }, source }]);
      for (const a of [...(r.assets ?? []), ...source.assets]) assets.set(a.asset.id, a.bytes);
    });
    book = parseBook({ ...book, updatedAt: new Date().toISOString() });
    await writeBookToFile(out, { book, assets }, io);
    const counts = imported.reduce((acc, r) => ({ sections: acc.sections + r.report.counts.sections, entries: acc.entries + r.report.counts.entries }), { sections: 0, entries: 0 });
    io.err(zh('source.cli.kept', { count: imported.length }));
    io.err(zh('import.cli.wrote', { file: out, categories: book.body.length + book.back.filter((b) => b.type === 'category').length, ...counts }));
    if (failed) {
      io.err(zh('import.cli.someFailed', { failed, ok: imported.length }));
      return 2;
    }
    return 0;
  },
};
