// Recogniser of a yearbook chapter: 类目 (with English name) → 分目 → [次目] → 【条目】 with body
// paragraphs, attribution lines, photos with captions and credits, tables with their 续表 parts and notes.
//
// Healing follows the genre: a line that does not end a sentence continues in the next body line, across
// blank lines, running heads, captions and tables; a paragraph left open at an entry boundary takes the
// fragment printed out of order nearby (column-order scramble), chosen by how well the characters at the
// join occur together elsewhere in the same text.
import type { ParsedAttribution } from '../model/attribution';
import { ID_PREFIX } from '../model/ids';
import type { Attribution, Category, Entry, Figure, Footnote, Mark, Paragraph, Section, Subsection, Table } from '../model/schema';
import { t } from '../i18n';
import type { RunContext } from './context';
import { isCreditLike, parseBookTitleLine, splitTrailingAttribution } from './patterns';
import { isBracketed, isTitleLike, nextContent, prevContent, type PLine } from './prepare';
import { buildTextTable, sourceTableToTable, tableHeaderKey } from './tables';
import { breakKind, cleanTitle, collapseCjkSpacing, endsSentence, endsWithClauseMark, hanCount, hasSentenceStop, joinBroken, squash, startsMidSentence } from './text';
import { lineLayout, type Layout } from './layout';
import type { DocumentReport } from './types';

// ---------------------------------------------------------------------------------------------
// Builder structures

interface Frag {
  i: number;
  text: string;
  /** Where the fragment starts in its line's trimmed text (for the line's inline marks). */
  offset?: number;
  /** Interruptions (figures, tables, running heads) printed between this fragment and the previous one. */
  across?: number[];
}

interface ParaB {
  kind: 'para';
  id: string;
  frags: Frag[];
  marks: Mark[];
  /** Text after an attribution that starts no entry: printed out of order, home unknown. */
  orphan?: boolean;
  owner: Owner;
  removed?: boolean;
}

interface FigureB {
  kind: 'figure';
  block: Figure;
  i: number;
  /** The caption's last line (a wrapped caption spans several). */
  end?: number;
}

interface TableB {
  kind: 'table';
  block: Table;
  i: number;
  parts: number;
  header: string;
  columns: number;
}

interface FootnoteB {
  kind: 'footnote';
  block: Footnote;
  i: number;
  marker: string;
  noteKey?: string;
}

interface AttribB {
  kind: 'attribution';
  block: Attribution;
  i: number;
  covers: EntryB[];
}

type BlockB = ParaB | FigureB | TableB | FootnoteB;

interface EntryB {
  kind: 'entry';
  id: string;
  title: string;
  i: number;
  blocks: BlockB[];
}

interface SubsectionB {
  kind: 'subsection';
  id: string;
  title: string;
  i: number;
  children: (EntryB | BlockB | AttribB)[];
}

interface SectionB {
  kind: 'section';
  id: string;
  title: string;
  titleEn?: string;
  i: number;
  children: (EntryB | SubsectionB | BlockB | AttribB)[];
}

type Owner = EntryB | SubsectionB | SectionB;

export interface ChapterResult {
  category: Category;
  report: DocumentReport;
  /** Category title as printed (null when the chapter names none). */
  categoryTitle: string | null;
}

// ---------------------------------------------------------------------------------------------

export function buildChapter(ctx: RunContext, start: number, end: number): ChapterResult {
  return new ChapterBuilder(ctx, start, end).build();
}

class ChapterBuilder {
  private readonly lines: PLine[];
  private readonly ids;
  private categoryId: string;
  private categoryTitle: string | null = null;
  private categoryTitleEn: string | undefined;
  private readonly sections: SectionB[] = [];
  private section: SectionB | null = null;
  private subsection: SubsectionB | null = null;
  private entry: EntryB | null = null;
  /** Last paragraph while it does not end a sentence. */
  private open: ParaB | null = null;
  private pendingAcross: number[] = [];
  /** Entries since the last attribution line of the section (what the next attribution covers). */
  private uncovered: EntryB[] = [];
  private afterAttribution = false;
  /** The entry an attribution just closed (home of orphan text). */
  private closedEntry: EntryB | null = null;
  private readonly dangling: { para: ParaB; i: number }[] = [];
  private readonly tables: TableB[] = [];
  private readonly figures: FigureB[] = [];
  private readonly footnotes: FootnoteB[] = [];
  private readonly paras: ParaB[] = [];
  private lastFigure: FigureB | null = null;
  private pendingImage: FigureB | null = null;
  private tableTitle: { i: number; title: string } | null = null;
  /** "表N" printed above a real table. */
  private tableNumber: { number: string; title: string } | null = null;
  /** Heading levels of a rich source mapped to tree levels. */
  private headingMap = new Map<number, 'category' | 'section' | 'subsection' | 'entry'>();
  private segmentText: string | null = null;
  /** Wrapped text (one printed line per text line): paragraphs are decided by line widths. */
  private readonly layout: Layout;
  /** The last paragraph while no structure came after it (wrapped text may continue it). */
  private lastPara: ParaB | null = null;

  constructor(
    private readonly ctx: RunContext,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.lines = ctx.lines;
    this.ids = ctx.ids;
    this.categoryId = ctx.ids(ID_PREFIX.category);
    this.planHeadingLevels();
    this.layout = lineLayout(ctx.lines, start, end);
  }

  build(): ChapterResult {
    const bodyStart = this.readHead();
    for (let i = bodyStart; i < this.end; ) i = this.step(i);
    this.closeOpen(this.end);
    this.resolveDisplaced();
    this.finishParagraphs();
    this.linkFootnotes();
    this.moveToReferences();
    return this.toModel();
  }

  // -------------------------------------------------------------------------------------------
  // Head: category title, English name, book title lines, the first section title

  private planHeadingLevels(): void {
    const levels = new Set<number>();
    let markedEntries = false;
    // Entry titles the text marks itself: 【】, a bold run-in title, or short all-bold paragraphs followed
    // by body text (two at least: one bold line may be a table title or an emphasis).
    let boldTitles = 0;
    for (let i = this.start; i < this.end; i++) {
      const p = this.lines[i]!;
      if (p.hints?.headingLevel) levels.add(p.hints.headingLevel);
      if (p.kind === 'entry' || (p.hints?.boldPrefix && p.hints.boldPrefix < p.t.length)) markedEntries = true;
      if (this.isBoldTitleAt(i)) boldTitles++;
    }
    if (boldTitles >= 2) markedEntries = true;
    const sorted = [...levels].sort((a, b) => a - b);
    const roles: ('category' | 'section' | 'subsection' | 'entry')[] =
      sorted.length >= 3
        ? ['category', 'section', 'subsection', 'entry']
        : sorted.length === 2
          ? markedEntries
            ? ['category', 'section']
            : ['section', 'entry']
          : markedEntries
            ? ['section']
            : ['entry'];
    sorted.forEach((lv, k) => this.headingMap.set(lv, roles[Math.min(k, roles.length - 1)]!));
  }

  private headingRole(p: PLine): 'category' | 'section' | 'subsection' | 'entry' | null {
    const lv = p.hints?.headingLevel;
    if (!lv || p.kind !== 'text') return null;
    return this.headingMap.get(lv) ?? null;
  }

