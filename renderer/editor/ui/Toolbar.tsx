// The editor's toolbar: the most used commands as buttons, each showing its state (on, unavailable) and its
// shortcut in the tooltip. Buttons never take the focus away from the text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useReducer, type JSX, type ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n';
import { commandSpec, formatShortcut, type EditorCommandId } from '../commands';
import { commandState, runCommand, type EditorController } from '../controller';

export function useEditorTick(): number {
  const [editor] = useLexicalComposerContext();
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    // Shortly after the update, off the typing path (the frame showing the keystroke comes first).
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
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
      title={shortcut ? `${t(spec.label)}（${shortcut}）` : t(spec.label)}
      aria-label={t(spec.label)}
      data-command={id}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => runCommand(ctl, id)}
    >
      {props.children}
    </button>
  );
}

export function Toolbar(props: { ctl: EditorController; children?: ReactNode }): JSX.Element {
  const { ctl } = props;
  useEditorTick();
  return (
    <div className="yb-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="yb-tb-group">
        <ToolButton ctl={ctl} id="edit.undo">↶</ToolButton>
        <ToolButton ctl={ctl} id="edit.redo">↷</ToolButton>
      </div>
      <div className="yb-tb-group">
        <ToolButton ctl={ctl} id="block.paragraph">{t('editor.tb.paragraph')}</ToolButton>
        <ToolButton ctl={ctl} id="block.entryTitle" className="yb-tb-title">【{t('editor.tb.entryTitle')}】</ToolButton>
        <ToolButton ctl={ctl} id="block.subsection">· {t('editor.tb.subsection')} ·</ToolButton>
      </div>
      <div className="yb-tb-group">
        <ToolButton ctl={ctl} id="format.bold" className="yb-tb-bold">B</ToolButton>
        <ToolButton ctl={ctl} id="format.italic" className="yb-tb-italic">I</ToolButton>
        <ToolButton ctl={ctl} id="format.superscript">X²</ToolButton>
        <ToolButton ctl={ctl} id="format.subscript">X₂</ToolButton>
      </div>
      <div className="yb-tb-group" aria-label={t('editor.tb.attribution')}>
        <span className="yb-tb-label">{t('editor.tb.attribution')}</span>
        <ToolButton ctl={ctl} id="attribution.author">{t('editor.attribution.kind.author')}</ToolButton>
        <ToolButton ctl={ctl} id="attribution.unit">{t('editor.attribution.kind.unit')}</ToolButton>
        <ToolButton ctl={ctl} id="attribution.photo">{t('editor.tb.photo')}</ToolButton>
        <ToolButton ctl={ctl} id="attribution.reviewer">{t('editor.attribution.kind.reviewer')}</ToolButton>
      </div>
      <div className="yb-tb-group">
        <ToolButton ctl={ctl} id="insert.table">{t('editor.tb.table')}</ToolButton>
        <ToolButton ctl={ctl} id="insert.figure">{t('editor.tb.figure')}</ToolButton>
        <ToolButton ctl={ctl} id="insert.footnote">{t('editor.tb.footnote')}</ToolButton>
      </div>
      <div className="yb-tb-group">
        <ToolButton ctl={ctl} id="review.indexTerm">{t('editor.tb.indexTerm')}</ToolButton>
        {ctl.canComment ? <ToolButton ctl={ctl} id="review.comment">{t('editor.tb.comment')}</ToolButton> : null}
        <ToolButton ctl={ctl} id="find.replace">{t('editor.tb.find')}</ToolButton>
      </div>
      {props.children}
    </div>
  );
}
