// The side panel's 批注 tab: the review comments of the open section (book.comments anchored by comment marks
// in its text), in reading order, with author and time; click to go to the commented text, resolve or reopen,
// delete (the anchors go through the editor, so the deletion is in its undo history; the comment text is removed
// from the book). New comments are added in the editor (格式 › 添加批注…, Ctrl+Alt+M).
import { useMemo, useState } from 'react';
import { sectionComments, type Comment } from '../../../shared/model';
import { useT, useWb, useWorkbench } from '../context';
import { formatTime } from '../format';
import './bookTools.css';

export function CommentsTab() {
  const wb = useWorkbench();
  const t = useT();
  const open = useWb((s) => s.open);
  const comments = useWb((s) => s.book?.shell.comments);
  const locale = useWb((s) => s.view.locale);
  const [showResolved, setShowResolved] = useState(true);
  const [confirm, setConfirm] = useState<string | null>(null);
  const section = open?.kind === 'section' ? open.section : null;
  const list = useMemo(() => (section && comments ? sectionComments({ comments }, section) : []), [section, comments]);
  if (!section) return <p className="side-empty">{t('commentsTab.nothingOpen')}</p>;
  const openCount = list.filter((x) => !x.comment.resolved).length;
  const shown = showResolved ? list : list.filter((x) => !x.comment.resolved);

  const resolve = (c: Comment) => void wb.saveComment({ ...c, resolved: !c.resolved });
  const remove = (id: string) => {
    setConfirm(null);
    // The editor removes the anchors (one undo step) and asks the app to delete the comment.
    if (!wb.editor?.run('review.deleteComment', id)) void wb.deleteComment(id);
  };

  return (
    <section className="card comments-tab" aria-label={t('commentsTab.title')}>
      <div className="card-kicker">{t('commentsTab.title')}</div>
      {list.length === 0 ? (
        <p className="muted">{t('commentsTab.empty')}</p>
      ) : (
        <>
          <div className="comments-tab-head">
            <span className="muted small">{t('commentsTab.count', { count: list.length, open: openCount })}</span>
            <label className="check small">
              <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('commentsTab.showResolved')}
            </label>
          </div>
          <ol className="comment-cards">
            {shown.map(({ comment: c, anchor }) => (
              <li key={c.id} className={c.resolved ? 'comment-card is-resolved' : 'comment-card'} data-comment-id={c.id}>
                <button
                  type="button"
                  className="comment-quote"
                  title={t('commentsTab.jump')}
                  onClick={() => void wb.goTo({ sectionId: section.id, nodeId: anchor.nodeId, start: anchor.start, end: anchor.end, ...(anchor.cell ? { field: 'cell' as const, cell: anchor.cell } : {}) })}
                >
                  “{anchor.quote}”
                </button>
                <div className="comment-meta">
                  <span className="comment-author">{c.author}</span>
                  <span className="muted small">{formatTime(c.createdAt, locale)}</span>
                  {c.resolved ? <span className="badge">{t('commentsTab.resolved')}</span> : null}
                </div>
                <p className="comment-text">{c.text}</p>
                <div className="comment-actions">
                  <button type="button" className="link" onClick={() => resolve(c)}>
                    {c.resolved ? t('commentsTab.reopen') : t('commentsTab.resolve')}
                  </button>
                  {confirm === c.id ? (
                    <>
                      <button type="button" className="button is-danger is-small" onClick={() => remove(c.id)}>
                        {t('commentsTab.confirmDelete')}
                      </button>
                      <button type="button" className="button is-small" onClick={() => setConfirm(null)}>
                        {t('app.cancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="link is-danger" onClick={() => setConfirm(c.id)}>
                      {t('commentsTab.delete')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