  /** Reads the lines before the first structure; returns the index where the body starts. */
  private readHead(): number {
    const head: number[] = [];
    let i = this.start;
    for (; i < this.end; i++) {
      const p = this.lines[i]!;
      if (p.kind === 'blank' || p.kind === 'ignored') continue;
      if (p.kind === 'running-head') {
        // A bare year at the top is the volume ("2022"), not a folio.
        if (p.runningHead === 'folio' && /^(19|20)\d{2}$/.test(p.t) && head.length < 4) {
          this.ctx.hints.volumeYear ??= Number(p.t);
          this.ctx.role(i, 'book-head');
        } else this.dropRunningHead(i);
        continue;
      }
      const role = this.headingRole(p);
      // (A bold entry title of a rich source opens the body.)
      if (p.kind === 'english' || (p.kind === 'text' && (isTitleLike(p, 40) || role === 'category' || role === 'section') && role !== 'entry' && (role || !this.isBoldTitleAt(i)))) {
        head.push(i);
        continue;
      }
      break;
    }
    if (!head.length) return i;
    const first = this.lines[i];
    // Book title lines ("拱墅年鉴") are volume information, not structure.
    const candidates: number[] = [];
    let english: number | null = null;
    const englishLines: number[] = [];
    for (const h of head) {
      const p = this.lines[h]!;
      if (p.kind === 'english') {
        englishLines.push(h);
        // An English name wrapped over two lines: its nearest line decides which Chinese title it names.
        english = english ?? h;
        continue;
      }
      const book = parseBookTitleLine(p.t);
      if (book) {
        this.ctx.hints.bookTitle ??= book.title;
        if (book.year) this.ctx.hints.volumeYear ??= book.year;
        this.ctx.role(h, 'book-head');
        continue;
      }
      candidates.push(h);
    }
    // Headings of a rich source say it directly.
    const cat = candidates.find((h) => this.headingRole(this.lines[h]!) === 'category');
    let sectionLine: number | null = null;
    let categoryLine: number | null = null;
    const bodyIsStructure =
      !!first &&
      (first.kind === 'entry' ||
        first.kind === 'subsection' ||
        this.headingRole(first) === 'entry' ||
        this.headingRole(first) === 'subsection' ||
        !!(first.hints?.boldPrefix && first.hints.boldPrefix < first.t.length) ||
        this.isBoldTitleAt(first.i));
    if (cat !== undefined) {
      categoryLine = cat;
      const rest = candidates.filter((h) => h > cat);
      if (rest.length) sectionLine = rest[rest.length - 1]!;
    } else if (english !== null) {
      // The Chinese title next to the English name is the category's.
      const dist = (h: number) => Math.min(...englishLines.map((e) => Math.abs(h - e)));
      const adj = candidates.reduce<number | null>((best, h) => (best === null || dist(h) < dist(best) ? h : best), null);
      categoryLine = adj;
      const after = candidates.filter((h) => h !== adj && h > (adj ?? -1));
      if (after.length) sectionLine = after[after.length - 1]!;
    } else if (candidates.length >= 2) {
      categoryLine = candidates[candidates.length - 2]!;
      sectionLine = candidates[candidates.length - 1]!;
    } else if (candidates.length === 1) {
      if (bodyIsStructure || first?.kind === 'text') sectionLine = candidates[0]!;
    }
    for (const h of candidates) {
      if (h === categoryLine) {
        this.categoryTitle = cleanTitle(this.lines[h]!.t);
        this.ctx.role(h, 'category', this.categoryId);
        this.healSpacing(h, this.lines[h]!.t);
      } else if (h === sectionLine) {
        this.newSection(h, this.lines[h]!.t);
      } else {
        this.ctx.role(h, 'book-head');
      }
    }
    if (english !== null) {
      this.categoryTitleEn = englishLines.map((h) => this.lines[h]!.t).reduce((a, b) => joinBroken(a, b), '').replace(/\s+/g, ' ');
      for (const h of englishLines) this.ctx.role(h, 'category-en', this.categoryId);
    }
    if (this.categoryTitle === null) this.ctx.doubt(head[0] ?? this.start, 'category-title', 'import.doubt.noCategory', 'book-head', ['section']);
    return i;
  }

  // -------------------------------------------------------------------------------------------
  // Main loop

  private step(i: number): number {
    const p = this.lines[i]!;
    switch (p.kind) {
      case 'blank':
      case 'ignored':
        return i + 1;
      case 'running-head':
        this.dropRunningHead(i);
        return i + 1;
      case 'english':
        this.ctx.role(i, 'category-en', this.categoryId);
        if (!this.categoryTitleEn) this.categoryTitleEn = p.t;
        return i + 1;
      case 'entry':
        return this.onEntry(i);
      case 'subsection':
        this.closeOpen(i);
        this.newSubsection(i, p.subsection!);
        return i + 1;
      case 'attribution':
        return this.onAttribution(i);
      case 'figure':
        return this.onFigure(i, p.figure!.number, p.figure!.caption, p.figure!.credit ?? null);
      case 'table-number':
        return this.onTable(i);
      case 'table-cont':
        return this.onContinuation(i);
      case 'tab-row':
        return this.onTable(i);
      case 'table-unit':
        return this.onTableUnit(i);
      case 'image-unit':
        return this.onImage(i);
      case 'footnote':
        return this.onFootnote(i);
      case 'footnote-unit': {
        const u = p.unit;
        if (u.kind === 'footnote') this.addFootnote(i, '', u.text, u.noteKey);
        return i + 1;
      }
      default:
        return this.onText(i);
    }
  }

  private onText(i: number): number {
    const p = this.lines[i]!;
    const nx = nextContent(this.lines, i, this.end);
    const next = nx >= 0 ? this.lines[nx]! : null;
    const role = this.headingRole(p);

    if (p.forced === 'section' || p.forced === 'heading' || role === 'section' || role === 'category') {
      this.closeOpen(i);
      this.newSection(i, p.t);
      return i + 1;
    }
    if (role === 'subsection') {
      this.closeOpen(i);
      this.newSubsection(i, cleanTitle(p.t));
      return i + 1;
    }
    if (role === 'entry') {
      this.closeOpen(i);
      this.newEntry(i, cleanTitle(p.t), [i]);
      return i + 1;
    }
    // A short paragraph all in bold, followed by body text: an entry title on its own line.
    if (this.isBoldTitleAt(i)) {
      this.closeOpen(i);
      this.newEntry(i, cleanTitle(p.t.replace(/^[【〖[]|[】〗\]]$/g, '')), [i]);
      return i + 1;
    }
    // A bold run at the start of a rich-text paragraph is a run-in entry title ("概况 2020年，…").
    const bold = p.hints?.boldPrefix;
    if (bold && bold < p.t.length && p.forced !== 'body') {
      const lead = p.t.slice(0, bold);
      const title = cleanTitle(lead.replace(/^[【〖[]|[】〗\]]$/g, '').replace(/[。：:.\s]+$/, ''));
      if (title && squash(title).length <= 40) {
        this.closeOpen(i);
        this.newEntry(i, title, [i]);
        const rest = p.t.slice(bold).replace(/^[\s\u3000：:。.]+/, '');
        if (rest) this.addFragment(i, rest, bold);
        return i + 1;
      }
    }

    if (p.forced !== 'body' && p.forced !== 'continues' && p.forced !== 'paragraph-start') {
      const titleLike = isTitleLike(p);
      // Table title above "表N" or above the first tab-separated row.
      if (titleLike && next && (next.kind === 'table-number' || next.kind === 'tab-row' || next.kind === 'table-unit') && !(next.tableNumber?.title)) {
        this.tableTitle = { i, title: cleanTitle(p.t) };
        this.ctx.role(i, 'table-title');
        return i + 1;
      }
      // Section title: a short line right before an entry title or a subsection line (a numbered photo
      // may be printed between them).
      const after = this.afterFigures(nx);
      if (
        titleLike &&
        // The short tail of a paragraph left open by a full line is never a title.
        !this.isTail(i) &&
        after &&
        (after.kind === 'entry' || after.kind === 'subsection' || this.headingRole(after) === 'entry' || this.isBoldRunIn(after))
      ) {
        if (this.open) this.ctx.doubt(i, 'section-title', 'import.doubt.sectionGuess', 'section', ['body']);
        this.closeOpen(i);
        this.newSection(i, p.t);
        return i + 1;
      }
      // A short line after a section's attribution, with body text after it: a section without titled entries.
      if (titleLike && this.afterAttribution && !this.open && next && next.kind === 'text' && !isTitleLike(next) && (!this.layout.wrapped || this.layout.width(p) <= this.layout.full - 6)) {
        this.ctx.doubt(i, 'section-title', 'import.doubt.sectionGuess', 'section', ['body']);
        this.newSection(i, p.t);
        return i + 1;
      }
      // Caption: a line that does not end a sentence, followed by a photo credit.
      if (next && next.kind === 'attribution' && isCreditLike(next.attribution!) && !p.terminal && p.len <= 160) {
        if (next.attribution!.kind === 'unit') this.ctx.doubt(i, 'caption', 'import.doubt.captionGuess', 'caption', ['body']);
        const fig = this.addFigure(i, null, joinBroken(this.captionHead(i, nx), p.t), null);
        this.attachCredit(fig, nx);
        return nx + 1;
      }
      // Caption with its credit on the same line: "…推进会举行 (区数据局供稿)" — or with the credit's bracket
      // closed on the next line when the text was wrapped ("…举行 (区数据" / "局供稿)").
      const broken = this.bracketClosedBelow(i, nx);
      const trailing = splitTrailingAttribution(broken ? joinBroken(p.t, next!.t) : p.t);
      if (trailing && isCreditLike(trailing.attribution) && trailing.before && !endsSentence(trailing.before, true) && trailing.before.length <= 160) {
        if (trailing.attribution.kind === 'unit') this.ctx.doubt(i, 'caption', 'import.doubt.captionGuess', 'caption', ['body']);
        const fig = this.addFigure(i, null, joinBroken(this.captionHead(i, broken ? nx : i), trailing.before), trailing.attribution);
        if (!broken) return i + 1;
        this.ctx.role(nx, 'credit', undefined, fig.block.id);
        return nx + 1;
      }
      if (this.pendingImage && (p.hints?.caption || (titleLike && !this.open))) {
        this.captionImage(i, p.t);
        return i + 1;
      }
      if (p.hints?.caption) {
        if (next && (next.kind === 'table-unit' || next.kind === 'tab-row' || next.kind === 'table-number')) {
          this.tableTitle = { i, title: cleanTitle(p.t) };
          this.ctx.role(i, 'table-title');
          return i + 1;
        }
        this.addFigure(i, null, p.t, null);
        return i + 1;
      }
    }
    this.addFragment(i, p.raw);
    return i + 1;
  }

