// Findings and quick fixes in the interface's language. A finding's message, its reason and a fix's label are kept in Chinese
// (Finding.message, Fix.label: the CLI's reports, tools reading the JSON) beside their catalog keys; the app shows
// them through these. The fixes' wordings are the validate.fix.* messages of shared/i18n/validate.ts.
import type { Locale } from '../i18n';
import { t } from '../i18n';
import type { Finding, Fix, FixLabelSpec } from './types';

export const fixLabel = {
  /** 改为“，” */
  replace: (text: string): FixLabelSpec => ({ key: 'validate.fix.replace', params: { text } }),
  /** 改为“…”（请核对数值） — a changed number the user should check. */
  replaceCheck: (text: string): FixLabelSpec => ({ key: 'validate.fix.replaceCheck', params: { text } }),
  /** 换算为“…”（请核对数值） */
  convert: (text: string): FixLabelSpec => ({ key: 'validate.fix.convert', params: { text } }),
  /** 改为“，”并删去空格 */
  replaceDropSpace: (text: string): FixLabelSpec => ({ key: 'validate.fix.replaceDropSpace', params: { text } }),
  /** 删去“。” */
  remove: (text: string): FixLabelSpec => ({ key: 'validate.fix.remove', params: { text } }),
  /** 补全为“2021年” */
  complete: (text: string): FixLabelSpec => ({ key: 'validate.fix.complete', params: { text } }),
  /** 在“1”后补“月” */
  append: (after: string, text: string): FixLabelSpec => ({ key: 'validate.fix.append', params: { after, text } }),
  /** 写入表号“6” / 写入图号“78” */
  writeNumber: (kind: 'table' | 'figure', number: string): FixLabelSpec => ({ key: kind === 'table' ? 'validate.fix.writeTableNumber' : 'validate.fix.writeFigureNumber', params: { number } }),
  /** A fixed wording: 删除空格, 删除顿号, 去掉【】 … */
  plain: (key: FixLabelKey): FixLabelSpec => ({ key }),
};

type FixLabelKey =
  | 'validate.fix.deleteSpace'
  | 'validate.fix.deleteEdgeSpaces'
  | 'validate.fix.deleteSpacesAround'
  | 'validate.fix.deleteSpacesAroundForeign'
  | 'validate.fix.deleteDunhao'
  | 'validate.fix.deleteBreak'
  | 'validate.fix.deletePunct'
  | 'validate.fix.dropBrackets'
  | 'validate.fix.fullwidthParens'
  | 'validate.fix.toDunhao'
  | 'validate.fix.toQuotes';

/** What a fix does, in the interface's language. */
export function fixLabelText(fix: Pick<Fix, 'label' | 'labelKey' | 'labelParams'>, locale: Locale): string {
  return fix.labelKey ? t(fix.labelKey, fix.labelParams ?? {}, locale) : fix.label;
}

/** Why a heuristic finding fired, in the interface's language (undefined for a deterministic rule). */
export function findingReason(f: Pick<Finding, 'reason' | 'reasonKey' | 'reasonParams'>, locale: Locale): string | undefined {
  if (locale === 'zh' || !f.reasonKey) return f.reason;
  return t(f.reasonKey, f.reasonParams ?? {}, locale);
}

/** A finding's message in the interface's language. */
export function findingMessage(f: Pick<Finding, 'message' | 'messageKey' | 'messageParams'>, locale: Locale): string {
  return locale === 'zh' ? f.message : t(f.messageKey, f.messageParams, locale);
}
