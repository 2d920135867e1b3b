// `npm run bench -- storage` on a fresh clone (no bench-results/) must not throw away the other benchmarks'
// sections of docs/benchmarks.md: the real file, merged with one fresh section, keeps every other section
// byte for byte and replaces only the one that was run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeBenchmarks, parseSections } from '../../bench/report';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/benchmarks.md'), 'utf8');

describe('docs/benchmarks.md', () => {
  const sections = parseSections(doc);

  it('reads the sections of the committed file', () => {
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(sections.map((s) => s.title)).toContain('Storage: loading the full-size book and opening the outline (issue 2)');
  });

  it('keeps the sections that were not run and replaces the one that was', () => {
    const storage = sections.find((s) => s.title.startsWith('Storage'))!;
    const fresh = { title: storage.title, body: '- Date: 2030-01-01T00:00:00.000Z\n\n| metric | value | target | met |\n|---|---|---|---|\n| cold | 1 ms | | |\n' };
    const merged = parseSections(mergeBenchmarks(doc, [fresh]));
    expect(merged.map((s) => s.title)).toEqual(sections.map((s) => s.title));
    for (const [i, s] of merged.entries()) {
      if (s.title === storage.title) expect(s.body).toContain('2030-01-01');
      else expect(s.body.trim()).toBe(sections[i]!.body.trim());
    }
  });

  it('leaves the file as it is when nothing was run, and adds a new benchmark at the end', () => {
    expect(mergeBenchmarks(doc, []).trim()).toBe(doc.trim());
    const merged = parseSections(mergeBenchmarks(doc, [{ title: 'Word export', body: 'x\n' }]));
    expect(merged.at(-1)).toEqual({ title: 'Word export', body: 'x\n' });
    expect(merged).toHaveLength(sections.length + 1);
    expect(parseSections(mergeBenchmarks(null, [{ title: 'A', body: 'y\n' }]))).toEqual([{ title: 'A', body: 'y\n' }]);
  });
});
