// Find and replace in the open section: plain text or regular expression, match case, full/half width.
// Every hit is listed with its context and, when replacing, what it will become; hits can be left out one by
// one. "全部替换" replaces the checked hits in one edit (one undo). The hits are highlighted in the page
// (CSS Custom Highlight API) and the current one is scrolled into view.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isElementNode, $setSelection, HISTORY_PUSH_TAG, type ElementNode, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type JSX } from 'react';
import { t } from '../../../shared/i18n';
import {
  findInSection,
  isUserError,
  replaceInSection,
  replacementOf,
  type FindHit,
  type FindQuery,
  type Section,
} from '../../../shared/model';
import { $applySectionText } from '../actions/find';
import type { BookFindRequest } from '../contract';
import { $findByModelId } from '../structure';
import { $cellParagraphs, $rangeSelection, $textPieces, domRangeFor, type TextPiece } from '../textmap';

export interface SectionSource {
  get(): Section;
  subscribe(fn: () => void): () => void;
}

const HL_ALL = 'yb-find';
const HL_CURRENT = 'yb-find-current';

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

/** The text pieces of a hit's field inside the editor (null for fields shown in node views). */
export function $piecesFor(hit: Pick<FindHit, 'nodeId' | 'field' | 'cell'>): { element: ElementNode; pieces: TextPiece[] } | null {
  const node = $findByModelId(hit.nodeId);
  if (!node || !$isElementNode(node)) return null;
  if (hit.field === 'text' || (hit.field === 'title' && node.getType() !== 'yb-table')) return { element: node, pieces: $textPieces(node, 'text') };
  if (hit.field === 'dateLabel') return { element: node, pieces: $textPieces(node, 'label') };
  if (hit.field === 'cell' && hit.cell) {
    const paragraphs = $cellParagraphs(node, hit.cell.row, hit.cell.col);
    const cell = paragraphs[0]?.paragraph.getParent<ElementNode>();
    if (!cell) return null;
    const pieces = paragraphs.flatMap(({ paragraph, start }) => $textPieces(paragraph).map((piece) => ({ ...piece, start: piece.start + start, end: piece.end + start })));
    return { element: cell, pieces };
  }
  return null;
}

function hitRange(editor: LexicalEditor, hit: FindHit): Range | null {
  return editor.getEditorState().read(() => {
    const p = $piecesFor(hit);
    if (p) return domRangeFor(editor, p.pieces, hit.start, hit.end);
    // Node views (figure caption, attribution names, table title …): the whole block.
    const node = $findByModelId(hit.nodeId);
    const el = node ? editor.getElementByKey(node.getKey()) : null;
    if (!el) return null;
    const r = el.ownerDocument.createRange();
    r.selectNodeContents(el);
    return r;
  });
}

