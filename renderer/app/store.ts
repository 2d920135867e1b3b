// A tiny observable store: the workbench controller holds one immutable state object and replaces it on
// every change; React components read slices of it with useSyncExternalStore.
import { useSyncExternalStore } from 'react';

export class Store<S> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}

  get = (): S => this.state;

  set(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    const p = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    this.notify();
  }

  /**
   * Replaces the state now — get() returns it at once — but leaves telling the listeners (React's re-renders) to
   * a later notify(). For changes that arrive many times a second and show nothing urgent: the editor's report of
   * every keystroke, whose renders would otherwise run inside the keystroke's frame.
   */
  setQuietly(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStore<S, T>(store: Store<S>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
