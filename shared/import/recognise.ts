// The recogniser's entry point: a source document (text lines, or the paragraphs, tables, images and
// footnotes of a DOCX or HTML) becomes categories of the book model plus an import report.
import { t } from '../i18n';
import { ID_PREFIX, randomId } from '../model/ids';
import type { Category } from '../model/schema';
import { buildChapter } from './chapter';
import { RunContext } from './context';
import { prepareLines } from './prepare';
import { buildReport } from './reports';
import { segment } from './segment';
import { buildTableDoc } from './tabledoc';
import { readRecordYear } from './years';
import type {
  DocumentReport,
  ImportCounts,
  ImportOptions,
  ImportResult,
  LineOverride,
  OverrideRole,
  SourceDocument,
  SourceLine,
} from './types';

/** Splits text into source lines (CR LF, CR and LF line ends; a byte order mark is dropped). */
export function textToUnits(text: string): SourceLine[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = s.split(/\r\n|\r|\n/);
  const out: SourceLine[] = new Array(parts.length);
  for (let k = 0; k < parts.length; k++) out[k] = { kind: 'line', no: k + 1, text: parts[k]! };
  return out;
}

/** Recognises plain text (already decoded). */
export function recogniseText(text: string, name: string, options: ImportOptions = {}): ImportResult {
  return recognise({ name, format: 'text', units: textToUnits(text) }, options);
}

/** The last override per line wins; returns them sorted by line. */
export function normaliseOverrides(overrides: readonly LineOverride[] = []): LineOverride[] {
  const m = new Map<number, OverrideRole>();
  for (const o of overrides) if (Number.isInteger(o.line) && o.line > 0) m.set(o.line, o.role);
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([line, role]) => ({ line, role }));
}

/**
 * Adds or replaces the override of one line (the review screen's "this line is an attribution" /
 * "this is not a title"); pass the result back to recognise() to re-run recognition.
 */
export function withOverride(overrides: readonly LineOverride[], line: number, role: OverrideRole | null): LineOverride[] {
  const rest = overrides.filter((o) => o.line !== line);
  return normaliseOverrides(role ? [...rest, { line, role }] : rest);
}

export function recognise(doc: SourceDocument, options: ImportOptions = {}): ImportResult {
  const ids = options.ids ?? randomId;
  const overrides = normaliseOverrides(options.overrides);
  const lines = prepareLines(doc, new Map(overrides.map((o) => [o.line, o.role])));
  const ctx = new RunContext(ids, lines);
  const categories: Category[] = [];
  const documents: DocumentReport[] = [];
  let special: Category | null = null;
  let appendix: Category | null = null;

  for (const s of segment(lines)) {
    if (s.kind === 'chapter') {
      const r = buildChapter(ctx, s.start, s.end);
      if (!r.category.sections.length && r.categoryTitle === null) continue;
      // A chapter continuing one of the same title (split by a table or report in between) joins it.
      const same = categories.find((c) => c.role === 'regular' && r.categoryTitle !== null && c.title === r.category.title);
      if (same) {
        same.sections.push(...r.category.sections);
        if (!same.titleEn && r.category.titleEn) same.titleEn = r.category.titleEn;
        documents.push({ ...r.report, categoryId: same.id });
        for (const lr of ctx.lineReports) if (lr.nodeId === r.category.id) lr.nodeId = same.id;
      } else {
        categories.push(r.category);
        documents.push(r.report);
      }
    } else if (s.kind === 'reports') {
      const r = buildReport(ctx, s.start, s.end);
      if (!special) {
        special = { type: 'category', id: ids(ID_PREFIX.category), role: 'special', title: t('import.specialCategory', {}, 'zh'), sections: [] };
        categories.push(special);
      }
      special.sections.push(r.section);
      documents.push({
        kind: 'reports',
        firstLine: r.firstLine,
        lastLine: r.lastLine,
        categoryId: special.id,
        sectionIds: [r.section.id],
        reflowed: r.reflowed,
        tables: [],
      });
    } else {
      const r = buildTableDoc(ctx, s.start, s.end);
      if (!appendix) {
        appendix = { type: 'category', id: ids(ID_PREFIX.category), role: 'appendix', title: t('import.appendixCategory', {}, 'zh'), sections: [] };
        categories.push(appendix);
      }
      appendix.sections.push(r.section);
      documents.push({
        kind: 'table',
        firstLine: r.firstLine,
        lastLine: r.lastLine,
        categoryId: appendix.id,
        sectionIds: [r.section.id],
        reflowed: false,
        tables: [{ id: r.table.id, number: r.table.number, parts: 1 }],
      });
    }
  }

  const record = readRecordYear(categories, documents, ctx.lineReports);
  if (record) {
    ctx.hints.recordYear = record.year;
    ctx.hints.recordYearFrom = record.from;
  }
  if (ctx.hints.volumeYear) ctx.hints.volumeYearFrom = 'text';
  else if (record) {
    ctx.hints.volumeYear = record.year + 1;
    ctx.hints.volumeYearFrom = 'record-year';
  }

  const counts = countAll(categories, doc, ctx);
  return {
    categories,
    report: {
      source: { name: doc.name, format: doc.format, ...(doc.encoding ? { encoding: doc.encoding } : {}) },
      documents,
      lines: ctx.lineReports,
      heals: ctx.heals,
      uncertain: ctx.uncertain,
      counts,
      overrides,
      hints: ctx.hints,
    },
  };
}

function countAll(categories: Category[], doc: SourceDocument, ctx: RunContext): ImportCounts {
  const c: ImportCounts = {
    lines: doc.units.length,
    chars: 0,
    categories: categories.length,
    sections: 0,
    subsections: 0,
    entries: 0,
    paragraphs: 0,
    headings: 0,
    attributions: 0,
    figures: 0,
    tables: 0,
    footnotes: 0,
    heals: ctx.heals.length,
    uncertain: ctx.uncertain.length,
    droppedLines: ctx.lineReports.filter((l) => l.role === 'running-head' || l.role === 'ignored' || l.role === 'table-header-repeat').length,
  };
  for (const u of doc.units) if (u.kind === 'line') c.chars += u.text.length;
  const block = (b: { type: string }) => {
    if (b.type === 'paragraph') c.paragraphs++;
    else if (b.type === 'heading') c.headings++;
    else if (b.type === 'attribution') c.attributions++;
    else if (b.type === 'figure') c.figures++;
    else if (b.type === 'table') c.tables++;
    else if (b.type === 'footnote') c.footnotes++;
  };
  for (const cat of categories)
    for (const s of cat.sections) {
      c.sections++;
      for (const ch of s.children) {
        if (ch.type === 'entry') {
          c.entries++;
          ch.blocks.forEach(block);
        } else if (ch.type === 'subsection') {
          c.subsections++;
          for (const x of ch.children) {
            if (x.type === 'entry') {
              c.entries++;
              x.blocks.forEach(block);
            } else block(x);
          }
        } else block(ch);
      }
    }
  return c;
}
