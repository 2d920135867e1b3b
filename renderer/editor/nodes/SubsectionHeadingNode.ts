// 次目 heading, printed "· 社会救助 ·" (the dots are drawn by CSS). It opens a subsection that runs until
// the next subsection heading or a block detached to the section level.
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

export class SubsectionHeadingNode extends ElementNode {
  override $config() {
    return this.config('yb-subsection', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('h2');
    dom.className = 'yb-subsection';
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

export function $createSubsectionHeadingNode(): SubsectionHeadingNode {
  return $applyNodeReplacement(new SubsectionHeadingNode());
}

export function $isSubsectionHeadingNode(node: LexicalNode | null | undefined): node is SubsectionHeadingNode {
  return node instanceof SubsectionHeadingNode;
}
