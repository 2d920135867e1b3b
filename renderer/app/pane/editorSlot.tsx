// Where the Lexical section editor (renderer/editor, the editor engineer's) plugs into the window. The app
// passes the section, the book context and the focus, receives every change (autosaved by the workbench), and
// keeps the editor's handle for the menu's editing commands (undo, redo, formatting, structure).
import { memo, useCallback } from 'react';
import type { SectionEditorHandle, SectionEditorProps } from '../../editor/contract';
import { SectionEditor } from '../../editor/SectionEditor';
import { useWorkbench } from '../context';

/** Re-rendered only when one of its props changes (the pane keeps them stable while the user types). */
export const SectionEditorSlot = memo(function SectionEditorSlot(props: Omit<SectionEditorProps, 'ref'>) {
  const wb = useWorkbench();
  const ref = useCallback((handle: SectionEditorHandle | null) => wb.setEditorHandle(handle), [wb]);
  return <SectionEditor {...props} ref={ref} />;
});
