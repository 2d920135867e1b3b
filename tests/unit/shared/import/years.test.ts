// The record year and the volume year the importer reads from a draft (shared/import/years.ts): the genre's
// places where a draft names its year — a title line, a report's date line, review headings, entry openings —
// on the five seeds and on short texts written for each rule. No year in the text: no hint (never this year).
import { describe, expect, it } from 'vitest';
import { headingYear, newBookYears, readRecordYear, recogniseText, reportDateYear, titleYear, type VolumeHints } from '../../../../shared/import';
import { CategorySchema } from '../../../../shared/model';
import { seedText } from './corpus';

const hints = (text: string): VolumeHints => recogniseText(text, 'draft.txt').report.hints;

/** A flattened Word table (004's form): cells opened by a tab, a group label "（一）" continued on the next line. */
const TABLE = ['\t项目名称', '\t牵头单位', '\t进展情况', '\t（一）', '经济社会发展', '\t地区生产总值增长6.5%', '\t区发改局', '\t已完成', '\t', '\t财政收入增长', '\t区财政局', '\t已完成', '\t', '\t有效投资增长', '\t区发改局', '\t已完成'].join('\n');

/** A report's title block (title, subtitle, speaker, date) and a short body with two 一、 headings. */
function report(opts: { title?: string; subtitle?: boolean; date?: string; head?: string; body?: string[] } = {}): string {
  const lines = [
    ...(opts.head ? [opts.head] : []),
    opts.title ?? '政府工作报告',
    ...(opts.subtitle === false ? [] : ['——在区第十六届人民代表大会第五次会议上']),
    '区长　张三',
    ...(opts.date ? [opts.date] : []),
    '各位代表：',
    '现在，我代表区人民政府向大会报告工作，请予审议。',
    ...(opts.body ?? ['一、过去一年的工作', '全区经济平稳运行，民生持续改善。', '二、今年的主要任务', '坚持稳中求进，推动高质量发展。']),
  ];
  return lines.join('\n\n') + '\n';
}

describe('the record year of the seeds', () => {
  it.each([
    ['000', 2020, 'entries', 2021, 'record-year'],
    ['001', 2020, 'report-date', 2021, 'record-year'],
    ['002', 2021, 'entries', 2022, 'text'],
    ['003', 2017, 'entries', 2018, 'record-year'],
    ['004', 2020, 'title', 2021, 'record-year'],
  ] as const)('seed %s records %i (from %s), volume %i (%s)', (prefix, record, from, volume, volumeFrom) => {
    expect(hints(seedText(prefix))).toMatchObject({ recordYear: record, recordYearFrom: from, volumeYear: volume, volumeYearFrom: volumeFrom });
  });

  it('001: the four reports were given on 2020-12-27, 2021-03-01 (twice) and 2021-02-28, and all look back on 2020', () => {
    const r = recogniseText(seedText('001'), '001.txt');
    const dates = r.categories.flatMap((c) => c.sections.map((s) => s.article?.dateLine));
    expect(dates).toEqual(['（2020 年 12 月 27 日）', '（2021 年 3 月 1 日）', '（2021 年 3 月 1 日）', '（2021 年 2 月 28 日）']);
    expect(dates.map((d) => reportDateYear(d!))).toEqual([2020, 2020, 2020, 2020]);
  });

  it('001 without its date lines still reads 2020 from its review headings ("2020 年主要工作和…", "2020 年工作回顾", "2020 年是极不平凡的一年")', () => {
    const undated = seedText('001')
      .split('\n')
      .filter((l) => !/^（\d{4} 年 \d+ 月 \d+ 日）$/.test(l.trim()))
      .join('\n');
    expect(hints(undated)).toMatchObject({ recordYear: 2020, recordYearFrom: 'heading' });
  });

  it('004 with its title line removed names no year at all', () => {
    const untitled = seedText('004').replace('2020年区《政府工作报告》主要目标任务进展情况', '');
    expect(hints(untitled)).toEqual({});
  });
});

describe('a document\'s title line', () => {
  it('"2020年区《…》主要目标任务进展情况" over a table gives 2020, one line being enough', () => {
    expect(hints(`2020年区《政府工作报告》主要目标任务进展情况\n${TABLE}\n`)).toMatchObject({ recordYear: 2020, recordYearFrom: 'title', volumeYear: 2021, volumeYearFrom: 'record-year' });
  });

  it('outweighs a couple of entries opening with a back-reference', () => {
    const text = ['2020年区民政局工作总结', '社会救助', '【概况】2019年，全区启动社会救助改革，2020年全面完成。', '【低保提标】2019年，全区低保标准提高。'].join('\n\n');
    expect(hints(text)).toMatchObject({ recordYear: 2020, recordYearFrom: 'title' });
  });

  it('is not a date, a book title, or a year further into the line', () => {
    expect(titleYear('2020年区《政府工作报告》主要目标任务进展情况')).toBe(2020);
    expect(titleYear('《2020 年度区级财政决算》')).toBe(2020);
    expect(titleYear('2021年3月1日')).toBeUndefined();
    expect(titleYear('2022年拱墅年鉴')).toBeUndefined();
    expect(titleYear('区政府2020年工作总结')).toBeUndefined();
  });

  it('of a report is the year it was given in ("2021年政府工作报告"): its date line decides', () => {
    expect(hints(report({ title: '2021年政府工作报告', date: '（2021年3月1日）' }))).toMatchObject({ recordYear: 2020, recordYearFrom: 'report-date' });
  });
});