export function FindPanel(props: {
  source: SectionSource;
  replace: boolean;
  readOnly: boolean;
  onClose(): void;
  scrollerRef: React.RefObject<HTMLElement | null>;
  /** A query to start with (handed back by the app's whole-book search). */
  initial?: Partial<BookFindRequest> | undefined;
  /** Switches to the app's whole-book search (scope 全书); absent when the app has none. */
  onWholeBook?: ((request: BookFindRequest) => void) | undefined;
}): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const section = useSyncExternalStore(props.source.subscribe, props.source.get);
  const init = props.initial;
  const [pattern, setPattern] = useState(init?.pattern ?? '');
  const [replacement, setReplacement] = useState(init?.replacement ?? '');
  const [regex, setRegex] = useState(init?.regex ?? false);
  const [matchCase, setMatchCase] = useState(init?.matchCase ?? false);
  const [matchWidth, setMatchWidth] = useState(init?.matchWidth ?? true);
  const [showReplace, setShowReplace] = useState(props.replace && !props.readOnly);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [message, setMessage] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [props.replace]);

  const query = useMemo<FindQuery>(() => ({ pattern, regex, matchCase, matchWidth }), [pattern, regex, matchCase, matchWidth]);
  const { hits, error } = useMemo(() => {
    try {
      return { hits: pattern ? findInSection(section, query) : [], error: '' };
    } catch (e) {
      return { hits: [] as FindHit[], error: isUserError(e) ? e.message : String(e) };
    }
  }, [section, query, pattern]);
  const active = hits.length ? Math.min(current, hits.length - 1) : -1;

  // Highlights in the page.
  useEffect(() => {
    const reg = registry();
    if (!reg) return;
    const paint = () => {
      const ranges = hits.map((h) => hitRange(editor, h));
      const all = ranges.filter((r): r is Range => r !== null);
      if (all.length) reg.set(HL_ALL, new Highlight(...all));
      else reg.delete(HL_ALL);
      const cur = active >= 0 ? ranges[active] : null;
      if (cur) reg.set(HL_CURRENT, new Highlight(cur));
      else reg.delete(HL_CURRENT);
    };
    paint();
    const off = editor.registerUpdateListener(() => requestAnimationFrame(paint));
    return () => {
      off();
      reg.delete(HL_ALL);
      reg.delete(HL_CURRENT);
    };
  }, [editor, hits, active]);

  const reveal = useCallback(
    (i: number) => {
      const hit = hits[i];
      if (!hit) return;
      setCurrent(i);
      const range = hitRange(editor, hit);
      const scroller = props.scrollerRef.current;
      if (range && scroller) {
        const r = range.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        if (r.top < s.top + 60 || r.bottom > s.bottom - 60) scroller.scrollBy({ top: r.top - s.top - s.height / 3 });
      }
      // Select the hit in the text so typing or Escape continues from there.
      editor.update(
        () => {
          const p = $piecesFor(hit);
          if (p && (hit.field === 'text' || hit.field === 'title' || hit.field === 'dateLabel')) {
            $setSelection($rangeSelection(p.element, hit.start, hit.end, hit.field === 'dateLabel' ? 'label' : 'text'));
          }
        },
        { tag: 'skip-scroll-into-view' },
      );
    },
    [editor, hits, props.scrollerRef],
  );

  const doReplace = (only: FindHit[]) => {
    if (!only.length) return;
    const keys = new Set(only.map((h) => h.key));
    let r: { value: Section; count: number };
    try {
      r = replaceInSection(props.source.get(), query, replacement, keys);
    } catch (e) {
      setMessage(isUserError(e) ? e.message : String(e));
      return;
    }
    editor.update(() => $applySectionText(r.value), { tag: HISTORY_PUSH_TAG, discrete: true });
    setMessage(t('editor.find.replaced', { count: r.count }));
  };

  const preview = (h: FindHit) => (showReplace ? replacementOf(h, query, replacement) : null);

  return (
    <aside className="yb-find" aria-label={t('editor.find.title')} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onClose(), editor.focus())}>
      <div className="yb-find-head">
        <strong>{showReplace ? t('editor.cmd.replace') : t('editor.cmd.find')}</strong>
        <span className="yb-find-count" data-testid="yb-find-count">
          {error ? '' : pattern ? t('editor.find.count', { count: hits.length }) : ''}
        </span>
        <button type="button" className="yb-icon-btn" aria-label={t('editor.find.close')} onClick={() => (props.onClose(), editor.focus())}>
          ×
        </button>
      </div>
      {props.onWholeBook ? (
        <div className="yb-find-scope" role="radiogroup" aria-label={t('bookFind.scope')}>
          <button type="button" role="radio" aria-checked="true" className="yb-scope is-current">
            {t('bookFind.scopeSection')}
          </button>
          <button
            type="button"
            role="radio"
            aria-checked="false"
            className="yb-scope"
            onClick={() => props.onWholeBook?.({ pattern, regex, matchCase, matchWidth, replacement, replace: showReplace })}
          >
            {t('bookFind.scopeBook')}
          </button>
        </div>
      ) : null}
      <input
        ref={inputRef}
        className="yb-find-input"
        value={pattern}
        placeholder={t('editor.find.placeholder')}
        aria-label={t('editor.find.placeholder')}
        onChange={(e) => {
          setPattern(e.target.value);
          setCurrent(0);
          setExcluded(new Set());
          setMessage('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            reveal(hits.length ? (e.shiftKey ? (active - 1 + hits.length) % hits.length : (active + 1) % hits.length) : 0);
          }
        }}
      />
      {showReplace ? (
        <input className="yb-find-input" value={replacement} placeholder={t('editor.find.replacement')} aria-label={t('editor.find.replacement')} onChange={(e) => setReplacement(e.target.value)} />
      ) : null}
      <div className="yb-find-options">
        <label className="yb-check">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('editor.find.regex')}
        </label>
        <label className="yb-check">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('editor.find.matchCase')}
        </label>
        <label className="yb-check">
          <input type="checkbox" checked={matchWidth} onChange={(e) => setMatchWidth(e.target.checked)} /> {t('editor.find.matchWidth')}
        </label>
        {!props.readOnly && !showReplace ? (
          <button type="button" className="yb-link-btn" onClick={() => setShowReplace(true)}>
            {t('editor.find.showReplace')}
          </button>
        ) : null}
      </div>
      {error ? <div className="yb-find-error" role="alert">{error}</div> : null}
      <div className="yb-find-actions">
        <button type="button" className="yb-btn" disabled={!hits.length} onClick={() => reveal((active - 1 + hits.length) % hits.length)}>
          {t('editor.find.prev')}
        </button>
        <button type="button" className="yb-btn" disabled={!hits.length} onClick={() => reveal((active + 1) % hits.length)}>
          {t('editor.find.next')}
        </button>
        {showReplace ? (
          <>
            <button type="button" className="yb-btn" disabled={active < 0} onClick={() => active >= 0 && doReplace([hits[active]!])}>
              {t('editor.find.replaceOne')}
            </button>
            <button type="button" className="yb-btn is-primary" disabled={!hits.some((h) => !excluded.has(h.key))} onClick={() => doReplace(hits.filter((h) => !excluded.has(h.key)))}>
              {t('editor.find.replaceAll', { count: hits.filter((h) => !excluded.has(h.key)).length })}
            </button>
          </>
        ) : null}
      </div>
      {message ? <div className="yb-find-message" role="status">{message}</div> : null}
      <ol className="yb-find-list">
        {hits.slice(0, 500).map((h, i) => {
          const rep = preview(h);
          return (
            <li key={h.key} className={i === active ? 'is-current' : undefined}>
              {showReplace ? (
                <input
                  type="checkbox"
                  aria-label={t('editor.find.include')}
                  checked={!excluded.has(h.key)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(h.key);
                    else next.add(h.key);
                    setExcluded(next);
                  }}
                />
              ) : null}
              <button type="button" className="yb-find-hit" onClick={() => reveal(i)}>
                <span className="yb-find-where">{t(`editor.find.field.${h.field}`)}</span>
                <span className="yb-find-ctx">
                  …{h.before}
                  <mark className={rep !== null ? 'is-old' : undefined}>{h.match}</mark>
                  {rep !== null ? <mark className="is-new">{rep}</mark> : null}
                  {h.after}…
                </span>
              </button>
            </li>
          );
        })}
        {hits.length > 500 ? <li className="yb-find-more">{t('editor.find.more', { count: hits.length - 500 })}</li> : null}
      </ol>
    </aside>
  );
}
