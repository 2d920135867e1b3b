// The printed date of a 大事记 item ("1月5日"), an inline run at the start of a DatedItemNode. Typing at its
// end continues the item's text, not the label.
import { $applyNodeReplacement, $getDocument, ElementNode, type EditorConfig, type LexicalNode } from 'lexical';

export class DateLabelNode extends ElementNode {
  override $config() {
    return this.config('yb-date-label', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'yb-date-label';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

export function $createDateLabelNode(): DateLabelNode {
  return $applyNodeReplacement(new DateLabelNode());
}

export function $isDateLabelNode(node: LexicalNode | null | undefined): node is DateLabelNode {
  return node instanceof DateLabelNode;
}
