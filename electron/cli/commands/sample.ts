// `yearbook sample --out FILE`: writes the built-in sample book 《临安年鉴（2021）》 (imported from the corpus
// seeds) as a .yearbook file — the same book the app shows on its first run.
import { t } from '../../../shared/i18n';
import { UserError } from '../../../shared/model/errors';
import { loadSampleContents } from '../../../shared/sample';
import type { Command } from '../command';
import { checkOptions, stringOption, writeBookToFile } from '../files';

export const sample: Command = {
  name: 'sample',
  summary: t('cli.sample.summary', {}, 'zh'),
  usage: [t('cli.usage.sample', {}, 'zh')],
  async run(args, io) {
    checkOptions('sample', args, ['out']);
    if (args.positionals.length) throw new UserError('cli.extraArgs', { args: args.positionals.join(' ') });
    const out = stringOption(args, 'out', 'cli.outMissing');
    if (!out) throw new UserError('cli.outMissing');
    // The book with the stand-in photos of its figures, as the app loads it on its first run.
    await writeBookToFile(out, loadSampleContents(), io);
    return 0;
  },
};
