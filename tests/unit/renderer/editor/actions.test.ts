// The editor's actions on real corpus text in a headless editor: what the book model looks like after each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { $createNodeSelection, $getRoot, $setSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { findInSection, replaceInSection, sectionEntries, SectionSchema, type Attribution, type Paragraph, type Section } from '../../../../shared/model';
import { catalogKeys } from '../../../../shared/i18n';
import { $coversBefore, $tagAttribution, $untagAttribution, suggestAttribution, namesFromLine } from '../../../../renderer/editor/actions/attribution';
import { $setSelectedBlockKind, $toggleEntryTitle } from '../../../../renderer/editor/actions/blockKind';
import { $applySectionText } from '../../../../renderer/editor/actions/find';
import { $insertFootnote, $insertTable } from '../../../../renderer/editor/actions/insert';
import { $addCommentMark, $addIndexTerm, $removeIndexTerm } from '../../../../renderer/editor/actions/marks';
import { $toggleSectionLevel } from '../../../../renderer/editor/actions/level';
import { EDITOR_COMMANDS, formatShortcut } from '../../../../renderer/editor/commands';
import { SectionReader } from '../../../../renderer/editor/convert/reader';
import { $findByModelId } from '../../../../renderer/editor/structure';
import { $rangeSelection } from '../../../../renderer/editor/textmap';
import { corpusSections } from './corpusSections';
import { createTestEditor, loadInto } from './headless';

const waishi = (): Section => corpusSections().find((s) => s.title === '外事')!;

/** A headless editor with the section, read the way the editor emits (one reader across edits). */
function withEditor(section: Section): { editor: LexicalEditor; read(): Section; act(fn: () => void): Section } {
  const editor = createTestEditor();
  loadInto(editor, section);
  const reader = new SectionReader(section);
  const read = () => editor.getEditorState().read(() => reader.$read(section));
  return {
    editor,
    read,
    act: (fn) => {
      editor.update(fn, { discrete: true });
      return read();
    },
  };
}

/** Selects [start, end) of the text of the block with this model id. */
function $select(id: string, start: number, end = start): void {
  const node = $findByModelId(id);
  if (!node || !('getChildren' in node)) throw new Error(`no block ${id}`);
  $setSelection($rangeSelection(node as never, start, end));
}

describe('entry structure', () => {
  it('a paragraph turned into a title splits the entry; the lines covering it cover the new one; back merges', () => {
    const s = waishi();
    const entry = sectionEntries(s)[0]!;
    const para = entry.blocks[1] as Paragraph;
    const { act } = withEditor(s);
    const split = act(() => {
      $select(para.id, 3);
      $toggleEntryTitle();
    });
    const entries = sectionEntries(split);
    expect(entries).toHaveLength(sectionEntries(s).length + 1);
    const created = entries[1]!;
    expect(created.title).toBe(para.text);
    expect(created.blocks.map((b) => b.id)).toEqual(entry.blocks.slice(2).map((b) => b.id));
    const line = split.children.find((c): c is Attribution => c.type === 'attribution')!;
    expect(line.covers).toEqual([entry.id, created.id, ...sectionEntries(s).slice(1).map((e) => e.id)]);

    const merged = act(() => {
      $select(created.id, 0);
      $toggleEntryTitle();
    });
    expect(sectionEntries(merged).map((e) => e.title)).toEqual(sectionEntries(s).map((e) => e.title));
    expect(sectionEntries(merged)[0]!.blocks.map((b) => (b as Paragraph).text)).toEqual(entry.blocks.map((b) => (b as Paragraph).text));
    // the merged entry's id left the covers (it no longer exists)
    expect(merged.children.find((c): c is Attribution => c.type === 'attribution')!.covers).toEqual(line.covers.filter((id) => id !== created.id));
  });

  it('moves a block out of its entry to the section level and back', () => {
    const s = waishi();
    const last = sectionEntries(s)[1]!;
    const para = last.blocks[last.blocks.length - 1]!;
    const { act } = withEditor(s);
    const out = act(() => {
      $select(para.id, 0);
      $toggleSectionLevel();
    });
    expect(sectionEntries(out)[1]!.blocks.map((b) => b.id)).not.toContain(para.id);
    expect(out.children.some((c) => c.id === para.id)).toBe(true);
    const back = act(() => {
      $select(para.id, 0);
      $toggleSectionLevel();
    });
    expect(back).toEqual(s);
  });

  it('turns a paragraph into a subsection heading and a 特载 heading', () => {
    const s = waishi();
    const p = sectionEntries(s)[0]!.blocks[0] as Paragraph;
    const { act } = withEditor(s);
    const h = act(() => {
      $select(p.id, 0);
      $setSelectedBlockKind('heading2');
    });
    expect(sectionEntries(h)[0]!.blocks[0]).toMatchObject({ type: 'heading', level: 2, text: p.text, id: expect.stringMatching(/^h_/) });
    const sub = act(() => {
      $select(sectionEntries(h)[0]!.blocks[0]!.id, 0);
      $setSelectedBlockKind('subsection');
    });
    expect(sub.children[1]).toMatchObject({ type: 'subsection', title: p.text });
  });
});

