// The engine: scope, incremental re-checks, configuration (presets, house style, overrides, ignored findings),
// finding records, fixes and the summary.
import { describe, expect, it } from 'vitest';
import { bookCounts, type Book, type Entry, type Paragraph, type Section } from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';
import {
  applyFixes,
  check,
  Checker,
  fixesFor,
  ignoredOf,
  plain,
  resolveConfig,
  RULES,
  summarize,
  tally,
  byNode,
  type Finding,
} from '../../../../shared/validate';
import { makeBook, seedLine } from './helpers';

/** Two sections of 002-like text: half-width punctuation, one uncovered entry, one long title. */
function draft(): Book {
  return makeBook({
    volumeYear: 2022,
    categories: [
      {
        title: '杭州市拱墅区人民政府',
        sections: [
          {
            title: '综述',
            children: [
              { entry: '概况', text: [seedLine('002', '【概况】 2021年,区政府坚持').replace('【概况】 ', '')] },
              { entry: '区域融合加快', text: ['2021年,拱墅以“促融合、谋发展、护平安”为主线,做细、做深、做好各方面融合工作。'] },
              { attrib: '（於晓萍）' },
            ],
          },
          {
            title: '行政审批服务·公共资源交易',
            children: [
              { entry: '概况', text: ['2021年，区审管办深化“最多跑一次”改革。'] },
              { attrib: '(方琳)' },
              { entry: '承接浙江省政务服务2.0示范大厅建设试点', text: ['2021年,拱墅区承接浙江省政务服务2.0示范大厅建设试点。'] },
            ],
          },
        ],
      },
    ],
  });
}

const ids = (list: Finding[]) => list.map((f) => f.id);
const json = (list: Finding[]) => JSON.parse(JSON.stringify(list)) as unknown;

function editFirstParagraph(book: Book, sectionIndex: number, text: string): Book {
  const cat = book.body[0]!;
  const sections = cat.sections.map((s, i): Section => {
    if (i !== sectionIndex) return s;
    let done = false;
    return {
      ...s,
      children: s.children.map((c) => {
        if (done || c.type !== 'entry') return c;
        done = true;
        return { ...c, blocks: c.blocks.map((b, k) => (k === 0 && b.type === 'paragraph' ? { ...b, text } : b)) };
      }),
    };
  });
  return { ...book, body: [{ ...cat, sections }] };
}

describe('check: scope', () => {
  it('checks the whole book, one category or one section', () => {
    const book = draft();
    const all = check(book).findings;
    const s1 = book.body[0]!.sections[1]!;
    const inSection = check(book, { scope: { kind: 'section', id: s1.id } }).findings;
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.every((f) => f.location.sectionId === s1.id)).toBe(true);
    expect(ids(inSection)).toEqual(ids(all.filter((f) => f.location.sectionId === s1.id)));
    // Whole-book findings (ENT-ATTRIB-REGISTRY: no registry yet) belong to the book scope only.
    expect(ids(check(book, { scope: { kind: 'category', id: book.body[0]!.id } }).findings)).toEqual(ids(all.filter((f) => f.location.nodeKind !== 'book')));
  });

  it('reports findings in reading order with exact locations and titles', () => {
    const book = draft();
    const f = check(book).findings.find((x) => x.ruleId === 'ENT-ATTRIB')!;
    expect(f.location).toMatchObject({ categoryTitle: '杭州市拱墅区人民政府', sectionTitle: '行政审批服务·公共资源交易', entryTitle: '承接浙江省政务服务2.0示范大厅建设试点', nodeKind: 'entry', field: 'title' });
    const comma = check(book).findings.find((x) => x.ruleId === 'PUN-FULLWIDTH')!;
    const para = ((book.body[0]!.sections[0]!.children[0] as Entry).blocks[0] as Paragraph).text;
    expect(para.slice(comma.location.start, comma.location.end)).toBe(comma.location.text);
    expect(comma.location.text).toBe(',');
    const sections = check(book).findings.map((x) => x.location.sectionTitle);
    expect(sections.indexOf('行政审批服务·公共资源交易')).toBeGreaterThan(sections.lastIndexOf('综述'));
  });
});

