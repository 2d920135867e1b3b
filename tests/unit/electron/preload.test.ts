// The preload bridge against a recording stand-in for electron's contextBridge and ipcRenderer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { IPC, type HostApi, type MenuCommand } from '../../../shared/host/host';

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; args: unknown[] }[] = [];
const sent: { channel: string; args: unknown[] }[] = [];
const bus = new EventEmitter();
let invokeImpl: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => undefined;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return invokeImpl(channel, ...args);
    },
    send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }),
    on: (channel: string, l: (...a: unknown[]) => void) => bus.on(channel, l),
    removeListener: (channel: string, l: (...a: unknown[]) => void) => bus.removeListener(channel, l),
  },
}));

let host: HostApi;
beforeAll(async () => {
  await import('../../../electron/preload/preload');
  host = exposed.yearbookHost as HostApi;
});

describe('preload bridge', () => {
  it('exposes exactly window.yearbookHost, and no raw ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['yearbookHost']);
    expect(host.shell).toBe('electron');
    expect(Object.keys(host).sort()).toEqual(
      ['shell', 'appInfo', 'openFiles', 'readClipboard', 'saveFile', 'printToPdf', 'cancelPrint', 'writeBackup', 'listBackups', 'readBackup', 'onMenuCommand', 'log', 'onOpenFile', 'onBeforeClose'].sort(),
    );
    for (const v of Object.values(host)) expect(v === 'electron' || typeof v === 'function').toBe(true);
  });

  it('maps every HostApi call to its invoke channel', async () => {
    invokeImpl = async () => 'ok';
    const bytes = new Uint8Array([1]);
    await host.appInfo();
    await host.openFiles({ multiple: true });
    await host.readClipboard!();
    await host.saveFile({ defaultName: 'a.yearbook', bytes });
    await host.printToPdf({ html: '<p/>', pageWidthMm: 216, pageHeightMm: 291, jobId: 'j1' });
    await host.cancelPrint('j1');
    await host.writeBackup({ bookId: 'b', bookTitle: '拱墅年鉴', bytes });
    await host.listBackups();
    await host.listBackups('b');
    await host.readBackup('b/20220101T000000000Z');
    expect(invoked.map((c) => [c.channel, c.args.length])).toEqual([
      [IPC.appInfo, 0],
      [IPC.openFiles, 1],
      [IPC.readClipboard, 0],
      [IPC.saveFile, 1],
      [IPC.printToPdf, 1],
      [IPC.cancelPrint, 1],
      [IPC.writeBackup, 1],
      [IPC.listBackups, 0],
      [IPC.listBackups, 1],
      [IPC.readBackup, 1],
    ]);
  });

  it("passes the main process's Chinese message on without Electron's prefix", async () => {
    invokeImpl = async () => {
      throw new Error("Error invoking remote method 'host:save-file': UserError: 程序内部请求“host:save-file”的内容无效，已拒绝执行。");
    };
    await expect(host.saveFile({ defaultName: 'x', bytes: new Uint8Array() })).rejects.toThrow(/^程序内部请求“host:save-file”的内容无效，已拒绝执行。$/);
  });

  it('delivers only known menu commands and unsubscribes', () => {
    const got: MenuCommand[] = [];
    const off = host.onMenuCommand((c) => got.push(c));
    bus.emit(IPC.menuCommand, {}, 'file.save');
    bus.emit(IPC.menuCommand, {}, 'rm -rf');
    bus.emit(IPC.menuCommand, {}, { evil: true });
    off();
    bus.emit(IPC.menuCommand, {}, 'file.open');
    expect(got).toEqual(['file.save']);
  });

  it('sends log lines fire-and-forget', () => {
    host.log('warn', '自动保存较慢', 'took 1800 ms');
    expect(sent.at(-1)).toEqual({ channel: IPC.log, args: ['warn', '自动保存较慢', 'took 1800 ms'] });
  });

  it('delivers files opened before and after subscribing', async () => {
    const early = { name: '早.yearbook', bytes: new Uint8Array([1]) };
    invokeImpl = async (channel) => (channel === IPC.takeOpenFiles ? [early] : undefined);
    const got: string[] = [];
    const off = host.onOpenFile!((f) => got.push(f.name));
    await new Promise((r) => setTimeout(r, 0));
    bus.emit(IPC.openFile, {}, { name: '晚.yearbook', bytes: new Uint8Array([2]) });
    off();
    bus.emit(IPC.openFile, {}, { name: '不要.yearbook', bytes: new Uint8Array([3]) });
    expect(got).toEqual(['早.yearbook', '晚.yearbook']);
  });

  it('runs before-close handlers and then tells the main process it may close', async () => {
    let flushed = false;
    const off = host.onBeforeClose!(async () => {
      await new Promise((r) => setTimeout(r, 5));
      flushed = true;
    });
    expect(sent.at(-1)).toEqual({ channel: IPC.closeGuard, args: [true] });
    bus.emit(IPC.beforeClose, {});
    for (let i = 0; i < 50 && sent.at(-1)?.channel !== IPC.closeReady; i++) await new Promise((r) => setTimeout(r, 5));
    expect(flushed).toBe(true);
    expect(sent.at(-1)).toEqual({ channel: IPC.closeReady, args: [] });
    off();
    expect(sent.at(-1)).toEqual({ channel: IPC.closeGuard, args: [false] });
  });
});
