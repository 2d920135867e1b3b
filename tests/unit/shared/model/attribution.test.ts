import { describe, expect, it } from 'vitest';
import { formatAttribution, parseAttribution, splitNames } from '../../../../shared/model';

describe('attribution lines', () => {
  it('reads single authors in half- and full-width brackets (seeds 000, 002)', () => {
    expect(parseAttribution('(陈康)')).toEqual({ kind: 'author', names: ['陈康'], raw: '(陈康)' });
    expect(parseAttribution('（於晓萍）')?.names).toEqual(['於晓萍']);
  });

  it('joins padded two-character names and keeps three-character ones (000: 汪 剑 朱丽娜)', () => {
    expect(parseAttribution('(汪 剑 朱丽娜)')?.names).toEqual(['汪剑', '朱丽娜']);
    expect(parseAttribution('(李然 杨江 钱池静)')?.names).toEqual(['李然', '杨江', '钱池静']);
    expect(splitNames('汪　剑、朱丽娜')).toEqual(['汪剑', '朱丽娜']);
  });

  it('reads unit lines with and without a space before 供稿 (002)', () => {
    expect(parseAttribution('(区审管办 供稿)')).toMatchObject({ kind: 'unit', names: ['区审管办'] });
    expect(parseAttribution('(区数据局供稿)')).toMatchObject({ kind: 'unit', names: ['区数据局'] });
  });

  it('reads photo credits', () => {
    expect(parseAttribution('(区信访局提供)')).toMatchObject({ kind: 'photo', names: ['区信访局'], suffix: '提供' });
    expect(parseAttribution('（张三 摄）')).toMatchObject({ kind: 'photo', names: ['张三'], suffix: '摄' });
  });

  it('rejects group labels, cross references and remarks (004, 000)', () => {
    for (const s of ['（一）', '（十一）', '(见表6)', '（含）', '（区、县、市）', '(2020年)', '（科技园）', '陈康']) {
      expect(parseAttribution(s), s).toBeNull();
    }
  });

  it('prints the house form', () => {
    expect(formatAttribution({ kind: 'author', names: ['汪剑', '朱丽娜'] })).toBe('（汪剑 朱丽娜）');
    expect(formatAttribution({ kind: 'author', names: ['汪剑', '朱丽娜'] }, { padTwoCharNames: true })).toBe('（汪\u3000剑 朱丽娜）');
    expect(formatAttribution({ kind: 'unit', names: ['区审管办'] })).toBe('（区审管办 供稿）');
  });
});