describe('attribution lines', () => {
  it('suggests only what reads as an attribution', () => {
    expect(suggestAttribution('(陈康)')).toMatchObject({ kind: 'author', names: ['陈康'], inline: false });
    expect(suggestAttribution('（区审管办 供稿）')).toMatchObject({ kind: 'unit', names: ['区审管办'] });
    expect(suggestAttribution('……打造平安区”。（於晓萍）')).toMatchObject({ kind: 'author', names: ['於晓萍'], inline: true, start: 9 });
    expect(suggestAttribution('（一）经济社会发展主要预期目标')).toBeNull();
    expect(suggestAttribution('各项指标完成情况（见表6）')).toBeNull();
    expect(suggestAttribution('（一）')).toBeNull();
    expect(namesFromLine('（撰稿：汪 剑、朱丽娜）')).toEqual(['汪剑', '朱丽娜']);
  });

  it('tags a paragraph as a unit line, linked to the registry, covering the entries since the last line', () => {
    const s = SectionSchema.parse({
      ...waishi(),
      children: [...waishi().children, { type: 'paragraph', id: 'p_new', text: '（区外办 供稿）', marks: [] }],
    });
    const { act, editor } = withEditor(s);
    const out = act(() => {
      $select('p_new', 2);
      $tagAttribution('unit', [{ id: 'r_9', kind: 'unit', name: '区外办' }]);
    });
    const line = out.children[out.children.length - 1] as Attribution;
    expect(line).toMatchObject({ type: 'attribution', kind: 'unit', names: ['区外办'], raw: '（区外办 供稿）', contributorIds: ['r_9'], placement: 'line' });
    // the previous line (张泓阳) already covers both entries: nothing since then
    expect(line.covers).toEqual([]);
    expect(editor.getEditorState().read(() => $coversBefore($getRoot().getFirstChild()!))).toEqual([]);
    // untag gives the paragraph back as received
    const back = act(() => {
      const node = $getRoot().getLastChild()!;
      const sel = $createNodeSelection();
      sel.add(node.getKey());
      $setSelection(sel);
      $untagAttribution();
    });
    expect(back.children[back.children.length - 1]).toMatchObject({ type: 'paragraph', text: '（区外办 供稿）' });
  });

  it('splits a name line selected at the end of a paragraph into an inline attribution', () => {
    const s = waishi();
    const e = sectionEntries(s)[1]!;
    const p = e.blocks[e.blocks.length - 1] as Paragraph;
    const text = `${p.text}（於晓萍）`;
    const s2 = SectionSchema.parse({ ...s, children: s.children.map((c) => (c.id === e.id ? { ...e, blocks: [...e.blocks.slice(0, -1), { ...p, text }] } : c)) });
    const { act } = withEditor(s2);
    const out = act(() => {
      $select(p.id, p.text.length, text.length);
      $tagAttribution('author', []);
    });
    const blocks = sectionEntries(out)[1]!.blocks;
    expect((blocks[blocks.length - 2] as Paragraph).text).toBe(p.text);
    expect(blocks[blocks.length - 1]).toMatchObject({ type: 'attribution', names: ['於晓萍'], placement: 'inline', covers: sectionEntries(s).map((x) => x.id) });
  });
});

