// `yearbook sample --out FILE`: writes the built-in sample book 《临安年鉴（2021）》 (imported from the corpus
// seeds) as a .yearbook file — the same book the app shows on its first run.
import { t } from '../../../shared/i18n';
import { UserError } from '../../../shared/model/errors';
import { loadSampleBook } from '../../../shared/sample';
import type { Command } from '../command';
import { checkOptions, stringOption, writeBookToFile } from '../files';

export const sample: Command = {
  name: 'sample',
  summary: t('cli.sample.summary', {}, 'zh'),
  usage: ['yearbook sample --out FILE      写出示例书稿，例如 --out 临安年鉴.yearbook'],
  async run(args, io) {
    checkOptions('sample', args, ['out']);
    if (args.positionals.length) throw new UserError('cli.extraArgs', { args: args.positionals.join(' ') });
    const out = stringOption(args, 'out', 'cli.outMissing');
    if (!out) throw new UserError('cli.outMissing');
    const book = loadSampleBook();
    // The sample's figures have no photos yet (the seeds are text); a book file then holds no assets.
    await writeBookToFile(out, { book, assets: new Map() }, io);
    return 0;
  },
};
