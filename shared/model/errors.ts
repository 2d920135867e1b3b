import { t, type MessageKey, type MessageParams } from '../i18n';

/**
 * An error the user must understand: a catalog message (Chinese by default) plus technical detail for the log.
 * Everything that rejects user input (a file, a book, a command line) throws or returns one of these.
 */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly detail: string | undefined;

  constructor(key: MessageKey, params: MessageParams = {}, detail?: string, options?: { cause?: unknown }) {
    super(t(key, params, 'zh'), options);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.detail = detail;
  }

  /** The message in the given locale (the Error's own message is always Chinese). */
  localized(locale: 'zh' | 'en' = 'zh'): string {
    return t(this.key, this.params, locale);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** Technical description of any thrown value, for logs. */
export function describeError(e: unknown): string {
  if (e instanceof UserError) return `${e.key}: ${e.message}${e.detail ? ` — ${e.detail}` : ''}`;
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`;
  return String(e);
}
