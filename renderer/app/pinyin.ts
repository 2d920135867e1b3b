// Pinyin-initial matching for the filter boxes (outline, command palette, 移动到…, registry editor): pinyin-pro
// is large, so it is loaded once, the first time someone types latin letters into one of them.
import { useEffect, useState } from 'react';

/** The character ranges of text that the pinyin initials in query match, or null. */
export type PinyinMatch = (text: string, query: string) => number[] | null;

let loaded: PinyinMatch | null = null;
let loading: Promise<PinyinMatch> | null = null;

function loadPinyin(): Promise<PinyinMatch> {
  loading ??= import('pinyin-pro').then((m) => {
    loaded = (text, q) => m.match(text, q) ?? null;
    return loaded;
  });
  return loading;
}

/** The pinyin matcher once loaded, or null; a query of latin letters starts loading it. */
export function usePinyin(query: string): PinyinMatch | null {
  const [py, setPy] = useState<PinyinMatch | null>(() => loaded);
  useEffect(() => {
    if (py || !/^[a-z]+$/i.test(query.trim())) return;
    let live = true;
    void loadPinyin().then((m) => live && setPy(() => m));
    return () => {
      live = false;
    };
  }, [query, py]);
  return py;
}
