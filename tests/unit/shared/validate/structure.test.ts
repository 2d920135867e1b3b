// Structure (STR-*), tables (TAB-*) and figures (FIG-*) on small books shaped like the seeds.
import { describe, expect, it } from 'vitest';
import { newParagraph, type Block, type Book, type Cell, type Figure, type Table } from '../../../../shared/model';
import { findings, makeBook, seedLine, type Child } from './helpers';

const cell = (text: string): Cell => ({ text, marks: [], rowSpan: 1, colSpan: 1 });
const table = (id: string, number: string | null, title: string, body: string[][] = [['1', '完成']], header: string[] = ['项目', '完成情况'], extra: Partial<Table> = {}): Table => ({
  type: 'table',
  id,
  number,
  title,
  headerRows: header.length ? [{ cells: header.map(cell) }] : [],
  bodyRows: body.map((r) => ({ cells: r.map(cell) })),
  fullWidth: false,
  ...extra,
});
const figure = (id: string, number: string | null, caption: string, credit?: string): Figure => ({
  type: 'figure',
  id,
  number,
  caption,
  ...(credit ? { credit: { kind: 'provided' as const, names: [credit.replace(/\s*(提供|供稿)$/, '')], raw: credit } } : {}),
  assetId: null,
  fullWidth: false,
});

function oneSection(children: Child[], title = '民政'): Book {
  return makeBook({ categories: [{ title: '杭州市临安区人民政府', sections: [{ title, children }] }] });
}

describe('STR-LEVELS', () => {
  const withSub = oneSection([{ sub: '社会救助', children: [{ entry: '概况', text: ['2020年，……'] }, { attrib: '（潘鑫卉）' }] }]);
  it('allows 次目 in a four-level book (000 民政 · 社会救助 ·) and forbids them in a three-level one', () => {
    expect(findings(withSub, 'STR-LEVELS')).toEqual([]);
    expect(findings(withSub, 'STR-LEVELS', { levels: 3 }).map((f) => f.message)).toEqual(['本书体例为三层（类目—分目—条目），次目“社会救助”不应出现']);
  });
  it('reports text that belongs to no entry, but not in special parts', () => {
    const loose = oneSection([{ entry: '区政府全体会议', text: ['2021年10月8日，……强调要深入'] }, { p: '贯彻中央和省委、市委、区委决策部署，……分别做工作汇报。' }, { attrib: '（於晓萍）' }], '重要会议');
    expect(findings(loose, 'STR-LEVELS').map((f) => [f.severity, f.message])).toEqual([['warning', '正文“贯彻中央和省委、市委、区委决策部…”不属于任何条目']]);
    const special = makeBook({ categories: [{ title: '特载', role: 'special', sections: [{ title: '政府工作报告', children: [{ p: '各位代表：' }] }] }] });
    expect(findings(special, 'STR-LEVELS')).toEqual([]);
  });
});

describe('STR-OVERVIEW', () => {
  it('forbids two overview entries and an overview that is not first', () => {
    const book = oneSection([{ entry: '水库移民扶持', text: ['…'] }, { entry: '概况', text: ['…'] }, { entry: '综述', text: ['…'] }, { attrib: '（潘鑫卉）' }]);
    expect(findings(book, 'STR-OVERVIEW').map((f) => [f.severity, f.message])).toEqual([
      ['warning', '概况条目【概况】应排在“民政”之首'],
      ['error', '“民政”中有两个概况条目，【综述】是第二个'],
    ]);
  });
  it('does not require an overview unless the house style is strict (002 重要会议 opens with 【区政府全体会议】)', () => {
    const book = oneSection([{ entry: '区政府全体会议', text: ['…'] }, { entry: '区政府常务会议', text: ['…'] }, { attrib: '（於晓萍）' }], '重要会议');
    expect(findings(book, 'STR-OVERVIEW')).toEqual([]);
    expect(findings(book, 'STR-OVERVIEW', { preset: 'strict' }).map((f) => f.message)).toEqual(['“重要会议”没有以概况条目（概况/综述）开头']);
  });
  it('checks each subsection on its own (000 民政: every 次目 opens with 【概况】)', () => {
    const book = oneSection([
      { sub: '概述', children: [{ entry: '概况', text: ['…'] }, { entry: '水库移民扶持', text: ['…'] }] },
      { sub: '社会救助', children: [{ entry: '概况', text: ['…'] }, { entry: '儿童福利保障', text: ['…'] }] },
      { attrib: '（潘鑫卉）' },
    ]);
    expect(findings(book, 'STR-OVERVIEW', { preset: 'strict' })).toEqual([]);
  });
});

