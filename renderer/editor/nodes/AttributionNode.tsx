// An attribution line (署名): "（陈康）" author, "（区审管办 供稿）" unit, photo credit, "（审稿：…）" reviewer.
// Right-aligned, names shown as chips linked to the contributor registry, the kind shown as a badge.
// The model attribution (all fields but type and id) lives in the block data state.
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import type { JSX } from 'react';
import type { Attribution } from '../../../shared/model';
import { $getBlockData, $getBlockId } from '../state';
import { AttributionView } from '../ui/AttributionView';
import { applyBlockAttributes } from './blockDom';

export type AttributionData = Omit<Attribution, 'type' | 'id'>;

export class AttributionNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('yb-attribution', { extends: DecoratorNode });
  }

  getAttribution(): AttributionData {
    const d = $getBlockData<AttributionData>(this);
    return { kind: d.kind ?? 'author', names: d.names ?? [], covers: d.covers ?? [], placement: d.placement ?? 'line', ...d };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('div');
    dom.className = 'yb-attribution-block';
    applyBlockAttributes(dom, this);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    applyBlockAttributes(dom, this);
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.getAttribution().names.join(' ');
  }

  override decorate(): JSX.Element {
    return <AttributionView nodeKey={this.getKey()} id={$getBlockId(this)} attribution={this.getAttribution()} />;
  }
}

export function $createAttributionNode(): AttributionNode {
  return $applyNodeReplacement(new AttributionNode());
}

export function $isAttributionNode(node: LexicalNode | null | undefined): node is AttributionNode {
  return node instanceof AttributionNode;
}