  /**
   * A caption wraps over several lines, and the lines before its last one were taken as the continuation of
   * the paragraph the photo interrupts. Gathered back from the caption's last line (i, right before the
   * credit at `credit`), among the open paragraph's last lines printed one after another (never its first):
   * a line that opens with a date ("2021年11月…", how captions begin) starts the caption; else, in wrapped
   * text, the lines set narrower than the body — unless the topmost continues the paragraph better than the
   * text after the photo does.
   */
  private captionHead(i: number, credit: number): string {
    // A caption that goes on "图为…" has a sentence before it, which may have closed the paragraph it joined.
    const para = this.open ?? (/^图为/.test(this.lines[i]!.t) ? this.lastPara : null);
    if (!para || para.frags.length < 2) return '';
    const frags = para.frags;
    const lines = this.lines;
    // The caption's last line opens it itself: nothing above belongs to it.
    if (/^\d{4}\s*年|^\d{1,2}\s*月\s*\d{1,2}\s*日/.test(lines[i]!.t)) return '';
    let first = frags.length;
    for (let k = frags.length - 1, below = i; k >= Math.max(1, frags.length - 4); k--) {
      const f = frags[k]!;
      const next = frags[k + 1];
      if (prevContent(lines, below, this.start) !== f.i || (next && next.across?.length)) break;
      first = k;
      below = f.i;
    }
    if (first === frags.length) return '';
    let from = -1;
    for (let k = frags.length - 1; k >= first && from < 0; k--) {
      const text = frags[k]!.text.trim();
      if (/^\d{4}\s*年\s*\d{1,2}\s*月|^\d{1,2}\s*月\s*\d{1,2}\s*日/.test(text)) from = k;
      // A bare year opens a caption when the line before stops mid-sentence on characters that never
      // run on into it anywhere else in the text ("…全区各街" / "2017年,下城区推行…").
      else if (/^\d{4}\s*年/.test(text)) {
        const above = frags[k - 1]!.text;
        if (!endsSentence(above, true) && this.junctionElsewhere(above, text) === 0) from = k;
      }
    }
    if (from < 0 && this.layout.wrapped) {
      const { full, width: w } = this.layout;
      let k = frags.length;
      // The wrapped lines of a caption are as wide as one another and at least as wide as its last line.
      let prevW = -1;
      while (k - 1 >= first && frags.length - (k - 1) <= 3) {
        const q = lines[frags[k - 1]!.i]!;
        if (q.softTerminal || w(q) > full - 3 || w(q) < w(lines[i]!) - 1 || (prevW >= 0 && Math.abs(w(q) - prevW) > 2)) break;
        prevW = w(q);
        k--;
      }
      if (k < frags.length) {
        const after = nextContent(lines, credit, this.end);
        const cont = after >= 0 && lines[after]!.kind === 'text' ? lines[after]!.t : '';
        const top = frags[k]!.text;
        const above = frags[k - 1]!.text;
        if (cont && this.junctionElsewhere(above, top) > this.junction(above, cont)) k++;
      }
      if (k < frags.length) from = k;
    }
    if (from < 0) return '';
    const taken = frags.splice(from);
    for (const f of taken) this.ctx.role(f.i, 'caption');
    // The paragraph now ends where the photo interrupted it: open again if that was mid-sentence.
    if (!this.endsParagraph(frags[frags.length - 1]!.text)) this.open = para;
    return taken.reduce((acc, f) => joinBroken(acc, f.text), '');
  }

  /** Line i ends inside an opened bracket that the short next line n closes: "…举行 (区数据" / "局供稿)". */
  private bracketClosedBelow(i: number, n: number): boolean {
    if (n < 0) return false;
    const q = this.lines[n]!;
    return /[（(][^（）()]{0,30}$/.test(this.lines[i]!.t) && q.kind === 'text' && !q.forced && q.len <= 30 && /^[^（）()]*[）)]$/.test(q.t);
  }

  /** The first line from index n on that is not a numbered caption or its credit. */
  private afterFigures(n: number): PLine | null {
    let k = n;
    for (let guard = 0; k >= 0 && guard < 8; guard++) {
      const q = this.lines[k]!;
      const isCredit = q.kind === 'attribution' && isCreditLike(q.attribution!) && this.lines[prevContent(this.lines, k, this.start)]?.kind === 'figure';
      if (q.kind !== 'figure' && !isCredit) return q;
      k = nextContent(this.lines, k, this.end);
    }
    return null;
  }

  /** A rich source's entry title: a bold run at the start of a paragraph, or a short paragraph all in bold. */
  private isBoldRunIn(p: PLine): boolean {
    if (p.kind !== 'text' || p.forced === 'body') return false;
    if (p.hints?.boldPrefix && p.hints.boldPrefix < p.t.length) return true;
    return isBoldTitle(p);
  }

  /** A short paragraph all in bold followed by body text: an entry title on its own line (rich sources). */
  private isBoldTitleAt(i: number): boolean {
    const p = this.lines[i]!;
    if (!isBoldTitle(p)) return false;
    const n = nextContent(this.lines, i, this.end);
    const q = n >= 0 ? this.lines[n]! : null;
    return !!q && q.kind === 'text' && !q.hints?.headingLevel && !isBoldTitle(q) && !(q.hints?.boldPrefix && q.hints.boldPrefix < q.t.length);
  }

  private onEntry(i: number): number {
    this.closeOpen(i);
    const p = this.lines[i]!;
    const e = p.entry!;
    let title = e.title;
    let rest = e.rest;
    const titleLines = [i];
    let j = i;
    if (!e.closed) {
      // A title broken over lines: join until 】 (at most three more lines).
      for (let k = 0; k < 3; k++) {
        const n = nextContent(this.lines, j, this.end);
        if (n < 0 || this.lines[n]!.kind !== 'text') break;
        const text = this.lines[n]!.t;
        const close = text.search(/[】〗]/);
        j = n;
        titleLines.push(n);
        if (close >= 0) {
          title += text.slice(0, close);
          rest = text.slice(close + 1);
          break;
        }
        title += text;
      }
      if (titleLines.length > 1) this.ctx.heal('title-joined', titleLines);
    }
    const clean = cleanTitle(title);
    this.healSpacing(i, title);
    this.newEntry(i, clean, titleLines);
    const restTrim = rest.replace(/^[\s\u3000]+/, '');
    if (restTrim) this.addFragment(j, restTrim, p.raw.length - rest.length);
    return j + 1;
  }

  private onAttribution(i: number): number {
    const p = this.lines[i]!;
    const a = p.attribution!;
    const prev = prevContent(this.lines, i, this.start);
    // A credit right after a caption belongs to the photo.
    if (isCreditLike(a) && this.lastFigure && !this.lastFigure.block.credit && prev === (this.lastFigure.end ?? this.lastFigure.i)) {
      this.attachCredit(this.lastFigure, i);
      return i + 1;
    }
    if (a.kind === 'photo' || (p.forced === 'credit')) {
      // A photo credit with no caption before it: a photo whose caption is missing.
      this.ctx.doubt(i, 'caption', 'import.doubt.creditWithoutCaption', 'credit', ['attribution']);
      const fig = this.addFigure(i, null, '', null);
      this.attachCredit(fig, i);
      return i + 1;
    }
    this.addAttribution(i, a, 'line');
    return i + 1;
  }

