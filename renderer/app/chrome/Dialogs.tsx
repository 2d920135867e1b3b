// Modal dialogs: new book, book list, backups, add/rename/delete, about, shortcuts, PDF unavailable.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { EDITOR_COMMANDS, formatShortcut } from '../../editor/commands';
import { useT, useWb, useWorkbench } from '../context';
import { formatBytes, formatTime } from '../format';
import { isEditorSlot, MENUS, OTHER_SHORTCUTS, type MenuItemDef } from '../menu/menus';
import type { Dialog } from '../workbench';
import { CommandPalette } from './CommandPalette';

/**
 * A modal dialog. Escape and a click beside it close it, except that a click beside a dialog holding unsaved
 * changes (`dirty`) does nothing: a stray click must not throw away a page of settings; Escape and 取消 still do.
 */
export function Modal({ title, children, onClose, wide, className, dirty }: { title: string; children: ReactNode; onClose(): void; wide?: boolean; className?: string; dirty?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button.is-primary, button');
    first?.focus();
    return () => prev?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !dirty && onClose()}>
      <div
        ref={ref}
        className={`modal${wide ? ' is-wide' : ''}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Tab') {
            // Keep focus inside the dialog.
            const f = [...(ref.current?.querySelectorAll<HTMLElement>('input, select, textarea, button:not([disabled]), [href]') ?? [])];
            if (!f.length) return;
            const i = f.indexOf(document.activeElement as HTMLElement);
            if (e.shiftKey && i <= 0) {
              e.preventDefault();
              f[f.length - 1]!.focus();
            } else if (!e.shiftKey && i === f.length - 1) {
              e.preventDefault();
              f[0]!.focus();
            }
          }
        }}
      >
        <h2 className="modal-title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

export function Dialogs() {
  const dialog = useWb((s) => s.dialog);
  if (!dialog) return null;
  return <DialogSwitch dialog={dialog} />;
}

function DialogSwitch({ dialog }: { dialog: Dialog }) {
  const wb = useWorkbench();
  const close = () => wb.store.set({ dialog: null });
  switch (dialog.kind) {
    case 'newBook':
      return <NewBookDialog onClose={close} />;
    case 'books':
      return <BooksDialog onClose={close} />;
    case 'backups':
      return <BackupsDialog dialog={dialog} onClose={close} />;
    case 'about':
      return <AboutDialog onClose={close} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    case 'palette':
      return <CommandPalette onClose={close} />;
    case 'pdfUnavailable':
      return <PdfUnavailableDialog onClose={close} />;
    case 'addCategory':
      return <NameDialog titleKey="app.dialog.addCategory" label="app.dialog.categoryName" initial="" onClose={close} onSubmit={(v) => wb.addCategory(v)} />;
    case 'addSection': {
      const cat = wb.state.outline.find((n) => n.id === dialog.categoryId);
      return (
        <NameDialog
          titleKey="app.dialog.addSection"
          titleParams={{ category: cat?.title ?? '' }}
          label="app.dialog.sectionName"
          initial=""
          onClose={close}
          onSubmit={(v) => wb.addSection(dialog.categoryId, v)}
        />
      );
    }
    case 'delete':
      return <DeleteDialog dialog={dialog} onClose={close} />;
    default:
      // Dialogs of other features (renderer/app/volume …) are drawn by those features.
      return null;
  }
}

function Buttons({ children }: { children: ReactNode }) {
  return <div className="modal-buttons">{children}</div>;
}

function NewBookDialog({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [volume, setVolume] = useState(String(year));
  const [record, setRecord] = useState(String(year - 1));
  const [recordTouched, setRecordTouched] = useState(false);
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = Number(volume);
    const r = Number(record);
    if (!title.trim()) return setError(t('app.dialog.needTitle'));
    if (!Number.isInteger(v) || v < 1949 || v > 2200 || !Number.isInteger(r) || r < 1949 || r > 2200) return setError(t('app.dialog.badYear'));
    void wb.createBook({ title: title.trim().replace(/^《|》$/g, ''), volumeYear: v, recordYear: r, publisherOrg: org.trim() });
  };
  return (
    <Modal title={t('app.dialog.newBook')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          <span>{t('app.dialog.bookTitle')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('app.dialog.bookTitlePlaceholder')} autoFocus />
        </label>
        <div className="form-row">
          <label>
            <span>{t('app.dialog.volumeYear')}</span>
            <input
              inputMode="numeric"
              value={volume}
              onChange={(e) => {
                setVolume(e.target.value);
                if (!recordTouched && /^\d{4}$/.test(e.target.value)) setRecord(String(Number(e.target.value) - 1));
              }}
            />
          </label>
          <label>
            <span>{t('app.dialog.recordYear')}</span>
            <input
              inputMode="numeric"
              value={record}
              onChange={(e) => {
                setRecord(e.target.value);
                setRecordTouched(true);
              }}
            />
          </label>
        </div>
        <label>
          <span>{t('app.dialog.publisherOrg')}</span>
          <input value={org} onChange={(e) => setOrg(e.target.value)} placeholder={t('app.dialog.publisherOrgPlaceholder')} />
        </label>
        <p className="muted small">{t('app.dialog.newBookHint')}</p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <Buttons>
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button is-primary">
            {t('app.dialog.create')}
          </button>
        </Buttons>
      </form>
    </Modal>
  );
}

function NameDialog(p: {
  titleKey: 'app.dialog.addCategory' | 'app.dialog.addSection';
  titleParams?: Record<string, string>;
  label: 'app.dialog.categoryName' | 'app.dialog.sectionName';
  initial: string;
  onClose(): void;
  onSubmit(v: string): Promise<void>;
}) {
  const t = useT();
  const [value, setValue] = useState(p.initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={t(p.titleKey, p.titleParams)} onClose={p.onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const v = value.trim().replace(/\s+/g, ' ');
          if (!v) return setError(t('app.dialog.needName'));
          void p.onSubmit(v);
        }}
      >
        <label>
          <span>{t(p.label)}</span>
          <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus onFocus={(e) => e.target.select()} />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <Buttons>
          <button type="button" className="button" onClick={p.onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button is-primary">
            {t('app.ok')}
          </button>
        </Buttons>
      </form>
    </Modal>
  );
}

function DeleteDialog({ dialog, onClose }: { dialog: Extract<Dialog, { kind: 'delete' }>; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  return (
    <Modal title={t(dialog.nodeKind === 'category' ? 'app.dialog.deleteCategory' : 'app.dialog.deleteSection', { title: dialog.title })} onClose={onClose}>
      <p>
        {dialog.nodeKind === 'category'
          ? t('app.dialog.deleteCategoryBody', { sections: dialog.sections, entries: dialog.entries })
          : t('app.dialog.deleteSectionBody', { entries: dialog.entries })}
      </p>
      <p className="muted small">{t('app.dialog.deleteBackupNote')}</p>
      <Buttons>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('app.cancel')}
        </button>
        <button type="button" className="button is-danger" onClick={() => void wb.deleteNode(dialog.nodeId)}>
          {t('app.dialog.delete')}
        </button>
      </Buttons>
    </Modal>
  );
}

function BooksDialog({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const books = useWb((s) => s.books);
  const current = useWb((s) => s.book?.id);
  const locale = useWb((s) => s.view.locale);
  return (
    <Modal title={t('app.dialog.books')} onClose={onClose} wide>
      <p className="muted small">{t('app.dialog.booksHint')}</p>
      {books.length === 0 ? (
        <p className="muted">{t('app.dialog.noBooks')}</p>
      ) : (
        <ul className="list">
          {books.map((b) => (
            <li key={b.id} className={`list-row${b.id === current ? ' is-current' : ''}`}>
              <div>
                <div className="list-title">{t('app.book.fullTitle', { title: b.title, volume: b.volumeYear })}</div>
                <div className="muted small">{t('app.dialog.bookMeta', { record: b.recordYear, updated: formatTime(b.updatedAt, locale) })}</div>
              </div>
              {b.id === current ? (
                <span className="badge">{t('app.dialog.currentBook')}</span>
              ) : (
                <button type="button" className="button is-small" onClick={() => void wb.switchBook(b.id)}>
                  {t('app.dialog.openBook')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Buttons>
        <button type="button" className="button" onClick={() => wb.store.set({ dialog: { kind: 'newBook' } })}>
          {t('app.menu.newBook')}
        </button>
        <button type="button" className="button is-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </Buttons>
    </Modal>
  );
}

function BackupsDialog({ dialog, onClose }: { dialog: Extract<Dialog, { kind: 'backups' }>; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const locale = useWb((s) => s.view.locale);
  const hasBook = useWb((s) => s.book !== null);
  const [confirm, setConfirm] = useState<string | null>(null);
  return (
    <Modal title={t('app.dialog.backups')} onClose={onClose} wide>
      <p className="muted small">{t('app.dialog.backupsHint')}</p>
      {dialog.backups === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : dialog.backups.length === 0 ? (
        <p className="muted">{t('app.dialog.noBackups')}</p>
      ) : (
        <ul className="list" aria-label={t('app.dialog.backups')}>
          {dialog.backups.map((b) => (
            <li key={b.id} className="list-row">
              <div>
                <div className="list-title">{b.bookTitle}</div>
                <div className="muted small">
                  {formatTime(b.createdAt, locale)} · {formatBytes(b.byteLength)}
                </div>
              </div>
              {confirm === b.id ? (
                <span className="rev-confirm">
                  <button type="button" className="button is-primary is-small" onClick={() => void wb.restoreBackup(b.id)}>
                    {t('app.dialog.restoreConfirm')}
                  </button>
                  <button type="button" className="button is-small" onClick={() => setConfirm(null)}>
                    {t('app.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="button is-small" onClick={() => setConfirm(b.id)}>
                  {t('app.dialog.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Buttons>
        {hasBook ? (
          <button type="button" className="button" onClick={() => void wb.backupNow()}>
            {t('app.menu.backupNow')}
          </button>
        ) : null}
        <button type="button" className="button is-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </Buttons>
    </Modal>
  );
}

const PERSIST_KEYS = {
  persisted: 'app.about.persist.persisted',
  granted: 'app.about.persist.granted',
  denied: 'app.about.persist.denied',
  unsupported: 'app.about.persist.unsupported',
} as const;

function AboutDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const info = useWb((s) => s.appInfo);
  const persist = useWb((s) => s.persist);
  return (
    <Modal title={t('app.dialog.about')} onClose={onClose}>
      <div className="about">
        <div className="about-mark" aria-hidden="true">
          {t('label.brandMark')}
        </div>
        <div>
          <p className="about-name">{t('app.name')}</p>
          <p className="muted">{t('app.about.tagline')}</p>
        </div>
      </div>
      <dl className="facts">
        <dt>{t('app.about.version')}</dt>
        <dd>{info?.version ?? '—'}</dd>
        <dt>{t('app.about.shell')}</dt>
        <dd>{info ? (info.shell === 'web' ? t('app.status.web') : t('app.status.desktop')) : '—'}</dd>
        <dt>{t('app.about.os')}</dt>
        <dd>{info?.os ?? '—'}</dd>
        <dt>{t('app.about.pdf')}</dt>
        <dd>{info ? (info.canPrintPdf ? t('app.about.pdfYes') : t('app.about.pdfNo')) : '—'}</dd>
        <dt>{t('app.about.storage')}</dt>
        <dd>{persist ? t(PERSIST_KEYS[persist]) : '—'}</dd>
      </dl>
      <Buttons>
        <button type="button" className="button is-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </Buttons>
    </Modal>
  );
}

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const web = useWb((s) => s.appInfo?.shell !== 'electron');
  return (
    <Modal title={t('app.dialog.shortcuts')} onClose={onClose} wide>
      <div className="shortcuts">
        {MENUS.map((m) => {
          const items = m.items.filter((i): i is MenuItemDef => i !== 'sep' && !isEditorSlot(i) && !!i.accel && !(web && i.desktopOnlyAccel));
          if (!items.length) return null;
          return (
            <section key={m.id}>
              <h3>{t(m.label)}</h3>
              <dl>
                {items.map((i) => (
                  <div key={i.label} className="shortcut">
                    <dt>{t(i.label)}</dt>
                    <dd>
                      <kbd>{i.accel}</kbd>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section>
          <h3>{t('app.editor.label')}</h3>
          <dl>
            {EDITOR_COMMANDS.filter((c) => c.group !== 'edit' && c.shortcut).map((c) => (
              <div key={c.id} className="shortcut">
                <dt>{t(c.label)}</dt>
                <dd>
                  <kbd>{formatShortcut(c.shortcut)}</kbd>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h3>{t('app.outline.label')}</h3>
          <dl>
            {OTHER_SHORTCUTS.map((s) => (
              <div key={s.label} className="shortcut">
                <dt>{t(s.label)}</dt>
                <dd>
                  <kbd>{s.keys}</kbd>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <Buttons>
        <button type="button" className="button is-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </Buttons>
    </Modal>
  );
}

function PdfUnavailableDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Modal title={t('app.menu.exportPdf')} onClose={onClose}>
      <p>{t('app.dialog.pdfUnavailable')}</p>
      <Buttons>
        <button type="button" className="button is-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </Buttons>
    </Modal>
  );
}
