// The export pipeline: book → print-ready PDF.
//
//   1. every static part (front matter, each category, back matter) becomes its own print document; the parts
//      are printed in parallel by the host's Chromium print engine (Electron's printToPDF, or Playwright);
//   2. each part's PDF is read back with pdf-lib: its page count and the named destination of every anchor;
//   3. pagination: parts start on right-hand pages, folios and running heads per page (layout.ts);
//   4. the 索引 and 目录 are generated with the now exact page numbers and printed;
//   5. one furniture document carries all running heads and folios; it is printed once and overlaid;
//   6. merge, TrimBox/BleedBox, crop marks, bookmarks, page labels, metadata; preflight.
// Only step 1/4/5 need the print engine (the `print` function); everything else is pure.
import type { Book, Category, Matter, PrintProfile } from '../model/schema';
import { UserError } from '../model/errors';
import { allCategories } from '../model/walk';
import { t, type MessageKey } from '../i18n';
import { bookCss, furnitureCss } from './css';
import { printDocument, furnitureBody } from './document';
import { buildIndex, captionLines, indexHtml, tocHtml, type TocLine } from './generated';
import { layoutBook, type AnchorPos, type PartPages } from './layout';
import { assemblePdf, readAnchors, type CancelSignal, type OutlineNode } from './pdf';
import { buildPreflight, inspectPdf, type Overflow, type PreflightReport } from './preflight';
import { resolveProfile, type ResolvedProfile } from './profile';
import { type Collector, PartRenderer, tableFigureNumbers, type RenderEnv } from './render';
import { scopeLabel, type ExportScope } from './scope';

export interface PrintJob {
  /** A complete HTML document; fonts and images are referenced under the URL prefix the printer serves. */
  html: string;
  /** Page size including bleed (the document's @page rule says the same). */
  pageWidthMm: number;
  pageHeightMm: number;
  /** Short name for logs ("category 经济"). */
  label: string;
  signal?: CancelSignal;
}

export interface PrintOutput {
  pdf: Uint8Array;
}

/** Prints one document. Implemented over Playwright (CLI, tests, web mode) and Electron's printToPDF. The
 * document is hidden on screen; the printer loads its faces with FONT_LOAD_SCRIPT (fontLoad.ts) first. */
export type PrintFn = (job: PrintJob) => Promise<PrintOutput>;

export interface MeasureJob {
  /** The measuring document: shown on screen, laid out at the page width. */
  html: string;
  pageWidthMm: number;
  signal?: CancelSignal;
}

/** Lays the measuring document out on screen and reports the boxes wider than their box (the printers'
 * INSPECT_SCRIPT, or the app's measure.ts). */
export type MeasureFn = (job: MeasureJob) => Promise<Overflow[]>;

export type ExportStep = 'prepare' | 'body' | 'matter' | 'furniture' | 'assemble' | 'press';

export interface ExportProgress {
  step: ExportStep;
  /** Localised step name ("排版正文"). */
  label: string;
  done: number;
  total: number;
  /** Overall fraction 0…1 across all steps, for one progress bar. */
  fraction: number;
}

export interface ExportOptions {
  book: Book;
  scope?: ExportScope;
  /** Defaults to book.printProfile. */
  profile?: PrintProfile;
  print: PrintFn;
  /** Measures overflowing tables, figures and lines for the preflight; without it none are reported. */
  measure?: MeasureFn;
  /** @font-face rules for the bundled faces (electron/node/print/fonts.ts builds them). */
  fontCss: string;
  /** Or the URL of a stylesheet with those rules, when the printer serves it (parsed and cached once). */
  fontCssHref?: string;
  /** URL of an image asset in the print document, or null when its bytes are not available. */
  assetUrl?: (assetId: string) => string | null;
  /** Whether the bundled faces have a glyph for a character; characters without one are reported by the preflight. */
  hasGlyph?: (codePoint: number) => boolean;
  /** Parts printed at the same time (Chromium renders each in its own process). Default 2. */
  concurrency?: number;
  onProgress?: (p: ExportProgress) => void;
  signal?: CancelSignal;
  now?: Date;
}

