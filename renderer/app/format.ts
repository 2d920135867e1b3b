import { t, type Locale } from '../../shared/i18n';

/** Character counts as an office states them: 8,560 字; 1.4万字 from ten thousand on. */
export function formatChars(n: number, locale: Locale): string {
  if (locale === 'zh') {
    if (n >= 10_000) return t('label.wan', { n: (n / 10_000).toFixed(n >= 100_000 ? 0 : 1) }, 'zh');
    return n.toLocaleString('zh-CN');
  }
  if (n >= 10_000) return `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)}k`;
  return n.toLocaleString('en-US');
}

export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');
}

export function formatTime(iso: string | number, locale: Locale): string {
  const d = new Date(iso);
  return d.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

export function formatClock(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
