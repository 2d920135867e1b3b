// The app's PDF export over the host: the same pipeline as the CLI (shared/export exportBookPdf), printing each
// part through HostApi.printToPdf (Electron's printToPDF in the desktop build, the web-mode print service in a
// browser), with the book's images inline and the bundled faces from the host's /__yearbook/fonts.css.
import type { BookFileContents } from '../../../shared/bookfile';
import { exportBookPdf, printViaHost, type ExportProgress, type ExportResult, type MeasureFn, type PrintFn } from '../../../shared/export/pipeline';
import { applyProfilePatch, PROFILE_PRESETS } from '../../../shared/export/profile';
import { scopeLabel, type ExportScope } from '../../../shared/export/scope';
import type { HostApi } from '../../../shared/host';
import type { Book, PrintProfile } from '../../../shared/model';
import { allCategories } from '../../../shared/model/walk';
import { check, type Finding } from '../../../shared/validate';
import { measureOverflows } from './measure';

export const FONT_CSS_HREF = '/__yearbook/fonts.css';

/** A profile choice of the dialog: the book's own profile or a preset over it (shared/export/profile.ts). */
export interface ProfileChoice {
  id: string;
  label: string;
}

export function profileChoices(): ProfileChoice[] {
  return Object.entries(PROFILE_PRESETS).map(([id, p]) => ({ id, label: p.label }));
}

export function profileFor(book: Book, id: string): PrintProfile {
  const preset = PROFILE_PRESETS[id];
  return preset ? applyProfilePatch(book.printProfile, preset.patch, preset.label) : book.printProfile;
}

/** The category holding a section. */
export function categoryOf(book: Book, sectionId: string): string | null {
  return allCategories(book).find((c) => c.sections.some((s) => s.id === sectionId))?.id ?? null;
}

/** Errors (severity error) the checker finds in the scope — the "check before export". */
export function scopeErrors(book: Book, scope: ExportScope): Finding[] {
  const vscope = scope.kind === 'volume' ? { kind: 'book' as const } : scope;
  return check(book, { scope: vscope }).findings.filter((f) => f.severity === 'error');
}

/** "拱墅年鉴（2022）分目 民政.pdf" */
export function pdfFileName(book: Book, scope: ExportScope): string {
  const base = `${book.title}（${book.volumeYear}）`;
  const label = scope.kind === 'volume' ? '' : ` ${scopeLabel(book, scope)}`;
  return `${base}${label}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}

/** Base64 data URL of an image (print documents carry the book's images inline). */
export function dataUrl(mime: string, bytes: Uint8Array): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return `data:${mime};base64,${btoa(bin)}`;
}

/** The host's print call (Electron's printToPDF, or the web-mode print service). */
export function hostPrint(host: Pick<HostApi, 'printToPdf' | 'cancelPrint'>): PrintFn {
  return printViaHost(host, `app-${Date.now().toString(36)}`);
}

/** The export's measuring document laid out by the renderer itself (measure.ts): the host only prints. */
export const appMeasure: MeasureFn = (job) => measureOverflows(job.html, job.pageWidthMm);

export interface AppExportOptions {
  contents: BookFileContents;
  scope: ExportScope;
  profile: PrintProfile;
  print: PrintFn;
  /** Overflow measurement for the preflight (appMeasure in the app; none in tests that only print). */
  measure?: MeasureFn;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

/** Runs the export pipeline for the app (no file is written here: the caller saves the bytes when it finishes). */
export function runAppExport(opts: AppExportOptions): Promise<ExportResult> {
  const { book, assets } = opts.contents;
  const mimes = new Map(book.assets.map((a) => [a.id, a.mime]));
  const urls = new Map<string, string>();
  return exportBookPdf({
    book,
    scope: opts.scope,
    profile: opts.profile,
    print: opts.print,
    ...(opts.measure ? { measure: opts.measure } : {}),
    fontCss: '',
    fontCssHref: FONT_CSS_HREF,
    assetUrl: (id) => {
      const bytes = assets.get(id);
      if (!bytes) return null;
      let url = urls.get(id);
      if (!url) {
        url = dataUrl(mimes.get(id) ?? 'application/octet-stream', bytes);
        urls.set(id, url);
      }
      return url;
    },
    concurrency: 2,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}
