// Text measures used for statistics (编辑说明 counts, outline counts, findings per 10,000 characters).

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7]/u;

/** Characters without whitespace — the measure printers and the 1/10,000 error rate use. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

/**
 * 字数 as Chinese word processors count it: every CJK character or full-width mark counts one,
 * a run of Latin letters or digits (a word or a number such as 2021 or 3.5%) counts one.
 */
export function countWords(text: string): number {
  let n = 0;
  let inRun = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      inRun = false;
    } else if (CJK.test(ch)) {
      n++;
      inRun = false;
    } else if (/[\p{L}\p{N}]/u.test(ch) || (inRun && /[.'%_-]/.test(ch))) {
      if (!inRun) n++;
      inRun = true;
    } else {
      n++;
      inRun = false;
    }
  }
  return n;
}
