// Sections of real yearbook text for the editor tests, read from the corpus seed 000 (临安, 区人民政府) with a
// small line reader: section and subsection titles from the gold outline, 【】 entries, attribution lines,
// "图N caption(credit)" figures, and 表6 with its rows. The text is the real text; a few marks, a footnote and
// the special-part blocks (headings, dated items) are added so every node kind occurs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ID_PREFIX,
  parseAttribution,
  parseCredit,
  sequentialIds,
  SectionSchema,
  type Block,
  type Entry,
  type Row,
  type Section,
  type Subsection,
} from '../../../../shared/model';

const CORPUS = path.resolve(import.meta.dirname, '../../../fixtures/corpus');

export function corpusSections(): Section[] {
  const ids = sequentialIds('c');
  const text = readFileSync(path.join(CORPUS, 'seeds/000_081f09f87d882097.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(path.join(CORPUS, 'gold/000_081f09f87d882097.json'), 'utf8')) as {
    sections: { title: string; subsections?: { title: string }[] }[];
  };
  const sectionTitles = new Set(gold.sections.map((s) => s.title));
  const subTitles = new Set(gold.sections.flatMap((s) => (s.subsections ?? []).map((x) => x.title)));

  const sections: Section[] = [];
  let section: Section | null = null;
  let sub: Subsection | null = null;
  let entry: Entry | null = null;
  let uncovered: string[] = [];
  let pendingTableTitle = '';
  let table: Extract<Block, { type: 'table' }> | null = null;
  let skipHeader = false;

  const container = (): { push(b: Block | Entry): void } => ({
    push: (b) => {
      if (b.type !== 'entry' && entry) entry.blocks.push(b);
      else if (sub) sub.children.push(b);
      else section?.children.push(b);
    },
  });
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) continue;
    const bare = line.replace(/\s+/g, '');
    if (table && raw.includes('\t')) {
      if (skipHeader) {
        skipHeader = false;
        continue;
      }
      const row: Row = { cells: raw.split('\t').map((c) => ({ text: c.trim(), marks: [], rowSpan: 1, colSpan: 1 })) };
      if (table.headerRows.length === 0) table.headerRows.push(row);
      else table.bodyRows.push(row);
      continue;
    }
    if (bare === '续表') {
      skipHeader = true;
      continue;
    }
    if (/^表\d+$/.test(bare)) {
      table = { type: 'table', id: ids(ID_PREFIX.table), number: bare.slice(1), title: pendingTableTitle, unitNote: undefined, headerRows: [], bodyRows: [], fullWidth: false };
      delete table.unitNote;
      container().push(table);
      continue;
    }
    table = null;
    if (sectionTitles.has(bare) && bare.length < 12) {
      section = { type: 'section', id: ids(ID_PREFIX.section), title: bare, status: { stage: 'draft' }, fullWidth: false, children: [] };
      sections.push(section);
      sub = null;
      entry = null;
      continue;
    }
    if (!section) continue;
    const subTitle = bare.replace(/^·(.+)·$/, '$1');
    if (subTitles.has(subTitle) && bare.startsWith('·') && section.title === '民政') {
      sub = { type: 'subsection', id: ids(ID_PREFIX.subsection), title: subTitle, children: [] };
      section.children.push(sub);
      entry = null;
      continue;
    }
    const entryMatch = /^【(.+?)】\s*(.*)$/.exec(line);
    if (entryMatch) {
      entry = { type: 'entry', id: ids(ID_PREFIX.entry), title: entryMatch[1]!, noIndex: false, blocks: [] };
      (sub ? sub.children : section.children).push(entry);
      uncovered.push(entry.id);
      if (entryMatch[2]) entry.blocks.push({ type: 'paragraph', id: ids(ID_PREFIX.paragraph), text: entryMatch[2], marks: [] });
      continue;
    }
    const fig = /^图\s*(\d+)\s*(.*?)[(（]([^()（）]+)[)）]$/.exec(line);
    if (fig) {
      container().push({ type: 'figure', id: ids(ID_PREFIX.figure), number: fig[1]!, caption: fig[2]!.trim(), credit: parseCredit(fig[3]!), assetId: null, fullWidth: false });
      continue;
    }
    const attr = parseAttribution(line);
    if (attr) {
      entry = null;
      container().push({ type: 'attribution', id: ids(ID_PREFIX.attribution), kind: attr.kind, names: attr.names, covers: uncovered, raw: attr.raw, placement: 'line' });
      uncovered = [];
      continue;
    }
    const next = lines.slice(i + 1).find((l) => l.trim())?.trim() ?? '';
    if (/^表\d+$/.test(next.replace(/\s+/g, ''))) {
      pendingTableTitle = line;
      continue;
    }
    container().push({ type: 'paragraph', id: ids(ID_PREFIX.paragraph), text: line, marks: [] });
  }
  return sections.map((s) => SectionSchema.parse(s));
}

/** A section with every node kind and mark kind, built on real text: 机关事务服务 (with 表6) and 民政 (subsections, photos) plus special blocks. */
export function richCorpusSection(): Section {
  const all = corpusSections();
  const base = all.find((s) => s.title === '机关事务服务')!;
  const minzheng = all.find((s) => s.title === '民政')!;
  const ids = sequentialIds('r');
  const firstEntry = base.children.find((c): c is Entry => c.type === 'entry')!;
  const p = firstEntry.blocks.find((b) => b.type === 'paragraph')!;
  if (p.type !== 'paragraph') throw new Error('fixture');
  const footnoteId = ids(ID_PREFIX.footnote);
  p.marks = [
    { type: 'bold', start: 0, end: 5 },
    { type: 'indexTerm', start: 6, end: 12, sortKey: 'linan' },
    { type: 'indexTerm', start: 12, end: 16 },
    { type: 'comment', start: 10, end: 20, commentId: 'k_1' },
    { type: 'footnoteRef', start: 20, end: 20, footnoteId },
    { type: 'sup', start: 30, end: 31 },
  ];
  firstEntry.blocks.push({ type: 'footnote', id: footnoteId, text: '临编〔2020〕25号文件。', marks: [] });
  const special: Block[] = [
    { type: 'heading', id: ids(ID_PREFIX.heading), level: 1, text: '一、2020年工作回顾', marks: [], runIn: false },
    { type: 'heading', id: ids(ID_PREFIX.heading), level: 2, text: '（一）全面筑牢疫情防线。', marks: [], runIn: true },
    { type: 'dated', id: ids(ID_PREFIX.dated), dateLabel: '1月19日', date: '2020-01-19', text: '杭州市首个远程异地评标项目开标。', marks: [] },
    { type: 'dated', id: ids(ID_PREFIX.dated), dateLabel: '', text: '是月，区政府完成机构改革。', marks: [{ type: 'bold', start: 0, end: 2 }] },
  ];
  return SectionSchema.parse({
    ...base,
    children: [...base.children, ...minzheng.children, ...special],
  });
}
