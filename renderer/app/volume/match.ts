// Matching titles and names while typing in the 移动到… dialog and the registry editor: a substring, or — for
// latin letters — pinyin initials (pinyin-pro is loaded the first time someone types letters).
import { usePinyin, type PinyinMatch } from '../pinyin';

/** Whether text matches the query: a case-insensitive substring, or pinyin initials when py is given. */
export function matches(text: string, query: string, py: PinyinMatch | null): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (text.toLowerCase().includes(q)) return true;
  return !!py && /^[a-z]+$/.test(q) && py(text, q) !== null;
}

/** A matcher for the query that upgrades itself to pinyin matching when the query is latin letters. */
export function useMatcher(query: string): (text: string) => boolean {
  const py = usePinyin(query);
  return (text) => matches(text, query, py);
}
