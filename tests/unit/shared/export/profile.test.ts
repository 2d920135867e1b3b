import { describe, expect, it } from 'vitest';
import { PrintProfileSchema } from '../../../../shared/model';
import { applyProfilePatch, fontStack, parseFamilyList, PROFILE_PRESETS, resolveProfile } from '../../../../shared/export/profile';
import { isUserError } from '../../../../shared/model/errors';

describe('print profile', () => {
  const base = PrintProfileSchema.parse({});

  it('resolves the 大16开 default: page with bleed, type area, column width', () => {
    const p = resolveProfile(base);
    expect([p.pageWidth, p.pageHeight]).toEqual([216, 291]);
    expect(p.typeWidth).toBe(210 - 20 - 17);
    expect(p.columnWidth).toBeCloseTo((173 - 6) / 2);
    expect(p.generated).toMatchObject({ toc: true, subjectIndex: true, tocDepth: 2 });
  });

  it('always ends a font list in the bundled TrueType family (宋体 alone would render as a sans fallback)', () => {
    expect(parseFamilyList('"宋体", SimSun, serif')).toEqual(['宋体', 'SimSun', 'serif']);
    const song = fontStack('"宋体"', 'song');
    expect(song).toBe('"宋体", "Noto Serif SC", "Noto Serif SC Ext", "LXGW WenKai", serif');
    expect(fontStack('"SimHei", "Noto Sans SC", sans-serif', 'hei')).toBe('"SimHei", "Noto Sans SC", "Noto Sans SC Ext", "LXGW WenKai", sans-serif');
    // Kai: an office 楷体 first, then the bundled Kai face before any non-Kai family
    expect(fontStack('"KaiTi", "楷体", "Noto Serif SC", serif', 'kai')).toBe(
      '"KaiTi", "楷体", "LXGW WenKai", "LXGW WenKai Ext", "Noto Serif SC", "Noto Serif SC Ext", serif',
    );
  });

  it('applies presets and files as patches, with trim sizes from the preset name', () => {
    const p16 = applyProfilePatch(base, PROFILE_PRESETS['16开']!.patch);
    expect([p16.trimWidth, p16.trimHeight]).toEqual([185, 260]);
    expect(p16.margins.inner).toBe(18);
    const a4 = applyProfilePatch(base, { trimName: 'A4', bleed: 5, generated: { subjectIndex: false } });
    expect([a4.trimWidth, a4.trimHeight, a4.bleed, a4.generated?.subjectIndex]).toEqual([210, 297, 5, false]);
  });

  it('rejects a bad profile with a Chinese message naming the field', () => {
    try {
      applyProfilePatch(base, { columns: 7 } as never, 'my.json');
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as Error).message).toMatch(/版式方案“my.json”有误：columns/);
    }
  });
});
