// Property-based tests: whatever text, bytes or overrides come in, the recogniser never throws and always
// returns categories that make a valid book (parseBook accepts it, ids are unique).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookFromImports, decodeText, recogniseText, type LineOverride, type OverrideRole } from '../../../../shared/import';
import { assertUniqueIds, isUserError, parseBook, sequentialIds } from '../../../../shared/model';
import { seedText } from './corpus';

function validBook(text: string, overrides: LineOverride[] = []): void {
  const ids = sequentialIds('p');
  const r = recogniseText(text, 'prop.txt', { ids, overrides });
  expect(r.report.lines.length).toBe(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length);
  const book = parseBook(bookFromImports({ title: '测试', volumeYear: 2021, now: '2021-01-01T00:00:00.000Z' }, [r], ids));
  assertUniqueIds(book);
}

/** Characters that make the recogniser's decisions: structure marks, brackets, digits, CJK, breaks. */
const pieces = ['【', '】', '（', '）', '(', ')', '·', ' ', '\t', '\n', '\n\n', '。', '，', '图78 ', '表6', '续表', '▲', '——在', '（2021 年 3 月 1 日）', '一、', '（一）', '1. ', '陈康', '区民政局', '供稿', '提供', '2020年', '概况', 'YEARBOOK', '009特 载', '各位代表：', 'a', '1', '\r'];
const textArb = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((a) => a.join('')),
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 150 }).map((a) => a.join('')),
);

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'split' | 'junk'; at: number; to: number; junk: string };
const mutationArb = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'split', 'junk'),
  at: fc.nat(),
  to: fc.nat(),
  junk: fc.string({ maxLength: 30 }),
}) as fc.Arbitrary<Mutation>;

function mutate(text: string, muts: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of muts) {
    if (!lines.length) break;
    const a = m.at % lines.length;
    const b = m.to % lines.length;
    if (m.kind === 'delete') lines.splice(a, 1);
    else if (m.kind === 'duplicate') lines.splice(b, 0, lines[a]!);
    else if (m.kind === 'swap') [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    else if (m.kind === 'split') {
      const l = lines[a]!;
      const at = l.length ? m.to % l.length : 0;
      lines.splice(a, 1, l.slice(0, at), '', l.slice(at));
    } else lines.splice(a, 0, m.junk);
  }
  return lines.join('\n');
}

const seeds = { '000': seedText('000'), '001': seedText('001').split('\n').slice(0, 1500).join('\n'), '002': seedText('002'), '003': seedText('003'), '004': seedText('004') };

describe('the recogniser never throws and always makes a valid book', () => {
  it('on random text', () => {
    fc.assert(fc.property(textArb, (text) => validBook(text)), { numRuns: 300 });
  });

  for (const [name, text] of Object.entries(seeds)) {
    it(`on seed ${name} with lines deleted, duplicated, swapped, split and junk inserted`, () => {
      fc.assert(
        fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 40 }), (muts) => validBook(mutate(text, muts))),
        { numRuns: name === '001' ? 10 : 25 },
      );
    });
  }

  it('on seed 000 with its lines shuffled', () => {
    const lines = seeds['000'].split('\n');
    fc.assert(fc.property(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), (l) => validBook(l.join('\n'))), { numRuns: 15 });
  });

  it('with any overrides on any lines', () => {
    const roles: OverrideRole[] = ['section', 'subsection', 'entry-title', 'body', 'paragraph-start', 'continues', 'attribution', 'caption', 'credit', 'heading', 'ignore'];
    const text = seeds['002'];
    const n = text.split('\n').length;
    const overridesArb = fc.array(fc.record({ line: fc.integer({ min: -3, max: n + 3 }), role: fc.constantFrom(...roles) }), { maxLength: 40 });
    fc.assert(fc.property(overridesArb, (o) => validBook(text, o)), { numRuns: 40 });
    const reports = seeds['001'];
    fc.assert(fc.property(overridesArb, (o) => validBook(reports, o)), { numRuns: 8 });
  });

  it('on random bytes: decoding refuses with a UserError or yields text the recogniser takes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        let text: string;
        try {
          text = decodeText(bytes, 'random.txt').text;
        } catch (e) {
          expect(isUserError(e), String(e)).toBe(true);
          return;
        }
        validBook(text);
      }),
      { numRuns: 300 },
    );
  });
});
