import { useT, useWb, useWorkbench } from '../context';

/** Shown when no book is in storage (all books were removed, or the sample could not be loaded). */
export function Welcome() {
  const wb = useWorkbench();
  const t = useT();
  const books = useWb((s) => s.books);
  return (
    <main className="welcome">
      <div className="welcome-card">
        <div className="welcome-mark" aria-hidden="true">
          {t('label.brandMark')}
        </div>
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.welcome.lead')}</p>
        <div className="welcome-actions">
          <button type="button" className="button is-primary" onClick={() => wb.store.set({ dialog: { kind: 'newBook' } })}>
            {t('app.menu.newBook')}
          </button>
          <button type="button" className="button" onClick={() => void wb.openBookFile()}>
            {t('app.menu.open')}
          </button>
          <button type="button" className="button" onClick={() => void wb.showBackups()}>
            {t('app.menu.restoreBackup')}
          </button>
          {books.length ? (
            <button type="button" className="button" onClick={() => wb.store.set({ dialog: { kind: 'books' } })}>
              {t('app.menu.books')}
            </button>
          ) : null}
        </div>
        <p className="muted small">{t('app.welcome.storage')}</p>
      </div>
    </main>
  );
}