  // -------------------------------------------------------------------------------------------
  // Tree

  private ensureSection(i: number): SectionB {
    if (!this.section) {
      this.ctx.doubt(i, 'section-title', 'import.doubt.noSection', 'body', ['section']);
      this.section = { kind: 'section', id: this.ids(ID_PREFIX.section), title: '', i, children: [] };
      this.sections.push(this.section);
    }
    return this.section;
  }

  private newSection(i: number, text: string): void {
    this.section = { kind: 'section', id: this.ids(ID_PREFIX.section), title: cleanTitle(text), i, children: [] };
    this.sections.push(this.section);
    this.healSpacing(i, text);
    this.subsection = null;
    this.entry = null;
    this.uncovered = [];
    this.afterAttribution = false;
    this.closedEntry = null;
    this.lastFigure = null;
    this.ctx.role(i, 'section', this.section.id);
  }

  private newSubsection(i: number, title: string): void {
    const section = this.ensureSection(i);
    this.subsection = { kind: 'subsection', id: this.ids(ID_PREFIX.subsection), title: cleanTitle(title), i, children: [] };
    section.children.push(this.subsection);
    this.entry = null;
    this.afterAttribution = false;
    this.closedEntry = null;
    this.ctx.role(i, 'subsection', this.subsection.id);
  }

  private newEntry(i: number, title: string, titleLines: number[]): void {
    const section = this.ensureSection(i);
    const entry: EntryB = { kind: 'entry', id: this.ids(ID_PREFIX.entry), title, i, blocks: [] };
    (this.subsection ?? section).children.push(entry);
    this.entry = entry;
    this.uncovered.push(entry);
    this.afterAttribution = false;
    this.closedEntry = null;
    this.lastFigure = null;
    for (const l of titleLines) this.ctx.role(l, 'entry-title', entry.id);
  }

  /** Where a new block goes: the open entry, else the subsection or section. */
  private owner(i: number): Owner {
    return this.entry ?? this.subsection ?? this.ensureSection(i);
  }

  private pushBlock(owner: Owner, b: BlockB): void {
    if (owner.kind === 'entry') owner.blocks.push(b);
    else owner.children.push(b);
  }

  private addAttribution(i: number, a: ParsedAttribution, placement: 'line' | 'inline'): void {
    this.closeOpen(i);
    const section = this.ensureSection(i);
    const covers = this.uncovered;
    const block: Attribution = {
      type: 'attribution',
      id: this.ids(ID_PREFIX.attribution),
      kind: a.kind,
      names: a.names,
      covers: covers.map((e) => e.id),
      raw: a.raw,
      placement,
    };
    const rec: AttribB = { kind: 'attribution', block, i, covers };
    // Inside the subsection when it covers only that subsection's entries; else at section level.
    const sub = this.subsection;
    const inSub = sub && covers.length > 0 && covers.every((e) => sub.children.includes(e));
    (inSub ? sub.children : section.children).push(rec);
    if (placement === 'line') this.ctx.role(i, 'attribution', (inSub ? sub : section).id, block.id);
    this.closedEntry = this.entry ?? this.closedEntry;
    this.entry = null;
    this.uncovered = [];
    this.afterAttribution = true;
    this.lastFigure = null;
  }

  // -------------------------------------------------------------------------------------------
  // Paragraphs

  private addFragment(i: number, text: string, _offset = 0): void {
    const p = this.lines[i]!;
    let body = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    // An author printed at the end of the last paragraph: "…平安区”。（於晓萍）".
    let inline: ParsedAttribution | null = null;
    const trailing = p.forced === 'body' || p.forced === 'continues' ? null : splitTrailingAttribution(body);
    if (trailing && (trailing.attribution.kind === 'author' || trailing.attribution.kind === 'unit')) {
      if (!trailing.before || endsSentence(trailing.before, true)) {
        inline = trailing.attribution;
        body = trailing.before;
      }
    }
    if (body) this.appendText(i, body, p.forced, _offset + (text.length - text.replace(/^[\s\u3000]+/, '').length));
    else this.ctx.role(i, 'attribution');
    if (inline) {
      this.addAttribution(i, inline, 'inline');
      const para = this.paras[this.paras.length - 1];
      this.ctx.heal('inline-attribution', [i], para?.id, inline.raw);
      if (!body) this.ctx.role(i, 'attribution');
    }
  }

  /** Records a body line; a line that also carries its entry's title keeps the title role. */
  private bodyRole(i: number, owner: Owner, blockId: string): void {
    if (this.ctx.lineReports[i]?.role === 'entry-title') this.ctx.lineReports[i]!.blockId = blockId;
    else this.ctx.role(i, 'body', owner.id, blockId);
  }

  private appendText(i: number, text: string, forced?: string, offset = 0): void {
    const frag: Frag = { i, text, ...(offset ? { offset } : {}) };
    let join = forced === 'continues' ? this.lastParagraphOfOwner() : forced === 'paragraph-start' ? null : this.open;
    if (!join && forced !== 'paragraph-start' && this.layout.wrapped && this.lastPara && this.continuesWrapped(this.lastPara, i)) join = this.lastPara;
    if (join) {
      if (this.pendingAcross.length) frag.across = this.pendingAcross;
      join.frags.push(frag);
      this.pendingAcross = [];
      this.bodyRole(i, join.owner, join.id);
      this.open = this.endsParagraph(text) ? null : join;
      this.lastPara = join;
      return;
    }
    this.pendingAcross = [];
    let owner: Owner;
    let orphan = false;
    if (!this.entry && this.afterAttribution && this.closedEntry) {
      // Text after an attribution that opens no entry: printed out of order (placed for now in the
      // entry the attribution closed; a paragraph left open nearby claims it later).
      owner = this.closedEntry;
      orphan = true;
    } else owner = this.owner(i);
    const para: ParaB = { kind: 'para', id: this.ids(ID_PREFIX.paragraph), frags: [frag], marks: [], owner, ...(orphan ? { orphan } : {}) };
    this.pushBlock(owner, para);
    this.paras.push(para);
    this.bodyRole(i, owner, para.id);
    this.open = this.endsParagraph(text) ? null : para;
    this.lastPara = para;
  }

  /**
   * In wrapped text a line that ends a sentence ends its paragraph only when the next line is indented (or
   * short), or when it is itself short — and, where paragraphs are indented, not the paragraph's first line
   * (the rule of the special reports).
   */
  private continuesWrapped(para: ParaB, i: number): boolean {
    const cur = this.lines[i]!;
    const prev = this.lines[para.frags[para.frags.length - 1]!.i]!;
    const { full, width: w, slack } = this.layout;
    if (startsMidSentence(cur.t)) return true;
    if (this.layout.explicitIndent) {
      if (/^[ \u3000\u00a0]/.test(cur.raw)) return false;
    } else if (this.layout.indented && w(cur) <= full - 3) return false;
    if ((para.frags.length > 1 || !this.layout.indented) && !prev.spaced && w(prev) <= full - slack) return false;
    // A full line that ends a sentence may still end its paragraph; the text tells by how its paragraphs
    // open ("2月27日，区政府召开…" in a list of meetings) compared with how its wrapped lines do.
    if (!this.layout.indented && endsSentence(prev.t)) {
      const key = openerKey(cur.t);
      const o = this.openers().get(key);
      if (o && o.starts >= 2 && o.starts > 2 * o.runs) return false;
    }
    return true;
  }

  private openerStats: Map<string, { starts: number; runs: number }> | null = null;

  /**
   * How lines open (their first characters, digits folded) after a sure paragraph end (a short line ending
   * a sentence) and after a sure run-on (a full line stopping mid-sentence).
   */
  private openers(): Map<string, { starts: number; runs: number }> {
    if (this.openerStats) return this.openerStats;
    const stats = new Map<string, { starts: number; runs: number }>();
    const { full, width: w, slack } = this.layout;
    let prev: PLine | null = null;
    for (let i = this.start; i < this.end; i++) {
      const p = this.lines[i]!;
      if (p.kind === 'blank' || p.kind === 'running-head' || p.kind === 'ignored') continue;
      if (p.kind === 'text' && prev && (prev.kind === 'text' || prev.kind === 'entry')) {
        const sure = prev.softTerminal && w(prev) <= full - slack ? 'starts' : !prev.softTerminal && w(prev) > full - slack ? 'runs' : null;
        if (sure) {
          const key = openerKey(p.t);
          const s = stats.get(key) ?? { starts: 0, runs: 0 };
          s[sure]++;
          stats.set(key, s);
        }
      }
      prev = p;
    }
    this.openerStats = stats;
    return stats;
  }

