// Review comments (批注) anchored in the open section: who wrote what, when; jump to the text it is about,
// edit, resolve or reopen, delete (which removes its anchors from the text too). Resolved comments stay
// listed, greyed, until deleted. The comment texts are book.comments, stored by the app (contract).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, $setSelection, type LexicalNode } from 'lexical';
import { useMemo, useState, useSyncExternalStore, type JSX } from 'react';
import { t } from '../../../shared/i18n';
import type { Comment, Mark, Section } from '../../../shared/model';
import { $deleteCommentAnchors } from '../actions/marks';
import { $isCommentMarkNode, type CommentMarkNode } from '../nodes/CommentMarkNode';
import { $isMarkPointNode } from '../nodes/MarkPointNode';
import { $offsetOf, $rangeSelection } from '../textmap';
import { $textBlockOf } from '../actions/marks';
import { useEditorEnv } from './EditorEnv';
import type { SectionSource } from './FindPanel';

/** Comment ids anchored in the section, in reading order, with the text they are about. */
export function commentAnchors(section: Section): { id: string; quote: string }[] {
  const out = new Map<string, string>();
  const marks = (text: string, ms: readonly Mark[]) => {
    for (const m of ms) if (m.type === 'comment' && !out.has(m.commentId)) out.set(m.commentId, text.slice(m.start, m.end));
  };
  const block = (b: Section['children'][number]) => {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'dated' || b.type === 'footnote') marks(b.text, b.marks);
    else if (b.type === 'table') for (const r of [...b.headerRows, ...b.bodyRows]) for (const c of r.cells) marks(c.text, c.marks);
    else if (b.type === 'entry') b.blocks.forEach(block);
    else if (b.type === 'subsection') b.children.forEach(block);
  };
  section.children.forEach(block);
  return [...out].map(([id, quote]) => ({ id, quote }));
}

function $anchorsOf(id: string): LexicalNode[] {
  const found: LexicalNode[] = [];
  const walk = (n: LexicalNode) => {
    if (($isCommentMarkNode(n) && n.getCommentId() === id) || ($isMarkPointNode(n) && n.getMark().type === 'comment' && (n.getMark() as { commentId: string }).commentId === id)) found.push(n);
    if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
  };
  walk($getRoot());
  return found;
}

export function CommentsPanel(props: { source: SectionSource; focusId: string | null; onClose(): void; readOnly: boolean }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const env = useEditorEnv();
  const section = useSyncExternalStore(props.source.subscribe, props.source.get);
  const anchors = useMemo(() => commentAnchors(section), [section]);
  const byId = useMemo(() => new Map((env.book.comments ?? []).map((c) => [c.id, c])), [env.book.comments]);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const save = env.book.saveComment;

  const reveal = (id: string) => {
    let key: string | null = null;
    editor.update(() => {
      const first = $anchorsOf(id)[0];
      if (!first) return;
      key = first.getKey();
      if ($isCommentMarkNode(first)) {
        const block = $textBlockOf(first);
        const start = block ? $offsetOf(block, (first as CommentMarkNode).getFirstDescendant() ?? first, 0) : null;
        if (block && start !== null) $setSelection($rangeSelection(block, start, start + first.getTextContentSize()));
      }
    });
    const el = key ? editor.getElementByKey(key) : null;
    el?.scrollIntoView({ block: 'center' });
  };

  const remove = (id: string) => {
    editor.update(() => void $deleteCommentAnchors(id));
    env.book.deleteComment?.(id);
  };

  return (
    <aside className="yb-comments" aria-label={t('editor.comments.title')}>
      <div className="yb-find-head">
        <strong>{t('editor.comments.title')}</strong>
        <span className="yb-find-count">{t('editor.comments.count', { count: anchors.length })}</span>
        <button type="button" className="yb-icon-btn" aria-label={t('editor.find.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      {anchors.length === 0 ? <p className="yb-comments-empty">{t('editor.comments.empty')}</p> : null}
      <ol className="yb-comment-list">
        {anchors.map(({ id, quote }) => {
          const c: Comment | undefined = byId.get(id);
          return (
            <li key={id} className={[c?.resolved ? 'is-resolved' : '', props.focusId === id ? 'is-focused' : ''].join(' ')} data-comment-id={id}>
              <button type="button" className="yb-comment-quote" onClick={() => reveal(id)}>
                “{quote}”
              </button>
              {editing === id ? (
                <div className="yb-comment-edit">
                  <textarea rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus aria-label={t('editor.comments.edit')} />
                  <div className="yb-modal-actions">
                    <button type="button" className="yb-btn" onClick={() => setEditing(null)}>
                      {t('editor.dialog.cancel')}
                    </button>
                    <button
                      type="button"
                      className="yb-btn is-primary"
                      onClick={() => {
                        if (c && save) save({ ...c, text: draft.trim() });
                        setEditing(null);
                      }}
                    >
                      {t('editor.dialog.ok')}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="yb-comment-body">
                  <div className="yb-comment-meta">
                    <span className="yb-comment-author">{c?.author ?? '—'}</span>
                    <span className="yb-comment-time">{c ? formatTime(c.createdAt) : ''}</span>
                    {c?.resolved ? <span className="yb-comment-state">{t('editor.comments.resolved')}</span> : null}
                  </div>
                  <div className="yb-comment-text">{c ? c.text : t('editor.comments.missing')}</div>
                </div>
              )}
              {!props.readOnly && c && save && editing !== id ? (
                <div className="yb-comment-actions">
                  <button type="button" className="yb-link-btn" onClick={() => (setEditing(id), setDraft(c.text))}>
                    {t('editor.comments.edit')}
                  </button>
                  <button type="button" className="yb-link-btn" onClick={() => save({ ...c, resolved: !c.resolved })}>
                    {c.resolved ? t('editor.comments.reopen') : t('editor.comments.resolve')}
                  </button>
                  <button type="button" className="yb-link-btn is-danger" onClick={() => remove(id)}>
                    {t('editor.comments.delete')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
