// Reveals and selects a place the app asks for (contract: focus = node id + optional character range):
// an entry (its title), a block, or a range of a block's text; scrolls it to the middle and flashes it.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isElementNode, $setSelection, $createNodeSelection, $isDecoratorNode } from 'lexical';
import { useEffect } from 'react';
import type { EditorFocus } from '../contract';
import { $findByModelId } from '../structure';
import { $cellParagraphs, $rangeSelection } from '../textmap';

export function RevealPlugin(props: { focus?: EditorFocus }): null {
  const [editor] = useLexicalComposerContext();
  const { focus } = props;
  const nodeId = focus?.nodeId;
  const start = focus?.start;
  const end = focus?.end;
  const nonce = focus?.nonce;
  const field = focus?.field;
  const row = focus?.cell?.row;
  const col = focus?.cell?.col;
  useEffect(() => {
    if (!nodeId) return;
    let key: string | null = null;
    editor.update(
      () => {
        const node = $findByModelId(nodeId);
        if (!node) return;
        key = node.getKey();
        if ($isElementNode(node) && node.getType() !== 'yb-table') {
          const s = start ?? 0;
          $setSelection($rangeSelection(node, s, end ?? s, field === 'dateLabel' ? 'label' : 'text'));
        } else if ($isElementNode(node) && field === 'cell' && row !== undefined && col !== undefined) {
          // A range in a table cell (its paragraphs read as one text): selected in the paragraph where it starts.
          const s = start ?? 0;
          const at = $cellParagraphs(node, row, col).find(({ paragraph, start: p0 }) => s <= p0 + paragraph.getTextContentSize());
          if (at) $setSelection($rangeSelection(at.paragraph, s - at.start, Math.min((end ?? s) - at.start, at.paragraph.getTextContentSize())));
          else node.selectStart();
        } else if ($isDecoratorNode(node)) {
          const sel = $createNodeSelection();
          sel.add(node.getKey());
          $setSelection(sel);
        } else if ($isElementNode(node)) {
          node.selectStart();
        }
      },
      { discrete: true },
    );
    if (!key) return;
    const el = editor.getElementByKey(key);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    el.classList.add('yb-flash');
    const timer = setTimeout(() => el.classList.remove('yb-flash'), 1200);
    editor.focus(undefined, { defaultSelection: 'rootStart' });
    return () => clearTimeout(timer);
  }, [editor, nodeId, start, end, nonce, field, row, col]);
  return null;
}
