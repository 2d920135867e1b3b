import { createContext, useCallback, useContext } from 'react';
import { t as translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { useStore } from './store';
import type { Workbench, WorkbenchState } from './workbench';

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside WorkbenchContext');
  return wb;
}

/** A slice of the workbench state; the component re-renders when the slice changes (by identity). */
export function useWb<T>(select: (s: WorkbenchState) => T): T {
  return useStore(useWorkbench().store, select);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The catalog lookup in the current UI language; components re-render when the language changes. */
export function useT(): Translate {
  const locale = useWb((s) => s.view.locale);
  return useCallback((key: MessageKey, params?: MessageParams) => translate(key, params ?? {}, locale), [locale]);
}
