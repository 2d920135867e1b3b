// The book model: a typed, versioned AST that every feature reads and writes.
//
// The zod schemas below are the single source of truth: the TypeScript types are inferred from them,
// and every book that enters the program (a book file, a database row, an import result) is checked
// against them. Text is stored as plain strings with stand-off marks (character ranges), so a checker
// finding or an editor selection is simply "node id + [start, end)".
//
// Tree: Book → parts (front matter, body, back matter)
//   body: Category (类目) → Section (分目) → [Subsection (次目)] → Entry (条目) → Block
// Special categories (特载/专文, 大事记, 附录) hold sections whose children are free blocks
// (headings, paragraphs, dated items, tables) instead of entries.
import { z } from 'zod';

/** Version of the book schema written by this build. Raise it only together with a migration in migrate.ts. */
export const BOOK_SCHEMA_VERSION = 1;

export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id: letters, digits, _ and - only');
export type Id = z.infer<typeof IdSchema>;

// ---------------------------------------------------------------------------------------------
// Inline text

/** A stand-off annotation on a text string. start/end are UTF-16 offsets, end exclusive; start === end marks a point. */
export const MarkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold'), start: z.number().int().min(0), end: z.number().int().min(0) }),
  z.object({ type: z.literal('italic'), start: z.number().int().min(0), end: z.number().int().min(0) }),
  z.object({ type: z.literal('sup'), start: z.number().int().min(0), end: z.number().int().min(0) }),
  z.object({ type: z.literal('sub'), start: z.number().int().min(0), end: z.number().int().min(0) }),
  /** A subject-index term (主题词) for the 索引; sortKey overrides the pinyin of the marked text. */
  z.object({
    type: z.literal('indexTerm'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    sortKey: z.string().optional(),
  }),
  /** A review comment between editors, anchored on a range; the comment itself lives in book.comments. */
  z.object({ type: z.literal('comment'), start: z.number().int().min(0), end: z.number().int().min(0), commentId: IdSchema }),
  /** The call-out of a footnote (a point mark); the note is a footnote block with that id. */
  z.object({ type: z.literal('footnoteRef'), start: z.number().int().min(0), end: z.number().int().min(0), footnoteId: IdSchema }),
]);
export type Mark = z.infer<typeof MarkSchema>;
export type MarkType = Mark['type'];

const marksField = z.array(MarkSchema).default([]);

// ---------------------------------------------------------------------------------------------
// Workflow status (草稿 → 初审 → 复审 → 终审 → 定稿)

export const StageSchema = z.enum(['draft', 'first-review', 'second-review', 'final-review', 'approved']);
export type Stage = z.infer<typeof StageSchema>;

export const StatusSchema = z.object({
  stage: StageSchema,
  /** Who set this stage (free text: the editor's name). */
  by: z.string().optional(),
  /** ISO 8601 time the stage was set. */
  at: z.string().optional(),
});
export type Status = z.infer<typeof StatusSchema>;

// ---------------------------------------------------------------------------------------------
// Blocks

export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  id: IdSchema,
  text: z.string(),
  marks: marksField,
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** Free heading inside special parts (特载 reports: 一、/（一）/1. levels). runIn: printed at the start of a paragraph. */
export const HeadingSchema = z.object({
  type: z.literal('heading'),
  id: IdSchema,
  level: z.number().int().min(1).max(4),
  text: z.string(),
  marks: marksField,
  runIn: z.boolean().default(false),
});
export type Heading = z.infer<typeof HeadingSchema>;

