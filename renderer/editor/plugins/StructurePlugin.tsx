// Keyboard behaviour that keeps the section's structure intact while typing:
// - Enter in an entry title (or subsection heading) moves into the body: at the end it goes to the first body
//   paragraph (creating one if needed), in the middle the rest of the title starts the body, at the start it
//   opens an empty paragraph before the title (the end of the previous entry). Shift+Enter does nothing:
//   titles are one line.
// - Backspace at the start of a title, or of the first paragraph after one, moves the caret instead of
//   merging a paragraph into a title; an empty title is removed (its entry joins the previous one).
// - Delete at the end of a block before a title does not pull the title into the block.
// - Titles hold plain text: formatting commands are ignored there and pasted formatting is dropped.
// - Formatting the book model cannot hold (underline, code, colours …) is neither applied (Ctrl+U …) nor
//   pasted.
// - Pasted blocks lose their model ids, so a copy never steals the id of the original.
// - A click into text while a block is selected puts the caret there at once.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $setState,
  $createRangeSelectionFromDom,
  $isNodeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $appendInline, MODEL_FORMAT_MASK } from '../convert/inline';
import { $createBodyParagraphNode, $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $isCommentMarkNode } from '../nodes/CommentMarkNode';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $isIndexTermNode } from '../nodes/IndexTermNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { blockIdState } from '../state';
import { $topLevelOf } from '../structure';
import { $offsetOf } from '../textmap';

function $isTitleLike(n: LexicalNode | null | undefined): boolean {
  return !!n && ($isEntryTitleNode(n) || $isSubsectionHeadingNode(n));
}

/** True when a text block that may follow a title directly as its body (paragraph-like, not another heading). */
const MODEL_FORMATS = new Set<string>(['bold', 'italic', 'superscript', 'subscript']);

function $isBodyText(n: LexicalNode | null): n is ElementNode {
  return !!n && $isElementNode(n) && !$isTitleLike(n) && n.getType() !== 'yb-table';
}

function $caretIn(): { top: ElementNode; offset: number; length: number } | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) || !sel.isCollapsed()) return null;
  const top = $topLevelOf(sel.anchor.getNode());
  if (!top || !$isElementNode(top)) return null;
  const offset = $offsetOf(top, sel.anchor.getNode(), sel.anchor.offset);
  if (offset === null) return null;
  return { top, offset, length: top.getTextContentSize() };
}

