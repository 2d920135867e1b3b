// The scorer also runs on texts the team has not seen. These tests damage the seeds the way other PDF and
// Word extractions do (other line ends, no blank lines, page breaks with running heads and folios inside
// paragraphs and numbers, no English category line) and require the outline to stay as good.
import { describe, expect, it } from 'vitest';
import { recogniseText, toOutline } from '../../../../shared/import';
import { printedWidth } from '../../../../shared/import/text';
import { scoreOutlines, seedFile, seedText } from './corpus';

const CHAPTERS = ['000', '002', '003'];

function score(prefix: string, text: string): ReturnType<typeof scoreOutlines> {
  const name = seedFile(prefix).replace(/\.txt$/, '');
  return scoreOutlines({ [name]: toOutline(recogniseText(text, name)) }, [prefix]);
}

/** Deterministic pseudo-random numbers (the damage must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Breaks long body lines at a random point, putting a page end (blank lines, folio, running head) inside. */
function pageBreaks(text: string, every: number, seed: number): string {
  const rand = rng(seed);
  let folio = 100;
  return text
    .split('\n')
    .map((line, k) => {
      if (k % every !== every - 1 || line.length < 60 || line.startsWith('【') || line.includes('\t')) return line;
      const at = 10 + Math.floor(rand() * (line.length - 20));
      folio++;
      const head = folio % 2 ? `${folio}` : `临安年鉴 2021  ${folio}`;
      return `${line.slice(0, at)}\n\n${head}\n\n${line.slice(at)}`;
    })
    .join('\n');
}

/**
 * The chapter as a two-column PDF gives it: every paragraph broken into printed lines of 15½ ems (the first
 * indented by two), a blank line after each, captions wrapped like the text under the photo.
 */
function narrowColumns(text: string): string {
  const wrap = (p: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let cap = 31 - 4;
    for (const ch of p) {
      if (printedWidth(cur + ch) > cap && cur) {
        out.push(cur);
        cur = '';
        cap = 31;
      }
      cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  };
  return text
    .split('\n')
    .flatMap((line) => {
      const t = line.trim();
      if (t.length > 30 && !t.includes('\t') && !/^图/.test(t) && !/^[A-Z]/.test(t) && !/[)）]$/.test(t)) return wrap(t).flatMap((l) => [l, '']);
      return [line];
    })
    .join('\n');
}

/**
 * The chapter hard-wrapped as a single-column PDF extraction or an e-mail client gives it: every line longer
 * than `em` ems broken at that width (a wide character — ideograph, CJK punctuation, curly quote — a full em,
 * ASCII half), captions and credits included, no blank lines, no indentation; `indent` adds the two-character
 * indent of each paragraph's first line.
 */
function hardWrap(text: string, em: number, indent = false, emOf: (line: string) => number = () => em): string {
  const width = (ch: string) => (ch.codePointAt(0)! < 0x2000 ? 1 : 2);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    if (line.includes('\t')) {
      out.push(line);
      continue;
    }
    const max = 2 * emOf(t);
    let cur = indent && !t.startsWith('【') ? '\u3000\u3000' : '';
    let w = cur ? 4 : 0;
    for (const ch of t) {
      if (w + width(ch) > max && cur.trim()) {
        out.push(cur);
        cur = '';
        w = 0;
      }
      cur += ch;
      w += width(ch);
    }
    if (cur.trim()) out.push(cur);
  }
  return out.join('\n');
}

