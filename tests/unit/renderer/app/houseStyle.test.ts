// 体例设置 and 忽略 in the app, on the real seed-002 book (《拱墅年鉴（2022）》): the dialog's model (the per-rule
// table generated from the rule definitions, overrides stored only where they depart from the preset, parameter
// text, ignored findings with their place) and the controller's book changes — a house-style change and an ignored
// finding are each one book change with one undo, the problems list follows at once, and an ignored finding stays
// ignored when the book is read again.
import { afterEach, describe, expect, it } from 'vitest';
import { check, RULES, RULES_BY_ID, type Finding } from '../../../../shared/validate';
import type { ProblemsController } from '../../../../renderer/app/problems/controller';
import {
  applyDraft,
  draftChanged,
  draftOf,
  ignoredRows,
  paramText,
  parseParam,
  parseTitles,
  patchStyle,
  resetRule,
  ruleRows,
  setRule,
  withIgnored,
  withoutIgnored,
} from '../../../../renderer/app/problems/houseStyle';
import { filterFindings, DEFAULT_FILTER } from '../../../../renderer/app/problems/model';
import { readBook } from '../../../../renderer/storage/books';
import { seedBook } from '../fixtures/seedBook';
import { checked, disposeWorkbenches, startProblems } from '../fixtures/testHost';

const book = seedBook().book;
const titleLen = (b: typeof book) => check(b).findings.filter((f) => f.ruleId === 'ENT-TITLE-LEN');

describe('house-style model', () => {
  it('lists every rule from the definitions, with the effective setting under the preset', () => {
    const draft = draftOf(book);
    expect(draft.houseStyle.preset).toBe('recommended');
    const rows = ruleRows(draft);
    expect(rows.map((r) => r.rule.id)).toEqual(RULES.map((r) => r.id));
    const eval_ = rows.find((r) => r.rule.id === 'ENT-NO-EVAL')!;
    expect([eval_.resolved.enabled, eval_.resolved.severity, eval_.severities]).toEqual([true, 'info', ['warning', 'info']]);
    const national = ruleRows(patchStyle(draft, { preset: 'national' })).find((r) => r.rule.id === 'ENT-NO-EVAL')!;
    expect(national.resolved.enabled).toBe(false);
    // Parameters that follow a named setting (title lengths) are edited on the 体例 page, the rest per rule.
    expect(rows.find((r) => r.rule.id === 'ENT-TITLE-LEN')!.params.map((p) => p.name)).toEqual(['ignoreQuotes']);
  });

  it('stores only departures from the preset, and forgets them when they match again', () => {
    let d = draftOf(book);
    d = setRule(d, 'PUN-FULLWIDTH', { severity: 'warning' });
    expect(d.houseStyle.rules['PUN-FULLWIDTH']).toEqual({ severity: 'warning' });
    expect(ruleRows(d).find((r) => r.rule.id === 'PUN-FULLWIDTH')!.overridden).toBe(true);
    d = setRule(d, 'PUN-FULLWIDTH', { severity: 'error' });
    expect(d.houseStyle.rules['PUN-FULLWIDTH']).toBeUndefined();
    d = setRule(d, 'ENT-NO-EVAL', { enabled: false });
    d = setRule(d, 'ENT-NO-EVAL', { params: { words: ['圆满', '隆重'] } });
    expect(d.houseStyle.rules['ENT-NO-EVAL']).toEqual({ enabled: false, params: { words: ['圆满', '隆重'] } });
    expect(resetRule(d, 'ENT-NO-EVAL').houseStyle.rules['ENT-NO-EVAL']).toBeUndefined();
    expect(draftChanged(book, draftOf(book))).toBe(false);
    expect(draftChanged(book, d)).toBe(true);
  });

  it('reads parameters from their text fields and refuses what the rule would refuse', () => {
    const words = RULES_BY_ID.get('ENT-NO-EVAL')!.params!.find((p) => p.name === 'words')!;
    expect(parseParam(words, '圆满\n隆重、高度评价')).toEqual({ value: ['圆满', '隆重', '高度评价'] });
    expect(paramText(words, ['圆满', '隆重'])).toBe('圆满\n隆重');
    const max = RULES_BY_ID.get('ENT-LENGTH')!.params!.find((p) => p.name === 'max')!;
    expect(parseParam(max, '2500')).toEqual({ value: 2500 });
    expect(parseParam(max, '二千')).toEqual({ error: '应为 50–100000 之间的整数' });
    const abbr = RULES_BY_ID.get('EXP-FULLNAME')!.params!.find((p) => p.name === 'abbreviations')!;
    expect(parseParam(abbr, '杭州市拱墅区人民政府=区政府')).toEqual({ value: [{ full: '杭州市拱墅区人民政府', short: '区政府' }] });
    expect(parseTitles('概况、综述 概况')).toEqual(['概况', '综述']);
    expect(parseTitles(' 、 ')).toBeNull();
  });

  it('changes the findings: a shorter maximum title length gives more long titles', () => {
    const before = titleLen(book).length;
    const after = titleLen(applyDraft(book, patchStyle(draftOf(book), { titleWarnLength: 10, titleErrorLength: 12 }))).length;
    expect(after).toBeGreaterThan(before);
  });

  it('keeps an ignored finding with its rule, node and text, says where it is, and restores it', () => {
    const f = titleLen(book)[0]!;
    const ignored = withIgnored(book, f, '主编', '2026-01-02T03:04:05.000Z');
    expect(ignored.houseStyle.ignored).toEqual([{ ruleId: 'ENT-TITLE-LEN', nodeId: f.location.nodeId, text: f.location.text, by: '主编', at: '2026-01-02T03:04:05.000Z' }]);
    expect(withIgnored(ignored, f)).toBe(ignored); // once only
    expect(titleLen(ignored).map((x) => x.id)).not.toContain(f.id);
    const [row] = ignoredRows(ignored);
    expect(row).toMatchObject({ index: 0, gone: false, sectionId: f.location.sectionId, where: `${f.location.sectionTitle} › 【${f.location.entryTitle}】` });
    const restored = applyDraft(ignored, withoutIgnored(draftOf(ignored), [0]));
    expect(restored.houseStyle.ignored).toBeUndefined();
    expect(titleLen(restored).map((x) => x.id)).toContain(f.id);
  });
});

