// Types of the importer: the neutral source structure every input becomes (plain text, DOCX, pasted
// HTML), the options of a recognition run, and the import report the review screen shows.
import type { MessageKey, MessageParams } from '../i18n';
import type { IdGenerator } from '../model/ids';
import type { Asset, Category, Mark } from '../model/schema';

// ---------------------------------------------------------------------------------------------
// Source structure

/** Formatting a rich source (DOCX, HTML) knows about a paragraph; plain text has none. */
export interface LineHints {
  /** Paragraph style is a heading (1 = 标题 1 / h1 …). */
  headingLevel?: number;
  /** Caption style (题注 / Caption, or <figcaption>). */
  caption?: boolean;
  /** Length of a bold run at the start of the paragraph (a run-in title such as "概况" or "【概况】"). */
  boldPrefix?: number;
  /** The whole paragraph is bold. */
  bold?: boolean;
  /** Centred paragraph. */
  center?: boolean;
  /** Inline marks (bold, italic, sup, sub) on the paragraph text. */
  marks?: Mark[];
  /** Footnote call-outs: offset in the text and the key of the footnote unit they point at. */
  footnoteRefs?: { offset: number; noteKey: string }[];
}

/** A line of text (plain text) or a paragraph (DOCX, HTML). */
export interface SourceLine {
  kind: 'line';
  /** 1-based number in the source: the line number of a text file, the block number of a DOCX or HTML. */
  no: number;
  /** The text as received (line end removed). */
  text: string;
  hints?: LineHints;
}

export interface SourceCell {
  /** Cell text; a line break inside the cell is "\n". */
  text: string;
  rowSpan: number;
  colSpan: number;
  bold?: boolean;
}

/** A real table (DOCX, HTML); tables in plain text are recognised from tab-separated lines instead. */
export interface SourceTable {
  kind: 'table';
  no: number;
  rows: { cells: SourceCell[] }[];
  /** Rows marked as header rows in the source (repeated on every page in Word). */
  headerRows: number;
}

/** An embedded image (DOCX, HTML); its caption is recognised from the neighbouring paragraphs. */
export interface SourceImage {
  kind: 'image';
  no: number;
  /** Asset id of the image bytes the caller stored, or null when the image could not be kept. */
  assetId: string | null;
  alt: string;
}

/** The text of a footnote (DOCX footnotes, HTML note lists). */
export interface SourceFootnote {
  kind: 'footnote';
  no: number;
  noteKey: string;
  text: string;
}

export type SourceUnit = SourceLine | SourceTable | SourceImage | SourceFootnote;

export type SourceFormat = 'text' | 'docx' | 'html';

/** What the decoder found out about the bytes of a text file. */
export interface EncodingInfo {
  /** WHATWG label: utf-8, gb18030, utf-16le, utf-16be, big5. */
  encoding: string;
  /** 0..1; 1 for a byte order mark or an explicit choice. */
  confidence: number;
  /** How the encoding was decided. */
  method: 'bom' | 'utf8-valid' | 'detected' | 'override';
  bom: boolean;
  /** Characters the encoding could not decode (shown as U+FFFD): set when any, a sign of the wrong encoding. */
  replaced?: number;
}

export interface SourceDocument {
  /** File name (or "粘贴内容") shown in messages. */
  name: string;
  format: SourceFormat;
  units: SourceUnit[];
  encoding?: EncodingInfo;
}

// ---------------------------------------------------------------------------------------------
// Overrides: the editor's corrections on the review screen, applied by re-running recognition

/**
 * What the editor says a line is. 'body' is "this is not a title"; 'paragraph-start' and
 * 'continues' decide a healed break; 'ignore' drops a line (a running head the rules missed).
 */
export type OverrideRole =
  | 'section'
  | 'subsection'
  | 'entry-title'
  | 'body'
  | 'paragraph-start'
  | 'continues'
  | 'attribution'
  | 'caption'
  | 'credit'
  | 'heading'
  | 'ignore';

export interface LineOverride {
  /** Source line (unit number). */
  line: number;
  role: OverrideRole;
}

export interface ImportOptions {
  /** Id generator for the new nodes (random by default; sequentialIds for reproducible output). */
  ids?: IdGenerator;
  /** Corrections from the review screen. */
  overrides?: readonly LineOverride[];
}

// ---------------------------------------------------------------------------------------------
// The import report

/** What a source line was recognised as. */
export type LineRole =
  | 'blank'
  | 'running-head'
  | 'book-head'
  | 'category'
  | 'category-en'
  | 'section'
  | 'subsection'
  | 'entry-title'
  | 'body'
  | 'attribution'
  | 'caption'
  | 'credit'
  | 'table-title'
  | 'table-number'
  | 'table-continuation'
  | 'table-header'
  | 'table-header-repeat'
  | 'table-row'
  | 'table-cell'
  | 'footnote'
  | 'image'
  | 'report-title'
  | 'report-subtitle'
  | 'report-speaker'
  | 'report-date'
  | 'salutation'
  | 'heading'
  | 'ignored';

