// A one-line text field inside a node view (figure caption, credit, attribution names). It grows with its
// text, commits on Enter, on leaving the field, or after a pause in typing, and never while an input
// method is composing. Escape restores the stored value. Lexical leaves events of a field inside a
// decorator node to the field; the editor's own shortcuts check the target (see plugins/ShortcutsPlugin).
import { useEffect, useRef, useState, type JSX } from 'react';

export function InlineField(props: {
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
  className?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
  onDone?(): void;
  ariaLabel?: string;
}): JSX.Element {
  const { value, onCommit, onDone } = props;
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  // While the field is not being edited it shows the stored value (which undo may change).
  const shown = editing ? draft : value;

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (v !== value) onCommit(v);
  };

  return (
    <input
      ref={ref}
      className={`yb-inline-field ${props.className ?? ''}`}
      value={shown}
      placeholder={props.placeholder}
      readOnly={props.readOnly}
      autoFocus={props.autoFocus}
      aria-label={props.ariaLabel ?? props.placeholder}
      size={Math.max(4, [...(shown || props.placeholder || '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 1)}
      spellCheck={false}
      onFocus={() => {
        setDraft(value);
        setEditing(true);
      }}
      onBlur={() => {
        setEditing(false);
        commit(draft);
        onDone?.();
      }}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={(e) => {
        composing.current = false;
        const v = (e.target as HTMLInputElement).value;
        setDraft(v);
      }}
      onChange={(e) => {
        const v = e.target.value;
        setDraft(v);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          if (!composing.current) commit(v);
        }, 1200);
      }}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing || composing.current) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(draft);
          (e.target as HTMLInputElement).blur();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(value);
          if (timer.current) clearTimeout(timer.current);
          (e.target as HTMLInputElement).blur();
        }
      }}
      onMouseDown={(e) => e.stopPropagation()}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