describe('the panel filter by category', () => {
  it('keeps the findings of the open section\'s category', () => {
    const findings = check(book).findings;
    const cat = book.body.find((c) => c.sections.length > 1)!;
    const list = filterFindings(findings, { ...DEFAULT_FILTER, scope: 'category' }, cat.sections[0]!.id, cat.id);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.location.categoryId === cat.id)).toBe(true);
    expect(list.length).toBeGreaterThan(filterFindings(findings, { ...DEFAULT_FILTER, scope: 'section' }, cat.sections[0]!.id).length);
    expect(filterFindings(findings, { ...DEFAULT_FILTER, scope: 'category' }, null, null)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

afterEach(disposeWorkbenches);

const titleFindings = (p: ProblemsController): Finding[] => p.state.findings.filter((f) => f.ruleId === 'ENT-TITLE-LEN');

describe('house style and ignore in the app', () => {
  it('saves a house-style change as one book change: the panel checks again, one undo takes it back', async () => {
    const { wb, problems } = await startProblems();
    await checked(problems, 0);
    const before = titleFindings(problems).length;
    problems.openHouseStyle('rules');
    expect(problems.state.dialog).toEqual({ kind: 'houseStyle', tab: 'rules' });
    const draft = patchStyle(setRule(draftOf(wb.state.book!.shell), 'PUN-FULLWIDTH', { enabled: false }), { titleWarnLength: 10, titleErrorLength: 12 });
    let n = problems.state.checks;
    expect(await problems.saveHouseStyle(draft)).toBe(true);
    expect(problems.state.dialog).toBeNull();
    await checked(problems, n);
    expect(titleFindings(problems).length).toBeGreaterThan(before);
    expect(problems.state.findings.some((f) => f.ruleId === 'PUN-FULLWIDTH')).toBe(false);
    const stored = (await readBook(wb.db, wb.state.book!.id)).book;
    expect(stored.houseStyle).toMatchObject({ titleWarnLength: 10, titleErrorLength: 12, rules: { 'PUN-FULLWIDTH': { enabled: false } } });
    expect(wb.state.bookUndo?.label.key).toBe('problems.undo.houseStyle');

    n = problems.state.checks;
    expect(await wb.undoBookChange()).toBe(true);
    await checked(problems, n);
    expect(titleFindings(problems).length).toBe(before);
    expect((await readBook(wb.db, wb.state.book!.id)).book.houseStyle.titleWarnLength).toBe(15);

    // Saving an unchanged draft stores nothing.
    expect(await problems.saveHouseStyle(draftOf(wb.state.book!.shell))).toBe(false);
    expect(wb.state.bookUndo).toBeNull();
  });

  it('ignores one finding: gone from the list at once, still ignored after the book is read again, one undo restores it', async () => {
    const { wb, problems, indexedDB } = await startProblems();
    await checked(problems, 0);
    const f = titleFindings(problems)[0]!;
    const count = problems.state.findings.length;
    const n = problems.state.checks;
    expect(await problems.ignore(f)).toBe(true);
    expect(problems.state.findings.some((x) => x.id === f.id)).toBe(false);
    expect(problems.state.findings.length).toBe(count - 1);
    await checked(problems, n);
    expect(problems.state.findings.some((x) => x.id === f.id)).toBe(false);
    expect(wb.state.book!.shell.houseStyle.ignored).toEqual([expect.objectContaining({ ruleId: 'ENT-TITLE-LEN', nodeId: f.location.nodeId, text: f.location.text })]);

    // Another session on the same storage: the finding stays ignored.
    problems.dispose();
    wb.dispose();
    const again = await startProblems({ indexedDB });
    await checked(again.problems, 0);
    expect(again.problems.state.findings.some((x) => x.id === f.id)).toBe(false);
    expect(again.problems.state.findings.length).toBe(count - 1);

    // The undo survives the restart too, and brings the finding back.
    const m = again.problems.state.checks;
    expect(await again.wb.undoBookChange()).toBe(true);
    await checked(again.problems, m);
    expect(again.problems.state.findings.some((x) => x.id === f.id)).toBe(true);
  });
});