/** One page of the result, for the app's paged preview and navigation. */
export interface ExportPage {
  /** 0-based page in the PDF. */
  index: number;
  folio: string | null;
  head: string | null;
  side: 'left' | 'right';
  /** Section (分目) in force on the page, if any. */
  sectionId: string | null;
  /** blank: inserted so that a part starts on a right-hand page. */
  kind: 'title' | 'matter' | 'toc' | 'category' | 'section' | 'index' | 'blank';
}

export interface ExportResult {
  pdf: Uint8Array;
  preflight: PreflightReport;
  pages: ExportPage[];
  /** 0-based PDF page of each section, entry, table and figure id that was printed. */
  nodePages: Map<string, number>;
  /** Milliseconds spent per step (for the log and the benchmark). */
  timings: Record<string, number>;
}

interface Part {
  key: string;
  kind: PartPages['kind'];
  numbering: PartPages['numbering'];
  title: string;
  /** Built before printing (static parts) or after the body is laid out (toc, index). */
  generated: boolean;
  category?: Category;
  matters?: Matter[];
  opener?: boolean;
  multiColumn: boolean;
  // filled in while exporting
  html?: string;
  /** A category's rendered body: categories are printed several to a document (printChunks). */
  body?: string;
  collector?: Collector;
  /** The printed PDF holding this part, and the part's first page in it. */
  pdf?: PrintedPdf;
  pageCount?: number;
  anchors?: Map<string, AnchorPos>;
}

interface PrintedPdf {
  bytes: Uint8Array;
  first: number;
}

/** Marks the end of a category in a chunk document: its named destination is the category's last page. */
const END_PREFIX = 'end-';

/**
 * The categories printed together: consecutive categories, as many documents as twice the print jobs that run
 * at once, of about equal size. Each document costs Chromium a fixed share (loading, the font rules, four
 * layout passes, a font subset per face), so a volume printed as 30 documents took about 1.6 times as long as
 * the same pages in 2–4 (docs/print.md); two documents per job at a time keep the progress bar moving and the
 * jobs balanced.
 */
export function printChunks<T>(items: readonly T[], size: (t: T) => number, count: number): T[][] {
  const n = Math.max(1, Math.min(items.length, count));
  const total = items.reduce((k, t) => k + size(t), 0);
  const chunks: T[][] = [];
  let cur: T[] = [];
  let acc = 0;
  items.forEach((t, i) => {
    cur.push(t);
    acc += size(t);
    const left = items.length - i - 1;
    const chunksLeft = n - chunks.length - 1;
    if (chunksLeft > 0 && (acc >= (total * (chunks.length + 1)) / n || left === chunksLeft)) {
      chunks.push(cur);
      cur = [];
    }
  });
  if (cur.length) chunks.push(cur);
  return chunks;
}

const STEP_WEIGHT: Record<ExportStep, number> = { prepare: 0.02, body: 0.7, matter: 0.1, furniture: 0.06, assemble: 0.12, press: 0 };
const STEP_ORDER: ExportStep[] = ['prepare', 'body', 'matter', 'furniture', 'assemble'];

function abortError(): UserError {
  return new UserError('export.cancelled');
}
function check(signal?: CancelSignal): void {
  if (signal?.aborted) throw abortError();
}

