// AST → editor → AST over whole generated books (shared/generate: real yearbook text recombined — 特载 reports,
// 大事记, tables with merged cells, figures, attribution lines, subsections): every section of each volume is
// loaded into an editor set up as the app sets it up (the editor's node set, rich text, history, the table
// plugin with merged cells and without cell colours) and read back the way the app reads it after an edit
// (SectionReader, SectionSyncPlugin), and through the JSON of the editor state. The result must be the
// section's canonical form (docs/editor.md) — and the section itself wherever its marks are canonical already.
import { createHeadlessEditor } from '@lexical/headless';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { registerTablePlugin, TableCellNode } from '@lexical/table';
import type { LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { allSections, type Book, type Section } from '../../../../shared/model';
import { generateVolume } from '../../../../shared/generate';
import { loadSampleBook } from '../../../../shared/sample';
import { canonicalSection } from '../../../../renderer/editor/convert/canonical';
import { SectionReader } from '../../../../renderer/editor/convert/reader';
import { $loadSection } from '../../../../renderer/editor/convert/section';
import { EDITOR_NAMESPACE, EDITOR_NODES } from '../../../../renderer/editor/editorConfig';

/** A headless editor with what the app's SectionEditor registers that can touch content. */
function appEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: EDITOR_NAMESPACE,
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  registerTablePlugin(editor);
  // TablePlugin hasCellBackgroundColor={false}
  editor.registerNodeTransform(TableCellNode, (node) => {
    if (node.getBackgroundColor() !== null) node.setBackgroundColor(null);
  });
  return editor;
}

/** Loads the section as the app does (initial editor state) and reads it back as SectionSyncPlugin does. */
function throughEditor(section: Section): { read: Section; viaJson: Section } {
  const editor = appEditor();
  editor.update(() => $loadSection(section), { discrete: true });
  const read = editor.getEditorState().read(() => new SectionReader(section).$read(section));
  const other = appEditor();
  other.setEditorState(other.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
  const viaJson = other.getEditorState().read(() => new SectionReader(section).$read(section));
  return { read, viaJson };
}

const SEEDS = [1, 2, 3];

describe('AST → editor → AST over generated books', () => {
  const sample = loadSampleBook();
  for (const seed of SEEDS) {
    it(`keeps every section of generated volume ${seed}`, () => {
      const { book } = generateVolume(sample, { seed, scale: 0.3, images: false });
      const sections = allSections(book as Book).map((x) => x.section);
      expect(sections.length).toBeGreaterThan(25);
      const kinds = new Set<string>();
      let exact = 0;
      for (const s of sections) {
        const visit = (c: Section['children'][number]): void => {
          kinds.add(c.type);
          if (c.type === 'entry') c.blocks.forEach((b) => kinds.add(b.type));
          if (c.type === 'subsection') c.children.forEach(visit);
        };
        s.children.forEach(visit);
        const canonical = canonicalSection(s);
        const { read, viaJson } = throughEditor(s);
        expect(read, `${s.title} (${s.id})`).toEqual(canonical);
        expect(viaJson, `${s.title} (${s.id}) via JSON`).toEqual(canonical);
        if (JSON.stringify(canonical) === JSON.stringify(s)) {
          expect(read).toEqual(s);
          exact++;
        }
      }
      // The volume exercises the node kinds of a real yearbook, and most sections are canonical as generated.
      for (const k of ['entry', 'subsection', 'paragraph', 'heading', 'dated', 'table', 'figure', 'attribution']) expect(kinds, k).toContain(k);
      expect(exact).toBeGreaterThan(sections.length / 2);
    });
  }
});
