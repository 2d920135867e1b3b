// Matching titles and names while typing in the 移动到… dialog and the registry editor: a substring, or — for
// latin letters — pinyin initials (pinyin-pro is loaded the first time someone types letters).
import { useEffect, useState } from 'react';

type PinyinMatch = (text: string, query: string) => number[] | null;
let pinyin: PinyinMatch | null = null;
let loading: Promise<PinyinMatch> | null = null;

function loadPinyin(): Promise<PinyinMatch> {
  loading ??= import('pinyin-pro').then((m) => {
    pinyin = (text, q) => m.match(text, q) ?? null;
    return pinyin;
  });
  return loading;
}

/** Whether text matches the query: a case-insensitive substring, or pinyin initials once they are loaded. */
export function matches(text: string, query: string, py: PinyinMatch | null = pinyin): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (text.toLowerCase().includes(q)) return true;
  return !!py && /^[a-z]+$/.test(q) && py(text, q) !== null;
}

/** A matcher for the query that upgrades itself to pinyin matching when the query is latin letters. */
export function useMatcher(query: string): (text: string) => boolean {
  const [ready, setReady] = useState(pinyin !== null);
  useEffect(() => {
    if (ready || !/^[a-z]+$/i.test(query.trim())) return;
    let live = true;
    void loadPinyin().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [query, ready]);
  return (text) => matches(text, query, ready ? pinyin : null);
}