/** Plans the parts of an export: which documents are printed, in which order. */
function planParts(book: Book, scope: ExportScope, profile: ResolvedProfile): Part[] {
  const parts: Part[] = [];
  const catPart = (c: Category, opener: boolean): Part => ({
    key: `cat:${c.id}`,
    kind: 'category',
    numbering: 'arabic',
    title: c.title,
    generated: false,
    category: c,
    opener,
    multiColumn: profile.columns > 1 && c.role !== 'special',
  });
  if (scope.kind === 'category') {
    const c = allCategories(book).find((x) => x.id === scope.id);
    if (!c || !c.sections.length) throw new UserError('export.scope.empty');
    return [catPart(c, true)];
  }
  if (scope.kind === 'section') {
    for (const c of allCategories(book)) {
      const s = c.sections.find((x) => x.id === scope.id);
      if (s) return [{ ...catPart({ ...c, sections: [s] }, false), key: `sec:${s.id}`, kind: 'section' }];
    }
    throw new UserError('export.scope.empty');
  }
  const g = profile.generated;
  // Front matter in the book's order; the title page first, the 目录 where the book places it (else last).
  parts.push({ key: 'title', kind: 'title', numbering: 'roman', title: book.title, generated: false, multiColumn: false });
  let tocPlaced = false;
  const tocPart: Part = { key: 'toc', kind: 'toc', numbering: 'roman', title: '目录', generated: true, multiColumn: false };
  for (const m of book.front) {
    if (m.kind === 'title-page' || m.kind === 'index') continue;
    if (m.kind === 'toc') {
      if (g.toc && !tocPlaced) parts.push(tocPart);
      tocPlaced = true;
      continue;
    }
    parts.push({ key: `matter:${m.id}`, kind: 'matter', numbering: 'roman', title: m.title, generated: false, matters: [m], multiColumn: false });
  }
  if (g.toc && !tocPlaced) parts.push(tocPart);
  for (const c of book.body) if (c.sections.length) parts.push(catPart(c, true));
  let indexPlaced = false;
  const wantIndex = g.subjectIndex || g.tableIndex || g.figureIndex;
  for (const b of book.back) {
    if (b.type === 'category') {
      if (b.sections.length) parts.push(catPart(b, true));
    } else if (b.kind === 'index') {
      if (wantIndex && !indexPlaced) parts.push({ key: 'index', kind: 'index', numbering: 'arabic', title: b.title || '索引', generated: true, multiColumn: false });
      indexPlaced = true;
    } else if (b.kind !== 'toc') {
      parts.push({ key: `matter:${b.id}`, kind: 'matter', numbering: 'arabic', title: b.title, generated: false, matters: [b], multiColumn: false });
    }
  }
  if (wantIndex && !indexPlaced) parts.push({ key: 'index', kind: 'index', numbering: 'arabic', title: '索引', generated: true, multiColumn: false });
  if (!parts.some((p) => p.kind === 'category')) throw new UserError('export.scope.empty');
  return parts;
}

