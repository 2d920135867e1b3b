// The import review screen (导入): the files on the left, the source with colour marks beside the recognised
// outline, the line inspector (corrections) and the placement on the right, accept / cancel at the bottom.
import { useEffect, useId, useRef } from 'react';
import { useT } from '../context';
import { DraftHeader } from './DraftHeader';
import { DraftList } from './DraftList';
import { useImport, useSession } from './importContext';
import { LineInspector } from './LineInspector';
import { PlacementPicker } from './PlacementPicker';
import { RecognisedOutline } from './RecognisedOutline';
import { ReviewFooter } from './ReviewFooter';
import { SourceView } from './SourceView';

export function ImportReview() {
  const session = useSession();
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const active = useImport((s) => s.drafts.find((d) => d.id === s.activeId) ?? null);
  const count = useImport((s) => s.drafts.length);

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => prev?.focus?.();
  }, []);

  // Ctrl+V anywhere on the screen but in a text field: the pasted HTML (else text) becomes a draft.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || !e.clipboardData) return;
      const html = e.clipboardData.getData('text/html');
      const text = e.clipboardData.getData('text/plain');
      e.preventDefault();
      session.addPaste(html, text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [session]);

  return (
    <div
      ref={ref}
      className="imp-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          session.close();
        }
      }}
    >
      <header className="imp-head">
        <h2 id={titleId} className="imp-title">
          {t('importUi.title')}
        </h2>
        <Legend />
        <div className="imp-head-actions">
          <button type="button" className="button" onClick={() => void session.chooseFiles()}>
            {t('importUi.addFiles')}
          </button>
          <button type="button" className="button" onClick={() => void session.chooseFiles(true)}>
            {t('importUi.addFolder')}
          </button>
          <button type="button" className="button" title={t('importUi.pasteHint')} onClick={() => void session.pasteFromClipboard()}>
            {t('importUi.pasteButton')}
          </button>
          <button type="button" className="button is-quiet" aria-label={t('importUi.close')} title={t('importUi.close')} onClick={() => session.close()}>
            ✕
          </button>
        </div>
      </header>
      {count === 0 ? (
        <div className="imp-empty">
          <div className="imp-empty-card">
            <p className="imp-empty-title">{t('importUi.empty.title')}</p>
            <p className="muted">{t('importUi.empty.body')}</p>
            <p className="muted">{t('importUi.pasteHint')}</p>
            <div className="imp-empty-actions">
              <button type="button" className="button is-primary" onClick={() => void session.chooseFiles()}>
                {t('importUi.addFiles')}
              </button>
              <button type="button" className="button" onClick={() => void session.chooseFiles(true)}>
                {t('importUi.addFolder')}
              </button>
              <button type="button" className="button" onClick={() => void session.pasteFromClipboard()}>
                {t('importUi.pasteButton')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="imp-body">
          <DraftList />
          <section className="imp-main" aria-label={t('importUi.source')}>
            {active ? <DraftHeader draft={active} /> : null}
            <div className="imp-panes">
              {active?.result ? (
                <>
                  <SourceView draft={active} />
                  <RecognisedOutline draft={active} />
                </>
              ) : (
                <DraftPlaceholder />
              )}
            </div>
          </section>
          <aside className="imp-side">
            {active?.result ? (
              <>
                <PlacementPicker draft={active} />
                <LineInspector draft={active} />
              </>
            ) : null}
          </aside>
        </div>
      )}
      {count > 0 ? <ReviewFooter /> : null}
    </div>
  );
}

/** A text field, where Ctrl+V pastes into the field rather than importing. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The active file has no result yet (being read, failed, cancelled). */
function DraftPlaceholder() {
  const t = useT();
  const session = useSession();
  const d = useImport((s) => s.drafts.find((x) => x.id === s.activeId));
  if (!d) return null;
  return (
    <div className="imp-placeholder">
      {d.status === 'failed' && d.failure ? (
        <div className="imp-failure" role="alert">
          <strong>{t('importUi.status.failed')}</strong>
          <p>{t(d.failure.key, d.failure.params)}</p>
        </div>
      ) : d.status === 'cancelled' ? (
        <div>
          <p>{t('importUi.status.cancelled')}</p>
          <button type="button" className="button" onClick={() => session.retry(d.id)}>
            {t('importUi.retry')}
          </button>
        </div>
      ) : (
        <div className="imp-working" role="status">
          <span className="imp-spinner" aria-hidden="true" />
          {t(`importUi.status.${d.status === 'ready' ? 'recognising' : d.status}`)}
        </div>
      )}
    </div>
  );
}

/** The colours of the source lines; the 来稿原文 viewer shows it without doubts (they were settled on accepting). */
export function Legend({ doubts = true }: { doubts?: boolean }) {
  const t = useT();
  const items = [
    ['title', 'importUi.legend.title'],
    ['entry', 'importUi.legend.entry'],
    ['attribution', 'importUi.legend.attribution'],
    ['figure', 'importUi.legend.figure'],
    ['table', 'importUi.legend.table'],
    ['healed', 'importUi.legend.healed'],
    ['doubt', 'importUi.legend.doubt'],
    ['dropped', 'importUi.legend.dropped'],
  ] as const;
  return (
    <ul className="imp-legend" aria-label={t('importUi.legend')}>
      {items.filter(([k]) => doubts || k !== 'doubt').map(([k, label]) => (
        <li key={k} className={`imp-legend-item is-${k}`}>
          <span className="imp-swatch" aria-hidden="true" />
          {t(label)}
        </li>
      ))}
    </ul>
  );
}
