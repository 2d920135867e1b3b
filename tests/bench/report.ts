// docs/benchmarks.md from the results: each benchmark is one "## title" section. A run renders the sections
// whose results are on disk (bench-results/*.json, git-ignored) and keeps every other section of the existing
// file as it is — so `npm run bench -- storage` on a fresh clone updates the storage figures and leaves the
// editor, export, import and checker figures (measured earlier, with their machine and date) in place.

export interface RenderedSection {
  title: string;
  /** The section's text after its "## title" line. */
  body: string;
}

export const BENCH_HEADER =
  '# Benchmarks\n\nWritten by `npm run bench` (see tests/bench/). Figures are from one run on the machine below;\n' +
  'targets come from the issues. Benchmarks never fail the build.\n';

/** The "## " sections of a benchmarks file, in order. */
export function parseSections(md: string): RenderedSection[] {
  const parts = `\n${md}`.split(/\n## /).slice(1);
  return parts.map((p) => {
    const nl = p.indexOf('\n');
    const title = (nl < 0 ? p : p.slice(0, nl)).trim();
    return { title, body: nl < 0 ? '' : p.slice(nl + 1).replace(/^\n+/, '').replace(/\s+$/, '\n') };
  });
}

/**
 * The new file: the existing sections in their order, each replaced by a freshly rendered one of the same
 * title; rendered sections the file did not have yet are added after them.
 */
export function mergeBenchmarks(existing: string | null, rendered: readonly RenderedSection[]): string {
  const fresh = new Map(rendered.map((s) => [s.title, s]));
  const kept = existing ? parseSections(existing) : [];
  const out = kept.map((s) => fresh.get(s.title) ?? s);
  const known = new Set(kept.map((s) => s.title));
  for (const s of rendered) if (!known.has(s.title)) out.push(s);
  return BENCH_HEADER + out.map((s) => `\n## ${s.title}\n\n${s.body.replace(/^\n+/, '').replace(/\s+$/, '')}\n`).join('');
}
