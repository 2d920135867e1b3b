// Punctuation rules (GB/T 15834-2011) on text quoted from the corpus seeds.
import { describe, expect, it } from 'vitest';
import { newParagraph, type Table } from '../../../../shared/model';
import { findingMessage, fixLabelText } from '../../../../shared/validate';
import { entryBook, findings, fixed, inText, makeBook, seedLine, texts } from './helpers';

describe('PUN-FULLWIDTH', () => {
  const line002 = seedLine('002', '【概况】 2021年,区政府坚持');

  it('says what its fix does in Chinese for the CLI and in the interface language for the app', () => {
    const fix = inText(line002.replace('【概况】 ', ''), 'PUN-FULLWIDTH')[0]!.fixes[0]!;
    expect(fix.label).toBe('改为“，”');
    expect(fixLabelText(fix, 'zh')).toBe('改为“，”');
    expect(fixLabelText(fix, 'en')).toBe('Change to “，”');
    expect(JSON.parse(JSON.stringify(fix))).toMatchObject({ label: '改为“，”', labelKey: 'validate.fix.replace', labelParams: { text: '，' } });
    const f = inText(line002.replace('【概况】 ', ''), 'PUN-FULLWIDTH')[0]!;
    expect(findingMessage(f, 'zh')).toBe('中文文本应使用全角标点：“,”应为“，”');
    expect(findingMessage(f, 'en')).toBe('Full-width punctuation in Chinese text: "," → "，"');
  });

  it('finds the half-width marks between Chinese characters of 002 and fixes them to full width', () => {
    const body = line002.replace('【概况】 ', '');
    const list = inText(body, 'PUN-FULLWIDTH');
    expect(list.length).toBeGreaterThan(10);
    expect(list[0]!.message).toBe('中文文本应使用全角标点：“,”应为“，”');
    expect(list[0]!.location.context).toContain('2021年,区政府');
    expect(list.every((f) => f.severity === 'error' && f.fixes[0]!.requiresConfirmation === false)).toBe(true);
    const after = fixed(body, 'PUN-FULLWIDTH');
    expect(after).toContain('2021年，区政府坚持以习近平新时代中国特色社会主义思想为指导，贯彻落实');
    expect(after).toContain('均列全市区县（市）第一位；');
    expect(after).toContain('比上年增长8.1%；'); // decimals untouched
    expect(after).not.toMatch(/[\u4e00-\u9fff][,;:]/);
  });

  it('treats a bracket pair as one finding with one fix (000: "(见表6)")', () => {
    const text = seedLine('000', '(见表6)').replace(/^【区政府为民实事】/, '');
    const pair = inText(text, 'PUN-FULLWIDTH').filter((f) => f.location.text === '(见表6)');
    expect(pair).toHaveLength(1);
    expect(pair[0]!.message).toBe('中文文本应使用全角括号、引号：“(见表6)”应为“（见表6）”');
    expect(pair[0]!.fixes[0]!.edits).toHaveLength(2);
    expect(fixed(text, 'PUN-FULLWIDTH')).toContain('如下（见表6）。');
  });

  it('pairs straight quotes into Chinese quotes and leaves apostrophes in Latin words alone', () => {
    expect(fixed('他说:"要落实好".', 'PUN-FULLWIDTH')).toBe('他说：“要落实好”。');
    expect(inText("People's Government of Lin'an District", 'PUN-FULLWIDTH')).toEqual([]);
  });

  it('does not fire on decimals, digit grouping, times, Latin text, addresses or full-width text (000 概况)', () => {
    for (const s of ['增长3.5%，达到12,000人', '上午8:30开会', 'Hangzhou, China.', '访问www.linan.gov.cn查询', '1.推动企业复工复产', '“yeah!运河”美食节']) {
      expect(inText(s, 'PUN-FULLWIDTH'), s).toEqual([]);
    }
    expect(inText(seedLine('000', '2020年，临安实现地区生产总值'), 'PUN-FULLWIDTH')).toEqual([]);
  });
});

