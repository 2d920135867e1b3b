// DOM attributes every top-level block of the section editor carries: the model id (for tests, focus and
// the app's "reveal" requests) and the detach level (section-level blocks get a marker in the margin).
import { type LexicalNode } from 'lexical';
import { $getBlockId, $getDetach } from '../state';

export function applyBlockAttributes(dom: HTMLElement, node: LexicalNode): void {
  const id = $getBlockId(node);
  if (id) dom.setAttribute('data-yb-id', id);
  else dom.removeAttribute('data-yb-id');
  const d = $getDetach(node);
  if (d) dom.setAttribute('data-yb-detach', String(d));
  else dom.removeAttribute('data-yb-detach');
}
