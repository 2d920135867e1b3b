// DOCX test fixtures built with the `docx` package from seed content, the way departments write drafts:
// heading styles for category and sections, bold run-in entry titles without 【】, real Word tables with a
// repeated header row, vertically merged group labels and multi-line cells, photos with captions in the
// Caption style, and footnotes.
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';

/** A 2×2 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000020000000208020000fdd49a73000000164944415478da63f8cfc0f01f0418fe33fc0700002dfe05fb2c8ba6890000000049454e44ae426082',
  'hex',
);

const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)), ...extra });

export interface ChapterDocxOptions {
  /**
   * How entry titles are set: 'run-in' a bold run at the start of the paragraph ("概况" then the text);
   * 'paragraph' a short all-bold paragraph of its own, the text in the next paragraph (no 【】).
   */
  entries?: 'run-in' | 'paragraph';
  /** 'builtin' Word's Heading 1/2 styles; 'chinese' styles named "标题 1"/"标题 2" (WPS, a Chinese Word). */
  headings?: 'builtin' | 'chinese';
  /**
   * 'merged' one Word table per table (the 续表 lines and repeated headers dropped); 'split' as printed: a
   * "续表" paragraph, then a second Word table repeating the header row.
   */
  continuations?: 'merged' | 'split';
}

/**
 * The text of a yearbook chapter seed as a Word document: the category in 标题 1, sections in 标题 2,
 * 【title】 lines as bold titles (see options), tab-separated rows as real tables, 图N lines as captions
 * under a photo.
 */
export async function chapterDocx(seed: string, sections: string[], opts: ChapterDocxOptions = {}): Promise<Buffer> {
  const lines = seed.split('\n').map((l) => l.replace(/\r$/, ''));
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  let category = true;
  const split = opts.continuations === 'split';
  const heading = (level: 1 | 2) =>
    opts.headings === 'chinese' ? { style: `cnH${level}` } : { heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 };
  const flushTable = () => {
    if (!rows.length) return;
    const header = rows[0]!.join('|');
    const body = split ? rows : rows.filter((r, k) => k === 0 || r.join('|') !== header);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: body.map((r, k) => new TableRow({ tableHeader: k === 0, children: r.map((c) => cell(c)) })),
      }),
    );
    rows = [];
  };
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    if (/^续表\d*$/.test(t)) {
      if (split) {
        flushTable();
        children.push(new Paragraph(t));
      }
      continue;
    }
    flushTable();
    if (/^[A-Z][A-Za-z' ,]+$/.test(t) || /^(\d{4}|.{2,6}年鉴)$/.test(t)) continue;
    if (category && /[\u4e00-\u9fff]/.test(t)) {
      children.push(new Paragraph({ text: t, ...heading(1) }));
      category = false;
      continue;
    }
    if (sections.includes(t.replace(/\s/g, ''))) {
      children.push(new Paragraph({ text: t, ...heading(2) }));
      continue;
    }
    const entry = /^【(.+?)】\s*(.*)$/.exec(t);
    if (entry) {
      if (opts.entries === 'paragraph') {
        children.push(new Paragraph({ children: [new TextRun({ text: entry[1]!, bold: true })] }));
        if (entry[2]) children.push(new Paragraph(entry[2]));
      } else children.push(new Paragraph({ children: [new TextRun({ text: entry[1]!, bold: true }), new TextRun({ text: `\u3000${entry[2]!}` })] }));
      continue;
    }
    if (/^图\s*\d+/.test(t)) {
      children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 30 } })] }));
      children.push(new Paragraph({ text: t, style: 'Caption' }));
      continue;
    }
    children.push(new Paragraph(t));
  }
  flushTable();
  return Packer.toBuffer(
    new Document({
      styles: {
        paragraphStyles: [
          { id: 'cnH1', name: '标题 1', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 32 } },
          { id: 'cnH2', name: '标题 2', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 28 } },
        ],
      },
      sections: [{ children }],
    }),
  );
}

/** A small department draft with everything a reader must keep. */
export async function featureDocx(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('“好差评”制度：指依托全国一体化在线政务服务平台建立的评价机制。')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '行政审批服务管理', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: '【概况】', bold: true }),
              new TextRun('2020年，区行政服务中心开展“好差评”'),
              new FootnoteReferenceRun(1),
              new TextRun('制度，好评率99.99%。'),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 30 } })] }),
          new Paragraph({ text: '图84 区市民中心24小时自助服务大厅（区审管办提供）', style: 'Caption' }),
          new Paragraph({ children: [new TextRun({ text: '远程视频办事系统应用', bold: true }), new TextRun('\u30002020年，区审管办推进高频事项下放。')] }),
          new Paragraph('表1'),
          new Paragraph('2020年区《政府工作报告》主要目标任务进展情况'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: ['项目名称', '项目内容', '牵头单位'].map((t) => cell(t)) }),
              new TableRow({
                children: [
                  cell('（一）经济社会发展主要预期目标', { verticalMerge: VerticalMergeType.RESTART }),
                  cell('地区生产总值增长6.5%以上'),
                  cell('区发改经信局'),
                ],
              }),
              new TableRow({
                children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('做好高层次科研平台的引进建设'), cell('区委人才办\n区科技局')],
              }),
              new TableRow({ children: [cell('合计：3项', { columnSpan: 3 })] }),
            ],
          }),
          new Paragraph('(邵旭峰)'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
