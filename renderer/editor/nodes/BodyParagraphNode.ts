// Body paragraph: Lexical's paragraph with the model id and placement. Registered as a replacement of
// ParagraphNode, so every paragraph Lexical creates (Enter, paste, table cells) is one of these.
import { $applyNodeReplacement, ParagraphNode, type EditorConfig, type LexicalNode } from 'lexical';
import { applyBlockAttributes } from './blockDom';

export class BodyParagraphNode extends ParagraphNode {
  override $config() {
    return this.config('yb-paragraph', { extends: ParagraphNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    if (this.getParent()?.getType() === 'root') applyBlockAttributes(dom, this);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (this.getParent()?.getType() === 'root') applyBlockAttributes(dom, this);
    return super.updateDOM(prevNode, dom, config);
  }
}

export function $createBodyParagraphNode(): BodyParagraphNode {
  return $applyNodeReplacement(new BodyParagraphNode());
}

export function $isBodyParagraphNode(node: LexicalNode | null | undefined): node is BodyParagraphNode {
  return node instanceof BodyParagraphNode;
}
