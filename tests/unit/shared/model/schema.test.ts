import { describe, expect, it } from 'vitest';
import {
  BOOK_SCHEMA_VERSION,
  UserError,
  bookCounts,
  indexBook,
  migrateRaw,
  newAttribution,
  newBook,
  newCategory,
  newEntry,
  newSection,
  parseBook,
  sequentialIds,
  countWords,
  countChars,
} from '../../../../shared/model';

function smallBook() {
  const ids = sequentialIds();
  const book = newBook({ title: '拱墅年鉴', volumeYear: 2022, now: '2022-01-01T00:00:00.000Z' }, ids);
  const cat = newCategory('杭州市拱墅区人民政府', 'regular', ids);
  const sec = newSection('综述', ids);
  const e1 = newEntry('概况', ['2021年，区政府坚持以人民为中心。'], ids);
  const e2 = newEntry('区域融合加快', ['2021年，拱墅以“促融合”为主线。'], ids);
  sec.children.push(e1, e2, newAttribution('author', ['於晓萍'], [e1.id, e2.id], ids, '（於晓萍）'));
  cat.sections.push(sec);
  book.body.push(cat);
  return book;
}

describe('book schema', () => {
  it('stores volume year and record year separately, record year defaulting to volume − 1', () => {
    const b = smallBook();
    expect(b.volumeYear).toBe(2022);
    expect(b.recordYear).toBe(2021);
  });

  it('round-trips a book through JSON and the schema unchanged', () => {
    const b = smallBook();
    expect(parseBook(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });

  it('fills defaults for optional parts of older, sparser files', () => {
    const b = parseBook({ schemaVersion: BOOK_SCHEMA_VERSION, id: 'b_1', title: '临安年鉴', volumeYear: 2021, recordYear: 2020, createdAt: 'x', updatedAt: 'x' });
    expect(b.body).toEqual([]);
    expect(b.printProfile.trimWidth).toBe(210);
    expect(b.houseStyle.titleWarnLength).toBe(15);
  });

  it('rejects damaged data with a Chinese message naming the place', () => {
    const b = smallBook() as unknown as { body: { sections: { children: { title: unknown }[] }[] }[] };
    b.body[0]!.sections[0]!.children[0]!.title = 42;
    try {
      parseBook(b);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).message).toMatch(/书稿数据不完整或已损坏/);
      expect((e as UserError).message).toContain('body.0.sections.0.children.0');
    }
  });

  it('rejects duplicate ids', () => {
    const b = smallBook();
    const sec = b.body[0]!.sections[0]!;
    sec.children.push({ ...(sec.children[0] as object) } as never);
    expect(() => parseBook(b)).toThrow(/重复的编号/);
  });

  it('refuses books from a newer format and says so', () => {
    expect(() => parseBook({ ...smallBook(), schemaVersion: BOOK_SCHEMA_VERSION + 1 })).toThrow(/请升级软件/);
  });

  it('migrates step by step without touching the input, and all-or-nothing on failure', () => {
    const v1 = { schemaVersion: 1, year: 2022 };
    const migrations = {
      1: (raw: Record<string, unknown>) => ({ ...raw, volumeYear: raw.year, year: undefined }),
      2: (raw: Record<string, unknown>) => ({ ...raw, recordYear: (raw.volumeYear as number) - 1 }),
    };
    const out = migrateRaw(v1, migrations, 3);
    expect(out.from).toBe(1);
    expect(out.data).toMatchObject({ schemaVersion: 3, volumeYear: 2022, recordYear: 2021 });
    expect(v1).toEqual({ schemaVersion: 1, year: 2022 });
    const failing = { 1: migrations[1], 2: () => { throw new Error('boom'); } };
    expect(() => migrateRaw(v1, failing, 3)).toThrow(/从格式版本 2 升级到 3 时出错/);
  });

  it('indexes every node with its path', () => {
    const b = smallBook();
    const idx = indexBook(b);
    const entry = b.body[0]!.sections[0]!.children[0]!;
    expect(idx.get(entry.id)?.path.section?.title).toBe('综述');
    const para = (entry as { blocks: { id: string }[] }).blocks[0]!;
    expect(idx.get(para.id)?.path.entry?.id).toBe(entry.id);
  });

  it('counts categories, sections, entries, attributions and characters', () => {
    const c = bookCounts(smallBook());
    expect(c).toMatchObject({ categories: 1, sections: 1, entries: 2, attributions: 1, tables: 0, figures: 0 });
    expect(c.characters).toBe(countChars('杭州市拱墅区人民政府综述概况区域融合加快2021年，区政府坚持以人民为中心。2021年，拱墅以“促融合”为主线。'));
  });
});

describe('text measures', () => {
  it('counts 字数 like a Chinese word processor: each Han character and mark one, each Latin/number run one', () => {
    expect(countWords('2021年，GDP增长3.5%。')).toBe(1 + 1 + 1 + 1 + 2 + 1 + 1);
    expect(countChars('综 述')).toBe(2);
  });
});
