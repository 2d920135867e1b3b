// 来稿原文: keeping each imported draft with the book, as the recogniser read it.
//
// The importer heals what page layout broke (rejoined lines, removed letter-spacing, dropped running heads and
// folios). So that nothing is changed silently, accepting an import keeps, per file:
//   a SourceRecord in book.sources   file name, format, encoding, when, which sections and categories it became
//   a text asset (text/plain, UTF-8)  the text the recogniser read: one source line per line (line ends LF, no
//                                     BOM); for Word and HTML one paragraph per line, a table's rows on lines of
//                                     tab-separated cells
//   a marks asset (application/json)  what each line was read as, the node it went into, the heals and the
//                                     editor's corrections — what the review screen marked, to show them again
// All three are added by the same pure book change as the placed sections (placeImportsKeepingSources), so one
// transaction stores them and one undo takes them away. The printed book, the statistics and the checker read
// the tree (front/body/back) only and never see them.
import { z } from 'zod';
import { sha256Hex } from '../bookfile/bookfile';
import { countChars } from '../model/text';
import { ID_PREFIX, randomId, type IdGenerator } from '../model/ids';
import type { Book, Category, SourceRecord } from '../model/schema';
import { placeImport, type Placement } from './place';
import type { HealKind, ImportedAsset, ImportReport, ImportResult, LineReport, LineRole } from './types';

/** MIME type of a kept source's text. */
export const SOURCE_TEXT_MIME = 'text/plain;charset=utf-8';
/** MIME type of a kept source's review marks. */
export const SOURCE_MARKS_MIME = 'application/json';
export const SOURCE_MARKS_FORMAT = 'yearbook-source-marks';
/** The characters that stand for roles in SourceMarks.roles (index into roleNames). */
const ROLE_CODES = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The review marks of a kept source (the marks asset). Compact, because a full volume has tens of thousands of
 * lines: roles and nodes as runs, heals by line number.
 */
export const SourceMarksSchema = z.object({
  format: z.literal(SOURCE_MARKS_FORMAT),
  version: z.literal(1),
  /** Number of source lines (units). */
  lines: z.number().int().min(0),
  /** The source line number of each line, only when they do not simply run 1, 2, 3 … */
  nos: z.array(z.number().int()).optional(),
  /** Lines whose text spans several lines of the text asset (a table's rows): [line index, text lines]. */
  spans: z.array(z.tuple([z.number().int().min(0), z.number().int().min(2)])).default([]),
  /** The roles the lines were read as (LineRole names), in order of first use. */
  roleNames: z.array(z.string()).max(ROLE_CODES.length),
  /** What each line was read as: one character per line, its position in ROLE_CODES indexing roleNames. */
  roles: z.string(),
  /**
   * The tree node (entry, section …) each non-blank line went into, in runs: [first line index of the run,
   * node id or ""] (blank lines go into nothing and do not break a run).
   */
  nodes: z.array(z.tuple([z.number().int().min(0), z.string()])).default([]),
  /** The block (paragraph, table, figure …) each non-blank line went into, in runs as nodes. */
  blocks: z.array(z.tuple([z.number().int().min(0), z.string()])).default([]),
  /** The heals: [kind, source line numbers]. */
  heals: z.array(z.tuple([z.string(), z.array(z.number().int())])).default([]),
  /** Source line numbers the editor corrected on the review screen. */
  overridden: z.array(z.number().int()).default([]),
});
export type SourceMarks = z.infer<typeof SourceMarksSchema>;

/** The text of a source as the recogniser read it: its report's lines, one per line. */
export function sourceText(report: Pick<ImportReport, 'lines'>): string {
  return report.lines.map((l) => l.text).join('\n');
}

/** The review marks of a recognition (what the review screen shows), for the marks asset. */
export function sourceMarks(report: Pick<ImportReport, 'lines' | 'heals'>): SourceMarks {
  const lines = report.lines;
  const contiguous = lines.every((l, i) => l.no === i + 1);
  const spans: [number, number][] = [];
  const roleNames: string[] = [];
  let roles = '';
  const nodes: [number, string][] = [];
  const blocks: [number, string][] = [];
  const run = (list: [number, string][], i: number, id: string) => {
    if (list.length ? list[list.length - 1]![1] !== id : id !== '') list.push([i, id]);
  };
  lines.forEach((l, i) => {
    const breaks = l.text.split('\n').length;
    if (breaks > 1) spans.push([i, breaks]);
    let r = roleNames.indexOf(l.role);
    if (r < 0) r = roleNames.push(l.role) - 1;
    roles += ROLE_CODES[r];
    if (l.role === 'blank') return;
    run(nodes, i, l.nodeId ?? '');
    run(blocks, i, l.blockId ?? '');
  });
  return {
    format: SOURCE_MARKS_FORMAT,
    version: 1,
    lines: lines.length,
    ...(contiguous ? {} : { nos: lines.map((l) => l.no) }),
    spans,
    roleNames,
    roles,
    nodes,
    blocks,
    heals: report.heals.map((h) => [h.kind, [...h.lines]] as [string, number[]]),
    overridden: lines.filter((l) => l.overridden).map((l) => l.no),
  };
}

