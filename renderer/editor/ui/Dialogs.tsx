// The editor's small dialogs: insert table, insert / edit figure, table properties, index term, comment.
// Keyboard-first: the first field has the focus, Enter confirms (Ctrl+Enter in the comment box), Escape cancels,
// and the text caret comes back where it was.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { t } from '../../../shared/i18n';
import { parseCredit, type Figure } from '../../../shared/model';
import { $indexTermAtCaret, $selectedRange } from '../actions/marks';
import { $tableAtCaret } from '../actions/table';
import { runCommand, type EditorController, type EditorDialog } from '../controller';
import { $isFigureNode, type FigureData } from '../nodes/FigureNode';
import type { TableChrome } from '../nodes/YbTableNode';
import { $selectedTopLevel } from '../structure';
import { useEditorEnv } from './EditorEnv';

function Modal(props: { title: string; onClose(): void; onSubmit(): void; children: ReactNode; submitLabel?: string; wide?: boolean; submitOnEnter?: boolean }): JSX.Element {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  }, []);
  return (
    <div className="yb-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <form
        ref={ref}
        className={props.wide ? 'yb-modal is-wide' : 'yb-modal'}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      >
        <h2 className="yb-modal-title">{props.title}</h2>
        <div className="yb-modal-body">{props.children}</div>
        <div className="yb-modal-actions">
          <button type="button" className="yb-btn" onClick={props.onClose}>
            {t('editor.dialog.cancel')}
          </button>
          <button type="submit" className="yb-btn is-primary">
            {props.submitLabel ?? t('editor.dialog.ok')}
          </button>
        </div>
      </form>
    </div>
  );
}

function Field(props: { label: string; children: ReactNode; hint?: string }): JSX.Element {
  return (
    <label className="yb-field">
      <span className="yb-field-label">{props.label}</span>
      {props.children}
      {props.hint ? <span className="yb-field-hint">{props.hint}</span> : null}
    </label>
  );
}

export function EditorDialogs(props: { ctl: EditorController; dialog: EditorDialog | null; onClose(): void }): JSX.Element | null {
  const { dialog, ctl } = props;
  const [editor] = useLexicalComposerContext();
  const close = () => {
    props.onClose();
    editor.focus();
  };
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'table':
      return <TableDialog ctl={ctl} onClose={close} />;
    case 'tableProps':
      return <TablePropsDialog ctl={ctl} onClose={close} />;
    case 'figure':
      return <FigureDialog ctl={ctl} edit={dialog.edit} onClose={close} />;
    case 'indexTerm':
      return <IndexTermDialog ctl={ctl} onClose={close} />;
    case 'comment':
      return <CommentDialog ctl={ctl} onClose={close} />;
  }
}

function TableDialog(props: { ctl: EditorController; onClose(): void }): JSX.Element {
  const [rows, setRows] = useState(4);
  const [cols, setCols] = useState(3);
  const [header, setHeader] = useState(1);
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState('');
  return (
    <Modal
      title={t('editor.dialog.table')}
      onClose={props.onClose}
      onSubmit={() => {
        runCommand(props.ctl, 'insert.table', {
          rows: clamp(rows, 1, 200),
          cols: clamp(cols, 1, 30),
          headerRows: clamp(header, 0, rows),
          number: number.trim() || null,
          title: title.trim(),
          ...(unit.trim() ? { unitNote: unit.trim() } : {}),
        });
        props.onClose();
      }}
      submitLabel={t('editor.dialog.insert')}
    >
      <div className="yb-field-row">
        <Field label={t('editor.dialog.rows')}>
          <input type="number" min={1} max={200} value={rows} onChange={(e) => setRows(Number(e.target.value))} />
        </Field>
        <Field label={t('editor.dialog.cols')}>
          <input type="number" min={1} max={30} value={cols} onChange={(e) => setCols(Number(e.target.value))} />
        </Field>
        <Field label={t('editor.dialog.headerRows')}>
          <input type="number" min={0} max={rows} value={header} onChange={(e) => setHeader(Number(e.target.value))} />
        </Field>
      </div>
      <div className="yb-field-row">
        <Field label={t('editor.dialog.tableNumber')} hint={t('editor.dialog.numberHint')}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="6" />
        </Field>
        <Field label={t('editor.dialog.tableTitle')}>
          <input className="is-wide" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
      </div>
      <Field label={t('editor.dialog.unitNote')}>
        <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder={t('label.placeholder.unitNote')} />
      </Field>
    </Modal>
  );
}

