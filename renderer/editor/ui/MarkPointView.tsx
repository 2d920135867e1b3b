// A point mark in the text: a footnote call-out (superscript number), or the anchor of a comment or index
// term on an empty range.
import type { NodeKey } from 'lexical';
import type { JSX } from 'react';
import { t } from '../../../shared/i18n';
import type { PointMark } from '../nodes/MarkPointNode';
import { useEditorEnv, useFootnoteNumbers } from './EditorEnv';

export function MarkPointView(props: { nodeKey: NodeKey; mark: PointMark }): JSX.Element {
  const { mark } = props;
  const env = useEditorEnv();
  const footnotes = useFootnoteNumbers();
  if (mark.type === 'footnoteRef') {
    const n = footnotes.get(mark.footnoteId);
    return (
      <sup
        className={n ? 'yb-fn-ref' : 'yb-fn-ref yb-fn-ref-broken'}
        data-footnote-id={mark.footnoteId}
        title={t('editor.footnote.ref', { number: n ?? '?' })}
        onClick={() => env.revealFootnote?.(mark.footnoteId)}
      >
        {n ?? '?'}
      </sup>
    );
  }
  if (mark.type === 'comment') {
    return (
      <span className="yb-comment-point" title={t('editor.comment.anchor')} onClick={() => env.openComment?.(mark.commentId)} data-comment-id={mark.commentId}>
        ✎
      </span>
    );
  }
  return <span className="yb-index-point" title={t('editor.indexTerm.point')}>◆</span>;
}
