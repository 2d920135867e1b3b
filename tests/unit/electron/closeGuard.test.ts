import { describe, expect, it } from 'vitest';
import { CloseGuard } from '../../../electron/node/closeGuard';

function setup() {
  const asked: number[] = [];
  const closed: number[] = [];
  const timeouts: number[] = [];
  const timers: (() => void)[] = [];
  const guard = new CloseGuard({
    ask: (id) => asked.push(id),
    close: (id) => closed.push(id),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
    onTimeout: (id) => timeouts.push(id),
  });
  return { guard, asked, closed, timeouts, fireTimer: () => timers.shift()?.() };
}

describe('close guard', () => {
  it('lets an unguarded window close at once', () => {
    const { guard, asked } = setup();
    expect(guard.onClose(1)).toBe('close');
    expect(asked).toEqual([]);
  });

  it('holds a guarded window until the renderer has flushed, then closes it', () => {
    const { guard, asked, closed } = setup();
    guard.setGuarded(1, true);
    expect(guard.onClose(1)).toBe('wait');
    expect(guard.onClose(1)).toBe('wait'); // a second click does not ask twice
    expect(asked).toEqual([1]);
    guard.ready(1);
    expect(closed).toEqual([1]);
    expect(guard.onClose(1)).toBe('close'); // the close the guard itself issued
  });

  it('closes anyway when the renderer does not answer in time', () => {
    const { guard, closed, timeouts, fireTimer } = setup();
    guard.setGuarded(2, true);
    expect(guard.onClose(2)).toBe('wait');
    fireTimer();
    expect(timeouts).toEqual([2]);
    expect(closed).toEqual([2]);
  });

  it('ignores a stray ready and forgets closed windows', () => {
    const { guard, closed } = setup();
    guard.ready(3);
    expect(closed).toEqual([]);
    guard.setGuarded(3, true);
    guard.forget(3);
    expect(guard.onClose(3)).toBe('close');
  });
});
