// Section editor benchmark (issue 4): opening a 分目 of 100 entries and 60,000 characters, and typing into it,
// in Chromium — time to open and keystroke latency (median, p95) — compared in the same run with a plain
// Lexical editor holding the same text (one paragraph per title and paragraph, no custom nodes).
//
// The page is tests/bench/editor-page built by Vite in production mode. Open = from mounting the React root
// to the frame after all blocks are in the DOM (conversion from the book model, Lexical's first reconcile,
// React's render, layout and paint included). Keystroke = from the key event's timestamp to the frame after the
// editor handled it (the section editor also converts the edit back to the book model and emits it, as it
// does for the app).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ID_PREFIX, SectionSchema, sectionCounts, sequentialIds, type Block, type Entry, type Section } from '../../shared/model';
import { corpusSections } from '../unit/renderer/editor/corpusSections';
import { buildEditorPage, serveDir } from './editorPage';
import { summarize, type Bench, type BenchRow } from './harness';

const ENTRIES = 100;
const TARGET_CHARS = 60_000;
const OPEN_RUNS = 7;
const KEYS = 120;

/** A 分目 of 100 entries and about 60,000 characters, cycling the real entries of seed 000 (with their tables, figures, attribution lines). */
export function benchSection(): Section {
  const ids = sequentialIds('bench');
  const source = corpusSections().flatMap((s) =>
    s.children.flatMap((c) => (c.type === 'entry' ? [c] : c.type === 'subsection' ? c.children.filter((x): x is Entry => x.type === 'entry') : [])),
  );
  const withIds = (b: Block): Block => {
    const copy = structuredClone(b);
    copy.id = ids(ID_PREFIX[b.type]);
    return copy;
  };
  const children: Section['children'] = [];
  let chars = 0;
  for (let i = 0; i < ENTRIES; i++) {
    const e = source[i % source.length]!;
    // Spread the text evenly: each entry gets its share of the 60,000 characters.
    const share = (TARGET_CHARS - chars) / (ENTRIES - i);
    const blocks: Block[] = [];
    let got = e.title.length;
    let j = 0;
    while (got < share && j < 40) {
      const b = e.blocks.length ? e.blocks[j % e.blocks.length]! : ({ type: 'paragraph', id: 'x', text: source[(i + j) % source.length]!.title, marks: [] } as Block);
      if (b.type === 'paragraph' && got + b.text.length > share + 200) {
        blocks.push({ ...b, id: ids('p'), text: b.text.slice(0, Math.max(20, Math.round(share - got))) });
        got += Math.max(20, Math.round(share - got));
        break;
      }
      blocks.push(withIds(b));
      got += b.type === 'paragraph' ? b.text.length : 0;
      j++;
    }
    chars += got;
    children.push({ ...e, id: ids('e'), title: e.title, blocks });
    if (i % 10 === 9) children.push({ type: 'attribution', id: ids('a'), kind: 'author', names: ['陈康'], covers: [], placement: 'line' });
  }
  return SectionSchema.parse({ type: 'section', id: 's_bench', title: '民政', children });
}

/** The same text as plain paragraphs (titles and paragraph texts, table cells joined) for the plain Lexical editor. */
function plainParagraphs(s: Section): string[] {
  const out: string[] = [];
  for (const c of s.children) {
    if (c.type !== 'entry') continue;
    out.push(c.title);
    for (const b of c.blocks) {
      if (b.type === 'paragraph') out.push(b.text);
      else if (b.type === 'table') for (const r of [...b.headerRows, ...b.bodyRows]) out.push(r.cells.map((x) => x.text).join('\t'));
      else if (b.type === 'figure') out.push(b.caption);
    }
  }
  return out;
}

function topLevelBlocks(s: Section): number {
  let n = 0;
  for (const c of s.children) n += c.type === 'entry' ? 1 + c.blocks.length : 1;
  return n;
}

