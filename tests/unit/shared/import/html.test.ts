// Pasted HTML (Word, WPS, browsers) goes through the same recogniser as text and DOCX.
import { describe, expect, it } from 'vitest';
import { htmlToSource, recognise } from '../../../../shared/import';
import type { Entry } from '../../../../shared/model';

const WORD_PASTE = `
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16pt'>民<span lang=EN-US>&nbsp;</span>政</span></b><o:p></o:p></p>
<p class=MsoNormal><b><span>【概况】</span></b><span>2020年，区民政局继续实施城乡困难群众帮扶救助<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a>。区城乡最低生活</span></p>
<p class=MsoNormal><span>保障标准增长11.4%。</span></p>
<p class=MsoNormal><span style='font-weight:bold'>水库移民扶持</span><span>&#x3000;2020年，区民政局实施大中型水库移民直补人口复核。<br>核减移民220人。</span></p>
<p class=MsoNormal>(潘鑫卉)</p>
<script>alert(1)</script>
<div id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> 城乡困难群众：指低保、低边、特困对象。</p></div>`;

describe('pasted HTML', () => {
  const doc = htmlToSource(WORD_PASTE, '粘贴内容');
  const r = recognise(doc);
  const section = r.categories[0]!.sections[0]!;
  const entries = section.children.filter((c): c is Entry => c.type === 'entry');

  it('reads Word\'s paste: centred bold title, bold run-in titles, broken lines healed, scripts dropped', () => {
    expect(section.title).toBe('民政');
    expect(entries.map((e) => e.title)).toEqual(['概况', '水库移民扶持']);
    const p = entries[0]!.blocks[0]!;
    expect(p.type === 'paragraph' && p.text).toBe('2020年，区民政局继续实施城乡困难群众帮扶救助。区城乡最低生活保障标准增长11.4%。');
    const q = entries[1]!.blocks[0]!;
    expect(q.type === 'paragraph' && q.text).toBe('2020年，区民政局实施大中型水库移民直补人口复核。');
    expect(doc.units.some((u) => u.kind === 'line' && u.text.includes('alert'))).toBe(false);
  });

  it('links Word\'s footnotes and reads the attribution', () => {
    const p = entries[0]!.blocks[0]!;
    expect(p.type === 'paragraph' && p.marks.find((m) => m.type === 'footnoteRef')).toMatchObject({ start: '2020年，区民政局继续实施城乡困难群众帮扶救助'.length });
    expect(entries[0]!.blocks.find((b) => b.type === 'footnote')).toMatchObject({ text: '城乡困难群众：指低保、低边、特困对象。' });
    expect(section.children.find((c) => c.type === 'attribution')).toMatchObject({ names: ['潘鑫卉'] });
  });

  it('reads a browser table with merged cells and images it is allowed to keep', () => {
    const d = htmlToSource(
      '<table><tr><th>项目</th><th>单位</th></tr><tr><td rowspan="2">（一）<br>经济</td><td>区发改经信局</td></tr><tr><td>区财政局</td></tr></table><p><img src="https://example.org/x.png"></p><p><img src="data:image/png;base64,AAAA" alt="照片"></p>',
      'p',
      { resolveImage: (src) => (src.startsWith('data:') ? 'x_local' : null) },
    );
    expect(d.units[0]).toMatchObject({ kind: 'table', headerRows: 1, rows: [{ cells: [{ text: '项目' }, { text: '单位' }] }, { cells: [{ text: '（一）\n经济', rowSpan: 2 }, {}] }, {}] });
    expect(d.units.slice(1)).toMatchObject([{ kind: 'image', assetId: null }, { kind: 'image', assetId: 'x_local', alt: '照片' }]);
  });
});
