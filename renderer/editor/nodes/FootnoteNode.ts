// A footnote (脚注) block: its text, numbered automatically in the section (CSS counter). Call-outs in the
// text are MarkPointNodes of type footnoteRef pointing at this block's id.
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { applyBlockAttributes } from './blockDom';
import { $createBodyParagraphNode } from './BodyParagraphNode';

export class FootnoteNode extends ElementNode {
  override $config() {
    return this.config('yb-footnote', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'yb-footnote';
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

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ElementNode {
    const p = $createBodyParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }
}

export function $createFootnoteNode(): FootnoteNode {
  return $applyNodeReplacement(new FootnoteNode());
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
