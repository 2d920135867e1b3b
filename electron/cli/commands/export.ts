// `yearbook export BOOK --pdf OUT [--scope …] [--profile …] [--press gray|cmyk]`: the print-ready PDF;
// `yearbook export BOOK --docx OUT [--scope …]`: a Word document (exportDocx.ts).
// Progress on stderr, the preflight summary at the end (stderr), a JSON summary on stdout.
import { exportWithChromium, loadProfile, readBook, writePdf } from '../../node/print/exportFile';
import { formatPreflight } from '../../../shared/export/preflight';
import { PROFILE_PRESETS } from '../../../shared/export/profile';
import { UserError } from '../../../shared/model/errors';
import { t } from '../../../shared/i18n';
import type { Command } from '../command';
import { runDocxExport } from './exportDocx';

export const exportCommand: Command = {
  name: 'export',
  summary: t('cli.export.summary', {}, 'zh'),
  usage: [
    t('cli.export.usage.pdf', {}, 'zh'),
    t('cli.export.usage.docx', {}, 'zh'),
    t('cli.export.usage.scope', {}, 'zh'),
    t('cli.export.usage.profile', { presets: Object.keys(PROFILE_PRESETS).join('|') }, 'zh'),
    t('cli.export.usage.press', {}, 'zh'),
    t('cli.export.usage.jobs', {}, 'zh'),
  ],
  async run(args, io) {
    if (args.options.docx !== undefined) {
      if (args.options.pdf !== undefined) throw new UserError('docx.cli.bothFormats');
      return runDocxExport(args, io);
    }
    const file = args.positionals[0];
    const out = args.options.pdf;
    if (!file || typeof out !== 'string') {
      io.err(t('export.cli.usage'));
      return 2;
    }
    const press = args.options.press;
    if (press !== undefined && press !== 'gray' && press !== 'cmyk') throw new UserError('export.press.invalid', { press: String(press) });
    const { book, assets } = readBook(file);
    const profile = loadProfile(book, typeof args.options.profile === 'string' ? args.options.profile : undefined);
    const jobs = typeof args.options.jobs === 'string' ? Math.max(1, Math.min(8, Number(args.options.jobs) || 2)) : undefined;
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    const started = Date.now();
    let lastLine = '';
    try {
      const result = await exportWithChromium({
        book,
        assets,
        ...(typeof args.options.scope === 'string' ? { scope: args.options.scope } : {}),
        profile,
        ...(press ? { press } : {}),
        ...(jobs ? { concurrency: jobs } : {}),
        signal: controller.signal,
        onProgress: (p) => {
          const line = `${p.label} ${p.done}/${p.total}`;
          if (line !== lastLine) {
            io.progress(`[${Math.round(p.fraction * 100).toString().padStart(3)}%] ${p.label}`, p.done, p.total);
            lastLine = line;
          }
        },
      });
      writePdf(out, result.pdf);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      io.err(t('export.cli.done', { pages: result.preflight.pageCount, file: out, seconds }));
      for (const line of formatPreflight(result.preflight)) io.err(line);
      io.out(
        JSON.stringify({
          file: out,
          pages: result.preflight.pageCount,
          seconds: Number(seconds),
          timings: result.timings,
          preflight: {
            ok: result.preflight.ok,
            mediaBox: result.preflight.mediaBox,
            trimBox: result.preflight.trimBox,
            bleedBox: result.preflight.bleedBox,
            fonts: result.preflight.fonts,
            images: result.preflight.images,
            colorMode: result.preflight.colorMode,
            findings: result.preflight.findings.map((f) => ({ severity: f.severity, message: f.message, ...(f.nodeId ? { nodeId: f.nodeId } : {}) })),
          },
        }),
      );
      return result.preflight.ok ? 0 : 1;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};
