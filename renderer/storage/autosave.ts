// Autosave while typing. The editor reports every change; the autosaver writes the latest version of each
// changed section after a short pause in typing, and never later than maxWaitMs after the first unsaved
// change — so at most about one second of typing is at risk. The first save of a burst of edits asks the
// storage to keep the stored version as a revision.

export type SaveState =
  | { kind: 'saved'; at: number | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown };

export interface AutosaveOptions {
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest time a change may stay unsaved while typing continues. */
  maxWaitMs?: number;
  /** A save after this much quiet time starts a new burst (and takes a revision). */
  burstGapMs?: number;
  /** A burst longer than this takes another revision, so long sessions still get history. */
  maxBurstMs?: number;
  /** Delay before retrying after a failed save. */
  retryMs?: number;
  now?: () => number;
}

export interface SaveRequest<T> {
  id: string;
  value: T;
  /** True for the first save of a burst: keep the stored version as a revision first. */
  snapshot: boolean;
}

export class Autosaver<T> {
  private readonly pending = new Map<string, T>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt: number | null = null;
  private running: Promise<void> | null = null;
  private readonly lastSavedAt = new Map<string, number>();
  private readonly burstStartedAt = new Map<string, number>();
  /** Per document with unsaved changes: the version storage holds (see change's before). */
  private readonly base = new Map<string, T>();
  private readonly listeners = new Set<(s: SaveState) => void>();
  private current: SaveState = { kind: 'saved', at: null };
  private disposed = false;
  private readonly o: Required<Omit<AutosaveOptions, 'now'>> & { now: () => number };

  constructor(
    private readonly save: (req: SaveRequest<T>) => Promise<void>,
    options: AutosaveOptions = {},
  ) {
    this.o = {
      delayMs: options.delayMs ?? 400,
      maxWaitMs: options.maxWaitMs ?? 1000,
      burstGapMs: options.burstGapMs ?? 2 * 60_000,
      maxBurstMs: options.maxBurstMs ?? 10 * 60_000,
      retryMs: options.retryMs ?? 3000,
      now: options.now ?? (() => Date.now()),
    };
  }

  get state(): SaveState {
    return this.current;
  }

  /** True while something is not yet written. */
  get dirty(): boolean {
    return this.pending.size > 0 || this.running !== null;
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Records a new version of a document; it is written after the debounce. before is the version the change
   * was made to: when nothing of this document is unsaved, that is what storage holds — the base a burst's
   * revision is made of, kept for a last-moment write during unload (takeUnsavedWithBase).
   */
  change(id: string, value: T, before?: T): void {
    if (this.disposed) return;
    if (before !== undefined && !this.base.has(id) && !this.pending.has(id) && !this.inFlight.some(([x]) => x === id)) this.base.set(id, before);
    this.pending.set(id, value);
    const now = this.o.now();
    if (this.firstPendingAt === null) this.firstPendingAt = now;
    // Said once per burst: listeners (the status bar's 保存中) need not hear of every keystroke.
    if (this.current.kind !== 'saving' && this.current.kind !== 'pending') this.setState({ kind: 'pending' });
    this.schedule(Math.min(now + this.o.delayMs, this.firstPendingAt + this.o.maxWaitMs) - now);
  }

  /** Writes everything pending now; resolves when it is stored (rejects if a write fails). */
  async flush(): Promise<void> {
    this.clearTimer();
    // Wait for a write in progress, then write what came in meanwhile.
    while (this.running) await this.running.catch(() => undefined);
    if (this.pending.size === 0) return;
    await this.runOnce();
  }

  /**
   * Everything not yet known to be stored — pending changes and the batch being written — latest version
   * per document, for a synchronous last-moment write while the page unloads. Pending changes are taken
   * (they will not be written again by this autosaver).
   */
  takeUnsaved(): [string, T][] {
    this.clearTimer();
    const out = new Map<string, T>(this.inFlight);
    for (const [id, v] of this.pending) out.set(id, v);
    this.pending.clear();
    this.firstPendingAt = null;
    return [...out];
  }

  /**
   * takeUnsaved, with the version storage held before the burst for each document whose next save would have
   * started a burst (and so taken a revision): the unload path writes that revision itself. Undefined where
   * the burst's revision was already taken, or the version before is not known.
   */
  takeUnsavedWithBase(): { id: string; value: T; before: T | undefined }[] {
    const now = this.o.now();
    return this.takeUnsaved().map(([id, value]) => ({ id, value, before: this.isBurstStart(id, now) ? this.base.get(id) : undefined }));
  }

  /** Whether a save of this document now starts a burst of edits (and so keeps the stored version as a revision). */
  private isBurstStart(id: string, now: number): boolean {
    const last = this.lastSavedAt.get(id);
    const started = this.burstStartedAt.get(id);
    return last === undefined || now - last > this.o.burstGapMs || (started !== undefined && now - started > this.o.maxBurstMs);
  }

  /** Stops the timers; pending changes are dropped unless flushed first. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) {
        // A write is under way; try again when it is done.
        void this.running.finally(() => this.pending.size && this.schedule(0));
        return;
      }
      this.runOnce().catch(() => undefined);
    }, Math.max(0, ms));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private inFlight: [string, T][] = [];

  private runOnce(): Promise<void> {
    const batch = [...this.pending];
    this.inFlight = batch;
    this.pending.clear();
    this.firstPendingAt = null;
    this.setState({ kind: 'saving' });
    const run = (async () => {
      try {
        for (const [id, value] of batch) {
          const now = this.o.now();
          const snapshot = this.isBurstStart(id, now);
          try {
            await this.save({ id, value, snapshot });
          } catch (e) {
            // Keep the failed version unless a newer one arrived meanwhile; retry later.
            for (const [bid, bval] of batch.slice(batch.findIndex(([x]) => x === id))) if (!this.pending.has(bid)) this.pending.set(bid, bval);
            throw e;
          }
          if (snapshot) this.burstStartedAt.set(id, now);
          this.lastSavedAt.set(id, now);
          // Storage now holds this version: the base of what is still (or next) unsaved.
          if (this.pending.has(id)) this.base.set(id, value);
          else this.base.delete(id);
        }
      } catch (e) {
        this.setState({ kind: 'error', error: e });
        if (!this.disposed) {
          if (this.firstPendingAt === null) this.firstPendingAt = this.o.now();
          this.schedule(this.o.retryMs);
        }
        throw e;
      } finally {
        this.running = null;
        this.inFlight = [];
      }
      if (this.pending.size > 0) this.setState({ kind: 'pending' });
      else this.setState({ kind: 'saved', at: this.o.now() });
    })();
    this.running = run;
    return run;
  }

  private setState(s: SaveState): void {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}

/**
 * Saves when the page is hidden (visibilitychange: the page lives on, an ordinary flush) and when it is
 * being unloaded (pagehide, beforeunload: a reload or close; only work issued synchronously survives, so
 * onUnload must write in the calling task).
 */
export function flushOnPageHide(target: Window, onHide: () => void, onUnload: () => void = onHide): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') onHide();
  };
  target.document.addEventListener('visibilitychange', onVisibility);
  target.addEventListener('pagehide', onUnload);
  target.addEventListener('beforeunload', onUnload);
  return () => {
    target.document.removeEventListener('visibilitychange', onVisibility);
    target.removeEventListener('pagehide', onUnload);
    target.removeEventListener('beforeunload', onUnload);
  };
}
