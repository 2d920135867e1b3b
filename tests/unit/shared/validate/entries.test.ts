// Entry rules (ENT-*) and attribution rules on small books built from quoted seed text.
import { describe, expect, it } from 'vitest';
import type { Book, Entry } from '../../../../shared/model';
import { findingReason } from '../../../../shared/validate';
import { entryBook, findings, fixed, inText, makeBook, seedLine, texts } from './helpers';

const titled = (title: string, role?: 'regular' | 'special') =>
  makeBook({ categories: [{ title: '杭州市临安区人民政府', role, sections: [{ title: '民政', children: [{ entry: title, text: ['2020年，……。'] }, { attrib: '（潘鑫卉）' }] }] }] });

describe('ENT-TITLE-BRACKET', () => {
  it('accepts titles stored without 【】 (000)', () => {
    expect(findings(titled('区政府常务会议'), 'ENT-TITLE-BRACKET')).toEqual([]);
  });
  it('stores titles without 【】 and requires a title', () => {
    const list = findings(titled('【概况】'), 'ENT-TITLE-BRACKET');
    expect(list.map((f) => f.message)).toEqual(['条目标题“【概况】”保存时不带【】（印刷时自动加上）']);
    expect(list[0]!.fixes[0]!.preview).toEqual({ before: '【概况】', after: '概况' });
    expect(findings(titled(''), 'ENT-TITLE-BRACKET').map((f) => f.message)).toEqual(['条目没有标题']);
    expect(findings(titled('概况'), 'ENT-TITLE-BRACKET')).toEqual([]);
  });
});

describe('ENT-TITLE-LEN', () => {
  it('warns above 15 characters and errs above 18 (000 titles)', () => {
    const long = findings(titled('临安区2020年度社会救助类政府购买服务项目启动'), 'ENT-TITLE-LEN');
    expect(long.map((f) => [f.severity, f.message])).toEqual([['error', '条目标题【临安区2020年度社会救助类政府购买服务项目启动】有24字，超过18字']]);
    expect(findings(titled('临安区“互联网+养老”服务系统上线'), 'ENT-TITLE-LEN').map((f) => f.severity)).toEqual(['warning']);
    expect(findings(titled('区政府常务会议'), 'ENT-TITLE-LEN')).toEqual([]);
  });
  it('follows the house setting and skips special parts', () => {
    expect(findings(titled('临安区“互联网+养老”服务系统上线'), 'ENT-TITLE-LEN', { titleWarnLength: 18, titleErrorLength: 25 })).toEqual([]);
    expect(findings(titled('临安区2020年度社会救助类政府购买服务项目启动', 'special'), 'ENT-TITLE-LEN')).toEqual([]);
  });
});

