import { describe, expect, it } from 'vitest';
import { loadSample } from '../../../../renderer/app/sample';
import { bookToRows } from '../../../../renderer/storage/rows';

describe('first-run sample', () => {
  it('is the importer-built 《临安年鉴（2021）》 from the corpus seeds, ready for storage', async () => {
    const contents = await loadSample();
    expect(contents).not.toBeNull();
    const { book, assets } = contents!;
    expect([book.title, book.volumeYear, book.recordYear]).toEqual(['临安年鉴', 2021, 2020]);
    expect(book.body.map((c) => [c.role, c.title])).toEqual([
      ['special', '特载'],
      ['regular', '杭州市临安区人民政府'],
    ]);
    // Every figure without a photo, so no asset bytes are needed.
    expect(book.assets).toEqual([]);
    expect(assets.size).toBe(0);
    const rows = bookToRows(book);
    expect(rows.nodes.filter((n) => n.kind === 'section')).toHaveLength(14);
    expect(rows.nodes.filter((n) => n.kind === 'entry')).toHaveLength(56);
  });
});