export function StructurePlugin(): null {
  const [editor] = useLexicalComposerContext();
  // Text inserted into an empty block without a key or a composition (voice input, some input methods,
  // automation): Lexical 0.52 lets the browser insert it and then puts the caret at the start of the next block.
  // Insert it ourselves there.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onBeforeInput = (e: InputEvent) => {
          if (e.inputType !== 'insertText' || !e.data || e.isComposing || editor.isComposing()) return;
          let handled = false;
          editor.update(
            () => {
              const sel = $getSelection();
              if (!$isRangeSelection(sel) || !sel.isCollapsed()) return;
              const block = $topLevelOf(sel.anchor.getNode());
              if (!block || !$isElementNode(block) || block.getTextContentSize() !== 0 || sel.anchor.type !== 'element') return;
              sel.insertText(e.data!);
              handled = true;
            },
            { discrete: true },
          );
          if (handled) {
            e.preventDefault();
            e.stopImmediatePropagation();
          }
        };
        root?.addEventListener('beforeinput', onBeforeInput as EventListener, true);
        return () => root?.removeEventListener('beforeinput', onBeforeInput as EventListener, true);
      }),
    [editor],
  );
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const sel = $getSelection();
            if (!$isRangeSelection(sel)) return false;
            const top = $topLevelOf(sel.anchor.getNode());
            if (!top || !$isElementNode(top) || !$isTitleLike(top) || !top.is($topLevelOf(sel.focus.getNode()))) return false;
            event?.preventDefault();
            if (event?.shiftKey) return true;
            if (!sel.isCollapsed()) sel.removeText();
            const caret = $caretIn();
            if (!caret) return true;
            const text = top.getTextContent();
            const before = text.slice(0, caret.offset);
            const after = text.slice(caret.offset);
            if (caret.offset === 0 && text !== '') {
              const p = $createBodyParagraphNode();
              top.insertBefore(p);
              p.select();
              return true;
            }
            if (after === '') {
              const next = top.getNextSibling();
              if ($isBodyText(next) && $isBodyParagraphNode(next)) next.selectStart();
              else {
                const p = $createBodyParagraphNode();
                top.insertAfter(p);
                p.select();
              }
              return true;
            }
            top.clear();
            $appendInline(top, before, [], true);
            const p = $createBodyParagraphNode();
            $appendInline(p, after, [], true);
            top.insertAfter(p);
            p.selectStart();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_BACKSPACE_COMMAND,
          (event) => {
            const caret = $caretIn();
            if (!caret || caret.offset !== 0) return false;
            const { top } = caret;
            const prev = top.getPreviousSibling();
            if ($isTitleLike(top)) {
              event?.preventDefault();
              if (caret.length === 0 && prev) {
                top.remove();
                if ($isElementNode(prev)) prev.selectEnd();
                else prev.selectNext();
                return true;
              }
              if ($isElementNode(prev)) prev.selectEnd();
              else if (prev && $isDecoratorNode(prev)) prev.selectPrevious();
              return true;
            }
            if (prev && $isElementNode(prev) && $isTitleLike(prev)) {
              event?.preventDefault();
              if (caret.length === 0 && top.getChildrenSize() === 0) top.remove();
              prev.selectEnd();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_DELETE_COMMAND,
          (event) => {
            const caret = $caretIn();
            if (!caret || caret.offset !== caret.length) return false;
            const { top } = caret;
            const next = top.getNextSibling();
            if ($isTitleLike(next) || ($isTitleLike(top) && next && $isElementNode(next))) {
              event?.preventDefault();
              if (caret.length === 0 && !$isTitleLike(top) && $isElementNode(next)) {
                top.remove();
                next.selectStart();
              } else if ($isElementNode(next)) next.selectStart();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            // A click into text while a block (figure, attribution line) is selected: take the caret from the
            // DOM now. Lexical would clear the node selection and wait for the browser's selectionchange,
            // which can arrive after that update has already removed the DOM caret (fast clicks).
            const sel = $getSelection();
            if (!$isNodeSelection(sel)) return false;
            const target = event.target as HTMLElement | null;
            if (!target || sel.getNodes().some((n) => editor.getElementByKey(n.getKey())?.contains(target))) return false;
            const range = $createRangeSelectionFromDom(editor._window?.getSelection() ?? null, editor);
            if (!range) return false;
            $setSelection(range);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          FORMAT_TEXT_COMMAND,
          (format) => {
            // The book model holds bold, italic, superscript and subscript; titles hold none.
            if (!MODEL_FORMATS.has(format)) return true;
            const sel = $getSelection();
            if (!$isRangeSelection(sel)) return false;
            const a = $topLevelOf(sel.anchor.getNode());
            const b = $topLevelOf(sel.focus.getNode());
            return !!a && $isTitleLike(a) && !!b && a.is(b);
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
          ({ nodes, selection }) => {
            // Pasted content: no model ids (a copy never takes the original's), no formatting the model cannot
            // hold, and in a title plain text only.
            const anchor = $isRangeSelection(selection) ? $topLevelOf(selection.anchor.getNode()) : null;
            const intoTitle = !!anchor && $isTitleLike(anchor);
            const strip = (n: LexicalNode) => {
              $setState(n, blockIdState, '');
              if ($isTextNode(n)) {
                const fmt = n.getFormat();
                const allowed = intoTitle ? 0 : MODEL_FORMAT_MASK;
                if (fmt & ~allowed) n.setFormat(fmt & allowed);
                if (n.getStyle()) n.setStyle('');
              }
              if ($isElementNode(n)) {
                for (const c of n.getChildren()) strip(c);
                if (intoTitle && ($isIndexTermNode(n) || $isCommentMarkNode(n))) {
                  for (const c of n.getChildren()) n.insertBefore(c);
                  n.remove();
                }
              }
            };
            for (const n of nodes) strip(n);
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
