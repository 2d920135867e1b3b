// The right-click menu of the editor: the commands that make sense where the click was (structure, tagging
// attribution lines, index terms and comments on a selection, table commands inside a table), each with its
// shortcut. Keyboard: the context-menu key or Shift+F10 opens it at the caret; arrows, Enter, Escape.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { t } from '../../../shared/i18n';
import { commandSpec, formatShortcut, type EditorCommandId } from '../commands';
import { commandState, runCommand, type EditorController } from '../controller';
import { $tableAtCaret } from '../actions/table';

const GROUPS: EditorCommandId[][] = [
  ['block.entryTitle', 'block.paragraph', 'block.subsection', 'block.sectionLevel'],
  ['attribution.author', 'attribution.unit', 'attribution.photo', 'attribution.reviewer', 'attribution.untag'],
  ['review.indexTerm', 'review.removeIndexTerm', 'review.comment', 'insert.footnote'],
  ['figure.properties'],
];
const TABLE_GROUP: EditorCommandId[] = ['table.rowAbove', 'table.rowBelow', 'table.colLeft', 'table.colRight', 'table.deleteRow', 'table.deleteCol', 'table.merge', 'table.unmerge', 'table.headerRow', 'table.properties'];

export function ContextMenuPlugin(props: { ctl: EditorController }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const { ctl } = props;
  const [menu, setMenu] = useState<{ x: number; y: number; items: EditorCommandId[][] } | null>(null);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  const open = useCallback(
    (x: number, y: number) => {
      const inTable = editor.getEditorState().read(() => $tableAtCaret() !== null);
      const groups = (inTable ? [TABLE_GROUP, ...GROUPS] : GROUPS)
        .map((g) => g.filter((id) => commandState(ctl, id).enabled))
        .filter((g) => g.length);
      if (!groups.length) return;
      setActive(0);
      setMenu({ x, y, items: groups });
    },
    [ctl, editor],
  );

  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const onContext = (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea')) return;
      e.preventDefault();
      // The browser moves the caret to a right-click outside the selection; read the state after that.
      const { clientX, clientY } = e;
      setTimeout(() => open(clientX, clientY), 0);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault();
        const r = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : root.getBoundingClientRect();
        open(r.left, r.bottom);
      }
    };
    root.addEventListener('contextmenu', onContext);
    root.addEventListener('keydown', onKey);
    return () => {
      root.removeEventListener('contextmenu', onContext);
      root.removeEventListener('keydown', onKey);
    };
  }, [editor, open]);

  useEffect(() => {
    if (!menu) return;
    ref.current?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setMenu(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu]);

  if (!menu) return null;
  const flat = menu.items.flat();
  const run = (id: EditorCommandId) => {
    setMenu(null);
    editor.focus();
    runCommand(ctl, id);
  };
  const vw = typeof window !== 'undefined' ? window.innerWidth : 1000;
  const vh = typeof window !== 'undefined' ? window.innerHeight : 800;
  return (
    <div
      ref={ref}
      className="yb-context-menu"
      role="menu"
      tabIndex={-1}
      style={{ left: Math.min(menu.x, vw - 240), top: Math.min(menu.y, vh - flat.length * 28 - 40) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setMenu(null);
          editor.focus();
        } else if (e.key === 'ArrowDown') setActive((a) => (a + 1) % flat.length);
        else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + flat.length) % flat.length);
        else if (e.key === 'Enter') run(flat[active]!);
        else return;
        e.preventDefault();
      }}
    >
      {menu.items.map((group, gi) => (
        <div key={gi} className="yb-menu-group" role="group">
          {group.map((id) => {
            const spec = commandSpec(id);
            const st = commandState(ctl, id);
            return (
              <button
                type="button"
                role="menuitemcheckbox"
                aria-checked={st.checked ?? false}
                key={id}
                className={flat[active] === id ? 'yb-menu-item is-active' : 'yb-menu-item'}
                onMouseEnter={() => setActive(flat.indexOf(id))}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => run(id)}
              >
                <span className="yb-menu-check">{st.checked ? '✓' : ''}</span>
                <span className="yb-menu-label">{t(spec.label)}</span>
                <span className="yb-menu-key">{formatShortcut(spec.shortcut)}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
