// Behaviour of the recogniser on the seeds: the model it builds, the import report, and re-running with
// the editor's overrides.
import { describe, expect, it } from 'vitest';
import { bookFromImports, recogniseText, withOverride, type ImportResult } from '../../../../shared/import';
import { parseBook, sequentialIds, type Entry, type Section } from '../../../../shared/model';
import { seedText } from './corpus';

const roleOf = (r: ImportResult, line: number) => r.report.lines.find((l) => l.no === line)?.role;
const entries = (s: Section): Entry[] =>
  s.children.flatMap((c) => (c.type === 'entry' ? [c] : c.type === 'subsection' ? c.children.filter((x): x is Entry => x.type === 'entry') : []));

describe('recognising a yearbook chapter (seed 000)', () => {
  const r = recogniseText(seedText('000'), '000.txt', { ids: sequentialIds() });
  const cat = r.categories[0]!;

  it('reads category, English name, sections and subsections', () => {
    expect(cat.title).toBe('杭州市临安区人民政府');
    expect(cat.titleEn).toBe("People's Government of Lin'an District, Hangzhou");
    expect(cat.sections.map((s) => s.title)).toContain('民政');
    const minzheng = cat.sections.find((s) => s.title === '民政')!;
    expect(minzheng.children.filter((c) => c.type === 'subsection').map((c) => (c as { title: string }).title)).toEqual([
      '概述', '民政综合行政执法(殡葬管理)', '社会救助', '养老服务', '慈善互助', '社会事务', '区划地名管理',
    ]);
  });

  it('reports a role for every source line', () => {
    expect(r.report.lines).toHaveLength(seedText('000').split('\n').length);
    expect(roleOf(r, 3)).toBe('category');
    expect(roleOf(r, 5)).toBe('category-en');
    expect(roleOf(r, 7)).toBe('section');
    expect(roleOf(r, 9)).toBe('entry-title');
    expect(roleOf(r, 97)).toBe('attribution');
    expect(roleOf(r, 139)).toBe('table-title');
    expect(roleOf(r, 141)).toBe('table-number');
    expect(roleOf(r, 150)).toBe('table-continuation');
    expect(roleOf(r, 152)).toBe('table-header-repeat');
    expect(roleOf(r, 183)).toBe('caption');
    expect(roleOf(r, 357)).toBe('footnote');
  });

  it('heals the paragraph broken inside "34" / "名" and the one split by table 6', () => {
    const gaikuang = entries(cat.sections[0]!)[0]!;
    const p = gaikuang.blocks[1]!;
    expect(p.type === 'paragraph' && p.text).toContain('34名先进个人');
    expect(r.report.heals.some((h) => h.kind === 'number-joined' && h.lines.includes(11) && h.lines.includes(13))).toBe(true);
    const jiguan = entries(cat.sections.find((s) => s.title === '机关事务服务')!)[0]!;
    const first = jiguan.blocks[0]!;
    expect(first.type === 'paragraph' && first.text).toContain('机构编制委员会文件(临编〔2020〕25号)');
  });

  it('puts table 6 after the paragraph that announces it, with the 续表 rows merged', () => {
    const office = cat.sections.find((s) => s.title === '区政府办公室工作')!;
    const shishi = entries(office).find((e) => e.title === '区政府为民实事')!;
    const table = shishi.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.number).toBe('6');
    expect(table.type === 'table' && table.bodyRows).toHaveLength(10);
    expect(table.type === 'table' && table.headerRows[0]!.cells.map((c) => c.text)).toEqual(['实项目', '完成情况', '责任单位']);
  });

  it('links the ▲ footnote to its call-out and keeps it out of the paragraphs', () => {
    const shenpi = entries(cat.sections.find((s) => s.title === '行政审批服务管理')!)[0]!;
    const note = shenpi.blocks.find((b) => b.type === 'footnote')!;
    const withRef = shenpi.blocks.find((b) => b.type === 'paragraph' && b.marks.some((m) => m.type === 'footnoteRef'));
    expect(withRef?.type === 'paragraph' && withRef.text).not.toContain('[▲]');
    expect(withRef?.type === 'paragraph' && withRef.marks[0]).toMatchObject({ type: 'footnoteRef', footnoteId: note.id });
  });

  it('gives photos their captions and credits and attributions their covered entries', () => {
    const xinfang = cat.sections.find((s) => s.title === '信访工作')!;
    const fig = entries(xinfang)[0]!.blocks.find((b) => b.type === 'figure')!;
    expect(fig).toMatchObject({ number: '78', credit: { kind: 'provided', names: ['区信访局'], raw: '区信访局提供' }, assetId: null });
    const att = xinfang.children.find((c) => c.type === 'attribution')!;
    expect(att.type === 'attribution' && att.covers).toEqual(entries(xinfang).map((e) => e.id));
  });
});

