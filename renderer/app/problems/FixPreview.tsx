// The preview of a "fix all" (every occurrence of a rule in a section or the book: where, before → after),
// applied as one book change with one undo; and the confirmation of a single fix that changes a quantity or a
// meaning (亩 → 公顷 with the converted number).
import { useState } from 'react';
import { findingMessage, fixLabelText, type Finding } from '../../../shared/validate';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb } from '../context';
import { ruleTitle, useProblemsController } from './controller';
import { whereLabel, type FixPlan } from './model';

/** Rows listed in the preview; the rest are counted (and fixed too). */
const LIST_LIMIT = 300;

function PreviewRow({ f, children }: { f: Finding; children?: React.ReactNode }) {
  const fix = f.fixes[0]!;
  const locale = useWb((s) => s.view.locale);
  return (
    <li className="fp-row" data-finding={f.id}>
      <div className="fp-where">
        {children}
        <span>{whereLabel(f)}</span>
        <span className="fp-label">{fixLabelText(fix, locale)}</span>
      </div>
      <div className="fp-before">{fix.preview.before}</div>
      <div className="fp-after">{fix.preview.after}</div>
    </li>
  );
}

export function FixAllDialog({ plan, onClose }: { plan: FixPlan; onClose(): void }) {
  const t = useT();
  const ctl = useProblemsController();
  const [confirmed, setConfirmed] = useState(false);
  const chosen = [...plan.auto, ...(confirmed ? plan.confirm : [])];
  const title = t(plan.sectionId ? 'problems.fixAll.sectionTitle' : 'problems.fixAll.bookTitle', { rule: ruleTitle(plan.ruleId) });
  return (
    <Modal title={title} onClose={onClose} wide>
      <div className="fp-dialog">
        {plan.auto.length ? (
          <>
            <p className="fp-intro">{t('problems.fixAll.intro', { count: plan.auto.length })}</p>
            <ol className="fp-list" aria-label={title}>
              {plan.auto.slice(0, LIST_LIMIT).map((f) => (
                <PreviewRow key={f.id} f={f} />
              ))}
            </ol>
            {plan.auto.length > LIST_LIMIT ? <p className="fp-more">{t('problems.fixAll.more', { count: plan.auto.length - LIST_LIMIT })}</p> : null}
          </>
        ) : plan.confirm.length ? null : (
          <p>{t('problems.fixAll.nothing')}</p>
        )}
        {plan.confirm.length ? (
          <>
            <p className="fp-intro">{t('problems.fixAll.confirmPart', { count: plan.confirm.length })}</p>
            <ol className="fp-list is-confirm">
              {plan.confirm.slice(0, LIST_LIMIT).map((f) => (
                <PreviewRow key={f.id} f={f}>
                  <span className="fp-flag">{t('problems.needsConfirm')}</span>
                </PreviewRow>
              ))}
            </ol>
            <label className="fp-check">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {t('problems.fixAll.includeConfirm', { count: plan.confirm.length })}
            </label>
          </>
        ) : null}
      </div>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="button is-primary" disabled={!chosen.length} onClick={() => void ctl.apply(chosen.map((f) => f.fixes[0]!), plan.ruleId)}>
          {t('problems.fixAll.apply', { count: chosen.length })}
        </button>
      </div>
    </Modal>
  );
}

export function ConfirmFixDialog({ finding, onClose }: { finding: Finding; onClose(): void }) {
  const t = useT();
  const ctl = useProblemsController();
  const locale = useWb((s) => s.view.locale);
  const fix = finding.fixes[0]!;
  return (
    <Modal title={t('problems.confirm.title')} onClose={onClose} wide>
      <div className="fp-dialog">
        <p className="fp-intro">{t('problems.confirm.body')}</p>
        <p className="fp-message">{findingMessage(finding, locale)}</p>
        <ol className="fp-list is-confirm">
          <PreviewRow f={finding} />
        </ol>
      </div>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="button is-primary" onClick={() => void ctl.fixOne(finding, true)}>
          {t('label.pair', { label: t('problems.confirm.apply'), value: fixLabelText(fix, locale) })}
        </button>
      </div>
    </Modal>
  );
}