describe('STR-EMPTY', () => {
  it('finds empty categories, sections, subsections and entries without a body', () => {
    const book = makeBook({
      categories: [
        { title: '杭州市临安区人民政府', sections: [{ title: '民政', children: [{ sub: '慈善互助', children: [] }, { entry: '安保工作' }, { entry: '概况', text: ['2020年，……'] }, { attrib: '（马青）' }] }, { title: '外事', children: [] }] },
        { title: '经济', sections: [] },
      ],
    });
    expect(findings(book, 'STR-EMPTY').map((f) => f.message)).toEqual(['次目“慈善互助”下没有内容', '条目【安保工作】没有正文', '分目“外事”下没有内容', '类目“经济”下没有分目']);
  });
  it('accepts an entry whose body is a table or a photo', () => {
    const book = oneSection([{ entry: '区政府常务会议', blocks: [table('t_1', '4', '2021年拱墅区政府常务会议一览表')] }, { entry: '消防宣传', blocks: [figure('f_1', null, '2021年12月8日，……', '区消防救援大队 供稿')] }, { attrib: '（於晓萍）' }]);
    expect(findings(book, 'STR-EMPTY')).toEqual([]);
  });
});

describe('STR-DUP-TITLE', () => {
  it('errs on a title used twice in one section and warns on near-duplicates, with the reason', () => {
    const book = oneSection([
      { entry: '安全生产监管', text: ['…'] },
      { entry: '安全生产监管', text: ['…'] },
      { entry: '“一件事”办理深化', text: ['…'] },
      { entry: '一件事办理深化', text: ['…'] },
      { attrib: '（汪 剑 朱丽娜）' },
    ], '应急管理');
    const list = findings(book, 'STR-DUP-TITLE');
    expect(list.map((f) => [f.severity, f.message])).toEqual([
      ['error', '本分目中已有条目【安全生产监管】（一事一条）'],
      ['warning', '条目【一件事办理深化】与本分目中的【“一件事”办理深化】几乎相同'],
    ]);
    expect(list[1]!.reason).toBe('两个标题去掉空格、引号、标点和“的”后完全相同。');
  });
  it('points out the same title in two sections as a hint; overview titles never count (000 民政)', () => {
    const book = makeBook({
      categories: [
        {
          title: '区人民政府',
          sections: [
            { title: '应急管理', children: [{ entry: '概况', text: ['…'] }, { entry: '消防宣传', text: ['…'] }, { attrib: '（汪 剑 朱丽娜）' }] },
            { title: '消防', children: [{ entry: '概况', text: ['…'] }, { entry: '消防宣传', text: ['…'] }, { attrib: '（李然 杨江 钱池静）' }] },
          ],
        },
      ],
    });
    expect(findings(book, 'STR-DUP-TITLE').map((f) => [f.severity, f.location.sectionTitle, f.message])).toEqual([['info', '消防', '条目【消防宣传】与分目“应急管理”中的【消防宣传】同名']]);
  });
});