describe('a report\'s date line', () => {
  it('January–June looks back on the year before, July–December on that year', () => {
    expect(hints(report({ date: '（2021年3月1日）' }))).toMatchObject({ recordYear: 2020, recordYearFrom: 'report-date', volumeYear: 2021 });
    expect(hints(report({ date: '（2021 年 6 月 30 日）' })).recordYear).toBe(2020);
    expect(hints(report({ date: '（2021年7月20日）' })).recordYear).toBe(2021);
    expect(hints(report({ title: '奋力打造科创新城', subtitle: true, date: '（2020 年 12 月 27 日）' })).recordYear).toBe(2020);
  });

  it('without brackets ("2021 年 3 月 1 日") under the subtitle or the speaker is the date line too', () => {
    const r = recogniseText(report({ date: '2021 年 3 月 1 日' }), 'r.txt');
    expect(r.categories[0]!.sections[0]!.article?.dateLine).toBe('2021 年 3 月 1 日');
    expect(r.report.lines.find((l) => l.text === '2021 年 3 月 1 日')?.role).toBe('report-date');
    expect(r.report.hints).toMatchObject({ recordYear: 2020, recordYearFrom: 'report-date' });
    const noSubtitle = recogniseText(report({ subtitle: false, date: '2021年3月1日' }), 'r.txt');
    expect(noSubtitle.report.documents.map((d) => d.kind)).toEqual(['reports']);
    expect(noSubtitle.report.hints).toMatchObject({ recordYear: 2020, recordYearFrom: 'report-date' });
  });

  it('a signature date at the end of a chapter is no report date, and says nothing of the year', () => {
    const text = ['区民政局', '社会救助', '【概况】全区做好社会救助工作，保障困难群众基本生活。', '杭州市临安区民政局', '2021年3月1日'].join('\n\n');
    const r = recogniseText(text, 'c.txt');
    expect(r.report.documents.map((d) => d.kind)).toEqual(['chapter']);
    expect(r.report.hints).toEqual({});
  });

  it('reads "（2021年3月1日）" and "2021 年 3 月 1 日"; not a month out of range', () => {
    expect(reportDateYear('（2021年3月1日）')).toBe(2020);
    expect(reportDateYear('2021 年 9 月 1 日')).toBe(2021);
    expect(reportDateYear('（2021年13月1日）')).toBeUndefined();
    expect(reportDateYear('2021年全区工作')).toBeUndefined();
  });
});

describe('review headings', () => {
  it('"2020年工作回顾" (a heading of an undated report) gives 2020; "2021年工作安排" looks forward from 2020', () => {
    const both = report({ subtitle: false, body: ['一、2020年工作回顾', '一年来，区政协坚持团结民主。', '二、2021年工作安排', '继续努力。'] });
    expect(hints(both)).toMatchObject({ recordYear: 2020, recordYearFrom: 'heading' });
    const plan = report({ subtitle: false, body: ['一、过去一年的工作', '一年来，区政协坚持团结民主。', '二、2021年工作安排', '继续努力。'] });
    expect(hints(plan)).toMatchObject({ recordYear: 2020, recordYearFrom: 'heading' });
  });

  it('"2020 年是极不平凡的一年" opening a paragraph gives 2020; "2021年是…开局之年" says nothing', () => {
    const past = report({ subtitle: false, body: ['一、过去的工作', '2020 年是极不平凡的一年。面对严峻考验，全区上下共同努力。', '二、今后的工作', '继续努力。'] });
    expect(hints(past)).toMatchObject({ recordYear: 2020, recordYearFrom: 'heading' });
    const ahead = report({ subtitle: false, body: ['一、过去的工作', '全区上下共同努力。', '二、今后的工作', '2021年是“十四五”开局之年，也是具有特殊重要意义的一年。'] });
    expect(hints(ahead)).toEqual({});
  });

  it('reads the forms of the genre and leaves plans and other years alone', () => {
    expect(headingYear('2020 年主要工作和“十三五”发展回顾')).toBe(2020);
    expect(headingYear('一、2020年工作回顾')).toBe(2020);
    expect(headingYear('2020年度工作总结')).toBe(2020);
    expect(headingYear('2020年，是很不寻常的一年')).toBe(2020);
    expect(headingYear('2021 年政府主要工作安排')).toBeUndefined();
    expect(headingYear('2021 年政府主要工作安排', true)).toBe(2020);
    expect(headingYear('2021 年是中国共产党成立 100 周年')).toBeUndefined();
    expect(headingYear('坚定信心，充分肯定一年来取得的成绩')).toBeUndefined();
  });
});

