// Structure, table and figure rules on the seeds as the importer reads them (000 表6 and 图78–84, 002 表4 with
// its 续表4, the sample book's 特载 from 001, 004's appendix table), and on the changes an editor's work makes to
// them: chapters of two yearbooks put into one volume, a figure moved or deleted, a category losing its role, a
// table whose continuation was not merged.
import { describe, expect, it } from 'vitest';
import { allSections, sectionBlocks, tableFigureNumbers, type Block, type Book, type Cell, type Figure, type Table } from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';
import { applyFixes, check, type Finding } from '../../../../shared/validate';
import { clip } from '../../../../shared/validate/text';
import { findings, importSeed, seed } from './helpers';

const messages = (list: Finding[]) => list.map((f) => [f.severity, f.message]);

function blocksOf<T extends Block['type']>(book: Book, type: T): Extract<Block, { type: T }>[] {
  return allSections(book).flatMap(({ category, section }) => [...sectionBlocks(category, section)].map((v) => v.block).filter((b): b is Extract<Block, { type: T }> => b.type === type));
}

/** A copy of the book in which `edit` may change blocks in place (the imported books are not shared between tests). */
function edited(book: Book, edit: (b: Book) => void): Book {
  const copy = structuredClone(book);
  edit(copy);
  return copy;
}

describe('STR-SPECIAL on the sample book (001 as 特载) and 004 (附录)', () => {
  it('is quiet while 特载 and 附录 carry their roles, and no entry rule runs in them', () => {
    const sample = loadSampleBook();
    const found = check(sample).findings;
    expect(found.filter((f) => f.ruleId === 'STR-SPECIAL')).toEqual([]);
    const special = sample.body.find((c) => c.title === '特载')!;
    expect(found.filter((f) => f.location.categoryId === special.id && f.family === 'ENT')).toEqual([]);
    expect(findings(importSeed('004'), 'STR-SPECIAL')).toEqual([]);
  });
  it('asks for the role when 特载 (the four reports of 001) or 附录 (004) is stored as a regular category', () => {
    const sample = edited(loadSampleBook(), (b) => {
      b.body.find((c) => c.title === '特载')!.role = 'regular';
    });
    expect(messages(findings(sample, 'STR-SPECIAL'))).toEqual([['warning', '类目“特载”应标为特载，否则会按普通类目的条目规则检查']]);
    const table = edited(importSeed('004'), (b) => {
      const appendix = b.back.find((c) => c.type === 'category')!;
      if (appendix.type === 'category') appendix.role = 'regular';
    });
    expect(messages(findings(table, 'STR-SPECIAL'))).toEqual([['warning', '类目“附录”应标为附录，否则会按普通类目的条目规则检查']]);
  });
  it('knows the report parts the importer knows: 重要文献 stored as a regular category is asked about too', () => {
    const sample = edited(loadSampleBook(), (b) => {
      const special = b.body.find((c) => c.title === '特载')!;
      special.role = 'regular';
      special.title = '重要文献';
    });
    expect(messages(findings(sample, 'STR-SPECIAL'))).toEqual([['warning', '类目“重要文献”应标为特载，否则会按普通类目的条目规则检查']]);
  });
});

describe('TAB-NUM on 000 表6 and 002 表4', () => {
  const s000 = importSeed('000');
  const s002 = importSeed('002');

  it('accepts each chapter as imported: 000 has 表6 only, 002 表4 (its 续表4 merged)', () => {
    expect(blocksOf(s000, 'table').map((t) => t.number)).toEqual(['6']);
    expect(blocksOf(s002, 'table').map((t) => t.number)).toEqual(['4']);
    expect(findings(s000, 'TAB-NUM')).toEqual([]);
    expect(findings(s002, 'TAB-NUM')).toEqual([]);
  });

  it('finds 表4 after 表6 when the two chapters are put into one volume, and nothing with automatic numbering', () => {
    const volume: Book = { ...s000, body: [...s000.body, ...s002.body] };
    const list = findings(volume, 'TAB-NUM');
    expect(messages(list)).toEqual([['error', '表4排在表6之后，表号顺序颠倒']]);
    expect(list[0]!.location).toMatchObject({ sectionTitle: '重要会议', entryTitle: '区政府常务会议', nodeKind: 'table' });
    expect(findings(volume, 'TAB-NUM', { autoNumber: true })).toEqual([]);
  });

  it('finds 表6 twice when it is pasted into a second section', () => {
    const twice = edited(s000, (b) => {
      const t = blocksOf(b, 'table')[0]!;
      const other = allSections(b).find(({ section }) => section.title === '外事')!.section;
      const entry = other.children.find((c) => c.type === 'entry')!;
      if (entry.type === 'entry') entry.blocks.push({ ...t, id: 't_copy' });
    });
    expect(messages(findings(twice, 'TAB-NUM'))).toEqual([['error', '表6重号']]);
  });
});