describe('recognition survives other extractions of the same texts', () => {
  for (const prefix of CHAPTERS) {
    it(`${prefix}: Windows line ends and no blank lines`, () => {
      const text = seedText(prefix)
        .split('\n')
        .filter((l) => l.trim())
        .join('\r\n');
      const s = score(prefix, text);
      expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
    });

    it(`${prefix}: page breaks with folios and running heads inside paragraphs`, () => {
      const s = score(prefix, pageBreaks(seedText(prefix), 7, Number(prefix) + 1));
      expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
      for (const [m, v] of Object.entries(Object.values(s.measures)[0]!)) expect(v, `${m}\n${s.output}`).toBeGreaterThanOrEqual(0.95);
    });
  }

  for (const prefix of CHAPTERS) {
    it(`${prefix}: a chapter extracted one narrow printed line at a time`, () => {
      const s = score(prefix, narrowColumns(seedText(prefix)));
      expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
      for (const [m, v] of Object.entries(Object.values(s.measures)[0]!)) expect(v, `${m}\n${s.output}`).toBeGreaterThanOrEqual(0.95);
    });
  }

  // Wide hard-wrapped text: detected by the regularity of its line widths, not by how wide they are.
  for (const em of [20, 26, 30, 38])
    for (const prefix of CHAPTERS) {
      it(`${prefix}: hard-wrapped at ${em} em without blank lines`, () => {
        const s = score(prefix, hardWrap(seedText(prefix), em));
        for (const [m, v] of Object.entries(Object.values(s.measures)[0]!)) expect(v, `${m}\n${s.output}`).toBeGreaterThanOrEqual(0.95);
      });
    }

  for (const prefix of CHAPTERS) {
    it(`${prefix}: hard-wrapped at 36 em with indented paragraphs and Windows line ends`, () => {
      const s = score(prefix, hardWrap(seedText(prefix), 36, true).replace(/\n/g, '\r\n'));
      for (const [m, v] of Object.entries(Object.values(s.measures)[0]!)) expect(v, `${m}\n${s.output}`).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('002: a caption set narrower than the column, without a date to open it, is gathered back from its credit', () => {
    const caption = '拱墅区第一次全国自然灾害综合风险普查应急管理系统调查工作推进会现场';
    const text = seedText('002').replace('2021年9月18日,拱墅区第一次全国自然灾害综合风险普查应急管理系统调查工作推进会举行', caption);
    const wrapped = hardWrap(text, 30, false, (line) => (line === caption ? 14 : 30));
    expect(wrapped).toContain(`\n${caption.slice(0, 14)}\n`);
    const r = recogniseText(wrapped, '002');
    const o = toOutline(r) as { figures: { caption: string; credit: string }[]; sections: { title: string; entries: { title: string; paragraphs: number; bodyEnd: string }[] }[] };
    expect(o.figures).toContainEqual(expect.objectContaining({ caption, credit: '区应急管理局 供稿' }));
    // The paragraph the photo interrupted is whole again.
    const entry = o.sections.find((s) => s.title === '应急管理')!.entries.find((e) => e.title === '安全生产监管')!;
    expect(entry.paragraphs).toBe(1);
  });

  it('000: a remark wholly in brackets before an entry is not a section title', () => {
    const text = seedText('000').replace('【区政府常务会议】', '（以上数据截至2020年底）\n\n【区政府常务会议】');
    const o = toOutline(recogniseText(text, '000')) as { sections: { title: string }[] };
    expect(o.sections.map((s) => s.title)).not.toContain('（以上数据截至2020年底）');
    expect(o.sections).toHaveLength(10);
  });

  it('002: a wrapped line opening with the middle dot of "城市眼·云共治" is not a subsection', () => {
    const wrapped = hardWrap(seedText('002'), 26);
    expect(wrapped).toMatch(/\n·杭州味”/);
    const o = toOutline(recogniseText(wrapped, '002')) as { sections: { subsections?: unknown[] }[] };
    expect(o.sections.flatMap((s) => s.subsections ?? [])).toEqual([]);
  });

  it('000: a chapter without its English category line still finds the category', () => {
    const text = seedText('000').replace("People's Government of Lin'an District, Hangzhou", '');
    const r = recogniseText(text, '000');
    expect(r.categories[0]!.title).toBe('杭州市临安区人民政府');
    expect(r.categories[0]!.sections[0]!.title).toBe('概述');
  });

  it('001: reports keep their structure when every blank line is gone', () => {
    const text = seedText('001')
      .split('\n')
      .filter((l) => l.trim())
      .join('\n');
    const s = score('001', text);
    expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
  });

  it('004: a flattened table keeps its rows with Windows line ends', () => {
    const s = score('004', seedText('004').replace(/\n/g, '\r\n'));
    expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
  });
});
