// The README must stay true: its CLI table lists exactly the registered commands, its test command is what
// .ci/run runs, and its start command exists.
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../../electron/cli/commands';

const root = path.resolve(import.meta.dirname, '../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('lists every CLI command, and only those', () => {
    const table = readme.slice(readme.indexOf('<!-- cli:commands -->'), readme.indexOf('<!-- /cli:commands -->'));
    // A command may take more than one row (export --pdf, export --docx).
    const listed = [...new Set([...table.matchAll(/^\| `([a-z-]+)/gm)].map((m) => m[1]))];
    expect(listed.sort()).toEqual([...commands.map((c) => c.name), 'help'].sort());
    const english = readme.slice(readme.indexOf('## English'));
    const listedEn = [...new Set([...english.matchAll(/^\| `([a-z-]+)/gm)].map((m) => m[1]))];
    expect(listedEn.sort()).toEqual([...commands.map((c) => c.name), 'help'].sort());
  });

  it('documents both export formats in both languages', () => {
    const zh = readme.slice(0, readme.indexOf('## English'));
    const en = readme.slice(readme.indexOf('## English'));
    for (const part of [zh, en]) {
      expect(part).toMatch(/^\| `export \S+ --pdf /m);
      expect(part).toMatch(/^\| `export \S+ --docx /m);
    }
  });

  it('lists in both languages the Debian packages .ci/run installs, and names .ci/run as the setup', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const apt = /APT_PACKAGES=\(([^)]*)\)/.exec(ci)![1]!.trim().split(/\s+/);
    expect(apt).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk', 'poppler-utils']));
    const zh = readme.slice(0, readme.indexOf('## English'));
    const en = readme.slice(readme.indexOf('## English'));
    for (const part of [zh, en]) {
      expect(part).toContain(`apt-get install ${apt.join(' ')}\n`);
      expect(part).toContain('`.ci/run`');
    }
  });

  it('names the test command .ci/run runs, and the start and web commands exist', () => {
    const marker = readme.indexOf('<!-- ci:test -->');
    expect(marker).toBeGreaterThan(0);
    expect(readme.slice(marker).split('\n').slice(1, 4).join('\n')).toContain('```sh\nnpm test\n```');
    expect(readme).toContain('npm ci && npm start');
    for (const s of ['test', 'start', 'web', 'yearbook', 'dist', 'build', 'test:electron']) expect(pkg.scripts[s], s).toBeTruthy();
    expect(statSync(path.join(root, '.ci/run')).mode & 0o111).not.toBe(0);
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toContain('<!-- ci:test -->');
  });
});
