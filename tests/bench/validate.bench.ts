// Checker benchmark (issue 5): a full volume (≈ 1.2 million characters, 300 sections, 2,000 entries) checked
// whole; one edited section re-checked incrementally; beside them one plain regular-expression pass over the
// same text, as the floor any checker pays for reading the text once.
//
// The volume comes from the full-size generator (shared/generate): the sample book's real sentences, titles,
// names and table shapes recombined into about 1.2 million characters, 300 sections and 2,000 entries. Its
// sentences come from the unedited seeds (half-width punctuation, extraction spaces), so the volume carries
// thousands of findings: a harder case than a finished book.
import { generateVolume } from '../../shared/generate';
import { bookCounts, type Book } from '../../shared/model';
import { loadSampleBook } from '../../shared/sample';
import { applyFixes, check, Checker, fixesFor, type Finding } from '../../shared/validate';
import { summarize, type Bench, type BenchRow } from './harness';

export function fullVolume(): Book {
  return generateVolume(loadSampleBook(), { seed: 1, images: false }).book;
}

/** Plain text of every text field, for the regular-expression baseline. */
function allText(book: Book): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'text' || k === 'title' || k === 'caption') && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(book.body);
  walk(book.back);
  return out;
}

/** A one-character edit of a paragraph in a section, made immutably as the app does. */
export function editSection(book: Book, categoryIndex: number, sectionIndex: number, n: number): Book {
  const body = [...book.body];
  const cat = body[categoryIndex]!;
  const sections = [...cat.sections];
  const s = sections[sectionIndex]!;
  const children = s.children.map((c) => {
    if (c.type !== 'entry') return c;
    const blocks = c.blocks.map((b, i) => (i === 0 && b.type === 'paragraph' ? { ...b, text: `${b.text.slice(0, -1)}${n % 2 ? ',' : '，'}` } : b));
    return { ...c, blocks };
  });
  sections[sectionIndex] = { ...s, children };
  body[categoryIndex] = { ...cat, sections };
  return { ...book, body };
}

const bench: Bench = async (ctx) => {
  const book = fullVolume();
  const counts = bookCounts(book);
  ctx.log(`volume: ${counts.characters} characters, ${counts.sections} sections, ${counts.entries} entries`);

  // Full check, cold (a fresh checker each time, so nothing is cached).
  for (let i = 0; i < 3; i++) check(book); // warm-up (JIT)
  const full: number[] = [];
  let findings: Finding[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    findings = check(book).findings;
    full.push(performance.now() - t);
  }

  // The same volume after "fix all" (the safe fixes): what a volume looks like once the drafts are edited.
  const edited = applyFixes(book, fixesFor(findings)).book;
  for (let i = 0; i < 2; i++) check(edited);
  const clean: number[] = [];
  let cleanFindings = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    cleanFindings = check(edited).findings.length;
    clean.push(performance.now() - t);
  }

  // Incremental: one checker, one section edited between checks.
  const checker = new Checker();
  checker.check(book);
  const ci = book.body.findIndex((c) => c.role === 'regular' && c.sections.length > 2);
  let current = book;
  const inc: number[] = [];
  let reused = 0;
  for (let i = 0; i < 40; i++) {
    current = editSection(current, ci, 1, i);
    const t = performance.now();
    const r = checker.check(current);
    inc.push(performance.now() - t);
    reused = r.stats.unitsReused;
    if (r.stats.unitsChecked !== 2) throw new Error(`incremental check re-ran ${r.stats.unitsChecked} units`);
  }

  // Baseline: one regular-expression pass (the half-width-comma test PUN-FULLWIDTH starts from) over every text field.
  const texts = allText(book);
  const re = /[,.;:?!()"']/g;
  const base: number[] = [];
  let hits = 0;
  for (let i = 0; i < 13; i++) {
    const t = performance.now();
    hits = 0;
    for (const s of texts) for (const _ of s.matchAll(re)) hits++;
    if (i >= 3) base.push(performance.now() - t);
  }

  const f = summarize(full);
  const r = summarize(inc);
  const b = summarize(base);
  const rows: BenchRow[] = [
    { metric: 'volume size', value: counts.characters, unit: 'chars', note: `${counts.sections} sections, ${counts.entries} entries, ${counts.tables} tables, ${counts.figures} figures` },
    { metric: 'full check, median', value: f.median, unit: 'ms', target: '≤ 300 ms', met: f.median <= 300 },
    { metric: 'full check, p95', value: f.p95, unit: 'ms' },
    { metric: 'findings in the volume', value: findings.length, unit: 'count' },
    { metric: 'full check of the volume after "fix all", median', value: summarize(clean).median, unit: 'ms', note: `${cleanFindings} findings left` },
    { metric: 're-check after editing one section, median', value: r.median, unit: 'ms', target: '≤ 10 ms', met: r.median <= 10 },
    { metric: 're-check after editing one section, p95', value: r.p95, unit: 'ms' },
    { metric: 'one regular-expression pass over the same text, median', value: b.median, unit: 'ms' },
    { metric: 'full check ÷ one regex pass', value: f.median / b.median, unit: 'x' },
  ];
  return {
    title: 'Checker: full volume and incremental re-check (issue 5)',
    rows,
    notes: [
      `Volume: generateVolume(sample book, seed 1) — ${counts.characters} characters, ${counts.sections} sections, ${counts.entries} entries, ${counts.tables} tables, ${counts.figures} figures; ${findings.length} findings under the default house style (the sentences come from unedited drafts).`,
      `Full check: a new Checker per run (no cache), ${full.length} runs after 3 warm-up runs. Re-check: one Checker, a one-character edit of the first paragraph of one section (immutable update), ${inc.length} runs; each re-check ran the rules of 2 units (the section and its category title) and reused ${reused}.`,
      `Baseline: one pass of /[,.;:?!()"']/g over the text fields of the same volume (${hits} matches), ${base.length} runs.`,
    ],
  };
};

export default bench;
