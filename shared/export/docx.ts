// The book → a Word document (.docx) of the kind a chronicle office hands around for review: the book title,
// 类目/分目/次目 as Word's own heading styles (so Word's navigation pane and table of contents work), entries
// with the bold 【title】 run in with their first paragraph, attribution lines right-aligned in （）, tables with
// number, title and unit note and a header row Word repeats on every page, figures with the photo (when the
// book has it), caption and credit, and footnotes as real Word footnotes. The scope is the volume, a category
// or a section, as for the PDF. Pure: no DOM, no Node (the docx package packs to a Uint8Array), so the app, its
// worker and the CLI share it.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { t } from '../i18n';
import type { Asset, Attribution, Block, Book, Category, Cell, Entry, Figure, Footnote, Heading, Mark, Matter, Section, Subsection, Table } from '../model/schema';
import { imageDimensions } from '../model/image';
import { allCategories } from '../model/walk';
import { UserError } from '../model/errors';
import { attributionText, creditText, tableFigureNumbers } from './render';
import { scopeLabel, type ExportScope } from './scope';

export interface DocxExportOptions {
  book: Book;
  /** Image bytes by asset id; a figure whose bytes are missing gets a 图片待补 frame. */
  assets: ReadonlyMap<string, Uint8Array>;
  scope?: ExportScope;
  /** Written into the document properties ("年鉴编纂工作台 0.1.0"). */
  createdBy?: string;
}

export interface DocxExportResult {
  bytes: Uint8Array;
  counts: { categories: number; sections: number; entries: number; tables: number; figures: number; images: number; footnotes: number };
  /** Figures printed without a photo, with where they are and why: none supplied yet ('missing'), or a photo in a
   * format Word cannot show ('format': WebP). */
  missingImages: { figureId: string; where: string; reason: 'missing' | 'format' }[];
}

// Type sizes in half-points, as Chinese offices name them: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt.
const SIZE = { title: 44, h1: 32, h2: 28, h3: 24, body: 21, small: 18, caption: 19 } as const;
const FONT = {
  song: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
  hei: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' },
  kai: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' },
} as const;
/** Two characters of 五号 (10.5pt = 210 twips each): the first-line indent of Chinese body text. */
const INDENT_2 = { firstLineChars: 200, firstLine: 420 } as const;

/** Page text area of A4 with Word's Chinese default margins (2.54 cm top/bottom, 3.17 cm left/right), in px at 96 dpi. */
const TEXT_WIDTH_PX = Math.round(((21 - 2 * 3.17) / 2.54) * 96);
const FIGURE_MAX_HEIGHT_PX = Math.round((12 / 2.54) * 96);

const STYLE = {
  body: 'YbBody',
  attribution: 'YbAttribution',
  tableTitle: 'YbTableTitle',
  unitNote: 'YbUnitNote',
  tableText: 'YbTableText',
  tableNote: 'YbTableNote',
  figure: 'YbFigure',
  caption: 'Caption',
  articleMeta: 'YbArticleMeta',
  dated: 'YbDated',
  scope: 'YbScope',
  reportHeading: (level: number) => `YbReportHeading${level}`,
} as const;

