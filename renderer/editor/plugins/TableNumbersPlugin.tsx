// Shows each table's number (表N) in its caption, live: the numbers come from the section's numbering
// (TableFigureNumbers in SectionEditor, shared/model/numbering.ts). The caption is drawn by YbTableNode outside
// Lexical's managed DOM; this writes the number onto the table's block element (data-yb-number), which the
// node's caption reads whenever it is redrawn, and redraws the number at once when it changes.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { AssignedNumber } from '../../../shared/model';
import { $isYbTableNode, paintTableNumber, YbTableNode } from '../nodes/YbTableNode';
import { $getBlockId } from '../state';

function paint(editor: LexicalEditor, numbers: ReadonlyMap<string, AssignedNumber>): void {
  const tables: { key: string; id: string }[] = [];
  editor.getEditorState().read(() => {
    for (const n of $getRoot().getChildren()) if ($isYbTableNode(n)) tables.push({ key: n.getKey(), id: $getBlockId(n) });
  });
  for (const { key, id } of tables) {
    const el = editor.getElementByKey(key);
    if (el) paintTableNumber(el, numbers.get(id) ?? null);
  }
}

export function TableNumbersPlugin(props: { numbers: ReadonlyMap<string, AssignedNumber> }): null {
  const [editor] = useLexicalComposerContext();
  const numbers = useRef(props.numbers);
  useEffect(() => {
    numbers.current = props.numbers;
    paint(editor, props.numbers);
  }, [editor, props.numbers]);
  // A table created or redrawn since gets its number at once (the numbers themselves follow a moment later).
  useEffect(
    () =>
      editor.registerMutationListener(
        YbTableNode,
        (mutations) => {
          if ([...mutations.values()].some((m) => m === 'created')) paint(editor, numbers.current);
        },
        { skipInitialization: false },
      ),
    [editor],
  );
  return null;
}