const bench: Bench = async (ctx) => {
  const section = benchSection();
  const counts = sectionCounts({ type: 'category', id: 'c', role: 'regular', title: '', sections: [] }, section);
  const paragraphs = plainParagraphs(section);
  ctx.log(`section: ${counts.entries} entries, ${counts.characters} characters, ${counts.tables} tables, ${counts.figures} figures; plain: ${paragraphs.length} paragraphs`);

  const out = path.join(ctx.scratchDir, 'page');
  ctx.log('building the bench page (vite, production)…');
  await buildEditorPage(ctx.root, out);
  const server = await serveDir(out);
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    const blocks = topLevelBlocks(section);

    // Open: the first mount of each kind is cold (fonts, JIT); then alternate warm runs.
    const open = { section: [] as number[], plain: [] as number[] };
    const cold = {
      section: await page.evaluate(([s, n]) => window.yb.timedMount('section', s as never, n as number), [section, blocks] as const),
      plain: await page.evaluate(([p, n]) => window.yb.timedMount('plain', p as never, n as number), [paragraphs, paragraphs.length] as const),
    };
    for (let i = 0; i < OPEN_RUNS; i++) {
      open.section.push(await page.evaluate(([s, n]) => window.yb.timedMount('section', s as never, n as number), [section, blocks] as const));
      open.plain.push(await page.evaluate(([p, n]) => window.yb.timedMount('plain', p as never, n as number), [paragraphs, paragraphs.length] as const));
    }
    ctx.log(`open section ${open.section.map((x) => x.toFixed(0)).join(' ')}; plain ${open.plain.map((x) => x.toFixed(0)).join(' ')}`);

    // Typing in the middle of the section: Chinese committed by an input method (insertText) and keys.
    const typing = async (kind: 'section' | 'plain'): Promise<number[]> => {
      if (kind === 'section') await page.evaluate(([s, n]) => window.yb.timedMount('section', s as never, n as number), [section, blocks] as const);
      else await page.evaluate(([p, n]) => window.yb.timedMount('plain', p as never, n as number), [paragraphs, paragraphs.length] as const);
      const target = page.locator(kind === 'section' ? '.yb-content > p' : '.plain-content > p').nth(Math.floor((kind === 'section' ? blocks : paragraphs.length) / 2));
      await target.scrollIntoViewIfNeeded();
      await target.click();
      await page.keyboard.press('End');
      await page.evaluate(() => window.yb.startLatency());
      const text = '全年区民政局开展社会救助工作新增低保对象人次';
      for (let i = 0; i < KEYS; i++) {
        if (i % 2 === 0) await page.keyboard.insertText(text[(i / 2) % text.length]!);
        else await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'a');
        await page.waitForTimeout(25);
      }
      await page.waitForTimeout(300);
      return page.evaluate(() => window.yb.latencies);
    };
    const keys = { section: await typing('section'), plain: await typing('plain') };
    const changes = await page.evaluate(() => window.yb.changes);
    ctx.log(`keystrokes measured: section ${keys.section.length}, plain ${keys.plain.length}; section onChange calls ${changes}`);

    const so = summarize(open.section);
    const po = summarize(open.plain);
    const sk = summarize(keys.section);
    const pk = summarize(keys.plain);
    const rows: BenchRow[] = [
      { metric: 'Open 分目 (100 entries, 60k chars), first (cold)', value: round(cold.section), unit: 'ms' },
      { metric: 'Open 分目, median of warm runs', value: round(so.median), unit: 'ms', target: '≤ 150 ms', met: so.median <= 150 },
      { metric: 'Open 分目, p95 of warm runs', value: round(so.p95), unit: 'ms' },
      { metric: 'Keystroke latency, median', value: round(sk.median), unit: 'ms' },
      { metric: 'Keystroke latency, p95', value: round(sk.p95), unit: 'ms', target: '≤ 16 ms', met: sk.p95 <= 16 },
      { metric: 'Plain Lexical: open, first (cold)', value: round(cold.plain), unit: 'ms' },
      { metric: 'Plain Lexical: open, median', value: round(po.median), unit: 'ms' },
      { metric: 'Plain Lexical: keystroke, median', value: round(pk.median), unit: 'ms' },
      { metric: 'Plain Lexical: keystroke, p95', value: round(pk.p95), unit: 'ms' },
      { metric: 'Ratio section editor / plain Lexical: open (median)', value: round(so.median / po.median, 2), unit: 'x' },
      { metric: 'Ratio section editor / plain Lexical: keystroke p95', value: round(sk.p95 / pk.p95, 2), unit: 'x' },
    ];
    return {
      title: 'Section editor (issue 4)',
      rows,
      notes: [
        `Data: one 分目 built from the real entries of corpus seed 000 — ${counts.entries} entries, ${counts.characters} characters, ${counts.tables} tables, ${counts.figures} figures, ${topLevelBlocks(section)} top-level blocks; the plain editor holds the same text as ${paragraphs.length} paragraphs. Chromium (system package), production build of tests/bench/editor-page.`,
        `Open: ${OPEN_RUNS} warm runs each, alternating; from mounting to the frame after every block is in the DOM. Keystrokes: ${KEYS} in the middle of the text (Chinese characters committed as by an input method, Latin keys, Backspace), from the key event's timestamp to the frame after; the section editor also converts each edit back to the book model and emits it (${changes} onChange calls).`,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
};

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export default bench;
