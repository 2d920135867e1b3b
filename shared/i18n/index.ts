// Message catalog: Simplified Chinese first, English second. Every user-facing string lives in one of the
// domain files below (one per feature, so parallel work does not collide) and is looked up by key.
import { model } from './model';
import { app } from './app';
import { shell } from './shell';
import { importMessages } from './import';
import { editor } from './editor';
import { exportCatalog } from './export';
import { validate } from './validate';
import { importUi } from './import-ui';
import { problemsUi } from './problems-ui';
import { exportUi } from './export-ui';
import { volume } from './volume';
import { editorBook } from './editor-book';
import { cli } from './cli';
import { docx } from './docx';
import { labels } from './labels';
import { node } from './node';
import { source } from './source';

const catalogs = [model, app, shell, importMessages, editor, exportCatalog, validate, importUi, problemsUi, exportUi, volume, editorBook, cli, docx, labels, node, source] as const;

export type Locale = 'zh' | 'en';
type Dict = Record<string, string>;

const zh: Dict = {};
const en: Dict = {};
for (const c of catalogs) {
  for (const [k, v] of Object.entries(c.zh)) {
    if (k in zh) throw new Error(`duplicate message key ${k}`);
    zh[k] = v;
  }
  Object.assign(en, c.en);
}

export type MessageKey =
  | keyof (typeof model)['zh']
  | keyof (typeof app)['zh']
  | keyof (typeof shell)['zh']
  | keyof (typeof importMessages)['zh']
  | keyof (typeof editor)['zh']
  | keyof (typeof exportCatalog)['zh']
  | keyof (typeof validate)['zh']
  | keyof (typeof importUi)['zh']
  | keyof (typeof problemsUi)['zh']
  | keyof (typeof exportUi)['zh']
  | keyof (typeof volume)['zh']
  | keyof (typeof editorBook)['zh']
  | keyof (typeof cli)['zh']
  | keyof (typeof docx)['zh']
  | keyof (typeof labels)['zh']
  | keyof (typeof node)['zh']
  | keyof (typeof source)['zh'];
export type MessageParams = Record<string, string | number>;

let currentLocale: Locale = 'zh';
export function setLocale(locale: Locale): void {
  currentLocale = locale;
}
export function getLocale(): Locale {
  return currentLocale;
}

/** Looks a message up and fills {name} placeholders. Falls back to Chinese, then to the key itself. */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = currentLocale): string {
  const template = (locale === 'en' ? en[key] : zh[key]) ?? zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** All keys of both locales, for the catalog completeness test. */
export function catalogKeys(): { zh: string[]; en: string[] } {
  return { zh: Object.keys(zh), en: Object.keys(en) };
}
