import { match } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildTree, dropAllowed, dropPositionAt, keyboardMove, substringMatcher, visibleRows, type Matcher } from '../../../../renderer/app/outline/tree';
import { bookToRows } from '../../../../renderer/storage/rows';
import { seedBook } from '../fixtures/seedBook';

const rows = bookToRows(seedBook().book).nodes;
const tree = buildTree(rows);
const titles = (list: ReturnType<typeof visibleRows>) => list.map((r) => `${'  '.repeat(r.node.depth)}${r.node.row.title}`);

describe('outline tree', () => {
  it('orders nodes as the book does and sums category counts from its sections', () => {
    const cat = tree.roots[0]!;
    expect(cat.children.map((c) => c.row.title)).toEqual(['综述', '重要会议', '重要施政', '行政审批服务·公共资源交易', '数据资源管理', '建议和提案办理', '应急管理', '消防']);
    expect(cat.counts.entries).toBe(45);
    expect(tree.totals).toMatchObject({ sections: 8, entries: 45 });
    expect(cat.counts.characters).toBe(cat.children.reduce((n, s) => n + s.counts.characters, 0) + '杭州市拱墅区人民政府'.length);
  });

  it('shows children of expanded nodes only', () => {
    const cat = tree.roots[0]!;
    expect(visibleRows(tree, new Set(), null)).toHaveLength(1);
    const sec = cat.children[1]!;
    expect(titles(visibleRows(tree, new Set([cat.row.id, sec.row.id]), null)).slice(0, 6)).toEqual([
      '杭州市拱墅区人民政府',
      '  综述',
      '  重要会议',
      '    区政府全体会议',
      '    区政府常务会议',
      '    区政府重要专题会议',
    ]);
  });

  it('filters by characters or pinyin initials, keeping the path to every hit', () => {
    const plain = visibleRows(tree, new Set(), substringMatcher('概况'));
    expect(plain.filter((r) => r.match).length).toBe(6);
    expect(plain[0]!.node.row.kind).toBe('category');
    const pinyin: Matcher = (t) => match(t, 'yjgl') ?? null;
    expect(titles(visibleRows(tree, new Set(), pinyin))).toEqual(['杭州市拱墅区人民政府', '  应急管理']);
    expect(visibleRows(tree, new Set(), substringMatcher('不存在的标题'))).toEqual([]);
  });
});

describe('outline moves', () => {
  const cat = tree.roots[0]!;
  const [s1, s2] = cat.children;
  const e1 = s2!.children[0]!;
  const e2 = s2!.children[1]!;

  it('allows only the drops the book model can hold', () => {
    expect(dropAllowed(e1, e2, 'after')).toBe(true);
    expect(dropAllowed(e1, s1!, 'inside')).toBe(true);
    expect(dropAllowed(e1, s1!, 'before')).toBe(false);
    expect(dropAllowed(s1!, s2!, 'after')).toBe(true);
    expect(dropAllowed(s1!, e1, 'before')).toBe(false);
    expect(dropAllowed(s2!, e1, 'inside')).toBe(false);
    expect(dropAllowed(s1!, cat, 'inside')).toBe(true);
    expect(dropAllowed(cat, s1!, 'before')).toBe(false);
  });

  it('reads the drop position from where on the row the pointer is', () => {
    expect(dropPositionAt(e1, e2, 0.1)).toBe('before');
    expect(dropPositionAt(e1, e2, 0.9)).toBe('after');
    // an entry onto a section can only go inside, wherever it is dropped on the row
    expect(dropPositionAt(e1, s1!, 0.1)).toBe('inside');
    expect(dropPositionAt(s2!, s1!, 0.5)).toBe('after');
    expect(dropPositionAt(s1!, e1, 0.5)).toBeNull();
  });

  it('Alt+arrows step past a neighbour, or into the next section at its start (the previous at its end)', () => {
    const all = visibleRows(tree, new Set([cat.row.id, s1!.row.id, s2!.row.id]), null);
    expect(keyboardMove(all, e2.row.id, -1)).toEqual({ targetId: e1.row.id, position: 'before' });
    expect(keyboardMove(all, e1.row.id, 1)).toEqual({ targetId: e2.row.id, position: 'after' });
    // the first entry of 重要会议 going up lands after the last entry of 综述
    const lastOfFirst = s1!.children.at(-1)!;
    expect(keyboardMove(all, e1.row.id, -1)).toEqual({ targetId: lastOfFirst.row.id, position: 'after' });
    expect(keyboardMove(all, s1!.row.id, -1)).toBeNull();
    expect(keyboardMove(all, s1!.row.id, 1)).toEqual({ targetId: s2!.row.id, position: 'after' });
    expect(keyboardMove(all, cat.row.id, 1)).toBeNull();
  });
});

describe('outline status filter', () => {
  it('keeps the sections at a stage with their category, without entries; with a title filter both must match', () => {
    const atFirst = visibleRows(tree, new Set(), null, 'first-review');
    expect(titles(atFirst)).toEqual(['杭州市拱墅区人民政府', '  综述']);
    expect(titles(visibleRows(tree, new Set(), null, 'draft'))).toHaveLength(8);
    expect(visibleRows(tree, new Set(), null, 'approved')).toHaveLength(0);
    expect(titles(visibleRows(tree, new Set(), substringMatcher('应急'), 'draft'))).toEqual(['杭州市拱墅区人民政府', '  应急管理']);
    expect(visibleRows(tree, new Set(), substringMatcher('应急'), 'first-review')).toHaveLength(0);
  });
});