describe('PUN-FULLWIDTH with spaces around the mark', () => {
  it('widens the comma and removes the space after it in one finding and one fix (004 "3.0版本上线, 城市管理")', () => {
    const line = seedLine('004', '3.0版本上线, 城市管理');
    const list = inText(line, 'PUN-FULLWIDTH').filter((f) => f.location.context!.includes('上线'));
    expect(list.map((f) => [f.location.text, f.message])).toEqual([[', ', '“上线, 城市”：半角“,”应改为全角“，”，其前后的空格应删去']]);
    const after = fixed(line, 'PUN-FULLWIDTH');
    expect(after).toContain('3.0版本上线，城市管理场景');
    expect(inText(after, 'PUN-SPACE')).toEqual([]);
  });
  it('takes a space before the mark too, and leaves spaces at the end of the text to PUN-SPACE', () => {
    expect(fixed('区政府召开常务会议 ,研究复工复产', 'PUN-FULLWIDTH')).toBe('区政府召开常务会议，研究复工复产');
    expect(texts(inText('研究复工复产, ', 'PUN-FULLWIDTH'))).toEqual([',']);
    expect(texts(inText('Hangzhou, China', 'PUN-FULLWIDTH'))).toEqual([]);
  });
});

describe('PUN-SPACE', () => {
  it('removes letter-spacing in section titles (002 "综 述", "消 防")', () => {
    const book = makeBook({ categories: [{ title: '杭州市拱墅区人民政府', sections: [{ title: '综 述', children: [{ entry: '概况', text: ['2021年，区政府…'] }, { attrib: '（於晓萍）' }] }] }] });
    const list = findings(book, 'PUN-SPACE');
    expect(list).toHaveLength(1);
    expect(list[0]!.location.nodeKind).toBe('section');
    expect(list[0]!.fixes[0]!.preview).toEqual({ before: '综 述', after: '综述' });
  });

  it('treats the extraction spaces around a number as one finding (000 行政审批服务管理)', () => {
    const text = seedLine('000', '协调受理审批投资项目 771 个');
    const list = inText(text, 'PUN-SPACE');
    const n771 = list.find((f) => f.message.includes('771'))!;
    expect(n771.message).toBe('“项目 771 个，”中有多余的空格');
    expect(n771.fixes[0]!.edits).toHaveLength(2);
    expect(fixed(text, 'PUN-SPACE')).toContain('协调受理审批投资项目771个，其中，政府投资项目228个');
  });

  it('asks before touching a space between two names in a table cell (000 表6)', () => {
    const table: Table = {
      type: 'table',
      id: 't_1',
      number: '6',
      title: '2020年临安区政府民生实事项目完成情况',
      headerRows: [{ cells: [{ text: '责任单位', marks: [], rowSpan: 1, colSpan: 1 }] }],
      bodyRows: [{ cells: [{ text: '市生态环境保护局临安分局 区五水共治办', marks: [], rowSpan: 1, colSpan: 1 }] }],
      fullWidth: false,
    };
    const book = makeBook({ categories: [{ title: '区人民政府', sections: [{ title: '区政府办公室工作', children: [{ entry: '区政府为民实事', text: ['2020年，……如下（见表6）。'], blocks: [table] }, { attrib: '（周晓凯）' }] }] }] });
    const [f] = findings(book, 'PUN-SPACE');
    expect(f!.message).toBe('“分局 区五”中两个词之间有空格：若是并列的名称应加顿号，否则删除空格');
    expect(f!.fixes.map((x) => [x.label, x.requiresConfirmation])).toEqual([
      ['改为顿号“、”', true],
      ['删除空格', true],
    ]);
  });

  it('leaves spaces inside Latin words and quoted slogans, and padded names in attribution lines', () => {
    expect(inText(seedLine('002', '“1 Call”在线咨询系统'), 'PUN-SPACE')).toEqual([]);
    expect(inText('“yeah!运河 新拱墅”2020第十一届运河美食节', 'PUN-SPACE')).toEqual([]);
    const book = makeBook({ categories: [{ title: '区人民政府', sections: [{ title: '应急管理', children: [{ entry: '应急指挥数字化', text: ['2021年，……'] }, { attrib: '(汪 剑 朱丽娜)', names: ['汪剑', '朱丽娜'] }] }] }] });
    expect(findings(book, 'PUN-SPACE')).toEqual([]);
  });
});

