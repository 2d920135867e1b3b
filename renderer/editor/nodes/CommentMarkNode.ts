// The anchor of a review comment (批注) on a range of text. The comment itself lives in book.comments;
// this node only says which text it is about.
import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $setState,
  createState,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

export const commentIdState = createState('ybComment', { parse: (v: unknown): string => (typeof v === 'string' ? v : '') });

export class CommentMarkNode extends ElementNode {
  override $config() {
    return this.config('yb-comment', { extends: ElementNode });
  }

  getCommentId(): string {
    return $getState(this, commentIdState);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'yb-comment';
    dom.setAttribute('data-comment-id', this.getCommentId());
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement): boolean {
    if (prev.getCommentId() !== this.getCommentId()) dom.setAttribute('data-comment-id', this.getCommentId());
    return false;
  }

  override isInline(): true {
    return true;
  }
  override canBeEmpty(): false {
    return false;
  }
  override canInsertTextBefore(): false {
    return false;
  }
  override canInsertTextAfter(): false {
    return false;
  }
}

export function $createCommentMarkNode(commentId: string): CommentMarkNode {
  const node = $applyNodeReplacement(new CommentMarkNode());
  $setState(node, commentIdState, commentId);
  return node;
}

export function $isCommentMarkNode(node: LexicalNode | null | undefined): node is CommentMarkNode {
  return node instanceof CommentMarkNode;
}