describe('entry openings', () => {
  it('one entry "【概况】2020年，…" is a year; two years equally often are none', () => {
    expect(hints('区民政局\n\n社会救助\n\n【概况】2020年，全区做好社会救助工作。\n')).toMatchObject({ recordYear: 2020, recordYearFrom: 'entries', volumeYear: 2021 });
    expect(hints('区民政局\n\n社会救助\n\n【概况】2020年，全区做好社会救助工作。\n\n【低保】2019年，全区低保提标。\n')).toEqual({});
  });

  it('count in every category, not only regular ones (an appendix of entries)', () => {
    const entry = (id: string, text: string) => ({ type: 'entry' as const, id, title: '荣誉', blocks: [{ type: 'paragraph' as const, id: `p${id}`, text, marks: [] }] });
    const appendix = CategorySchema.parse({
      type: 'category',
      id: 'c_1',
      role: 'appendix',
      title: '附录',
      sections: [{ type: 'section', id: 's_1', title: '先进集体', fullWidth: false, children: [entry('e_1', '2020年，区民政局获评先进集体。'), entry('e_2', '2020年，区档案馆获评先进。')] }],
    });
    expect(readRecordYear([appendix], [], [])).toEqual({ year: 2020, from: 'entries' });
  });

  it('no year anywhere: no hint at all (the callers say so; nothing falls back to this year)', () => {
    expect(hints('区民政局\n\n社会救助\n\n【概况】全区做好社会救助工作，保障困难群众基本生活。\n\n【低保】全区低保对象得到保障。\n')).toEqual({});
  });
});

describe('the volume year', () => {
  it('is named by "拱墅年鉴（2022）" or "2022" above the book title, over a chapter, a table or a report', () => {
    expect(hints('拱墅年鉴（2022）\n\n区民政局\n\nCivil Affairs Bureau\n\n社会救助\n\n【概况】2021年，全区做好社会救助工作。\n')).toMatchObject({ bookTitle: '拱墅年鉴', volumeYear: 2022, volumeYearFrom: 'text', recordYear: 2021 });
    const table = recogniseText(`拱墅年鉴（2022）\n\n2020年区《政府工作报告》主要目标任务进展情况\n${TABLE}\n`, 't.txt');
    expect(table.report.hints).toMatchObject({ bookTitle: '拱墅年鉴', volumeYear: 2022, volumeYearFrom: 'text', recordYear: 2020 });
    expect(table.categories[0]!.sections[0]!.title).toBe('2020年区《政府工作报告》主要目标任务进展情况');
    expect(hints(`2022\n\n2020年区《政府工作报告》主要目标任务进展情况\n${TABLE}\n`)).toMatchObject({ volumeYear: 2022, volumeYearFrom: 'text', recordYear: 2020 });
    const r = recogniseText(report({ head: '2022\n\n拱墅年鉴\n\n特载', date: '（2021年3月1日）' }), 'r.txt');
    expect(r.report.hints).toMatchObject({ bookTitle: '拱墅年鉴', volumeYear: 2022, volumeYearFrom: 'text', recordYear: 2020 });
    expect(r.categories[0]!.sections[0]!.title).toBe('政府工作报告');
    expect(r.report.lines.filter((l) => l.role === 'book-head').map((l) => l.text)).toEqual(['2022', '拱墅年鉴']);
  });

  it('is the record year + 1 when the text does not name it', () => {
    expect(hints(report({ date: '（2021年3月1日）' }))).toMatchObject({ volumeYear: 2021, volumeYearFrom: 'record-year' });
  });
});

describe('the years of a new book made from drafts (CLI import and validate)', () => {
  it('takes what the user gave, then what the drafts name, then each from the other, the clock last', () => {
    const named = { recordYear: 2020, recordYearFrom: 'title' as const, volumeYear: 2021, volumeYearFrom: 'text' as const, years: [2020] };
    expect(newBookYears({}, named, 2026)).toEqual({ volumeYear: 2021, recordYear: 2020, known: true });
    expect(newBookYears({ recordYear: 2019 }, named, 2026)).toEqual({ volumeYear: 2021, recordYear: 2019, known: true });
    expect(newBookYears({ volumeYear: 2023 }, named, 2026)).toEqual({ volumeYear: 2023, recordYear: 2020, known: true });
    // A volume year derived from the record year gives way to the record year the user gave.
    const derived = { recordYear: 2020, volumeYear: 2021, volumeYearFrom: 'record-year' as const, years: [2020] };
    expect(newBookYears({ recordYear: 2018 }, derived, 2026)).toEqual({ volumeYear: 2019, recordYear: 2018, known: true });
    expect(newBookYears({}, { years: [] }, 2026)).toEqual({ volumeYear: 2026, recordYear: 2025, known: false });
  });
});
