// A file the host could not read is listed in the import review with its reason in the interface's language.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t } from '../../../../shared/i18n';
import { hostFileFailure } from '../../../../renderer/app/import/importSession';

afterEach(() => setLocale('zh'));

describe('an unreadable file in the import review', () => {
  it('names the reason in the interface language where the host named it, else in its own words', () => {
    const gone = { name: '稿件.docx', bytes: new Uint8Array(), error: { reason: 'unreadable' as const, message: '文件或文件夹不存在', reasonKey: 'node.errno.ENOENT' as const } };
    setLocale('en');
    const f = hostFileFailure(gone)!;
    expect(f.params).toMatchObject({ file: '稿件.docx', reason: t('node.errno.ENOENT', {}, 'en') });
    expect(f.params!.reason).not.toBe('文件或文件夹不存在');
    const odd = { ...gone, error: { reason: 'unreadable' as const, message: 'EIO: i/o error' } };
    expect(hostFileFailure(odd)!.params).toMatchObject({ reason: 'EIO: i/o error' });
  });
});
