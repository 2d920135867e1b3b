// Counts of the open section (字数 as offices count them, characters, entries) and of the selection.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, useMemo, useState, useSyncExternalStore, type JSX, type ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import { whenIdle } from '../idle';
import { sectionTextCounts, textCounts, type TextCounts } from '../counts';
import type { SectionSource } from './FindPanel';
import { useEditorTick } from './Toolbar';

export function StatusBar(props: { source: SectionSource; children?: ReactNode }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const section = useSyncExternalStore(props.source.subscribe, props.source.get);
  // Counted after the page is on screen (a long section takes a few milliseconds), then per changed block.
  const [counts, setCounts] = useState<TextCounts | null>(null);
  useEffect(() => {
    return whenIdle(() => setCounts(sectionTextCounts(section)));
  }, [section]);
  // The selection's counts, read shortly after an update; the bar renders again only when they change.
  const tick = useEditorTick(() => JSON.stringify(selectionCounts(editor)));
  const selected = useMemo(() => {
    void tick;
    return selectionCounts(editor);
  }, [editor, tick]);
  return (
    <div className="yb-status" role="status">
      <span data-testid="yb-words">{counts ? t('editor.status.words', { count: counts.words }) : ''}</span>
      <span>{counts ? t('editor.status.chars', { count: counts.chars }) : ''}</span>
      <span>{counts ? t('editor.status.entries', { count: counts.entries }) : ''}</span>
      {selected ? <span className="yb-status-sel">{t('editor.status.selection', { words: selected.words })}</span> : null}
      <span className="yb-status-spacer" />
      {props.children}
    </div>
  );
}

function selectionCounts(editor: LexicalEditor): ReturnType<typeof textCounts> | null {
  return editor.getEditorState().read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel) || sel.isCollapsed()) return null;
    return textCounts(sel.getTextContent());
  });
}