/** An item of a 大事记 (chronicle): its date as printed ("1月5日") and, where known, as ISO ("2021-01-05" or "2021-01"). */
export const DatedItemSchema = z.object({
  type: z.literal('dated'),
  id: IdSchema,
  dateLabel: z.string(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  text: z.string(),
  marks: marksField,
});
export type DatedItem = z.infer<typeof DatedItemSchema>;

export const CellSchema = z.object({
  /** Cell text; a line break inside a cell is "\n". */
  text: z.string(),
  marks: marksField,
  rowSpan: z.number().int().min(1).default(1),
  colSpan: z.number().int().min(1).default(1),
  align: z.enum(['left', 'center', 'right']).optional(),
});
export type Cell = z.infer<typeof CellSchema>;

/** Rows use HTML table semantics: a cell covered by a row/col span of an earlier cell is omitted. */
export const RowSchema = z.object({ cells: z.array(CellSchema) });
export type Row = z.infer<typeof RowSchema>;

export const TableSchema = z.object({
  type: z.literal('table'),
  id: IdSchema,
  /** The number as printed in the source ("6" for 表6), or null when unnumbered / numbered automatically. */
  number: z.string().nullable().default(null),
  title: z.string().default(''),
  /** Unit note printed at the right above the table, e.g. "单位：万元". */
  unitNote: z.string().optional(),
  headerRows: z.array(RowSchema).default([]),
  bodyRows: z.array(RowSchema).default([]),
  /** Notes or source line printed under the table ("注：…", "资料来源：…"). */
  note: z.string().optional(),
  /** Full width (通栏) in a two-column layout. */
  fullWidth: z.boolean().default(false),
});
export type Table = z.infer<typeof TableSchema>;

export const CreditSchema = z.object({
  /** provided = "(区信访局提供)" / "(区数据局供稿)"; photographer = "(张三 摄)". */
  kind: z.enum(['provided', 'photographer']),
  /** Normalised names of people or units. */
  names: z.array(z.string()),
  /** The credit as printed, without the surrounding parentheses ("区信访局提供"). */
  raw: z.string(),
});
export type Credit = z.infer<typeof CreditSchema>;

export const FigureSchema = z.object({
  type: z.literal('figure'),
  id: IdSchema,
  number: z.string().nullable().default(null),
  caption: z.string().default(''),
  credit: CreditSchema.optional(),
  /** Image in book.assets; null while the photo has not been supplied yet. */
  assetId: IdSchema.nullable().default(null),
  fullWidth: z.boolean().default(false),
});
export type Figure = z.infer<typeof FigureSchema>;

export const FootnoteSchema = z.object({
  type: z.literal('footnote'),
  id: IdSchema,
  text: z.string(),
  marks: marksField,
});
export type Footnote = z.infer<typeof FootnoteSchema>;

export const AttributionKindSchema = z.enum(['author', 'unit', 'photo', 'reviewer']);
export type AttributionKind = z.infer<typeof AttributionKindSchema>;

/**
 * An attribution line: "(陈康)" author, "(区审管办 供稿)" unit, photo credit, "(审稿：…)" reviewer.
 * names are normalised (the padded "汪 剑" is stored as 汪剑). covers lists the entries the line is the
 * attribution of (usually the entries since the previous attribution line in the same section).
 */
export const AttributionSchema = z.object({
  type: z.literal('attribution'),
  id: IdSchema,
  kind: AttributionKindSchema,
  names: z.array(z.string().min(1)),
  covers: z.array(IdSchema).default([]),
  /** The line as it was received, e.g. "(汪 剑 朱丽娜)"; kept so nothing is silently changed. */
  raw: z.string().optional(),
  /** line: on its own line (the norm); inline: printed at the end of the last paragraph. */
  placement: z.enum(['line', 'inline']).default('line'),
  /** Links into book.contributors, parallel to names where known. */
  contributorIds: z.array(IdSchema).optional(),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphSchema,
  HeadingSchema,
  DatedItemSchema,
  TableSchema,
  FigureSchema,
  FootnoteSchema,
  AttributionSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type BlockType = Block['type'];

// ---------------------------------------------------------------------------------------------
// Tree nodes

export const EntrySchema = z.object({
  type: z.literal('entry'),
  id: IdSchema,
  /** Stored without 【】. */
  title: z.string(),
  /** Exclude the title from the generated subject index (titles are index candidates by default). */
  noIndex: z.boolean().default(false),
  blocks: z.array(BlockSchema).default([]),
  status: StatusSchema.optional(),
});
export type Entry = z.infer<typeof EntrySchema>;

export const SubsectionSchema = z.object({
  type: z.literal('subsection'),
  id: IdSchema,
  /** Printed "· 社会救助 ·"; stored as 社会救助. */
  title: z.string(),
  children: z.array(z.union([EntrySchema, BlockSchema])).default([]),
});
export type Subsection = z.infer<typeof SubsectionSchema>;

export type SubsectionChild = Subsection['children'][number];

/** Title block of a report in a special part: subtitle "——在…上的报告", speaker line, date line. */
export const ArticleMetaSchema = z.object({
  subtitle: z.string().optional(),
  speaker: z.string().optional(),
  speakerTitle: z.string().optional(),
  dateLine: z.string().optional(),
  salutation: z.string().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const SectionSchema = z.object({
  type: z.literal('section'),
  id: IdSchema,
  title: z.string(),
  titleEn: z.string().optional(),
  status: StatusSchema.default({ stage: 'draft' }),
  /** For reports in 特载/专文: title block metadata. */
  article: ArticleMetaSchema.optional(),
  fullWidth: z.boolean().default(false),
  children: z.array(z.union([EntrySchema, SubsectionSchema, BlockSchema])).default([]),
});
export type Section = z.infer<typeof SectionSchema>;
export type SectionChild = Section['children'][number];

/** regular: entries; special: 特载/专文 reports; chronicle: 大事记; overview: 概览; appendix: 附录 (in back matter). */
export const CategoryRoleSchema = z.enum(['regular', 'special', 'chronicle', 'overview', 'appendix']);
export type CategoryRole = z.infer<typeof CategoryRoleSchema>;

/** Titles of the parts that hold special reports (role 'special', 特载 and its kin): the importer reads such a line
 * as the part's name above a report, the checker (STR-SPECIAL) expects a category so titled to have that role. */
export const SPECIAL_PART_TITLE = /^(?:特载|专文|特辑|专记|重要文献|重要讲话|重要文件)$/;

export const CategorySchema = z.object({
  type: z.literal('category'),
  id: IdSchema,
  role: CategoryRoleSchema.default('regular'),
  title: z.string(),
  /** English subtitle on the opener page ("People's Government of Lin'an District"). */
  titleEn: z.string().optional(),
  sections: z.array(SectionSchema).default([]),
});
export type Category = z.infer<typeof CategorySchema>;

/** Front and back matter pages that are not categories: generated (目录, 索引) or free text (编辑说明 …). */
export const MatterKindSchema = z.enum([
  'title-page', // 书名页
  'copyright', // 版权页
  'committee', // 编委会
  'editorial-note', // 编辑说明
  'gallery', // 图片专辑 / 卷首图片
  'toc', // 目录 (generated)
  'index', // 索引 (generated)
  'afterword', // 编后记
  'other',
]);
export type MatterKind = z.infer<typeof MatterKindSchema>;

export const MatterSchema = z.object({
  type: z.literal('matter'),
  id: IdSchema,
  kind: MatterKindSchema,
  title: z.string(),
  blocks: z.array(BlockSchema).default([]),
});
export type Matter = z.infer<typeof MatterSchema>;

// ---------------------------------------------------------------------------------------------
// Book-level registries and settings

export const ContributorSchema = z.object({
  id: IdSchema,
  kind: z.enum(['person', 'unit']),
  name: z.string().min(1),
  /** For a person: the unit they write for. */
  unitId: IdSchema.optional(),
  note: z.string().optional(),
});
export type Contributor = z.infer<typeof ContributorSchema>;

export const AssetSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  mime: z.string(),
  byteLength: z.number().int().min(0),
  /** Hex SHA-256 of the bytes, checked when a book file is read. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const CommentSchema = z.object({
  id: IdSchema,
  author: z.string(),
  text: z.string(),
  createdAt: z.string(),
  resolved: z.boolean().default(false),
});
export type Comment = z.infer<typeof CommentSchema>;

const mm = z.number().min(0).max(2000);

export const PrintProfileSchema = z.object({
  /** 大16开 210×285, 16开 185×260, A4 210×297, or custom. */
  trimName: z.string().default('大16开'),
  trimWidth: mm.default(210),
  trimHeight: mm.default(285),
  bleed: mm.default(3),
  cropMarks: z.boolean().default(false),
  margins: z
    .object({ top: mm, bottom: mm, inner: mm, outer: mm })
    .default({ top: 22, bottom: 20, inner: 20, outer: 17 }),
  columns: z.number().int().min(1).max(3).default(2),
  columnGap: mm.default(6),
  /** Body size in points: 小五 9, 五号 10.5. */
  bodySize: z.number().min(5).max(20).default(9),
  lineHeight: z.number().min(1).max(3).default(1.5),
  /** CSS font-family lists; the first family that exists is used, the bundled TrueType faces last. */
  fonts: z
    .object({ song: z.string(), hei: z.string(), kai: z.string(), fang: z.string() })
    .default({
      song: '"Noto Serif SC", serif',
      hei: '"Noto Sans SC", sans-serif',
      kai: '"Noto Serif SC", serif',
      fang: '"Noto Serif SC", serif',
    }),
  runningHeads: z
    .object({ even: z.enum(['book', 'category', 'section', 'none']), odd: z.enum(['book', 'category', 'section', 'none']) })
    .default({ even: 'book', odd: 'category' }),
  /** Press variant: colour conversion after printing (needs Ghostscript). */
  colorMode: z.enum(['rgb', 'gray', 'cmyk']).default('rgb'),
  pdfx: z.boolean().default(false),
  /** Generated matter (目录, 索引, 表格索引, 图片索引); absent fields take the export defaults. */
  generated: z
    .object({
      toc: z.boolean().optional(),
      /** 1 = categories only, 2 = with sections, 3 = with subsections. */
      tocDepth: z.number().int().min(1).max(3).optional(),
      subjectIndex: z.boolean().optional(),
      tableIndex: z.boolean().optional(),
      figureIndex: z.boolean().optional(),
      /** Index page references carry the column letter ("125a"), as two-column yearbooks print them. */
      indexColumnLetters: z.boolean().optional(),
    })
    .optional(),
  /** Leave the back of each category opener page blank, so that the text starts on a right-hand page. */
  openerBlankVerso: z.boolean().optional(),
  /** Entry titles 【…】 in bold 黑体 (true) or regular 黑体 (false, the default). */
  entryTitleBold: z.boolean().optional(),
  /** Name of a saved profile this one came from (for the export dialog's choice). */
  name: z.string().max(100).optional(),
});
export type PrintProfile = z.infer<typeof PrintProfileSchema>;

export const RuleSettingSchema = z.object({
  enabled: z.boolean().optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/**
 * A checker finding the editors decided to keep as it is (忽略): matched by rule and node and, when given, by
 * the offending text and the few characters around it (so one of five half-width commas in a paragraph can be
 * kept while the other four are still reported; an edit elsewhere in the paragraph does not undo the decision).
 */
export const IgnoredFindingSchema = z.object({
  ruleId: z.string().min(1),
  nodeId: IdSchema,
  text: z.string().optional(),
  /** The text field of the node (cell:b:3:2, caption …) and up to six characters before and after the offending text. */
  field: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  note: z.string().optional(),
  by: z.string().optional(),
  at: z.string().optional(),
});
export type IgnoredFinding = z.infer<typeof IgnoredFindingSchema>;

/** House style (体例): per-book settings the checker and the layout follow. */
/** The length unit the house style asks for: the book's majority, 千米 or 公里 (the values are stored as written). */
export const DISTANCE_UNITS = ['auto', '千米', '公里'] as const;
/** How continued tables are labelled: 续表, or 续表N with the table's number. */
export const CONTINUATION_STYLES = ['续表', '续表N'] as const;

export const HouseStyleSchema = z.object({
  /**
   * Which rules run and how severe they are: national (国家标准最低要求: no heuristics), recommended (推荐: the
   * default for new and imported books — national plus low-noise heuristics as hints), strict (从严). 'custom' is
   * the older name of recommended (per-rule settings apply under every preset).
   */
  preset: z.enum(['national', 'recommended', 'strict', 'custom']).default('recommended'),
  /** Body depth: 3 = 类目/分目/条目, 4 = with 次目. */
  levels: z.union([z.literal(3), z.literal(4)]).default(4),
  titleWarnLength: z.number().int().min(1).default(15),
  titleErrorLength: z.number().int().min(1).default(18),
  overviewTitles: z.array(z.string()).default(['概况', '综述']),
  /** Length unit: 'auto' = the book's majority of 千米/公里 (both are legal), or one the house style names. */
  distanceUnit: z.enum(DISTANCE_UNITS).default('auto'),
  /** How continuation pages of a table are labelled: "续表" or "续表6". */
  tableContinuation: z.enum(CONTINUATION_STYLES).default('续表'),
  /** Number tables and figures automatically in book order when printing. */
  autoNumber: z.boolean().default(false),
  /** Pad two-character names in attribution lines when printing ("汪 剑"). */
  padTwoCharNames: z.boolean().default(false),
  rules: z.record(z.string(), RuleSettingSchema).default({}),
  /** Findings the editors chose to keep (see IgnoredFindingSchema). */
  ignored: z.array(IgnoredFindingSchema).optional(),
});
export type HouseStyle = z.infer<typeof HouseStyleSchema>;

/** How the bytes of an imported text file were decoded (the importer's EncodingInfo, kept with its source). */
export const SourceEncodingSchema = z.object({
  /** WHATWG label: utf-8, gb18030, utf-16le, utf-16be, big5. */
  encoding: z.string().min(1),
  confidence: z.number().min(0).max(1),
  method: z.enum(['bom', 'utf8-valid', 'detected', 'override']),
  bom: z.boolean(),
  /** Characters the encoding could not decode (U+FFFD). */
  replaced: z.number().int().min(0).optional(),
});
export type SourceEncoding = z.infer<typeof SourceEncodingSchema>;

/**
 * 来稿原文: a contributor's draft as the importer received it, kept with the book so that nothing the importer
 * healed (rejoined lines, removed letter-spacing, dropped running heads) is changed silently. The text itself
 * is a book asset (text/plain, UTF-8: the text the recogniser read, one source line per line) and so is the
 * review's marks (application/json: what each line was read as, the heals); this record is the small index.
 * Not part of the printed book: exports, statistics and the checker read the tree only.
 */
export const SourceRecordSchema = z.object({
  id: IdSchema,
  /** The file name as received, or 粘贴内容 for a paste. */
  fileName: z.string().min(1),
  /** Where the file was inside an imported folder ("区民政局/2021/稿件.docx"). */
  path: z.string().optional(),
  format: z.enum(['text', 'docx', 'html']),
  /** Pasted from the clipboard, not a file. */
  pasted: z.boolean().optional(),
  /** Text files: the detected or chosen encoding. */
  encoding: SourceEncodingSchema.optional(),
  /** ISO 8601 time the import was accepted. */
  importedAt: z.string().min(1),
  /** The editor who accepted it, where known. */
  importedBy: z.string().optional(),
  /** How it was placed: by what was recognised, as new sections, into a new category, appended to or replacing a section. */
  placement: z.enum(['auto', 'new-sections', 'new-category', 'append', 'replace']),
  /** The sections the draft became (or was appended to / replaced). */
  sectionIds: z.array(IdSchema).default([]),
  /** The categories those sections were placed in. */
  categoryIds: z.array(IdSchema).default([]),
  /** The asset holding the text (text/plain;charset=utf-8). */
  textAssetId: IdSchema,
  /** The asset holding the review marks (application/json), where kept. */
  marksAssetId: IdSchema.optional(),
  /** Source lines (paragraphs for Word and HTML) and characters without whitespace. */
  lines: z.number().int().min(0),
  characters: z.number().int().min(0),
  /** Heals the importer made, lines it dropped (running heads, folios, repeated headers), the editor's corrections. */
  heals: z.number().int().min(0).default(0),
  droppedLines: z.number().int().min(0).default(0),
  corrections: z.number().int().min(0).default(0),
});
export type SourceRecord = z.infer<typeof SourceRecordSchema>;

export const BookSchema = z.object({
  schemaVersion: z.literal(BOOK_SCHEMA_VERSION),
  id: IdSchema,
  /** Title without the volume ("拱墅年鉴"). */
  title: z.string().min(1),
  titleEn: z.string().optional(),
  /** The year on the cover: 《拱墅年鉴（2022）》 → 2022. */
  volumeYear: z.number().int().min(1949).max(2200),
  /** The year the volume records, usually volumeYear − 1. */
  recordYear: z.number().int().min(1949).max(2200),
  /** Compiling body (编纂单位), e.g. 杭州市拱墅区地方志办公室. */
  publisherOrg: z.string().optional(),
  printProfile: PrintProfileSchema.default(PrintProfileSchema.parse({})),
  houseStyle: HouseStyleSchema.default(HouseStyleSchema.parse({})),
  front: z.array(MatterSchema).default([]),
  body: z.array(CategorySchema).default([]),
  back: z.array(z.union([CategorySchema, MatterSchema])).default([]),
  contributors: z.array(ContributorSchema).default([]),
  assets: z.array(AssetSchema).default([]),
  comments: z.array(CommentSchema).default([]),
  /** 来稿原文: the imported drafts as received (absent in books that never imported one). */
  sources: z.array(SourceRecordSchema).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Book = z.infer<typeof BookSchema>;
export type BackChild = Book['back'][number];

/** Any node with an id that the outline shows. */
export type TreeNode = Category | Section | Subsection | Entry | Matter;
export type NodeKind = TreeNode['type'];
