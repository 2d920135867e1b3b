// Selecting a block node view (figure, attribution line) by clicking it, as one object: the selection is a
// node selection, so Delete removes it, tagging commands apply to it, Enter adds a paragraph after it.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { CLICK_COMMAND, COMMAND_PRIORITY_LOW, type NodeKey } from 'lexical';
import { useCallback, useEffect, type MouseEvent } from 'react';

export function useBlockSelection(nodeKey: NodeKey): { selected: boolean; onMouseDown(e: MouseEvent): void } {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clear] = useLexicalNodeSelection(nodeKey);
  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const el = editor.getElementByKey(nodeKey);
          const target = event.target as HTMLElement | null;
          if (!el || !target || !el.contains(target)) return false;
          if (target.closest('input, textarea')) return false;
          if (!event.shiftKey) clear();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, nodeKey, setSelected, clear],
  );
  // The press keeps the text caret from moving into the view, but the editor takes the keyboard focus.
  const onMouseDown = useCallback(
    (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea')) return;
      e.preventDefault();
      editor.getRootElement()?.focus({ preventScroll: true });
    },
    [editor],
  );
  return { selected, onMouseDown };
}
