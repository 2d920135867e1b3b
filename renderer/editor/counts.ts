// 字数 and character counts of the open section, recounted only for blocks that changed (blocks the editor did
// not touch keep their object identity between edits, so the per-block count is cached by identity).
import { blockText, countChars, countWords, type Block, type Section } from '../../shared/model';

export interface TextCounts {
  /** 字数 as Chinese word processors count it (shared/model/text.ts). */
  words: number;
  /** Characters without whitespace. */
  chars: number;
  entries: number;
}

const cache = new WeakMap<object, { words: number; chars: number }>();

function measure(key: object, text: string): { words: number; chars: number } {
  let m = cache.get(key);
  if (!m) {
    m = { words: countWords(text), chars: countChars(text) };
    cache.set(key, m);
  }
  return m;
}

function blockMeasure(b: Block): { words: number; chars: number } {
  // Attribution names are not text of the book (as in shared/model/stats.ts).
  if (b.type === 'attribution') return { words: 0, chars: 0 };
  return measure(b, blockText(b));
}

export function sectionTextCounts(section: Section): TextCounts {
  const out: TextCounts = { words: 0, chars: 0, entries: 0 };
  const add = (m: { words: number; chars: number }) => {
    out.words += m.words;
    out.chars += m.chars;
  };
  for (const c of section.children) {
    if (c.type === 'entry') {
      out.entries++;
      add(measure(c, c.title));
      c.blocks.forEach((b) => add(blockMeasure(b)));
    } else if (c.type === 'subsection') {
      add(measure(c, c.title));
      for (const x of c.children) {
        if (x.type === 'entry') {
          out.entries++;
          add(measure(x, x.title));
          x.blocks.forEach((b) => add(blockMeasure(b)));
        } else add(blockMeasure(x));
      }
    } else add(blockMeasure(c));
  }
  return out;
}

export function textCounts(text: string): { words: number; chars: number } {
  return { words: countWords(text), chars: countChars(text) };
}
