// `yearbook validate BOOK [--scope category:<title|id>|section:<title|id>] [--format text|json] [--config FILE]
// [--preset national|recommended|strict] [--record-year YYYY]`: checks a book against the house rules and the
// national standards.
// A Chinese report grouped by section and rule by default, JSON for tools; exit status 1 when errors remain,
// 0 otherwise, 2 for bad input. `yearbook validate --rules [--format md|json|text]` prints the rule catalogue
// (npm run docs:rules writes docs/rules.md with it).
//
// BOOK is a book file (.yearbook) or a draft the importer reads (.txt in UTF-8/GB18030/UTF-16, .docx, .html): a
// draft is imported into a new book first, exactly as `yearbook import` would, and that book is checked.
import path from 'node:path';
import { readBookFile } from '../../../shared/bookfile/bookfile';
import { t } from '../../../shared/i18n';
import { bookFromImports, combineYears, newBookYears } from '../../../shared/import';
import { UserError } from '../../../shared/model/errors';
import type { Book } from '../../../shared/model/schema';
import {
  check,
  ConfigOverridesSchema,
  jsonReport,
  RULES,
  renderRulesMarkdown,
  resolveConfig,
  summarize,
  textReport,
  type ConfigOverrides,
  type ScopeInfo,
} from '../../../shared/validate';
import { resolveScope } from '../../../shared/validate/scope';
import { fileKind, importFile } from '../../node/import/files';
import type { Command } from '../command';
import { checkOptions, numberOption, readInputFile } from '../files';
import type { CliIo } from '../io';

const zh = (key: Parameters<typeof t>[0], params: Parameters<typeof t>[1] = {}) => t(key, params, 'zh');

/**
 * Reads BOOK: a book file, or a draft (text, Word, HTML) imported into a new book as `yearbook import` would.
 * recordYear (--record-year) is the year the draft records when the importer could not tell it from the text.
 */
export async function loadBookForCheck(file: string, io: CliIo, recordYear?: number): Promise<Book> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yearbook') return readBookFile(await readInputFile(file), name).book;
  const kind = fileKind(file);
  if (kind !== 'text' && kind !== 'docx' && kind !== 'html') throw new UserError('validate.cli.unsupported', { file: name });
  await readInputFile(file); // a missing file or a folder gets the CLI's usual message
  const result = await importFile(file);
  const h = result.report.hints;
  // The same years `yearbook import` would give the new book (shared/import newBookYears).
  const { volumeYear, recordYear: record, known } = newBookYears(recordYear !== undefined ? { recordYear } : {}, combineYears([h]));
  const enc = result.report.source.encoding;
  io.err(
    zh('cli.validate.imported', {
      file: name,
      encoding: enc ? zh('cli.validate.encoding', { encoding: enc.encoding.toUpperCase() }) : '',
      sections: result.report.counts.sections,
      entries: result.report.counts.entries,
      recordYear: record,
    }),
  );
  if (!known) io.err(zh('validate.cli.recordYearUnknown', { year: record }));
  return bookFromImports({ title: h.bookTitle ?? path.basename(file, ext), volumeYear, recordYear: record }, [result]);
}

/** Reads and checks a --config file: house-style fields and recordYear, as JSON. */
export async function readConfigFile(file: string): Promise<ConfigOverrides> {
  const name = path.basename(file);
  const text = new TextDecoder('utf-8').decode(await readInputFile(file));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError('validate.cli.badConfig', { file: name, problem: zh('cli.validate.notJson') }, String(e));
  }
  const parsed = ConfigOverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.length ? first.path.join('.') : zh('cli.validate.topLevel');
    throw new UserError('validate.cli.badConfig', { file: name, problem: zh('cli.validate.where', { where, message: first.message }) }, JSON.stringify(parsed.error.issues));
  }
  return parsed.data;
}

