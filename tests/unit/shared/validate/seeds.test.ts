// The checker on the corpus seeds as the importer reads them: it must find the real problems a careful editor
// marks (issue 5) and nothing an editor would call a false alarm. docs/checker-findings.md lists the findings
// per seed with a judgement of each; the rule sets asserted here are the ones judged there.
import { describe, expect, it } from 'vitest';
import { bookFromImports, recogniseText } from '../../../../shared/import';
import { sequentialIds, type Book } from '../../../../shared/model';
import { applyFixes, check, fixesFor, type Finding } from '../../../../shared/validate';
import { seed } from './helpers';

function imported(prefix: string): Book {
  const r = recogniseText(seed(prefix), `${prefix}.txt`, { ids: sequentialIds(`s${prefix}`) });
  const h = r.report.hints;
  return bookFromImports({ title: h.bookTitle ?? '年鉴', volumeYear: h.volumeYear ?? 2022, ...(h.recordYear ? { recordYear: h.recordYear } : {}), now: '2026-01-01T00:00:00.000Z' }, [r], sequentialIds(`b${prefix}`));
}

const rulesOf = (list: Finding[]) => [...new Set(list.map((f) => f.ruleId))].sort();
const of = (list: Finding[], id: string) => list.filter((f) => f.ruleId === id);

describe('seed 000 (临安, records 2020)', () => {
  const book = imported('000');
  const found = check(book).findings;

  it('finds the entry not covered by an author line: 【区政府为民实事】 after (周晓凯)', () => {
    expect(of(found, 'ENT-ATTRIB').map((f) => [f.location.sectionTitle, f.location.entryTitle])).toEqual([['区政府办公室工作', '区政府为民实事']]);
  });

  it('finds the 10 titles over 15 characters, 7 of them over 18', () => {
    const titles = of(found, 'ENT-TITLE-LEN');
    expect(titles).toHaveLength(10);
    expect(titles.filter((f) => f.severity === 'error')).toHaveLength(7);
    expect(titles.map((f) => f.location.text)).toContain('临安区2020年度社会救助类政府购买服务项目启动');
  });

  it('finds the half-width punctuation, the extraction spaces, 2020-2022, 图84 without a date and the stray "and"', () => {
    expect(of(found, 'PUN-FULLWIDTH').length).toBeGreaterThan(600);
    expect(of(found, 'PUN-SPACE').some((f) => f.location.text === ' 771 ')).toBe(true);
    expect(of(found, 'PUN-SPACE').some((f) => f.messageKey === 'validate.PUN-SPACE.latin')).toBe(true);
    expect(of(found, 'PUN-DASH').map((f) => f.location.text)).toEqual(['2020-2022']);
    expect(of(found, 'FIG-CAPTION').map((f) => f.location.text)).toEqual(['区市民中心 24 小时自助服务大厅']);
  });

  it('fires only the rules judged in docs/checker-findings.md', () => {
    expect(rulesOf(found)).toEqual(['ENT-ATTRIB', 'ENT-ATTRIB-FORMAT', 'ENT-TITLE-LEN', 'FIG-CAPTION', 'PUN-DASH', 'PUN-FULLWIDTH', 'PUN-NEST', 'PUN-NO-DUNHAO', 'PUN-SPACE']);
    expect(rulesOf(check(book, { overrides: { preset: 'custom' } }).findings)).toEqual([
      'ENT-ATTRIB', 'ENT-ATTRIB-FORMAT', 'ENT-ATTRIB-REGISTRY', 'ENT-NO-EVAL', 'ENT-TITLE-LEN', 'FIG-CAPTION', 'PUN-DASH', 'PUN-FULLWIDTH', 'PUN-NEST', 'PUN-NO-DUNHAO', 'PUN-SPACE',
    ]);
  });

  it('does not take the back-reference opening of 【远程异地评标试点工作】 (2019年,…) for a wrong year', () => {
    expect(of(found, 'ENT-YEAR')).toEqual([]);
  });
});

