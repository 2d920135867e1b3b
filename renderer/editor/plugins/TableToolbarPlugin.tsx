// A small toolbar over the table the caret is in: rows and columns, merge and split, header rows, the table's
// properties (number, title, unit note, note), delete. The same commands are in the context menu and the app's
// menu; this bar just puts them where the eye is.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import { t, type MessageKey } from '../../../shared/i18n';
import { $tableAtCaret } from '../actions/table';
import type { EditorCommandId } from '../commands';
import type { EditorController } from '../controller';
import { buttonStateKey, ToolButton } from '../ui/Toolbar';

const BUTTONS: [EditorCommandId, MessageKey][] = [
  ['table.rowAbove', 'label.table.rowAbove'],
  ['table.rowBelow', 'label.table.rowBelow'],
  ['table.colLeft', 'label.table.colLeft'],
  ['table.colRight', 'label.table.colRight'],
  ['table.deleteRow', 'label.table.deleteRow'],
  ['table.deleteCol', 'label.table.deleteCol'],
  ['table.merge', 'label.table.merge'],
  ['table.unmerge', 'label.table.unmerge'],
  ['table.headerRow', 'label.table.headerRow'],
  ['table.properties', 'label.table.properties'],
  ['table.delete', 'label.table.delete'],
];

export function TableToolbarPlugin(props: { ctl: EditorController; pageRef: RefObject<HTMLElement | null> }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const { ctl, pageRef } = props;
  const [pos, setPos] = useState<{ key: string; top: number; tick: number } | null>(null);
  const ctlRef = useRef(ctl);
  useEffect(() => {
    ctlRef.current = ctl;
  }, [ctl]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let tick = 0;
    let shown = false;
    // Where the bar stands and what its buttons show: it renders again only when that changes (a React commit with
    // the caret in a long editable costs a walk over its whole text, see Toolbar's useEditorTick).
    let last = '';
    let activeEl: HTMLElement | null = null;
    const place = () => {
      timer = null;
      const key = editor.getEditorState().read(() => $tableAtCaret()?.getKey() ?? null);
      const el = key ? editor.getElementByKey(key) : null;
      const page = pageRef.current;
      // The table with the caret makes room above itself for the toolbar.
      if (activeEl !== el) {
        activeEl?.classList.remove('yb-table-active');
        activeEl = el && editor.isEditable() ? el : null;
        activeEl?.classList.add('yb-table-active');
      }
      if (!key || !el || !page || !editor.isEditable()) {
        if (shown) setPos(null);
        shown = false;
        last = '';
        return;
      }
      shown = true;
      const top = el.getBoundingClientRect().top - page.getBoundingClientRect().top;
      const states = BUTTONS.map(([id]) => buttonStateKey(ctlRef.current, id)).join('');
      const now = `${key}|${top}|${states}`;
      if (now === last) return;
      last = now;
      setPos({ key, top, tick: ++tick });
    };
    // Off the typing path: a moment after the update (the frame showing the keystroke comes first).
    const schedule = () => {
      if (!timer) timer = setTimeout(place, 50);
    };
    schedule();
    const off = editor.registerUpdateListener(schedule);
    return () => {
      off();
      if (timer) clearTimeout(timer);
      activeEl?.classList.remove('yb-table-active');
    };
  }, [editor, pageRef]);

  if (!pos || ctl.readOnly) return null;
  return (
    <div className="yb-table-toolbar" style={{ top: pos.top }} role="toolbar" aria-label={t('editor.tableToolbar')} data-tick={pos.tick}>
      {BUTTONS.map(([id, label]) => (
        <ToolButton key={id} ctl={ctl} id={id} className="yb-tb-small">
          {t(label)}
        </ToolButton>
      ))}
    </div>
  );
}
