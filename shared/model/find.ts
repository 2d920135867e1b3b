// Find and replace over the book model: in one section (the editor) or the whole book (the app). A hit is
// "node id + field + [start, end)", like every other position in the model. Replacing keeps the stand-off
// marks in place (they move with the text around them) and is all-or-nothing: an invalid pattern is a
// UserError before anything changes.
import { parseCredit, splitNames } from './attribution';
import { UserError } from './errors';
import type { Block, Book, Cell, Entry, Mark, Section, SectionChild, Subsection, SubsectionChild } from './schema';
import { mapBookSections } from './map';
import { allSections } from './walk';

export interface FindQuery {
  /** The text (or regular expression) to look for. */
  pattern: string;
  /** Pattern is a JavaScript regular expression (without slashes). */
  regex?: boolean;
  /** 区分大小写. Default false. */
  matchCase?: boolean;
  /**
   * 区分全角/半角. Default true. When false, full-width ASCII forms (Ａ１，（）…) and the ideographic space match
   * their half-width forms. In regex mode only letters and digits of the pattern are folded (punctuation in a
   * pattern has a meaning there); the text is always folded.
   */
  matchWidth?: boolean;
}

/** Which text of a node a hit is in. */
export type FindField = 'title' | 'text' | 'dateLabel' | 'unitNote' | 'note' | 'caption' | 'credit' | 'names' | 'cell';

export interface FindHit {
  /** Stable key of the hit: `${nodeId}:${field}[:row:col]:${start}`. */
  key: string;
  sectionId: string;
  /** The entry, subsection, block or table the text belongs to. */
  nodeId: string;
  /** The entry the node belongs to, if any. */
  entryId?: string;
  field: FindField;
  /** For cells: row index over header rows then body rows, and the cell's index in its row. */
  cell?: { row: number; col: number };
  start: number;
  end: number;
  match: string;
  /** Up to 20 characters of context on each side, for the preview. */
  before: string;
  after: string;
  /** Regular-expression mode: the match's groups ($1 …, $<name>), for the replacement preview (replacementOf). */
  groups?: (string | undefined)[];
  named?: Record<string, string | undefined>;
}

export interface ReplaceResult<T> {
  value: T;
  count: number;
}

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Folds full-width ASCII forms and the ideographic space to their half-width forms (same length). */
export function foldWidth(text: string, lettersAndDigitsOnly = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) {
      const half = c - 0xfee0;
      const alnum = (half >= 0x30 && half <= 0x39) || (half >= 0x41 && half <= 0x5a) || (half >= 0x61 && half <= 0x7a);
      out += !lettersAndDigitsOnly || alnum ? String.fromCharCode(half) : text[i];
    } else if (c === 0x3000 && !lettersAndDigitsOnly) out += ' ';
    else out += text[i];
  }
  return out;
}

export interface Matcher {
  /** Matches in text: [start, end, groups for $n]. Empty matches are skipped. */
  exec(text: string): { start: number; end: number; groups: (string | undefined)[]; named?: Record<string, string | undefined> }[];
}

/** Compiles a query; an invalid regular expression is a UserError (find.badPattern). */
export function compileQuery(q: FindQuery): Matcher {
  const matchWidth = q.matchWidth ?? true;
  if (!q.pattern) return { exec: () => [] };
  let source = q.regex ? q.pattern : q.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!matchWidth) source = q.regex ? foldWidth(source, true) : foldWidth(source);
  let re: RegExp;
  try {
    re = new RegExp(source, `gd${q.matchCase ? '' : 'i'}`);
  } catch (e) {
    throw new UserError('find.badPattern', { pattern: q.pattern }, e instanceof Error ? e.message : String(e));
  }
  return {
    exec(text) {
      const hay = matchWidth ? text : foldWidth(text);
      const out: ReturnType<Matcher['exec']> = [];
      re.lastIndex = 0;
      for (let m = re.exec(hay); m; m = re.exec(hay)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // Groups come from the folded text; give the original characters back.
        const groups = m.slice(1).map((g, i) => {
          if (g === undefined) return undefined;
          const idx = m!.indices?.[i + 1];
          return idx ? text.slice(idx[0], idx[1]) : g;
        });
        out.push({ start: m.index, end: m.index + m[0].length, groups, ...(m.groups ? { named: m.groups } : {}) });
      }
      return out;
    },
  };
}

