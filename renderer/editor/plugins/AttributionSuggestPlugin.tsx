// Untagged lines that look like attributions — "(陈康)" on its own line, or "…平安区”。（於晓萍）" at the end of a
// paragraph — get a wavy underline and a one-click chip in the margin ("署名？撰稿 陈康"). Clicking the chip
// tags the line as the suggested kind; "采纳全部署名建议" does it for every suggestion of the section.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $isElementNode, type NodeKey } from 'lexical';
import { useCallback, useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import { t } from '../../../shared/i18n';
import type { Contributor } from '../../../shared/model';
import { $applySuggestion, suggestAttribution, type AttributionSuggestion } from '../actions/attribution';
import { $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { whenIdle } from '../idle';
import { $textPieces, domBoundsFor, liveRange } from '../textmap';

interface Found {
  key: NodeKey;
  suggestion: AttributionSuggestion;
}

export interface SuggestApi {
  count(): number;
  acceptAll(): number;
}

const HIGHLIGHT = 'yb-attr-suggest';

function highlights(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

export function AttributionSuggestPlugin(props: {
  pageRef: RefObject<HTMLElement | null>;
  contributors: readonly Contributor[];
  apiRef: RefObject<SuggestApi | null>;
  readOnly: boolean;
}): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const { pageRef, readOnly, apiRef } = props;
  const [found, setFound] = useState<Found[]>([]);
  const [tops, setTops] = useState<Record<NodeKey, number>>({});
  const contributors = useRef(props.contributors);
  useEffect(() => {
    contributors.current = props.contributors;
  }, [props.contributors]);

  // Scan paragraphs (only the changed ones after the first pass), a moment after typing stops.
  useEffect(() => {
    const cache = new Map<NodeKey, { text: string; s: AttributionSuggestion | null }>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const scan = () => {
      timer = null;
      const next: Found[] = [];
      editor.getEditorState().read(() => {
        for (const n of $getRoot().getChildren()) {
          if (!$isBodyParagraphNode(n)) continue;
          const key = n.getKey();
          const text = n.getTextContent();
          let c = cache.get(key);
          if (!c || c.text !== text) {
            c = { text, s: suggestAttribution(text) };
            cache.set(key, c);
          }
          if (c.s) next.push({ key, suggestion: c.s });
        }
      });
      setFound((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    const cancelFirst = whenIdle(scan, 800);
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (!dirtyElements.size && !dirtyLeaves.size) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(scan, 250);
    });
    return () => {
      cancelFirst();
      off();
      if (timer) clearTimeout(timer);
    };
  }, [editor]);

  // Underline the suggested text and place the chips beside their lines.
  const layout = useCallback(() => {
    const page = pageRef.current;
    const reg = highlights();
    const ranges: StaticRange[] = [];
    const pos: Record<NodeKey, number> = {};
    if (page) {
      const base = page.getBoundingClientRect().top;
      editor.getEditorState().read(() => {
        for (const f of found) {
          const node = $getNodeByKey(f.key);
          const el = editor.getElementByKey(f.key);
          if (!node || !el || !$isElementNode(node)) continue;
          const b = domBoundsFor(editor, $textPieces(node), f.suggestion.start, f.suggestion.end);
          if (b) ranges.push(new StaticRange(b));
          const rect = ((b && liveRange(b)?.getClientRects()[0]) ?? el.getBoundingClientRect()) as DOMRect;
          pos[f.key] = rect.top - base;
        }
      });
    }
    if (reg) {
      if (ranges.length) reg.set(HIGHLIGHT, new Highlight(...ranges));
      else reg.delete(HIGHLIGHT);
    }
    setTops((prev) => (JSON.stringify(prev) === JSON.stringify(pos) ? prev : pos));
  }, [editor, found, pageRef]);

  // Placed again when the text around moves: after a pause in typing, and when the page resizes.
  useEffect(() => {
    if (!found.length) {
      highlights()?.delete(HIGHLIGHT);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = setTimeout(layout, 0);
    const again = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(layout, 150);
    };
    const off = editor.registerUpdateListener(again);
    const ro = typeof ResizeObserver !== 'undefined' && pageRef.current ? new ResizeObserver(again) : null;
    if (ro && pageRef.current) ro.observe(pageRef.current);
    return () => {
      if (timer) clearTimeout(timer);
      off();
      ro?.disconnect();
      highlights()?.delete(HIGHLIGHT);
    };
  }, [editor, layout, pageRef, found.length]);

  const apply = useCallback(
    (list: Found[]) => {
      let n = 0;
      editor.update(
        () => {
          for (const f of list) {
            const node = $getNodeByKey(f.key);
            if (node && $isBodyParagraphNode(node) && suggestAttribution(node.getTextContent())) {
              const s = suggestAttribution(node.getTextContent())!;
              if ($applySuggestion(node, s, contributors.current)) n++;
            }
          }
        },
        { discrete: true },
      );
      return n;
    },
    [editor],
  );

  useEffect(() => {
    apiRef.current = { count: () => found.length, acceptAll: () => apply(found) };
  }, [apiRef, apply, found]);

  if (readOnly || !found.length) return null;
  return (
    <div className="yb-suggest-layer" aria-live="polite">
      {found.map((f) =>
        tops[f.key] === undefined ? null : (
          <button
            type="button"
            key={f.key}
            className="yb-suggest-chip"
            style={{ top: tops[f.key] }}
            data-suggest-kind={f.suggestion.kind}
            title={t('editor.suggest.title', { kind: t(`editor.attribution.kind.${f.suggestion.kind}`), names: f.suggestion.names.join('、') })}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => apply([f])}
          >
            <span className="yb-suggest-q">{t('editor.suggest.label')}</span>
            {t(`editor.attribution.kind.${f.suggestion.kind}`)} {f.suggestion.names.join(' ')}
          </button>
        ),
      )}
    </div>
  );
}