describe('STR-ORDER', () => {
  const meetings = (dates: string[]) => oneSection([{ entry: '区政府常务会议', text: ['2020年，区政府召开常务会议10次。', ...dates.map((d) => `${d}，区政府召开常务会议。`)] }, { attrib: '（陈康）' }], '概述');
  it('hints when paragraph dates go backwards (recommended preset), with the reason', () => {
    const list = findings(meetings(['3月18日', '8月6日', '7月14日']), 'STR-ORDER', { preset: 'recommended' });
    expect(list.map((f) => [f.message, f.reason])).toEqual([['“7月14日”排在“8月6日”之后，日期顺序颠倒', '段首日期先后颠倒；若本条目不是按时间记述，可忽略。']]);
  });
  it('is quiet on 000 【区政府常务会议】 as printed', () => {
    const dates = ['3月18日', '4月28日', '7月1日', '7月14日', '8月6日', '9月2日', '10月16日', '11月9日', '11月21日', '12月16日'];
    expect(findings(meetings(dates), 'STR-ORDER', { preset: 'strict' })).toEqual([]);
    expect(seedLine('000', '12月16日，区政府召开第47次常务会议')).toBeTruthy();
  });
  it('checks the order of a 大事记', () => {
    const dated = (id: string, dateLabel: string): Block => ({ type: 'dated', id, dateLabel, text: '……', marks: [] });
    const book = makeBook({ categories: [{ title: '大事记', role: 'chronicle', sections: [{ title: '2020年', children: [{ block: dated('d_1', '3月12日') }, { block: dated('d_2', '3月5日') }] }] }] });
    expect(findings(book, 'STR-ORDER', { preset: 'recommended' }).map((f) => f.message)).toEqual(['大事记中“3月5日”排在“3月12日”之后，日期顺序颠倒']);
  });
});

describe('STR-BOOK-PARTS and STR-SPECIAL', () => {
  it('wants special parts, chronicle and overview before the regular categories', () => {
    const book = makeBook({
      categories: [
        { title: '杭州市临安区人民政府', sections: [{ title: '外事', children: [{ entry: '概况', text: ['…'] }, { attrib: '（张泓阳）' }] }] },
        { title: '大事记', role: 'chronicle', sections: [{ title: '2020年', children: [] }] },
      ],
    });
    expect(findings(book, 'STR-BOOK-PARTS').map((f) => f.message)).toEqual(['大事记“大事记”应排在类目之前']);
  });
  it('checks the front matter order, duplicates and (strict) missing parts', () => {
    const book = makeBook({ categories: [] });
    book.front.push({ type: 'matter', id: 'm_1', kind: 'toc', title: '目录', blocks: [] }, { type: 'matter', id: 'm_2', kind: 'editorial-note', title: '编辑说明', blocks: [] }, { type: 'matter', id: 'm_3', kind: 'editorial-note', title: '编辑说明', blocks: [] });
    expect(findings(book, 'STR-BOOK-PARTS').map((f) => f.message)).toEqual(['编辑说明“编辑说明”应排在目录之前', '编辑说明“编辑说明”应排在目录之前', '全书有两个编辑说明']);
    expect(findings(book, 'STR-BOOK-PARTS', { preset: 'strict' }).map((f) => f.message)).toContain('全书缺少索引');
  });
  it('asks for the role of a category titled 大事记 or 特载', () => {
    const book = makeBook({ categories: [{ title: '大事记', sections: [{ title: '2020年', children: [{ p: '1月5日 ……' }] }] }] });
    expect(findings(book, 'STR-SPECIAL').map((f) => f.message)).toEqual(['类目“大事记”应标为大事记，否则会按普通类目的条目规则检查']);
    const ok = makeBook({ categories: [{ title: '特载', role: 'special', sections: [{ title: '政府工作报告', children: [{ p: '各位代表：' }] }] }] });
    expect(findings(ok, 'STR-SPECIAL')).toEqual([]);
  });
});

