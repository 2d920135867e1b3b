import { describe, expect, it } from 'vitest';
import { buildIndex, pinyinKey } from '../../../../shared/export/generated';
import type { IndexItem } from '../../../../shared/export/render';

describe('subject index', () => {
  it('keys terms by pinyin with tones, polyphones read in context', () => {
    expect(pinyinKey('重庆')).toBe('chong2 qing4');
    expect(pinyinKey('银行')).toBe('yin2 hang2');
    expect(pinyinKey('绿化')).toBe('lv4 hua4');
  });

  it('sorts by pinyin (letters, then tone), groups by initial and merges page references', () => {
    const items: IndexItem[] = [
      { anchor: 'a', term: '常州', kind: 'term', section: '' },
      { anchor: 'b', term: '长江', kind: 'term', section: '' },
      { anchor: 'c', term: '安全生产', kind: 'entry', section: '应急管理' },
      { anchor: 'd', term: '概况', kind: 'entry', section: '民政' },
      { anchor: 'e', term: '安全生产', kind: 'entry', section: '消防' },
      { anchor: 'f', term: '重庆', kind: 'term', section: '', sortKey: 'chongqing' },
      { anchor: 'g', term: '不在页上', kind: 'term', section: '' },
    ];
    const pages: Record<string, { physical: number; label: string }> = {
      a: { physical: 30, label: '26b' },
      b: { physical: 12, label: '8a' },
      c: { physical: 50, label: '46a' },
      d: { physical: 20, label: '16a' },
      e: { physical: 40, label: '36b' },
      f: { physical: 9, label: '5a' },
    };
    const lines = buildIndex(items, (a) => pages[a] ?? null, ['概况', '综述']);
    // 长江 chang2 jiang1 < 常州 chang2 zhou1 < 重庆 (editor's key "chongqing") < 民政概况 (generic title qualified)
    expect(lines.map((l) => l.term)).toEqual(['安全生产', '长江', '常州', '重庆', '民政概况']);
    expect(lines[0]!.refs.map((r) => r.label)).toEqual(['36b', '46a']);
    expect(lines.map((l) => l.letter)).toEqual(['A', 'C', 'C', 'C', 'M']);
  });
});
