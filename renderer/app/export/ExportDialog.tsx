// 文件 › 导出 PDF: scope, print profile, press variant, check before export, progress with 取消, and the
// preflight report of the saved file.
import { Modal } from '../chrome/Dialogs';
import { useT, useWb } from '../context';
import { useStore } from '../store';
import type { ExportController, ExportDialogState, PressChoice } from './exportState';
import { scopeOf, useScopeCategories, type ScopeKind } from './scopeChoice';
import { profileChoices } from './exportRun';
import { PreflightReportView } from './PreflightReport';
import './export.css';

export function ExportDialog({ ctl }: { ctl: ExportController }) {
  const t = useT();
  const d = useStore(ctl.store, (s) => s.dialog);
  if (!d) return null;
  const phase = d.phase;
  const title =
    phase.kind === 'confirm' ? t('exportUi.confirm.title', { count: phase.total }) : phase.kind === 'done' ? t('exportUi.done.title') : t('exportUi.title');
  return (
    <Modal title={title} onClose={() => ctl.cancel()} wide>
      <div className="xp" data-phase={phase.kind}>
        {phase.kind === 'options' || phase.kind === 'error' ? <Options ctl={ctl} d={d} /> : null}
        {phase.kind === 'checking' ? <p className="xp-status" role="status">{t('exportUi.checking')}</p> : null}
        {phase.kind === 'confirm' ? <Confirm ctl={ctl} phase={phase} /> : null}
        {phase.kind === 'running' ? <Running ctl={ctl} phase={phase} /> : null}
        {phase.kind === 'saving' ? <p className="xp-status" role="status">{t('exportUi.saving')}</p> : null}
        {phase.kind === 'done' ? <Done ctl={ctl} phase={phase} /> : null}
      </div>
    </Modal>
  );
}

function Options({ ctl, d }: { ctl: ExportController; d: ExportDialogState }) {
  const t = useT();
  const outline = useWb((s) => s.outline);
  const book = useWb((s) => s.book);
  const canPress = useWb((s) => s.appInfo?.canPressPdf === true);
  const categories = useScopeCategories(outline);
  const profile = book?.shell.printProfile;
  const scopeOk = scopeOf(d) !== null;
  const radio = (kind: ScopeKind, label: string, disabled = false) => (
    <label className={`xp-radio${disabled ? ' is-disabled' : ''}`}>
      <input type="radio" name="xp-scope" value={kind} checked={d.scopeKind === kind} disabled={disabled} onChange={() => ctl.setOptions({ scopeKind: kind })} />
      <span>{label}</span>
    </label>
  );
  return (
    <form
      className="form xp-form"
      onSubmit={(e) => {
        e.preventDefault();
        void ctl.start();
      }}
    >
      {d.phase.kind === 'error' ? (
        <p className="xp-error" role="alert">
          {t('exportUi.failed', { message: d.phase.message })}
        </p>
      ) : null}
      <fieldset className="xp-fieldset">
        <legend>{t('exportUi.scope')}</legend>
        {radio('section', d.sectionTitle ? t('label.pair', { label: t('exportUi.scope.section'), value: d.sectionTitle }) : t('exportUi.scope.sectionNone'), !d.sectionId)}
        <div className="xp-radio-row">
          {radio('category', t('exportUi.scope.category'), categories.length === 0)}
          <select
            aria-label={t('exportUi.scope.category')}
            value={d.categoryId ?? ''}
            onChange={(e) => ctl.setOptions({ categoryId: e.target.value, scopeKind: 'category' })}
            disabled={categories.length === 0}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {t('label.withNote', { text: c.title, note: c.sections })}
              </option>
            ))}
          </select>
        </div>
        {radio('volume', t('exportUi.scope.volume'))}
      </fieldset>
      <label>
        <span>{t('exportUi.profile')}</span>
        <select value={d.profileId} onChange={(e) => ctl.setOptions({ profileId: e.target.value })}>
          {profileChoices().map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === 'book' && profile ? t('exportUi.profile.book', { trim: profile.trimName, columns: profile.columns }) : p.label}
            </option>
          ))}
        </select>
      </label>
      {canPress ? (
        <label>
          <span>{t('exportUi.press')}</span>
          <select value={d.press} onChange={(e) => ctl.setOptions({ press: e.target.value as PressChoice })}>
            <option value="none">{t('exportUi.press.none')}</option>
            <option value="gray">{t('exportUi.press.gray')}</option>
            <option value="cmyk">{t('exportUi.press.cmyk')}</option>
          </select>
        </label>
      ) : (
        <p className="xp-note">{t('exportUi.press.unavailable')}</p>
      )}
      <label className="xp-check">
        <input type="checkbox" checked={d.checkFirst} onChange={(e) => ctl.setOptions({ checkFirst: e.target.checked })} />
        <span>{t('exportUi.checkFirst')}</span>
      </label>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={() => ctl.cancel()}>
          {t('exportUi.cancel')}
        </button>
        <button type="submit" className="button is-primary" disabled={!scopeOk}>
          {t('exportUi.start')}
        </button>
      </div>
    </form>
  );
}

