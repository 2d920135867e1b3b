// Writing a decorator node's model data from its React view, as one undoable editor update.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useCallback } from 'react';
import { $patchBlockData, type BlockData } from '../state';

export function useNodeDataPatch(nodeKey: NodeKey): (patch: BlockData) => void {
  const [editor] = useLexicalComposerContext();
  return useCallback(
    (patch: BlockData) => {
      editor.update(() => {
        const node = $getNodeByKey(nodeKey);
        if (node) $patchBlockData(node, patch);
      });
    },
    [editor, nodeKey],
  );
}
