// Benchmark harness contract. `npm run bench` runs every tests/bench/*.bench.ts (each in its own Node
// process, so memory figures do not mix), collects the sections they return, and writes
// bench-results/<name>.json plus docs/benchmarks.md with the machine details. Benchmarks are never tests:
// nothing here fails a build; targets are printed beside the figures.

export interface BenchRow {
  /** What was measured, in English (the docs are English). */
  metric: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x' | 'chars' | 'count' | '%';
  /** The target from the issue, e.g. "≤ 150 ms". */
  target?: string;
  /** Whether the target is met (undefined when there is no target). */
  met?: boolean;
  note?: string;
}

export interface BenchSection {
  /** Section heading in docs/benchmarks.md, e.g. "Import (issue 3)". */
  title: string;
  rows: BenchRow[];
  /** Free paragraphs under the table: method, data set, comparison. */
  notes?: string[];
}

export interface BenchContext {
  /** Repository root. */
  root: string;
  /** Write scratch files here (inside bench-results/, ignored by git). */
  scratchDir: string;
  log(message: string): void;
}

/** Every *.bench.ts default-exports one of these. */
export type Bench = (ctx: BenchContext) => Promise<BenchSection>;

/** Median and p95 of a sample. */
export function summarize(samples: number[]): { median: number; p95: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}
