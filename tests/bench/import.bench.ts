// Import benchmark (issue 3): recognising a full volume of text — the five corpus seeds (a chapter of each
// kind: yearbook chapters, narrow-column special reports, a flattened table) repeated to 1.2 million
// characters in one file — measured as CPU time of the recogniser (decoding, recognition, outline).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText, recogniseText, toOutline } from '../../shared/import';
import { summarize, type Bench } from './harness';

const TARGET_CHARS = 1_200_000;

function volumeText(root: string): { text: string; copies: number } {
  const dir = path.join(root, 'tests/fixtures/corpus/seeds');
  // Chapters first, then reports and the table, as a volume is ordered; repeated until full size.
  const order = ['001', '000', '002', '003', '004'];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const seeds = order.map((p) => readFileSync(path.join(dir, files.find((f) => f.startsWith(p))!), 'utf8'));
  const parts: string[] = [];
  let n = 0;
  let copies = 0;
  while (n < TARGET_CHARS) {
    for (const s of seeds) {
      parts.push(s);
      n += s.length;
    }
    copies++;
  }
  return { text: parts.join('\n\n'), copies };
}

function cpuMs(f: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall };
}

const bench: Bench = async (ctx) => {
  const { text, copies } = volumeText(ctx.root);
  const bytes = new TextEncoder().encode(text);
  ctx.log(`volume: ${text.length} characters (${copies} copies of the five seeds), ${(bytes.length / 2 ** 20).toFixed(1)} MB UTF-8`);
  let counts: ReturnType<typeof recogniseText>['report']['counts'] | null = null;
  // Warm-up (JIT, the detector's model stays cold: UTF-8 never needs it).
  recogniseText(text, 'volume.txt');
  const recog: number[] = [];
  const total: number[] = [];
  const wall: number[] = [];
  for (let k = 0; k < 5; k++) {
    const r = cpuMs(() => {
      const result = recogniseText(text, 'volume.txt');
      counts = result.report.counts;
    });
    recog.push(r.cpu);
    const t = cpuMs(() => {
      const decoded = decodeText(bytes, 'volume.txt');
      toOutline(recogniseText(decoded.text, 'volume.txt'));
    });
    total.push(t.cpu);
    wall.push(t.wall);
    ctx.log(`run ${k + 1}: recognise ${r.cpu.toFixed(0)} ms CPU; decode + recognise + outline ${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms wall)`);
  }
  const rs = summarize(recog);
  const ts = summarize(total);
  const ws = summarize(wall);
  const c = counts!;
  return {
    title: 'Import (issue 3)',
    rows: [
      { metric: 'Volume size', value: text.length, unit: 'chars' },
      { metric: 'Recognise 1.2M-character text, CPU (median of 5)', value: Math.round(rs.median), unit: 'ms', target: 'well under 1 s', met: rs.median < 1000 },
      { metric: 'Decode + recognise + outline, CPU (median of 5)', value: Math.round(ts.median), unit: 'ms', target: 'well under 1 s', met: ts.median < 1000 },
      { metric: 'Decode + recognise + outline, wall (median of 5)', value: Math.round(ws.median), unit: 'ms' },
      { metric: 'Entries recognised', value: c.entries, unit: 'count' },
      { metric: 'Peak RSS', value: Math.round(process.memoryUsage().rss / 2 ** 20), unit: 'MB' },
    ],
    notes: [
      `Input: the five corpus seeds concatenated ${copies} times (${text.length} characters, ${(bytes.length / 2 ** 20).toFixed(1)} MB UTF-8): ` +
        `${c.categories} categories, ${c.sections} sections, ${c.entries} entries, ${c.paragraphs} paragraphs, ${c.headings} report headings, ${c.tables} tables, ${c.figures} figures; ` +
        `${c.heals} healed breaks, ${c.uncertain} doubts. CPU time is process.cpuUsage() (user + system) around the call, after one warm-up run.`,
    ],
  };
};

export default bench;
