// The files of the import, each with its state: waiting, reading, recognising, recognised (counts), not
// imported (the reason in Chinese), cancelled (recognise again).
import { formatSize } from '../../../shared/import';
import { useT } from '../context';
import { useImport, useSession } from './importContext';
import { BUSY, type Draft } from './importSession';

export function DraftList() {
  const t = useT();
  const drafts = useImport((s) => s.drafts);
  return (
    <nav className="imp-files" aria-label={t('importUi.files')}>
      <ul role="listbox" aria-label={t('importUi.files')} className="imp-file-list">
        {drafts.map((d) => (
          <DraftItem key={d.id} draft={d} />
        ))}
      </ul>
    </nav>
  );
}

function DraftItem({ draft: d }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const active = useImport((s) => s.activeId === d.id);
  const busy = BUSY.includes(d.status);
  return (
    <li
      role="option"
      aria-selected={active}
      className={`imp-file is-${d.status}${active ? ' is-active' : ''}`}
      data-file={d.name}
      tabIndex={0}
      onClick={() => session.activate(d.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          session.activate(d.id);
        }
      }}
    >
      <div className="imp-file-row">
        <span className="imp-file-name" title={d.relativePath ?? d.name}>
          {d.name}
        </span>
        <button
          type="button"
          className="imp-file-remove"
          aria-label={t('importUi.remove', { file: d.name })}
          title={t('importUi.remove', { file: d.name })}
          onClick={(e) => {
            e.stopPropagation();
            session.remove(d.id);
          }}
        >
          ✕
        </button>
      </div>
      <div className="imp-file-meta muted small">
        {d.relativePath ? `${d.relativePath.split('/').slice(0, -1).join('/')} · ` : ''}
        {formatSize(d.size)}
      </div>
      <div className="imp-file-status small">
        {busy ? (
          <>
            <span className="imp-spinner is-small" aria-hidden="true" />
            {t(`importUi.status.${d.status as 'queued' | 'reading' | 'recognising'}`)}
          </>
        ) : d.status === 'ready' && d.result ? (
          <span className="imp-ok">✓ {t('importUi.status.ready', { sections: d.result.report.counts.sections, entries: d.result.report.counts.entries })}</span>
        ) : d.status === 'failed' ? (
          <span className="imp-bad" role="alert">
            {d.failure ? t(d.failure.key, d.failure.params) : t('importUi.status.failed')}
          </span>
        ) : (
          <>
            <span className="muted">{t('importUi.status.cancelled')}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={(e) => {
                e.stopPropagation();
                session.retry(d.id);
              }}
            >
              {t('importUi.retry')}
            </button>
          </>
        )}
      </div>
      {busy ? <div className={`imp-bar is-${d.status}`} aria-hidden="true" /> : null}
    </li>
  );
}