  /**
   * Whether line i is the short tail of the open paragraph: the paragraph's last line stopped mid-sentence at
   * the full width (wrapped text), so this line continues it whatever it looks like.
   */
  private isTail(i: number): boolean {
    const para = this.open;
    if (!para) return false;
    const last = para.frags[para.frags.length - 1]!;
    if (this.layout.wrapped) return this.layout.width(this.lines[last.i]!) >= this.layout.full - 4;
    if (last.across?.length || prevContent(this.lines, i, this.start) !== last.i) return false;
    return startsMidSentence(this.lines[i]!.t);
  }

  private endsParagraph(text: string): boolean {
    return endsSentence(text, true);
  }

  private lastParagraphOfOwner(): ParaB | null {
    for (let k = this.paras.length - 1; k >= 0; k--) if (!this.paras[k]!.removed) return this.paras[k]!;
    return null;
  }

  /** A structural line ends the open paragraph; one that stopped mid-sentence is remembered. */
  private closeOpen(i: number): void {
    if (this.open) this.dangling.push({ para: this.open, i });
    this.open = null;
    this.lastPara = null;
    this.pendingAcross = [];
  }

  private noteInterruption(i: number): void {
    if (this.open) this.pendingAcross.push(i);
  }

  private dropRunningHead(i: number): void {
    this.ctx.role(i, 'running-head');
    this.ctx.heal('running-head', [i], undefined, this.lines[i]!.t);
    this.noteInterruption(i);
  }

  private healSpacing(i: number, text: string): void {
    if (collapseCjkSpacing(text.trim()) !== text.trim().replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') && /[\u4e00-\u9fff][\s\u3000]+[\u4e00-\u9fff]/.test(text)) {
      this.ctx.heal('letter-spacing', [i], undefined, text.trim());
    }
  }

  // -------------------------------------------------------------------------------------------
  // Figures

  private addFigure(i: number, number: string | null, caption: string, credit: ParsedAttribution | null): FigureB {
    const block: Figure = {
      type: 'figure',
      id: this.ids(ID_PREFIX.figure),
      number,
      caption: caption.trim(),
      assetId: null,
      fullWidth: false,
    };
    const fig: FigureB = { kind: 'figure', block, i };
    if (credit) this.setCredit(fig, credit);
    this.pushBlock(this.owner(i), fig);
    this.figures.push(fig);
    this.lastFigure = fig;
    this.ctx.role(i, 'caption', this.owner(i).id, block.id);
    this.noteInterruption(i);
    return fig;
  }

  private setCredit(fig: FigureB, a: ParsedAttribution): void {
    const inner = a.raw.trim().replace(/^[(（]|[)）]$/g, '').trim();
    fig.block.credit = { kind: a.suffix === '摄' ? 'photographer' : 'provided', names: a.names, raw: inner };
  }

  private attachCredit(fig: FigureB, i: number): void {
    const a = this.lines[i]!.attribution;
    if (a) this.setCredit(fig, a);
    this.ctx.role(i, 'credit', undefined, fig.block.id);
    this.noteInterruption(i);
  }

  private onFigure(i: number, number: string | null, caption: string, credit: ParsedAttribution | null): number {
    // In wrapped text a caption filling its line continues on the next (up to its credit or a short line).
    const more: number[] = [];
    if (!credit && this.layout.wrapped && !endsSentence(caption, true)) {
      const { full, width: w, slack } = this.layout;
      let last = this.lines[i]!;
      // (The first line may be indented like a paragraph's.)
      while (more.length < 3 && w(last) > full - slack - (this.layout.indented && last.i === i ? 4 : 0)) {
        const n = nextContent(this.lines, last.i, this.end);
        const q = n >= 0 ? this.lines[n]! : null;
        if (!q || q.kind !== 'text' || q.forced) break;
        more.push(n);
        last = q;
        caption = joinBroken(caption, q.t);
        // The credit may itself be broken: "…(区民政局提" / "供)".
        const trailing = splitTrailingAttribution(caption);
        if (trailing && isCreditLike(trailing.attribution)) {
          caption = trailing.before;
          credit = trailing.attribution;
          break;
        }
        if (q.softTerminal) break;
      }
    }
    const next = this.placeFigure(i, number, caption, credit);
    if (!more.length) return next;
    const fig = this.lastFigure!;
    fig.end = more[more.length - 1]!;
    for (const k of more) this.ctx.role(k, 'caption', undefined, fig.block.id);
    this.ctx.heal('title-joined', [i, ...more], fig.block.id);
    return fig.end + 1;
  }

  private placeFigure(i: number, number: string | null, caption: string, credit: ParsedAttribution | null): number {
    if (this.pendingImage && !this.pendingImage.block.caption) {
      const fig = this.pendingImage;
      fig.block.number = number;
      fig.block.caption = caption.trim();
      if (credit) this.setCredit(fig, credit);
      this.pendingImage = null;
      this.lastFigure = fig;
      this.ctx.role(i, 'caption', undefined, fig.block.id);
      return i + 1;
    }
    this.addFigure(i, number, caption, credit);
    return i + 1;
  }

  private onImage(i: number): number {
    const u = this.lines[i]!.unit;
    const prev = prevContent(this.lines, i, this.start);
    // A caption printed above the photo (caption style in Word) takes the image.
    if (this.lastFigure && prev === this.lastFigure.i && this.lastFigure.block.assetId === null && u.kind === 'image') {
      this.lastFigure.block.assetId = u.assetId;
      this.ctx.role(i, 'image', undefined, this.lastFigure.block.id);
      return i + 1;
    }
    const fig = this.addFigure(i, null, '', null);
    if (u.kind === 'image') fig.block.assetId = u.assetId;
    this.ctx.role(i, 'image', undefined, fig.block.id);
    this.pendingImage = fig;
    return i + 1;
  }

