// `npm run bench [-- name…]`: runs the benchmarks and writes docs/benchmarks.md and bench-results/*.json.
// Each benchmark runs in its own Node process (tsx), so peak-memory figures belong to that benchmark alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './harness';
import { mergeBenchmarks, type RenderedSection } from './report';

const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(root, 'tests/bench');
const resultsDir = path.join(root, 'bench-results');
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();

function chromiumVersion(): string {
  const r = spawnSync('chromium', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'not installed';
}

const machine = [
  `- Date: ${new Date().toISOString()}`,
  `- CPU: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
  `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
  `- Node: ${process.version}; Chromium: ${chromiumVersion()}`,
];

for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`\n=== ${name} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, 'run-one.ts'), path.join(benchDir, f)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const out = path.join(resultsDir, `${name}.json`);
  if (r.status !== 0) {
    process.stderr.write(`benchmark ${name} failed (exit ${r.status})\n`);
    // Under the title of its own section (from its last result), so docs/benchmarks.md says that section failed
    // rather than growing a second one named after the file.
    const title = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { title?: string }).title ?? name : name;
    writeFileSync(out, JSON.stringify({ title, failed: true, rows: [] }, null, 2));
    continue;
  }
  const lastLine = r.stdout.trim().split('\n').pop() ?? '{}';
  writeFileSync(out, JSON.stringify({ ...JSON.parse(lastLine), machine }, null, 2));
}

// docs/benchmarks.md: the sections of the results on disk are rendered; the file's other sections (benchmarks
// not run on this checkout — bench-results/ is git-ignored) are kept as they are (report.ts).
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v < 10 ? v.toFixed(2) : v.toFixed(1));
const rendered: RenderedSection[] = [];
for (const f of readdirSync(resultsDir).filter((x) => x.endsWith('.json')).sort()) {
  const s = JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8')) as BenchSection & { machine?: string[]; failed?: boolean };
  if (s.failed) {
    rendered.push({ title: s.title, body: 'This benchmark failed in its last run.\n' });
    continue;
  }
  let body = `${(s.machine ?? []).join('\n')}\n\n| metric | value | target | met |\n|---|---|---|---|\n`;
  for (const row of s.rows) {
    body += `| ${row.metric} | ${fmt(row.value)} ${row.unit} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |\n`;
  }
  for (const n of s.notes ?? []) body += `\n${n}\n`;
  rendered.push({ title: s.title, body });
}
const docFile = path.join(root, 'docs/benchmarks.md');
if (existsSync(path.join(root, 'docs'))) writeFileSync(docFile, mergeBenchmarks(existsSync(docFile) ? readFileSync(docFile, 'utf8') : null, rendered));
process.stderr.write('\nwrote docs/benchmarks.md\n');