/** The replacement for one match: $& $1…$99 $<name> $$ as in String.prototype.replace (regex mode only). */
export function expandReplacement(replacement: string, matched: string, groups: (string | undefined)[], named: Record<string, string | undefined> | undefined, regex: boolean): string {
  if (!regex) return replacement;
  return replacement.replace(/\$(\$|&|<([^>]+)>|(\d{1,2}))/g, (all, what: string, name?: string, num?: string) => {
    if (what === '$') return '$';
    if (what === '&') return matched;
    if (name !== undefined) return named?.[name] ?? '';
    const n = Number(num);
    if (n >= 1 && n <= groups.length) return groups[n - 1] ?? '';
    return all;
  });
}

/** Moves stand-off marks for a replacement of [start, end) by text of length len. */
export function shiftMarks(marks: readonly Mark[], start: number, end: number, len: number): Mark[] {
  const delta = len - (end - start);
  return marks.map((m) => {
    const s = m.start <= start ? m.start : m.start >= end ? m.start + delta : start + len;
    const e = m.end <= start ? m.end : m.end >= end ? m.end + delta : start + len;
    return { ...m, start: Math.min(s, e), end: e };
  });
}

// ---------------------------------------------------------------------------------------------
// Walking the texts of a section

interface TextSlot {
  nodeId: string;
  entryId?: string;
  field: FindField;
  cell?: { row: number; col: number };
  text: string;
}

function blockSlots(b: Block, entryId: string | undefined): TextSlot[] {
  const base = { nodeId: b.id, ...(entryId ? { entryId } : {}) };
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'footnote':
      return [{ ...base, field: 'text', text: b.text }];
    case 'dated':
      return [
        { ...base, field: 'dateLabel', text: b.dateLabel },
        { ...base, field: 'text', text: b.text },
      ];
    case 'table': {
      const out: TextSlot[] = [{ ...base, field: 'title', text: b.title }];
      if (b.unitNote !== undefined) out.push({ ...base, field: 'unitNote', text: b.unitNote });
      [...b.headerRows, ...b.bodyRows].forEach((r, row) => r.cells.forEach((c, col) => out.push({ ...base, field: 'cell', cell: { row, col }, text: c.text })));
      if (b.note !== undefined) out.push({ ...base, field: 'note', text: b.note });
      return out;
    }
    case 'figure':
      return [{ ...base, field: 'caption', text: b.caption }, ...(b.credit ? [{ ...base, field: 'credit' as const, text: b.credit.raw }] : [])];
    case 'attribution':
      return [{ ...base, field: 'names', text: b.names.join(' ') }];
  }
}

function sectionSlots(section: Section): TextSlot[] {
  const out: TextSlot[] = [];
  const entry = (e: Entry) => {
    out.push({ nodeId: e.id, entryId: e.id, field: 'title', text: e.title });
    for (const b of e.blocks) out.push(...blockSlots(b, e.id));
  };
  for (const c of section.children) {
    if (c.type === 'entry') entry(c);
    else if (c.type === 'subsection') {
      out.push({ nodeId: c.id, field: 'title', text: c.title });
      for (const x of c.children) {
        if (x.type === 'entry') entry(x);
        else out.push(...blockSlots(x, undefined));
      }
    } else out.push(...blockSlots(c, undefined));
  }
  return out;
}

export function hitKey(h: Pick<FindHit, 'nodeId' | 'field' | 'cell' | 'start'>): string {
  return `${h.nodeId}:${h.field}${h.cell ? `:${h.cell.row}:${h.cell.col}` : ''}:${h.start}`;
}