/** Runs jobs with at most n at a time; biggest first, results in input order. */
async function pool<T, R>(items: T[], n: number, size: (t: T) => number, run: (t: T, i: number) => Promise<R>, signal?: CancelSignal): Promise<R[]> {
  const order = items.map((_, i) => i).sort((a, b) => size(items[b]!) - size(items[a]!));
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < order.length && failed === null) {
      check(signal);
      const i = order[next++]!;
      try {
        results[i] = await run(items[i]!, i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  if (failed !== null) throw failed;
  return results;
}

export function bookHeadTitle(book: Book): string {
  return `${book.title}（${book.volumeYear}）`;
}

/** Exports a book (or a category or section of it) to a print-ready PDF with a preflight report. */
export async function exportBookPdf(opts: ExportOptions): Promise<ExportResult> {
  const { book, print, signal } = opts;
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (k: string) => {
    const now = Date.now();
    timings[k] = (timings[k] ?? 0) + (now - t0);
    t0 = now;
  };
  const scope = opts.scope ?? { kind: 'volume' };
  const profile = resolveProfile(opts.profile ?? book.printProfile);
  const stepDone = new Set<ExportStep>();
  const progress = (step: ExportStep, done: number, total: number) => {
    if (!opts.onProgress) return;
    let fraction = 0;
    for (const s of STEP_ORDER) if (stepDone.has(s)) fraction += STEP_WEIGHT[s];
    fraction += STEP_WEIGHT[step] * (total ? done / total : 1);
    if (done >= total) stepDone.add(step);
    const key = `export.progress.${step}` as MessageKey;
    opts.onProgress({ step, label: t(key), done, total, fraction: Math.min(1, fraction) });
  };
  progress('prepare', 0, 1);
  check(signal);

  const env: RenderEnv = { book, profile, assetUrl: opts.assetUrl ?? (() => null), numbers: tableFigureNumbers(book) };
  const css = bookCss(profile);
  const parts = planParts(book, scope, profile);
  const docTitle = bookHeadTitle(book);
  const job = (part: Part, html: string): PrintJob => ({
    html,
    pageWidthMm: profile.pageWidth,
    pageHeightMm: profile.pageHeight,
    label: part.key,
    ...(signal ? { signal } : {}),
  });

  const doc = (title: string, body: string, anchors: readonly string[]) =>
    printDocument({ title, fontCss: opts.fontCss, ...(opts.fontCssHref ? { fontCssHref: opts.fontCssHref } : {}), css, body, anchors });

  // 1. Render the static parts; categories are printed several to a document (printChunks).
  parts.forEach((part, pi) => {
    if (part.generated) return;
    const r = new PartRenderer(env, `p${pi}-`);
    let body = '';
    if (part.kind === 'title') {
      body = r.titlePage(book, book.front.find((m) => m.kind === 'title-page'));
    } else if (part.kind === 'matter') {
      body = (part.matters ?? []).map((m) => r.matter(m)).join('');
    } else if (part.category) {
      // The end of the category, for its page count in a document holding several (a zero-height line box).
      const end = `<div class="part-end"><span id="${END_PREFIX}${part.category.id}"></span></div>`;
      const html = r.category(part.category, { opener: part.opener ?? false });
      part.body = `${html.slice(0, -'</section>'.length)}${end}</section>`;
      part.collector = r.c;
      return;
    }
    part.collector = r.c;
    part.html = doc(`${docTitle} ${part.title}`, body, r.c.anchors);
  });
  const categoryParts = parts.filter((p) => p.body !== undefined);
  const chunks = printChunks(categoryParts, (p) => p.body!.length, 2 * (opts.concurrency ?? 2)).map((members, i) => ({
    key: `body:${i + 1}`,
    members,
    html: doc(
      `${docTitle} ${members.map((m) => m.title).join(' ')}`,
      members.map((m) => m.body!).join(''),
      members.flatMap((m) => [...m.collector!.anchors, `${END_PREFIX}${m.category!.id}`]),
    ),
  }));
  for (const m of categoryParts) m.body = undefined;
  const missingGlyphs = new Set<string>();
  if (opts.hasGlyph) {
    for (const html of [...parts.map((p) => p.html ?? ''), ...chunks.map((c) => c.html)]) {
      for (const ch of html) {
        const cp = ch.codePointAt(0)!;
        if (cp > 0x7f && cp !== 0xa0 && !opts.hasGlyph(cp)) missingGlyphs.add(ch);
      }
    }
  }
  progress('prepare', 1, 1);
  lap('render');

  // The measuring document: every table, figure, attribution line and note of the static parts in its flow's
  // width, laid out on screen once (the print documents themselves are hidden on screen).
  const measureBoxes = parts.flatMap((p) => p.collector?.measure ?? []);
  const measureHtml =
    opts.measure && measureBoxes.length
      ? printDocument({ title: docTitle, fontCss: opts.fontCss, ...(opts.fontCssHref ? { fontCssHref: opts.fontCssHref } : {}), css, body: measureBoxes.join(''), anchors: [], screen: true })
      : null;

  // 2. Print them in parallel and read back page counts and anchors; measure alongside.
  const statics = parts.filter((p) => !p.generated && p.html !== undefined);
  let overflows: Overflow[] = [];
  let printed = 0;
  const jobsToPrint = statics.length + chunks.length;
  progress('body', 0, jobsToPrint);
  type Task = { kind: 'part'; part: Part } | { kind: 'chunk'; chunk: (typeof chunks)[number] } | { kind: 'measure'; html: string };
  const tasks: Task[] = [...chunks.map((chunk) => ({ kind: 'chunk' as const, chunk })), ...statics.map((part) => ({ kind: 'part' as const, part }))];
  if (measureHtml && opts.measure) tasks.push({ kind: 'measure', html: measureHtml });
  await pool(
    tasks,
    opts.concurrency ?? 2,
    (t) => (t.kind === 'part' ? (t.part.html?.length ?? 0) : t.kind === 'chunk' ? t.chunk.html.length : t.html.length),
    async (t) => {
      if (t.kind === 'chunk') {
        const out = await printOrFail(print, { ...job(t.chunk.members[0]!, t.chunk.html), label: t.chunk.key });
        const back = await readAnchors(out.pdf);
        splitChunk(t.chunk.members, { bytes: out.pdf, pageCount: back.pageCount, anchors: back.anchors });
        t.chunk.html = '';
        progress('body', ++printed, jobsToPrint);
        return;
      }
      if (t.kind === 'measure') {
        overflows = await opts.measure!({ html: t.html, pageWidthMm: profile.pageWidth, ...(signal ? { signal } : {}) }).catch((e: unknown) => {
          if (signal?.aborted) throw abortError();
          throw new UserError('export.printFailed', {}, `measure: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        });
        return;
      }
      const part = t.part;
      const out = await printOrFail(print, job(part, part.html!));
      const back = await readAnchors(out.pdf);
      part.pdf = { bytes: out.pdf, first: 0 };
      part.pageCount = back.pageCount;
      part.anchors = settleHeadings(back.anchors, part.collector?.follow);
      part.html = undefined; // free memory early
      progress('body', ++printed, jobsToPrint);
    },
    signal,
  );
  lap('body');
  check(signal);

  const heads = { book: docTitle };
  const toPages = (p: Part): PartPages => ({
    key: p.key,
    kind: p.kind,
    numbering: p.numbering,
    title: p.title,
    silentPages: silentPagesOf(p, profile),
    folioOnlyPages: folioOnlyPagesOf(p),
    pageCount: p.pageCount ?? 0,
    multiColumn: p.multiColumn,
    anchors: p.anchors ?? new Map(),
    sections: p.collector?.sections.map((s) => ({ anchor: s.anchor, title: s.title })) ?? [],
  });

  // 3–4. Generated matter: the index needs the body's pages; the TOC also lists the parts after the index.
  const generated = parts.filter((p) => p.generated);
  progress('matter', 0, generated.length);
  const allCollectors = () => parts.filter((p) => p.collector).map((p) => p.collector!);
  const index = parts.find((p) => p.kind === 'index');
  if (index) {
    const layout = layoutBook(parts.map(toPages), profile, heads);
    const g = profile.generated;
    const refOf = (anchor: string) => {
      const at = layout.anchorPage(anchor);
      if (!at || !at.folio) return null; // anchors on unnumbered pages are not indexed
      return { physical: at.physical, label: `${at.folio}${g.indexColumnLetters && at.column ? at.column : ''}` };
    };
    const folioOf = (a: string) => layout.anchorPage(a)?.folio ?? null;
    const items = allCollectors().flatMap((c) => c.index);
    const body = indexHtml({
      subject: g.subjectIndex ? buildIndex(items, refOf, book.houseStyle.overviewTitles) : null,
      tables: g.tableIndex ? captionLines(allCollectors().flatMap((c) => c.tables).filter((x) => x.label || x.title), folioOf) : null,
      figures: g.figureIndex ? captionLines(allCollectors().flatMap((c) => c.figures).filter((x) => x.label || x.title), folioOf) : null,
      columnLetters: g.indexColumnLetters,
    });
    await printGenerated(index, body);
  }
  const toc = parts.find((p) => p.kind === 'toc');
  if (toc) {
    const layout = layoutBook(parts.map(toPages), profile, heads);
    const tocAt = parts.indexOf(toc);
    const lines: TocLine[] = [];
    parts.forEach((p, pi) => {
      if (pi <= tocAt || !p.pageCount) return;
      const folio = (physical: number) => layout.pages[physical]?.folio ?? null;
      const start = layout.partStart[pi]!;
      if (p.kind === 'category' && p.category) {
        lines.push({ level: 'c', title: p.category.title, folio: folio(start) });
        if (profile.generated.tocDepth >= 2) {
          for (const s of p.collector?.sections ?? []) {
            const at = layout.anchorPage(s.anchor);
            lines.push({ level: 's', title: s.title, folio: at?.folio ?? null });
            if (profile.generated.tocDepth >= 3) {
              for (const ss of p.collector?.subsections.filter((x) => x.sectionId === s.anchor) ?? []) {
                lines.push({ level: 'ss', title: ss.title, folio: layout.anchorPage(ss.anchor)?.folio ?? null });
              }
            }
          }
        }
      } else {
        lines.push({ level: 'm', title: p.title, folio: folio(start) });
      }
    });
    await printGenerated(toc, tocHtml(lines));
  }
  lap('matter');

  async function printGenerated(part: Part, body: string) {
    check(signal);
    const html = printDocument({ title: `${docTitle} ${part.title}`, fontCss: opts.fontCss, ...(opts.fontCssHref ? { fontCssHref: opts.fontCssHref } : {}), css, body, anchors: [] });
    const out = await printOrFail(print, job(part, html));
    const back = await readAnchors(out.pdf);
    part.pdf = { bytes: out.pdf, first: 0 };
    part.pageCount = back.pageCount;
    part.anchors = back.anchors;
    progress('matter', parts.filter((p) => p.generated && p.pdf).length, generated.length);
  }

  // 5. Final layout and the furniture document.
  const layout = layoutBook(parts.map(toPages), profile, heads);
  progress('furniture', 0, 1);
  const furnitureHtml = printDocument({ title: docTitle, fontCss: opts.fontCss, ...(opts.fontCssHref ? { fontCssHref: opts.fontCssHref } : {}), css: furnitureCss(profile), body: furnitureBody(layout), anchors: [] });
  const needsFurniture = layout.pages.some((p) => p.head || p.folio);
  const furniture = needsFurniture ? (await printOrFail(print, { ...job(parts[0]!, furnitureHtml), label: 'furniture' })).pdf : null;
  progress('furniture', 1, 1);
  lap('furniture');
  check(signal);

  // 6. Assemble.
  const outline: OutlineNode[] = [];
  parts.forEach((p, pi) => {
    const start = layout.partStart[pi]!;
    if (!p.pageCount) return;
    if (p.kind === 'category' || p.kind === 'section') {
      const children = (p.collector?.sections ?? [])
        .map((s) => ({ title: s.title, physical: layout.anchorPage(s.anchor)?.physical ?? start }))
        .filter(() => p.kind === 'category');
      outline.push({ title: p.kind === 'section' ? (p.collector?.sections[0]?.title ?? p.title) : p.title, physical: start, children });
    } else if (p.kind === 'title') {
      outline.push({ title: '书名页', physical: start });
    } else outline.push({ title: p.title, physical: start });
  });
  progress('assemble', 0, layout.pages.length);
  const pdf = await assemblePdf({
    parts: parts.map((p) => p.pdf ?? null),
    layout,
    furniture,
    profile,
    outline,
    meta: {
      title: scope.kind === 'volume' ? docTitle : `${docTitle} ${scopeLabel(book, scope)}`,
      subject: `${book.title} ${book.volumeYear}（记述 ${book.recordYear} 年）`,
      ...(book.publisherOrg ? { author: book.publisherOrg } : {}),
      keywords: [book.title, String(book.volumeYear), '年鉴'],
      volume: String(book.volumeYear),
    },
    ...(opts.now ? { now: opts.now } : {}),
    onPage: (done, total) => {
      if (done % 50 === 0 || done === total) progress('assemble', done, total);
    },
    ...(signal ? { signal } : {}),
  }).catch((e: unknown) => {
    if (signal?.aborted) throw abortError();
    throw e;
  });
  lap('assemble');

  // Preflight.
  const facts = await inspectPdf(pdf);
  const pageOf = (id: string) => layout.anchorPage(id)?.physical;
  const where = whereIndex(book);
  const images = allCollectors().flatMap((c) => c.images.map((i) => ({ ...i, ...opt('page', pageOf(i.anchor)) })));
  const missingImages = allCollectors().flatMap((c) => c.missingImages.map((m) => ({ ...m, ...opt('page', pageOf(m.anchor)) })));
  const located = overflows.map((o) => ({ ...o, where: where.get(o.id) ?? o.id, ...opt('page', pageOf(o.id)) }));
  const preflight = buildPreflight({ facts, profile, colorMode: 'rgb', images, missingImages, overflows: located, missingGlyphs: [...missingGlyphs] });
  lap('preflight');

  const nodePages = new Map<string, number>();
  parts.forEach((p) => p.anchors?.forEach((_, a) => {
    const at = layout.anchorPage(a);
    if (at && !a.startsWith('ix')) nodePages.set(a, at.physical);
  }));
  const pages: ExportPage[] = layout.pages.map((pg) => ({
    index: pg.physical,
    folio: pg.showFolio ? pg.folio : null,
    head: pg.head,
    side: pg.side,
    sectionId: pg.sectionAnchor,
    kind: pg.part < 0 ? 'blank' : parts[pg.part]!.kind,
  }));
  return { pdf, preflight, pages, nodePages, timings };
}

/**
 * A heading's page is that of the first line after it (kept together by break-after: avoid) when Chromium's
 * destination for the heading itself disagrees — see Collector.follow.
 */
export function settleHeadings(anchors: Map<string, AnchorPos>, follow: ReadonlyMap<string, string> | undefined): Map<string, AnchorPos> {
  if (!follow) return anchors;
  for (const [id, f] of follow) {
    const head = anchors.get(id);
    const next = anchors.get(f);
    if (next && (!head || head.page !== next.page)) anchors.set(id, next);
    anchors.delete(f);
  }
  return anchors;
}

/**
 * The categories printed in one document, each given its pages: from the page its opener (its own anchor) is on
 * to the page of its end marker. A blank page Chromium put after a category, so that the next one starts on a
 * right-hand page (break-before: right), belongs to neither — the layout inserts blank versos itself. Anchors
 * become relative to the category's first page.
 */
function splitChunk(members: readonly Part[], printed: { bytes: Uint8Array; pageCount: number; anchors: Map<string, AnchorPos> }): void {
  for (const part of members) {
    const id = part.category!.id;
    const start = printed.anchors.get(id)?.page;
    const end = printed.anchors.get(`${END_PREFIX}${id}`)?.page;
    if (start === undefined || end === undefined || end < start) {
      throw new UserError('export.printFailed', {}, `${part.key}: the category's first or last page was not found in the printed document`);
    }
    const own = new Map<string, AnchorPos>();
    for (const a of part.collector!.anchors) {
      const pos = printed.anchors.get(a);
      if (pos) own.set(a, { ...pos, page: pos.page - start });
    }
    part.pdf = { bytes: printed.bytes, first: start };
    part.pageCount = end - start + 1;
    part.anchors = settleHeadings(own, part.collector!.follow);
  }
}

/** The part of HostApi the export needs (shared/host), so the app prints through its host: Electron's printToPDF
 * in the desktop build, the web-mode print service in a browser. */
export interface PrintHost {
  printToPdf(req: { html: string; pageWidthMm: number; pageHeightMm: number; outline: boolean; jobId: string }): Promise<Uint8Array>;
  cancelPrint(jobId: string): Promise<void>;
}

/** A PrintFn over the host: one print request per part, cancelled through cancelPrint when the signal aborts. */
export function printViaHost(host: PrintHost, jobPrefix = `export-${Date.now().toString(36)}`): PrintFn {
  let n = 0;
  return async (job) => {
    const jobId = `${jobPrefix}-${++n}`;
    const onAbort = () => void host.cancelPrint(jobId);
    job.signal?.addEventListener?.('abort', onAbort);
    try {
      const pdf = await host.printToPdf({ html: job.html, pageWidthMm: job.pageWidthMm, pageHeightMm: job.pageHeightMm, outline: false, jobId });
      return { pdf };
    } finally {
      job.signal?.removeEventListener?.('abort', onAbort);
    }
  };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

async function printOrFail(print: PrintFn, job: PrintJob): Promise<PrintOutput> {
  try {
    return await print(job);
  } catch (e) {
    if (job.signal?.aborted) throw abortError();
    if (e instanceof UserError) throw e;
    throw new UserError('export.printFailed', {}, `${job.label}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function silentPagesOf(p: Part, profile: ResolvedProfile): number[] {
  if (p.kind === 'category' && p.opener) return profile.openerBlankVerso ? [0, 1] : [0];
  if (p.kind === 'title') return [0];
  return [];
}

function folioOnlyPagesOf(p: Part): number[] {
  return p.kind === 'toc' || p.kind === 'index' || p.kind === 'matter' ? [0] : [];
}

/** "区人民政府 · 民政 · 表6" style locations for preflight messages, by node id. */
function whereIndex(book: Book): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of allCategories(book)) {
    for (const s of c.sections) {
      const base = `${c.title} · ${s.title}`;
      out.set(s.id, base);
      const visit = (children: readonly { type: string; id: string; title?: string; blocks?: { id: string }[]; children?: unknown[] }[]) => {
        for (const ch of children) {
          if (ch.type === 'entry') {
            out.set(ch.id, `${base}【${ch.title ?? ''}】`);
            for (const b of ch.blocks ?? []) out.set(b.id, `${base}【${ch.title ?? ''}】`);
          } else if (ch.type === 'subsection') visit((ch.children ?? []) as never);
          else out.set(ch.id, base);
        }
      };
      visit(s.children as never);
    }
  }
  return out;
}
