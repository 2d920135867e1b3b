// The section editor: one 分目 on a page, edited as a yearbook editor reads it (【entry titles】, · subsections ·,
// body paragraphs, tables, figures, attribution lines). Implements SectionEditorProps (contract.ts); the app
// drives it through props and, for commands from its menu and palette, through the handle (ref).
import './fonts';
import './editor.css';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useCallback, useEffect, useImperativeHandle, useMemo, useSyncExternalStore, type JSX } from 'react';
import { t } from '../../shared/i18n';
import type { Section } from '../../shared/model';
import { EDITOR_COMMANDS, type EditorCommandId } from './commands';
import type { SectionEditorHandle, SectionEditorProps } from './contract';
import { commandState, runCommand, trackHistory, type EditorController } from './controller';
import { SectionReader } from './convert/reader';
import { $loadSection } from './convert/section';
import { EDITOR_NAMESPACE, EDITOR_NODES, EDITOR_THEME } from './editorConfig';
import { RevealPlugin } from './plugins/RevealPlugin';
import { SectionSyncPlugin } from './plugins/SectionSyncPlugin';
import { SelectionInfoPlugin } from './plugins/SelectionInfoPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { StructurePlugin } from './plugins/StructurePlugin';
import { EditorEnvContext, type EditorEnv } from './ui/EditorEnv';
import { StatusBar } from './ui/StatusBar';
import { Toolbar } from './ui/Toolbar';

/** The current section, for the parts of the UI that show counts — updated a moment after typing pauses. */
class SectionStore {
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(private value: Section) {}
  get = (): Section => this.value;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  set(value: Section): void {
    this.value = value;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const fn of this.listeners) fn();
    }, 150);
  }
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export function SectionEditor(props: SectionEditorProps): JSX.Element {
  return <SectionEditorSession key={props.section.id} {...props} />;
}

function SectionEditorSession(props: SectionEditorProps): JSX.Element {
  const { section, readOnly = false } = props;
  // One editor per section id (the key above): these are created once for its lifetime.
  const [reader, store, initialConfig] = useMemo(
    () => {
      const config: InitialConfigType = {
        namespace: EDITOR_NAMESPACE,
        nodes: EDITOR_NODES,
        theme: EDITOR_THEME,
        editable: !readOnly,
        onError: (error: Error) => {
          console.error('[editor]', error);
        },
        editorState: () => $loadSection(section),
      };
      return [new SectionReader(section), new SectionStore(section), config] as const;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => () => store.dispose(), [store]);
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} reader={reader} store={store} />
    </LexicalComposer>
  );
}

function EditorBody(props: SectionEditorProps & { reader: SectionReader; store: SectionStore }): JSX.Element {
  const { book, readOnly = false, reader, store, onChange, section, onSelectionChange, focus, ref } = props;
  const [editor] = useLexicalComposerContext();
  const current = useSyncExternalStore(store.subscribe, store.get);

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  useEffect(() => trackHistory(editor), [editor]);

  const controller = useMemo<EditorController>(
    () => ({ editor, readOnly, getSection: () => store.get() }),
    [editor, readOnly, store],
  );

  const handle = useMemo<SectionEditorHandle>(
    () => ({
      commands: EDITOR_COMMANDS,
      run: (id: EditorCommandId, args?: unknown) => runCommand(controller, id, args),
      state: (id: EditorCommandId) => commandState(controller, id),
      getSection: () => store.get(),
      focus: () => editor.focus(),
    }),
    [controller, editor, store],
  );
  useImperativeHandle(ref, () => handle, [handle]);

  const handleChange = useCallback(
    (s: Section) => {
      store.set(s);
      onChange(s);
    },
    [store, onChange],
  );

  const footnoteKey = useMemo(() => footnoteOrder(current).join(' '), [current]);
  const env = useMemo<EditorEnv>(
    () => ({
      book,
      readOnly,
      footnoteNumbers: new Map(footnoteKey ? footnoteKey.split(' ').map((id, i) => [id, i + 1] as const) : []),
      comments: [],
      ...(book.addContributor ? { addContributor: book.addContributor } : {}),
    }),
    [book, readOnly, footnoteKey],
  );

  return (
    <EditorEnvContext.Provider value={env}>
      <div className="yb-editor" data-readonly={readOnly || undefined}>
        {readOnly ? null : <Toolbar ctl={controller} />}
        <div className="yb-scroller">
          <article className="yb-page" lang="zh-CN">
            <header className="yb-section-header">
              <h1 className="yb-section-title">{current.title}</h1>
              {current.titleEn ? <div className="yb-section-title-en">{current.titleEn}</div> : null}
              {current.article ? <ArticleMeta section={current} /> : null}
            </header>
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="yb-content"
                  aria-label={t('editor.label')}
                  spellCheck={false}
                  aria-placeholder={t('editor.placeholder')}
                  placeholder={<div className="yb-placeholder">{t('editor.section.empty')}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </article>
        </div>
        <StatusBar section={current}>{readOnly ? <span className="yb-readonly-badge">{t('editor.readOnly')}</span> : null}</StatusBar>
      </div>
      <HistoryPlugin />
      <TablePlugin hasCellMerge hasTabHandler hasCellBackgroundColor={false} />
      <SectionSyncPlugin section={section} onChange={handleChange} reader={reader} />
      <SelectionInfoPlugin onSelectionChange={onSelectionChange} />
      <RevealPlugin focus={focus} />
      <StructurePlugin />
      <ShortcutsPlugin controller={controller} />
    </EditorEnvContext.Provider>
  );
}

function ArticleMeta(props: { section: Section }): JSX.Element | null {
  const a = props.section.article;
  if (!a) return null;
  return (
    <div className="yb-article-meta">
      {a.subtitle ? <div className="yb-article-subtitle">{a.subtitle}</div> : null}
      {a.speaker ? (
        <div className="yb-article-speaker">
          {a.speakerTitle ? `${a.speakerTitle} ` : ''}
          {a.speaker}
        </div>
      ) : null}
      {a.dateLine ? <div className="yb-article-date">{a.dateLine}</div> : null}
      {a.salutation ? <div className="yb-article-salutation">{a.salutation}</div> : null}
    </div>
  );
}

function footnoteOrder(section: Section): string[] {
  const out: string[] = [];
  const visit = (b: { type: string; id: string }) => {
    if (b.type === 'footnote') out.push(b.id);
  };
  for (const c of section.children) {
    if (c.type === 'entry') c.blocks.forEach(visit);
    else if (c.type === 'subsection') {
      for (const x of c.children) {
        if (x.type === 'entry') x.blocks.forEach(visit);
        else visit(x);
      }
    }
    else visit(c);
  }
  return out;
}