/** Every hit of the query in the section, in reading order. */
export function findInSection(section: Section, query: FindQuery): FindHit[] {
  const matcher = compileQuery(query);
  const out: FindHit[] = [];
  for (const slot of sectionSlots(section)) {
    for (const m of matcher.exec(slot.text)) {
      const hit: FindHit = {
        key: '',
        sectionId: section.id,
        nodeId: slot.nodeId,
        ...(slot.entryId ? { entryId: slot.entryId } : {}),
        field: slot.field,
        ...(slot.cell ? { cell: slot.cell } : {}),
        start: m.start,
        end: m.end,
        match: slot.text.slice(m.start, m.end),
        before: slot.text.slice(Math.max(0, m.start - 20), m.start),
        after: slot.text.slice(m.end, m.end + 20),
        ...(query.regex ? { groups: m.groups, ...(m.named ? { named: m.named } : {}) } : {}),
      };
      hit.key = hitKey(hit);
      out.push(hit);
    }
  }
  return out;
}

/** What a hit becomes when replaced by `replacement` (with $1 … expanded in regular-expression mode). */
export function replacementOf(hit: FindHit, query: FindQuery, replacement: string): string {
  return expandReplacement(replacement, hit.match, hit.groups ?? [], hit.named, !!query.regex);
}

/** Every hit in the book's sections (body and appendix categories), in book order. */
export function findInBook(book: Book, query: FindQuery): FindHit[] {
  compileQuery(query); // fail early on a bad pattern
  return allSections(book).flatMap(({ section }) => findInSection(section, query));
}

// ---------------------------------------------------------------------------------------------
// Replacing

/** Replaces matches in one text; returns the new text, marks and number of replacements. */
function replaceText(
  text: string,
  marks: readonly Mark[] | undefined,
  matcher: Matcher,
  query: FindQuery,
  replacement: string,
  accept: (start: number) => boolean,
): { text: string; marks: Mark[] | undefined; count: number } {
  const matches = matcher.exec(text).filter((m) => accept(m.start));
  if (!matches.length) return { text, marks: marks ? [...marks] : undefined, count: 0 };
  let out = text;
  let ms = marks ? [...marks] : undefined;
  // From the end, so earlier offsets stay valid.
  for (const m of [...matches].reverse()) {
    const matched = text.slice(m.start, m.end);
    const rep = expandReplacement(replacement, matched, m.groups, m.named, !!query.regex);
    out = out.slice(0, m.start) + rep + out.slice(m.end);
    if (ms) ms = shiftMarks(ms, m.start, m.end, rep.length);
  }
  return { text: out, marks: ms, count: matches.length };
}

type Accept = (nodeId: string, field: FindField, cell: { row: number; col: number } | undefined, start: number) => boolean;

function replaceInCell(cell: Cell, row: number, col: number, id: string, ctx: Ctx): Cell {
  const r = replaceText(cell.text, cell.marks, ctx.matcher, ctx.query, ctx.replacement, (s) => ctx.accept(id, 'cell', { row, col }, s));
  if (!r.count) return cell;
  ctx.count += r.count;
  return { ...cell, text: r.text, marks: r.marks ?? [] };
}

interface Ctx {
  matcher: Matcher;
  query: FindQuery;
  replacement: string;
  accept: Accept;
  count: number;
}

function field(ctx: Ctx, id: string, f: FindField, text: string, marks?: readonly Mark[]): { text: string; marks: Mark[] | undefined; changed: boolean } {
  const r = replaceText(text, marks, ctx.matcher, ctx.query, ctx.replacement, (s) => ctx.accept(id, f, undefined, s));
  ctx.count += r.count;
  return { text: r.text, marks: r.marks, changed: r.count > 0 };
}

