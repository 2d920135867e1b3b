// The CLI as a user runs it: the command forms README.md documents, started as child processes. Their stdout
// must be the command's output alone (no npm banner), so a tool can parse `info --format json` as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bookCounts } from '../../../shared/model';
import { loadSampleBook } from '../../../shared/sample';

const root = path.resolve(import.meta.dirname, '../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The command prefixes the README documents ("npm run -s yearbook --", "npx yearbook"), as argv. */
function documentedForms(): string[][] {
  const forms = new Set<string>();
  for (const m of readme.matchAll(/`((?:npm run -s yearbook --)|(?:npx yearbook)) </g)) forms.add(m[1]!);
  return [...forms].map((f) => f.split(' '));
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-cli-proc-'));
  file = path.join(dir, '临安年鉴.yearbook');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(form: string[], ...args: string[]) {
  const [cmd, ...pre] = form;
  // The test runner may itself run under `npm test`: its npm_* variables must not change what npm prints.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(cmd!, [...pre, ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the documented CLI forms, as child processes', () => {
  const forms = documentedForms();

  it('README documents both forms, and no form that lets npm print its banner', () => {
    expect(forms.map((f) => f.join(' ')).sort()).toEqual(['npm run -s yearbook --', 'npx yearbook']);
    expect(readme).not.toMatch(/npm run yearbook/);
    // The docs show commands to copy as well.
    const docs = readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md'));
    for (const f of docs) expect(readFileSync(path.join(root, 'docs', f), 'utf8'), f).not.toMatch(/npm run yearbook/);
  });

  for (const form of forms) {
    it(`${form.join(' ')} info --format json prints JSON alone on stdout`, () => {
      const w = run(form, 'sample', '--out', file);
      expect(w.code, w.err).toBe(0);
      expect(w.out).toBe('');
      expect(w.err).toContain('已写出');
      const r = run(form, 'info', file, '--format', 'json');
      expect(r.code, r.err).toBe(0);
      const info = JSON.parse(r.out) as { title: string; counts: unknown };
      expect(info.title).toBe('临安年鉴');
      expect(info.counts).toEqual(bookCounts(loadSampleBook()));
    }, 120_000);

    it(`${form.join(' ')} fails with a Chinese message on stderr, nothing on stdout, status 2`, () => {
      const r = run(form, 'info', path.join(dir, '没有.yearbook'), '--format', 'json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^错误：找不到文件“.*没有\.yearbook”。/);
    }, 60_000);
  }
});
