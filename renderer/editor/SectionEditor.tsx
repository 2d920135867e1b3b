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
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type JSX, type ReactNode } from 'react';
import { t } from '../../shared/i18n';
import { ID_PREFIX, NUMBERING_START, randomId, sectionBlockList, sectionNumbering, type AssignedNumber, type NumberingState, type Section } from '../../shared/model';
import { $addCommentMark } from './actions/marks';
import { EDITOR_COMMANDS, type EditorCommandId } from './commands';
import type { BookFindRequest, EditorProblem, SectionEditorHandle, SectionEditorProps } from './contract';
import { commandState, relinkContributors, runCommand, trackHistory, type EditorController, type EditorDialog, type EditorUi } from './controller';
import { SectionReader } from './convert/reader';
import { $loadSection } from './convert/section';
import { EDITOR_NAMESPACE, EDITOR_NODES, EDITOR_THEME } from './editorConfig';
import { AttributionSuggestPlugin, type SuggestApi } from './plugins/AttributionSuggestPlugin';
import { CommentAnchorsPlugin } from './plugins/CommentAnchorsPlugin';
import { TableNumbersPlugin } from './plugins/TableNumbersPlugin';
import { ContextMenuPlugin } from './plugins/ContextMenuPlugin';
import { ProblemsPlugin } from './plugins/ProblemsPlugin';
import { RevealPlugin } from './plugins/RevealPlugin';
import { SectionSyncPlugin } from './plugins/SectionSyncPlugin';
import { SelectionInfoPlugin } from './plugins/SelectionInfoPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { StructurePlugin } from './plugins/StructurePlugin';
import { TableToolbarPlugin } from './plugins/TableToolbarPlugin';
import { CommentsPanel, commentAnchors } from './ui/CommentsPanel';
import { EditorDialogs } from './ui/Dialogs';
import { FindPanel } from './ui/FindPanel';
import { EditorEnvContext, FootnoteContext, NumbersContext, type EditorEnv } from './ui/EditorEnv';
import type { SectionSource } from './ui/FindPanel';
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
  private firstPending = 0;
  /** Listeners hear of a change once typing pauses (250 ms), or at least every 1.5 s while it goes on. */
  set(value: Section): void {
    this.value = value;
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstPending = now;
    const wait = now - this.firstPending > 1500 ? 0 : 250;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const fn of this.listeners) fn();
    }, wait);
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
  const { book, readOnly = false, reader, store, onChange, section, onSelectionChange, focus, ref, onZoomChange, problems } = props;
  const [editor] = useLexicalComposerContext();
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [ownZoom, setOwnZoom] = useState(1);
  const zoom = props.zoom ?? ownZoom;
  const pageRef = useRef<HTMLElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const suggestApi = useRef<SuggestApi | null>(null);

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  useEffect(() => trackHistory(editor), [editor]);

  // The latest props and UI state, for the controller (which is created once per editor).
  const latest = useRef({ book, zoom, panel, onZoomChange });
  useEffect(() => {
    latest.current = { book, zoom, panel, onZoomChange };
  });

  const canComment = !!book.saveComment;
  const controller = useMemo<EditorController>(() => {
    const ui: EditorUi = {
      openDialog: (d) => setDialog(d),
      openFind: (replace, initial) => setPanel((p) => ({ kind: 'find', replace, n: (p?.kind === 'find' ? p.n : 0) + 1, ...(initial ? { initial } : {}) })),
      toggleComments: () => setPanel((p) => (p?.kind === 'comments' ? null : { kind: 'comments', focus: null })),
      commentsOpen: () => latest.current.panel?.kind === 'comments',
      zoom: () => latest.current.zoom,
      setZoom: (z) => {
        setOwnZoom(z);
        latest.current.onZoomChange?.(z);
      },
      acceptAllSuggestions: () => suggestApi.current?.acceptAll() ?? 0,
      suggestionCount: () => suggestApi.current?.count() ?? 0,
      addComment: (text, name) => {
        const b = latest.current.book;
        if (!b.saveComment) return false;
        const id = randomId(ID_PREFIX.comment);
        let ok = false;
        editor.update(() => (ok = $addCommentMark(id)), { discrete: true });
        const author = name?.trim() || b.userName || t('editor.comments.defaultAuthor');
        if (ok && name?.trim() && b.setUserName) b.setUserName(name.trim());
        if (ok) b.saveComment({ id, author, text, createdAt: new Date().toISOString(), resolved: false });
        return ok;
      },
    };
    return { editor, readOnly, getSection: () => store.get(), contributors: () => latest.current.book.contributors, canComment, ui, book: () => latest.current.book };
  }, [editor, readOnly, store, canComment]);

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

  // Names newly added to the registry are linked in every attribution line of the section that has them.
  const knownContributors = useRef(book.contributors);
  useEffect(() => {
    const before = new Set(knownContributors.current.map((c) => c.id));
    knownContributors.current = book.contributors;
    const added = book.contributors.filter((c) => !before.has(c.id));
    if (added.length) relinkContributors(editor, book.contributors, added.map((c) => c.name));
  }, [editor, book.contributors]);

  // Ctrl+wheel zooms the page.
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      runCommand(controller, e.deltaY < 0 ? 'view.zoomIn' : 'view.zoomOut');
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [controller]);

  const env = useMemo<EditorEnv>(
    () => ({
      book,
      readOnly,
      comments: book.comments ?? [],
      ...(book.addContributor ? { addContributor: book.addContributor } : {}),
      openComment: (id: string) => setPanel({ kind: 'comments', focus: id }),
      revealFootnote: (id: string) => {
        const el = editor.getRootElement()?.querySelector(`[data-yb-id="${CSS.escape(id)}"]`);
        el?.scrollIntoView({ block: 'center' });
        el?.classList.add('yb-flash');
        setTimeout(() => el?.classList.remove('yb-flash'), 1200);
      },
    }),
    [book, readOnly, editor],
  );
  const openComment = useCallback((id: string) => setPanel({ kind: 'comments', focus: id }), []);
  const source = useMemo(() => ({ get: store.get, subscribe: store.subscribe }), [store]);

  return (
    <EditorEnvContext.Provider value={env}>
      <FootnoteNumbers source={source}>
      <TableFigureNumbers source={source} start={book.numbering?.start ?? NUMBERING_START} autoNumber={book.numbering?.autoNumber ?? false}>
      <div className="yb-editor" data-readonly={readOnly || undefined} style={{ '--yb-zoom': zoom } as CSSProperties}>
        {readOnly ? null : <Toolbar ctl={controller} />}
        <div className="yb-body">
          <div className="yb-scroller" ref={scrollerRef}>
            <article className="yb-page" lang="zh-CN" ref={pageRef}>
              <header className="yb-section-header">
                <h1 className="yb-section-title">{section.title}</h1>
                {section.titleEn ? <div className="yb-section-title-en">{section.titleEn}</div> : null}
                {section.article ? <ArticleMeta section={section} /> : null}
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
              <AttributionSuggestPlugin pageRef={pageRef} contributors={book.contributors} apiRef={suggestApi} readOnly={readOnly} />
              <TableToolbarPlugin ctl={controller} pageRef={pageRef} />
              <ProblemsPlugin problems={problems ?? NO_PROBLEMS} pageRef={pageRef} />
            </article>
          </div>
          {panel?.kind === 'find' ? (
            <FindPanel
              key={panel.n}
              source={source}
              replace={panel.replace}
              readOnly={readOnly}
              scrollerRef={scrollerRef}
              onClose={() => setPanel(null)}
              initial={panel.initial}
              onWholeBook={
                book.findInBook
                  ? (request) => {
                      setPanel(null);
                      book.findInBook?.(request);
                    }
                  : undefined
              }
            />
          ) : panel?.kind === 'comments' ? (
            <CommentsPanel source={source} focusId={panel.focus} readOnly={readOnly} onClose={() => setPanel(null)} />
          ) : null}
        </div>
        <StatusBar source={source}>
          {readOnly ? <span className="yb-readonly-badge">{t('editor.readOnly')}</span> : null}
          <button type="button" className="yb-status-btn" onClick={() => runCommand(controller, 'review.comments')} aria-pressed={panel?.kind === 'comments'}>
            <CommentCount source={source} />
          </button>
          <span className="yb-zoom">
            <button type="button" className="yb-status-btn" aria-label={t('editor.cmd.zoomOut')} onClick={() => runCommand(controller, 'view.zoomOut')}>
              －
            </button>
            <button type="button" className="yb-status-btn yb-zoom-value" title={t('editor.cmd.zoomReset')} onClick={() => runCommand(controller, 'view.zoomReset')}>
              {Math.round(zoom * 100)}%
            </button>
            <button type="button" className="yb-status-btn" aria-label={t('editor.cmd.zoomIn')} onClick={() => runCommand(controller, 'view.zoomIn')}>
              ＋
            </button>
          </span>
        </StatusBar>
        <EditorDialogs ctl={controller} dialog={dialog} onClose={() => setDialog(null)} />
      </div>
      </TableFigureNumbers>
      </FootnoteNumbers>
      <HistoryPlugin />
      <TablePlugin hasCellMerge hasTabHandler hasCellBackgroundColor={false} />
      <SectionSyncPlugin section={section} onChange={handleChange} reader={reader} />
      <SelectionInfoPlugin onSelectionChange={onSelectionChange} />
      <RevealPlugin focus={focus} />
      <StructurePlugin />
      <ShortcutsPlugin controller={controller} />
      <ContextMenuPlugin ctl={controller} />
      <CommentAnchorsPlugin comments={env.comments} onOpen={openComment} />
    </EditorEnvContext.Provider>
  );
}

