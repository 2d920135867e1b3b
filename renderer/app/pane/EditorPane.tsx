// The middle of the window: the open 分目 in the section editor (renderer/editor, through its contract), or a
// front/back matter page; with a header showing where it sits in the book.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Section } from '../../../shared/model';
import type { EditorBookContext, EditorSelectionInfo } from '../../editor/contract';
import { useT, useWb, useWorkbench } from '../context';
import { formatChars } from '../format';
import { useProblems } from '../problems/controller';
import { editorProblems } from '../problems/model';
import { STAGE_KEYS } from '../volume/stage';
import { MatterView } from './MatterView';
import { SectionEditorSlot } from './editorSlot';
import { bookFindOf } from '../find/bookFind';
import { numberingBefore, sectionNumbers } from '../numbering';
import type { NodeRow } from '../../storage/schema';
import type { NumberingState } from '../../../shared/model';

export function EditorPane() {
  const wb = useWorkbench();
  const t = useT();
  const open = useWb((s) => s.open);
  const book = useWb((s) => s.book);
  const outline = useWb((s) => s.outline);
  const focus = useWb((s) => s.focus);
  const assetUrls = useWb((s) => s.assetUrls);
  const locale = useWb((s) => s.view.locale);
  const epoch = useWb((s) => s.editorEpoch);
  const editorName = useWb((s) => s.view.editorName);
  const paneRef = useRef<HTMLDivElement>(null);
  const findings = useProblems((s) => s.findings);
  const openSectionId = open?.kind === 'section' ? open.id : null;
  const problems = useMemo(() => (openSectionId ? editorProblems(findings, openSectionId, locale) : []), [findings, openSectionId, locale]);

  // Where the book's table and figure numbering stands at the start of the open section (the sections before it).
  const autoNumber = book?.shell.houseStyle.autoNumber ?? false;
  const numberingStart = useNumberingStart(outline, openSectionId, autoNumber);
  // A matter page (read-only) shows the book's numbers too, continuing from the sections before it.
  const openMatter = open?.kind === 'matter' ? open.matter : null;
  const matterNumbers = useMemo(() => (openMatter ? sectionNumbers(outline, openMatter, autoNumber) : new Map()), [outline, openMatter, autoNumber]);
  const context = useMemo<EditorBookContext | null>(
    () =>
      book
        ? {
            bookId: book.id,
            recordYear: book.recordYear,
            houseStyle: book.shell.houseStyle,
            contributors: book.shell.contributors,
            assets: book.shell.assets,
            assetUrl: (id: string) => assetUrls[id] ?? null,
            addContributor: (c) => void wb.addContributor(c),
            openContributor: (name, id) => wb.store.set({ dialog: { kind: 'contributor', key: id ?? name } }),
            assignUnit: (people, unit) => void wb.assignUnit(people, unit),
            comments: book.shell.comments,
            saveComment: (c) => void wb.saveComment(c),
            deleteComment: (id) => void wb.deleteComment(id),
            ...(editorName ? { userName: editorName } : {}),
            setUserName: (name) => void wb.setEditorName(name),
            numbering: { start: numberingStart, autoNumber },
            pickImage: async () => (await wb.pickImage())?.id ?? null,
            findInBook: (request) => bookFindOf(wb).open(request),
          }
        : null,
    [book, assetUrls, wb, editorName, numberingStart, autoNumber],
  );
  // The section the editor is given: a new one only when it changed outside the editor. What the editor reported
  // itself (every keystroke) goes into the workbench's state but not back into the editor, so typing does not
  // re-render the editor's React tree (toolbar, panels, node views) each time.
  const given = useEditorSection(open?.kind === 'section' ? open.section : null);
  const onChange = useCallback((s: Section) => wb.editSection(s), [wb]);
  const onSelection = useCallback((info: EditorSelectionInfo) => wb.setCaret(info), [wb]);

  // The read-only view of matter pages scrolls to the focused node itself; the editor does it through its focus prop.
  useEffect(() => {
    if (!focus || !paneRef.current || open?.kind !== 'matter') return;
    const el = paneRef.current.querySelector(`[data-node-id="${CSS.escape(focus.nodeId)}"]`);
    el?.scrollIntoView({ block: 'start' });
    el?.classList.add('is-flash');
    const timer = setTimeout(() => el?.classList.remove('is-flash'), 1200);
    return () => clearTimeout(timer);
  }, [focus, open?.kind]);

  if (!book) return null;
  if (!open) {
    return (
      <main className="editor-pane is-empty" ref={paneRef}>
        <div className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            {t('label.brandMark')}
          </div>
          <p>{outline.length ? t('app.editor.pick') : t('app.editor.emptyBook')}</p>
        </div>
      </main>
    );
  }
  const node = outline.find((n) => n.id === open.id);
  const category = node?.parentId ? outline.find((n) => n.id === node.parentId) : undefined;
  return (
    <main className="editor-pane" ref={paneRef} aria-label={t('app.editor.label')}>
      <header className="pane-header editor-header">
        <div className="crumbs">
          {category ? <span className="crumb">{category.title}</span> : null}
          {category ? <span className="crumb-sep">›</span> : null}
          <span className="crumb is-current">{open.kind === 'section' ? open.section.title : open.matter.title}</span>
        </div>
        {node ? (
          <div className="editor-meta">
            {node.kind === 'section' && node.stage ? <span className={`badge stage-${node.stage}`}>{t(STAGE_KEYS[node.stage])}</span> : null}
            <span>{t('app.editor.counts', { entries: node.counts.entries, chars: formatChars(node.counts.characters, locale) })}</span>
          </div>
        ) : null}
      </header>
      {open.kind === 'section' && context ? (
        <div className="editor-host">
          <SectionEditorSlot
            key={`${open.id}:${epoch}`}
            section={given ?? open.section}
            book={context}
            focus={focus}
            onChange={onChange}
            onSelectionChange={onSelection}
            problems={problems}
          />
        </div>
      ) : open.kind === 'matter' ? (
        <div className="editor-scroll">
          <div className="page">
            <MatterView matter={open.matter} assetUrls={assetUrls} numbers={matterNumbers} />
          </div>
        </div>
      ) : null}
    </main>
  );
}

/** The open section as handed to the editor: replaced only by a section the editor did not report itself. */
function useEditorSection(incoming: Section | null): Section | null {
  const wb = useWorkbench();
  const [given, setGiven] = useState(incoming);
  const replace = !!incoming && incoming !== given && (given?.id !== incoming.id || !wb.emittedByEditor(incoming));
  if (replace) setGiven(incoming); // derived state, set while rendering (React renders again at once)
  return replace ? incoming : given;
}

/** The numbering state at the start of the open section, kept as the same object while it does not change. */
function useNumberingStart(outline: readonly NodeRow[], sectionId: string | null, autoNumber: boolean): NumberingState {
  const computed = useMemo(() => (sectionId ? numberingBefore(outline, sectionId, autoNumber) : { table: 0, figure: 0 }), [outline, sectionId, autoNumber]);
  const table = computed.table;
  const figure = computed.figure;
  return useMemo(() => ({ table, figure }), [table, figure]);
}