describe('PUN-DASH', () => {
  it('fixes "1-12月" to "1—12月" and number ranges to "～" (004)', () => {
    const line = seedLine('004', '1-12月，大气环境优良率');
    const list = inText(line, 'PUN-DASH');
    expect(list[0]!.message).toBe('时间范围用一字线“—”：“1-12月”应为“1—12月”'.replace('1-12月”应为“1—12月', '1-12”应为“1—12'));
    expect(fixed(line, 'PUN-DASH')).toContain('1—12月，大气环境优良率91.5%');
    expect(fixed(seedLine('004', '修复时效1-2个工作日'), 'PUN-DASH')).toContain('修复时效1～2个工作日，15%报案的修复时效3～5个工作日');
  });

  it('also in the title of a document in 书名号 (000: "（2020-2022年）")', () => {
    expect(texts(inText(seedLine('000', '（2020-2022年）'), 'PUN-DASH'))).toEqual(['2020-2022']);
  });

  it('catches percentage and temperature ranges ("增长15%-20%", "5-10℃") and the half-width tilde of 002 ("1.2%~2.5%")', () => {
    expect(fixed('同比增长15%-20%，气温5-10℃，降至1.2%~2.5%。', 'PUN-DASH')).toBe('同比增长15%～20%，气温5～10℃，降至1.2%～2.5%。');
    expect(texts(inText(seedLine('002', '降至1.2%~2.5%'), 'PUN-DASH'))).toEqual(['1.2%~2.5']);
    for (const s of ['增长15%，下降20%', '同比增长15%-', '编号15%-A', '95%～100%']) expect(inText(s, 'PUN-DASH'), s).toEqual([]);
  });
  it('leaves codes, plot numbers, phone numbers and correct ranges alone (002, 004)', () => {
    for (const s of ['研究半山田园C2-05地块养老服务', 'GS0403-24地块项目', 'FG15-M1-02-3A地块', '电话0571-88888888', '2020—2022年', '8～10人', '11月19—21日']) {
      expect(inText(s, 'PUN-DASH'), s).toEqual([]);
    }
  });
});

describe('PUN-NO-DUNHAO', () => {
  it('removes 顿号 between wholly quoted items (000, 003)', () => {
    const line = seedLine('000', '上线“临安一码通”、“小临服务”');
    expect(inText(line, 'PUN-NO-DUNHAO')).toHaveLength(1);
    expect(fixed(line, 'PUN-NO-DUNHAO')).toContain('上线“临安一码通”“小临服务”、口罩预约');
    expect(inText(seedLine('003', '若干意见》、《加快推进企业上市'), 'PUN-NO-DUNHAO').length).toBeGreaterThan(0);
  });

  it('keeps it when an item goes on after its quote (002: “安全生产月”、“119”消防宣传月) or items are not adjacent', () => {
    expect(inText(seedLine('002', '“安全生产月”、“119”消防宣传月'), 'PUN-NO-DUNHAO')).toEqual([]);
    expect(inText('新增“便捷泊车”“舒心就医”“畅快出行”等应用场景20个', 'PUN-NO-DUNHAO')).toEqual([]);
  });
});

describe('PUN-ELLIPSIS', () => {
  it('writes the ellipsis as "……" and drops 等 after it', () => {
    expect(fixed('开展培训、宣传、演练...', 'PUN-ELLIPSIS')).toBe('开展培训、宣传、演练……');
    expect(fixed('教育、卫生、文化。。。', 'PUN-ELLIPSIS')).toBe('教育、卫生、文化……');
    expect(fixed('教育、卫生、文化……等', 'PUN-ELLIPSIS')).toBe('教育、卫生、文化……');
  });
  it('leaves a correct ellipsis and numbered ranges alone', () => {
    expect(inText('教育、卫生、文化……', 'PUN-ELLIPSIS')).toEqual([]);
    expect(inText('第1...n项', 'PUN-ELLIPSIS')).toEqual([]);
  });
});

