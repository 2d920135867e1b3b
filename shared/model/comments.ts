// Review comments (批注): the texts live in book.comments, their anchors are comment marks on the text of a
// section (paragraphs, headings, chronicle items, footnotes, table cells). These helpers find the anchors and
// change the list of comments; they never mutate.
import type { Block, Book, Comment, Mark, Section } from './schema';

/** Where a comment is anchored: the first range marked with its id in a section, in reading order. */
export interface CommentAnchor {
  commentId: string;
  /** The block whose text carries the mark (a table for cell marks). */
  nodeId: string;
  /** The entry the block belongs to, if any. */
  entryId?: string;
  /** For a table cell: row over header rows then body rows, and the cell's index in its row. */
  cell?: { row: number; col: number };
  start: number;
  end: number;
  /** The text the comment is about. */
  quote: string;
}

/** The anchors of the comments in a section, one per comment (its first range), in reading order. */
export function commentAnchors(section: Section): CommentAnchor[] {
  const out = new Map<string, CommentAnchor>();
  const marks = (nodeId: string, entryId: string | undefined, text: string, ms: readonly Mark[], cell?: { row: number; col: number }) => {
    for (const m of ms) {
      if (m.type !== 'comment' || out.has(m.commentId)) continue;
      out.set(m.commentId, {
        commentId: m.commentId,
        nodeId,
        ...(entryId ? { entryId } : {}),
        ...(cell ? { cell } : {}),
        start: m.start,
        end: m.end,
        quote: text.slice(m.start, m.end),
      });
    }
  };
  const block = (b: Block, entryId: string | undefined) => {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'dated' || b.type === 'footnote') marks(b.id, entryId, b.text, b.marks);
    else if (b.type === 'table') [...b.headerRows, ...b.bodyRows].forEach((r, row) => r.cells.forEach((c, col) => marks(b.id, entryId, c.text, c.marks, { row, col })));
  };
  for (const c of section.children) {
    if (c.type === 'entry') c.blocks.forEach((b) => block(b, c.id));
    else if (c.type === 'subsection') {
      for (const x of c.children) {
        if (x.type === 'entry') x.blocks.forEach((b) => block(b, x.id));
        else block(x, undefined);
      }
    } else block(c, undefined);
  }
  return [...out.values()];
}

/** Adds or replaces (same id) a comment in the book's list. */
export function putComment(comments: readonly Comment[], comment: Comment): Comment[] {
  const i = comments.findIndex((c) => c.id === comment.id);
  if (i < 0) return [...comments, comment];
  const next = [...comments];
  next[i] = comment;
  return next;
}

/** Removes a comment from the book's list (its anchors are the section's business). */
export function dropComment(comments: readonly Comment[], commentId: string): Comment[] {
  return comments.filter((c) => c.id !== commentId);
}

/** The comments of the book that have an anchor in the section, in the order of their anchors. */
export function sectionComments(book: Pick<Book, 'comments'>, section: Section): { comment: Comment; anchor: CommentAnchor }[] {
  const byId = new Map(book.comments.map((c) => [c.id, c]));
  return commentAnchors(section).flatMap((anchor) => {
    const comment = byId.get(anchor.commentId);
    return comment ? [{ comment, anchor }] : [];
  });
}
