// Number rules (GB/T 15835-2011) on text quoted from the corpus seeds.
import { describe, expect, it } from 'vitest';
import { arabicVariant } from '../../../../shared/validate/rules/numbers';
import { parseChineseNumeral, shiftDecimal } from '../../../../shared/validate/text';
import { entryBook, findings, fixed, inText, makeBook, seed, seedLine, texts } from './helpers';

describe('number helpers', () => {
  it('reads Chinese numerals and shifts decimals exactly', () => {
    expect(parseChineseNumeral('五十')).toBe(50);
    expect(parseChineseNumeral('一百二十三')).toBe(123);
    expect(parseChineseNumeral('二〇二〇')).toBe(2020);
    expect(parseChineseNumeral('三四')).toBeNull(); // an approximation, not a number
    expect(shiftDecimal('1.5', 3)).toBe('1500');
    expect(shiftDecimal('3', 3)).toBe('3000');
    expect(shiftDecimal('2.345', 2)).toBe('234.5');
    expect(arabicVariant('十四五')).toBe('14五');
    expect(arabicVariant('一图一码一指数')).toBe('1图1码1指数');
    expect(arabicVariant('八八战略')).toBe('88战略');
  });
});

describe('NUM-CN-LEX', () => {
  it('restores Chinese numerals in fixed expressions written with digits', () => {
    const line = seedLine('000', '落实“一图一码一指数”').replace('一图一码一指数', '1图1码1指数');
    const list = inText(line, 'NUM-CN-LEX');
    expect(list.map((f) => f.message)).toEqual(['固定用语应保留汉字数字：“1图1码1指数”应为“一图一码一指数”']);
    expect(fixed(line, 'NUM-CN-LEX')).toContain('落实“一图一码一指数”');
    expect(fixed('实现“14五”良好开局，做好“6稳”工作', 'NUM-CN-LEX')).toBe('实现“十四五”良好开局，做好“六稳”工作');
  });
  it('does not fire on the expressions as the seeds write them, or on other numbers', () => {
    expect(inText(seedLine('000', '落实“一图一码一指数”'), 'NUM-CN-LEX')).toEqual([]);
    expect(inText(seedLine('000', '开展“六稳”工作'), 'NUM-CN-LEX')).toEqual([]);
    expect(inText(seedLine('002', '实现“十四五”良好开局'), 'NUM-CN-LEX')).toEqual([]);
    expect(inText('新增214五金店', 'NUM-CN-LEX')).toEqual([]); // 14五 inside a longer number
  });
  it('takes the book’s own list of expressions', () => {
    expect(inText('推进“3服务”活动', 'NUM-CN-LEX', { rules: { 'NUM-CN-LEX': { params: { expressions: ['十四五'] } } } })).toEqual([]);
  });
});

describe('NUM-ARABIC', () => {
  it('fixes full-width digits everywhere', () => {
    const line = seedLine('000', '新增城镇就业人口22270人').replace('22270', '２２２７０');
    expect(texts(inText(line, 'NUM-ARABIC'))).toEqual(['２２２７０']);
    expect(fixed(line, 'NUM-ARABIC')).toContain('新增城镇就业人口22270人');
  });
  it('asks for Arabic years and statistics in entries', () => {
    expect(fixed('二〇二〇年，临安实现地区生产总值同比增长3.5%', 'NUM-ARABIC')).toBe('2020年，临安实现地区生产总值同比增长3.5%');
    expect(fixed('发放补助资金五十万元，惠及三百二十户', 'NUM-ARABIC')).toBe('发放补助资金50万元，惠及320户');
  });
  it('leaves plan names, set phrases, approximations and special parts alone', () => {
    expect(inText(seedLine('002', '二〇三五年远景目标纲要'), 'NUM-ARABIC')).toEqual([]);
    for (const s of ['全市率先出台稳企助企六大政策', '两万余人参加', '数十万人观看', '十大产业平台', '三十多人', '组织两人']) expect(inText(s, 'NUM-ARABIC'), s).toEqual([]);
    expect(inText('二〇二〇年是极不平凡的一年', 'NUM-ARABIC', {}, { role: 'special' })).toEqual([]);
  });
});

describe('NUM-APPROX', () => {
  it('removes the 顿号 of adjacent-number estimates', () => {
    expect(fixed('每年接待三、四批考察团', 'NUM-APPROX')).toBe('每年接待三四批考察团');
    expect(fixed('十五、六岁的青少年', 'NUM-APPROX')).toBe('十五六岁的青少年');
  });
  it('keeps lists of numbers', () => {
    expect(inText('一、二、三产业融合发展', 'NUM-APPROX')).toEqual([]);
    expect(inText('三、五个镇街', 'NUM-APPROX')).toEqual([]);
  });
});

