import { useT, useWb, useWorkbench } from '../context';

/** Messages at the bottom right: errors stay until closed, information goes away by itself. */
export function Notices() {
  const wb = useWorkbench();
  const t = useT();
  const notices = useWb((s) => s.notices);
  if (!notices.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice is-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-icon" aria-hidden="true">
            {n.kind === 'error' ? '!' : 'i'}
          </span>
          <span className="notice-text">{'raw' in n.text ? n.text.raw : t(n.text.key, n.text.params)}</span>
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                wb.dismiss(n.id);
                void wb.command(n.action!.command);
              }}
            >
              {t(n.action.label)}
            </button>
          )}
          <button type="button" className="notice-close" aria-label={t('app.close')} onClick={() => wb.dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