/** A kept source line, as the viewer shows it (the shape of the review screen's LineReport). */
export interface KeptLine extends LineReport {
  /** Heals this line takes part in. */
  heals?: HealKind[];
}

export interface KeptSourceView {
  lines: KeptLine[];
  /** The heals with their lines, in source order. */
  heals: { kind: HealKind; lines: number[] }[];
  /** False when the marks were missing or unreadable: the lines are then plain text. */
  marked: boolean;
}

// Every role and heal kind, checked by the compiler both ways (a new one in types.ts must be added here, or kept
// drafts would read it as body text or drop the heal).
const LINE_ROLES: ReadonlySet<string> = new Set(
  Object.keys({
    'blank': true, 'running-head': true, 'book-head': true, 'category': true, 'category-en': true, 'section': true,
    'subsection': true, 'entry-title': true, 'body': true, 'attribution': true, 'caption': true, 'credit': true,
    'table-title': true, 'table-number': true, 'table-continuation': true, 'table-header': true,
    'table-header-repeat': true, 'table-row': true, 'table-cell': true, 'footnote': true, 'image': true,
    'report-title': true, 'report-subtitle': true, 'report-speaker': true, 'report-date': true, 'salutation': true,
    'heading': true, 'ignored': true,
  } satisfies Record<LineRole, true>),
);
const HEAL_KINDS: ReadonlySet<string> = new Set(
  Object.keys({
    'line-joined': true, 'number-joined': true, 'joined-across': true, 'displaced-fragment': true,
    'letter-spacing': true, 'running-head': true, 'title-joined': true, 'table-continued': true,
    'header-repeat-removed': true, 'moved-to-reference': true, 'footnote-linked': true, 'inline-attribution': true,
    'reflowed': true,
  } satisfies Record<HealKind, true>),
);