describe('Checker: incremental re-check', () => {
  it('re-runs only the edited section (and its category title) and gives the same findings as a fresh check', () => {
    const checker = new Checker();
    const book = draft();
    const first = checker.check(book);
    expect(first.stats.unitsChecked).toBe(3); // the category title and two sections
    const again = checker.check(book);
    expect(again.stats).toEqual({ unitsChecked: 0, unitsReused: 3 });
    const edited = editFirstParagraph(book, 1, '2021年,区审管办深化“最多跑一次”改革。');
    const r = checker.check(edited);
    expect(r.stats).toEqual({ unitsChecked: 2, unitsReused: 1 });
    expect(json(r.findings)).toEqual(json(check(edited).findings));
    expect(r.findings.length).toBe(first.findings.length + 1);
  });

  it('keeps book-level results when an edit does not touch what they depend on, and updates them when it does', () => {
    const checker = new Checker();
    const book = makeBook({
      categories: [
        {
          title: '区人民政府',
          sections: [
            { title: '应急管理', children: [{ entry: '消防宣传', text: ['2021年，……'] }, { attrib: '（汪 剑 朱丽娜）' }] },
            { title: '消防', children: [{ entry: '消防宣传', text: ['2021年，……'] }, { attrib: '（李然 杨江 钱池静）' }] },
          ],
        },
      ],
    });
    expect(checker.check(book).findings.filter((f) => f.ruleId === 'STR-DUP-TITLE')).toHaveLength(1);
    const textEdit = editFirstParagraph(book, 1, '2021年，区消防救援大队开展消防宣传。');
    expect(checker.check(textEdit).findings.filter((f) => f.ruleId === 'STR-DUP-TITLE')).toHaveLength(1);
    const cat = textEdit.body[0]!;
    const renamed: Book = {
      ...textEdit,
      body: [{ ...cat, sections: cat.sections.map((s, i) => (i === 1 ? { ...s, children: s.children.map((c) => (c.type === 'entry' ? { ...c, title: '消防安全宣传' } : c)) } : s)) }],
    };
    expect(checker.check(renamed).findings.filter((f) => f.ruleId === 'STR-DUP-TITLE')).toEqual([]);
  });

  it('starts afresh when the house style changes', () => {
    const checker = new Checker();
    const book = draft();
    checker.check(book);
    const r = checker.check({ ...book, houseStyle: { ...book.houseStyle, titleWarnLength: 10 } });
    expect(r.stats.unitsChecked).toBe(3);
  });
});

describe('configuration', () => {
  it('national minimum: no heuristics; recommended (the default of a new book): heuristics as hints; strict: all rules, heuristics as warnings', () => {
    const book = draft();
    expect(book.houseStyle.preset).toBe('recommended');
    const national = resolveConfig(book, { preset: 'national' });
    const recommended = resolveConfig(book);
    const strict = resolveConfig(book, { preset: 'strict' });
    for (const r of RULES) {
      if (r.kind === 'P') {
        expect(national.rules[r.id]!.enabled, r.id).toBe(false);
        expect(recommended.rules[r.id]!.enabled, r.id).toBe(true);
        expect(recommended.rules[r.id]!.severity, r.id).toBe(r.id === 'EXP-HMT' ? 'warning' : 'info'); // 港澳台 as 国家 is never only a hint
        expect(strict.rules[r.id]!.severity === 'error', r.id).toBe(false);
      }
      expect(strict.rules[r.id]!.enabled, r.id).toBe(true);
    }
  });

  it('takes per-rule settings from house style and overrides, and refuses heuristic errors', () => {
    const book = draft();
    book.houseStyle.rules['PUN-FULLWIDTH'] = { enabled: false };
    book.houseStyle.rules['ENT-NO-EVAL'] = { enabled: true, severity: 'error' };
    expect(check(book).findings.some((f) => f.ruleId === 'PUN-FULLWIDTH')).toBe(false);
    expect(check(book, { overrides: { rules: { 'PUN-FULLWIDTH': { enabled: true, severity: 'warning' } } } }).findings.find((f) => f.ruleId === 'PUN-FULLWIDTH')!.severity).toBe('warning');
    expect(resolveConfig(book).rules['ENT-NO-EVAL']!.severity).toBe('warning');
  });

  it('reports unknown rules and invalid parameters and keeps the defaults', () => {
    const book = draft();
    const c = resolveConfig(book, { rules: { 'NO-SUCH': { enabled: true }, 'ENT-TITLE-LEN': { params: { warn: 'x', other: 1 } } } });
    expect(c.problems).toEqual(['未知的规则编号“NO-SUCH”', '规则 ENT-TITLE-LEN 的参数“warn”无效：应为 1–100 之间的整数', '规则 ENT-TITLE-LEN 没有参数“other”']);
    expect(c.rules['ENT-TITLE-LEN']!.params).toMatchObject({ warn: 15, error: 18 });
  });

  it('drops findings the editors chose to keep (houseStyle.ignored)', () => {
    const book = draft();
    const f = check(book).findings.find((x) => x.ruleId === 'ENT-TITLE-LEN')!;
    book.houseStyle.ignored = [{ ruleId: 'ENT-TITLE-LEN', nodeId: f.location.nodeId, text: f.location.text, by: '主编' }];
    expect(check(book).findings.some((x) => x.ruleId === 'ENT-TITLE-LEN')).toBe(false);
  });

  it('keeps one of several equal findings in a paragraph ignored, the others reported, also after an edit elsewhere', () => {
    const book = draft();
    const commas = check(book).findings.filter((x) => x.ruleId === 'PUN-FULLWIDTH' && x.location.text === ',');
    const para = commas[0]!.location.nodeId;
    const inPara = commas.filter((x) => x.location.nodeId === para);
    expect(inPara.length).toBeGreaterThan(2);
    const kept = inPara[1]!;
    const record = ignoredOf(kept, '主编', '2026-01-02T00:00:00.000Z');
    expect(record).toMatchObject({ ruleId: 'PUN-FULLWIDTH', nodeId: para, text: ',', field: 'text', by: '主编' });
    expect(record.before!.length).toBe(6);
    book.houseStyle.ignored = [record];
    const after = check(book).findings.filter((x) => x.ruleId === 'PUN-FULLWIDTH' && x.location.text === ',' && x.location.nodeId === para);
    expect(after.map((x) => x.id)).toEqual(inPara.filter((x) => x !== kept).map((x) => x.id));
    // Text typed at the end of the paragraph does not bring it back.
    const first = ((book.body[0]!.sections[0]!.children[0] as Entry).blocks[0] as Paragraph).text;
    const edited = editFirstParagraph(book, 0, `${first}全区新增就业1.2万人。`);
    expect(check(edited).findings.filter((x) => x.location.nodeId === para)).not.toEqual([]);
    expect(check(edited).findings.filter((x) => x.ruleId === 'PUN-FULLWIDTH' && x.location.nodeId === para && x.location.start === kept.location.start)).toEqual([]);
  });
});

