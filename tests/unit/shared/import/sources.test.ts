// 来稿原文: a draft is kept with the book as the recogniser read it — its text (a text asset), the review's marks
// (a JSON asset) and a small record in book.sources — in the same pure book change that places it. The viewer
// gets the lines back with what each was read as and the heals; the printed book, the statistics and the checker
// never see the sources.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readBookFile, sha256Hex, writeBookFile } from '../../../../shared/bookfile';
import {
  decodeText,
  htmlToSource,
  keptSourceView,
  placeImports,
  placeImportsKeepingSources,
  prepareSource,
  readSourceMarks,
  recognise,
  recogniseText,
  SOURCE_MARKS_MIME,
  SOURCE_TEXT_MIME,
  sourceAssetBytes,
  sourceMarks,
  sourcesOfSection,
  sourceText,
  textToUnits,
  withOverride,
  type PreparedSource,
} from '../../../../shared/import';
import { bookCounts, parseBook, sequentialIds } from '../../../../shared/model';
import { check } from '../../../../shared/validate';
import { seedText, xiachengBook } from './corpus';

const AT = '2024-05-06T07:08:09.000Z';

/** The text and marks a prepared source holds. */
function assetsOf(p: PreparedSource): { text: string; marks: Uint8Array } {
  const text = p.assets.find((a) => a.asset.id === p.record.textAssetId)!;
  const marks = p.assets.find((a) => a.asset.id === p.record.marksAssetId)!;
  return { text: new TextDecoder().decode(text.bytes), marks: marks.bytes };
}