function printCatalogue(format: string, io: CliIo): void {
  if (format === 'md') io.out(renderRulesMarkdown());
  else if (format === 'json') {
    io.out(
      JSON.stringify(
        RULES.map((r) => ({ id: r.id, family: r.family, kind: r.kind, defaultSeverity: r.defaultSeverity, appliesTo: r.appliesTo, title: zh(r.title), description: zh(r.description), fixes: r.fixes, presets: r.presets, params: (r.params ?? []).map((p) => ({ name: p.name, description: p.description })) })),
        null,
        2,
      ),
    );
  } else {
    for (const r of RULES) io.out(`${r.id.padEnd(20)} ${r.kind} ${zh(`validate.severity.${r.defaultSeverity}`)}  ${zh(r.title)}：${zh(r.description)}`);
  }
}

export const validate: Command = {
  name: 'validate',
  summary: zh('validate.cli.summary'),
  usage: (['book', 'section', 'category', 'config', 'preset', 'recordYear', 'draft', 'rules', 'status'] as const).map((k) => zh(`cli.usage.validate.${k}`)),
  flags: ['rules'],
  async run(args, io) {
    checkOptions('validate', args, ['scope', 'format', 'config', 'preset', 'rules', 'record-year']);
    const format = typeof args.options.format === 'string' ? args.options.format : 'text';
    if (args.options.rules === true) {
      if (!['md', 'json', 'text'].includes(format)) throw new UserError('validate.cli.badFormat', { format });
      if (args.positionals.length) throw new UserError('cli.extraArgs', { args: args.positionals.join(' ') });
      printCatalogue(format, io);
      return 0;
    }
    if (format !== 'text' && format !== 'json') throw new UserError('validate.cli.badFormat', { format });
    const [file, ...extra] = args.positionals;
    if (!file) throw new UserError('validate.cli.noFile');
    if (extra.length) throw new UserError('cli.extraArgs', { args: extra.join(' ') });

    let overrides: ConfigOverrides = {};
    if (args.options.config !== undefined) {
      if (typeof args.options.config !== 'string') throw new UserError('validate.cli.badConfig', { file: '', problem: zh('cli.validate.fileNameMissing') });
      overrides = await readConfigFile(args.options.config);
    }
    if (args.options.preset !== undefined) {
      const preset = args.options.preset;
      if (preset !== 'national' && preset !== 'recommended' && preset !== 'strict' && preset !== 'custom') throw new UserError('validate.cli.badConfig', { file: '--preset', problem: zh('cli.validate.badPreset', { preset: String(preset) }) });
      overrides = { ...overrides, preset };
    }
    const recordYear = numberOption(args, 'record-year', 1949, 2200, true);
    if (recordYear !== undefined) overrides = { ...overrides, recordYear };

    const book = await loadBookForCheck(file, io, recordYear);
    const config = resolveConfig(book, overrides);
    if (config.problems.length) {
      // A wrong rule id or parameter in a config file must not be ignored silently; in the book's own house
      // style it is reported and the defaults are used.
      if (args.options.config !== undefined || args.options.preset !== undefined) {
        const fromFile = resolveConfig({ ...book, houseStyle: { ...book.houseStyle, rules: {} } }, overrides).problems;
        if (fromFile.length) throw new UserError('validate.cli.badConfig', { file: path.basename(String(args.options.config ?? '--preset')), problem: fromFile.join('；') });
      }
      for (const p of config.problems) io.err(zh('cli.validate.houseStyleProblem', { problem: p }));
    }

    let scope: ScopeInfo = { scope: { kind: 'book' } };
    if (args.options.scope !== undefined) {
      if (typeof args.options.scope !== 'string') throw new UserError('validate.cli.badScope', { scope: '' });
      scope = resolveScope(book, args.options.scope);
    }

    const result = check(book, { scope: scope.scope, overrides });
    const summary = summarize(book, result.findings, scope.scope);
    if (format === 'json') io.out(JSON.stringify(jsonReport(book, result, summary, scope), null, 2));
    else io.out(textReport(book, result, summary, scope));
    return summary.findings.error > 0 ? 1 : 0;
  },
};
