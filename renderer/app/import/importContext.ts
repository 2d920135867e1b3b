// The import session for the components of the review screen.
import { createContext, useContext } from 'react';
import { useStore } from '../store';
import type { ImportSession, ImportState } from './importSession';

export const ImportContext = createContext<ImportSession | null>(null);

export function useSession(): ImportSession {
  const s = useContext(ImportContext);
  if (!s) throw new Error('useSession outside ImportContext');
  return s;
}

export function useImport<T>(select: (s: ImportState) => T): T {
  return useStore(useSession().store, select);
}
