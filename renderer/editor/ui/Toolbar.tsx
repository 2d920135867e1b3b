// The editor's toolbar: the most used commands as buttons, each showing its state (on, unavailable) and its
// shortcut in the tooltip. Buttons never take the focus away from the text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useReducer, useRef, type JSX, type ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n';
import { commandSpec, formatShortcut, type EditorCommandId } from '../commands';
import { commandState, runCommand, type EditorController } from '../controller';

export function useEditorTick(signature?: () => string): number {
  const [editor] = useLexicalComposerContext();
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const sign = useRef(signature);
  // What the component shows now: taken after each of its renders, whatever caused it (a parent's render too).
  const shown = useRef<string | null>(null);
  useEffect(() => {
    sign.current = signature;
    shown.current = signature ? signature() : null;
  });
  useEffect(() => {
    // Shortly after the update, off the typing path (the frame showing the keystroke comes first). With a
    // signature, only when what it shows changed: a React commit while the caret is in this long editable walks
    // its whole text (React keeps the selection across commits), so a render that would change nothing is skipped.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const fn = sign.current;
        if (fn && fn() === shown.current) return;
        bump();
      }, 60);
    };
    const off = editor.registerUpdateListener(schedule);
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return tick;
}

export function ToolButton(props: { ctl: EditorController; id: EditorCommandId; children: ReactNode; label?: MessageKey; className?: string }): JSX.Element {
  const { ctl, id } = props;
  const spec = commandSpec(id);
  const st = commandState(ctl, id);
  const shortcut = formatShortcut(spec.shortcut);
  return (
    <button
      type="button"
      className={`yb-tb-btn ${props.className ?? ''}`}
      aria-pressed={st.checked === undefined ? undefined : st.checked}
      disabled={!st.enabled}
      title={shortcut ? t('label.withNote', { text: t(spec.label), note: shortcut }) : t(spec.label)}
      aria-label={t(spec.label)}
      data-command={id}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => runCommand(ctl, id)}
    >
      {props.children}
    </button>
  );
}

type ToolSpec = { id: EditorCommandId; face: () => ReactNode; className?: string };

/** The toolbar's buttons in their groups (the attribution group carries a label). */
const GROUPS: readonly { label?: MessageKey; tools: readonly ToolSpec[] }[] = [
  { tools: [{ id: 'edit.undo', face: () => '↶' }, { id: 'edit.redo', face: () => '↷' }] },
  {
    tools: [
      { id: 'block.paragraph', face: () => t('editor.tb.paragraph') },
      { id: 'block.entryTitle', face: () => `【${t('editor.tb.entryTitle')}】`, className: 'yb-tb-title' },
      { id: 'block.subsection', face: () => `· ${t('editor.tb.subsection')} ·` },
    ],
  },
  {
    tools: [
      { id: 'format.bold', face: () => 'B', className: 'yb-tb-bold' },
      { id: 'format.italic', face: () => 'I', className: 'yb-tb-italic' },
      { id: 'format.superscript', face: () => 'X²' },
      { id: 'format.subscript', face: () => 'X₂' },
    ],
  },
  {
    label: 'editor.tb.attribution',
    tools: [
      { id: 'attribution.author', face: () => t('editor.attribution.kind.author') },
      { id: 'attribution.unit', face: () => t('editor.attribution.kind.unit') },
      { id: 'attribution.photo', face: () => t('editor.tb.photo') },
      { id: 'attribution.reviewer', face: () => t('editor.attribution.kind.reviewer') },
    ],
  },
  {
    tools: [
      { id: 'insert.table', face: () => t('editor.tb.table') },
      { id: 'insert.figure', face: () => t('editor.tb.figure') },
      { id: 'insert.footnote', face: () => t('editor.tb.footnote') },
    ],
  },
  {
    tools: [
      { id: 'review.indexTerm', face: () => t('editor.tb.indexTerm') },
      { id: 'review.comment', face: () => t('editor.tb.comment') },
      { id: 'find.replace', face: () => t('editor.tb.find') },
    ],
  },
];

function shown(ctl: EditorController, tool: ToolSpec): boolean {
  return tool.id !== 'review.comment' || ctl.canComment;
}

/** What a command's button shows (available, pressed), as two characters, for a bar's render signature. */
export function buttonStateKey(ctl: EditorController, id: EditorCommandId): string {
  const st = commandState(ctl, id);
  return `${st.enabled ? 1 : 0}${st.checked === undefined ? '-' : st.checked ? 1 : 0}`;
}

/** What the buttons show, as one string: the toolbar renders again only when it changes. */
function toolbarSignature(ctl: EditorController): string {
  return GROUPS.flatMap((g) => g.tools.filter((tool) => shown(ctl, tool)).map((tool) => buttonStateKey(ctl, tool.id))).join('');
}

export function Toolbar(props: { ctl: EditorController; children?: ReactNode }): JSX.Element {
  const { ctl } = props;
  useEditorTick(() => toolbarSignature(ctl));
  return (
    <div className="yb-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {GROUPS.map((g, i) => (
        <div key={i} className="yb-tb-group" aria-label={g.label ? t(g.label) : undefined}>
          {g.label ? <span className="yb-tb-label">{t(g.label)}</span> : null}
          {g.tools
            .filter((tool) => shown(ctl, tool))
            .map((tool) => (
              <ToolButton key={tool.id} ctl={ctl} id={tool.id} {...(tool.className ? { className: tool.className } : {})}>
                {tool.face()}
              </ToolButton>
            ))}
        </div>
      ))}
      {props.children}
    </div>
  );
}