describe('finding records', () => {
  it('serialise to plain JSON with message, location titles, quoted text and fix previews', () => {
    const f = check(draft()).findings.find((x) => x.ruleId === 'PUN-FULLWIDTH')!;
    const p = plain(f);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(p).toMatchObject({
      ruleId: 'PUN-FULLWIDTH',
      family: 'PUN',
      severity: 'error',
      kind: 'Y',
      message: '中文文本应使用全角标点：“,”应为“，”',
      messageKey: 'validate.PUN-FULLWIDTH.mark',
      location: { categoryTitle: '杭州市拱墅区人民政府', sectionTitle: '综述', entryTitle: '概况', text: ',', field: 'text' },
      fixes: [{ label: '改为“，”', requiresConfirmation: false, preview: { before: '2021年,区政府坚持以习近平新时代…', after: '2021年，区政府坚持以习近平新时代…' } }],
    });
    expect(JSON.parse(JSON.stringify(f))).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('have unique ids that stay the same between checks', () => {
    const a = ids(check(draft()).findings);
    expect(new Set(a).size).toBe(a.length);
    expect(ids(check(draft()).findings)).toEqual(a);
  });
});

describe('applyFixes', () => {
  it('applies one fix, all fixes of a rule in a section, or the whole book, sharing untouched parts', () => {
    const book = draft();
    const list = check(book).findings;
    const commas = list.filter((f) => f.ruleId === 'PUN-FULLWIDTH');
    const one = applyFixes(book, [commas[0]!.fixes[0]!]);
    expect(one.applied).toHaveLength(1);
    expect(one.book.body[0]!.sections[1]).toBe(book.body[0]!.sections[1]); // structural sharing
    expect(check(one.book).findings.filter((f) => f.ruleId === 'PUN-FULLWIDTH')).toHaveLength(commas.length - 1);

    const s0 = book.body[0]!.sections[0]!.id;
    const section = applyFixes(book, fixesFor(list, { ruleId: 'PUN-FULLWIDTH', sectionId: s0 }));
    expect(section.refused).toEqual([]);
    expect(check(section.book).findings.filter((f) => f.ruleId === 'PUN-FULLWIDTH' && f.location.sectionId === s0)).toEqual([]);
    expect(check(section.book).findings.some((f) => f.ruleId === 'PUN-FULLWIDTH')).toBe(true);

    const all = applyFixes(book, fixesFor(list));
    const left = check(all.book).findings;
    expect(left.filter((f) => f.fixes[0] && !f.fixes[0].requiresConfirmation)).toEqual([]);
    expect(book.body[0]!.sections[0]!.title).toBe('综述'); // the original book is untouched
    expect(((book.body[0]!.sections[0]!.children[0] as Entry).blocks[0] as Paragraph).text).toContain('2021年,区政府');
  });

  it('refuses stale and conflicting fixes and applies each fix whole or not at all', () => {
    const book = draft();
    const [a, b] = check(book).findings.filter((f) => f.ruleId === 'PUN-FULLWIDTH');
    const edited = editFirstParagraph(book, 0, '2021年，区政府坚持以习近平新时代中国特色社会主义思想为指导。');
    const stale = applyFixes(edited, [a!.fixes[0]!]);
    expect(stale.refused.map((r) => r.reason)).toEqual(['stale']);
    expect(stale.book).toBe(edited);
    const twice = applyFixes(book, [a!.fixes[0]!, a!.fixes[0]!, b!.fixes[0]!]);
    expect(twice.refused.map((r) => r.reason)).toEqual(['conflict']);
    expect(twice.applied).toHaveLength(2);
    const gone = applyFixes(book, [{ ...a!.fixes[0]!, edits: [{ ...a!.fixes[0]!.edits[0]!, nodeId: 'p_nowhere' }] }]);
    expect(gone.refused.map((r) => r.reason)).toEqual(['missing']);
  });

  it('moves stand-off marks (bold, index terms, comments) along with the text', () => {
    const book = makeBook({ categories: [{ title: '区人民政府', sections: [{ title: '外事', children: [{ entry: '概况', text: ['2020 年,区外办协助开展工作'] }, { attrib: '（张泓阳）' }] }] }] });
    const p = (book.body[0]!.sections[0]!.children[0] as Entry).blocks[0] as Paragraph;
    p.marks = [
      { type: 'bold', start: 7, end: 10 }, // 区外办
      { type: 'indexTerm', start: 10, end: 14 }, // 协助开展
      { type: 'comment', start: 14, end: 16, commentId: 'k_1' }, // 工作
    ];
    const fixes = fixesFor(check(book).findings);
    const after = applyFixes(book, fixes).book;
    const q = (after.body[0]!.sections[0]!.children[0] as Entry).blocks[0] as Paragraph;
    expect(q.text).toBe('2020年，区外办协助开展工作');
    expect(q.marks.map((m) => q.text.slice(m.start, m.end))).toEqual(['区外办', '协助开展', '工作']);
  });

  it('leaves fixes that need confirmation out of "fix all" unless asked for', () => {
    const book = makeBook({ categories: [{ title: '附录', role: 'appendix', sections: [{ title: '进展情况', children: [{ p: seedLine('004', '批而未供575亩') }] }] }] });
    const list = check(book).findings.filter((f) => f.ruleId === 'UNIT-LEGAL');
    expect(fixesFor(list)).toEqual([]);
    expect(fixesFor(list, { includeConfirmation: true })).toHaveLength(4);
  });
});

describe('outline badges and editor underlines', () => {
  it('counts findings per section and groups them per node', () => {
    const book = draft();
    const list = check(book).findings;
    const perSection = tally(list, 'section');
    const [s0, s1] = book.body[0]!.sections;
    const c0 = perSection.get(s0!.id)!;
    expect(c0.error + c0.warning + c0.info).toBe(list.filter((f) => f.location.sectionId === s0!.id).length);
    expect(perSection.get(s1!.id)!.error).toBeGreaterThan(0);
    expect(tally(list, 'category').get(book.body[0]!.id)!.error).toBe(list.filter((f) => f.severity === 'error').length);
    const para = ((s0!.children[0] as Entry).blocks[0] as Paragraph).id;
    expect(byNode(list).get(para)!.every((f) => f.location.nodeId === para && f.location.field === 'text')).toBe(true);
  });
});

describe('summary for the 编辑说明', () => {
  it('counts the book (shared/model/stats) and gives findings per 10,000 characters', () => {
    const book = loadSampleBook();
    const result = check(book);
    const s = summarize(book, result.findings);
    expect(s.counts).toEqual(bookCounts(book));
    expect(s.findings.total).toBe(result.findings.length);
    expect(s.findings.error + s.findings.warning + s.findings.info).toBe(s.findings.total);
    expect(s.per10k.errors).toBeCloseTo((s.findings.error / s.counts.characters) * 10000, 1);
    expect(s.acceptable).toBe(false);
    const fixedBook = applyFixes(book, fixesFor(result.findings)).book;
    const after = summarize(fixedBook, check(fixedBook).findings);
    expect(after.findings.error).toBeLessThan(s.findings.error / 10);
  });
});