describe('STR-TOC and STR-INDEX', () => {
  it('wants generated contents and index, and index marks on text', () => {
    const book = oneSection([{ entry: '概况', text: ['2020年，……'] }, { attrib: '（潘鑫卉）' }]);
    book.front.push({ type: 'matter', id: 'm_1', kind: 'toc', title: '目录', blocks: [newParagraph('特载……1')] });
    book.back.push({ type: 'matter', id: 'm_2', kind: 'index', title: '索引', blocks: [] });
    const p = (book.body[0]!.sections[0]!.children[0] as { blocks: Block[] }).blocks[0] as { marks: unknown[] };
    p.marks.push({ type: 'indexTerm', start: 3, end: 40 });
    expect(findings(book, 'STR-TOC').map((f) => f.message)).toEqual(['“目录”中有手工录入的内容；目录应由正文生成']);
    expect(findings(book, 'STR-INDEX').map((f) => [f.severity, f.message])).toEqual([['error', '主题词标记的范围（3—40）不在文字之内']]);
  });
  it('accepts empty generated pages and index marks on text', () => {
    const book = oneSection([{ entry: '概况', text: ['2020年，临安区民政工作……'] }, { attrib: '（潘鑫卉）' }]);
    book.front.push({ type: 'matter', id: 'm_1', kind: 'toc', title: '目录', blocks: [] });
    book.back.push({ type: 'matter', id: 'm_2', kind: 'index', title: '索引', blocks: [] });
    const p = (book.body[0]!.sections[0]!.children[0] as { blocks: Block[] }).blocks[0] as { marks: unknown[] };
    p.marks.push({ type: 'indexTerm', start: 9, end: 13 });
    expect(findings(book, 'STR-TOC')).toEqual([]);
    expect(findings(book, 'STR-INDEX')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('TAB-NUM and FIG-NUM', () => {
  it('checks numbers in book order: gaps, order, duplicates, unnumbered', () => {
    const book = oneSection([
      { entry: '区政府常务会议', text: ['…'], blocks: [table('t_1', '4', '2021年拱墅区政府常务会议一览表'), table('t_2', '6', '专题会议一览表'), table('t_3', '5', '民生实事'), table('t_4', '6', '重复'), table('t_5', null, '无号表')] },
      { attrib: '（於晓萍）' },
    ], '重要会议');
    // 表5 is there, only out of place: one order finding, not also a gap after 表4.
    // The unnumbered table prints as 表7 (after the last 表6): a hint saying so, not a warning.
    expect(findings(book, 'TAB-NUM').map((f) => [f.severity, f.message])).toEqual([
      ['error', '表5排在表6之后，表号顺序颠倒'],
      ['error', '表6重号'],
      ['info', '表格“无号表”未写表号，导出时将按顺序编为表7'],
    ]);
    expect(findings(book, 'TAB-NUM', { autoNumber: true })).toEqual([]);
    const gap = oneSection([{ entry: '区政府常务会议', text: ['…'], blocks: [table('t_1', '4', '常务会议'), table('t_2', '6', '专题会议')] }, { attrib: '（於晓萍）' }], '重要会议');
    expect(findings(gap, 'TAB-NUM').map((f) => [f.severity, f.message])).toEqual([['warning', '表4之后是表6，缺少表5']]);
  });
  it('an unnumbered figure printing a number an earlier one already has (after 图7, 图6 it prints as 图7) is a warning, not a hint', () => {
    const book = oneSection([{ entry: '概况', text: ['…'], blocks: [5, 7, 6, null].map((n, i) => figure(`f_${i}`, n === null ? null : String(n), `2020年${i + 1}月，……`, '区民政局提供')) }, { attrib: '（潘鑫卉）' }]);
    expect(findings(book, 'FIG-NUM').map((f) => [f.severity, f.message, f.fixes.length])).toEqual([
      ['error', '图6排在图7之后，图号顺序颠倒', 0],
      ['warning', '图片“2020年4月，……”未写图号，导出时将编为图7，与前面的图7重号', 0],
    ]);
    // Numbered by no one: the layout numbers them all, nothing to say.
    const none = oneSection([{ entry: '概况', text: ['…'], blocks: [1, 2].map((i) => figure(`f_${i}`, null, `2020年${i}月，……`, '区民政局提供')) }, { attrib: '（潘鑫卉）' }]);
    expect(findings(none, 'FIG-NUM')).toEqual([]);
  });
  it('accepts 000 图78–84 (a chapter need not start at 1) and catches a figure out of order', () => {
    const ok = oneSection([{ entry: '概况', text: ['…'], blocks: [78, 79, 80, 81].map((n) => figure(`f_${n}`, String(n), `2020年${n - 70}月，……`, '区民政局提供')) }, { attrib: '（潘鑫卉）' }]);
    expect(findings(ok, 'FIG-NUM')).toEqual([]);
    const bad = oneSection([{ entry: '概况', text: ['…'], blocks: [81, 80].map((n) => figure(`f_${n}`, String(n), `2020年${n - 70}月，……`, '区民政局提供')) }, { attrib: '（潘鑫卉）' }]);
    expect(findings(bad, 'FIG-NUM').map((f) => f.message)).toEqual(['图80排在图81之后，图号顺序颠倒']);
  });
});

describe('TAB-TITLE', () => {
  it('wants a title, a header and the unit note as "单位：万元"', () => {
    const book = oneSection([{ entry: '概况', text: ['…'], blocks: [table('t_1', '6', '', [['1', '2']], []), table('t_2', '7', '财政收入', [['1', '2']], ['项目', '金额'], { unitNote: '单位:万元' })] }, { attrib: '（马青）' }]);
    const list = findings(book, 'TAB-TITLE');
    expect(list.map((f) => f.message)).toEqual(['表6没有表题', '表6没有表头', '单位说明“单位:万元”应写作“单位：万元”']);
    expect(list[2]!.fixes[0]!.preview).toEqual({ before: '单位:万元', after: '单位：万元' });
  });
  it('accepts a titled table with a header and a correct unit note (000 表6)', () => {
    const book = oneSection([{ entry: '区政府为民实事', text: ['…'], blocks: [table('t_1', '6', '2020年临安区政府民生实事项目完成情况', [['1', '完成']], ['实项目', '完成情况'], { unitNote: '单位：万元' })] }, { attrib: '（周晓凯）' }]);
    expect(findings(book, 'TAB-TITLE')).toEqual([]);
  });
});

describe('TAB-REF', () => {
  it('accepts the reference before the table (000 “如下(见表6)”) and catches a missing table', () => {
    const book = oneSection([
      { entry: '区政府为民实事', text: ['2020年，……为民“十件实事”及完成情况如下（见表6）。', '详见表7。'], blocks: [table('t_1', '6', '2020年临安区政府民生实事项目完成情况')] },
      { attrib: '（周晓凯）' },
    ], '区政府办公室工作');
    expect(findings(book, 'TAB-REF').map((f) => f.message)).toEqual(['正文提到表7（“详见表7”），但书中没有表7']);
  });
  it('warns when the table comes before the first reference; strict wants every table referenced', () => {
    const before = oneSection([{ entry: '区政府为民实事', blocks: [table('t_1', '6', '民生实事项目完成情况'), { type: 'paragraph', id: 'p_x', text: '完成情况见表6。', marks: [] }] }, { attrib: '（周晓凯）' }]);
    expect(findings(before, 'TAB-REF').map((f) => f.message)).toEqual(['表6排在正文第一次提到它之前']);
    const silent = oneSection([{ entry: '区政府常务会议', text: ['2021年，区政府召开常务会议12次。'], blocks: [table('t_1', '4', '2021年拱墅区政府常务会议一览表')] }, { attrib: '（於晓萍）' }]);
    expect(findings(silent, 'TAB-REF')).toEqual([]);
    expect(findings(silent, 'TAB-REF', { preset: 'strict' }).map((f) => f.message)).toEqual(['正文没有提到表4']);
  });
});

describe('TAB-CONT', () => {
  it('finds 续表 stored as content and header rows repeated in the body (002 续表4)', () => {
    const t = table('t_1', '4', '2021年拱墅区政府常务会议一览表', [['第一次常务会议', '1月5日', '……'], ['常务会议届次', '会议时间', '议题内容'], ['第五次常务会议', '3月2日', '……']], ['常务会议届次', '会议时间', '议题内容']);
    const book = oneSection([{ entry: '区政府常务会议', text: ['…'], blocks: [t, newParagraph('续表4')] }, { attrib: '（於晓萍）' }], '重要会议');
    expect(findings(book, 'TAB-CONT').map((f) => [f.severity, f.message])).toEqual([
      ['warning', '表体第2行重复了表头（续表残留），续表的表头在排版时按体例（“续表”）生成'],
      ['error', '“续表4”不应作为内容保存：续表在排版时按体例（“续表”）生成'],
    ]);
  });
  it('accepts a merged table and text that merely mentions a continued table', () => {
    const t = table('t_1', '4', '2021年拱墅区政府常务会议一览表', [['第一次常务会议', '1月5日', '……']], ['常务会议届次', '会议时间', '议题内容']);
    const book = oneSection([{ entry: '区政府常务会议', text: ['常务会议的情况见表4及续表。'], blocks: [t] }, { attrib: '（於晓萍）' }], '重要会议');
    expect(findings(book, 'TAB-CONT')).toEqual([]);
  });
});

describe('TAB-ALIGN', () => {
  it('wants one number of decimals per column (padding needs confirmation) and Arabic digits', () => {
    const t = table('t_1', '2', '主要经济指标', [['地区生产总值', '3.5'], ['财政总收入', '7.5'], ['一般公共预算收入', '12'], ['城乡居民收入', '4.3'], ['新增', '三']], ['指标', '增长（%）']);
    const list = findings(oneSection([{ entry: '概况', text: ['…'], blocks: [t] }, { attrib: '（陈康）' }]), 'TAB-ALIGN');
    expect(list.map((f) => f.message)).toEqual(['第3行第2栏“12”的小数位数与本栏（1位）不一致', '第5行第2栏“三”应用阿拉伯数字']);
    expect(list[0]!.fixes[0]).toMatchObject({ label: '改为“12.0”', requiresConfirmation: true });
  });
  it('leaves text columns and consistent numbers alone', () => {
    const t = table('t_1', '6', '民生实事', [['1. 提升农村饮用水', '完成', '区林水局'], ['2. 推进“四好农村路”', '完成', '区交通运输局'], ['3. 推进城市有机更新', '完成', '区住建局']], ['实项目', '完成情况', '责任单位']);
    expect(findings(oneSection([{ entry: '概况', text: ['…'], blocks: [t] }, { attrib: '（周晓凯）' }]), 'TAB-ALIGN')).toEqual([]);
  });
});

describe('FIG-CAPTION', () => {
  it('wants a date in the caption and a credit (000 图84)', () => {
    const book = oneSection([{ entry: '概况', text: ['…'], blocks: [figure('f_84', '84', '区市民中心 24 小时自助服务大厅', '区审管办提供'), figure('f_85', '85', '2020年8月30日,昌化镇朱白村举行村委会换届选举')] }, { attrib: '（邵旭峰）' }], '行政审批服务管理');
    expect(findings(book, 'FIG-CAPTION').map((f) => f.message)).toEqual(['图片说明“区市民中心 24 小时自助服务大厅”没有写明时间', '图片“2020年8月30日,…白村举行村委会换届选举”没有署名（提供单位或摄影者）']);
  });
  it('asks for one credit form across the book (002: “区审管办 供稿” and “区数据局供稿”)', () => {
    const credits = ['区亚保办 供稿', '区审管办 供稿', '区数据局供稿', '区应急管理局 供稿', '区消防救援大队供稿'];
    const book = oneSection([{ entry: '概况', text: ['…'], blocks: credits.map((c, i) => figure(`f_${i}`, null, `2021年${i + 1}月，……`, c)) }, { attrib: '（方琳）' }]);
    const list = findings(book, 'FIG-CAPTION');
    expect(list.map((f) => [f.location.text, f.fixes[0]!.preview.after])).toEqual([
      ['区数据局供稿', '区数据局 供稿'],
      ['区消防救援大队供稿', '区消防救援大队 供稿'],
    ]);
  });
});