describe('seed 001 (特载 reports)', () => {
  const found = check(imported('001')).findings;
  it('applies no entry rules to special reports, and finds their extraction spaces and the 二○三五 with a circle', () => {
    expect(found.filter((f) => f.family === 'ENT' || f.family === 'STR')).toEqual([]);
    expect(of(found, 'PUN-SPACE').length).toBeGreaterThan(300);
    expect(of(found, 'NUM-YEAR').map((f) => f.location.text)).toEqual(['二○三五']);
    expect(rulesOf(found)).toEqual(['NUM-YEAR', 'PUN-NEST', 'PUN-NO-DUNHAO', 'PUN-SPACE']);
  });
});

describe('seed 002 (拱墅, records 2021)', () => {
  const found = check(imported('002')).findings;
  it('finds the half-width punctuation throughout, the long titles and the two photo credits in the minority form', () => {
    expect(of(found, 'PUN-FULLWIDTH').length).toBeGreaterThan(400);
    expect(of(found, 'ENT-TITLE-LEN').map((f) => f.location.text)).toEqual(['承接浙江省政务服务2.0示范大厅建设试点', '首批区县公共数据平台对接省级平台试点']);
    expect(of(found, 'FIG-CAPTION').map((f) => f.location.text)).toEqual(['区数据局供稿', '区消防救援大队供稿']);
  });
  it('keeps quiet on 二〇三五年远景目标, 连续16年 and the quoted slogans', () => {
    expect(rulesOf(found)).toEqual(['ENT-ATTRIB-FORMAT', 'ENT-TITLE-LEN', 'FIG-CAPTION', 'PUN-FULLWIDTH']);
  });
});

describe('seed 003 (下城, records 2017)', () => {
  const found = check(imported('003')).findings;
  it('finds the ~470 half-width marks between Chinese characters and the 9 titles over 15 characters', () => {
    expect(of(found, 'PUN-FULLWIDTH').length).toBeGreaterThan(450);
    expect(of(found, 'ENT-TITLE-LEN')).toHaveLength(9);
    expect(rulesOf(found)).toEqual(['ENT-ATTRIB-FORMAT', 'ENT-TITLE-LEN', 'ENT-TITLE-PUNCT', 'PUN-FULLWIDTH', 'PUN-NO-DUNHAO']);
  });
  it('fixing all safe findings leaves only what needs an editor', () => {
    const book = imported('003');
    const after = applyFixes(book, fixesFor(check(book).findings)).book;
    expect(rulesOf(check(after).findings)).toEqual(['ENT-TITLE-LEN', 'ENT-TITLE-PUNCT']);
  });
});

describe('seed 004 (progress table)', () => {
  const found = check(imported('004')).findings;
  it('finds 1-12月, ug/m3 and 亩 (the conversion to 公顷 only as a fix the user confirms)', () => {
    expect(of(found, 'PUN-DASH').some((f) => f.location.text === '1-12')).toBe(true);
    expect(of(found, 'UNIT-SYMBOL').map((f) => f.location.text)).toEqual(['ug/m3']);
    const mu = of(found, 'UNIT-LEGAL');
    expect(mu.length).toBe(10);
    expect(mu.every((f) => f.location.text!.endsWith('亩') && f.fixes[0]!.requiresConfirmation)).toBe(true);
  });
  it('leaves “亩均论英雄” and 亩均效益 alone and applies no entry rules to the appendix table', () => {
    expect(of(found, 'UNIT-LEGAL').some((f) => f.location.context!.includes('亩均'))).toBe(false);
    expect(rulesOf(found)).toEqual(['PUN-DASH', 'PUN-FULLWIDTH', 'PUN-NEST', 'PUN-SPACE', 'UNIT-HOUSE', 'UNIT-LEGAL', 'UNIT-SYMBOL']);
  });
});
