// Asserts that an operation refuses with a user error (a Chinese message for the user) of the given key.
import { expect } from 'vitest';
import { isUserError } from '../../shared/model';

/** Runs fn and expects it to throw a UserError with this message key; fails when it does not throw. */
export function refused(fn: () => unknown, key: string): void {
  try {
    fn();
  } catch (e) {
    expect(isUserError(e) && e.key).toBe(key);
    return;
  }
  throw new Error(`expected ${key}`);
}
