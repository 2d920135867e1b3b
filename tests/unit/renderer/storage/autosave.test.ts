import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, flushOnPageHide, type SaveRequest } from '../../../../renderer/storage/autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(opts: ConstructorParameters<typeof Autosaver>[1] = {}) {
  const saved: (SaveRequest<string> & { at: number })[] = [];
  let fail = 0;
  const saver = new Autosaver<string>(
    async (req) => {
      await Promise.resolve();
      if (fail > 0) {
        fail--;
        throw new Error('disk full');
      }
      saved.push({ ...req, at: Date.now() });
    },
    { now: () => Date.now(), ...opts },
  );
  return { saver, saved, failNext: (n = 1) => (fail = n) };
}

describe('autosave', () => {
  it('writes the latest text after a pause in typing', async () => {
    const { saver, saved } = setup({ delayMs: 400, maxWaitMs: 1000 });
    const start = Date.now();
    saver.change('s1', '二');
    await vi.advanceTimersByTimeAsync(100);
    saver.change('s1', '二〇');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toHaveLength(0);
    expect(saver.state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ id: 's1', value: '二〇', snapshot: true, at: start + 500 }]);
    expect(saver.state.kind).toBe('saved');
  });

  it('never leaves more than about a second of continuous typing unsaved', async () => {
    const { saver, saved } = setup({ delayMs: 400, maxWaitMs: 1000 });
    const start = Date.now();
    let text = '';
    // A keystroke every 150 ms for 3 s: the pause never comes.
    for (let i = 0; i < 20; i++) {
      text += '年';
      saver.change('s1', text);
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    let last = start;
    for (const s of saved) {
      expect(s.at - last).toBeLessThanOrEqual(1050);
      last = s.at;
    }
    await vi.advanceTimersByTimeAsync(400);
    expect(saved.at(-1)!.value).toBe(text);
  });

  it('takes a revision at the start of each burst of edits only', async () => {
    const { saver, saved } = setup({ delayMs: 400, maxWaitMs: 1000, burstGapMs: 60_000, maxBurstMs: 600_000 });
    saver.change('s1', 'a');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('s1', 'ab');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('s2', 'x');
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(61_000);
    saver.change('s1', 'abc');
    await vi.advanceTimersByTimeAsync(500);
    expect(saved.map((s) => [s.id, s.value, s.snapshot])).toEqual([
      ['s1', 'a', true],
      ['s1', 'ab', false],
      ['s2', 'x', true],
      ['s1', 'abc', true],
    ]);
  });

  it('flushes at once and reports the state', async () => {
    const { saver, saved } = setup();
    const states: string[] = [];
    saver.subscribe((s) => states.push(s.kind));
    saver.change('s1', '拱墅');
    expect(saver.dirty).toBe(true);
    await saver.flush();
    expect(saved.map((s) => s.value)).toEqual(['拱墅']);
    expect(saver.dirty).toBe(false);
    expect(states).toEqual(['pending', 'saving', 'saved']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toHaveLength(1);
  });

  it('keeps a change that failed to save and retries it', async () => {
    const { saver, saved, failNext } = setup({ delayMs: 400, retryMs: 3000 });
    failNext();
    saver.change('s1', '消防');
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.state.kind).toBe('error');
    expect(saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((s) => s.value)).toEqual(['消防']);
    expect(saver.state.kind).toBe('saved');
  });

  it('a newer change is not overwritten by a retried older one', async () => {
    const { saver, saved, failNext } = setup({ delayMs: 400, retryMs: 3000 });
    failNext();
    saver.change('s1', '旧');
    await vi.advanceTimersByTimeAsync(400);
    saver.change('s1', '新');
    await vi.advanceTimersByTimeAsync(400);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved.map((s) => s.value)).toEqual(['新']);
  });

  it('flushes when the page is hidden, and saves synchronously when it unloads', () => {
    const hide = vi.fn();
    const unload = vi.fn();
    const off = flushOnPageHide(window, hide, unload);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('beforeunload'));
    expect(hide).toHaveBeenCalledTimes(1);
    expect(unload).toHaveBeenCalledTimes(2);
    off();
    window.dispatchEvent(new Event('pagehide'));
    expect(unload).toHaveBeenCalledTimes(2);
  });

  it('hands over everything unsaved for a last-moment write, the write in progress included', async () => {
    let release: () => void = () => undefined;
    const saver = new Autosaver<string>(() => new Promise<void>((r) => (release = r)), { delayMs: 100 });
    saver.change('s1', 'v1');
    await vi.advanceTimersByTimeAsync(100); // s1 = v1 is being written
    saver.change('s2', 'w1');
    saver.change('s1', 'v2');
    expect(saver.takeUnsaved().sort()).toEqual([
      ['s1', 'v2'],
      ['s2', 'w1'],
    ]);
    expect(saver.takeUnsaved()).toEqual([['s1', 'v1']]); // still in flight
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.takeUnsaved()).toEqual([]);
  });
  it('knows the version before an unsaved burst, for the revision the unload path writes', async () => {
    const { saver, saved } = setup({ delayMs: 400, maxWaitMs: 1000, burstGapMs: 60_000 });
    // Opened at v0 and typed into; reloaded before the debounce: the burst's revision is v0.
    saver.change('s1', 'v1', 'v0');
    saver.change('s1', 'v2', 'v1');
    expect(saver.takeUnsavedWithBase()).toEqual([{ id: 's1', value: 'v2', before: 'v0' }]);
    // Typed again (from v2 on screen, v0 still stored): the base stays v0 until a save stores something.
    saver.change('s1', 'v3', 'v2');
    await vi.advanceTimersByTimeAsync(400);
    expect(saved.map((x) => [x.value, x.snapshot])).toEqual([['v3', true]]);
    // Within the same burst the revision was taken by that save: none for the unload path.
    saver.change('s1', 'v4', 'v3');
    expect(saver.takeUnsavedWithBase()).toEqual([{ id: 's1', value: 'v4', before: undefined }]);
    // After a pause a new burst starts from what storage holds (v3, the last save).
    await vi.advanceTimersByTimeAsync(61_000);
    saver.change('s1', 'v5', 'v4');
    expect(saver.takeUnsavedWithBase()).toEqual([{ id: 's1', value: 'v5', before: 'v3' }]);
    // No version before given: nothing to keep.
    saver.change('s2', 'w1');
    expect(saver.takeUnsavedWithBase()).toEqual([{ id: 's2', value: 'w1', before: undefined }]);
  });
});
