// The unit proposed for the people of an author line: the 供稿 line next to it (the same rule as
// shared/model/registry.ts unitNextTo, read from the editor's blocks): the nearest unit line after it — or before
// it — with no entry title, subsection heading or other author/reviewer line in between.
import type { LexicalNode } from 'lexical';
import { $isAttributionNode } from '../nodes/AttributionNode';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';

export function $unitNextTo(node: LexicalNode): string | undefined {
  const scan = (step: (n: LexicalNode) => LexicalNode | null): string | undefined => {
    for (let n = step(node); n; n = step(n)) {
      if ($isEntryTitleNode(n) || $isSubsectionHeadingNode(n)) return undefined;
      if (!$isAttributionNode(n)) continue;
      const a = n.getAttribution();
      if (a.kind === 'unit') return a.names[0];
      if (a.kind === 'author' || a.kind === 'reviewer') return undefined;
    }
    return undefined;
  };
  return scan((n) => n.getNextSibling()) ?? scan((n) => n.getPreviousSibling());
}
