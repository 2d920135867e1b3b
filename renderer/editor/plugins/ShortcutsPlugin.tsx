// Keyboard shortcuts of the editor commands (commands.ts). Never while an input method is composing, and
// never for keys typed into a field inside a node view (figure caption, attribution names).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { EDITOR_COMMANDS, matchShortcut, type EditorCommandId } from '../commands';
import { runCommand, type EditorController } from '../controller';

/** Commands Lexical already binds itself (undo, bold …): left to Lexical so behaviour stays native. */
const NATIVE = new Set<string>(['edit.undo', 'edit.redo', 'format.bold', 'format.italic']);

export function isFieldTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export function ShortcutsPlugin(props: { controller: EditorController }): null {
  const [editor] = useLexicalComposerContext();
  const { controller } = props;
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.isComposing || event.keyCode === 229 || editor.isComposing() || isFieldTarget(event.target)) return false;
          for (const spec of EDITOR_COMMANDS) {
            if (NATIVE.has(spec.id)) continue;
            const keys = [spec.shortcut, ...(spec.alternates ?? [])].filter(Boolean);
            if (keys.some((k) => matchShortcut(event, k!))) {
              event.preventDefault();
              runCommand(controller, spec.id as EditorCommandId);
              return true;
            }
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, controller],
  );
  return null;
}
