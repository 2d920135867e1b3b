// Closing a window without losing the last keystrokes: when the renderer has registered a
// before-close handler (it flushes the debounced autosave to IndexedDB), the first close request is held,
// the renderer is asked to finish, and the window closes when it answers — or after a time limit, so a
// hung renderer can never keep the window open.
export type CloseDecision = 'close' | 'wait';

export interface CloseGuardOptions {
  /** Asks the renderer of the window to finish its work (sends IPC.beforeClose). */
  ask: (windowId: number) => void;
  /** Closes the window for real (the guard lets that close through). */
  close: (windowId: number) => void;
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onTimeout?: (windowId: number) => void;
}

export class CloseGuard {
  private readonly guarded = new Set<number>();
  private readonly released = new Set<number>();
  private readonly waiting = new Map<number, unknown>();
  private readonly o: Required<Omit<CloseGuardOptions, 'onTimeout'>> & Pick<CloseGuardOptions, 'onTimeout'>;

  constructor(opts: CloseGuardOptions) {
    this.o = {
      timeoutMs: 4000,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...opts,
    };
  }

  /** The renderer says whether it has a before-close handler. */
  setGuarded(windowId: number, guarded: boolean): void {
    if (guarded) this.guarded.add(windowId);
    else this.guarded.delete(windowId);
  }

  /** Called from the window's 'close' event; 'wait' means: preventDefault and keep the window. */
  onClose(windowId: number): CloseDecision {
    if (!this.guarded.has(windowId) || this.released.has(windowId)) return 'close';
    if (!this.waiting.has(windowId)) {
      const timer = this.o.setTimer(() => {
        this.o.onTimeout?.(windowId);
        this.release(windowId);
      }, this.o.timeoutMs);
      this.waiting.set(windowId, timer);
      this.o.ask(windowId);
    }
    return 'wait';
  }

  /** The renderer finished (IPC.closeReady). */
  ready(windowId: number): void {
    if (this.waiting.has(windowId)) this.release(windowId);
  }

  /** The window is gone: forget it. */
  forget(windowId: number): void {
    const t = this.waiting.get(windowId);
    if (t !== undefined) this.o.clearTimer(t);
    this.waiting.delete(windowId);
    this.guarded.delete(windowId);
    this.released.delete(windowId);
  }

  private release(windowId: number): void {
    const t = this.waiting.get(windowId);
    if (t !== undefined) this.o.clearTimer(t);
    this.waiting.delete(windowId);
    this.released.add(windowId);
    this.o.close(windowId);
  }
}
