// `yearbook export BOOK --pdf OUT [--scope …] [--profile …] [--press gray|cmyk]`: the print-ready PDF.
// Progress on stderr, the preflight summary at the end (stderr), a JSON summary on stdout.
import { exportWithChromium, loadProfile, readBook, writePdf } from '../../node/print/exportFile';
import { formatPreflight } from '../../../shared/export/preflight';
import { PROFILE_PRESETS } from '../../../shared/export/profile';
import { UserError } from '../../../shared/model/errors';
import { t } from '../../../shared/i18n';
import type { Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: '导出可交付印刷的 PDF（全书、类目或分目），并给出印前检查结果',
  usage: [
    'yearbook export 书稿.yearbook --pdf 输出.pdf',
    '  [--scope volume | category:类目名称或编号 | section:分目名称或编号 | section:类目/分目]',
    `  [--profile ${Object.keys(PROFILE_PRESETS).join('|')}|版式方案.json]`,
    '  [--press gray|cmyk]   印前转换（需要 Ghostscript）：灰度或四色（PDF/X-1a）',
    '  [--jobs N]            同时排版的部分数（默认 2）',
  ],
  async run(args, io) {
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
