import { describe, expect, it } from 'vitest';
import { attributionText, PartRenderer, printedName, tableFigureNumbers, type RenderEnv } from '../../../../shared/export/render';
import { resolveProfile } from '../../../../shared/export/profile';
import { parseScope } from '../../../../shared/export/scope';
import { newAttribution, newBook, newCategory, newEntry, newSection, newSubsection, sequentialIds } from '../../../../shared/model';
import { isUserError } from '../../../../shared/model/errors';
import { seedBook, seedTable } from '../../../helpers/seedBook';

function env(book = seedBook()): RenderEnv {
  return { book, profile: resolveProfile(book.printProfile), assetUrl: () => null, numbers: tableFigureNumbers(book) };
}

describe('print HTML', () => {
  it('runs the 【title】 in with the first body line and records the entry for the index', () => {
    const ids = sequentialIds();
    const e = newEntry('区政府常务会议', ['2020年，区政府召开常务会议30次。', '研究重大事项。'], ids);
    const r = new PartRenderer(env());
    const html = r.entry(e, '概述');
    expect(html).toMatch(/^<div class="entry" data-id="e_\w+"><p class="p p1"><span class="et" id="e_\w+">【区政府常务会议】<\/span><span class="nb">2020<\/span>年，/);
    expect(html.match(/<p class="p/g)).toHaveLength(2);
    expect(r.c.index).toEqual([{ anchor: e.id, term: '区政府常务会议', kind: 'entry', section: '概述' }]);
  });

  it('prints attribution lines in full-width parentheses, padding two-character names when the house style says so', () => {
    expect(printedName('汪剑', true)).toBe('汪\u3000剑');
    expect(printedName('朱丽娜', true)).toBe('朱丽娜');
    expect(attributionText(newAttribution('author', ['汪剑', '朱丽娜']), true)).toBe('（汪\u3000剑\u3000朱丽娜）');
    expect(attributionText(newAttribution('unit', ['区审管办']), false)).toBe('（区审管办\u3000供稿）');
  });

  it('prints subsections as "· 社会救助 ·" lines and anchors them', () => {
    const ids = sequentialIds();
    const cat = newCategory('区人民政府', 'regular', ids);
    const s = newSection('民政', ids);
    const sub = newSubsection('社会救助', ids);
    sub.children.push(newEntry('低保', ['全年发放低保金。'], ids));
    s.children.push(sub);
    cat.sections.push(s);
    const r = new PartRenderer(env());
    const html = r.category(cat, { opener: true });
    expect(html).toContain(`<h3 class="sub-title" data-id="${sub.id}"><span id="${sub.id}">· 社会救助 ·</span></h3>`);
    expect(html).toContain(`<h1 class="cat-title"><span id="${cat.id}">区人民政府</span></h1>`);
    expect(html).toContain(`<h2 class="sec-title t2"><span id="${s.id}">民政</span></h2>`);
    // headings get a second anchor in the first line after them (see Collector.follow)
    expect(r.c.anchors).toEqual([cat.id, s.id, sub.id, expect.stringMatching(/^e_/), `${s.id}-f`, `${sub.id}-f`]);
    expect([...r.c.follow.keys()]).toEqual([s.id, sub.id]);
    expect(html).toContain(`<span id="${s.id}-f"></span><span id="${sub.id}-f"></span><span class="et"`);
  });

  it('gives a table a 续表 label row in its repeated header (续表N per the house style) and a caption cover', () => {
    const book = seedBook();
    const ids = sequentialIds('t');
    const t = { ...seedTable(ids), number: '6' };
    const e1 = env(book);
    e1.numbers.set(t.id, '6');
    const html = new PartRenderer(e1).table(t);
    expect(book.houseStyle.tableContinuation).toBe('续表N');
    expect(html).toContain('<span class="tcont">续表6</span>');
    expect(html).toMatch(/<thead><tr class="tlab"><th colspan="5">/);
    expect(html).toContain(`<div class="tcover"><div class="tcap"><span id="${t.id}"></span><span class="tt">表6\u3000`);
    book.houseStyle.tableContinuation = '续表';
    expect(new PartRenderer(e1).table(t)).toContain('<span class="tcont">续表</span>');
  });

  it('draws an empty frame for a figure whose photo has not been supplied and reports it', () => {
    const book = seedBook();
    const fig = book.body[1]!.sections.flatMap((s) => s.children).find((c) => c.type === 'figure')!;
    const r = new PartRenderer(env(book));
    const html = r.block(fig, '信访工作', null);
    expect(html).toContain('<div class="frame empty"');
    expect(html).toContain('<span class="fno">图78</span>');
    expect(html).toContain('<span class="credit">（区信访局提供）</span>');
    expect(r.c.missingImages).toHaveLength(1);
  });
});

describe('export scope', () => {
  const book = seedBook();
  it('finds categories and sections by title, path or id', () => {
    expect(parseScope(book, undefined)).toEqual({ kind: 'volume' });
    expect(parseScope(book, 'category:特载')).toEqual({ kind: 'category', id: book.body[0]!.id });
    const minzheng = book.body[1]!.sections.find((s) => s.title === '民政')!;
    expect(parseScope(book, 'section:民政')).toEqual({ kind: 'section', id: minzheng.id });
    expect(parseScope(book, `section:${minzheng.id}`)).toEqual({ kind: 'section', id: minzheng.id });
  });
  it('explains unknown and ambiguous names in Chinese', () => {
    const fail = (s: string) => {
      try {
        parseScope(book, s);
      } catch (e) {
        expect(isUserError(e)).toBe(true);
        return (e as Error).message;
      }
      return '';
    };
    expect(fail('category:不存在')).toBe('书稿中没有名为“不存在”的类目。');
    expect(fail('section:应急管理')).toMatch(/^书稿中有 2 个名为“应急管理”的分目（杭州市拱墅区人民政府\/应急管理、下城区人民政府\/应急管理）/);
    expect(parseScope(book, 'section:下城区人民政府/应急管理').kind).toBe('section');
    expect(fail('chapter:x')).toMatch(/无法识别/);
  });
  it('numbers tables and figures automatically when the house style asks for it', () => {
    const b = newBook({ title: 'T', volumeYear: 2022 });
    expect(tableFigureNumbers(b).size).toBe(0);
    const sb = seedBook();
    expect(tableFigureNumbers(sb).get(sb.body[1]!.sections.flatMap((s) => s.children).find((c) => c.type === 'figure')!.id)).toBe('78');
    sb.houseStyle.autoNumber = true;
    const figures = sb.body.flatMap((c) => c.sections.flatMap((s) => s.children)).filter((c) => c.type === 'figure');
    const nums = tableFigureNumbers(sb);
    expect(figures.slice(0, 3).map((f) => nums.get(f.id))).toEqual(['1', '2', '3']);
  });
});