  private captionImage(i: number, text: string): void {
    const fig = this.pendingImage!;
    const trailing = splitTrailingAttribution(text);
    if (trailing && isCreditLike(trailing.attribution)) {
      fig.block.caption = trailing.before;
      this.setCredit(fig, trailing.attribution);
    } else fig.block.caption = text.trim();
    this.pendingImage = null;
    this.lastFigure = fig;
    this.ctx.role(i, 'caption', undefined, fig.block.id);
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  private takeTableTitle(i: number): { title: string; i: number | null } {
    const t = this.tableTitle;
    this.tableTitle = null;
    if (t && i - t.i <= 6) return { title: t.title, i: t.i };
    return { title: '', i: null };
  }

  private onTable(i: number): number {
    const p = this.lines[i]!;
    let number: string | null = null;
    let title: string;
    let rowsFrom = i;
    const used: number[] = [];
    if (p.kind === 'table-number') {
      // "表6" above a real table (DOCX, HTML): number and title go to that table.
      const n = nextContent(this.lines, i, this.end);
      const n2 = n >= 0 ? nextContent(this.lines, n, this.end) : -1;
      const titled = n >= 0 && isTitleLike(this.lines[n]!, 40) && n2 >= 0 && this.lines[n2]!.kind === 'table-unit';
      if (n >= 0 && (this.lines[n]!.kind === 'table-unit' || titled)) {
        const pending = this.takeTableTitle(i);
        let title = p.tableNumber!.title || pending.title;
        if (titled && !title) {
          title = cleanTitle(this.lines[n]!.t);
          this.ctx.role(n, 'table-title');
        }
        this.tableNumber = { number: p.tableNumber!.number, title };
        this.ctx.role(i, 'table-number');
        return titled ? n + 1 : i + 1;
      }
      number = p.tableNumber!.number;
      title = p.tableNumber!.title;
      this.ctx.role(i, 'table-number');
      used.push(i);
      rowsFrom = i + 1;
      const pending = this.takeTableTitle(i);
      if (!title && pending.i !== null) {
        title = pending.title;
        used.push(pending.i);
      }
      if (!title) {
        // Title printed under the number.
        const n = nextContent(this.lines, i, this.end);
        const after = n >= 0 ? nextContent(this.lines, n, this.end) : -1;
        if (n >= 0 && isTitleLike(this.lines[n]!, 40) && after >= 0 && this.lines[after]!.kind === 'tab-row') {
          title = cleanTitle(this.lines[n]!.t);
          this.ctx.role(n, 'table-title');
          used.push(n);
          rowsFrom = n + 1;
        }
      }
    } else {
      const pending = this.takeTableTitle(i);
      title = pending.title;
      if (pending.i !== null) used.push(pending.i);
    }
    const { rows, next } = this.readRows(rowsFrom);
    if (!rows.length && p.kind === 'table-number' && !title) {
      // "表N" with neither title nor rows: a line of text that happens to start so.
      this.addFragment(i, p.raw);
      return i + 1;
    }
    const table = buildTextTable(this.ids, number, title, rows.map((r) => r.cells));
    const rec: TableB = {
      kind: 'table',
      block: table,
      i,
      parts: 1,
      header: tableHeaderKey(rows[0]?.cells ?? []),
      columns: rows[0]?.cells.length ?? 0,
    };
    rows.forEach((r, k) => this.ctx.role(r.i, k === 0 ? 'table-header' : 'table-row', undefined, table.id));
    for (const u of used) this.ctx.lineReports[u]!.blockId = table.id;
    this.checkColumns(rows, i);
    this.placeTable(rec, i);
    return this.readTableNote(rec, next);
  }

  private readRows(from: number): { rows: { i: number; cells: string[] }[]; next: number } {
    const rows: { i: number; cells: string[] }[] = [];
    let j = from;
    for (; j < this.end; j++) {
      const q = this.lines[j]!;
      if (q.kind === 'blank' || q.kind === 'ignored') continue;
      if (q.kind === 'running-head') {
        this.dropRunningHead(j);
        continue;
      }
      if (q.kind !== 'tab-row') break;
      rows.push({ i: j, cells: q.cells! });
    }
    return { rows, next: j };
  }

  private checkColumns(rows: { i: number; cells: string[] }[], i: number): void {
    const counts = [...new Set(rows.map((r) => r.cells.length))];
    if (counts.length > 1) this.ctx.doubt(i, 'table', 'import.doubt.tableRows', 'table-row', [], { counts: counts.join('/') });
  }

  private placeTable(rec: TableB, i: number): void {
    this.pushBlock(this.owner(i), rec);
    this.tables.push(rec);
    this.noteInterruption(i);
  }

  /** "注：…" or "资料来源：…" right under a table is its note. */
  private readTableNote(rec: TableB, next: number): number {
    const n = next < this.end && (this.lines[next]!.kind === 'blank' || this.lines[next]!.kind === 'running-head') ? nextContent(this.lines, next - 1, this.end) : next;
    if (n >= 0 && n < this.end) {
      const q = this.lines[n]!;
      if (q.kind === 'text' && /^(注|说明|资料来源|数据来源)\s*[:：]/.test(q.t)) {
        rec.block.note = rec.block.note ? `${rec.block.note}\n${q.t}` : q.t;
        this.ctx.role(n, 'table-row', undefined, rec.block.id);
        return n + 1;
      }
    }
    return next;
  }

  private onContinuation(i: number): number {
    const p = this.lines[i]!;
    const num = p.continuation!.number;
    const target =
      (num !== null ? [...this.tables].reverse().find((t) => t.block.number === num) : undefined) ?? this.tables[this.tables.length - 1];
    this.ctx.role(i, 'table-continuation');
    // "续表" above a real table (DOCX, HTML): that table's rows continue the target, its repeated header dropped.
    const n = nextContent(this.lines, i, this.end);
    if (target && n >= 0 && this.lines[n]!.kind === 'table-unit') return this.continueWithUnit(target, i, n);
    const { rows, next } = this.readRows(i + 1);
    if (!target) {
      this.ctx.doubt(i, 'table', 'import.doubt.continuationWithoutTable', 'table-continuation', []);
      const table = buildTextTable(this.ids, num, '', rows.map((r) => r.cells));
      const rec: TableB = { kind: 'table', block: table, i, parts: 1, header: tableHeaderKey(rows[0]?.cells ?? []), columns: rows[0]?.cells.length ?? 0 };
      rows.forEach((r, k) => this.ctx.role(r.i, k === 0 ? 'table-header' : 'table-row', undefined, table.id));
      this.placeTable(rec, i);
      return next;
    }
    this.ctx.lineReports[i]!.blockId = target.block.id;
    target.parts++;
    this.ctx.heal('table-continued', [target.i, i], target.block.id);
    let k = 0;
    if (rows[0] && tableHeaderKey(rows[0].cells) === target.header) {
      this.ctx.role(rows[0].i, 'table-header-repeat', undefined, target.block.id);
      this.ctx.heal('header-repeat-removed', [rows[0].i], target.block.id);
      k = 1;
    }
    const extra = buildTextTable(this.ids, null, '', [[], ...rows.slice(k).map((r) => r.cells)]);
    target.block.bodyRows.push(...extra.bodyRows);
    for (const r of rows.slice(k)) this.ctx.role(r.i, 'table-row', undefined, target.block.id);
    this.noteInterruption(i);
    this.checkColumns([{ i, cells: new Array(target.columns).fill('') }, ...rows.slice(k)], i);
    return this.readTableNote(target, next);
  }

  /** Rows of the real table at line n appended to `target`, the header it repeats removed. */
  private continueWithUnit(target: TableB, i: number, n: number): number {
    const u = this.lines[n]!.unit;
    if (u.kind !== 'table') return i + 1;
    const part = sourceTableToTable(this.ids, u, null, '');
    const rows = [...part.headerRows, ...part.bodyRows];
    const key = (r: (typeof rows)[number]) => tableHeaderKey(r.cells.map((c) => c.text));
    const header = [...target.block.headerRows];
    // The part repeats the header rows (one or more) when its first rows read the same.
    let k = 0;
    while (k < header.length && k < rows.length && key(rows[k]!) === key(header[k]!)) k++;
    if (k === 0 && rows[0] && key(rows[0]) === target.header) k = 1;
    this.ctx.lineReports[i]!.blockId = target.block.id;
    target.parts++;
    this.ctx.heal('table-continued', [target.i, i, n], target.block.id);
    if (k > 0) this.ctx.heal('header-repeat-removed', [n], target.block.id);
    target.block.bodyRows.push(...rows.slice(k));
    this.ctx.role(n, 'table-row', undefined, target.block.id);
    this.noteInterruption(i);
    return this.readTableNote(target, n + 1);
  }

  private onTableUnit(i: number): number {
    const u = this.lines[i]!.unit;
    if (u.kind !== 'table') return i + 1;
    const pending = this.takeTableTitle(i);
    const numbered = this.tableNumber;
    this.tableNumber = null;
    const table = sourceTableToTable(this.ids, u, numbered?.number ?? null, numbered?.title || pending.title);
    const first = table.headerRows[0] ?? table.bodyRows[0];
    const rec: TableB = { kind: 'table', block: table, i, parts: 1, header: tableHeaderKey(first?.cells.map((c) => c.text) ?? []), columns: u.rows[0]?.cells.length ?? 0 };
    this.ctx.role(i, 'table-row', undefined, table.id);
    this.placeTable(rec, i);
    return i + 1;
  }

  // -------------------------------------------------------------------------------------------
  // Footnotes

  /** A note line ("▲…", "①…"); in wrapped text its unfinished last line continues on the next lines. */
  private onFootnote(i: number): number {
    const p = this.lines[i]!;
    let text = p.footnote!.text;
    const used = [i];
    let last = p;
    for (let guard = 0; guard < 8 && !last.softTerminal; guard++) {
      const n = nextContent(this.lines, last.i, this.end);
      const q = n >= 0 ? this.lines[n]! : null;
      if (!q || q.kind !== 'text' || q.forced || !(this.layout.wrapped || startsMidSentence(q.t))) break;
      text = joinBroken(text, q.t);
      used.push(n);
      last = q;
    }
    const fn = this.addFootnote(i, p.footnote!.marker, text);
    for (const k of used.slice(1)) this.ctx.role(k, 'footnote', undefined, fn.block.id);
    if (used.length > 1) this.ctx.heal('line-joined', used, fn.block.id);
    return last.i + 1;
  }

  private addFootnote(i: number, marker: string, text: string, noteKey?: string): FootnoteB {
    const block: Footnote = { type: 'footnote', id: this.ids(ID_PREFIX.footnote), text: text.trim(), marks: [] };
    const rec: FootnoteB = { kind: 'footnote', block, i, marker, ...(noteKey ? { noteKey } : {}) };
    this.pushBlock(this.owner(i), rec);
    this.footnotes.push(rec);
    this.ctx.role(i, 'footnote', undefined, block.id);
    this.noteInterruption(i);
    return rec;
  }

  // -------------------------------------------------------------------------------------------
  // Post-passes

  private text(): string {
    if (this.segmentText === null) {
      const parts: string[] = [];
      for (let i = this.start; i < this.end; i++) parts.push(this.lines[i]!.t);
      this.segmentText = squash(parts.join('\n'));
    }
    return this.segmentText;
  }

  private count(s: string): number {
    if (!s) return 0;
    const text = this.text();
    let n = 0;
    for (let k = text.indexOf(s); k >= 0; k = text.indexOf(s, k + 1)) n++;
    return n;
  }

  /** How well two pieces join: how often the characters at the join occur together elsewhere in the text. */
  private junction(left: string, right: string): number {
    const l = squash(left);
    const r = squash(right);
    if (!l || !r) return 0;
    const a = l[l.length - 1]!;
    const b = r[0]!;
    let s = this.count(a + b);
    if (l.length >= 2) s += 2 * this.count(l.slice(-2) + b);
    if (r.length >= 2) s += 2 * this.count(a + r.slice(0, 2));
    return s;
  }

  /** The junction of two pieces printed next to each other, without their own occurrence. */
  private junctionElsewhere(left: string, right: string): number {
    const l = squash(left);
    const r = squash(right);
    if (!l || !r) return 0;
    return Math.max(0, this.junction(left, right) - 1 - (l.length >= 2 ? 2 : 0) - (r.length >= 2 ? 2 : 0));
  }

  private paraText(p: ParaB): string {
    return p.frags.map((f) => f.text).join('');
  }

  /**
   * Paragraphs left open at an entry boundary take the fragment printed out of order nearby: an orphan
   * (text after an attribution), or a fragment that was joined to another open paragraph although the
   * paragraph after it continues that one far better ("…全区各街" + "道有网格员…", not + "库项目…").
   */
  private resolveDisplaced(): void {
    const WINDOW = 40;
    const no = (i: number) => this.lines[i]!.no;
    for (const d of this.dangling) {
      const D = d.para;
      if (D.removed || this.endsParagraph(this.paraText(D))) continue;
      const dEnd = D.frags[D.frags.length - 1]!;
      const dLine = no(dEnd.i);
      // 1. Orphans nearby.
      let best: { para: ParaB; score: number; dist: number } | null = null;
      for (const o of this.paras) {
        if (!o.orphan || o.removed || o === D) continue;
        const dist = Math.abs(no(o.frags[0]!.i) - dLine);
        if (dist > WINDOW) continue;
        const score = this.junction(dEnd.text, o.frags[0]!.text);
        if (!best || score > best.score || (score === best.score && dist < best.dist)) best = { para: o, score, dist };
      }
      if (best) {
        this.moveFragments(best.para, D, best.para.frags[0]!.i);
        continue;
      }
      // 2. A fragment joined to the wrong open paragraph.
      let swap: { P: ParaB; Q: ParaB; gain: number; at: number } | null = null;
      for (let k = 0; k + 1 < this.paras.length; k++) {
        const P = this.paras[k]!;
        if (P.removed || P === D || P.frags.length < 2) continue;
        // The displaced piece: the last line joined, or in wrapped text every line after the last
        // interruption (a caption or table printed between).
        let at = P.frags.length - 1;
        if (this.layout.wrapped) for (let j = P.frags.length - 1; j >= 1; j--) if (P.frags[j]!.across?.length) {
          at = j;
          break;
        }
        const F1 = P.frags[at]!;
        if (Math.abs(no(F1.i) - dLine) > WINDOW) continue;
        const Q = this.nextParagraphInOwner(P);
        if (!Q || Q === D || Q.frags[0]!.i < F1.i) continue;
        const X = P.frags[at - 1]!;
        const F2 = Q.frags[0]!;
        const keep = this.junction(X.text, F1.text) + this.junction(dEnd.text, F2.text);
        const change = this.junction(X.text, F2.text) + this.junction(dEnd.text, F1.text);
        if (this.junction(X.text, F2.text) >= 2 && this.junction(X.text, F1.text) === 0 && change > keep && !this.opensParagraph(F2.text)) {
          const gain = change - keep;
          if (!swap || gain > swap.gain) swap = { P, Q, gain, at };
        }
      }
      if (swap) {
        const { P, Q, at } = swap;
        const moved = P.frags.splice(at);
        const F1 = moved[0]!;
        // Q continues P.
        P.frags.push(...Q.frags.map((f, k) => (k === 0 ? { ...f, across: [...(f.across ?? []), F1.i] } : f)));
        for (const f of Q.frags) this.ctx.role(f.i, 'body', P.owner.id, P.id);
        this.removePara(Q);
        D.frags.push(...moved.map((f, k) => (k === 0 ? { ...f, across: [] } : f)));
        for (const f of moved) this.ctx.role(f.i, 'body', D.owner.id, D.id);
        this.ctx.heal('displaced-fragment', [F1.i, dEnd.i], D.id);
        this.ctx.doubt(F1.i, 'displaced-fragment', 'import.doubt.displacedFragment', 'body', ['paragraph-start'], { target: dLine });
      } else {
        this.ctx.doubt(dEnd.i, 'dangling-paragraph', 'import.doubt.danglingParagraph', 'body', ['continues']);
      }
    }
    for (const o of this.paras) {
      if (o.orphan && !o.removed) this.ctx.doubt(o.frags[0]!.i, 'orphan-text', 'import.doubt.orphanText', 'body', ['section', 'entry-title']);
    }
  }

  /** Typical openings of a new paragraph: a year, "是年", a date, an enumeration. */
  private opensParagraph(text: string): boolean {
    return /^(\d{4}\s*年|是年|全年|同年|年内|至年底|此外|另外|[一二三四五六七八九十]+是|\d{1,2}\s*月\s*\d{1,2}\s*日)/.test(text.trim());
  }

  private nextParagraphInOwner(P: ParaB): ParaB | null {
    const list = P.owner.kind === 'entry' ? P.owner.blocks : P.owner.children;
    const at = list.indexOf(P);
    for (let k = at + 1; k < list.length; k++) {
      const b = list[k]!;
      if (b.kind === 'para') return b.removed ? null : b;
      if (b.kind === 'entry' || b.kind === 'subsection' || b.kind === 'attribution') return null;
    }
    return null;
  }

  private moveFragments(from: ParaB, to: ParaB, firstLine: number): void {
    to.frags.push(...from.frags.map((f, k) => (k === 0 ? { ...f, across: [] } : f)));
    for (const f of from.frags) this.ctx.role(f.i, 'body', to.owner.id, to.id);
    this.removePara(from);
    const target = to.frags[0]!;
    this.ctx.heal('displaced-fragment', [firstLine, target.i], to.id);
    this.ctx.doubt(firstLine, 'displaced-fragment', 'import.doubt.displacedFragment', 'body', ['paragraph-start'], {
      target: this.lines[to.frags[to.frags.length - from.frags.length - 1]!.i]!.no,
    });
  }

  private removePara(p: ParaB): void {
    p.removed = true;
    const list: (EntryB | SubsectionB | BlockB | AttribB)[] = p.owner.kind === 'entry' ? p.owner.blocks : p.owner.children;
    const at = list.indexOf(p);
    if (at >= 0) list.splice(at, 1);
  }

  /** Joins the fragments of every paragraph and records each healed break. */
  private finishParagraphs(): void {
    for (const p of this.paras) {
      if (p.removed) continue;
      let text = '';
      const lineMarks: Mark[] = [];
      const carry = (f: Frag, at: number) => {
        // Inline formatting of a rich source (bold, italic, sup, sub), moved to the paragraph's offsets.
        for (const m of this.lines[f.i]!.hints?.marks ?? []) {
          const shift = at - (f.offset ?? 0);
          const start = Math.max(at, m.start + shift);
          const end = Math.min(at + f.text.trim().length, m.end + shift);
          if (end > start && m.type !== 'footnoteRef' && m.type !== 'comment' && m.type !== 'indexTerm') lineMarks.push({ ...m, start, end });
        }
      };
      for (let k = 0; k < p.frags.length; k++) {
        const f = p.frags[k]!;
        if (k === 0) {
          text = f.text.trim();
          carry(f, 0);
          continue;
        }
        const prev = p.frags[k - 1]!;
        const kind = f.across && f.across.length ? 'joined-across' : breakKind(text, f.text) === 'number-split' ? 'number-joined' : 'line-joined';
        this.ctx.heal(kind, [prev.i, ...(f.across ?? []), f.i], p.id, `${text.slice(-2)}|${f.text.trim().slice(0, 2)}`);
        const joined = joinBroken(text, f.text);
        carry(f, joined.length - f.text.trim().length);
        text = joined;
      }
      // Letter-spacing is removed unless formatting marks point into the text.
      const collapsed = lineMarks.length ? text : collapseCjkSpacing(text);
      if (collapsed !== text) this.ctx.heal('letter-spacing', p.frags.map((f) => f.i), p.id);
      p.marks.push(...lineMarks);
      (p as ParaB & { finalText: string }).finalText = collapsed;
    }
  }

  /** Links footnote call-outs ("[▲]", "▲", "①") in the paragraphs before a note to the note. */
  private linkFootnotes(): void {
    for (const fn of this.footnotes) {
      if (fn.noteKey) {
        this.linkByKey(fn);
        continue;
      }
      if (!fn.marker) continue;
      const variants = [`[${fn.marker}]`, `［${fn.marker}］`, fn.marker];
      // The nearest paragraph before the note that carries the marker.
      for (let k = this.paras.length - 1; k >= 0; k--) {
        const p = this.paras[k] as ParaB & { finalText?: string };
        if (p.removed || p.frags[0]!.i > fn.i || p.finalText === undefined) continue;
        const v = variants.find((m) => p.finalText!.includes(m));
        if (!v) continue;
        const at = p.finalText.indexOf(v);
        p.finalText = p.finalText.slice(0, at) + p.finalText.slice(at + v.length);
        p.marks.push({ type: 'footnoteRef', start: at, end: at, footnoteId: fn.block.id });
        this.ctx.heal('footnote-linked', [p.frags[0]!.i, fn.i], p.id, v);
        break;
      }
    }
  }

  private linkByKey(fn: FootnoteB): void {
    for (const p of this.paras as (ParaB & { finalText?: string })[]) {
      if (p.removed) continue;
      for (const f of p.frags) {
        const refs = this.lines[f.i]!.hints?.footnoteRefs;
        if (!refs?.some((r) => r.noteKey === fn.noteKey)) continue;
        // Rich sources: the call-out has no text of its own; it points between two characters.
        const before = p.frags.slice(0, p.frags.indexOf(f)).reduce((acc, x) => joinBroken(acc, x.text), '');
        const ref = refs.find((r) => r.noteKey === fn.noteKey)!;
        const at = Math.min((p.finalText ?? '').length, before.length + ref.offset - (f.offset ?? 0));
        p.marks.push({ type: 'footnoteRef', start: Math.max(0, at), end: Math.max(0, at), footnoteId: fn.block.id });
        this.ctx.heal('footnote-linked', [f.i, fn.i], p.id);
        // Word keeps its notes at the end of the document; the note goes to the entry that calls it.
        const host = this.ownerOf(fn);
        if (host && host !== p.owner) {
          const from: unknown[] = host.kind === 'entry' ? host.blocks : host.children;
          from.splice(from.indexOf(fn), 1);
          if (p.owner.kind === 'entry') p.owner.blocks.push(fn);
          else p.owner.children.push(fn);
        }
        return;
      }
    }
  }

  /**
   * A numbered table or figure printed away from the text that announces it ("…如下(见表6)。") is moved
   * right after the announcing paragraph, when that paragraph comes before it in the same chapter.
   */
  private moveToReferences(): void {
    const items: { rec: TableB | FigureB; re: RegExp }[] = [];
    for (const t of this.tables) if (t.block.number) items.push({ rec: t, re: new RegExp(`(?:见|如|详见|参见)\\s*表\\s*${escapeRe(t.block.number)}(?![0-9])`) });
    for (const f of this.figures) if (f.block.number) items.push({ rec: f, re: new RegExp(`(?:见|如|详见|参见)\\s*图\\s*${escapeRe(f.block.number)}(?![0-9])`) });
    for (const { rec, re } of items) {
      const host = this.ownerOf(rec);
      if (!host) continue;
      let ref: (ParaB & { finalText?: string }) | null = null;
      for (const p of this.paras as (ParaB & { finalText?: string })[]) {
        if (p.removed || p.frags[0]!.i > rec.i) continue;
        if (p.finalText && re.test(p.finalText)) ref = p;
      }
      if (!ref || ref.owner === host) continue;
      const list: unknown[] = host.kind === 'entry' ? host.blocks : host.children;
      list.splice(list.indexOf(rec), 1);
      const target: unknown[] = ref.owner.kind === 'entry' ? ref.owner.blocks : ref.owner.children;
      target.splice(target.indexOf(ref) + 1, 0, rec);
      this.ctx.heal('moved-to-reference', [ref.frags[0]!.i, rec.i], rec.block.id);
    }
  }

  private ownerOf(rec: BlockB): Owner | null {
    for (const s of this.sections) {
      if (s.children.includes(rec)) return s;
      for (const c of s.children) {
        if (c.kind === 'entry' && c.blocks.includes(rec)) return c;
        if (c.kind === 'subsection') {
          if (c.children.includes(rec)) return c;
          for (const e of c.children) if (e.kind === 'entry' && e.blocks.includes(rec)) return e;
        }
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // To the book model

  private toModel(): ChapterResult {
    const block = (b: BlockB): Entry['blocks'][number] => {
      switch (b.kind) {
        case 'para': {
          const text = (b as ParaB & { finalText?: string }).finalText ?? this.paraText(b);
          const para: Paragraph = { type: 'paragraph', id: b.id, text, marks: b.marks };
          return para;
        }
        case 'figure':
          return b.block;
        case 'table':
          return b.block;
        case 'footnote':
          return b.block;
      }
    };
    const entry = (e: EntryB): Entry => ({ type: 'entry', id: e.id, title: e.title, noIndex: false, blocks: e.blocks.map(block) });
    const subChild = (c: EntryB | BlockB | AttribB): Subsection['children'][number] =>
      c.kind === 'entry' ? entry(c) : c.kind === 'attribution' ? c.block : block(c);
    const sections: Section[] = this.sections.map((s) => ({
      type: 'section',
      id: s.id,
      title: s.title || t('import.untitledSection'),
      status: { stage: 'draft' },
      fullWidth: false,
      children: s.children.map((c) =>
        c.kind === 'subsection'
          ? ({ type: 'subsection', id: c.id, title: c.title, children: c.children.map(subChild) } satisfies Subsection)
          : subChild(c),
      ),
    }));
    const category: Category = {
      type: 'category',
      id: this.categoryId,
      role: 'regular',
      title: this.categoryTitle ?? t('import.untitledCategory'),
      ...(this.categoryTitleEn ? { titleEn: this.categoryTitleEn } : {}),
      sections,
    };
    const report: DocumentReport = {
      kind: 'chapter',
      firstLine: this.lines[this.start]?.no ?? 1,
      lastLine: this.lines[this.end - 1]?.no ?? 1,
      categoryId: this.categoryId,
      sectionIds: sections.map((s) => s.id),
      reflowed: false,
      tables: this.tables.map((t) => ({ id: t.block.id, number: t.block.number, parts: t.parts })),
    };
    return { category, report, categoryTitle: this.categoryTitle };
  }
}

/**
 * A title set in bold on a line of its own: short, no sentence stop, not a heading style. Commas are allowed
 * (quoted proposal titles: "“关于重振武林商圈,打造中国不夜城的建议”办理").
 */
function isBoldTitle(p: PLine): boolean {
  if (p.kind !== 'text' || !p.hints?.bold || p.hints.headingLevel || p.forced === 'body') return false;
  const s = squash(p.t);
  return s.length <= 40 && hanCount(s) >= 2 && !hasSentenceStop(s) && !endsWithClauseMark(s) && !p.softTerminal && !isBracketed(s);
}

/** The first characters of a line with runs of digits folded: "2月27日，区政府…" → "#月#日". */
function openerKey(text: string): string {
  return squash(text).replace(/[0-9０-９]+/g, '#').slice(0, 4);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
