// Stable node ids. Random by default (crypto.getRandomValues exists in browsers, Node ≥ 19 and Electron);
// a seeded generator gives deterministic ids for the sample book, the full-size generator and tests.

export type IdGenerator = (prefix?: string) => string;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random ids such as "e_k3x9q2m7ab1c". */
export const randomId: IdGenerator = (prefix = 'n') => {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 36];
  return `${prefix}_${s}`;
};

/** Deterministic ids ("e_1", "e_2", …) with an optional namespace, for reproducible output. */
export function sequentialIds(namespace = ''): IdGenerator {
  let n = 0;
  return (prefix = 'n') => `${prefix}_${namespace}${(++n).toString(36)}`;
}

/** Id prefixes by node kind, so an id in a log or a finding says what it points at. */
export const ID_PREFIX = {
  book: 'b',
  category: 'c',
  section: 's',
  subsection: 'u',
  entry: 'e',
  matter: 'm',
  paragraph: 'p',
  heading: 'h',
  dated: 'd',
  table: 't',
  figure: 'f',
  footnote: 'n',
  attribution: 'a',
  contributor: 'r',
  asset: 'x',
  comment: 'k',
  /** A kept imported draft (来稿原文), book.sources. */
  source: 'o',
} as const;
