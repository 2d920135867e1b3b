// 编辑说明统计: the counts an editor states in the 编辑说明 (categories, sections, entries, tables, figures,
// characters), the checker's findings per 10,000 characters (图书质量管理规定: at most one error per
// 10,000 characters) and what each author and unit contributed (entries, characters, photos — ENT-ATTRIB-REGISTRY),
// with the paragraph ready to copy.
import { useMemo, useState } from 'react';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb } from '../context';
import { formatNumber } from '../format';
import { useProblems, useProblemsController } from './controller';
import { summaryText } from './model';

export function SummaryDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const ctl = useProblemsController();
  const findings = useProblems((s) => s.findings);
  const status = useProblems((s) => s.status);
  const checks = useProblems((s) => s.checks);
  const locale = useWb((s) => s.view.locale);
  // Recomputed when a check completes (the model and the findings change together).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const summary = useMemo(() => ctl.summary(), [ctl, findings, checks]);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const text = summary ? summaryText(summary) : '';
  const n = (v: number) => formatNumber(v, locale);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch (e) {
      ctl.log('clipboard write failed', e);
      setCopied('failed');
    }
  };

  return (
    <Modal title={t('problems.summary.title')} onClose={onClose} wide>
      {!summary || (status !== 'ready' && checks === 0) ? (
        <p className="side-empty">{t('problems.summary.pending')}</p>
      ) : (
        <div className="sm-body">
          <p className="sm-intro">{t('problems.summary.intro')}</p>
          <div className="sm-grid">
            <section>
              <h3>{t('problems.summary.counts')}</h3>
              <dl className="facts sm-facts">
                <dt>{t('problems.summary.categories')}</dt>
                <dd data-count="categories">{n(summary.counts.categories)}</dd>
                <dt>{t('problems.summary.sections')}</dt>
                <dd data-count="sections">{n(summary.counts.sections)}</dd>
                <dt>{t('problems.summary.subsections')}</dt>
                <dd data-count="subsections">{n(summary.counts.subsections)}</dd>
                <dt>{t('problems.summary.entries')}</dt>
                <dd data-count="entries">{n(summary.counts.entries)}</dd>
                <dt>{t('problems.summary.tables')}</dt>
                <dd data-count="tables">{n(summary.counts.tables)}</dd>
                <dt>{t('problems.summary.figures')}</dt>
                <dd data-count="figures">{n(summary.counts.figures)}</dd>
                <dt>{t('problems.summary.characters')}</dt>
                <dd data-count="characters">{n(summary.counts.characters)}</dd>
              </dl>
            </section>
            <section>
              <h3>{t('problems.summary.findings')}</h3>
              <dl className="facts sm-facts">
                <dt>{t('problems.summary.errors')}</dt>
                <dd data-count="errors">{n(summary.findings.error)}</dd>
                <dt>{t('problems.summary.warnings')}</dt>
                <dd data-count="warnings">{n(summary.findings.warning)}</dd>
                <dt>{t('problems.summary.infos')}</dt>
                <dd data-count="infos">{n(summary.findings.info)}</dd>
                <dt>{t('problems.summary.per10k')}</dt>
                <dd data-count="per10k">{t('problems.summary.per10kValue', { value: summary.per10k.errors })}</dd>
              </dl>
              <p className={`sm-verdict${summary.acceptable ? ' is-ok' : ' is-bad'}`}>
                {t(summary.acceptable ? 'problems.summary.acceptable' : 'problems.summary.notAcceptable')}
              </p>
            </section>
          </div>
          <section>
            <h3>{t('problems.summary.contributors')}</h3>
            {summary.contributors.length ? (
              <div className="sm-people">
                <table aria-label={t('problems.summary.contributors')}>
                  <thead>
                    <tr>
                      <th>{t('problems.summary.contributor')}</th>
                      <th>{t('problems.summary.contributorKind')}</th>
                      <th className="num">{t('problems.summary.contributorEntries')}</th>
                      <th className="num">{t('problems.summary.contributorChars')}</th>
                      <th className="num">{t('problems.summary.contributorFigures')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.contributors.map((c) => (
                      <tr key={c.key} data-contributor={c.name}>
                        <td>{c.name}</td>
                        <td>{t(c.kind === 'unit' ? 'problems.summary.kind.unit' : 'problems.summary.kind.person')}</td>
                        <td className="num" data-col="entries">{n(c.entries)}</td>
                        <td className="num" data-col="characters">{n(c.characters)}</td>
                        <td className="num" data-col="figures">{n(c.figures)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="side-empty">{t('problems.summary.contributorsNone')}</p>
            )}
          </section>
          <textarea className="sm-text" readOnly value={text} rows={6} aria-label={t('problems.summary.title')} onFocus={(e) => e.currentTarget.select()} />
          {copied ? (
            <p className={`sm-copied${copied === 'failed' ? ' is-bad' : ''}`} role="status">
              {t(copied === 'ok' ? 'problems.summary.copied' : 'problems.summary.copyFailed')}
            </p>
          ) : null}
        </div>
      )}
      <div className="modal-buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('app.close')}
        </button>
        <button type="button" className="button is-primary" disabled={!summary} onClick={() => void copy()}>
          {t('problems.summary.copy')}
        </button>
      </div>
    </Modal>
  );
}
