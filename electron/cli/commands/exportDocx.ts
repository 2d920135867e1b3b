// `yearbook export BOOK --docx OUT [--scope …]`: the book (or one category or section) as a Word document.
// The export command hands over here when --docx is given. Progress and the summary on stderr, a JSON
// summary on stdout, the file written atomically.
import path from 'node:path';
import { exportBookDocx } from '../../../shared/export/docx';
import { parseScope } from '../../../shared/export/scope';
import { t } from '../../../shared/i18n';
import { UserError } from '../../../shared/model/errors';
import type { ParsedArgs } from '../command';
import { checkOptions, readBookFromFile, writeOutputFile } from '../files';
import type { CliIo } from '../io';

export async function runDocxExport(args: ParsedArgs, io: CliIo): Promise<number> {
  checkOptions('export', args, ['docx', 'scope']);
  const file = args.positionals[0];
  const out = args.options.docx;
  if (!file || typeof out !== 'string') {
    io.err(t('docx.cli.usage', {}, 'zh'));
    return 2;
  }
  if (args.positionals.length > 1) throw new UserError('cli.extraArgs', { args: args.positionals.slice(1).join(' ') });
  const started = Date.now();
  const { book, assets } = await readBookFromFile(file);
  const scope = parseScope(book, typeof args.options.scope === 'string' ? args.options.scope : undefined);
  const result = await exportBookDocx({ book, assets, scope, createdBy: 'Yearbook Workbench CLI' });
  await writeOutputFile(out, result.bytes, io);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.err(t('docx.cli.done', { file: out, ...result.counts, seconds }, 'zh'));
  for (const [reason, key] of [['missing', 'docx.cli.missingImages'], ['format', 'docx.cli.formatImages']] as const) {
    const these = result.missingImages.filter((m) => m.reason === reason);
    if (these.length) io.err(t(key, { count: these.length, where: these.map((m) => m.where).join('；') }, 'zh'));
  }
  io.out(JSON.stringify({ file: out, name: path.basename(out), bytes: result.bytes.byteLength, seconds: Number(seconds), counts: result.counts, missingImages: result.missingImages }));
  return 0;
}
