// A subject-index term (主题词) marked in the text: an inline run with an optional sort key (overrides the
// pinyin of the marked text in the 索引). `termKey` tells two adjacent terms apart and joins the pieces of
// one term that overlaps another mark (see convert/inline.ts).
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

export const termKeyState = createState('ybTerm', { parse: (v: unknown): string => (typeof v === 'string' ? v : '') });
export const sortKeyState = createState('ybSortKey', { parse: (v: unknown): string => (typeof v === 'string' ? v : '') });

export class IndexTermNode extends ElementNode {
  override $config() {
    return this.config('yb-index-term', { extends: ElementNode });
  }

  getTermKey(): string {
    return $getState(this, termKeyState);
  }
  /** '' when the term sorts by the pinyin of its text. */
  getSortKey(): string {
    return $getState(this, sortKeyState);
  }
  setSortKey(sortKey: string): this {
    return $setState(this, sortKeyState, sortKey);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'yb-index-term';
    this.updateDOM(this, dom);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    const sk = this.getSortKey();
    if (sk) dom.setAttribute('data-sort-key', sk);
    else dom.removeAttribute('data-sort-key');
    dom.setAttribute('data-term', this.getTermKey());
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

export function $createIndexTermNode(termKey: string, sortKey?: string): IndexTermNode {
  const node = $applyNodeReplacement(new IndexTermNode());
  $setState(node, termKeyState, termKey);
  if (sortKey) $setState(node, sortKeyState, sortKey);
  return node;
}

export function $isIndexTermNode(node: LexicalNode | null | undefined): node is IndexTermNode {
  return node instanceof IndexTermNode;
}
