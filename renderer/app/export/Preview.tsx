// 视图 › 版面预览: the open section (or its category) typeset by the export pipeline and shown page by page from
// the PDF it produced — running heads, folios, blank versos and all — with zoom and page navigation.
import { useEffect, useRef, useState } from 'react';
import type { ExportPage } from '../../../shared/export/pipeline';
import { useT } from '../context';
import { useStore } from '../store';
import type { ExportController, PreviewState } from './exportState';
import { openPdf, renderPage, type PdfDoc } from './pdfView';
import './export.css';

export const PREVIEW_ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2] as const;
const MM_TO_PX = 96 / 25.4;

export function Preview({ ctl }: { ctl: ExportController }) {
  const t = useT();
  const p = useStore(ctl.store, (s) => s.preview);
  const [zoom, setZoom] = useState<number>(0.8);
  const [current, setCurrent] = useState(0);
  /** What is being typed in the page box (null: it shows the current page). */
  const [typed, setTyped] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') ctl.closePreview();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl]);
  if (!p) return null;
  const total = p.pages.length;
  const goPage = (i: number) => {
    const n = Math.max(0, Math.min(total - 1, i));
    setCurrent(n);
    setTyped(null);
    bodyRef.current?.querySelector(`[data-page="${n}"]`)?.scrollIntoView({ block: 'start' });
  };
  const zi = PREVIEW_ZOOMS.findIndex((z) => z >= zoom - 1e-6);
  return (
    <div className="pv" role="dialog" aria-modal="true" aria-label={t('preview.title')}>
      <div className="pv-bar">
        <h2 className="pv-title">{t('preview.title')}</h2>
        <div className="pv-seg" role="group" aria-label={t('exportUi.scope')}>
          {(['section', 'category'] as const).map((k) => (
            <button key={k} type="button" className={`pv-seg-b${p.scopeKind === k ? ' is-on' : ''}`} aria-pressed={p.scopeKind === k} onClick={() => void ctl.openPreview(k)}>
              {t(k === 'section' ? 'preview.scope.section' : 'preview.scope.category')}
            </button>
          ))}
        </div>
        <span className="pv-label" data-testid="preview-label">
          {p.status === 'ready' && p.report
            ? t('preview.summary', { scope: p.label, pages: total, trim: p.report.trim.name, width: p.report.trim.width, height: p.report.trim.height })
            : p.label}
        </span>
        <span className="pv-spacer" />
        <div className="pv-nav">
          <button type="button" className="button is-small" aria-label={t('preview.prev')} disabled={p.status !== 'ready' || current <= 0} onClick={() => goPage(current - 1)}>
            ‹
          </button>
          <label className="pv-pageno">
            <span>{t('preview.page')}</span>
            <input
              aria-label={t('preview.goPage')}
              inputMode="numeric"
              value={typed ?? String(current + 1)}
              disabled={p.status !== 'ready'}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  const n = Number(typed ?? current + 1);
                  if (Number.isInteger(n)) goPage(n - 1);
                }
              }}
              onBlur={() => setTyped(null)}
            />
            <span>{t('preview.pageOf', { total })}</span>
          </label>
          <button type="button" className="button is-small" aria-label={t('preview.next')} disabled={p.status !== 'ready' || current >= total - 1} onClick={() => goPage(current + 1)}>
            ›
          </button>
        </div>
        <div className="pv-zoom">
          <button type="button" className="button is-small" aria-label={t('preview.zoomOut')} disabled={zi <= 0} onClick={() => setZoom(PREVIEW_ZOOMS[Math.max(0, zi - 1)]!)}>
            −
          </button>
          <span className="pv-zoom-v" aria-live="polite">
            {Math.round(zoom * 100)}%
          </span>
          <button
            type="button"
            className="button is-small"
            aria-label={t('preview.zoomIn')}
            disabled={zi >= PREVIEW_ZOOMS.length - 1}
            onClick={() => setZoom(PREVIEW_ZOOMS[Math.min(PREVIEW_ZOOMS.length - 1, zi + 1)]!)}
          >
            +
          </button>
        </div>
        <button type="button" className="button is-small" onClick={() => void ctl.openPreview(p.scopeKind)} disabled={p.status === 'running' || p.status === 'noSection'}>
          {t('preview.refresh')}
        </button>
        <button type="button" className="button is-small" onClick={() => ctl.exportFromPreview()} disabled={p.status === 'noSection'}>
          {t('preview.export')}
        </button>
        <button type="button" className="button is-small is-primary" onClick={() => ctl.closePreview()}>
          {t('preview.close')}
        </button>
      </div>
      <div className="pv-body" ref={bodyRef}>
        <PreviewBody p={p} zoom={zoom} bodyRef={bodyRef} onCurrent={setCurrent} />
      </div>
    </div>
  );
}

