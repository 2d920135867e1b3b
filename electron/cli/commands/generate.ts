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
  usage: [
    'yearbook generate --out FILE                 全尺寸（约120万字），随机种子 1',
    'yearbook generate --out FILE --seed 7 --scale 0.1   另一个种子，十分之一规模',
    'yearbook generate --out FILE --from 书稿.yearbook    用另一部书稿的素材',
    'yearbook generate --out FILE --no-images     图片不附照片文件',
  ],
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
    io.err(`素材来源：《${source.title}（${source.volumeYear}）》${typeof from === 'string' ? `（${path.basename(from)}）` : '（内置示例书稿）'}，随机种子 ${seed}，规模 ${scale}`);
    const volume = generateVolume(source, {
      seed,
      scale,
      images: args.options['no-images'] !== true,
      onProgress: (done, total) => io.progress(t('cli.generate.progress', {}, 'zh'), done, total),
    });
    const c = bookCounts(volume.book);
    io.err(`类目 ${c.categories}，分目 ${c.sections}，条目 ${c.entries}，表格 ${c.tables}，图片 ${c.figures}，字符 ${c.characters.toLocaleString('en-US')}`);
    await writeBookToFile(out, volume, io);
    return 0;
  },
};
