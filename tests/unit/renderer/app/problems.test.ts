// The checker in the app, on the real seed-002 book (《拱墅年鉴（2022）》): the panel's grouping and filtering
// model, the outline counts, and the controller's wiring — the model is patched after an autosave and only
// the edited section is checked again, a fix goes through changeBook with one undo, and the counts follow.
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry, Paragraph, Section } from '../../../../shared/model';
import { bookCounts } from '../../../../shared/model/stats';
import { check, summarize, type Finding } from '../../../../shared/validate';
import { type ProblemsController, shareUnchanged } from '../../../../renderer/app/problems/controller';
import { editorProblems, filterFindings, fixPlan, groupFindings, ruleOptions, severityCounts, stepFinding, summaryText, DEFAULT_FILTER } from '../../../../renderer/app/problems/model';
import { readBook } from '../../../../renderer/storage/books';
import { seedBook } from '../fixtures/seedBook';
import { entryBook } from '../../shared/validate/helpers';
import { checked, disposeWorkbenches, startProblems } from '../fixtures/testHost';

const book = seedBook().book;
const findings = check(book).findings;

describe('problems model', () => {
  it('groups by section in book order and by rule inside, with counts that add up', () => {
    const groups = groupFindings(findings);
    const sectionTitles = book.body.flatMap((c) => c.sections.map((s) => s.title));
    const groupTitles = groups.filter((g) => g.kind === 'section').map((g) => g.title);
    // Book order: each section appears once, in the order of the book.
    expect(groupTitles).toEqual(sectionTitles.filter((t) => groupTitles.includes(t)));
    expect(groupTitles).toContain('综述');
    let total = 0;
    for (const g of groups) {
      const n = g.rules.reduce((a, r) => a + r.findings.length, 0);
      expect(g.counts.error + g.counts.warning + g.counts.info).toBe(n);
      total += n;
      for (const r of g.rules) expect(r.findings.every((f) => f.ruleId === r.ruleId)).toBe(true);
    }
    expect(total).toBe(findings.length);
    const overview = groups.find((g) => g.title === '综述')!;
    const fullwidth = overview.rules.find((r) => r.ruleId === 'PUN-FULLWIDTH')!;
    expect(fullwidth.findings.length).toBe(findings.filter((f) => f.ruleId === 'PUN-FULLWIDTH' && f.location.sectionTitle === '综述').length);
    expect(fullwidth.autoFixable).toBe(fullwidth.findings.length);
  });

  it('filters by severity, rule, the open section and text', () => {
    const overviewId = book.body[0]!.sections[0]!.id;
    expect(filterFindings(findings, { ...DEFAULT_FILTER, severity: 'warning' }, null).every((f) => f.severity === 'warning')).toBe(true);
    const rule = filterFindings(findings, { ...DEFAULT_FILTER, ruleId: 'PUN-FULLWIDTH' }, null);
    expect(rule.length).toBe(ruleOptions(findings).find((o) => o.ruleId === 'PUN-FULLWIDTH')!.count);
    const inSection = filterFindings(findings, { ...DEFAULT_FILTER, scope: 'section' }, overviewId);
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.every((f) => f.location.sectionId === overviewId)).toBe(true);
    expect(filterFindings(findings, { ...DEFAULT_FILTER, scope: 'section' }, null)).toEqual([]);
    const q = filterFindings(findings, { ...DEFAULT_FILTER, query: '消防' }, null);
    expect(q.length).toBeGreaterThan(0);
    expect(q.every((f) => `${f.message}${f.location.sectionTitle}${f.location.entryTitle}${f.location.text}`.includes('消防'))).toBe(true);
    const c = severityCounts(findings);
    expect(c.error + c.warning + c.info).toBe(findings.length);
  });

  it('plans a fix-all per rule and section, keeping fixes that need confirmation apart', () => {
    const overviewId = book.body[0]!.sections[0]!.id;
    const plan = fixPlan(findings, 'PUN-FULLWIDTH', overviewId);
    expect(plan.auto.length).toBeGreaterThan(10);
    expect(plan.auto.every((f) => f.location.sectionId === overviewId && !f.fixes[0]!.requiresConfirmation)).toBe(true);
    expect(fixPlan(findings, 'PUN-FULLWIDTH', null).auto.length).toBe(findings.filter((f) => f.ruleId === 'PUN-FULLWIDTH' && f.fixes[0]).length);
    // 亩 → 公顷 changes a number: only with confirmation.
    const mu: Finding = { ...findings[0]!, ruleId: 'UNIT-LEGAL', fixes: [{ ...findings[0]!.fixes[0]!, requiresConfirmation: true }] };
    const p2 = fixPlan([mu], 'UNIT-LEGAL', null);
    expect(p2.auto).toEqual([]);
    expect(p2.confirm).toEqual([mu]);
  });

  it('steps to the next and previous problem and continues from a fixed one', () => {
    const list = findings.filter((f) => f.location.sectionId);
    expect(stepFinding(list, null, 1)).toBe(list[0]);
    expect(stepFinding(list, list[0]!.id, 1)).toBe(list[1]);
    expect(stepFinding(list, list[0]!.id, -1)).toBe(list[list.length - 1]);
    // list[3] was fixed: the finding now at its place comes next.
    const after = list.filter((_, i) => i !== 3);
    expect(stepFinding(after, list[3]!.id, 1, 3)).toBe(list[4]);
    expect(stepFinding(after, list[3]!.id, -1, 3)).toBe(list[2]);
    expect(stepFinding([], null, 1)).toBeNull();
  });

  it('gives the editor the text ranges of its section only', () => {
    const overviewId = book.body[0]!.sections[0]!.id;
    const list = editorProblems(findings, overviewId);
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) {
      const f = findings.find((x) => x.id === p.id)!;
      expect(f.location.sectionId).toBe(overviewId);
      expect(p.end).toBeGreaterThan(p.start);
      expect(p.message).toBe(f.message);
    }
  });

  it('gives the editor a heuristic finding’s reason in the interface’s language', () => {
    const small = entryBook(['2020年，……该项目2022年建成。']);
    const sectionId = small.body[0]!.sections[0]!.id;
    const heuristic = check(small, { overrides: { preset: 'recommended' } }).findings;
    const [zh] = editorProblems(heuristic, sectionId, 'zh').filter((p) => heuristic.find((f) => f.id === p.id)?.ruleId === 'ENT-YEAR');
    expect([zh!.message, zh!.reason]).toEqual(['正文提到2022年，晚于记述年度2020年', '本书记述2020年，正文中的2022年可能是计划、预测或排版错误；确是回溯或续记可忽略。']);
    const [en] = editorProblems(heuristic, sectionId, 'en').filter((p) => p.id === zh!.id);
    expect(en!.reason).toBe('The book records 2020; 2022 may be a plan, a forecast or a typo.');
    // A deterministic rule says no reason.
    expect(editorProblems(findings, book.body[0]!.sections[0]!.id, 'en').every((p) => p.reason === undefined)).toBe(true);
  });

  it('writes the 编辑说明 paragraph with the counts of the book', () => {
    const s = summarize(book, findings);
    const c = bookCounts(book);
    const text = summaryText(s);
    expect(text).toContain(`分目${c.sections}个`);
    expect(text).toContain(`条目${c.entries}条`);
    expect(text).toContain(`不含空白${c.characters}字`);
    expect(text).toContain(`错误${s.findings.error}处`);
  });

  it('keeps unchanged parts when the book is read again', () => {
    const again = structuredClone(book);
    (again.body[0]!.sections[1]!.children[0] as Entry).title += '（改）';
    const shared = shareUnchanged(book, again);
    expect(shared.body[0]!.sections[0]).toBe(book.body[0]!.sections[0]);
    expect(shared.body[0]!.sections[1]).not.toBe(book.body[0]!.sections[1]);
    expect(shared.body[0]!.sections[1]).toEqual(again.body[0]!.sections[1]);
  });
});

