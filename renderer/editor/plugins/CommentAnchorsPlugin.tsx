// Comment anchors in the text: resolved comments are shown faded (data-resolved on the anchor), and clicking an
// anchor opens the comment list at that comment.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { Comment } from '../../../shared/model';
import { CommentMarkNode } from '../nodes/CommentMarkNode';

export function CommentAnchorsPlugin(props: { comments: readonly Comment[]; onOpen(commentId: string): void }): null {
  const [editor] = useLexicalComposerContext();
  const { comments, onOpen } = props;

  useEffect(() => {
    const resolved = new Set(comments.filter((c) => c.resolved).map((c) => c.id));
    const mark = () => {
      const root = editor.getRootElement();
      root?.querySelectorAll<HTMLElement>('.yb-comment').forEach((el) => {
        el.toggleAttribute('data-resolved', resolved.has(el.getAttribute('data-comment-id') ?? ''));
      });
    };
    mark();
    return editor.registerMutationListener(CommentMarkNode, mark, { skipInitialization: true });
  }, [editor, comments]);

  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const onClick = (e: MouseEvent) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.yb-comment, .yb-comment-point');
      const id = el?.getAttribute('data-comment-id');
      if (id && !e.shiftKey) onOpen(id);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [editor, onOpen]);
  return null;
}
