// Keystroke latency probe, installed into a page with page.evaluate(installLatencyProbe) — the editor bench page
// and the workbench alike, so both are measured the same way.
//
// Each sample runs from the moment the browser created the input event (keydown, or beforeinput for text an
// input method commits without a key) to the frame after the editor handled it: the next requestAnimationFrame
// callback plus one task, i.e. after the event's handlers, Lexical's reconciliation, React's updates, style,
// layout and paint of that frame. Under a 60 Hz frame clock this includes waiting for the next frame (0–16.7 ms,
// spread evenly), which no editor can avoid; with frames unthrottled (Chromium's --disable-frame-rate-limit and
// --disable-gpu-vsync) the next frame starts as soon as the work is done, so the sample is the work itself.

/** Installs (or resets) the probe in the page: page.evaluate(LATENCY_PROBE). A string, because the page runs it
 * (a serialised function would carry the bundler's helpers with it). */
export const LATENCY_PROBE = `(() => {
  window.__ybLatency?.stop();
  const samples = [];
  const ac = new AbortController();
  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const measure = (start) => void afterFrame().then((end) => samples.push(end - start));
  let keyDown = false;
  const opts = { capture: true, signal: ac.signal };
  document.addEventListener('keydown', (e) => { keyDown = true; measure(e.timeStamp); }, opts);
  document.addEventListener('keyup', () => (keyDown = false), opts);
  // Text from an input method arrives without a key; a key's own beforeinput is already measured.
  document.addEventListener('beforeinput', (e) => { if (!keyDown) measure(e.timeStamp); }, opts);
  window.__ybLatency = { samples, stop: () => ac.abort() };
})()`;

/** The samples so far: page.evaluate(READ_LATENCIES) → number[]. */
export const READ_LATENCIES = 'window.__ybLatency ? [...window.__ybLatency.samples] : []';

/** A small seeded generator (mulberry32), so every run types the same keys with the same pauses. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
