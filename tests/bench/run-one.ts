// Child process of tests/bench/run.ts: runs one benchmark module and prints its section as the last stdout line.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './harness';

const file = process.argv[2]!;
const root = path.resolve(import.meta.dirname, '../..');
const scratchDir = path.join(root, 'bench-results', 'scratch', path.basename(file, '.bench.ts'));
mkdirSync(scratchDir, { recursive: true });
const mod = (await import(pathToFileURL(file).href)) as { default: Bench };
const section = await mod.default({ root, scratchDir, log: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write(`\n${JSON.stringify(section)}\n`);
