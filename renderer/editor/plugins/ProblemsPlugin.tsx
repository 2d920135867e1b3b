// The checker's problems in the open section (EditorProblem, from the app): the offending text is underlined
// by severity (CSS Custom Highlight API, like AttributionSuggestPlugin — nothing is added to the document, so
// the editor state and undo history stay untouched), and hovering it shows the message (and, for a heuristic rule, why it fired).
//
// The problems come from the last check of the saved section; while the user types they may lag behind. A
// problem is underlined only where its element still holds the offending text at that range, so a stale
// finding never underlines the wrong characters.
import './problems.css';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isElementNode } from 'lexical';
import { useCallback, useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import type { EditorProblem } from '../contract';
import { $modelIdIndex } from '../structure';
import { $textPieces, liveRange, staticRangeFor } from '../textmap';

const SEVERITIES = ['error', 'warning', 'info'] as const;
const highlightName = (s: EditorProblem['severity']) => `yb-problem-${s}`;

function highlights(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

function clearHighlights(): void {
  const reg = highlights();
  for (const s of SEVERITIES) reg?.delete(highlightName(s));
}

interface Placed {
  problem: EditorProblem;
  range: StaticRange;
  /** The block element holding the text (hover looks only at the problems of the block under the pointer). */
  block: HTMLElement;
}

interface Tip {
  top: number;
  left: number;
  problems: EditorProblem[];
}

export function ProblemsPlugin(props: { problems: readonly EditorProblem[]; pageRef: RefObject<HTMLElement | null> }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const { problems, pageRef } = props;
  const placed = useRef<Placed[]>([]);
  const [tip, setTip] = useState<Tip | null>(null);

  // The DOM ranges of the problems whose text is where the finding says — for the blocks on screen and a screen
  // above and below: an unedited draft can have hundreds of findings in one 分目, and every underlined range
  // costs Chromium work in each frame while the user types (paint, hit testing). Placed again on scrolling.
  const layout = useCallback(() => {
    const out: Placed[] = [];
    const viewport = typeof window !== 'undefined' ? window.innerHeight : 0;
    const near = new Map<HTMLElement, boolean>();
    const isNear = (el: HTMLElement) => {
      let v = near.get(el);
      if (v === undefined) {
        const r = el.getBoundingClientRect();
        v = !viewport || (r.bottom >= -viewport && r.top <= 2 * viewport);
        near.set(el, v);
      }
      return v;
    };
    editor.getEditorState().read(() => {
      const byId = $modelIdIndex();
      for (const p of problems) {
        const node = byId.get(p.nodeId);
        if (!node || !$isElementNode(node)) continue;
        const block = editor.getElementByKey(node.getKey());
        if (!block || !isNear(block)) continue;
        const field = p.field === 'dateLabel' ? 'label' : p.field === 'text' || p.field === 'title' ? 'text' : null;
        if (!field) continue;
        const pieces = $textPieces(node, field);
        if (p.text !== undefined) {
          const text = pieces.map((x) => (x.kind === 'break' ? '\n' : x.node.getTextContent())).join('');
          if (text.slice(p.start, p.end) !== p.text) continue;
        }
        const range = staticRangeFor(editor, pieces, p.start, p.end);
        if (range) out.push({ problem: p, range, block });
      }
    });
    placed.current = out;
    const reg = highlights();
    if (!reg) return;
    for (const s of SEVERITIES) {
      const ranges = out.filter((x) => x.problem.severity === s).map((x) => x.range);
      if (ranges.length) reg.set(highlightName(s), new Highlight(...ranges));
      else reg.delete(highlightName(s));
    }
  }, [editor, problems]);

  // Placed again after a pause in typing and when the page reflows.
  useEffect(() => {
    if (!problems.length) {
      placed.current = [];
      clearHighlights();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = setTimeout(layout, 0);
    const again = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(layout, 200);
    };
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) again();
    });
    const page = pageRef.current;
    const ro = typeof ResizeObserver !== 'undefined' && page ? new ResizeObserver(again) : null;
    if (ro && page) ro.observe(page);
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(layout, 80);
    };
    const doc = page?.ownerDocument;
    doc?.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      if (timer) clearTimeout(timer);
      off();
      ro?.disconnect();
      doc?.removeEventListener('scroll', onScroll, { capture: true });
      clearHighlights();
    };
  }, [editor, layout, pageRef, problems.length]);

  // The message on hover: which underlined ranges are under the pointer.
  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    let frame = 0;
    let last: string | null = null;
    const onMove = (e: MouseEvent) => {
      const x = e.clientX;
      const y = e.clientY;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hits: { p: EditorProblem; rect: DOMRect }[] = [];
        const under = e.target instanceof Node ? e.target : null;
        for (const { problem, range: at, block } of placed.current) {
          if (!under || !block.contains(under)) continue;
          const range = liveRange(at);
          if (!range) continue;
          for (const r of range.getClientRects()) {
            if (x >= r.left && x <= r.right && y >= r.top - 1 && y <= r.bottom + 2) {
              hits.push({ p: problem, rect: r });
              break;
            }
          }
        }
        const key = hits.map((h) => h.p.id).join('|') || null;
        if (key === last) return;
        last = key;
        if (!hits.length) return setTip(null);
        const base = page.getBoundingClientRect();
        const r = hits[0]!.rect;
        setTip({ top: r.bottom - base.top + 4, left: Math.max(0, Math.min(r.left - base.left, base.width - 320)), problems: hits.map((h) => h.p) });
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      last = null;
      setTip(null);
    };
    page.addEventListener('mousemove', onMove);
    page.addEventListener('mouseleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      page.removeEventListener('mousemove', onMove);
      page.removeEventListener('mouseleave', onLeave);
    };
  }, [pageRef]);

  // Typing hides the message.
  useEffect(() => editor.registerUpdateListener(({ dirtyLeaves }) => dirtyLeaves.size && setTip(null)), [editor]);

  if (!tip || !problems.length) return null;
  return (
    <div className="yb-problem-tip" role="tooltip" style={{ top: tip.top, left: tip.left }}>
      {tip.problems.map((p) => (
        <div key={p.id} className={`yb-problem-tip-row is-${p.severity}`}>
          {p.message}
          {p.reason ? <div className="yb-problem-tip-why">{p.reason}</div> : null}
        </div>
      ))}
    </div>
  );
}