function PreviewBody({ p, zoom, bodyRef, onCurrent }: { p: PreviewState; zoom: number; bodyRef: React.RefObject<HTMLDivElement | null>; onCurrent(i: number): void }) {
  const t = useT();
  if (p.status === 'noSection') return <p className="pv-msg">{t('preview.noSection')}</p>;
  if (p.status === 'error') return <p className="pv-msg is-error" role="alert">{t('preview.failed', { message: p.message ?? '' })}</p>;
  if (p.status === 'running' || !p.pdf || !p.report) {
    const pct = Math.round((p.progress?.fraction ?? 0) * 100);
    return (
      <div className="pv-msg" role="status">
        <p>{t('preview.running')}</p>
        <div className="xp-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="xp-bar-fill" style={{ width: `${pct}%` }} />
        </div>
        <p className="xp-step">{p.progress ? t('exportUi.step', { label: p.progress.label, done: p.progress.done, total: p.progress.total }) : '\u00a0'}</p>
      </div>
    );
  }
  return <Pages key={p.epoch} pdf={p.pdf} pages={p.pages} widthMm={p.report.mediaBox.width} heightMm={p.report.mediaBox.height} zoom={zoom} bodyRef={bodyRef} onCurrent={onCurrent} />;
}

function Pages(props: {
  pdf: Uint8Array;
  pages: ExportPage[];
  widthMm: number;
  heightMm: number;
  zoom: number;
  bodyRef: React.RefObject<HTMLDivElement | null>;
  onCurrent(i: number): void;
}) {
  const { pdf, pages, zoom, bodyRef, onCurrent } = props;
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const task = openPdf(pdf);
    let live = true;
    task.promise.then(
      (d) => live && setDoc(d),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      task.destroy();
    };
  }, [pdf]);
  // The page at the top of the view is the current one (for the page number box).
  useEffect(() => {
    const root = bodyRef.current;
    if (!root) return;
    const onScroll = () => {
      const boxes = [...root.querySelectorAll<HTMLElement>('[data-page]')];
      const top = root.getBoundingClientRect().top;
      let best = 0;
      for (const b of boxes) {
        if (b.getBoundingClientRect().bottom - top > 40) {
          best = Number(b.dataset.page);
          break;
        }
      }
      onCurrent(best);
    };
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => root.removeEventListener('scroll', onScroll);
  }, [bodyRef, onCurrent]);
  const w = Math.round(props.widthMm * MM_TO_PX * zoom);
  const h = Math.round(props.heightMm * MM_TO_PX * zoom);
  if (failed) return <p className="pv-msg is-error">{failed}</p>;
  return (
    <div className="pv-pages">
      {pages.map((pg) => (
        <PageBox key={pg.index} page={pg} doc={doc} width={w} height={h} zoom={zoom} root={bodyRef} />
      ))}
    </div>
  );
}

function PageBox({ page, doc, width, height, zoom, root }: { page: ExportPage; doc: PdfDoc | null; width: number; height: number; zoom: number; root: React.RefObject<HTMLDivElement | null> }) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), { root: root.current, rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root]);
  useEffect(() => {
    if (!visible || !doc || !canvasRef.current) return;
    let live = true;
    renderPage(doc, page.index, canvasRef.current, zoom).then(
      (s) => live && setText(s),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [visible, doc, page.index, zoom]);
  const caption = [
    t('preview.pageLabel', { index: page.index + 1 }),
    page.kind === 'blank' ? t('preview.blank') : page.folio ? t('preview.folio', { folio: page.folio }) : t('preview.noFolio'),
    page.head ? t('preview.head', { head: page.head }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <figure className={`pv-page is-${page.side}`} data-page={page.index} data-folio={page.folio ?? ''} data-head={page.head ?? ''} ref={boxRef}>
      <div className="pv-sheet" style={{ width, height }}>
        <canvas ref={canvasRef} style={{ width, height }} aria-hidden="true" />
        {error ? <p className="pv-page-error">{t('preview.renderFailed', { index: page.index + 1 })}</p> : null}
        {text !== null ? (
          <div className="pv-text" data-testid="page-text">
            {text}
          </div>
        ) : null}
      </div>
      <figcaption className="pv-caption">{caption}</figcaption>
    </figure>
  );
}
