// Mounts 来稿原文 in the window: the 视图 › 来稿原文 command (menu, command palette) and the viewer while the
// workbench's dialog is one of its.
import { useCallback, useEffect } from 'react';
import { useWb, useWorkbench } from '../context';
import { SourceDialog } from './SourceDialog';
import { showOpenSectionSource, SOURCE_COMMAND } from './sourceActions';

export function SourceFeature() {
  const wb = useWorkbench();
  useEffect(() => wb.registerCommand(SOURCE_COMMAND, () => showOpenSectionSource(wb)), [wb]);
  const sourceId = useWb((s) => (s.dialog?.kind === 'source' ? s.dialog.sourceId : null));
  const close = useCallback(() => {
    if (wb.state.dialog?.kind === 'source') wb.store.set({ dialog: null });
  }, [wb]);
  return sourceId ? <SourceDialog key={sourceId} sourceId={sourceId} onClose={close} /> : null;
}