describe('NUM-WAN-YI', () => {
  it('turns 千/百 after digits into digits', () => {
    expect(fixed('参与群众3千人', 'NUM-WAN-YI')).toBe('参与群众3000人');
    expect(fixed('投资1.5千万元', 'NUM-WAN-YI')).toBe('投资1500万元');
  });
  it('keeps unit prefixes and 万/亿 (003: 10千伏)', () => {
    expect(inText(seedLine('003', '10千伏变配电系'), 'NUM-WAN-YI')).toEqual([]);
    for (const s of ['5千米道路', '3千克', '20万千瓦', '3.45亿元', '1.2万人', '提高2个百分点']) expect(inText(s, 'NUM-WAN-YI'), s).toEqual([]);
  });
});

describe('NUM-RANGE', () => {
  it('repeats 亿 and % on both ends', () => {
    expect(fixed('投资9～16亿元', 'NUM-RANGE')).toBe('投资9亿～16亿元');
    expect(fixed('增长15～30%', 'NUM-RANGE')).toBe('增长15%～30%');
    expect(inText('增长15～30%', 'NUM-RANGE')[0]!.message).toBe('数值范围“15～30%”两端的“%”都要写出，应为“15%～30%”');
  });
  it('accepts complete ranges and plain numbers', () => {
    for (const s of ['投资9亿～16亿元', '增长15%～30%', '增长8.1%', '1—12月']) expect(inText(s, 'NUM-RANGE'), s).toEqual([]);
  });
});

describe('NUM-YEAR', () => {
  it('asks for full years and 〇 in Chinese-numeral years (001: 二○三五)', () => {
    const list = inText('21年3月，区政府召开第一次全体会议', 'NUM-YEAR');
    expect(list[0]!.message).toBe('“21年3月”中的年份要写全：“2021年3月”');
    expect(list[0]!.fixes[0]!.requiresConfirmation).toBe(true);
    const report = seed('001').replace(/\n+/g, '');
    const i = report.indexOf('二○三五');
    const sentence = report.slice(i - 20, i + 12);
    const special = findings(entryBook([sentence], { role: 'special' }), 'NUM-YEAR');
    expect(special.map((f) => f.message)).toEqual(['“二○三五年”中的零应写作“〇”：“二〇三五年”']);
  });
  it('does not take durations for years (002: 连续16年)', () => {
    expect(inText(seedLine('002', '连续16年获评'), 'NUM-YEAR')).toEqual([]);
    expect(inText('历时15年3个月', 'NUM-YEAR')).toEqual([]);
  });
});

describe('NUM-GROUP', () => {
  it('points at the minority digit-grouping style across the book', () => {
    const book = makeBook({
      categories: [
        {
          title: '杭州市临安区人民政府',
          sections: [
            { title: '概述', children: [{ entry: '概况', text: [seedLine('000', '新增城镇就业人口22270人'), '家庭医生签约服务超21万人，接待群众12,000人次'] }, { attrib: '（陈康）' }] },
            { title: '外事', children: [{ entry: '概况', text: ['完成减税降费45.35亿元，受理咨询10698件，新增停车位18218个'] }, { attrib: '（张泓阳）' }] },
          ],
        },
      ],
    });
    const list = findings(book, 'NUM-GROUP');
    expect(list.map((f) => [f.location.text, f.fixes[0]!.edits[0]!.replacement])).toEqual([['12,000', '12000']]);
    expect(list[0]!.location.sectionTitle).toBe('概述');
  });
  it('is quiet when the book uses one style', () => {
    expect(inText(seedLine('000', '新增城镇就业人口22270人'), 'NUM-GROUP')).toEqual([]);
  });
});

describe('NUM-NO-BREAK', () => {
  it('finds the paragraph broken inside "34 名" (000)', () => {
    const text = seed('000');
    const i = text.indexOf('34\n\n名先进个人');
    const first = text.slice(text.lastIndexOf('\n', i) + 1, i + 2);
    const second = text.slice(i + 4, text.indexOf('\n', i + 4));
    const list = findings(entryBook([first, second]), 'NUM-NO-BREAK');
    expect(list.map((f) => f.message)).toEqual(['段落在数字“34”处断开，与下段“名先进个人和优秀…”应连成一段']);
  });
  it('finds a line break inside a paragraph and offers to remove it', () => {
    expect(fixed('组织13名医务人员、34\n名先进个人', 'NUM-NO-BREAK')).toBe('组织13名医务人员、34名先进个人');
  });
  it('does not fire between finished paragraphs', () => {
    expect(findings(entryBook(['完成年度投资计划的110.9%。', '2月底，规模以上工业企业基本复工。']), 'NUM-NO-BREAK')).toEqual([]);
  });
});
