// Applying fixes: a pure function from a book and a list of fixes to a new book.
//
// Each edit names its node, field and range and carries the text it expects there; a fix whose text no
// longer matches (the editor changed it since the check) is refused as stale, and a fix that overlaps an
// earlier accepted one is refused as a conflict. A fix is applied whole or not at all. Untouched parts of
// the tree are shared with the old book (structural sharing), so the app's per-section cache and undo stay cheap.
import type { Block, Book, Category, Entry, Matter, Section, SectionChild, Subsection, SubsectionChild } from '../model/schema';
import { editField, getFieldText, type SpliceEdit } from './fields';
import type { Finding, Fix, TextEdit } from './types';

export interface RefusedFix {
  fix: Fix;
  /** stale: the text changed since the check; conflict: overlaps another fix; missing: the node or field is gone. */
  reason: 'stale' | 'conflict' | 'missing';
}

export interface ApplyResult {
  book: Book;
  applied: Fix[];
  refused: RefusedFix[];
}

type TextNode = Category | Section | Subsection | Entry | Matter | Block;

function collectNodes(book: Book): Map<string, TextNode> {
  const map = new Map<string, TextNode>();
  const visitBlocks = (blocks: readonly Block[]) => {
    for (const b of blocks) map.set(b.id, b);
  };
  const visitChildren = (children: readonly (SectionChild | SubsectionChild)[]) => {
    for (const c of children) {
      map.set(c.id, c);
      if (c.type === 'entry') visitBlocks(c.blocks);
      else if (c.type === 'subsection') visitChildren(c.children);
    }
  };
  const visitCategory = (c: Category) => {
    map.set(c.id, c);
    for (const s of c.sections) {
      map.set(s.id, s);
      visitChildren(s.children);
    }
  };
  for (const m of book.front) {
    map.set(m.id, m);
    visitBlocks(m.blocks);
  }
  book.body.forEach(visitCategory);
  for (const b of book.back) {
    if (b.type === 'category') visitCategory(b);
    else {
      map.set(b.id, b);
      visitBlocks(b.blocks);
    }
  }
  return map;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.nodeId !== b.nodeId || a.field !== b.field) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

export function applyFixes(book: Book, fixes: readonly Fix[]): ApplyResult {
  const nodes = collectNodes(book);
  const accepted: TextEdit[] = [];
  const byField = new Map<string, TextEdit[]>();
  const applied: Fix[] = [];
  const refused: RefusedFix[] = [];

  for (const fix of fixes) {
    let reason: RefusedFix['reason'] | null = null;
    for (const e of fix.edits) {
      const node = nodes.get(e.nodeId);
      const text = node ? getFieldText(node, e.field) : undefined;
      if (text === undefined) {
        reason = 'missing';
        break;
      }
      if (e.start < 0 || e.end > text.length || e.start > e.end || text.slice(e.start, e.end) !== e.expected) {
        reason = 'stale';
        break;
      }
      if ((byField.get(`${e.nodeId}|${e.field}`) ?? []).some((x) => overlaps(x, e)) || fix.edits.some((x) => x !== e && overlaps(x, e))) {
        reason = 'conflict';
        break;
      }
    }
    if (reason) {
      refused.push({ fix, reason });
      continue;
    }
    for (const e of fix.edits) {
      accepted.push(e);
      const k = `${e.nodeId}|${e.field}`;
      const list = byField.get(k);
      if (list) list.push(e);
      else byField.set(k, [e]);
    }
    applied.push(fix);
  }
  if (!accepted.length) return { book, applied, refused };

  // New versions of the edited nodes (own fields only; children are replaced below).
  const edited = new Map<string, TextNode>();
  for (const [k, edits] of byField) {
    const nodeId = k.slice(0, k.indexOf('|'));
    const field = k.slice(k.indexOf('|') + 1);
    const sorted: SpliceEdit[] = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const node = edited.get(nodeId) ?? nodes.get(nodeId)!;
    const next = editField(node, field, sorted);
    if (next) edited.set(nodeId, next);
  }
  return { book: rebuild(book, edited), applied, refused };
}

/** Rebuilds only the containers above edited nodes; everything else is shared with the old book. */
function rebuild(book: Book, edited: Map<string, TextNode>): Book {
  const blockOf = (b: Block): Block => (edited.get(b.id) as Block | undefined) ?? b;
  const blocks = (list: Block[]): Block[] => {
    let changed = false;
    const out = list.map((b) => {
      const n = blockOf(b);
      if (n !== b) changed = true;
      return n;
    });
    return changed ? out : list;
  };
  const entry = (e: Entry): Entry => {
    const own = (edited.get(e.id) as Entry | undefined) ?? e;
    const bs = blocks(e.blocks);
    return bs === e.blocks ? own : { ...own, blocks: bs };
  };
  const children = <C extends SectionChild | SubsectionChild>(list: C[]): C[] => {
    let changed = false;
    const out = list.map((c) => {
      let n: SectionChild | SubsectionChild;
      if (c.type === 'entry') n = entry(c);
      else if (c.type === 'subsection') {
        const own = (edited.get(c.id) as Subsection | undefined) ?? c;
        const ch = children(c.children);
        n = ch === c.children ? own : { ...own, children: ch };
      } else n = blockOf(c);
      if (n !== c) changed = true;
      return n as C;
    });
    return changed ? out : list;
  };
  const section = (s: Section): Section => {
    const own = (edited.get(s.id) as Section | undefined) ?? s;
    const ch = children(s.children);
    return ch === s.children ? own : { ...own, children: ch };
  };
  const category = (c: Category): Category => {
    const own = (edited.get(c.id) as Category | undefined) ?? c;
    let changed = false;
    const sections = c.sections.map((s) => {
      const n = section(s);
      if (n !== s) changed = true;
      return n;
    });
    return changed ? { ...own, sections } : own;
  };
  const matter = (m: Matter): Matter => {
    const own = (edited.get(m.id) as Matter | undefined) ?? m;
    const bs = blocks(m.blocks);
    return bs === m.blocks ? own : { ...own, blocks: bs };
  };
  const same = <T>(a: T[], b: T[]) => a.every((x, i) => x === b[i]);
  const front = book.front.map(matter);
  const body = book.body.map(category);
  const back = book.back.map((b) => (b.type === 'category' ? category(b) : matter(b)));
  return {
    ...book,
    front: same(front, book.front) ? book.front : front,
    body: same(body, book.body) ? book.body : body,
    back: same(back, book.back) ? book.back : back,
  };
}

export interface FixFilter {
  ruleId?: string;
  sectionId?: string;
  categoryId?: string;
  /** Include fixes that change a quantity or meaning (requiresConfirmation); off by default. */
  includeConfirmation?: boolean;
}

/**
 * The fixes for "fix all": the first fix of every finding that matches (one rule, one section or category,
 * or the whole book). Fixes that need confirmation are left out unless asked for.
 */
export function fixesFor(findings: readonly Finding[], filter: FixFilter = {}): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (filter.ruleId && f.ruleId !== filter.ruleId) continue;
    if (filter.sectionId && f.location.sectionId !== filter.sectionId) continue;
    if (filter.categoryId && f.location.categoryId !== filter.categoryId) continue;
    const fix = f.fixes[0];
    if (!fix || (fix.requiresConfirmation && !filter.includeConfirmation)) continue;
    out.push(fix);
  }
  return out;
}