describe('the text and marks of a kept source', () => {
  const seed = seedText('003');
  const result = recogniseText(seed, '下城区人民政府.txt', { ids: sequentialIds('r') });

  it('the text is the decoded text as the recogniser read it, one source line per line', () => {
    expect(sourceText(result.report)).toBe(seed.replace(/\r\n?/g, '\n'));
    // Windows line ends and a BOM are not part of the text.
    const crlf = `\ufeff${seed.replace(/\n/g, '\r\n')}`;
    const r2 = recognise({ name: 'x.txt', format: 'text', units: textToUnits(crlf) }, { ids: sequentialIds('w') });
    expect(sourceText(r2.report)).toBe(seed.replace(/\r\n?/g, '\n'));
  });

  it('gives the viewer back every line with its role, node, block and heals', () => {
    const marks = readSourceMarks(new TextEncoder().encode(JSON.stringify(sourceMarks(result.report))));
    expect(marks).not.toBeNull();
    const view = keptSourceView(sourceText(result.report), marks);
    expect(view.marked).toBe(true);
    expect(view.lines).toHaveLength(result.report.lines.length);
    view.lines.forEach((l, i) => {
      const r = result.report.lines[i]!;
      expect({ no: l.no, text: l.text, role: l.role, nodeId: l.nodeId, blockId: l.blockId }).toEqual({ no: r.no, text: r.text, role: r.role, nodeId: r.nodeId, blockId: r.blockId });
    });
    expect(view.heals).toEqual(result.report.heals.map((h) => ({ kind: h.kind, lines: h.lines })));
    // A healed break: both lines of a rejoined paragraph carry the heal.
    const joined = result.report.heals.find((h) => h.kind === 'line-joined')!;
    expect(joined).toBeDefined();
    for (const no of joined.lines) expect(view.lines.find((l) => l.no === no)!.heals).toContain('line-joined');
    // Blank lines went into nothing.
    expect(view.lines.filter((l) => l.role === 'blank').every((l) => !l.nodeId && !l.blockId)).toBe(true);
  });

  it('running heads and folios the importer dropped are kept in the original, marked as dropped', () => {
    const reports = recogniseText(seedText('001'), '报告.txt', { ids: sequentialIds('r') });
    const dropped = reports.report.lines.filter((l) => l.role === 'running-head');
    expect(dropped.length).toBeGreaterThan(0);
    const marks = sourceMarks(reports.report);
    const view = keptSourceView(sourceText(reports.report), marks);
    for (const d of dropped) expect(view.lines.find((l) => l.no === d.no)).toMatchObject({ text: d.text, role: 'running-head' });
    // Letter-spacing removed on import ("综 述" → 综述) is marked on its line, which keeps the spaces.
    const spaced = reports.report.heals.find((h) => h.kind === 'letter-spacing')!;
    const line = view.lines.find((l) => l.no === spaced.lines[0])!;
    expect(line.heals).toContain('letter-spacing');
    expect(line.text).toMatch(/\S[ \u3000]+\S/);
    // The marks are compact: one character per line for the roles, runs for nodes and blocks.
    const perLine = JSON.stringify(reports.report.lines.map((l) => ({ role: l.role, nodeId: l.nodeId, blockId: l.blockId }))).length;
    const { heals: _h, ...rest } = marks;
    expect(JSON.stringify(rest).length).toBeLessThan(perLine / 5);
  });

  it('keeps the editor’s corrections', () => {
    const doubt = result.report.uncertain[0]!;
    const corrected = recogniseText(seed, '下城区人民政府.txt', { ids: sequentialIds('r'), overrides: withOverride([], doubt.line, doubt.alternatives[0]!) });
    const view = keptSourceView(sourceText(corrected.report), sourceMarks(corrected.report));
    expect(view.lines.filter((l) => l.overridden).map((l) => l.no)).toEqual([doubt.line]);
  });

  it('a Word or HTML table (rows on several lines of the text) is one line of the viewer', () => {
    const html = '<p><b>【概况】</b>2020年，全区完成各项工作。</p><p>表1 主要指标</p><table><tr><td>项目</td><td>数值</td></tr><tr><td>户籍人口</td><td>12.3</td></tr></table><p>（区统计局 供稿）</p>';
    const r = recognise(htmlToSource(html, '统计.html'), { ids: sequentialIds('h') });
    const table = r.report.lines.find((l) => l.text.includes('\n'))!;
    expect(table.text).toBe('项目\t数值\n户籍人口\t12.3');
    const marks = sourceMarks(r.report);
    expect(marks.spans).toEqual([[r.report.lines.indexOf(table), 2]]);
    const view = keptSourceView(sourceText(r.report), marks);
    expect(view.lines.map((l) => l.text)).toEqual(r.report.lines.map((l) => l.text));
    expect(view.lines.map((l) => l.role)).toEqual(r.report.lines.map((l) => l.role));
  });

  it('without marks, or with marks that do not fit the text, the text is shown as plain numbered lines', () => {
    const text = sourceText(result.report);
    const plain = keptSourceView(text, null);
    expect(plain.marked).toBe(false);
    expect(plain.lines.map((l) => l.text).join('\n')).toBe(text);
    expect(plain.lines.every((l) => l.role === 'body')).toBe(true);
    const misfit = keptSourceView(`${text}\n多出的一行`, sourceMarks(result.report));
    expect(misfit.marked).toBe(false);
    expect(readSourceMarks(new TextEncoder().encode('{"format":"other"}'))).toBeNull();
    expect(readSourceMarks(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
    expect(readSourceMarks(undefined)).toBeNull();
  });
});

describe('keeping sources with the book', () => {
  const gbBytes = new Uint8Array(iconv.encode(seedText('003'), 'gb18030'));
  const decoded = decodeText(gbBytes, '下城区人民政府.txt');
  const chapter = recognise({ name: '下城区人民政府.txt', format: 'text', units: textToUnits(decoded.text), encoding: decoded.encoding }, { ids: sequentialIds('c') });
  const reports = recogniseText(seedText('001'), '报告.txt', { ids: sequentialIds('r') });

  it('the record names the file, its format and encoding, when it was imported, and the sections it became', () => {
    const source = prepareSource(chapter, { fileName: '下城区人民政府.txt', path: '区政府办/下城区人民政府.txt', by: '陈编辑' }, { importedAt: AT, ids: sequentialIds('s') });
    expect(source.record).toMatchObject({
      fileName: '下城区人民政府.txt',
      path: '区政府办/下城区人民政府.txt',
      format: 'text',
      encoding: { encoding: 'gb18030', method: 'detected' },
      importedAt: AT,
      importedBy: '陈编辑',
      lines: chapter.report.lines.length,
      heals: chapter.report.heals.length,
      droppedLines: chapter.report.counts.droppedLines,
    });
    expect(source.record.characters).toBeGreaterThan(10_000);
    const { text, marks } = assetsOf(source);
    expect(text).toBe(seedText('003').replace(/\r\n?/g, '\n'));
    for (const a of source.assets) expect(a.asset.sha256).toBe(sha256Hex(a.bytes));
    expect(source.assets.map((a) => a.asset.mime)).toEqual([SOURCE_TEXT_MIME, SOURCE_MARKS_MIME]);
    expect(source.assets.map((a) => a.asset.fileName)).toEqual(['下城区人民政府.txt', '下城区人民政府.marks.json']);
    expect(keptSourceView(text, readSourceMarks(marks)).marked).toBe(true);

    const before = xiachengBook();
    const frozen = structuredClone(before);
    const cat = before.body[0]!.id;
    const out = placeImportsKeepingSources(before, [{ result: chapter, placement: { mode: 'new-sections', categoryId: cat }, source }], sequentialIds('p'));
    expect(before).toEqual(frozen); // pure
    const kept = out.sources![0]!;
    expect(kept.placement).toBe('new-sections');
    expect(kept.sectionIds).toEqual(chapter.categories[0]!.sections.map((s) => s.id));
    expect(kept.categoryIds).toEqual([cat]);
    expect(out.assets.map((a) => a.id)).toEqual(source.assets.map((a) => a.asset.id));
    // The book is valid and the tree is what placing without sources gives.
    const parsed = parseBook(JSON.parse(JSON.stringify(out)));
    expect(parsed.sources).toEqual(out.sources);
    const plain = placeImports(before, [{ result: chapter, placement: { mode: 'new-sections', categoryId: cat } }], sequentialIds('p'));
    expect(out.body).toEqual(plain.body);
  });

  it('placed by kind, each file keeps its own sections and categories; appended or replacing, the target section', () => {
    const ids = sequentialIds('s');
    const a = prepareSource(chapter, { fileName: '下城.txt' }, { importedAt: AT, ids });
    const b = prepareSource(reports, { fileName: '报告.txt' }, { importedAt: AT, ids });
    const out = placeImportsKeepingSources(xiachengBook(), [
      { result: chapter, placement: { mode: 'auto' }, source: a },
      { result: reports, placement: { mode: 'auto' }, source: b },
    ]);
    const [sa, sb] = out.sources!;
    const special = out.body.find((c) => c.role === 'special')!;
    expect(sb!.categoryIds).toEqual([special.id]);
    expect(sb!.sectionIds).toEqual(special.sections.map((s) => s.id));
    expect(sa!.sectionIds).toHaveLength(chapter.report.counts.sections);
    expect(sourcesOfSection(out.sources, special.sections[0]!.id).map((s) => s.fileName)).toEqual(['报告.txt']);
    expect(out.assets).toHaveLength(4);
    expect([...sourceAssetBytes([a, b]).keys()]).toEqual(out.assets.map((x) => x.id));

    const target = xiachengBook();
    const sectionId = target.body[0]!.sections[0]!.id;
    const appended = placeImportsKeepingSources(target, [{ result: chapter, placement: { mode: 'append', sectionId }, source: a }]);
    expect(appended.sources![0]).toMatchObject({ placement: 'append', sectionIds: [sectionId], categoryIds: [target.body[0]!.id] });
    const replaced = placeImportsKeepingSources(appended, [{ result: reports, placement: { mode: 'replace', sectionId }, source: b }]);
    // Newest first: the replacement, then the draft appended before it.
    expect(sourcesOfSection(replaced.sources, sectionId).map((s) => s.placement)).toEqual(['replace', 'append']);
  });

  it('the book file keeps the sources: record, text and marks round-trip byte for byte', () => {
    const source = prepareSource(chapter, { fileName: '下城区人民政府.txt' }, { importedAt: AT });
    const placed = placeImportsKeepingSources(xiachengBook(), [{ result: chapter, placement: { mode: 'auto' }, source }]);
    const file = writeBookFile({ book: placed, assets: sourceAssetBytes([source]) });
    const back = readBookFile(file, 'x.yearbook');
    expect(back.book.sources).toEqual(placed.sources);
    const { text } = assetsOf(source);
    expect(new TextDecoder().decode(back.assets.get(source.record.textAssetId))).toBe(text);
    expect(back.assets.get(source.record.marksAssetId!)).toEqual(source.assets[1]!.bytes);
    // A book that never imported anything has no sources field at all (older files read the same).
    const none = readBookFile(writeBookFile({ book: xiachengBook(), assets: new Map() }));
    expect('sources' in none.book).toBe(false);
  });

  it('the statistics, the checker and the printed tree ignore the sources', () => {
    const base = placeImports(xiachengBook(), [{ result: chapter, placement: { mode: 'auto' } }], sequentialIds('p'));
    const source = prepareSource(chapter, { fileName: '下城区人民政府.txt' }, { importedAt: AT });
    const withSources = { ...base, assets: [...base.assets, ...source.assets.map((a) => a.asset)], sources: [{ ...source.record, sectionIds: base.body[1]!.sections.map((s) => s.id) }] };
    expect(bookCounts(withSources)).toEqual(bookCounts(base));
    const strip = (r: ReturnType<typeof check>) => r.findings.map((f) => f.id).sort();
    const findings = strip(check(base));
    expect(findings.length).toBeGreaterThan(0);
    expect(strip(check(withSources))).toEqual(findings);
    // The healed text is in the book; the original, with its running heads, only in the source.
    const spaced = chapter.report.heals.find((h) => h.kind === 'letter-spacing')!;
    const original = chapter.report.lines.find((l) => l.no === spaced.lines[0])!.text;
    expect(JSON.stringify(withSources.body)).not.toContain(original);
    expect(assetsOf(source).text).toContain(original);
  });
});
