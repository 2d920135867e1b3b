// Tells the app where the caret is: the entry and the block (contract: onSelectionChange), only when that changes.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { EditorSelectionInfo } from '../contract';
import { $getBlockId } from '../state';
import { $entryTitleOf, $selectedTopLevel } from '../structure';

export function SelectionInfoPlugin(props: { onSelectionChange?(info: EditorSelectionInfo): void }): null {
  const [editor] = useLexicalComposerContext();
  const cb = useRef(props.onSelectionChange);
  useEffect(() => {
    cb.current = props.onSelectionChange;
  }, [props.onSelectionChange]);
  const last = useRef('');
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        if (!cb.current) return;
        const info = editorState.read((): EditorSelectionInfo => {
          const top = $selectedTopLevel();
          if (!top) return {};
          const entry = $entryTitleOf(top);
          const out: EditorSelectionInfo = {};
          const blockId = $getBlockId(top);
          if (blockId) out.blockId = blockId;
          const entryId = entry ? $getBlockId(entry) : '';
          if (entryId) out.entryId = entryId;
          return out;
        });
        const k = `${info.entryId ?? ''}|${info.blockId ?? ''}`;
        if (k === last.current) return;
        last.current = k;
        cb.current(info);
      }),
    [editor],
  );
  return null;
}