const NO_PROBLEMS: readonly EditorProblem[] = [];

type Panel = { kind: 'find'; replace: boolean; n: number; initial?: Partial<BookFindRequest> } | { kind: 'comments'; focus: string | null };

/** Footnote numbers (the order of the footnote blocks), for the call-outs in the text. */
function FootnoteNumbers(props: { source: SectionSource; children: ReactNode }): JSX.Element {
  const current = useSyncExternalStore(props.source.subscribe, props.source.get);
  const key = useMemo(() => footnoteOrder(current).join(' '), [current]);
  const numbers = useMemo(() => new Map(key ? key.split(' ').map((id, i) => [id, i + 1] as const) : []), [key]);
  return <FootnoteContext.Provider value={numbers}>{props.children}</FootnoteContext.Provider>;
}

/**
 * Table and figure numbers of the section (shared/model numbering, from where the book's numbering stands at
 * the start of the section), for the figure views and the table captions.
 */
function TableFigureNumbers(props: { source: SectionSource; start: NumberingState; autoNumber: boolean; children: ReactNode }): JSX.Element {
  const current = useSyncExternalStore(props.source.subscribe, props.source.get);
  const { start, autoNumber } = props;
  // A text key of the numbers, so the map (and the figure views reading it) only changes when a number does.
  const key = useMemo(
    () =>
      [...sectionNumbering(current, autoNumber, start).numbers]
        .map(([id, n]) => `${id}\t${n.kind}\t${n.number}\t${n.auto ? 1 : 0}`)
        .join('\n'),
    [current, autoNumber, start],
  );
  const numbers = useMemo(
    () =>
      new Map<string, AssignedNumber>(
        key
          ? key.split('\n').map((line) => {
              const [id, kind, number, auto] = line.split('\t') as [string, AssignedNumber['kind'], string, string];
              return [id, { kind, number, auto: auto === '1' }];
            })
          : [],
      ),
    [key],
  );
  return (
    <NumbersContext.Provider value={numbers}>
      {props.children}
      <TableNumbersPlugin numbers={numbers} />
    </NumbersContext.Provider>
  );
}

function CommentCount(props: { source: SectionSource }): JSX.Element {
  const current = useSyncExternalStore(props.source.subscribe, props.source.get);
  const count = useMemo(() => commentAnchors(current).length, [current]);
  return <>{t('editor.status.comments', { count })}</>;
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
  return sectionBlockList(section)
    .filter((b) => b.type === 'footnote')
    .map((b) => b.id);
}
