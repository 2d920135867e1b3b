// `yearbook generate --out FILE [--seed N] [--scale X] [--from BOOK] [--no-images]`: a full-size test volume
// (about 1.2 million characters, 30 categories, 300 sections, 2,000 entries, 60 tables, 250 figures) built from
// the real sentences, titles, names and table shapes of the sample book — or of another book file (--from).
import path from 'node:path';
import { generateVolume } from '../../../shared/generate';
import { t } from '../../../shared/i18n';
import { bookCounts } from '../../../shared/model';
import { UserError } from '../../../shared/model/errors';
import { loadSampleBook } from '../../../shared/sample';
import type { Command } from '../command';
import { checkOptions, numberOption, readBookFromFile, stringOption, writeBookToFile } from '../files';

export const generate: Command = {
  name: 'generate',
  summary: t('cli.generate.summary', {}, 'zh'),
  usage: [t('cli.usage.generate.full', {}, 'zh'), t('cli.usage.generate.seed', {}, 'zh'), t('cli.usage.generate.from', {}, 'zh'), t('cli.usage.generate.noImages', {}, 'zh')],
  flags: ['no-images'],
  async run(args, io) {
    checkOptions('generate', args, ['out', 'seed', 'scale', 'from', 'no-images']);
    if (args.positionals.length) throw new UserError('cli.extraArgs', { args: args.positionals.join(' ') });
    const out = stringOption(args, 'out', 'cli.outMissing');
    if (!out) throw new UserError('cli.outMissing');
    const seed = numberOption(args, 'seed', 0, 2 ** 32 - 1, true) ?? 1;
    const scale = numberOption(args, 'scale', 0.001, 10) ?? 1;
    const from = args.options.from;
    const source = typeof from === 'string' ? (await readBookFromFile(from)).book : loadSampleBook();
    const fromLabel = typeof from === 'string' ? t('cli.generate.sourceFile', { file: path.basename(from) }, 'zh') : t('cli.generate.sourceSample', {}, 'zh');
    io.err(t('cli.generate.source', { title: source.title, year: source.volumeYear, from: fromLabel, seed, scale }, 'zh'));
    const volume = generateVolume(source, {
      seed,
      scale,
      images: args.options['no-images'] !== true,
      onProgress: (done, total) => io.progress(t('cli.generate.progress', {}, 'zh'), done, total),
    });
    const c = bookCounts(volume.book);
    io.err(t('cli.generate.counts', { ...c, characters: c.characters.toLocaleString('en-US') }, 'zh'));
    await writeBookToFile(out, volume, io);
    return 0;
  },
};