function TablePropsDialog(props: { ctl: EditorController; onClose(): void }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const initial = useMemo(() => editor.getEditorState().read(() => $tableAtCaret()?.getChrome() ?? null), [editor]);
  const [number, setNumber] = useState(initial?.number ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [hasUnit, setHasUnit] = useState(initial?.unitNote !== undefined);
  const [unit, setUnit] = useState(initial?.unitNote ?? '');
  const [hasNote, setHasNote] = useState(initial?.note !== undefined);
  const [note, setNote] = useState(initial?.note ?? '');
  const [fullWidth, setFullWidth] = useState(initial?.fullWidth ?? false);
  if (!initial) return null;
  return (
    <Modal
      title={t('editor.dialog.tableProps')}
      onClose={props.onClose}
      onSubmit={() => {
        const patch: Partial<TableChrome> = {
          number: number.trim() || null,
          title: title.trim(),
          unitNote: hasUnit ? unit.trim() : undefined,
          note: hasNote ? note.trim() : undefined,
          fullWidth,
        };
        runCommand(props.ctl, 'table.properties', patch);
        props.onClose();
      }}
    >
      <div className="yb-field-row">
        <Field label={t('editor.dialog.tableNumber')} hint={t('editor.dialog.numberHint')}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <Field label={t('editor.dialog.tableTitle')}>
          <input className="is-wide" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
      </div>
      <div className="yb-field-row">
        <label className="yb-check">
          <input type="checkbox" checked={hasUnit} onChange={(e) => setHasUnit(e.target.checked)} /> {t('editor.dialog.unitNote')}
        </label>
        <input disabled={!hasUnit} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder={t('label.placeholder.unitNote')} aria-label={t('editor.dialog.unitNote')} />
      </div>
      <div className="yb-field-row">
        <label className="yb-check">
          <input type="checkbox" checked={hasNote} onChange={(e) => setHasNote(e.target.checked)} /> {t('editor.dialog.tableNote')}
        </label>
        <input className="is-wide" disabled={!hasNote} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('label.placeholder.tableNote')} aria-label={t('editor.dialog.tableNote')} />
      </div>
      <label className="yb-check">
        <input type="checkbox" checked={fullWidth} onChange={(e) => setFullWidth(e.target.checked)} /> {t('editor.dialog.fullWidth')}
      </label>
    </Modal>
  );
}

function FigureDialog(props: { ctl: EditorController; edit: boolean; onClose(): void }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const env = useEditorEnv();
  const initial = useMemo<FigureData | null>(
    () =>
      props.edit
        ? editor.getEditorState().read(() => {
            const top = $selectedTopLevel();
            return top && $isFigureNode(top) ? top.getFigure() : null;
          })
        : null,
    [editor, props.edit],
  );
  const [assetId, setAssetId] = useState<string | null>(initial?.assetId ?? null);
  const [number, setNumber] = useState(initial?.number ?? '');
  const [caption, setCaption] = useState(initial?.caption ?? '');
  const [credit, setCredit] = useState(initial?.credit?.raw ?? '');
  const [fullWidth, setFullWidth] = useState(initial?.fullWidth ?? false);
  const images = env.book.assets.filter((a) => a.mime.startsWith('image/'));
  return (
    <Modal
      wide
      title={props.edit ? t('editor.dialog.figureProps') : t('editor.dialog.figure')}
      onClose={props.onClose}
      submitLabel={props.edit ? t('editor.dialog.ok') : t('editor.dialog.insert')}
      onSubmit={() => {
        const f: Partial<Figure> = { assetId, number: number.trim() || null, caption: caption.trim(), fullWidth, credit: parseCredit(credit) };
        runCommand(props.ctl, props.edit ? 'figure.properties' : 'insert.figure', f);
        props.onClose();
      }}
    >
      <div className="yb-asset-grid" role="listbox" aria-label={t('editor.dialog.chooseImage')}>
        <button type="button" role="option" aria-selected={assetId === null} className={assetId === null ? 'yb-asset is-selected' : 'yb-asset'} onClick={() => setAssetId(null)}>
          <span className="yb-asset-missing">{t('editor.figure.missing')}</span>
        </button>
        {images.map((a) => {
          const url = env.book.assetUrl(a.id);
          return (
            <button type="button" role="option" aria-selected={assetId === a.id} key={a.id} className={assetId === a.id ? 'yb-asset is-selected' : 'yb-asset'} onClick={() => setAssetId(a.id)} title={a.fileName}>
              {url ? <img src={url} alt={a.fileName} /> : <span className="yb-asset-missing">{a.fileName}</span>}
            </button>
          );
        })}
      </div>
      {env.book.pickImage ? (
        <button type="button" className="yb-btn" onClick={() => void env.book.pickImage?.().then((id) => id && setAssetId(id))}>
          {t('image.pick')}
        </button>
      ) : null}
      {images.length === 0 && !env.book.pickImage ? <p className="yb-field-hint">{t('editor.dialog.noImages')}</p> : null}
      <div className="yb-field-row">
        <Field label={t('editor.dialog.figureNumber')} hint={t('editor.dialog.numberHint')}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="78" />
        </Field>
        <Field label={t('editor.dialog.caption')}>
          <input className="is-wide" value={caption} onChange={(e) => setCaption(e.target.value)} placeholder={t('editor.figure.captionPlaceholder')} />
        </Field>
      </div>
      <div className="yb-field-row">
        <Field label={t('editor.dialog.credit')}>
          <input className="is-wide" value={credit} onChange={(e) => setCredit(e.target.value)} placeholder={t('editor.figure.creditPlaceholder')} />
        </Field>
        <label className="yb-check">
          <input type="checkbox" checked={fullWidth} onChange={(e) => setFullWidth(e.target.checked)} /> {t('editor.dialog.fullWidth')}
        </label>
      </div>
    </Modal>
  );
}

