// Work that must not delay showing the page or a keystroke: run it when the browser is idle (at the latest
// after `timeout` ms). Returns a cancel function.
export function whenIdle(fn: () => void, timeout = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 1);
  return () => clearTimeout(id);
}
