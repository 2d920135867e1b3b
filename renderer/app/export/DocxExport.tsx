// 文件 › 导出 Word 文档 (file.exportDocx): registers the menu command and shows the scope dialog of the
// Word export (docxExport.ts). Uses the PDF dialog's form styles (export.css).
import { useEffect, useMemo } from 'react';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb, useWorkbench } from '../context';
import { useStore } from '../store';
import { DocxExportController, type DocxDialogState } from './docxExport';
import { scopeOf, useScopeCategories, type ScopeKind } from './scopeChoice';
import './export.css';

export function DocxExportFeature() {
  const wb = useWorkbench();
  const ctl = useMemo(() => new DocxExportController(wb), [wb]);
  useEffect(() => wb.registerCommand('file.exportDocx', () => ctl.openDialog()), [wb, ctl]);
  return <DocxDialog ctl={ctl} />;
}

function DocxDialog({ ctl }: { ctl: DocxExportController }) {
  const t = useT();
  const d = useStore(ctl.store, (s) => s.dialog);
  if (!d) return null;
  return (
    <Modal title={t('docx.ui.title')} onClose={() => ctl.close()}>
      <div className="xp" data-phase={d.phase.kind}>
        {d.phase.kind === 'running' ? (
          <p className="xp-status" role="status">
            {t('docx.ui.running')}
          </p>
        ) : (
          <Options ctl={ctl} d={d} />
        )}
      </div>
    </Modal>
  );
}

function Options({ ctl, d }: { ctl: DocxExportController; d: DocxDialogState }) {
  const t = useT();
  const outline = useWb((s) => s.outline);
  const categories = useScopeCategories(outline);
  const radio = (kind: ScopeKind, label: string, disabled = false) => (
    <label className={`xp-radio${disabled ? ' is-disabled' : ''}`}>
      <input type="radio" name="docx-scope" value={kind} checked={d.scopeKind === kind} disabled={disabled} onChange={() => ctl.setOptions({ scopeKind: kind })} />
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
      <p className="xp-note">{t('docx.ui.intro')}</p>
      {d.phase.kind === 'error' ? (
        <p className="xp-error" role="alert">
          {t('docx.ui.failed', { message: d.phase.message })}
        </p>
      ) : null}
      <fieldset className="xp-fieldset">
        <legend>{t('docx.ui.scope')}</legend>
        {radio('section', d.sectionTitle ? t('docx.ui.scope.sectionNamed', { title: d.sectionTitle }) : t('docx.ui.scope.sectionNone'), !d.sectionId)}
        <div className="xp-radio-row">
          {radio('category', t('docx.ui.scope.category'), categories.length === 0)}
          <select
            aria-label={t('docx.ui.scope.category')}
            value={d.categoryId ?? ''}
            onChange={(e) => ctl.setOptions({ categoryId: e.target.value, scopeKind: 'category' })}
            disabled={categories.length === 0}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {t('docx.ui.categoryOption', { title: c.title, sections: c.sections })}
              </option>
            ))}
          </select>
        </div>
        {radio('volume', t('docx.ui.scope.volume'))}
      </fieldset>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={() => ctl.close()}>
          {t('docx.ui.cancel')}
        </button>
        <button type="submit" className="button is-primary" disabled={scopeOf(d) === null}>
          {t('docx.ui.start')}
        </button>
      </div>
    </form>
  );
}
