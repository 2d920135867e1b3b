// The source as received, one row per line (DOCX: per paragraph), coloured by what it was read as, with
// healed breaks and doubts marked. Large files render in chunks: a chunk is built only near the viewport
// (a placeholder of its measured or estimated height elsewhere), so a file of many thousand lines scrolls.
// SourceLines is the list itself; the review screen shows a draft's recognition with it (SourceView), the
// 来稿原文 viewer (renderer/app/source) a source kept with the book.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HealKind, LineReport } from '../../../shared/import';
import { useT } from '../context';
import { useImport, useSession } from './importContext';
import type { Draft } from './importSession';
import { lineMarks, roleGroup } from './roles';

const CHUNK = 200;
const EST_ROW = 22;

/** What SourceLines marks on the lines: the heals each line takes part in, the lines with a doubt. */
export interface SourceLineMarks {
  heals: ReadonlyMap<number, HealKind[]>;
  doubts: { has(no: number): boolean };
}

export function SourceView({ draft }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const result = draft.result!;
  const marks = useMemo(() => lineMarks(result), [result]);
  const selected = useImport((s) => s.selectedLine);
  const onSelect = useCallback((no: number) => session.selectLine(no), [session]);
  return <SourceLines key={draft.id} lines={result.report.lines} marks={marks} selected={selected} onSelect={onSelect} label={t('importUi.source')} />;
}

/** The lines of a source, rendered in chunks near the viewport; the selected line is brought into view. */
export function SourceLines({
  lines,
  marks,
  selected,
  onSelect,
  label,
  className,
}: {
  lines: readonly LineReport[];
  marks: SourceLineMarks;
  selected: number | null;
  onSelect(no: number): void;
  label: string;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const slices = useMemo(() => Array.from({ length: Math.ceil(lines.length / CHUNK) }, (_, c) => lines.slice(c * CHUNK, (c + 1) * CHUNK)), [lines]);
  const chunks = slices.length;
  const [visible, setVisible] = useState<Set<number>>(() => new Set([0, 1]));
  const [heights, setHeights] = useState<Record<number, number>>({});

  // Chunks near the viewport are rendered.
  useEffect(() => {
    const root = scrollRef.current;
    if (!root) return;
    const io = new IntersectionObserver(
      (items) => {
        setVisible((prev) => {
          const next = new Set(prev);
          let changed = false;
          for (const it of items) {
            const i = Number((it.target as HTMLElement).dataset.chunk);
            if (it.isIntersecting && !next.has(i)) {
              next.add(i);
              changed = true;
            } else if (!it.isIntersecting && next.has(i) && next.size > 4) {
              next.delete(i);
              changed = true;
            }
          }
          return changed ? next : prev;
        });
      },
      { root, rootMargin: '1200px 0px' },
    );
    for (const el of root.querySelectorAll('[data-chunk]')) io.observe(el);
    return () => io.disconnect();
  }, [chunks, lines]);

  // The chunk of the selected line (chosen in the outline, a doubt, …) is always rendered …
  const selectedChunk = useMemo(() => {
    const idx = selected === null ? -1 : lines.findIndex((l) => l.no === selected);
    return idx < 0 ? -1 : Math.floor(idx / CHUNK);
  }, [selected, lines]);
  // … and the line brought into view.
  useLayoutEffect(() => {
    if (selected === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-line="${selected}"]`);
    if (el && !isInView(el, scrollRef.current!)) el.scrollIntoView({ block: 'center' });
  }, [selected, selectedChunk]);

  const onHeight = useCallback((c: number, h: number) => setHeights((prev) => (prev[c] === h ? prev : { ...prev, [c]: h })), []);

  return (
    <div className={`imp-source${className ? ` ${className}` : ''}`} ref={scrollRef} role="list" aria-label={label}>
      {slices.map((slice, c) => {
        const shown = visible.has(c) || c === selectedChunk;
        const inChunk = selected !== null && slice.some((l) => l.no === selected) ? selected : null;
        return (
          <div key={c} data-chunk={c} className="imp-chunk" style={shown ? undefined : { height: heights[c] ?? slice.length * EST_ROW }}>
            {shown ? <Chunk index={c} lines={slice} marks={marks} selected={inChunk} onSelect={onSelect} onHeight={onHeight} /> : null}
          </div>
        );
      })}
    </div>
  );
}

function isInView(el: HTMLElement, root: HTMLElement): boolean {
  const a = el.getBoundingClientRect();
  const b = root.getBoundingClientRect();
  return a.top >= b.top && a.bottom <= b.bottom;
}

const Chunk = memo(function Chunk({
  index,
  lines,
  marks,
  selected,
  onSelect,
  onHeight,
}: {
  index: number;
  lines: readonly LineReport[];
  marks: SourceLineMarks;
  selected: number | null;
  onSelect(no: number): void;
  onHeight(index: number, h: number): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (parent) onHeight(index, parent.offsetHeight);
  });
  return (
    <div ref={ref} className="imp-chunk-lines">
      {lines.map((l) => (
        <SourceLine key={l.no} line={l} heals={marks.heals.get(l.no)} doubt={marks.doubts.has(l.no)} selected={selected === l.no} onSelect={onSelect} />
      ))}
    </div>
  );
});

/** A run-in entry title at the start of a line ("【概况】2020年，…"): the title part is marked, the body not. */
const RUN_IN = /^(\s*[【〖][^】〗]*[】〗])(.+)$/s;

function SourceLine({ line, heals, doubt, selected, onSelect }: { line: LineReport; heals: HealKind[] | undefined; doubt: boolean; selected: boolean; onSelect(no: number): void }) {
  const t = useT();
  const group = roleGroup(line.role);
  const cls = ['imp-line', `is-${group}`, `role-${line.role}`, heals ? 'is-healed' : '', doubt ? 'is-doubt' : '', line.overridden ? 'is-overridden' : '', selected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
  const showRole = group !== 'body' && line.role !== 'blank';
  const text = line.text.replace(/\t/g, ' ⇥ ');
  const runIn = line.role === 'entry-title' ? RUN_IN.exec(text) : null;
  return (
    <div
      role="listitem"
      className={cls}
      data-line={line.no}
      data-role={line.role}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(line.no)}
    >
      <span className="imp-no">
        {heals ? (
          <span className="imp-heal-mark" title={[...new Set(heals)].map((k) => t(`import.heal.${k}`)).join(t('label.groupSep'))}>
            ⤶
          </span>
        ) : null}
        {line.no}
      </span>
      {runIn ? (
        <span className="imp-text">
          <span className="imp-title-part">{runIn[1]}</span>
          <span className="imp-body-part">{runIn[2]}</span>
        </span>
      ) : (
        <span className="imp-text">{text || '\u00a0'}</span>
      )}
      {showRole || line.overridden ? (
        <span className="imp-role">
          {t(`import.role.${line.role}`)}
          {line.overridden ? ' ✎' : ''}
        </span>
      ) : null}
      {doubt ? (
        <span className="imp-doubt-mark" title={t('importUi.legend.doubt')}>
          ?
        </span>
      ) : null}
    </div>
  );
}
