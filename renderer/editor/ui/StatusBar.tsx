// Counts of the open section (字数 as offices count them, characters, entries) and of the selection.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useMemo, type JSX, type ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import type { Section } from '../../../shared/model';
import { sectionTextCounts, textCounts } from '../counts';
import { useEditorTick } from './Toolbar';

export function StatusBar(props: { section: Section; children?: ReactNode }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const tick = useEditorTick();
  const counts = useMemo(() => sectionTextCounts(props.section), [props.section]);
  const selected = useMemo(() => {
    void tick;
    return editor.getEditorState().read(() => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel) || sel.isCollapsed()) return null;
      return textCounts(sel.getTextContent());
    });
  }, [editor, tick]);
  return (
    <div className="yb-status" role="status">
      <span data-testid="yb-words">{t('editor.status.words', { count: counts.words })}</span>
      <span>{t('editor.status.chars', { count: counts.chars })}</span>
      <span>{t('editor.status.entries', { count: counts.entries })}</span>
      {selected ? <span className="yb-status-sel">{t('editor.status.selection', { words: selected.words })}</span> : null}
      <span className="yb-status-spacer" />
      {props.children}
    </div>
  );
}