function paragraphStyles(): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', next: STYLE.body, quickFormat: true } as const;
  const styles: IParagraphStyleOptions[] = [
    { id: STYLE.body, name: t('docx.style.body', {}, 'zh'), ...base, paragraph: { indent: INDENT_2, alignment: AlignmentType.BOTH } },
    { id: STYLE.attribution, name: t('docx.style.attribution', {}, 'zh'), ...base, run: { font: FONT.kai }, paragraph: { alignment: AlignmentType.RIGHT, keepLines: true } },
    { id: STYLE.tableTitle, name: t('docx.style.tableTitle', {}, 'zh'), ...base, run: { font: FONT.hei }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 } } },
    { id: STYLE.unitNote, name: t('docx.style.unitNote', {}, 'zh'), ...base, run: { size: SIZE.small }, paragraph: { alignment: AlignmentType.RIGHT, keepNext: true } },
    { id: STYLE.tableText, name: t('docx.style.tableText', {}, 'zh'), ...base, run: { size: SIZE.small }, paragraph: { spacing: { line: 260, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.tableNote, name: t('docx.style.tableNote', {}, 'zh'), ...base, run: { size: SIZE.small }, paragraph: { alignment: AlignmentType.BOTH, spacing: { after: 120 } } },
    { id: STYLE.figure, name: t('docx.style.figure', {}, 'zh'), ...base, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.articleMeta, name: t('docx.style.articleMeta', {}, 'zh'), ...base, run: { font: FONT.kai }, paragraph: { alignment: AlignmentType.CENTER } },
    { id: STYLE.dated, name: t('docx.style.dated', {}, 'zh'), ...base, paragraph: { indent: INDENT_2, alignment: AlignmentType.BOTH } },
    { id: STYLE.scope, name: t('docx.style.scope', {}, 'zh'), ...base, run: { font: FONT.kai, size: SIZE.h2 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
  ];
  // Headings inside 特载 reports (一、 / （一） / 1. / (1)): outline levels below the section, not Word headings, so
  // that importing the document again reads them as the report's own headings.
  const fonts = [FONT.hei, FONT.kai, FONT.hei, FONT.hei];
  for (let level = 1; level <= 4; level++) {
    styles.push({
      id: STYLE.reportHeading(level),
      name: t('docx.style.reportHeading', { level }, 'zh'),
      ...base,
      run: { font: fonts[level - 1]!, ...(level === 1 ? { size: SIZE.body + 2 } : {}) },
      paragraph: { indent: INDENT_2, keepNext: true, outlineLevel: 2 + level, spacing: { before: level === 1 ? 120 : 0 } },
    });
  }
  return styles;
}

/** The book's image formats Word shows (a WebP photo, which the editor and the PDF take, Word does not). */
const IMAGE_TYPE: Partial<Record<string, 'png' | 'jpg'>> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A paragraph being built: its runs can still grow (an inline attribution, a footnote call-out at the end). */
interface Para {
  kind: 'p';
  opts: Omit<IParagraphOptions, 'children'>;
  runs: ParagraphChild[];
}
type Item = Para | { kind: 'table'; table: DocxTable };

/** Builds the document's body for a scope, collecting footnotes and counts on the way. */
class DocxWriter {
  readonly items: Item[] = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly counts = { categories: 0, sections: 0, entries: 0, tables: 0, figures: 0, images: 0, footnotes: 0 };
  readonly missingImages: DocxExportResult['missingImages'] = [];
  private footnoteSeq = 0;
  private readonly numbers: Map<string, string>;
  private readonly pad: boolean;

  constructor(
    private readonly book: Book,
    private readonly assets: ReadonlyMap<string, Uint8Array>,
  ) {
    this.numbers = tableFigureNumbers(book);
    this.pad = book.houseStyle.padTwoCharNames;
  }

  private para(opts: Para['opts'], runs: ParagraphChild[] = []): Para {
    const p: Para = { kind: 'p', opts, runs };
    this.items.push(p);
    return p;
  }

  // ---- structure --------------------------------------------------------------------------------

  category(c: Category, pageBreak: boolean, sections: readonly Section[] = c.sections): void {
    this.counts.categories++;
    this.para({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak }, [new TextRun(c.title)]);
    if (c.titleEn) this.para({ style: STYLE.articleMeta }, [new TextRun({ text: c.titleEn, italics: true })]);
    for (const s of sections) this.section(c, s);
  }

  section(c: Category, s: Section): void {
    this.counts.sections++;
    this.para({ heading: HeadingLevel.HEADING_2 }, [new TextRun(s.title)]);
    const a = s.article;
    if (a) {
      if (a.subtitle) this.para({ style: STYLE.articleMeta }, [new TextRun(a.subtitle)]);
      if (a.speaker || a.speakerTitle) this.para({ style: STYLE.articleMeta }, [new TextRun([a.speakerTitle, a.speaker].filter(Boolean).join('\u3000'))]);
      if (a.dateLine) this.para({ style: STYLE.articleMeta }, [new TextRun(a.dateLine)]);
      if (a.salutation) this.para({ style: STYLE.body, indent: { firstLine: 0, firstLineChars: 0 } }, [new TextRun(a.salutation)]);
    }
    this.children(s.children, `${c.title} · ${s.title}`);
  }

  matter(m: Matter, pageBreak: boolean): void {
    this.para({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak }, [new TextRun(m.title)]);
    this.children(m.blocks, m.title);
  }

  /** Children of a section, subsection or matter page; footnote blocks are numbered where they are called. */
  private children(children: readonly (Section['children'][number] | Subsection['children'][number])[], where: string): void {
    const notes = this.noteScope(children.filter((c): c is Footnote => c.type === 'footnote'));
    let runIn: Heading | null = null;
    for (const ch of children) {
      if (ch.type === 'entry') this.entry(ch, where);
      else if (ch.type === 'subsection') {
        this.para({ heading: HeadingLevel.HEADING_3 }, [new TextRun(ch.title)]);
        this.children(ch.children, `${where} · ${ch.title}`);
      } else if (ch.type === 'heading' && ch.runIn) runIn = ch;
      else if (ch.type !== 'footnote') {
        this.block(ch, where, notes, runIn);
        if (ch.type === 'paragraph' || ch.type === 'dated') runIn = null;
      }
    }
    if (runIn) this.block(runIn, where, notes, null);
    this.closeNotes(notes);
  }

  entry(e: Entry, where: string): void {
    this.counts.entries++;
    const notes = this.noteScope(e.blocks.filter((b): b is Footnote => b.type === 'footnote'));
    const title = new TextRun({ text: `【${e.title}】`, bold: true, font: FONT.hei });
    let titled = false;
    for (const b of e.blocks) {
      if (b.type === 'footnote') continue;
      if (!titled) {
        titled = true;
        if (b.type === 'paragraph') {
          this.para({ style: STYLE.body, keepLines: false }, [title, ...this.runs(b.text, b.marks, {}, notes)]);
          continue;
        }
        this.para({ style: STYLE.body, keepNext: true }, [title]);
      }
      this.block(b, `${where}【${e.title}】`, notes, null);
    }
    if (!titled) this.para({ style: STYLE.body }, [title]);
    this.closeNotes(notes);
  }

  private block(b: Block, where: string, notes: NoteScope, runIn: Heading | null): void {
    const lead = runIn ? this.runs(runIn.text, runIn.marks, { font: runIn.level === 2 ? FONT.kai : FONT.hei }, notes) : [];
    switch (b.type) {
      case 'paragraph':
        this.para({ style: STYLE.body }, [...lead, ...this.runs(b.text, b.marks, {}, notes)]);
        return;
      case 'heading':
        this.para({ style: STYLE.reportHeading(b.level) }, this.runs(b.text, b.marks, {}, notes));
        return;
      case 'dated':
        this.para({ style: STYLE.dated }, [...lead, new TextRun({ text: b.dateLabel, font: FONT.hei }), new TextRun('\u3000'), ...this.runs(b.text, b.marks, {}, notes)]);
        return;
      case 'attribution':
        this.attribution(b);
        return;
      case 'table':
        this.table(b, notes);
        return;
      case 'figure':
        this.figure(b, where);
        return;
      case 'footnote':
        return;
    }
  }

  private attribution(a: Attribution): void {
    const text = attributionText(a, this.pad);
    const last = this.items.at(-1);
    if (a.placement === 'inline' && last?.kind === 'p' && last.opts.style === STYLE.body) {
      last.runs.push(new TextRun({ text: `\u3000${text}`, font: FONT.kai }));
      return;
    }
    this.para({ style: STYLE.attribution }, [new TextRun(text)]);
  }

  // ---- tables and figures -------------------------------------------------------------------------

  private table(tb: Table, notes: NoteScope): void {
    this.counts.tables++;
    const num = this.numbers.get(tb.id);
    const label = num ? `表${num}` : '';
    if (label || tb.title) this.para({ style: STYLE.tableTitle }, [new TextRun([label, tb.title].filter(Boolean).join('\u3000'))]);
    if (tb.unitNote) this.para({ style: STYLE.unitNote }, [new TextRun(tb.unitNote)]);
    const columns = Math.max(1, ...[...tb.headerRows, ...tb.bodyRows].map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
    const row = (cells: readonly Cell[], header: boolean) =>
      new TableRow({
        // Only header rows carry the flag: mammoth (and so the importer) takes any row with <w:tblHeader>, even
        // one switched off, for a header row.
        ...(header ? { tableHeader: true } : {}),
        cantSplit: true,
        children: cells.map(
          (c) =>
            new TableCell({
              verticalAlign: VerticalAlignTable.CENTER,
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              children: this.cellParagraphs(c, header, notes),
            }),
        ),
      });
    const rows = [...tb.headerRows.map((r) => row(r.cells, true)), ...tb.bodyRows.map((r) => row(r.cells, false))];
    if (!rows.length) rows.push(new TableRow({ children: [new TableCell({ children: [new Paragraph('')] })] }));
    this.items.push({
      kind: 'table',
      table: new DocxTable({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: Array.from({ length: columns }, () => Math.floor(9000 / columns)) }),
    });
    if (tb.note) this.para({ style: STYLE.tableNote }, [new TextRun(tb.note)]);
  }

  private cellParagraphs(c: Cell, header: boolean, notes: NoteScope): Paragraph[] {
    const alignment = c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || header ? AlignmentType.CENTER : AlignmentType.LEFT;
    // A line break in a cell is "\n": one paragraph per line, each keeping the marks that fall on it.
    const out: Paragraph[] = [];
    let start = 0;
    for (const line of c.text.split('\n')) {
      const end = start + line.length;
      const marks = c.marks.filter((m) => m.end >= start && m.start <= end).map((m) => ({ ...m, start: Math.max(0, m.start - start), end: Math.min(line.length, m.end - start) }));
      out.push(new Paragraph({ style: STYLE.tableText, alignment, children: this.runs(line, marks, header ? { font: FONT.hei } : {}, notes) }));
      start = end + 1;
    }
    return out;
  }

  private figure(f: Figure, where: string): void {
    this.counts.figures++;
    const num = this.numbers.get(f.id);
    const label = num ? `图${num}` : '';
    const asset: Asset | undefined = f.assetId ? this.book.assets.find((a) => a.id === f.assetId) : undefined;
    const bytes = asset ? this.assets.get(asset.id) : undefined;
    const type = asset ? IMAGE_TYPE[asset.mime] : undefined;
    const size = bytes ? (asset?.width && asset.height ? { width: asset.width, height: asset.height } : imageDimensions(bytes)) : null;
    if (bytes && type && size) {
      this.counts.images++;
      const maxW = f.fullWidth ? TEXT_WIDTH_PX : Math.round(TEXT_WIDTH_PX * 0.75);
      let w = Math.min(maxW, size.width);
      let h = (w * size.height) / size.width;
      if (h > FIGURE_MAX_HEIGHT_PX) {
        h = FIGURE_MAX_HEIGHT_PX;
        w = (h * size.width) / size.height;
      }
      this.para({ style: STYLE.figure }, [
        new ImageRun({
          type,
          data: bytes,
          transformation: { width: Math.round(w), height: Math.round(h) },
          altText: { name: asset!.fileName, title: [label, f.caption].filter(Boolean).join(' '), description: f.caption || asset!.fileName },
        }),
      ]);
    } else {
      const reason = bytes && !type ? 'format' : 'missing';
      this.missingImages.push({ figureId: f.id, where: label ? `${where} ${label}` : where, reason });
      this.para({ style: STYLE.figure }, [new TextRun({ text: t(reason === 'format' ? 'docx.imageFormat' : 'docx.imagePending', {}, 'zh'), color: '808080' })]);
    }
    const credit = creditText(f);
    this.para({ style: STYLE.caption }, [new TextRun(`${label ? `${label}\u3000` : ''}${f.caption}${credit}`)]);
  }

  // ---- inline text and footnotes --------------------------------------------------------------------

  private noteScope(blocks: readonly Footnote[]): NoteScope {
    return { blocks: new Map(blocks.map((b) => [b.id, b])), numbers: new Map() };
  }

  /** The Word footnote of a footnote block, created on its first call-out. */
  private footnoteNumber(notes: NoteScope, id: string): number | null {
    const known = notes.numbers.get(id);
    if (known !== undefined) return known;
    const block = notes.blocks.get(id);
    if (!block) return null;
    const n = ++this.footnoteSeq;
    this.counts.footnotes++;
    notes.numbers.set(id, n);
    this.footnotes[String(n)] = { children: [new Paragraph({ children: this.runs(block.text, block.marks, {}, notes) })] };
    return n;
  }

  /** Footnotes no text calls out are called at the end of the last paragraph before them, so none is lost. */
  private closeNotes(notes: NoteScope): void {
    for (const id of notes.blocks.keys()) {
      if (notes.numbers.has(id)) continue;
      const n = this.footnoteNumber(notes, id);
      if (n === null) continue;
      const last = [...this.items].reverse().find((i): i is Para => i.kind === 'p' && i.opts.heading === undefined);
      if (last) last.runs.push(new FootnoteReferenceRun(n));
      else this.para({ style: STYLE.body }, [new FootnoteReferenceRun(n)]);
    }
  }

  /** Text with stand-off marks as Word runs: bold, italic, superscript, subscript, footnote call-outs. */
  runs(text: string, marks: readonly Mark[], base: IRunOptions, notes: NoteScope): ParagraphChild[] {
    const n = text.length;
    const clamp = (x: number) => Math.max(0, Math.min(n, x));
    const cuts = new Set<number>([0, n]);
    const styles: { start: number; end: number; type: Mark['type'] }[] = [];
    const refs = new Map<number, number[]>();
    for (const m of marks) {
      const start = clamp(m.start);
      const end = clamp(Math.max(m.start, m.end));
      if (m.type === 'footnoteRef') {
        const num = this.footnoteNumber(notes, m.footnoteId);
        if (num === null) continue;
        refs.set(end, [...(refs.get(end) ?? []), num]);
        cuts.add(end);
      } else if ((m.type === 'bold' || m.type === 'italic' || m.type === 'sup' || m.type === 'sub') && end > start) {
        styles.push({ start, end, type: m.type });
        cuts.add(start);
        cuts.add(end);
      }
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: ParagraphChild[] = [];
    for (let k = 0; k < sorted.length; k++) {
      const at = sorted[k]!;
      for (const num of refs.get(at) ?? []) out.push(new FootnoteReferenceRun(num));
      const next = sorted[k + 1];
      if (next === undefined) break;
      if (next === at) continue;
      const active = new Set(styles.filter((s) => s.start <= at && s.end >= next).map((s) => s.type));
      out.push(
        new TextRun({
          ...base,
          text: text.slice(at, next),
          ...(active.has('bold') ? { bold: true } : {}),
          ...(active.has('italic') ? { italics: true } : {}),
          ...(active.has('sup') ? { superScript: true } : active.has('sub') ? { subScript: true } : {}),
        }),
      );
    }
    return out;
  }
}

interface NoteScope {
  blocks: Map<string, Footnote>;
  numbers: Map<string, number>;
}

/** The Word document of a book (or of one category or section of it). */
export async function exportBookDocx(opts: DocxExportOptions): Promise<DocxExportResult> {
  const { book } = opts;
  const scope = opts.scope ?? { kind: 'volume' };
  const w = new DocxWriter(book, opts.assets);
  const head = `${book.title}（${book.volumeYear}）`;
  // Title block: the book, and for a part of it which part ("类目 经济").
  w.items.push({ kind: 'p', opts: { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }, runs: [new TextRun(head)] });
  if (scope.kind === 'volume') {
    const titlePage = book.front.find((m) => m.kind === 'title-page');
    if (titlePage) for (const b of titlePage.blocks) if (b.type === 'paragraph') w.items.push({ kind: 'p', opts: { style: STYLE.scope }, runs: [new TextRun(b.text)] });
    // Generated pages (目录, 索引) belong to the printed book; Word makes its own table of contents from the headings.
    const skip = new Set(['title-page', 'toc', 'index']);
    for (const m of book.front) if (!skip.has(m.kind)) w.matter(m, true);
    for (const c of book.body) if (c.sections.length) w.category(c, true);
    for (const b of book.back) {
      if (b.type === 'category') {
        if (b.sections.length) w.category(b, true);
      } else if (!skip.has(b.kind)) w.matter(b, true);
    }
    if (!w.counts.sections) throw new UserError('export.scope.empty');
  } else {
    w.items.push({ kind: 'p', opts: { style: STYLE.scope }, runs: [new TextRun(scopeLabel(book, scope))] });
    const cats = allCategories(book);
    if (scope.kind === 'category') {
      const c = cats.find((x) => x.id === scope.id);
      if (!c?.sections.length) throw new UserError('export.scope.empty');
      w.category(c, false);
    } else {
      const c = cats.find((x) => x.sections.some((s) => s.id === scope.id));
      if (!c) throw new UserError('export.scope.empty');
      // The category heading stays, so the document says where the section belongs (and imports back into place).
      w.category(c, false, c.sections.filter((s) => s.id === scope.id));
    }
  }

  const children = w.items.map((i) => (i.kind === 'table' ? i.table : new Paragraph({ ...i.opts, children: i.runs })));
  const doc = new Document({
    // The compiling office is the document's author; the program that wrote it goes into the description.
    creator: book.publisherOrg ?? t('docx.creator', {}, 'zh'),
    title: head,
    description: `${scopeLabel(book, scope)} · ${opts.createdBy ?? t('docx.creator', {}, 'zh')}`,
    footnotes: w.footnotes,
    styles: {
      default: {
        // lineRule auto said outright: LibreOffice reads a bare w:line as exact, which clips the pictures to one line.
        document: { run: { font: FONT.song, size: SIZE.body }, paragraph: { spacing: { line: 312, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT.song, size: SIZE.title, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 360 } } },
        heading1: { run: { font: FONT.hei, size: SIZE.h1, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 360 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT.hei, size: SIZE.h2, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT.hei, size: SIZE.h3, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 2 } },
        caption: { run: { font: FONT.kai, size: SIZE.caption, italics: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
      },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          page: { margin: { top: 1440, bottom: 1440, left: 1800, right: 1800, header: 851, footer: 992 } },
          // The first page is the title: no running head on it.
          titlePage: true,
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: head, size: SIZE.small })] })] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small })] })] }),
        },
        children,
      },
    ],
  });
  const bytes = await Packer.pack(doc, 'uint8array');
  return { bytes, counts: w.counts, missingImages: w.missingImages };
}

/** The file name the app suggests, like the PDF's: "临安年鉴（2021）.docx", "临安年鉴（2021） 分目 民政.docx". */
export function docxFileName(book: Book, scope: ExportScope): string {
  const base = `${book.title}（${book.volumeYear}）`;
  const label = scope.kind === 'volume' ? '' : ` ${scopeLabel(book, scope)}`;
  return `${base}${label}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}