/** Parses the bytes of a marks asset; null when they are not marks this build reads. */
export function readSourceMarks(bytes: Uint8Array | undefined): SourceMarks | null {
  if (!bytes) return null;
  try {
    const r = SourceMarksSchema.safeParse(JSON.parse(new TextDecoder('utf-8').decode(bytes)));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/**
 * The lines of a kept source for the viewer: the text split back into its source lines, with what each was read
 * as and its heals when the marks are there and fit the text; else plain numbered lines (marked: false).
 */
export function keptSourceView(text: string, marks: SourceMarks | null): KeptSourceView {
  const raw = text.split('\n');
  const plain = (): KeptSourceView => ({ lines: raw.map((t, i) => ({ no: i + 1, text: t, role: 'body' as const })), heals: [], marked: false });
  if (!marks) return plain();
  const extra = marks.spans.reduce((n, [, k]) => n + k - 1, 0);
  if (marks.lines + extra !== raw.length || marks.roles.length !== marks.lines || (marks.nos && marks.nos.length !== marks.lines)) return plain();
  const spanOf = new Map(marks.spans);
  const lines: KeptLine[] = [];
  let at = 0;
  const nodeAt = runReader(marks.nodes);
  const blockAt = runReader(marks.blocks);
  const overridden = new Set(marks.overridden);
  for (let i = 0; i < marks.lines; i++) {
    const k = spanOf.get(i) ?? 1;
    const lineText = raw.slice(at, at + k).join('\n');
    at += k;
    const roleName = marks.roleNames[ROLE_CODES.indexOf(marks.roles[i]!)] ?? 'body';
    const blank = roleName === 'blank';
    const nodeId = blank ? '' : nodeAt(i);
    const blockId = blank ? '' : blockAt(i);
    const no = marks.nos ? marks.nos[i]! : i + 1;
    lines.push({
      no,
      text: lineText,
      role: (LINE_ROLES.has(roleName) ? roleName : 'body') as LineRole,
      ...(nodeId ? { nodeId } : {}),
      ...(blockId ? { blockId } : {}),
      ...(overridden.has(no) ? { overridden: true } : {}),
    });
  }
  const heals = marks.heals.filter(([kind]) => HEAL_KINDS.has(kind)).map(([kind, ls]) => ({ kind: kind as HealKind, lines: ls }));
  const byNo = new Map(lines.map((l) => [l.no, l]));
  for (const h of heals) {
    for (const n of h.lines) {
      const l = byNo.get(n);
      if (l) l.heals = [...(l.heals ?? []), h.kind];
    }
  }
  return { lines, heals, marked: true };
}

/** Reads runs [first index, id] for ascending indexes. */
function runReader(runs: readonly (readonly [number, string])[]): (i: number) => string {
  let k = -1;
  return (i) => {
    while (k + 1 < runs.length && runs[k + 1]![0] <= i) k++;
    return k >= 0 ? runs[k]![1] : '';
  };
}

// ---------------------------------------------------------------------------------------------
// Keeping sources with the book

/** What the importer knows about a draft besides its recognition. */
export interface SourceInfo {
  /** The file name, or 粘贴内容 for a paste. */
  fileName: string;
  /** Where the file was inside an imported folder. */
  path?: string;
  pasted?: boolean;
  /** The editor accepting the import, where known. */
  by?: string;
}

/** A source ready to be kept: its record (sections still to fill in when placed) and its two assets. */
export interface PreparedSource {
  record: SourceRecord;
  assets: ImportedAsset[];
}

function textAsset(id: string, fileName: string, bytes: Uint8Array, mime: string): ImportedAsset {
  return { asset: { id, fileName, mime, byteLength: bytes.length, sha256: sha256Hex(bytes) }, bytes };
}

/** Builds the record and the text and marks assets of one recognised draft (nothing is placed yet). */
export function prepareSource(result: Pick<ImportResult, 'report'>, info: SourceInfo, opts: { importedAt: string; ids?: IdGenerator }): PreparedSource {
  const ids = opts.ids ?? randomId;
  const report = result.report;
  const text = sourceText(report);
  const enc = new TextEncoder();
  const textBytes = enc.encode(text);
  const marksBytes = enc.encode(JSON.stringify(sourceMarks(report)));
  const base = info.fileName.replace(/\.[^./\\]*$/, '') || info.fileName;
  const text_ = textAsset(ids(ID_PREFIX.asset), `${base}.txt`, textBytes, SOURCE_TEXT_MIME);
  const marks = textAsset(ids(ID_PREFIX.asset), `${base}.marks.json`, marksBytes, SOURCE_MARKS_MIME);
  const e = report.source.encoding;
  const record: SourceRecord = {
    id: ids(ID_PREFIX.source),
    fileName: info.fileName,
    ...(info.path && info.path !== info.fileName ? { path: info.path } : {}),
    format: report.source.format,
    ...(info.pasted ? { pasted: true } : {}),
    ...(e ? { encoding: { encoding: e.encoding, confidence: e.confidence, method: e.method, bom: e.bom, ...(e.replaced ? { replaced: e.replaced } : {}) } } : {}),
    importedAt: opts.importedAt,
    ...(info.by ? { importedBy: info.by } : {}),
    placement: 'auto',
    sectionIds: [],
    categoryIds: [],
    textAssetId: text_.asset.id,
    marksAssetId: marks.asset.id,
    lines: report.lines.length,
    characters: countChars(text),
    heals: report.heals.length,
    droppedLines: report.counts.droppedLines,
    corrections: report.lines.filter((l) => l.overridden).length,
  };
  return { record, assets: [text_, marks] };
}

/** The sections a placed import became: the recognised ones, or the one it was appended to or replaced. */
function placedSectionIds(categories: readonly Category[], placement: Placement): string[] {
  if (placement.mode === 'append' || placement.mode === 'replace') return [placement.sectionId];
  return categories.flatMap((c) => c.sections.map((s) => s.id));
}

/**
 * Adds a prepared source to a book the import was already placed in: the record (with the sections and
 * categories it became) to book.sources, its assets' records to book.assets. Pure: returns a new book.
 */
export function attachSource(book: Book, source: PreparedSource, result: Pick<ImportResult, 'categories'>, placement: Placement): Book {
  const sectionIds = placedSectionIds(result.categories, placement);
  const categoryIds: string[] = [];
  for (const c of [...book.body, ...book.back]) {
    if (c.type !== 'category') continue;
    if (c.sections.some((s) => sectionIds.includes(s.id)) && !categoryIds.includes(c.id)) categoryIds.push(c.id);
  }
  const record: SourceRecord = { ...source.record, placement: placement.mode, sectionIds, categoryIds };
  const assets = [...book.assets];
  for (const a of source.assets) if (!assets.some((x) => x.id === a.asset.id)) assets.push({ ...a.asset });
  return { ...book, assets, sources: [...(book.sources ?? []), record] };
}

/**
 * Several imports placed one after the other with their sources kept (the review screen's accept, the CLI):
 * one pure book change, so storing it is one transaction and undoing it one step. Throws PlacementError
 * without a partial result.
 */
export function placeImportsKeepingSources(
  book: Book,
  items: readonly { result: Pick<ImportResult, 'categories' | 'assets'>; placement: Placement; source: PreparedSource }[],
  ids: IdGenerator = randomId,
): Book {
  let out = book;
  for (const it of items) out = attachSource(placeImport(out, it.result, it.placement, ids), it.source, it.result, it.placement);
  return out;
}

/** The bytes of every asset the prepared sources add (for the storage's or the book file's asset map). */
export function sourceAssetBytes(sources: readonly PreparedSource[]): Map<string, Uint8Array> {
  return new Map(sources.flatMap((s) => s.assets.map((a) => [a.asset.id, a.bytes] as [string, Uint8Array])));
}

/** The kept sources a section came from, newest first. */
export function sourcesOfSection(sources: readonly SourceRecord[] | undefined, sectionId: string): SourceRecord[] {
  // Newest first; of one import (the same time), the later placed first.
  return (sources ?? [])
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.sectionIds.includes(sectionId))
    .sort((a, b) => b.s.importedAt.localeCompare(a.s.importedAt) || b.i - a.i)
    .map(({ s }) => s);
}
