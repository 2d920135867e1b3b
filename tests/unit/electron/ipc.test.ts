import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../../shared/host/host';
import { createIpcRouter, isTrustedSender, validateInvoke, validateSend, type InvokeHandlers, type SendHandlers } from '../../../electron/node/ipc';

const app = { senderFrame: { url: 'app://yearbook/index.html', parent: null }, sender: { id: 1 } };
const bytes = new TextEncoder().encode('拱墅年鉴');

describe('sender check', () => {
  it('trusts only the top-level app page', () => {
    expect(isTrustedSender(app)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://yearbook/book/s_1', parent: null } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/x.html', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://yearbook.evil/index.html', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://yearbook/index.html', parent: {} } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://yearbook/__print/abc.html', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({})).toBe(false);
  });
});

describe('payload validation', () => {
  it('accepts well-formed requests and applies the schema defaults', () => {
    const [req] = validateInvoke(IPC.openFiles, app, [{ title: '导入稿件' }]);
    expect(req).toEqual({ title: '导入稿件', filters: [], multiple: false });
    const [folder] = validateInvoke(IPC.openFiles, app, [{ folders: true, maxBytes: 50 * 2 ** 20, maxBytesByExtension: { docx: 150 * 2 ** 20 }, perFileErrors: true }]);
    expect(folder).toMatchObject({ folders: true, maxBytes: 50 * 2 ** 20, maxBytesByExtension: { docx: 150 * 2 ** 20 }, perFileErrors: true });
    const [save] = validateInvoke(IPC.saveFile, app, [{ defaultName: '拱墅年鉴.yearbook', bytes, filters: [{ name: '书稿', extensions: ['yearbook'] }] }]);
    expect(save.bytes).toBe(bytes);
    const [print] = validateInvoke(IPC.printToPdf, app, [{ html: '<p>x</p>', pageWidthMm: 216, pageHeightMm: 291, jobId: 'job-1' }]);
    expect(print.outline).toBe(true);
    expect(validateInvoke(IPC.listBackups, app, [])).toEqual([]);
    expect(validateInvoke(IPC.readBackup, app, ['b_1/20220101T080000000Z'])).toEqual(['b_1/20220101T080000000Z']);
  });

  it.each([
    ['a string instead of bytes', IPC.saveFile, [{ defaultName: 'a.yearbook', bytes: 'AAAA' }]],
    ['an empty file name', IPC.saveFile, [{ defaultName: '', bytes }]],
    ['a filter extension with a path', IPC.openFiles, [{ filters: [{ name: 'x', extensions: ['../../etc'] }] }]],
    ['a negative page size', IPC.printToPdf, [{ html: '<p/>', pageWidthMm: -1, pageHeightMm: 291, jobId: 'j' }]],
    ['a job id with spaces', IPC.cancelPrint, ['job 1; rm -rf']],
    ['a traversal backup id', IPC.readBackup, ['../../etc/passwd']],
    ['a book id with a slash', IPC.writeBackup, [{ bookId: 'a/../b', bookTitle: 'x', bytes }]],
    ['extra arguments', IPC.appInfo, ['surprise']],
    ['no arguments', IPC.saveFile, []],
    ['not an object', IPC.openFiles, [42]],
    ['a size limit above 1 GB', IPC.openFiles, [{ maxBytes: 2 * 1024 ** 3 }]],
    ['a size limit for an extension with a path', IPC.openFiles, [{ maxBytesByExtension: { '../txt': 10 } }]],
    ['a folder flag that is not a boolean', IPC.openFiles, [{ folders: 'yes' }]],
    ['arguments to the clipboard', IPC.readClipboard, ['text/html']],
  ] as const)('rejects %s with a Chinese message', (_what, channel, args) => {
    expect(() => validateInvoke(channel, app, [...args])).toThrow(/程序内部请求“host:[a-z-]+”的内容无效/);
  });

  it('rejects an untrusted sender before looking at the payload', () => {
    expect(() => validateInvoke(IPC.appInfo, { senderFrame: { url: 'https://evil.example/', parent: null } }, [])).toThrow(
      '拒绝了来自未知页面的请求。',
    );
    expect(() => validateSend(IPC.log, { senderFrame: null }, ['info', 'x'])).toThrow('拒绝了来自未知页面的请求。');
  });

  it('checks log messages', () => {
    expect(validateSend(IPC.log, app, ['warn', '自动保存失败', 'QuotaExceededError'])).toEqual(['warn', '自动保存失败', 'QuotaExceededError']);
    expect(() => validateSend(IPC.log, app, ['fatal', 'x'])).toThrow();
    expect(() => validateSend(IPC.log, app, ['info', 'x'.repeat(20_001)])).toThrow();
  });
});

describe('router', () => {
  function makeRouter() {
    const calls: unknown[] = [];
    const invoke = {
      [IPC.appInfo]: () => ({ name: '年鉴编纂工作台', version: '0.1.0', shell: 'electron', os: 'Linux', canPrintPdf: true }),
      [IPC.openFiles]: ([req]) => {
        calls.push(req);
        return [];
      },
      [IPC.saveFile]: () => {
        throw new Error('disk full');
      },
      [IPC.printToPdf]: () => new Uint8Array(),
      [IPC.cancelPrint]: () => undefined,
      [IPC.writeBackup]: () => ({ id: 'b/1', bookId: 'b', bookTitle: 't', createdAt: '', byteLength: 0 }),
      [IPC.listBackups]: () => [],
      [IPC.readBackup]: () => new Uint8Array(),
      [IPC.takeOpenFiles]: () => [],
      [IPC.readClipboard]: () => ({ html: '', text: '' }),
    } satisfies InvokeHandlers;
    const logged: string[] = [];
    const send = {
      [IPC.log]: ([level, message]) => void logged.push(`${level}:${message}`),
      [IPC.closeGuard]: () => undefined,
      [IPC.closeReady]: () => undefined,
    } satisfies SendHandlers;
    const log = { warn: vi.fn(), error: vi.fn() };
    return { router: createIpcRouter(invoke, send, log), calls, logged, log };
  }

  it('registers every HostApi channel and passes only parsed arguments', async () => {
    const { router, calls } = makeRouter();
    expect(router.invokeChannels.sort()).toEqual(
      [IPC.appInfo, IPC.openFiles, IPC.readClipboard, IPC.saveFile, IPC.printToPdf, IPC.cancelPrint, IPC.writeBackup, IPC.listBackups, IPC.readBackup, IPC.takeOpenFiles].sort(),
    );
    expect(router.sendChannels.sort()).toEqual([IPC.log, IPC.closeGuard, IPC.closeReady].sort());
    await router.invoke(IPC.openFiles, app, [{ multiple: true, unknownField: 'dropped' }]);
    expect(calls).toEqual([{ filters: [], multiple: true }]);
  });

  it('never calls a handler for a malformed message, and logs the refusal', async () => {
    const { router, calls, log } = makeRouter();
    await expect(router.invoke(IPC.openFiles, app, [{ multiple: 'yes' }])).rejects.toThrow(/内容无效/);
    expect(calls).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith('IPC host:open-files rejected', expect.stringContaining('multiple'));
  });

  it('logs handler failures and passes them on', async () => {
    const { router, log } = makeRouter();
    await expect(router.invoke(IPC.saveFile, app, [{ defaultName: 'a.yearbook', bytes }])).rejects.toThrow('disk full');
    expect(log.error).toHaveBeenCalled();
  });

  it('drops malformed fire-and-forget messages without throwing', () => {
    const { router, logged, log } = makeRouter();
    router.send(IPC.log, app, ['info', '已打开书稿']);
    router.send(IPC.log, app, ['nonsense']);
    router.send(IPC.log, { senderFrame: { url: 'https://evil.example/', parent: null } }, ['info', 'x']);
    expect(logged).toEqual(['info:已打开书稿']);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});