describe('ENT-TITLE-PUNCT', () => {
  it('drops trailing punctuation and reports marks inside a title', () => {
    const [trail] = findings(titled('区域融合加快。'), 'ENT-TITLE-PUNCT');
    expect(trail!.message).toBe('条目标题【区域融合加快。】末尾不加标点“。”');
    expect(trail!.fixes[0]!.preview.after).toBe('区域融合加快');
    expect(findings(titled('疫情防控，复工复产'), 'ENT-TITLE-PUNCT').map((f) => f.message)).toEqual(['条目标题【疫情防控，复工复产】中不用标点“，”（引号、书名号除外）']);
  });
  it('allows marks inside quotes and 书名号 (003, 000) and only hints at a 顿号', () => {
    expect(findings(titled('“关于重振武林商圈,打造中国不夜城的建议”办理'), 'ENT-TITLE-PUNCT')).toEqual([]);
    expect(findings(titled('《杭州市临安区政务数据资源目录(2021版)》发布'), 'ENT-TITLE-PUNCT')).toEqual([]);
    expect(findings(titled('承接浙江省政务服务2.0示范大厅建设试点'), 'ENT-TITLE-PUNCT')).toEqual([]);
    expect(findings(titled('向省、市有关部门供稿投稿'), 'ENT-TITLE-PUNCT').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('ENT-TITLE-FORM', () => {
  it('hints at a title naming a person, with the reason', () => {
    const [f] = findings(titled('骆安全区长调研企业复工复产'), 'ENT-TITLE-FORM', { preset: 'recommended' });
    expect(f!.message).toBe('条目标题【骆安全区长调研企业复工复产】以人名“骆安全”开头');
    expect(f!.reason).toBe('标题开头是人名“骆安全”加职务，而条目标题一般以事件命名。');
  });
  it('does not take 区政府区长办公会议 (000) for a name, and is off in the national minimum', () => {
    expect(findings(titled('区政府区长办公会议'), 'ENT-TITLE-FORM', { preset: 'strict' })).toEqual([]);
    expect(findings(titled('骆安全区长调研企业复工复产'), 'ENT-TITLE-FORM', { preset: 'national' })).toEqual([]);
  });
});

describe('ENT-YEAR', () => {
  it('warns when an entry opens with another year than the record year', () => {
    const [f] = findings(entryBook(['2021年，区政府召开常务会议10次。']), 'ENT-YEAR');
    expect(f!.message).toBe('条目以“2021年”开头，本书记述的是2020年');
  });
  it('accepts a back-reference opening (000 【远程异地评标试点工作】)', () => {
    const text = seedLine('000', '2019年,临安区被列为杭州远程异地评标试点').replace(/^【[^】]+】/, '');
    expect(findings(entryBook([text], { title: '远程异地评标试点工作' }), 'ENT-YEAR')).toEqual([]);
  });
  it('hints at later years outside 书名号 (recommended preset), with the reason', () => {
    const [f] = findings(entryBook(['2020年，……该项目2022年建成。']), 'ENT-YEAR', { preset: 'recommended' });
    expect([f!.message, f!.severity, f!.reason]).toEqual(['正文提到2022年，晚于记述年度2020年', 'info', '本书记述2020年，正文中的2022年可能是计划、预测或排版错误；确是回溯或续记可忽略。']);
    // The reason in the interface's language: Chinese as stored, English from its catalog key with the same numbers.
    expect(findingReason(f!, 'zh')).toBe(f!.reason);
    expect(findingReason(f!, 'en')).toBe('The book records 2020; 2022 may be a plan, a forecast or a typo.');
    expect(findings(entryBook([seedLine('000', '（2020-2022年）')]), 'ENT-YEAR', { preset: 'recommended' })).toEqual([]);
    expect(findings(entryBook(['2020年，……截至2021年3月，完成主体工程。']), 'ENT-YEAR', { preset: 'recommended' })).toEqual([]);
  });
  it('takes the record year from the book, or from --config', () => {
    expect(findings(entryBook(['2021年，区政府召开常务会议10次。']), 'ENT-YEAR', { recordYear: 2021 })).toEqual([]);
  });
});

describe('ENT-RELTIME', () => {
  it('asks for absolute dates, offering the record year for 今年/去年 (confirmed)', () => {
    const list = inText('今年以来，全区新增就业人口22270人；目前已完成主体工程', 'ENT-RELTIME');
    expect(texts(list)).toEqual(['今年', '目前']);
    expect(list[0]!.fixes[0]).toMatchObject({ label: '改为“2020年”', requiresConfirmation: true });
    expect(list[1]!.fixes).toEqual([]);
    expect(fixed('去年同期增长3.5%', 'ENT-RELTIME')).toBe('2019年同期增长3.5%');
  });
  it('does not fire on 节日前, quoted words, special parts (001) or table headers of the appendix (004)', () => {
    expect(inText('国庆节日前后开展安全检查', 'ENT-RELTIME')).toEqual([]);
    expect(inText('提出“今年再攀新高峰”的目标', 'ENT-RELTIME')).toEqual([]);
    expect(inText('今年是“十四五”开局之年', 'ENT-RELTIME', {}, { role: 'special' })).toEqual([]);
    expect(inText('目前进展情况', 'ENT-RELTIME', {}, { role: 'appendix' })).toEqual([]);
  });
});

describe('ENT-NO-FORECAST', () => {
  it('gives no reason for a deterministic rule', () => {
    const [f] = findings(titled('区域融合加快。'), 'ENT-TITLE-PUNCT');
    expect([f!.reason, f!.reasonKey, findingReason(f!, 'en')]).toEqual([undefined, undefined, undefined]);
  });
  it('hints at plans and forecasts with the reason', () => {
    const [f] = inText('该项目预计2022年建成投用', 'ENT-NO-FORECAST', { preset: 'recommended' });
    expect([f!.location.text, f!.reason]).toEqual(['预计', '“预计”通常表示尚未发生的事。']);
  });
  it('does not take the preposition 将 for the future', () => {
    expect(inText('将闲置资产纳入统一管理', 'ENT-NO-FORECAST', { preset: 'strict' })).toEqual([]);
  });
});

describe('ENT-NO-EVAL', () => {
  it('hints at praise (000: 取得显著成效) in the recommended preset (the default), not in the national minimum', () => {
    const line = seedLine('000', '扫黑除恶专项斗争取得显著成效');
    expect(texts(inText(line, 'ENT-NO-EVAL', { preset: 'recommended' }))).toEqual(['显著成效']);
    expect(inText(line, 'ENT-NO-EVAL', { preset: 'national' })).toEqual([]);
  });
  it('leaves quoted titles of honours alone', () => {
    expect(inText('获“圆满完成任务先进集体”称号', 'ENT-NO-EVAL', { preset: 'recommended' })).toEqual([]);
  });
});

describe('ENT-LENGTH', () => {
  it('hints above the house limit; overview entries have a higher limit (000 【概况】 3,446 characters)', () => {
    const long = '2020年，区政府召开常务会议10次。'.repeat(200);
    expect(findings(entryBook([long], { title: '区政府常务会议' }), 'ENT-LENGTH').map((f) => f.severity)).toEqual(['info']);
    expect(findings(entryBook([long], { title: '概况' }), 'ENT-LENGTH')).toEqual([]);
    expect(findings(entryBook([long], { title: '概况' }), 'ENT-LENGTH', { rules: { 'ENT-LENGTH': { params: { overviewMax: 3000 } } } })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

/** 000's 区政府办公室工作: 【概况】, (周晓凯), 【区政府为民实事】 — the author line comes before the second entry. */
function office000(): Book {
  return makeBook({
    categories: [
      {
        title: '杭州市临安区人民政府',
        sections: [
          {
            title: '概述',
            children: [
              { entry: '概况', text: [seedLine('000', '2020年，临安实现地区生产总值')] },
              { entry: '区政府常务会议', text: ['2020年，区政府召开常务会议10次。'] },
              { entry: '区政府区长办公会议', text: ['2020年，区政府召开区长办公会议19次。'] },
              { attrib: '(陈康)' },
            ],
          },
          {
            title: '区政府办公室工作',
            children: [
              { entry: '概况', text: ['2020年，临安区政府办公室全年共制发三类文件26件。'] },
              { attrib: '(周晓凯)' },
              { entry: '区政府为民实事', text: ['2020年，杭州市临安区人民政府为民“十件实事”及完成情况如下（见表6）。'] },
            ],
          },
        ],
      },
    ],
  });
}

describe('ENT-ATTRIB', () => {
  it('finds 【区政府为民实事】 after (周晓凯) (000) and accepts one line covering several entries', () => {
    const list = findings(office000(), 'ENT-ATTRIB');
    expect(list.map((f) => [f.location.sectionTitle, f.location.entryTitle, f.message])).toEqual([
      ['区政府办公室工作', '区政府为民实事', '条目【区政府为民实事】后面没有署名行（本分目最后的署名(周晓凯)在它之前）'],
    ]);
    expect(list[0]!.severity).toBe('error');
  });
  it('reports a section without any author line once', () => {
    const book = makeBook({ categories: [{ title: '区人民政府', sections: [{ title: '外事', children: [{ entry: '概况', text: ['…'] }, { entry: '协助举办外资招商项目“云签约”', text: ['…'] }] }] }] });
    expect(findings(book, 'ENT-ATTRIB').map((f) => f.message)).toEqual(['分目“外事”没有署名行，2个条目都无署名']);
  });
  it('uses explicit covers and checks them', () => {
    const book = office000();
    const sec = book.body[0]!.sections[1]!;
    const entries = sec.children.filter((c): c is Entry => c.type === 'entry');
    const line = sec.children.find((c) => c.type === 'attribution')!;
    if (line.type === 'attribution') line.covers = [entries[0]!.id, entries[1]!.id, 'e_gone'];
    const list = findings(book, 'ENT-ATTRIB');
    expect(list.map((f) => f.messageKey)).toEqual(['validate.ENT-ATTRIB.ahead', 'validate.ENT-ATTRIB.foreign']);
  });
  it('does not apply to special parts (001 reports have no author lines)', () => {
    const book = makeBook({ categories: [{ title: '特载', role: 'special', sections: [{ title: '政府工作报告', children: [{ p: '2020年是极不平凡的一年。' }] }] }] });
    expect(findings(book, 'ENT-ATTRIB')).toEqual([]);
  });
});

describe('ENT-ATTRIB-FORMAT', () => {
  const book = (raw: string, names: string[], kind: 'author' | 'unit' = 'author') =>
    makeBook({ categories: [{ title: '区人民政府', sections: [{ title: '应急管理', children: [{ entry: '概况', text: ['2021年，……'] }, { attrib: raw, names, kind }] }] }] });
  it('brings attribution lines to the house form (000 half-width brackets, 002 padded names)', () => {
    expect(findings(book('(陈康)', ['陈康']), 'ENT-ATTRIB-FORMAT').map((f) => [f.message, f.fixes[0]!.preview.after])).toEqual([['署名“(陈康)”与本书署名格式不一致，应为“（陈康）”', '（陈康）']]);
    expect(findings(book('(汪 剑 朱丽娜)', ['汪剑', '朱丽娜']), 'ENT-ATTRIB-FORMAT')[0]!.fixes[0]!.preview.after).toBe('（汪剑 朱丽娜）');
    expect(findings(book('(汪 剑 朱丽娜)', ['汪剑', '朱丽娜']), 'ENT-ATTRIB-FORMAT', { padTwoCharNames: true })[0]!.fixes[0]!.preview.after).toBe('（汪\u3000剑 朱丽娜）');
  });
  it('accepts the house form and hints at names that are not names', () => {
    expect(findings(book('（区审管办 供稿）', ['区审管办'], 'unit'), 'ENT-ATTRIB-FORMAT')).toEqual([]);
    expect(findings(book('（科技园）', ['科技园']), 'ENT-ATTRIB-FORMAT').map((f) => [f.severity, f.message])).toEqual([['info', '作者署名中的“科技园”不像人名，请核对（若是单位，应署“科技园 供稿”）']]);
  });
});

describe('ENT-ATTRIB-REGISTRY', () => {
  it('reports a missing registry once for the book (recommended preset)', () => {
    const list = findings(office000(), 'ENT-ATTRIB-REGISTRY', { preset: 'recommended' });
    expect(list.map((f) => [f.location.nodeKind, f.message])).toEqual([['book', '本书尚未建立供稿人名录：2个署名行中的2个作者和单位都未登记']]);
    expect(findings(office000(), 'ENT-ATTRIB-REGISTRY', { preset: 'national' })).toEqual([]);
  });
  it('names unregistered people and broken links', () => {
    const book = office000();
    book.contributors = [{ id: 'r_1', kind: 'person', name: '陈康' }];
    const sec = book.body[0]!.sections[1]!;
    const line = sec.children.find((c) => c.type === 'attribution')!;
    if (line.type === 'attribution') line.contributorIds = ['r_9'];
    const list = findings(book, 'ENT-ATTRIB-REGISTRY', { preset: 'recommended' });
    expect(list.map((f) => [f.severity, f.message])).toEqual([
      ['error', '署名链接的供稿人（r_9）在名录中不存在'],
      ['info', '“周晓凯”未登记在供稿人名录中'],
    ]);
  });
});
