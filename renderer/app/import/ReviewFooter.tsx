// The bottom of the review: progress over all files with 取消, the summary, the record year the book will have
// (RecordYearField), 放弃导入 and 接受导入 (with the confirmation a replacement needs, and why accepting did not happen).
import { useT } from '../context';
import { useImport, useSession } from './importContext';
import { BUSY } from './importSession';
import { RecordYearField } from './RecordYearField';

export function ReviewFooter() {
  const t = useT();
  const session = useSession();
  const drafts = useImport((s) => s.drafts);
  const accepting = useImport((s) => s.accepting);
  const confirm = useImport((s) => s.confirmReplace);
  const problem = useImport((s) => s.acceptProblem);
  const busy = drafts.filter((d) => BUSY.includes(d.status));
  const ready = drafts.filter((d) => d.status === 'ready' && d.result);
  const failed = drafts.filter((d) => d.status === 'failed');
  const done = drafts.length - busy.length;
  const running = drafts.findIndex((d) => d.status === 'reading' || d.status === 'recognising');

  return (
    <footer className="imp-foot">
      <div className="imp-foot-status">
        {busy.length ? (
          <div className="imp-progress" role="status">
            <span>{t('importUi.progress', { current: (running >= 0 ? running : done) + 1, total: drafts.length })}</span>
            <progress max={drafts.length} value={done} aria-label={t('importUi.progress', { current: done + 1, total: drafts.length })} />
            <button type="button" className="button" onClick={() => session.cancel()}>
              {t('importUi.cancel')}
            </button>
          </div>
        ) : (
          <span className="small">{t('importUi.summary', { total: drafts.length, ready: ready.length, failed: failed.length })}</span>
        )}
        {problem ? (
          <span className="imp-bad small" role="alert">
            {t(problem.key, problem.params)}
          </span>
        ) : null}
      </div>
      {confirm ? (
        <div className="imp-confirm" role="alertdialog" aria-label={t('importUi.confirmReplace.ok')}>
          <span>{t('importUi.confirmReplace', { titles: confirm.map((x) => `“${x}”`).join('、') })}</span>
          <button type="button" className="button" onClick={() => session.store.set({ confirmReplace: null })}>
            {t('importUi.confirmReplace.back')}
          </button>
          <button type="button" className="button is-danger" onClick={() => void session.accept(true)}>
            {t('importUi.confirmReplace.ok')}
          </button>
        </div>
      ) : (
        <div className="imp-foot-buttons">
          <RecordYearField />
          <button type="button" className="button" onClick={() => session.close()} disabled={accepting}>
            {t('importUi.discard')}
          </button>
          <button type="button" className="button is-primary" disabled={accepting || busy.length > 0 || ready.length === 0} onClick={() => void session.accept()}>
            {accepting ? t('importUi.accepting') : ready.length > 1 ? t('importUi.acceptCount', { files: ready.length }) : t('importUi.accept')}
          </button>
        </div>
      )}
    </footer>
  );
}
