// Runs recognition off the main thread: one module Web Worker (import.worker.ts) reads and recognises the
// files one after the other and reports each stage. Cancelling terminates the worker — a recognition in
// the middle of a large file really stops — and the next request starts a fresh one. Where a worker cannot
// be started, the same work runs in the page, yielding between stages.
import type { ImportResult, LineOverride } from '../../../shared/import';
import { isUserError, type UserError } from '../../../shared/model';
import type { MessageKey, MessageParams } from '../../../shared/i18n';

export type Stage = 'reading' | 'recognising';

export interface RecogniseRequest {
  fileId: string;
  name: string;
  bytes: Uint8Array;
  /** The encoding the editor chose (re-decode); undefined: detect. */
  encoding?: string;
  overrides: LineOverride[];
  /** Pasted content (UTF-8 bytes): sanitised HTML or plain text, whatever the name says. */
  pasted?: 'html' | 'text';
}

export interface FailureInfo {
  key: MessageKey;
  params: MessageParams;
  /** Technical detail for the log. */
  detail: string;
}

/** Sent to the worker. */
export type WorkerRequest = { type: 'recognise'; job: number; req: RecogniseRequest } | { type: 'forget'; fileId: string };

/** Sent back by the worker. */
export type WorkerReply =
  | { type: 'progress'; job: number; stage: Stage }
  | { type: 'done'; job: number; result: ImportResult }
  | { type: 'failed'; job: number; failure: FailureInfo };

/** The recognition was cancelled (not an error to show). */
export class CancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'CancelledError';
  }
}

/** A failure the review screen shows in Chinese (the file and the reason). */
export class RecogniseFailure extends Error {
  constructor(readonly info: FailureInfo) {
    super(`${info.key}: ${info.detail}`);
    this.name = 'RecogniseFailure';
  }
}

export function failureOf(e: unknown): FailureInfo {
  if (isUserError(e)) return { key: (e as UserError).key, params: (e as UserError).params, detail: (e as UserError).detail ?? e.message };
  return { key: 'importUi.error.unexpected', params: {}, detail: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
}

export interface RecogniseRunner {
  run(req: RecogniseRequest, onStage: (stage: Stage) => void): Promise<ImportResult>;
  /** The source was removed from the review: the runner may drop what it cached for it. */
  forget(fileId: string): void;
  /** Stops every running and queued recognition; their promises reject with CancelledError. */
  cancelAll(): void;
  dispose(): void;
}

interface Pending {
  resolve(r: ImportResult): void;
  reject(e: unknown): void;
  onStage(s: Stage): void;
}

export class WorkerRunner implements RecogniseRunner {
  private worker: Worker | null = null;
  private job = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly create: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      const p = this.pending.get(m.job);
      if (!p) return;
      if (m.type === 'progress') return p.onStage(m.stage);
      this.pending.delete(m.job);
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(new RecogniseFailure(m.failure));
    };
    w.onerror = (e) => {
      // The worker itself broke (script failed to load …): fail what it was doing, start afresh next time.
      const failure: FailureInfo = { key: 'importUi.error.unexpected', params: {}, detail: `worker error: ${e.message}` };
      for (const p of this.pending.values()) p.reject(new RecogniseFailure(failure));
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }

  run(req: RecogniseRequest, onStage: (stage: Stage) => void): Promise<ImportResult> {
    const job = ++this.job;
    return new Promise<ImportResult>((resolve, reject) => {
      this.pending.set(job, { resolve, reject, onStage });
      // The bytes are copied: the review keeps its own for a later re-decode.
      this.ensure().postMessage({ type: 'recognise', job, req } satisfies WorkerRequest);
    });
  }

  forget(fileId: string): void {
    this.worker?.postMessage({ type: 'forget', fileId } satisfies WorkerRequest);
  }

  cancelAll(): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new CancelledError());
  }

  dispose(): void {
    this.cancelAll();
  }
}

/** In the page (tests, or a browser that cannot start the worker): the same work, yielding between stages. */
export class InlineRunner implements RecogniseRunner {
  // The readers (mammoth …) load only when this runner is used; the worker has its own copy.
  private readonly work = import('./work').then((m) => ({ m, cache: new m.SourceCache() }));
  private generation = 0;

  async run(req: RecogniseRequest, onStage: (stage: Stage) => void): Promise<ImportResult> {
    const gen = this.generation;
    const check = async () => {
      await new Promise((r) => setTimeout(r, 0));
      if (gen !== this.generation) throw new CancelledError();
    };
    try {
      const { m, cache } = await this.work;
      const result = await m.recogniseRequest(cache, req, onStage, check);
      await check();
      return result;
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      throw new RecogniseFailure(failureOf(e));
    }
  }

  forget(fileId: string): void {
    void this.work.then(({ cache }) => cache.forget(fileId));
  }

  cancelAll(): void {
    this.generation++;
  }

  dispose(): void {
    this.cancelAll();
  }
}

/** The worker runner where module workers exist, else the in-page one. */
export function defaultRunner(): RecogniseRunner {
  if (typeof Worker === 'undefined') return new InlineRunner();
  try {
    return new WorkerRunner(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'yearbook-import' }));
  } catch {
    return new InlineRunner();
  }
}
