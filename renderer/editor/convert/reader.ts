// Reading the editor state as a section after every edit, fast: the item of each top-level node is cached
// and recomputed only when the node (or something inside it) changed in that update.
import { $getRoot, HISTORIC_TAG, type EditorState, type LexicalNode, type NodeKey, type UpdateListenerPayload } from 'lexical';
import type { Section } from '../../../shared/model';
import { $getBlockId } from '../state';
import { deepEqual } from '../deepEqual';
import { $nodeToItem, type FlatItem } from './blocks';
import { $isPlaceholderOnly, assembleSection } from './section';

export interface IdProblem {
  key: NodeKey;
  /** missing: the node has no id yet; duplicate: another node earlier in the section has the same id. */
  kind: 'missing' | 'duplicate';
}

export class SectionReader {
  private cache = new Map<NodeKey, { node: LexicalNode; item: FlatItem }>();
  /** Every entry id seen in this section during the session, to tell a deleted entry from a foreign one. */
  private seenEntries = new Set<string>();
  private last: Section | null = null;
  private lastItems: FlatItem[] = [];
  private lastBase: Section | null = null;

  constructor(initial?: Section) {
    if (initial) this.noteEntries(initial);
  }

  /**
   * Ids that must be fixed before the state can be read as a valid section (read inside editorState.read).
   * With dirty, the section is only walked when its list of top-level nodes changed, so a keystroke inside
   * a block costs nothing here.
   */
  $idProblems(dirty?: Pick<UpdateListenerPayload, 'dirtyElements' | 'dirtyLeaves' | 'tags'>): IdProblem[] {
    const root = $getRoot();
    const nodes = root.getChildren();
    if ($isPlaceholderOnly(nodes)) return [];
    const out: IdProblem[] = [];
    // Top-level nodes are only added, replaced or removed by changes to the root's children, which mark the
    // root itself dirty; a keystroke inside a block does not.
    const structural = !dirty || dirty.tags.has(HISTORIC_TAG) || dirty.dirtyElements.get('root') === true;
    if (!structural) return out;
    const seen = new Set<string>();
    for (const n of nodes) {
      const id = $getBlockId(n);
      if (!id) out.push({ key: n.getKey(), kind: 'missing' });
      else if (seen.has(id)) out.push({ key: n.getKey(), kind: 'duplicate' });
      seen.add(id);
    }
    return out;
  }

  /** The section for this editor state (call inside editorState.read). dirty: what changed since the last read. */
  $read(base: Section, dirty?: Pick<UpdateListenerPayload, 'dirtyElements' | 'dirtyLeaves' | 'tags'>): Section {
    const nodes = $getRoot().getChildren();
    if ($isPlaceholderOnly(nodes)) {
      this.cache.clear();
      this.last = null;
      return { ...base, children: [] };
    }
    const full = !dirty || dirty.tags.has(HISTORIC_TAG);
    const next = new Map<NodeKey, { node: LexicalNode; item: FlatItem }>();
    const items: FlatItem[] = [];
    // Whether anything differs from the last read (an update may touch nodes without changing the model).
    let changed = full || this.last === null || base !== this.lastBase || nodes.length !== this.cache.size;
    let i = 0;
    for (const node of nodes) {
      const key = node.getKey();
      const cached = this.cache.get(key);
      let item: FlatItem;
      if (!full && cached && cached.node === node && !dirty.dirtyElements.has(key) && !dirty.dirtyLeaves.has(key)) item = cached.item;
      else {
        item = $nodeToItem(node);
        if (cached && deepEqual(cached.item, item)) item = cached.item;
        else changed = true;
      }
      if (!changed && this.lastItems[i] !== item) changed = true;
      next.set(key, { node, item });
      items.push(item);
      i++;
      if (item.kind === 'entry') this.seenEntries.add(item.entry.id);
    }
    this.cache = next;
    if (!changed && this.last) return this.last;
    this.lastItems = items;
    this.lastBase = base;
    this.last = this.pruneCovers(assembleSection(base, items));
    return this.last;
  }

  noteEntries(section: Section): void {
    for (const c of section.children) {
      if (c.type === 'entry') this.seenEntries.add(c.id);
      else if (c.type === 'subsection') for (const x of c.children) if (x.type === 'entry') this.seenEntries.add(x.id);
    }
  }

  reset(section: Section): void {
    this.cache.clear();
    this.last = null;
    this.noteEntries(section);
  }

  /**
   * Attribution lines list the entries they cover. When an entry of this section is deleted or merged into
   * another, its id is dropped from those lists (the node keeps it, so undo brings it back).
   */
  private pruneCovers(section: Section): Section {
    const present = new Set<string>();
    for (const c of section.children) {
      if (c.type === 'entry') present.add(c.id);
      else if (c.type === 'subsection') for (const x of c.children) if (x.type === 'entry') present.add(x.id);
    }
    const gone = (id: string) => this.seenEntries.has(id) && !present.has(id);
    let changed = false;
    const fix = <T extends { type: string }>(b: T): T => {
      if (b.type !== 'attribution') return b;
      const a = b as unknown as { covers: string[] };
      if (!a.covers.some(gone)) return b;
      changed = true;
      return { ...b, covers: a.covers.filter((id) => !gone(id)) };
    };
    const children = section.children.map((c) => {
      if (c.type === 'entry') {
        const blocks = c.blocks.map(fix);
        return blocks.some((b, i) => b !== c.blocks[i]) ? { ...c, blocks } : c;
      }
      if (c.type === 'subsection') {
        const ch = c.children.map((x) => (x.type === 'entry' ? { ...x, blocks: x.blocks.map(fix) } : fix(x)));
        return ch.some((x, i) => x !== c.children[i]) ? { ...c, children: ch } : c;
      }
      return fix(c);
    });
    return changed ? { ...section, children } : section;
  }
}

/** Reads a whole editor state without caching (tests, the app's "current content" request). */
export function readEditorState(state: EditorState, base: Section): Section {
  return state.read(() => new SectionReader(base).$read(base));
}