afterEach(disposeWorkbenches);

function countOf(p: ProblemsController, sectionId: string, ruleId: string): number {
  return p.state.findings.filter((f) => f.location.sectionId === sectionId && f.ruleId === ruleId).length;
}

describe('problems controller', () => {
  it('checks the stored book, then after a save only the edited section', async () => {
    const { wb, problems } = await startProblems();
    await checked(problems, 0);
    const stored = (await readBook(wb.db, wb.state.book!.id)).book;
    expect(problems.state.findings.map((f) => f.id)).toEqual(check(stored).findings.map((f) => f.id));
    const open = wb.state.open as { kind: 'section'; section: Section };
    const sectionId = open.section.id;
    expect(problems.state.bySection.get(sectionId)?.error).toBe(problems.state.findings.filter((f) => f.location.sectionId === sectionId && f.severity === 'error').length);

    // Type a sentence with a half-width comma; after the autosave the model has it and one more finding.
    const before = countOf(problems, sectionId, 'PUN-FULLWIDTH');
    const n = problems.state.checks;
    const edited = structuredClone(open.section);
    const p = (edited.children[0] as Entry).blocks.find((b): b is Paragraph => b.type === 'paragraph')!;
    p.text += '全区新增省级未来社区试点5个,创历史新高。';
    wb.editSection(edited);
    expect(problems.state.checks).toBe(n); // not on the typing path
    await wb.flush();
    await checked(problems, n);
    expect(countOf(problems, sectionId, 'PUN-FULLWIDTH')).toBe(before + 1);
    // Incremental: the edited section and its category title, not the whole book.
    expect(problems.state.lastStats!.unitsChecked).toBeLessThanOrEqual(2);
    expect(problems.state.lastStats!.unitsReused).toBeGreaterThan(5);
  });

  it('fixes one, fixes all of a rule in a section with one undo, and the counts follow', async () => {
    const { wb, problems } = await startProblems();
    await checked(problems, 0);
    const sectionId = wb.state.open!.id;
    const total = countOf(problems, sectionId, 'PUN-FULLWIDTH');
    expect(total).toBeGreaterThan(10);
    const badge = () => problems.state.bySection.get(sectionId)!.error;
    const badgeBefore = badge();

    // One occurrence.
    const first = problems.state.findings.find((f) => f.location.sectionId === sectionId && f.ruleId === 'PUN-FULLWIDTH')!;
    let n = problems.state.checks;
    await problems.fixOne(first);
    await checked(problems, n);
    expect(countOf(problems, sectionId, 'PUN-FULLWIDTH')).toBe(total - 1);
    expect(badge()).toBe(badgeBefore - 1);
    const open = wb.state.open as { kind: 'section'; section: Section };
    expect(JSON.stringify(open.section)).toContain(first.fixes[0]!.preview.after.replace(/^…|…$/g, ''));

    // All in the section, as one book change.
    problems.previewFixAll('PUN-FULLWIDTH', sectionId);
    const dialog = problems.state.dialog;
    expect(dialog?.kind).toBe('fixAll');
    const plan = dialog!.kind === 'fixAll' ? dialog!.plan : null;
    expect(plan!.auto.length).toBe(total - 1);
    n = problems.state.checks;
    await problems.apply(plan!.auto.map((f) => f.fixes[0]!), 'PUN-FULLWIDTH');
    expect(problems.state.dialog).toBeNull();
    await checked(problems, n);
    expect(countOf(problems, sectionId, 'PUN-FULLWIDTH')).toBe(0);
    expect(wb.state.notices.at(-1)!.action?.command).toBe('edit.undoBookChange');

    // One undo brings back the ones fixed together.
    n = problems.state.checks;
    expect(await wb.undoBookChange()).toBe(true);
    await checked(problems, n);
    expect(countOf(problems, sectionId, 'PUN-FULLWIDTH')).toBe(total - 1);
  });

  it('refuses a stale fix with a message and no undo step', async () => {
    const { wb, problems } = await startProblems();
    await checked(problems, 0);
    const open = wb.state.open as { kind: 'section'; section: Section };
    const f = problems.state.findings.find((x) => x.location.sectionId === open.section.id && x.ruleId === 'PUN-FULLWIDTH')!;
    // The text changes under the finding before the fix is applied.
    const edited = structuredClone(open.section);
    const visit = (blocks: { id: string; type: string; text?: string }[]) => {
      for (const b of blocks) if (b.id === f.location.nodeId && b.text) b.text = b.text.replaceAll(f.location.text!, '，');
    };
    for (const c of edited.children) if (c.type === 'entry') visit(c.blocks);
    wb.editSection(edited);
    await problems.apply([f.fixes[0]!], f.ruleId);
    const notice = wb.state.notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect('key' in notice.text && notice.text.key).toBe('problems.refusedAll');
    expect(wb.state.bookUndo).toBeNull();
  });
});
