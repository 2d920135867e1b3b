import { describe, expect, it } from 'vitest';
import { footnoteLabel, inlineHtml, textHtml } from '../../../../shared/export/inline';

describe('inline text → HTML', () => {
  it('keeps numbers on one line and escapes markup', () => {
    expect(textHtml('完成减税降费45.35亿元，增长4.5%')).toBe('完成减税降费<span class="nb">45.35</span>亿元，增长<span class="nb">4.5%</span>');
    expect(textHtml('2020—2022年')).toBe('<span class="nb">2020—2022</span>年');
    expect(textHtml('a<b>&"')).toBe('a&lt;b&gt;&amp;&quot;');
    // a single digit needs no protection
    expect(textHtml('第3届')).toBe('第3届');
  });

  it('nests overlapping marks correctly and places index anchors and footnote call-outs', () => {
    const terms: string[] = [];
    const html = inlineHtml(
      '垃圾分类示范小区25个',
      [
        { type: 'bold', start: 0, end: 4 },
        { type: 'sup', start: 2, end: 6 },
        { type: 'indexTerm', start: 0, end: 4 },
        { type: 'footnoteRef', start: 6, end: 6, footnoteId: 'n_1' },
      ],
      { indexTerm: (t) => (terms.push(t), 'ix1'), footnoteRef: (id) => (id === 'n_1' ? '①' : null) },
    );
    expect(terms).toEqual(['垃圾分类']);
    expect(html).toBe('<span class="ix" id="ix1"></span><b>垃圾</b><b><sup>分类</sup></b><sup>示范</sup><sup class="fnref">①</sup>小区<span class="nb">25</span>个');
  });

  it('labels footnotes ①…⑳ then [21]', () => {
    expect(footnoteLabel(1)).toBe('①');
    expect(footnoteLabel(20)).toBe('⑳');
    expect(footnoteLabel(21)).toBe('[21]');
  });
});
