// Units (法定计量单位) and expression rules on text quoted from the corpus seeds.
import { describe, expect, it } from 'vitest';
import { findings, fixed, inText, makeBook, seedLine, texts } from './helpers';

describe('UNIT-LEGAL', () => {
  it('finds 亩 in 004 and converts to 公顷 only as a fix the user confirms', () => {
    const line = seedLine('004', '批而未供575亩');
    const list = inText(line, 'UNIT-LEGAL');
    expect(texts(list)).toEqual(['575亩', '2477亩', '1074亩', '4126亩']);
    expect(list[0]!.message).toBe('“575亩”：“亩”不是法定计量单位，应换算为公顷（如“38.33公顷”）');
    expect(list[0]!.fixes[0]).toMatchObject({ label: '换算为“38.33公顷”（请核对数值）', requiresConfirmation: true });
    expect(fixed(line, 'UNIT-LEGAL')).toContain('完成消化利用批而未供38.33公顷，供而未用165.13公顷');
  });
  it('renames old units without changing the number (no confirmation)', () => {
    const [f] = inText('距城区15公尺', 'UNIT-LEGAL');
    expect(f!.fixes[0]!.requiresConfirmation).toBe(false);
    expect(fixed('距城区15公尺', 'UNIT-LEGAL')).toBe('距城区15米');
    expect(fixed('新增耕地1.5万亩', 'UNIT-LEGAL')).toBe('新增耕地1000公顷');
  });
  it('exempts quoted policy names and 亩均 terms (004: “亩均论英雄”, 亩均效益)', () => {
    expect(inText(seedLine('004', '“亩均论英雄”'), 'UNIT-LEGAL')).toEqual([]);
    expect(inText(seedLine('004', '亩均效益综合评价'), 'UNIT-LEGAL')).toEqual([]);
    for (const s of ['新建道路12.5公里', '5年里', '两个维护', '平方公里']) expect(inText(s, 'UNIT-LEGAL'), s).toEqual([]);
  });
  it('catches approximate quantities ("2万余亩") and keeps them approximate in the conversion', () => {
    const [f] = inText('新增高标准农田2万余亩，改造5000多亩。', 'UNIT-LEGAL');
    expect([f!.location.text, f!.fixes[0]!.label]).toEqual(['2万余亩', '换算为“1333余公顷”（请核对数值）']);
    expect(fixed('新增高标准农田2万余亩，改造5000多亩。', 'UNIT-LEGAL')).toBe('新增高标准农田1333余公顷，改造333多公顷。');
  });
  it('hints at 亩产 with a quantity (a yield per 亩), unless the house style allows it; 亩产绩效 (001) is a policy term', () => {
    const [f] = inText('水稻平均亩产1200千克。', 'UNIT-LEGAL');
    expect([f!.severity, f!.location.text, f!.fixes[0]!.label, f!.fixes[0]!.requiresConfirmation]).toEqual(['info', '亩产1200千克', '改为“每公顷产量18000千克”（请核对数值）', true]);
    expect(texts(inText('茶叶亩产达到150斤', 'UNIT-LEGAL'))).toEqual(['亩产达到150斤']);
    expect(inText('水稻平均亩产1200千克。', 'UNIT-LEGAL', { rules: { 'UNIT-LEGAL': { params: { allowPerMuYield: true } } } })).toEqual([]);
    expect(inText(seedLine('001', '强化亩产绩效'), 'UNIT-LEGAL')).toEqual([]);
    expect(inText('亩产值5万元、亩产效益', 'UNIT-LEGAL')).toEqual([]);
  });
  it('flags quantities per 亩 without a fix', () => {
    const [f] = inText('每亩补贴200元', 'UNIT-LEGAL');
    expect(f!.message).toBe('“每亩”：按亩计的数量应换算为按公顷计');
    expect(f!.fixes).toEqual([]);
  });
});

describe('UNIT-SYMBOL', () => {
  it('corrects ug/m3 to μg/m³ (004) and m2 to m²', () => {
    const line = seedLine('004', 'ug/m3');
    expect(inText(line, 'UNIT-SYMBOL').map((f) => f.message)).toEqual(['单位符号“ug/m3”应写作“μg/m³”']);
    expect(fixed(line, 'UNIT-SYMBOL')).toContain('PM2.5浓度均值32.0μg/m³');
    expect(fixed('改造老旧小区87.3万m2，用电120KWH', 'UNIT-SYMBOL')).toBe('改造老旧小区87.3万m²，用电120kW·h');
    expect(fixed('年发电1000KWh，节电2万kWH', 'UNIT-SYMBOL')).toBe('年发电1000kW·h，节电2万kW·h');
  });
  it('flags a symbol mixed with a Chinese unit name', () => {
    expect(inText('车速60km/小时', 'UNIT-SYMBOL').map((f) => f.location.text)).toEqual(['km/小时']);
  });
  it('does not fire on PM2.5, road and plot codes (002)', () => {
    for (const s of ['PM2.5平均浓度下降19.7%', '杭州地铁16号线', '0603-M1-28地块', 'G60科创走廊', '细颗粒物（PM2.5）平均浓度29.4微克/立方米']) expect(inText(s, 'UNIT-SYMBOL'), s).toEqual([]);
  });
});