describe('marks, footnotes, tables, replace', () => {
  it('adds an index term over a comment, removes it again, exactly', () => {
    const s = waishi();
    const p = sectionEntries(s)[0]!.blocks[0] as Paragraph;
    const { act } = withEditor(s);
    const a = act(() => {
      $select(p.id, 5, 14);
      $addCommentMark('k_1');
      $select(p.id, 8, 12);
      $addIndexTerm('linan');
    });
    expect((sectionEntries(a)[0]!.blocks[0] as Paragraph).marks).toEqual([
      { type: 'comment', start: 5, end: 14, commentId: 'k_1' },
      { type: 'indexTerm', start: 8, end: 12, sortKey: 'linan' },
    ]);
    const b = act(() => {
      $select(p.id, 10);
      $removeIndexTerm();
    });
    expect((sectionEntries(b)[0]!.blocks[0] as Paragraph).marks).toEqual([{ type: 'comment', start: 5, end: 14, commentId: 'k_1' }]);
  });

  it('inserts a footnote: call-out at the caret, note at the end of the entry', () => {
    const s = waishi();
    const e = sectionEntries(s)[0]!;
    const p = e.blocks[0] as Paragraph;
    const { act } = withEditor(s);
    const out = act(() => {
      $select(p.id, 5);
      $insertFootnote('临安区外事办公室设在区政府办公室。');
    });
    const blocks = sectionEntries(out)[0]!.blocks;
    const note = blocks[blocks.length - 1]!;
    expect(note).toMatchObject({ type: 'footnote', text: '临安区外事办公室设在区政府办公室。' });
    expect((blocks[0] as Paragraph).marks).toEqual([{ type: 'footnoteRef', start: 5, end: 5, footnoteId: note.id }]);
    expect((blocks[0] as Paragraph).text).toBe(p.text);
  });

  it('inserts a table with header rows after the block at the caret', () => {
    const s = waishi();
    const p = sectionEntries(s)[0]!.blocks[0] as Paragraph;
    const { act } = withEditor(s);
    const out = act(() => {
      $select(p.id, 0);
      $insertTable({ rows: 3, cols: 2, headerRows: 1, number: '4', title: '外事接待', unitNote: '单位：人次' });
    });
    expect(sectionEntries(out)[0]!.blocks[1]).toMatchObject({
      type: 'table',
      number: '4',
      title: '外事接待',
      unitNote: '单位：人次',
      headerRows: [{ cells: [{ text: '' }, { text: '' }] }],
      bodyRows: [{ cells: [{}, {}] }, { cells: [{}, {}] }],
    });
  });

  it('applies a replace result to the changed blocks only', () => {
    const s = waishi();
    const r = replaceInSection(s, { pattern: '外事办公室' }, '外事办');
    const { act } = withEditor(s);
    const out = act(() => $applySectionText(r.value));
    expect(out).toEqual(r.value);
    expect(findInSection(out, { pattern: '外事办公室' })).toHaveLength(0);
  });
});

describe('reading the editor as a section', () => {
  it('gives the same object when an update changes nothing, and drops deleted entries from covers', () => {
    const s = waishi();
    const { editor } = withEditor(s);
    const reader = new SectionReader(s);
    const a = editor.getEditorState().read(() => reader.$read(s));
    const b = editor.getEditorState().read(() => reader.$read(s, { dirtyElements: new Map(), dirtyLeaves: new Set(), tags: new Set() }));
    expect(b).toBe(a);
    const second = sectionEntries(s)[1]!;
    editor.update(
      () => {
        const title = $findByModelId(second.id)!;
        title.remove();
      },
      { discrete: true },
    );
    const c = editor.getEditorState().read(() => reader.$read(s));
    const line = c.children.find((x): x is Attribution => x.type === 'attribution')!;
    expect(line.covers).toEqual([sectionEntries(s)[0]!.id]);
  });
});

describe('command list', () => {
  it('every command has a Chinese and an English label, and no two share a shortcut', () => {
    const { zh, en } = catalogKeys();
    const seen = new Map<string, string>();
    for (const c of EDITOR_COMMANDS) {
      expect(zh).toContain(c.label);
      expect(en).toContain(c.label);
      for (const k of [c.shortcut, ...(c.alternates ?? [])]) {
        if (!k) continue;
        const key = `${k.mod}-${k.alt}-${k.shift}-${k.key}`;
        expect(seen.get(key), `${c.id} and ${seen.get(key)} share a shortcut`).toBeUndefined();
        seen.set(key, c.id);
      }
    }
    expect(new Set(EDITOR_COMMANDS.map((c) => c.id)).size).toBe(EDITOR_COMMANDS.length);
  });

  it('is documented in docs/editor.md with its current shortcut', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/editor.md'), 'utf8');
    for (const c of EDITOR_COMMANDS) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${c.id}\` |`));
      expect(row, `${c.id} missing in docs/editor.md`).toBeDefined();
      expect(row!.endsWith(`| ${formatShortcut(c.shortcut, false)} |`), `${c.id} shortcut in docs/editor.md`).toBe(true);
    }
  });
});