describe('FIG-NUM on 000 图78–84', () => {
  const s000 = importSeed('000');
  const figures = (b: Book) => blocksOf(b, 'figure');

  it('accepts 图78–84 (a chapter of a book need not start at 图1)', () => {
    expect(figures(s000).map((f) => f.number)).toEqual(['78', '79', '80', '81', '82', '83', '84']);
    expect(findings(s000, 'FIG-NUM')).toEqual([]);
  });

  it('finds a gap when 图80 is deleted, the order when 图81 comes before 图80, and a stray space in a number', () => {
    const without80 = edited(s000, (b) => {
      const drop = (e: { type: string; blocks?: Block[] }) => {
        if (e.type === 'entry') e.blocks = e.blocks!.filter((x) => !(x.type === 'figure' && x.number === '80'));
      };
      for (const { section } of allSections(b)) for (const c of section.children) if (c.type === 'subsection') c.children.forEach(drop);
        else drop(c);
    });
    expect(figures(without80).map((f) => f.number)).toEqual(['78', '79', '81', '82', '83', '84']);
    expect(messages(findings(without80, 'FIG-NUM'))).toEqual([['warning', '图79之后是图81，缺少图80']]);

    const swapped = edited(s000, (b) => {
      const f80 = figures(b).find((f) => f.number === '80')!;
      const f81 = figures(b).find((f) => f.number === '81')!;
      [f80.number, f81.number] = ['81', '80'];
    });
    expect(messages(findings(swapped, 'FIG-NUM'))).toEqual([['error', '图80排在图81之后，图号顺序颠倒']]);

    const spaced = edited(s000, (b) => {
      figures(b).find((f) => f.number === '79')!.number = ' 79';
    });
    const stray = findings(spaced, 'FIG-NUM');
    expect(messages(stray)).toEqual([['warning', '图号“ 79”中有多余的空格']]);
    // The fix writes the number as it prints.
    const trimmed = applyFixes(spaced, stray[0]!.fixes).book;
    expect(figures(trimmed).map((f) => f.number)).toEqual(['78', '79', '80', '81', '82', '83', '84']);
  });
});

describe('TAB-NUM / FIG-NUM agree with the export: an unnumbered table or figure prints with the next number', () => {
  const s000 = importSeed('000');
  const s002 = importSeed('002');
  const figures = (b: Book) => blocksOf(b, 'figure');
  /** The number the export prints for a block (shared/model/numbering.ts, as the PDF and Word exports use it). */
  const printed = (b: Book, block: { id: string }) => tableFigureNumbers(b).get(block.id)?.number;

  it('000 with 图80 left unnumbered: a hint that it prints as 图80 (no warning), and a fix that writes 80 in', () => {
    const blank80 = edited(s000, (b) => {
      figures(b).find((f) => f.number === '80')!.number = null;
    });
    const f80 = figures(blank80)[2]!;
    expect(printed(blank80, f80)).toBe('80');
    const list = findings(blank80, 'FIG-NUM');
    expect(messages(list)).toEqual([['info', `图片“${clip(f80.caption, 24)}”未写图号，导出时将按顺序编为图80`]]);
    expect(list[0]!.location).toMatchObject({ nodeId: f80.id, nodeKind: 'figure' });
    expect(list[0]!.fixes.map((x) => [x.label, x.requiresConfirmation])).toEqual([['写入图号“80”', false]]);
    const fixed = applyFixes(blank80, list[0]!.fixes);
    expect(fixed.refused).toEqual([]);
    expect(figures(fixed.book).map((f) => f.number)).toEqual(['78', '79', '80', '81', '82', '83', '84']);
    expect(findings(fixed.book, 'FIG-NUM')).toEqual([]);
  });

  it('an unnumbered photo put before 图80 prints as 图80 itself: the typed 图80 after it is a real duplicate', () => {
    const inserted = edited(s000, (b) => {
      const entries = allSections(b).flatMap(({ section }) => section.children.flatMap((c) => (c.type === 'entry' ? [c] : c.type === 'subsection' ? c.children.filter((x) => x.type === 'entry') : [])));
      for (const entry of entries) {
        const at = entry.blocks.findIndex((x) => x.type === 'figure' && x.number === '80');
        if (at >= 0) entry.blocks.splice(at, 0, { ...(entry.blocks[at] as Figure), id: 'f_new', number: null, caption: '2020年5月，区信访局开展接访活动' });
      }
    });
    expect(printed(inserted, { id: 'f_new' })).toBe('80');
    expect(messages(findings(inserted, 'FIG-NUM'))).toEqual([
      ['info', '图片“2020年5月，区信访局开展接访活动”未写图号，导出时将按顺序编为图80'],
      ['error', '图80重号：前面未写图号的图片“2020年5月，区信访局开展接访活动”导出时将编为图80'],
    ]);
  });

  it('002\'s five photos, numbered by no one, are left to the layout; put after 000\'s 图78–84 they print as 图85–89 and each says so', () => {
    expect(figures(s002).map((f) => f.number)).toEqual([null, null, null, null, null]);
    expect(findings(s002, 'FIG-NUM')).toEqual([]);
    const volume: Book = { ...s000, body: [...s000.body, ...s002.body] };
    const list = findings(volume, 'FIG-NUM');
    const photos = figures(s002);
    expect(photos.map((f) => printed(volume, f))).toEqual(['85', '86', '87', '88', '89']);
    expect(list.map((f) => [f.severity, f.location.nodeId, /编为(图\d+)$/.exec(f.message)?.[1]])).toEqual(photos.map((f, i) => ['info', f.id, `图${85 + i}`]));
    expect(list.every((f) => f.location.categoryTitle === '杭州市拱墅区人民政府')).toBe(true);
    // 表6 then 表4 is still the order error it was; no table is unnumbered.
    expect(messages(findings(volume, 'TAB-NUM'))).toEqual([['error', '表4排在表6之后，表号顺序颠倒']]);
    // Automatic numbering: nothing to check.
    expect(findings(volume, 'FIG-NUM', { autoNumber: true })).toEqual([]);
  });

  it('000\'s only table left unnumbered is the layout\'s to number (no typed 表号 in the book): no finding; beside 002\'s 表4 it prints as 表5 and says so', () => {
    const blank6 = edited(s000, (b) => {
      blocksOf(b, 'table')[0]!.number = null;
    });
    expect(findings(blank6, 'TAB-NUM')).toEqual([]);
    const volume: Book = { ...blank6, body: [...s002.body, ...blank6.body] };
    const t = blocksOf(blank6, 'table')[0]!;
    expect(printed(volume, t)).toBe('5');
    expect(messages(findings(volume, 'TAB-NUM'))).toEqual([['info', '表格“2020年临安区政府民生实事项目完成情况”未写表号，导出时将按顺序编为表5']]);
  });
});

