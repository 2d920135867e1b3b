// Node entry of the export: book file in, PDF file out. Used by `yearbook export` and the benchmark; the app
// calls shared/export's exportBookPdf with its host's print function instead.
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readBookFile } from '../../../shared/bookfile';
import { exportBookPdf, type ExportProgress, type ExportResult } from '../../../shared/export/pipeline';
import { buildPreflight, inspectPdf } from '../../../shared/export/preflight';
import { applyProfilePatch, PROFILE_PRESETS, resolveProfile, type ProfilePatch } from '../../../shared/export/profile';
import { parseScope } from '../../../shared/export/scope';
import { t } from '../../../shared/i18n';
import { UserError } from '../../../shared/model/errors';
import type { Book, PrintProfile } from '../../../shared/model/schema';
import { bundledCoverage } from './coverage';
import { bundledFontCss, PRINT_URL_PREFIX } from './fonts';
import { launchPlaywrightPrinter } from './playwrightPrinter';
import { applyPress, type PressMode } from './press';
import type { Printer } from './printer';
import { bookResources } from './resources';

/** A profile named on the command line: a preset name, or a JSON file with a partial profile. */
export function loadProfile(book: Book, spec: string | undefined): PrintProfile {
  if (!spec) return book.printProfile;
  const preset = PROFILE_PRESETS[spec];
  if (preset) return applyProfilePatch(book.printProfile, preset.patch, spec);
  if (spec.endsWith('.json') || existsSync(spec)) {
    let patch: ProfilePatch;
    try {
      patch = JSON.parse(readFileSync(spec, 'utf8')) as ProfilePatch;
    } catch (e) {
      throw new UserError('export.profile.unreadable', { file: spec }, e instanceof Error ? e.message : String(e));
    }
    return applyProfilePatch(book.printProfile, patch, path.basename(spec));
  }
  throw new UserError('export.profile.notFound', { name: spec, names: Object.keys(PROFILE_PRESETS).join('、') });
}

export interface ExportFileOptions {
  book: Book;
  assets: Map<string, Uint8Array>;
  scope?: string;
  profile?: PrintProfile;
  press?: PressMode;
  printer?: Printer;
  concurrency?: number;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

/** Exports in this process with Playwright's Chromium (or the given printer) and applies the press variant. */
export async function exportWithChromium(opts: ExportFileOptions): Promise<ExportResult> {
  const { book, assets } = opts;
  const scope = parseScope(book, opts.scope);
  const profile = opts.profile ?? book.printProfile;
  const mimes = new Map(book.assets.map((a) => [a.id, a.mime]));
  const coverage = bundledCoverage();
  const printer = opts.printer ?? (await launchPlaywrightPrinter({ resources: bookResources(assets, mimes) }));
  try {
    const result = await exportBookPdf({
      book,
      scope,
      profile,
      print: printer.print,
      measure: printer.measure,
      fontCss: printer.fontCssHref ? '' : bundledFontCss(),
      ...(printer.fontCssHref ? { fontCssHref: printer.fontCssHref } : {}),
      assetUrl: (id) => (assets.has(id) ? `${PRINT_URL_PREFIX}assets/${id}` : null),
      concurrency: opts.concurrency ?? printer.concurrency,
      hasGlyph: (cp) => coverage.has(cp),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const press = opts.press ?? (profile.colorMode === 'rgb' ? undefined : profile.colorMode);
    if (!press) return result;
    opts.onProgress?.({ step: 'press', label: t('export.progress.press', {}, 'zh'), done: 0, total: 1, fraction: 0.99 });
    const pdf = await applyPress(result.pdf, {
      mode: press,
      pdfx: press === 'cmyk' || profile.pdfx,
      title: `${book.title}（${book.volumeYear}）`,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    opts.onProgress?.({ step: 'press', label: t('export.progress.press', {}, 'zh'), done: 1, total: 1, fraction: 1 });
    const facts = await inspectPdf(pdf);
    const preflight = buildPreflight({
      facts,
      profile: resolveProfile(profile),
      colorMode: press,
      images: [],
      missingImages: [],
      overflows: [],
    });
    // Keep the findings measured before the conversion (images, overflows), with the converted file's facts.
    preflight.findings = [
      ...preflight.findings,
      ...result.preflight.findings.filter((f) => f.key !== 'export.preflight.rgb' && !preflight.findings.some((g) => g.message === f.message)),
    ];
    preflight.images = result.preflight.images;
    return { ...result, pdf, preflight };
  } finally {
    if (!opts.printer) await printer.close();
  }
}

/** Reads a .yearbook file. */
export function readBook(file: string): { book: Book; assets: Map<string, Uint8Array> } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new UserError('bookfile.notZip', { file: path.basename(file) }, e instanceof Error ? e.message : String(e));
  }
  return readBookFile(bytes, path.basename(file));
}

/** Writes the PDF atomically (temporary file, then rename), so a failed export never leaves half a file. */
export function writePdf(file: string, pdf: Uint8Array): void {
  const tmp = `${file}.part`;
  try {
    writeFileSync(tmp, pdf);
    renameSync(tmp, file);
  } catch (e) {
    throw new UserError('export.writeFailed', { file }, e instanceof Error ? e.message : String(e));
  }
}