export interface LineReport {
  no: number;
  /** The line exactly as received. */
  text: string;
  role: LineRole;
  /** The tree node the line went into (category, section, subsection, entry). */
  nodeId?: string;
  /** The block the line went into (paragraph, heading, table, figure, attribution, footnote). */
  blockId?: string;
  /** Set when the role comes from an editor's override. */
  overridden?: boolean;
}

export type HealKind =
  /** A paragraph broken at a line, page or column end, rejoined. */
  | 'line-joined'
  /** The break fell inside a number ("34" / "名"). */
  | 'number-joined'
  /** Rejoined across a figure, table, footnote or running head printed in between. */
  | 'joined-across'
  /** A fragment printed out of reading order moved to the paragraph it continues. */
  | 'displaced-fragment'
  /** Spaces between CJK characters removed. */
  | 'letter-spacing'
  /** A running head or folio dropped. */
  | 'running-head'
  /** A title or heading printed over several lines joined. */
  | 'title-joined'
  /** "续表" part merged into its table. */
  | 'table-continued'
  /** The header row repeated on a "续表" part removed. */
  | 'header-repeat-removed'
  /** A table or figure moved next to the paragraph that refers to it ("见表6"). */
  | 'moved-to-reference'
  /** A footnote call-out ("[▲]") linked to its note. */
  | 'footnote-linked'
  /** An author printed at the end of the last paragraph split off as an attribution. */
  | 'inline-attribution'
  /** Narrow-column lines reflowed into paragraphs. */
  | 'reflowed';

export interface Heal {
  kind: HealKind;
  /** Source lines involved, in source order. */
  lines: number[];
  blockId?: string;
  /** Short technical detail (the characters at the join, the marker, …). */
  detail?: string;
}

export type UncertaintyKind =
  | 'paragraph-boundary'
  | 'dangling-paragraph'
  | 'displaced-fragment'
  | 'orphan-text'
  | 'attribution'
  | 'caption'
  | 'section-title'
  | 'category-title'
  | 'table'
  | 'heading'
  | 'report-title';

export interface Uncertainty {
  line: number;
  kind: UncertaintyKind;
  /** Catalog key of the explanation shown to the editor; params fill it. */
  reason: MessageKey;
  params?: MessageParams;
  /** The role the recogniser chose. */
  decision: LineRole;
  /** What the editor may choose instead (each one an override). */
  alternatives: OverrideRole[];
}

export interface ImportCounts {
  lines: number;
  chars: number;
  categories: number;
  sections: number;
  subsections: number;
  entries: number;
  paragraphs: number;
  headings: number;
  attributions: number;
  figures: number;
  tables: number;
  footnotes: number;
  heals: number;
  uncertain: number;
  droppedLines: number;
}

export type DocumentKind = 'chapter' | 'reports' | 'table';

/** One recognised document inside the source (a file may hold a chapter, then reports, …). */
export interface DocumentReport {
  kind: DocumentKind;
  firstLine: number;
  lastLine: number;
  /** The category the document went into. */
  categoryId: string;
  /** Sections created from this document. */
  sectionIds: string[];
  /** Narrow-column text reflowed by width (特载 printed in two columns). */
  reflowed: boolean;
  /** Tables recognised, with the number of printed parts (1 + the "续表" parts). */
  tables: { id: string; number: string | null; parts: number }[];
}

/**
 * Where the record year was read (shared/import/years.ts): a document's title line ("2020年区《政府工作报告》…"),
 * a report's date line ("（2021年3月1日）" → 2020), a heading ("2020年工作回顾"), entry openings ("2020年，…").
 */
export type RecordYearSource = 'title' | 'report-date' | 'heading' | 'entries';

/** Facts about the whole volume read from running heads and title lines ("2022", "拱墅年鉴"). */
export interface VolumeHints {
  bookTitle?: string;
  /** The volume (publication) year: named by the text ("拱墅年鉴（2022）", "2022" above the book title), else record year + 1. */
  volumeYear?: number;
  /** 'text' when the text names the volume year, 'record-year' when it is the record year + 1. */
  volumeYearFrom?: 'text' | 'record-year';
  /** The year the source records; absent when the text names no year (callers say so, never guess silently). */
  recordYear?: number;
  recordYearFrom?: RecordYearSource;
}

export interface ImportReport {
  source: { name: string; format: SourceFormat; encoding?: EncodingInfo };
  documents: DocumentReport[];
  /** One row per source unit, in source order. */
  lines: LineReport[];
  heals: Heal[];
  uncertain: Uncertainty[];
  counts: ImportCounts;
  /** The overrides this run applied (pass them back, changed, to re-run). */
  overrides: LineOverride[];
  hints: VolumeHints;
}

/**
 * The result of recognising one source: categories to place into a book (role tells where: 'regular'
 * and 'special' into the body, 'appendix' into the back matter) and the report.
 */
export interface ImportResult {
  categories: Category[];
  report: ImportReport;
  /** Images of a rich source (DOCX) that figures point at: the record for book.assets and the bytes. */
  assets?: ImportedAsset[];
}

export interface ImportedAsset {
  asset: Asset;
  bytes: Uint8Array;
}