describe('inline attributions and displaced text (seeds 002, 003)', () => {
  it('splits "…平安区”。（於晓萍）" into the paragraph and an inline attribution', () => {
    const r = recogniseText(seedText('002'), '002.txt');
    const zongshu = r.categories[0]!.sections[0]!;
    const att = zongshu.children.find((c) => c.type === 'attribution')!;
    expect(att).toMatchObject({ kind: 'author', names: ['於晓萍'], placement: 'inline', raw: '（於晓萍）' });
    const last = entries(zongshu).at(-1)!.blocks.at(-1)!;
    expect(last.type === 'paragraph' && last.text.endsWith('“省级平安区”。')).toBe(true);
  });

  it('moves a fragment printed out of order to the paragraph it continues', () => {
    const r = recogniseText(seedText('003'), '003.txt');
    const s = r.categories[0]!.sections.find((x) => x.title === '行政审批服务与公共资源交易管理')!;
    const green = entries(s).find((e) => e.title === '校园建设项目审批绿色通道开通')!;
    const p = green.blocks[0]!;
    expect(p.type === 'paragraph' && p.text).toContain('地下社会公共停车库项目(简称“杭氧小学项目”)');
    expect(r.report.uncertain.some((u) => u.kind === 'displaced-fragment' && u.line === 99)).toBe(true);
  });
});

describe('re-running recognition with the editor\'s overrides', () => {
  const text = seedText('000');

  it('"this is not an attribution" keeps the line as body text', () => {
    const before = recogniseText(text, '000.txt');
    const after = recogniseText(text, '000.txt', { overrides: withOverride([], 97, 'body') });
    expect(roleOf(before, 97)).toBe('attribution');
    expect(roleOf(after, 97)).toBe('body');
    expect(after.report.lines.find((l) => l.no === 97)?.overridden).toBe(true);
    expect(after.report.counts.attributions).toBe(before.report.counts.attributions - 1);
  });

  it('"this is not a title" turns a section title into body text, and the override can be taken back', () => {
    let overrides = withOverride([], 99, 'body');
    const r = recogniseText(text, '000.txt', { overrides });
    expect(r.categories[0]!.sections.map((s) => s.title)).not.toContain('政务信息公开');
    overrides = withOverride(overrides, 99, null);
    expect(overrides).toEqual([]);
    expect(recogniseText(text, '000.txt', { overrides }).categories[0]!.sections.map((s) => s.title)).toContain('政务信息公开');
  });

  it('"this line is an attribution" makes one of a plain line', () => {
    const r = recogniseText('民政\n\n【概况】2020年，区民政局开展工作。\n\n区民政局办公室\n', 'x.txt', {
      overrides: [{ line: 5, role: 'attribution' }],
    });
    const s = r.categories[0]!.sections[0]!;
    expect(s.children.find((c) => c.type === 'attribution')).toMatchObject({ kind: 'author', names: ['区民政局办公室'] });
  });

  it('"this is a title" starts an entry at a plain line', () => {
    const r = recogniseText('民政\n\n【概况】2020年，区民政局开展工作。\n\n养老服务体系建设\n\n2020年，全区新建养老机构3家。\n', 'x.txt', {
      overrides: [{ line: 5, role: 'entry-title' }],
    });
    expect(entries(r.categories[0]!.sections[0]!).map((e) => e.title)).toEqual(['概况', '养老服务体系建设']);
  });
});

describe('placing imports into a book', () => {
  it('builds a valid book from every seed, reports first, the table in the appendix', () => {
    const ids = sequentialIds('t');
    const results = ['001', '000', '002', '003', '004'].map((p) => recogniseText(seedText(p), `${p}.txt`, { ids }));
    const book = parseBook(bookFromImports({ title: '测试年鉴', volumeYear: 2021, now: '2021-01-01T00:00:00.000Z' }, results, ids));
    expect(book.body[0]!.role).toBe('special');
    expect(book.body[0]!.sections).toHaveLength(4);
    expect(book.body.slice(1).map((c) => c.title)).toEqual(['杭州市临安区人民政府', '杭州市拱墅区人民政府', '下城区人民政府']);
    const appendix = book.back[0]!;
    expect(appendix.type === 'category' && appendix.role).toBe('appendix');
  });
});