function Confirm({ ctl, phase }: { ctl: ExportController; phase: Extract<ExportDialogState['phase'], { kind: 'confirm' }> }) {
  const t = useT();
  return (
    <div className="xp-confirm">
      <p>{t('exportUi.confirm.body', { scope: phase.scope })}</p>
      <ul className="xp-errors" aria-label={t('exportUi.confirm.title', { count: phase.total })}>
        {phase.errors.map((e) => (
          <li key={e.id}>
            <button type="button" className="xp-error-item" disabled={!e.target} onClick={() => void ctl.goTo(e)} title={t('exportUi.goTo')}>
              <span className="xp-error-msg">{e.message}</span>
              {e.where ? <span className="xp-error-where">{e.where}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {phase.total > phase.errors.length ? <p className="xp-note">{t('exportUi.confirm.more', { count: phase.total - phase.errors.length })}</p> : null}
      <div className="modal-buttons">
        <button type="button" className="button" onClick={() => ctl.cancel()}>
          {t('exportUi.cancel')}
        </button>
        <button type="button" className="button is-primary" onClick={() => void ctl.exportAnyway()}>
          {t('exportUi.confirm.go')}
        </button>
      </div>
    </div>
  );
}

function Running({ ctl, phase }: { ctl: ExportController; phase: Extract<ExportDialogState['phase'], { kind: 'running' }> }) {
  const t = useT();
  const p = phase.progress;
  const pct = Math.round((p?.fraction ?? 0) * 100);
  return (
    <div className="xp-running">
      <p className="xp-status" role="status" aria-live="polite">
        {phase.cancelling ? t('exportUi.cancelling') : t('exportUi.running', { scope: phase.scope })}
      </p>
      <div className="xp-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="xp-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="xp-step">{p ? t('exportUi.step', { label: p.label, done: p.done, total: p.total }) : '\u00a0'}</p>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={() => ctl.cancel()} disabled={phase.cancelling}>
          {t('exportUi.cancel')}
        </button>
      </div>
    </div>
  );
}

function Done({ ctl, phase }: { ctl: ExportController; phase: Extract<ExportDialogState['phase'], { kind: 'done' }> }) {
  const t = useT();
  return (
    <div className="xp-done">
      <p className={`xp-saved${phase.fileName ? '' : ' is-warning'}`} role="status">
        {phase.fileName ? t('exportUi.done.saved', { file: phase.fileName }) : t('exportUi.done.notSaved')}
      </p>
      <PreflightReportView report={phase.report} />
      <div className="modal-buttons">
        <button type="button" className="button" onClick={() => void ctl.save()}>
          {t('exportUi.done.saveAgain')}
        </button>
        <button type="button" className="button is-primary" onClick={() => ctl.cancel()}>
          {t('exportUi.close')}
        </button>
      </div>
    </div>
  );
}
