// Item of a 大事记 (chronicle): a date label ("1月5日", an inline DateLabelNode as the first child) and the
// text. The ISO date, where known, lives in the block data state ({ date }).
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { applyBlockAttributes } from './blockDom';

export class DatedItemNode extends ElementNode {
  override $config() {
    return this.config('yb-dated', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'yb-dated';
    applyBlockAttributes(dom, this);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    applyBlockAttributes(dom, this);
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  /** Enter starts the next dated item. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ElementNode {
    const next = $createDatedItemNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }
}

export function $createDatedItemNode(): DatedItemNode {
  return $applyNodeReplacement(new DatedItemNode());
}

export function $isDatedItemNode(node: LexicalNode | null | undefined): node is DatedItemNode {
  return node instanceof DatedItemNode;
}