describe('UNIT-HOUSE', () => {
  it('takes the book\'s majority of 千米/公里 unless the house style names one (004 writes 公里 throughout: no finding)', () => {
    const line = seedLine('004', '53公里道路建设');
    // The default is auto: a book that only writes 公里 is consistent.
    expect(inText(line, 'UNIT-HOUSE')).toEqual([]);
    // A house style that names 千米 asks for it.
    const list = inText(line, 'UNIT-HOUSE', { distanceUnit: '千米' });
    expect(list[0]!.message).toBe('本书长度单位用“千米”，“53公里”中的“公里”应改为“千米”');
    expect(fixed(line, 'UNIT-HOUSE', { distanceUnit: '千米' })).toContain('实施94条53千米道路建设');
    expect(inText(line, 'UNIT-HOUSE', { distanceUnit: '公里' })).toEqual([]);
    expect(texts(inText('提升改造农村公路100千米', 'UNIT-HOUSE', { distanceUnit: '公里' }))).toEqual(['千米']);
    // Mixed without a house unit: the minority is reported, naming the majority (000's 千米 beside one 公里).
    const roads = seedLine('000', '提升改造农村公路100千米');
    const km = roads.match(/\d千米/g)!.length + 1;
    const mixed = inText(`${roads}；“富临线”全长84.1千米；新建绿道12公里`, 'UNIT-HOUSE');
    expect(mixed.map((f) => [f.location.text, f.message])).toEqual([['公里', `全书多用“千米”（${km}处），此处用“公里”（共1处），应统一`]]);
    expect(inText('“最后一公里”和“10公里慢行道”工程', 'UNIT-HOUSE', { distanceUnit: '千米' })).toEqual([]);
  });
  it('points at the minority form of one quantity across the book', () => {
    const book = makeBook({
      categories: [
        {
          title: '区人民政府',
          sections: [
            { title: '民政', children: [{ entry: '概况', text: ['改造碧桂苑等老旧小区87.3万平方米，新增绿化面积20万平方米'] }, { attrib: '（潘鑫卉）' }] },
            { title: '外事', children: [{ entry: '概况', text: ['建成公寓式安置房3.2万m²'] }, { attrib: '（张泓阳）' }] },
          ],
        },
      ],
    });
    const list = findings(book, 'UNIT-HOUSE');
    expect(list.map((f) => [f.location.sectionTitle, f.location.text, f.message])).toEqual([['外事', 'm²', '全书多用“平方米”（2处），此处用“m²”（共1处），应统一']]);
  });
  it('is quiet on roads without distances (高速公路, 公路)', () => {
    expect(inText('管控高速公路、国道、省道等交通卡口', 'UNIT-HOUSE')).toEqual([]);
  });
});

describe('EXP-ERA', () => {
  it('converts Republic-of-China years after 1949-10-01', () => {
    expect(fixed('民国39年，该校迁址城区', 'EXP-ERA')).toBe('1950年，该校迁址城区');
    expect(fixed('民国三十八年十月，临安解放后', 'EXP-ERA')).toBe('1949年10月，临安解放后');
  });
  it('allows them before', () => {
    expect(inText('民国二十六年（1937年）建校', 'EXP-ERA')).toEqual([]);
    expect(inText('民国38年5月', 'EXP-ERA')).toEqual([]);
  });
});

describe('EXP-HMT', () => {
  it('warns (and says why) when 香港/澳门/台湾 are counted among 国家', () => {
    const [f] = inText('产品出口美国、日本、香港等12个国家', 'EXP-HMT', { preset: 'recommended' });
    expect(f!.message).toBe('“12个国家”所列包括香港，应写“国家和地区”');
    expect(f!.severity).toBe('warning');
    expect(f!.reason).toBe('同一句中列有香港，又说“×个国家”。');
  });
  it('accepts 国家和地区 and sentences without them', () => {
    expect(inText('产品出口美国、日本、香港等12个国家和地区', 'EXP-HMT', { preset: 'recommended' })).toEqual([]);
    expect(inText('与20个国家开展经贸合作。香港客商来访3批次', 'EXP-HMT', { preset: 'recommended' })).toEqual([]);
  });
});

describe('EXP-FULLNAME', () => {
  const abbreviations = [{ full: '杭州市临安区行政审批服务管理办公室', short: '区审管办' }];
  const rules = { 'EXP-FULLNAME': { params: { abbreviations } } };
  const book = (first: string, second: string) =>
    makeBook({
      categories: [
        {
          title: '区人民政府',
          sections: [
            { title: '行政审批服务管理', children: [{ entry: '概况', text: [first] }, { attrib: '（邵旭峰）' }] },
            { title: '数据资源管理', children: [{ entry: '概况', text: [second] }, { attrib: '（蒋斌）' }] },
          ],
        },
      ],
    });
  it('hints at the first use of an abbreviation before its full name in the book', () => {
    const list = findings(book('2020年，区审管办推进高频事项“远程视频办”。', '杭州市临安区行政审批服务管理办公室（区审管办）…'), 'EXP-FULLNAME', { preset: 'custom', rules });
    expect(list.map((f) => [f.location.sectionTitle, f.message])).toEqual([['行政审批服务管理', '“区审管办”在全书第一次出现时应写全称“杭州市临安区行政审批服务管理办公室”']]);
  });
  it('is quiet when the full name comes first, and without a list', () => {
    expect(findings(book('杭州市临安区行政审批服务管理办公室（以下简称区审管办）成立。', '区审管办推进…'), 'EXP-FULLNAME', { preset: 'custom', rules })).toEqual([]);
    expect(findings(book('区审管办推进…', '…'), 'EXP-FULLNAME', { preset: 'recommended' })).toEqual([]);
  });
});
