// Property-based tests of the rich path (a pasted page, a DOCX after mammoth): whatever HTML comes in —
// headings at any level, bold runs and bold paragraphs, tables with merged cells and 续表 parts, images,
// footnotes and their call-outs, scripts and tag soup — htmlToSource and the recogniser never throw, every
// unit gets a report line, and the result makes a book parseBook accepts with unique ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookFromImports, htmlToSource, recognise, type LineOverride, type OverrideRole } from '../../../../shared/import';
import { assertUniqueIds, parseBook, sequentialIds } from '../../../../shared/model';

function validBook(html: string, overrides: LineOverride[] = []): void {
  const ids = sequentialIds('h');
  const doc = htmlToSource(html, 'prop.html', { resolveImage: (src) => (src.startsWith('asset:') ? src.slice(6) : null) });
  const r = recognise(doc, { ids, overrides });
  expect(r.report.lines.map((l) => l.no)).toEqual(doc.units.map((u) => u.no));
  const book = parseBook(bookFromImports({ title: '测试', volumeYear: 2021, now: '2021-01-01T00:00:00.000Z' }, [r], ids));
  assertUniqueIds(book);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text that makes the recogniser's decisions, mixed with anything. */
const words = ['【概况】', '概况', '2020年，区民政局开展工作。', '(陈康)', '（区审管办 供稿）', '（一）', '图78 说明(区信访局提供)', '表6', '续表', '续表6', '· 社会救助 ·', '民政', '一、总体要求', '（2021年3月1日）', '——在大会上的报告', '各位代表：', '▲说明文字的注释内容', '注：单位万元', 'People\'s Government', '临安年鉴', '2021', ''];
const textArb = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 24 }), fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((a) => a.join('')));

const inlineArb = fc.array(
  fc.oneof(
    textArb.map(esc),
    textArb.map((t) => `<b>${esc(t)}</b>`),
    textArb.map((t) => `<strong>${esc(t)}</strong>`),
    textArb.map((t) => `<span style="font-weight:bold">${esc(t)}</span>`),
    textArb.map((t) => `<em>${esc(t)}</em>`),
    fc.constantFrom('<br>', '<sup>1</sup>', '<a href="#footnote-1">[1]</a>', '<a href="#_ftn2">[2]</a>', '<a href="http://example.com">链接</a>', '<img src="asset:x_1" alt="照片">', '<img src="https://example.com/remote.png">'),
  ),
  { maxLength: 6 },
).map((a) => a.join(''));

const cellArb = fc.record({
  tag: fc.constantFrom('td', 'th'),
  rowspan: fc.integer({ min: 1, max: 4 }),
  colspan: fc.integer({ min: 1, max: 3 }),
  text: inlineArb,
  paras: fc.boolean(),
});
const tableArb = fc
  .record({
    head: fc.boolean(),
    rows: fc.array(fc.array(cellArb, { minLength: 0, maxLength: 5 }), { maxLength: 6 }),
    caption: fc.option(textArb, { nil: undefined }),
  })
  .map(({ head, rows, caption }) => {
    const tr = (cells: typeof rows[number]) =>
      `<tr>${cells.map((c) => `<${c.tag}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${c.paras ? `<p>${c.text}</p><p>${c.text}</p>` : c.text}</${c.tag}>`).join('')}</tr>`;
    const [first, ...rest] = rows;
    const body = head && first ? `<thead>${tr(first)}</thead><tbody>${rest.map(tr).join('')}</tbody>` : rows.map(tr).join('');
    return `<table>${caption !== undefined ? `<caption>${esc(caption)}</caption>` : ''}${body}</table>`;
  });

const blockArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), textArb).map(([lv, t]) => `<h${lv}>${esc(t)}</h${lv}>`),
  inlineArb.map((t) => `<p>${t}</p>`),
  textArb.map((t) => `<p><strong>${esc(t)}</strong></p>`),
  textArb.map((t) => `<p class="caption">${esc(t)}</p>`),
  textArb.map((t) => `<p style="text-align:center">${esc(t)}</p>`),
  tableArb,
  fc.constantFrom(
    '<p><img src="asset:x_2" alt=""></p>',
    '<figure><img src="asset:x_3"><figcaption>图79 会议现场（区民政局提供）</figcaption></figure>',
    '<ol><li id="footnote-1"><p>注释一的内容文字。 <a href="#footnote-ref-1">↑</a></p></li></ol>',
    '<div id="ftn2"><p><a href="#_ftnref2">[2]</a>注释二</p></div>',
    '<script>alert(1)</script>',
    '<style>p{color:red}</style>',
    '<hr>',
    '<ul><li>一项</li><li>二项</li></ul>',
  ),
  // Tag soup: unclosed and stray tags.
  fc.array(fc.constantFrom('<p>', '</p>', '<td>', '</tr>', '<table>', '<b>', '</b>', '<h2>', '<li>', '<div>', '</div>', 'x', '续表', '\n'), { maxLength: 12 }).map((a) => a.join('')),
);

const htmlArb = fc.array(blockArb, { maxLength: 40 }).map((a) => a.join('\n'));

describe('the rich path (HTML, DOCX) never throws and always makes a valid book', () => {
  it('on random documents with headings, bold, tables with merged cells, images and footnotes', () => {
    fc.assert(fc.property(htmlArb, (html) => validBook(html)), { numRuns: 300 });
  });

  it('with any overrides on any blocks', () => {
    const roles: OverrideRole[] = ['section', 'subsection', 'entry-title', 'body', 'paragraph-start', 'continues', 'attribution', 'caption', 'credit', 'heading', 'ignore'];
    const overridesArb = fc.array(fc.record({ line: fc.integer({ min: -2, max: 60 }), role: fc.constantFrom(...roles) }), { maxLength: 20 });
    fc.assert(fc.property(htmlArb, overridesArb, (html, o) => validBook(html, o)), { numRuns: 150 });
  });

  it('on a table followed by 续表 and a second table of another shape', () => {
    fc.assert(
      fc.property(tableArb, tableArb, fc.constantFrom('续表', '续表6', '续 表'), (a, b, cont) => validBook(`<p>表6</p><p>某某情况表</p>${a}<p>${cont}</p>${b}<p>(陈康)</p>`)),
      { numRuns: 150 },
    );
  });
});
