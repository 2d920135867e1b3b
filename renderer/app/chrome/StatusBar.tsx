import { useT, useWb, useWorkbench } from '../context';
import { formatChars, formatClock, formatNumber } from '../format';
import { useMemo } from 'react';
import { buildTree } from '../outline/tree';

export function StatusBar() {
  const wb = useWorkbench();
  const t = useT();
  const save = useWb((s) => s.save);
  const busy = useWb((s) => s.busy);
  const outline = useWb((s) => s.outline);
  const openId = useWb((s) => s.open?.id ?? null);
  const locale = useWb((s) => s.view.locale);
  const zoom = useWb((s) => s.view.zoom);
  const shell = useWb((s) => s.appInfo?.shell ?? null);
  const persist = useWb((s) => s.persist);
  const totals = useMemo(() => buildTree(outline).totals, [outline]);
  const node = openId ? outline.find((n) => n.id === openId) : undefined;

  let saveText: string;
  let saveClass: string;
  switch (save.kind) {
    case 'saved':
      saveText = save.at ? t('app.status.savedAt', { time: formatClock(save.at, locale) }) : t('app.status.saved');
      saveClass = 'is-saved';
      break;
    case 'pending':
      saveText = t('app.status.pending');
      saveClass = 'is-pending';
      break;
    case 'saving':
      saveText = t('app.status.saving');
      saveClass = 'is-saving';
      break;
    case 'error':
      saveText = t('app.status.error');
      saveClass = 'is-error';
      break;
  }

  return (
    <footer className="statusbar" role="contentinfo">
      <span className={`status-save ${saveClass}`} role="status" aria-live="polite" data-save-state={save.kind}>
        <span className="status-dot" aria-hidden="true" />
        {saveText}
      </span>
      {busy ? <span className="status-busy">{t(busy)}</span> : null}
      {node ? (
        <span className="status-item">
          {t('app.status.section', { title: node.title, entries: node.counts.entries, chars: formatNumber(node.counts.characters, locale) })}
        </span>
      ) : null}
      <span className="status-spacer" />
      {outline.length ? (
        <span className="status-item">
          {t('app.status.book', { sections: totals.sections, entries: formatNumber(totals.entries, locale), chars: formatChars(totals.characters, locale) })}
        </span>
      ) : null}
      {persist === 'denied' ? (
        <span className="status-item is-warning" title={t('app.status.notPersistentHint')}>
          {t('app.status.notPersistent')}
        </span>
      ) : null}
      <button type="button" className="status-button" title={t('app.menu.zoomReset')} onClick={() => wb.zoom(0)}>
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        className="status-button"
        title={t('app.status.language')}
        onClick={() => void wb.setView({ locale: locale === 'zh' ? 'en' : 'zh' })}
      >
        {locale === 'zh' ? t('label.lang.zh') : t('label.lang.en')}
      </button>
      {shell ? <span className="status-item muted">{shell === 'web' ? t('app.status.web') : t('app.status.desktop')}</span> : null}
    </footer>
  );
}
