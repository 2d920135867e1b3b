import { describe, expect, it } from 'vitest';
import { loadSample } from '../../../../renderer/app/sample';
import { bookBlocks, type Book } from '../../../../shared/model';
import { bookToRows } from '../../../../renderer/storage/rows';

const rowsFigures = (book: Book) => [...bookBlocks(book)].filter((v) => v.block.type === 'figure' && v.block.assetId).length;

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
    // Every figure has its stand-in photo, and the bytes of each come along for storage.
    const figures = rowsFigures(book);
    expect(figures).toBe(7);
    expect(book.assets).toHaveLength(7);
    expect([...assets.keys()].sort()).toEqual(book.assets.map((a) => a.id).sort());
    for (const a of book.assets) expect(assets.get(a.id)!.length).toBe(a.byteLength);
    const rows = bookToRows(book);
    expect(rows.nodes.filter((n) => n.kind === 'section')).toHaveLength(14);
    expect(rows.nodes.filter((n) => n.kind === 'entry')).toHaveLength(56);
  });
});
