import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupDb, BackupStore, MAX_BACKUPS_PER_BOOK } from '../../../../renderer/host/backupStore';
import { PRINT_SERVICE_PATH, WebHost } from '../../../../renderer/host/webHost';
import { pickHost } from '../../../../renderer/host';
import type { HostApi } from '../../../../shared/host';

function backups(now?: () => Date) {
  return new BackupStore(new BackupDb('b', { indexedDB: new IDBFactory(), IDBKeyRange }), now);
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  delete window.yearbookHost;
});

describe('web host', () => {
  it('keeps backups per book, newest first, and drops the oldest beyond the limit', async () => {
    let t = Date.UTC(2022, 0, 1);
    const store = backups(() => new Date((t += 60_000)));
    for (let i = 0; i < MAX_BACKUPS_PER_BOOK + 3; i++) await store.write({ bookId: 'b_1', bookTitle: '拱墅年鉴（2022）', bytes: new Uint8Array([i]) });
    await store.write({ bookId: 'b_2', bookTitle: '临安年鉴（2021）', bytes: new Uint8Array([99]) });
    const list = await store.list('b_1');
    expect(list).toHaveLength(MAX_BACKUPS_PER_BOOK);
    expect(Array.from(await store.read(list[0]!.id))).toEqual([MAX_BACKUPS_PER_BOOK + 2]);
    expect(Array.from(await store.read(list.at(-1)!.id))).toEqual([3]);
    expect(await store.list()).toHaveLength(MAX_BACKUPS_PER_BOOK + 1);
  });

  it('reports PDF printing only when the web server answers for the print service', async () => {
    const none = new WebHost({ backups: backups(), fetch: async () => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }) });
    expect((await none.appInfo()).canPrintPdf).toBe(false);
    await expect(none.printToPdf({ html: '<p>x</p>', pageWidthMm: 216, pageHeightMm: 291, jobId: 'j1' })).rejects.toThrow(/no print service/);

    const calls: { url: string; method: string; body?: string }[] = [];
    const service = new WebHost({
      backups: backups(),
      fetch: async (url, init) => {
        calls.push({ url: String(url), method: init?.method ?? 'GET', ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
        if (init?.method === 'POST') return new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { status: 200, headers: { 'content-type': 'application/pdf' } });
        return Response.json({ available: true });
      },
    });
    expect((await service.appInfo()).canPrintPdf).toBe(true);
    const pdf = await service.printToPdf({ html: '<p>拱墅</p>', pageWidthMm: 216, pageHeightMm: 291, jobId: 'j2' });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${PRINT_SERVICE_PATH}`, `POST ${PRINT_SERVICE_PATH}`]);
    expect(JSON.parse(calls[1]!.body!)).toMatchObject({ html: '<p>拱墅</p>', jobId: 'j2' });
  });

  it('cancels a print job by aborting its request', async () => {
    let signal: AbortSignal | undefined;
    const host = new WebHost({
      backups: backups(),
      fetch: (_url, init) => {
        if (init?.method !== 'POST') return Promise.resolve(Response.json({ available: true }));
        signal = init.signal ?? undefined;
        return new Promise((_resolve, reject) => signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      },
    });
    const job = host.printToPdf({ html: '<p>x</p>', pageWidthMm: 216, pageHeightMm: 291, jobId: 'long' });
    await vi.waitFor(() => expect(signal).toBeDefined());
    await host.cancelPrint('long');
    await expect(job).rejects.toThrow(/aborted/);
  });

  it('saves through the File System Access API and writes 保存 to the same file without asking again', async () => {
    const written: Blob[] = [];
    const picker = vi.fn(async () => ({
      name: '拱墅年鉴（2022）.yearbook',
      createWritable: async () => ({ write: async (b: Blob) => void written.push(b), close: async () => undefined }),
    }));
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = picker;
    const host = new WebHost({ backups: backups() });
    const req = { defaultName: '拱墅年鉴（2022）.yearbook', filters: [{ name: '年鉴书稿', extensions: ['yearbook'] }], bytes: new Uint8Array([1, 2, 3]) };
    expect(await host.saveFile({ ...req, mode: 'save' })).toEqual({ saved: true, name: '拱墅年鉴（2022）.yearbook' });
    expect(await host.saveFile({ ...req, mode: 'save' })).toMatchObject({ saved: true });
    expect(picker).toHaveBeenCalledTimes(1);
    await host.saveFile({ ...req, mode: 'saveAs' });
    expect(picker).toHaveBeenCalledTimes(2);
    expect(written).toHaveLength(3);
    expect(new Uint8Array(await written[0]!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('treats a cancelled save dialog as not saved', async () => {
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    };
    const host = new WebHost({ backups: backups() });
    expect(await host.saveFile({ defaultName: 'a.yearbook', bytes: new Uint8Array([1]) })).toEqual({ saved: false });
  });

  it('falls back to a download where the browser has no save dialog API', async () => {
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    URL.createObjectURL ??= () => 'blob:x';
    URL.revokeObjectURL ??= () => undefined;
    const host = new WebHost({ backups: backups() });
    expect(await host.saveFile({ defaultName: '临安年鉴（2021）.yearbook', bytes: new Uint8Array([1]) })).toEqual({ saved: true, name: '临安年鉴（2021）.yearbook' });
    expect(clicks).toEqual(['临安年鉴（2021）.yearbook']);
  });

  it('opens files through a file input and resolves [] on cancel', async () => {
    const host = new WebHost({ backups: backups() });
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      expect(this.accept).toBe('.yearbook');
      const file = new File([new Uint8Array([0x50, 0x4b])], '拱墅.yearbook');
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    const files = await host.openFiles({ filters: [{ name: '年鉴书稿', extensions: ['yearbook'] }] });
    expect(files.map((f) => [f.name, Array.from(f.bytes)])).toEqual([['拱墅.yearbook', [0x50, 0x4b]]]);
    expect(document.querySelector('input[data-yearbook-open]')).toBeNull();

    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await host.openFiles({})).toEqual([]);
  });

  it('opens a folder, keeps the files the filters name, and checks each size before reading it', async () => {
    const host = new WebHost({ backups: backups() });
    const file = (name: string, relative: string, bytes: number, readable = true) => {
      const f = new File([new Uint8Array(bytes)], name);
      Object.defineProperty(f, 'webkitRelativePath', { value: relative });
      // Reading a file that is too large (or that went away) must not be attempted / fails alone.
      f.arrayBuffer = readable ? f.arrayBuffer.bind(f) : () => Promise.reject(new DOMException('gone', 'NotReadableError'));
      return f;
    };
    const big = file('全书.txt', '民政局/全书.txt', 300);
    big.arrayBuffer = () => Promise.reject(new Error('read before the size check'));
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      expect(this.webkitdirectory).toBe(true);
      Object.defineProperty(this, 'files', {
        value: [file('概况.txt', '民政局/概况.txt', 3), big, file('照片.jpg', '民政局/照片.jpg', 3), file('~$稿.docx', '民政局/~$稿.docx', 3), file('养老.docx', '民政局/2021/养老.docx', 4), file('坏.txt', '民政局/坏.txt', 2, false)],
      });
      this.dispatchEvent(new Event('change'));
    });
    const files = await host.openFiles({ folders: true, perFileErrors: true, maxBytes: 100, filters: [{ name: '稿件', extensions: ['txt', 'docx'] }] });
    // In path order (pinyin within a folder), as the desktop shell gives them.
    expect(files.map((f) => [f.relativePath, f.error?.reason ?? f.bytes.length])).toEqual([
      ['民政局/2021/养老.docx', 4],
      ['民政局/概况.txt', 3],
      ['民政局/坏.txt', 'unreadable'],
      ['民政局/全书.txt', 'too-large'],
    ]);
    // Without per-file errors the first bad file fails the call with a Chinese message.
    await expect(host.openFiles({ folders: true, maxBytes: 100, filters: [{ name: '稿件', extensions: ['txt'] }] })).rejects.toThrow('无法读取文件“坏.txt”：文件已被移动、删除或无权访问');
  });

  it('reads HTML and text from the clipboard where the browser allows it', async () => {
    const host = new WebHost({ backups: backups() });
    const item = { types: ['text/html', 'text/plain'], getType: async (t: string) => new Blob([t === 'text/html' ? '<p><b>概况</b></p>' : '概况']) };
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { read: async () => [item], readText: async () => '概况' } });
    expect(await host.readClipboard()).toEqual({ html: '<p><b>概况</b></p>', text: '概况' });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { read: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    await expect(host.readClipboard()).rejects.toThrow('denied');
  });

  it('sends the menu bar commands to every subscriber until it unsubscribes', () => {
    const host = new WebHost({ backups: backups() });
    const got: string[] = [];
    const off = host.onMenuCommand((c) => got.push(c));
    host.dispatchMenuCommand('file.save');
    off();
    host.dispatchMenuCommand('file.open');
    expect(got).toEqual(['file.save']);
  });

  it('uses the preload bridge in Electron and the web host elsewhere', () => {
    expect(pickHost(window)).toBeInstanceOf(WebHost);
    const bridge = { shell: 'electron' } as HostApi;
    window.yearbookHost = bridge;
    expect(pickHost(window)).toBe(bridge);
  });
});
