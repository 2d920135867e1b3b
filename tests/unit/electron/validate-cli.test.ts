// `yearbook validate`: the Chinese report, JSON for tools, scope, --config, exit statuses 0 / 1 / 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBookFile } from '../../../shared/bookfile';
import { loadSampleBook, loadSampleContents } from '../../../shared/sample';
import { applyFixes, check, fixesFor, renderRulesMarkdown, type JsonReport } from '../../../shared/validate';
import { runCli } from '../../../electron/cli/main';
import { captureIo } from './cliIo';
import { chapterDocx } from './import/make-docx';

let dir: string;
let sample: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-validate-'));
  sample = path.join(dir, '临安年鉴.yearbook');
  writeFileSync(sample, writeBookFile(loadSampleContents()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

describe('yearbook validate', () => {
  it('prints a Chinese report grouped by section and rule, and exits 1 when errors remain', async () => {
    const r = await run('validate', sample);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('《临安年鉴（2021）》检查报告');
    expect(lines).toContain('检查范围：全书');
    expect(r.out).toMatch(/共发现问题\d+处：错误\d+处，警告\d+处，提示\d+处/);
    expect(r.out).toMatch(/差错率：每万字[\d.]+处错误/);
    expect(r.out).toContain('分目“区政府办公室工作”（类目“杭州市临安区人民政府”）');
    expect(r.out).toContain('  错误 ENT-ATTRIB 署名覆盖 ×1');
    expect(r.out).toContain('    · 【区政府为民实事】 条目【区政府为民实事】后面没有署名行（本分目最后的署名(周晓凯)在它之前）');
    expect(r.out).toMatch(/……另有\d+处同类问题/);
  });

  it('gives JSON for tools: rule id, severity, message and a location naming category, section and entry and quoting the text', async () => {
    const r = await run('validate', sample, '--format', 'json');
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.book).toMatchObject({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 });
    expect(report.findings.length).toBe(report.summary.findings.total);
    const f = report.findings.find((x) => x.ruleId === 'ENT-TITLE-LEN' && x.severity === 'error')!;
    expect(f).toMatchObject({ message: expect.stringContaining('超过18字'), location: { categoryTitle: '杭州市临安区人民政府', sectionTitle: expect.any(String), entryTitle: expect.any(String), text: expect.any(String) } });
    const comma = report.findings.find((x) => x.ruleId === 'PUN-FULLWIDTH')!;
    expect(comma.location.text).toBe(',');
    expect(comma.fixes[0]!.preview.after).toContain('，');
  });

  it('checks one section or one category by title or id', async () => {
    const r = await run('validate', sample, '--scope', 'section:区政府办公室工作', '--format', 'json');
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.scope).toMatchObject({ kind: 'section', title: '区政府办公室工作' });
    expect(new Set(report.findings.map((f) => f.location.sectionTitle))).toEqual(new Set(['区政府办公室工作']));
    const byCategory = await run('validate', sample, '--scope', '类目:特载');
    expect(byCategory.out).toContain('检查范围：类目“特载”');
    expect(byCategory.out).not.toContain('区政府办公室工作');
    const missing = await run('validate', sample, '--scope', 'section:没有这个分目');
    expect([missing.code, missing.err]).toEqual([2, '错误：书稿中没有分目“没有这个分目”。']);
    expect((await run('validate', sample, '--scope', 'chapter:x')).code).toBe(2);
  });

  it('exits 0 when no errors remain (after fix-all and with --config turning off what needs a person)', async () => {
    const book = loadSampleBook();
    let fixed = applyFixes(book, fixesFor(check(book).findings)).book;
    fixed = applyFixes(fixed, fixesFor(check(fixed).findings)).book;
    const file = path.join(dir, 'fixed.yearbook');
    writeFileSync(file, writeBookFile({ book: fixed, assets: loadSampleContents().assets }));
    const remaining = check(fixed).findings.filter((f) => f.severity === 'error');
    const config = path.join(dir, 'house.json');
    writeFileSync(config, JSON.stringify({ rules: Object.fromEntries([...new Set(remaining.map((f) => f.ruleId))].map((id) => [id, { severity: 'warning' }])) }));
    const r = await run('validate', file, '--config', config);
    expect(r.out).toMatch(/错误0处/);
    expect(r.code).toBe(0);
  });

  it('takes house style from --config and --preset', async () => {
    const config = path.join(dir, 'strict.json');
    writeFileSync(config, JSON.stringify({ preset: 'strict', titleWarnLength: 12, recordYear: 2020, rules: { 'PUN-FULLWIDTH': { enabled: false } } }));
    const r = JSON.parse((await run('validate', sample, '--config', config, '--format', 'json')).out) as JsonReport;
    expect(r.preset).toBe('strict');
    expect(r.findings.some((f) => f.ruleId === 'PUN-FULLWIDTH')).toBe(false);
    expect(r.findings.some((f) => f.kind === 'P')).toBe(true);
    const national = JSON.parse((await run('validate', sample, '--preset', 'national', '--format', 'json')).out) as JsonReport;
    expect(national.findings.some((f) => f.kind === 'P')).toBe(false);
    // The sample book, like every new or imported book, uses the recommended preset: the heuristics run as hints.
    const recommended = JSON.parse((await run('validate', sample, '--format', 'json')).out) as JsonReport;
    expect(recommended.preset).toBe('recommended');
    expect(recommended.findings.filter((f) => f.kind === 'P').every((f) => f.severity === 'info')).toBe(true);
    expect(recommended.findings.some((f) => f.ruleId === 'ENT-NO-EVAL')).toBe(true);
  });

  it('refuses bad input with a Chinese message and status 2', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "titleWarnLength": "十五" }');
    const r1 = await run('validate', sample, '--config', bad);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/^错误：配置文件“bad\.json”有误：titleWarnLength：/);
    writeFileSync(bad, '{ "rules": { "NO-SUCH-RULE": { "enabled": false } } }');
    expect((await run('validate', sample, '--config', bad)).err).toBe('错误：配置文件“bad.json”有误：未知的规则编号“NO-SUCH-RULE”');
    writeFileSync(bad, 'not json');
    expect((await run('validate', sample, '--config', bad)).err).toBe('错误：配置文件“bad.json”有误：不是有效的 JSON');
    expect((await run('validate')).err).toBe('错误：请指定要检查的书稿文件。');
    expect((await run('validate', path.join(dir, 'none.yearbook'))).code).toBe(2);
    expect((await run('validate', sample, '--format', 'xml')).err).toBe('错误：输出格式“xml”无法识别，应为 text 或 json。');
    const pdf = path.join(dir, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect((await run('validate', pdf)).err).toBe('错误：“x.pdf”不是可检查的文件：请使用书稿文件（.yearbook）或文本、Word、网页稿件（.txt、.docx、.html）。');
    const notBook = path.join(dir, 'fake.yearbook');
    writeFileSync(notBook, 'hello');
    expect((await run('validate', notBook)).code).toBe(2);
  });

  it('imports a draft (seed 004 as text, GB18030 text, a Word file) and checks it', async () => {
    const seed = path.resolve(import.meta.dirname, '../../fixtures/corpus/seeds/004_1acf8fc5c8f69d36.txt');
    const txt = path.join(dir, '进展情况.txt');
    copyFileSync(seed, txt);
    const r = await run('validate', txt, '--format', 'json');
    expect(r.err).toMatch(/^已导入稿件“进展情况\.txt”/);
    const report = JSON.parse(r.out) as JsonReport;
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const id of ['PUN-DASH', 'UNIT-SYMBOL', 'UNIT-LEGAL']) expect(rules, id).toContain(id);
    const gb = path.join(dir, 'gb.txt');
    const { default: iconv } = await import('iconv-lite');
    writeFileSync(gb, iconv.encode('杭州市临安区人民政府\n\n外事\n\n【概况】2020年,区外办协助开展工作。\n\n(张泓阳)\n', 'gb18030'));
    const g = JSON.parse((await run('validate', gb, '--format', 'json')).out) as JsonReport;
    expect(g.findings.map((f) => f.location.text)).toContain(',');
    // 000 as a Word draft: the entry without an author line is found there too.
    const docx = path.join(dir, '临安.docx');
    const sections = ['概述', '政务信息公开', '外事', '区政府办公室工作', '机关事务服务', '信访工作', '民政', '行政审批服务管理', '数据资源管理', '住房公积金管理'];
    writeFileSync(docx, await chapterDocx(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/corpus/seeds/000_081f09f87d882097.txt'), 'utf8'), sections));
    const w = await run('validate', docx, '--format', 'json');
    const word = JSON.parse(w.out) as JsonReport;
    expect(word.findings.filter((f) => f.ruleId === 'ENT-ATTRIB').map((f) => f.location.entryTitle)).toEqual(['区政府为民实事']);
  });

  it('takes the record year of a draft from its text (004: its title line), else from --record-year, and says when it had to guess', async () => {
    const seed = path.resolve(import.meta.dirname, '../../fixtures/corpus/seeds/004_1acf8fc5c8f69d36.txt');
    const txt = path.join(dir, '2020进展情况.txt');
    copyFileSync(seed, txt);
    const read = await run('validate', txt);
    expect(read.err).toBe('已导入稿件“2020进展情况.txt”（UTF-8）：1个分目，0个条目（记述年度按2020年）');
    expect(read.out.split('\n').slice(0, 3)).toEqual(['《2020进展情况（2021）》检查报告', '检查范围：全书', '体例：推荐；记述年度：2020年']);
    // Without its title line the table names no year: the check says which year it assumed.
    const untitled = path.join(dir, '进展情况.txt');
    writeFileSync(untitled, readFileSync(seed, 'utf8').replace('2020年区《政府工作报告》主要目标任务进展情况', ''));
    const guessed = await run('validate', untitled);
    expect(guessed.err).toContain('注意：稿件中看不出记述年度，按');
    const r = await run('validate', untitled, '--record-year', '2020');
    expect(r.err).toBe('已导入稿件“进展情况.txt”（UTF-8）：1个分目，0个条目（记述年度按2020年）');
    const json = JSON.parse((await run('validate', untitled, '--record-year', '2020', '--format', 'json')).out) as JsonReport;
    expect(json.book).toMatchObject({ volumeYear: 2021, recordYear: 2020 });
    expect((JSON.parse((await run('validate', txt, '--record-year', '2019', '--format', 'json')).out) as JsonReport).book).toMatchObject({ volumeYear: 2020, recordYear: 2019 });
    // A book file keeps its volume; the record year is overridden for the check.
    const book = JSON.parse((await run('validate', sample, '--record-year', '2019', '--format', 'json')).out) as JsonReport;
    expect(book.book).toMatchObject({ volumeYear: 2021, recordYear: 2019 });
    expect((await run('validate', txt, '--record-year', '二〇二〇')).err).toBe('错误：参数 --record-year 需要 1949 到 2200 之间的数，收到的是“二〇二〇”。');
  });

  it('says where a finding in a table is: 表N, row, column and the row\'s first cell (text and JSON)', async () => {
    const r = await run('validate', sample, '--scope', 'section:区政府办公室工作');
    expect(r.out).toMatch(/· 【区政府为民实事】 表6第\d+行第\d+列（行首“\d+\. /);
    const json = JSON.parse((await run('validate', sample, '--scope', 'section:区政府办公室工作', '--format', 'json')).out) as JsonReport;
    const inTable = json.findings.filter((f) => f.location.field?.startsWith('cell:'));
    expect(inTable.length).toBeGreaterThan(0);
    expect(inTable.every((f) => f.location.cell?.tableNumber === '6' && f.location.cell.row >= 1 && f.location.cell.column >= 1)).toBe(true);
  });

  it('answers `validate --help` like `help validate`', async () => {
    const help = await run('help', 'validate');
    const r = await run('validate', '--help');
    expect([r.code, r.err]).toEqual([0, help.err]);
    expect(r.err).toContain('--record-year');
  });

  it('lists the rules; --rules --format md is docs/rules.md', async () => {
    const text = await run('validate', '--rules');
    expect(text.out.split('\n')).toHaveLength(50);
    expect(text.out).toContain('PUN-FULLWIDTH        Y 错误  全角标点：');
    expect((await run('validate', '--rules', '--format', 'md')).out).toBe(renderRulesMarkdown());
  });
});