function IndexTermDialog(props: { ctl: EditorController; onClose(): void }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const info = useMemo(
    () =>
      editor.getEditorState().read(() => {
        const term = $indexTermAtCaret();
        const r = $selectedRange();
        const text = term ? term.getTextContent() : r ? r.block.getTextContent().slice(r.start, r.end) : '';
        return { text, sortKey: term?.getSortKey() ?? '', existing: !!term && !r };
      }),
    [editor],
  );
  const [sortKey, setSortKey] = useState(info.sortKey);
  // The pinyin the index sorts by when no key is given (pinyin-pro is loaded on demand: it is large).
  const [auto, setAuto] = useState('');
  useEffect(() => {
    let live = true;
    void import('pinyin-pro').then(({ pinyin }) => {
      if (live) setAuto(pinyin(info.text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' '));
    });
    return () => {
      live = false;
    };
  }, [info.text]);
  return (
    <Modal
      title={t('editor.dialog.indexTerm')}
      onClose={props.onClose}
      onSubmit={() => {
        if (info.existing) {
          editor.update(() => {
            $indexTermAtCaret()?.setSortKey(sortKey.trim());
          });
        } else runCommand(props.ctl, 'review.indexTerm', { sortKey: sortKey.trim() });
        props.onClose();
      }}
    >
      <p className="yb-term-preview">
        {t('label.lead', { label: t('editor.dialog.termText') })}
        <strong>{info.text}</strong>
      </p>
      <Field label={t('editor.dialog.sortKey')} hint={t('editor.dialog.sortKeyHint', { auto })}>
        <input value={sortKey} onChange={(e) => setSortKey(e.target.value)} placeholder={auto} />
      </Field>
    </Modal>
  );
}

function CommentDialog(props: { ctl: EditorController; onClose(): void }): JSX.Element {
  const env = useEditorEnv();
  const [text, setText] = useState('');
  // The author's name is asked for once, while the app has none remembered.
  const askName = !env.book.userName && !!env.book.setUserName;
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  return (
    <Modal
      title={t('editor.dialog.comment')}
      onClose={props.onClose}
      submitLabel={t('editor.dialog.addComment')}
      onSubmit={() => {
        if (askName && text.trim() && !name.trim()) {
          setError(t('comment.nameRequired'));
          return;
        }
        if (text.trim()) props.ctl.ui.addComment?.(text.trim(), askName ? name.trim() : undefined);
        props.onClose();
      }}
    >
      <textarea className="yb-comment-input" rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('editor.dialog.commentPlaceholder')} />
      <span className="yb-field-hint">{t('editor.dialog.commentHint')}</span>
      {askName ? (
        <Field label={t('comment.name')} hint={t('comment.nameHint')}>
          <input value={name} onChange={(e) => (setName(e.target.value), setError(''))} />
        </Field>
      ) : null}
      {error ? (
        <span className="yb-field-error" role="alert">
          {error}
        </span>
      ) : null}
    </Modal>
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Number.isFinite(n) ? Math.round(n) : lo));
}
