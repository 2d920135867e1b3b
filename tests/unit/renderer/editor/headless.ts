// A headless section editor for tests: the editor's node set and table transforms, no DOM rendering.
import { createHeadlessEditor } from '@lexical/headless';
import { registerTablePlugin } from '@lexical/table';
import type { LexicalEditor } from 'lexical';
import type { Section } from '../../../../shared/model';
import { EDITOR_NAMESPACE, EDITOR_NODES } from '../../../../renderer/editor/editorConfig';
import { $loadSection, $readSection } from '../../../../renderer/editor/convert/section';

export function createTestEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: EDITOR_NAMESPACE,
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerTablePlugin(editor);
  return editor;
}

export function loadInto(editor: LexicalEditor, section: Section): void {
  editor.update(() => $loadSection(section), { discrete: true });
}

export function readFrom(editor: LexicalEditor, base: Section): Section {
  return editor.getEditorState().read(() => $readSection(base));
}

/** AST → editor state → AST. */
export function roundTrip(section: Section): Section {
  const editor = createTestEditor();
  loadInto(editor, section);
  return readFrom(editor, section);
}

/** AST → editor state → JSON → a fresh editor → AST (what copy/paste of whole blocks and saved states rely on). */
export function roundTripViaJson(section: Section): Section {
  const a = createTestEditor();
  loadInto(a, section);
  const json = JSON.stringify(a.getEditorState().toJSON());
  const b = createTestEditor();
  b.setEditorState(b.parseEditorState(json));
  return readFrom(b, section);
}
