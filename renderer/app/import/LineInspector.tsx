// The selected source line: what it was read as, the doubts about it, and the corrections (条目标题 / 正文 /
// 署名 / 不是标题 …). A correction re-runs recognition with it; 恢复自动识别 takes it back. Below, every doubt
// of the file, each one a click away from its line.
import type { OverrideRole } from '../../../shared/import';
import { useT } from '../context';
import { useImport, useSession } from './importContext';
import type { Draft } from './importSession';
import { currentChoice, OVERRIDE_CHOICES } from './roles';

const MAX_DOUBTS = 200;

export function LineInspector({ draft }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const selected = useImport((s) => s.selectedLine);
  const report = draft.result!.report;
  const line = selected === null ? undefined : report.lines.find((l) => l.no === selected);
  const doubts = line ? report.uncertain.filter((u) => u.line === line.no) : [];
  const suggested = new Set(doubts.flatMap((u) => u.alternatives));
  const override = line ? draft.overrides.find((o) => o.line === line.no) : undefined;
  const current = override?.role ?? (line ? currentChoice(line.role) : null);
  const busy = draft.status !== 'ready';

  const choose = (role: OverrideRole) => line && session.setOverride(draft.id, line.no, role);

  return (
    <div className="imp-inspector">
      <section className="imp-panel" aria-label={line ? t('importUi.line', { line: line.no }) : t('importUi.line.none')}>
        {line ? (
          <>
            <h3 className="imp-panel-title">{t('importUi.line', { line: line.no })}</h3>
            <p className="imp-line-text">{line.text || '\u00a0'}</p>
            <p className="small">
              {t('importUi.line.role', { role: t(`import.role.${line.role}`) })}
              {line.overridden ? t('importUi.line.overridden') : ''}
            </p>
            {doubts.map((u, i) => (
              <p key={i} className="imp-doubt small">
                {t(u.reason, { line: u.line, ...u.params })}
              </p>
            ))}
            <div className="imp-choices" role="group" aria-label={t('importUi.line.changeTo')}>
              <span className="small muted">{t('importUi.line.changeTo')}</span>
              {OVERRIDE_CHOICES.map((role) => (
                <button
                  key={role}
                  type="button"
                  className={`imp-choice${current === role ? ' is-current' : ''}${suggested.has(role) ? ' is-suggested' : ''}`}
                  aria-pressed={current === role}
                  disabled={busy}
                  title={suggested.has(role) ? t('importUi.line.suggested') : undefined}
                  onClick={() => choose(role)}
                >
                  {t(`importUi.override.${role}`)}
                </button>
              ))}
            </div>
            {override ? (
              <button type="button" className="button is-small" disabled={busy} onClick={() => session.setOverride(draft.id, line.no, null)}>
                {t('importUi.line.restore')}
              </button>
            ) : null}
          </>
        ) : (
          <p className="muted small">{t('importUi.line.none')}</p>
        )}
      </section>
      <section className="imp-panel">
        <h3 className="imp-panel-title">{t('importUi.doubts', { count: report.uncertain.length })}</h3>
        {report.uncertain.length ? (
          <ul className="imp-doubts">
            {report.uncertain.slice(0, MAX_DOUBTS).map((u, i) => (
              <li key={i}>
                <button type="button" className={`imp-doubt-link${u.line === selected ? ' is-current' : ''}`} onClick={() => session.selectLine(u.line)}>
                  {t(u.reason, { line: u.line, ...u.params })}
                </button>
              </li>
            ))}
            {report.uncertain.length > MAX_DOUBTS ? <li className="muted small">{t('importUi.doubts.more', { count: report.uncertain.length - MAX_DOUBTS })}</li> : null}
          </ul>
        ) : (
          <p className="muted small">{t('importUi.doubts.none')}</p>
        )}
      </section>
    </div>
  );
}