describe('PUN-NEST', () => {
  it('reports the quote left open in 004 once, not the correctly quoted names after it', () => {
    const line = seedLine('004', '小河街道“红茶议事会、和睦街道');
    const list = inText(line, 'PUN-NEST');
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe('““”没有配对的后半个：““红茶议事会、和睦街…”');
  });

  it('reports the bracket left open in 004 "(2020—2022》" — once: PUN-FULLWIDTH does not also widen it', () => {
    const line = seedLine('004', '三年行动计划(2020—2022》');
    expect(inText(line, 'PUN-NEST').map((f) => f.location.text)).toContain('(');
    expect(inText(line, 'PUN-FULLWIDTH')).toEqual([]);
    // With PUN-NEST switched off, PUN-FULLWIDTH still asks for the full-width mark.
    expect(texts(inText(line, 'PUN-FULLWIDTH', { rules: { 'PUN-NEST': { enabled: false } } }))).toEqual(['(']);
  });

  it('turns quotes inside quotes into single quotes and 书名号 inside 书名号 into 〈〉', () => {
    expect(fixed('他说：“要推进“最多跑一次”改革。”', 'PUN-NEST')).toBe('他说：“要推进‘最多跑一次’改革。”');
    expect(fixed('印发《关于印发《实施办法》的通知》', 'PUN-NEST')).toBe('印发《关于印发〈实施办法〉的通知》');
  });

  it('accepts correct nesting and apostrophes (003 title, English names)', () => {
    expect(inText('“关于加强垃圾‘减量化’处理的建议”办理', 'PUN-NEST')).toEqual([]);
    expect(inText('Lin’an District（临安区）', 'PUN-NEST')).toEqual([]);
  });
});

describe('PUN-SERIAL', () => {
  it('fixes serial numbers at the start of a paragraph', () => {
    expect(fixed('（一）、经济社会发展主要预期目标', 'PUN-SERIAL')).toBe('（一）经济社会发展主要预期目标');
    expect(fixed('一.全面筑牢疫情防线', 'PUN-SERIAL')).toBe('一、全面筑牢疫情防线');
    expect(fixed('1、推动企业复工复产', 'PUN-SERIAL')).toBe('1.推动企业复工复产');
    expect(fixed('重点如下：（二）、强化平台项目支撑', 'PUN-SERIAL')).toBe('重点如下：（二）强化平台项目支撑');
  });
  it('leaves lists of numbers and correct serials alone (004 group labels)', () => {
    for (const s of ['地铁1、2号线全线贯通', '（一）经济社会发展主要预期目标', '一、全面筑牢疫情防线', '1.推动企业复工复产']) expect(inText(s, 'PUN-SERIAL'), s).toEqual([]);
  });
});

describe('PUN-BOOKMARK-SCOPE', () => {
  it('hints (with its reason) that 书名号 do not mark events or awards; off in the national minimum', () => {
    const list = inText('举办《第十一届运河美食节》和《拱墅区科技进步奖》评选', 'PUN-BOOKMARK-SCOPE', { preset: 'recommended' });
    expect(list.map((f) => [f.location.text, f.severity])).toEqual([
      ['《第十一届运河美食节》', 'info'],
      ['《拱墅区科技进步奖》', 'info'],
    ]);
    expect(list[0]!.reason).toBe('书名号内的名称以“节”结尾。');
    expect(list[0]!.fixes[0]!.requiresConfirmation).toBe(true);
    expect(inText('举办《第十一届运河美食节》', 'PUN-BOOKMARK-SCOPE', { preset: 'national' })).toEqual([]);
  });
  it('does not fire on documents (000)', () => {
    expect(inText(seedLine('000', '审议《杭州市临安区突发事件总体应急预案》'), 'PUN-BOOKMARK-SCOPE', { preset: 'strict' })).toEqual([]);
  });
});

// Keep the factories used by the helpers in view for readers of these tests.
void newParagraph;
void entryBook;