function replaceInBlock(b: Block, ctx: Ctx): Block {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'footnote': {
      const r = field(ctx, b.id, 'text', b.text, b.marks);
      return r.changed ? { ...b, text: r.text, marks: r.marks ?? [] } : b;
    }
    case 'dated': {
      const l = field(ctx, b.id, 'dateLabel', b.dateLabel);
      const r = field(ctx, b.id, 'text', b.text, b.marks);
      return l.changed || r.changed ? { ...b, dateLabel: l.text, text: r.text, marks: r.marks ?? [] } : b;
    }
    case 'table': {
      const title = field(ctx, b.id, 'title', b.title);
      const unit = b.unitNote !== undefined ? field(ctx, b.id, 'unitNote', b.unitNote) : null;
      let row = 0;
      const mapRows = (rows: typeof b.headerRows) =>
        rows.map((r) => {
          const i = row++;
          const cells = r.cells.map((c, col) => replaceInCell(c, i, col, b.id, ctx));
          return cells.some((c, k) => c !== r.cells[k]) ? { ...r, cells } : r;
        });
      const headerRows = mapRows(b.headerRows);
      const bodyRows = mapRows(b.bodyRows);
      const note = b.note !== undefined ? field(ctx, b.id, 'note', b.note) : null;
      const changed = title.changed || unit?.changed || note?.changed || headerRows.some((r, i) => r !== b.headerRows[i]) || bodyRows.some((r, i) => r !== b.bodyRows[i]);
      if (!changed) return b;
      return { ...b, title: title.text, ...(unit ? { unitNote: unit.text } : {}), ...(note ? { note: note.text } : {}), headerRows, bodyRows };
    }
    case 'figure': {
      const cap = field(ctx, b.id, 'caption', b.caption);
      const cr = b.credit ? field(ctx, b.id, 'credit', b.credit.raw) : null;
      if (!cap.changed && !cr?.changed) return b;
      // A replaced credit is read again, so its names follow the text ("区信访局提供" → names [区信访局]).
      const credit = b.credit && cr?.changed ? parseCredit(cr.text) : b.credit;
      const { credit: _old, ...rest } = b;
      return { ...rest, caption: cap.text, ...(credit ? { credit } : {}) };
    }
    case 'attribution': {
      const r = field(ctx, b.id, 'names', b.names.join(' '));
      return r.changed ? { ...b, names: splitNames(r.text) } : b;
    }
  }
}

function replaceInEntry(e: Entry, ctx: Ctx): Entry {
  const t = field(ctx, e.id, 'title', e.title);
  const blocks = e.blocks.map((b) => replaceInBlock(b, ctx));
  return t.changed || blocks.some((b, i) => b !== e.blocks[i]) ? { ...e, title: t.text, blocks } : e;
}

function replaceInChildren<T extends SectionChild | SubsectionChild>(children: readonly T[], ctx: Ctx): T[] {
  return children.map((c): T => {
    if (c.type === 'entry') return replaceInEntry(c, ctx) as T;
    if (c.type === 'subsection') {
      const s = c as Subsection;
      const t = field(ctx, s.id, 'title', s.title);
      const ch = replaceInChildren(s.children, ctx);
      return (t.changed || ch.some((x, i) => x !== s.children[i]) ? { ...s, title: t.text, children: ch } : s) as T;
    }
    return replaceInBlock(c as Block, ctx) as T;
  });
}

/**
 * Replaces the hits of the query in the section. With only, just the hits whose keys are listed (as shown in
 * the preview). Unchanged nodes keep their identity.
 */
export function replaceInSection(section: Section, query: FindQuery, replacement: string, only?: ReadonlySet<string>): ReplaceResult<Section> {
  const ctx: Ctx = {
    matcher: compileQuery(query),
    query,
    replacement,
    accept: (nodeId, f, cell, start) => !only || only.has(hitKey({ nodeId, field: f, ...(cell ? { cell } : {}), start })),
    count: 0,
  };
  const children = replaceInChildren(section.children, ctx);
  return { value: ctx.count ? { ...section, children } : section, count: ctx.count };
}

/** Replaces in every section of the book (or the hits listed in only). Unchanged sections keep their identity. */
export function replaceInBook(book: Book, query: FindQuery, replacement: string, only?: ReadonlySet<string>): ReplaceResult<Book> & { sectionIds: string[] } {
  compileQuery(query);
  let count = 0;
  const sectionIds: string[] = [];
  const value = mapBookSections(book, (s) => {
    const r = replaceInSection(s, query, replacement, only);
    if (r.count) {
      count += r.count;
      sectionIds.push(s.id);
    }
    return r.value;
  });
  return { value: count ? value : book, count, sectionIds };
}
