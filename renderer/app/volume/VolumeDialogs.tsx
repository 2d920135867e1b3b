// The dialogs of working on a volume, shown over the window when the workbench's dialog is one of theirs:
// 移动到…, 更改状态…, deleting an entry or subsection, the contributor registry editor.
import { useState } from 'react';
import type { Stage } from '../../../shared/model';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb, useWorkbench } from '../context';
import type { Dialog } from '../workbench';
import { ContributorDialog } from './ContributorDialog';
import { MoveDialog } from './MoveDialog';
import { nextStage, STAGE_KEYS, STAGES, stageTitle } from './stage';
import './volume.css';

export function VolumeDialogs() {
  const wb = useWorkbench();
  const dialog = useWb((s) => s.dialog);
  if (!dialog) return null;
  const close = () => wb.store.set({ dialog: null });
  switch (dialog.kind) {
    case 'moveNode':
      return <MoveDialog key={dialog.nodeId} nodeId={dialog.nodeId} onClose={close} />;
    case 'setStage':
      return <StageDialog key={dialog.sectionId} sectionId={dialog.sectionId} onClose={close} />;
    case 'deleteItem':
      return <DeleteItemDialog dialog={dialog} onClose={close} />;
    case 'contributor':
      return <ContributorDialog key={dialog.key} contributorKey={dialog.key} onClose={close} />;
    default:
      return null;
  }
}

/** 更改状态…: the next stage is proposed, signed with the editor's name (remembered) and the time. */
function StageDialog({ sectionId, onClose }: { sectionId: string; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const row = useWb((s) => s.outline.find((n) => n.id === sectionId));
  const remembered = useWb((s) => s.view.editorName);
  const locale = useWb((s) => s.view.locale);
  const stage = row?.stage ?? 'draft';
  const [choice, setChoice] = useState<Stage>(nextStage(stage));
  const [name, setName] = useState(remembered);
  if (!row) return null;
  return (
    <Modal title={t('volume.stage.title', { title: row.title })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void wb.setSectionStage(sectionId, choice, name).then((ok) => ok && onClose());
        }}
      >
        <p className="muted small">
          {t('label.lead', { label: t('volume.stage.current') })}
          {stageTitle(t, stage, row.stageBy, row.stageAt, locale)}
        </p>
        <div className="form-row">
          <label>
            <span>{t('volume.stage.stage')}</span>
            <select value={choice} autoFocus onChange={(e) => setChoice(e.target.value as Stage)}>
              {STAGES.map((k) => (
                <option key={k} value={k}>
                  {t(STAGE_KEYS[k])}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('volume.stage.by')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        </div>
        <div className="modal-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button is-primary">
            {t('app.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DeleteItemDialog({ dialog, onClose }: { dialog: Extract<Dialog, { kind: 'deleteItem' }>; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const entry = dialog.nodeKind === 'entry';
  return (
    <Modal title={t(entry ? 'volume.delete.entryTitle' : 'volume.delete.subsectionTitle', { title: dialog.title })} onClose={onClose}>
      <p>{entry ? t('volume.delete.entryBody') : t('volume.delete.subsectionBody', { entries: dialog.entries })}</p>
      <p className="muted small">{t('volume.delete.undoNote')}</p>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('app.cancel')}
        </button>
        <button type="button" className="button is-danger" onClick={() => void wb.deleteItem(dialog.nodeId)}>
          {t('app.dialog.delete')}
        </button>
      </div>
    </Modal>
  );
}