describe('TAB-CONT on 002 表4 / 续表4', () => {
  const s002 = importSeed('002');
  const cell = (text: string): Cell => ({ text, marks: [], rowSpan: 1, colSpan: 1 });
  /** 表4 as the source prints it: rows up to "续表4", then the repeated header and the rest (seed lines, tab-separated). */
  function unmerged(): { rows: Cell[][]; continuedAt: number } {
    const lines = seed('002').split('\n');
    const start = lines.findIndex((l) => l.trim() === '表4');
    const rows: Cell[][] = [];
    let continuedAt = -1;
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (!l) continue;
      if (l === '续表4') {
        continuedAt = rows.length;
        continue;
      }
      if (!l.includes('\t')) break;
      rows.push(l.split('\t').map(cell));
    }
    return { rows, continuedAt };
  }

  it('is quiet on 表4 as imported (the importer merged 续表4 and dropped its repeated header)', () => {
    const t = blocksOf(s002, 'table')[0]!;
    const { rows } = unmerged();
    expect(t.bodyRows.length).toBe(rows.length - 2); // the header, and its repetition after 续表4
    expect(findings(s002, 'TAB-CONT')).toEqual([]);
  });

  it('finds the repeated header row and the stored “续表4” of an unmerged 表4, and says which row it is', () => {
    const { rows, continuedAt } = unmerged();
    const book = edited(s002, (b) => {
      const t = blocksOf(b, 'table')[0]! as Table;
      t.bodyRows = rows.slice(1).map((cells) => ({ cells }));
      const entry = allSections(b).flatMap(({ section }) => section.children).find((c) => c.type === 'entry' && c.blocks.includes(t))!;
      if (entry.type === 'entry') entry.blocks.splice(entry.blocks.indexOf(t) + 1, 0, { type: 'paragraph', id: 'p_cont', text: '续表4', marks: [] });
    });
    const list = findings(book, 'TAB-CONT');
    expect(messages(list)).toEqual([
      ['warning', `表体第${continuedAt}行重复了表头（续表残留），续表的表头在排版时按体例（“续表”）生成`],
      ['error', '“续表4”不应作为内容保存：续表在排版时按体例（“续表”）生成'],
    ]);
    expect(list[0]!.location.cell).toMatchObject({ tableNumber: '4', header: false, row: continuedAt, column: 1, columnHead: '常务会议届次' });
    // The house style "续表N" is named in the message.
    expect(findings(book, 'TAB-CONT', { tableContinuation: '续表N' })[1]!.message).toBe('“续表4”不应作为内容保存：续表在排版时按体例（“续表N”）生成');
  });
});

