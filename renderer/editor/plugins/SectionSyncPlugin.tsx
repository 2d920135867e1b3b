// Keeps the editor and the book model in step:
// - after every edit, emits the whole section (onChange), read incrementally by SectionReader;
// - gives new blocks their ids (and pasted duplicates fresh ones) before anything is emitted;
// - loads a section that changed outside the editor (an outline move, a book-wide replace) and clears the
//   undo history then, so undo can never bring back content that now lives elsewhere. Sections the editor
//   emitted itself — or copies of them, even late ones from an autosave round trip — are not reloaded.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, CLEAR_HISTORY_COMMAND, HISTORIC_TAG, HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useRef } from 'react';
import { randomId, type Section } from '../../../shared/model';
import { $idPrefixFor } from '../convert/blocks';
import type { SectionReader } from '../convert/reader';
import { $loadSection } from '../convert/section';
import { deepEqual } from '../deepEqual';
import { whenIdle } from '../idle';
import { $setBlockId } from '../state';

export const EXTERNAL_LOAD_TAG = 'yb-external-load';
const RECENT = 24;

export function SectionSyncPlugin(props: { section: Section; onChange(section: Section): void; reader: SectionReader }): null {
  const [editor] = useLexicalComposerContext();
  const { reader } = props;
  const base = useRef(props.section);
  const recent = useRef<Section[]>([props.section]);
  const emitted = useRef(new WeakSet<Section>([props.section]));
  const onChange = useRef(props.onChange);
  useEffect(() => {
    onChange.current = props.onChange;
  }, [props.onChange]);

  useEffect(() => {
    // What the loaded content reads as: updates that change nothing compare equal to it and emit nothing.
    // Read once the page is on screen (it costs a few milliseconds on a long section), or at the first update.
    let primed = false;
    const prime = () => {
      if (primed) return;
      primed = true;
      const s = editor.getEditorState().read(() => reader.$read(base.current));
      emitted.current.add(s);
      recent.current = [s, ...recent.current].slice(0, RECENT);
    };
    const cancel = whenIdle(prime);
    const off = editor.registerUpdateListener((payload) => {
        prime();
        const { editorState, dirtyElements, dirtyLeaves, tags } = payload;
        if (tags.has(EXTERNAL_LOAD_TAG)) {
          const loaded = editorState.read(() => reader.$read(base.current));
          emitted.current.add(loaded);
          recent.current = [loaded, ...recent.current].slice(0, RECENT);
          return;
        }
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0 && !tags.has(HISTORIC_TAG)) return;
        const problems = editorState.read(() => reader.$idProblems(payload));
        if (problems.length) {
          editor.update(
            () => {
              for (const p of problems) {
                const node = $getNodeByKey(p.key);
                if (node) $setBlockId(node, randomId($idPrefixFor(node)));
              }
            },
            { tag: HISTORY_MERGE_TAG },
          );
          return;
        }
        const section = editorState.read(() => reader.$read(base.current, payload));
        if (section === recent.current[0]) return; // the update changed nothing in the model
        emitted.current.add(section);
        recent.current = [section, ...recent.current].slice(0, RECENT);
        onChange.current(section);
      });
    return () => {
      cancel();
      off();
    };
  }, [editor, reader]);

  useEffect(() => {
    const incoming = props.section;
    if (emitted.current.has(incoming)) return;
    const last = recent.current[0]!;
    const ownFields = { ...incoming, children: last.children };
    if (recent.current.some((s) => deepEqual(s.children, incoming.children))) {
      // Our own content (a copy, or an older state still travelling through the app); only the section's
      // own fields (title, status …) may have changed.
      base.current = ownFields;
      return;
    }
    base.current = incoming;
    reader.reset(incoming);
    emitted.current.add(incoming);
    recent.current = [incoming];
    editor.update(() => $loadSection(incoming), { tag: [EXTERNAL_LOAD_TAG, HISTORY_MERGE_TAG], discrete: true });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  }, [editor, reader, props.section]);

  return null;
}
