// Preload bridge (sandboxed): exposes window.yearbookHost, the HostApi of shared/host/host.ts, to the
// renderer through contextBridge — typed functions over ipcRenderer.invoke/send and nothing else. The
// renderer never sees ipcRenderer itself; every message is validated again in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS } from '../../shared/host/channels';
import type { HostApi, HostFile, MenuCommand } from '../../shared/host/host';

/** Electron prefixes errors from main ("Error invoking remote method 'x': UserError: …"); keep the message. */
export function cleanIpcError(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': /, '').replace(/^(?:[A-Za-z]*Error): /, '');
}

async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as T;
  } catch (e) {
    throw new Error(cleanIpcError(e instanceof Error ? e.message : String(e)), { cause: e });
  }
}

const menuCommands = new Set<string>(MENU_COMMANDS);

const closeHandlers = new Set<() => Promise<void> | void>();
ipcRenderer.on(IPC.beforeClose, () => {
  void Promise.allSettled([...closeHandlers].map(async (h) => h())).then(() => ipcRenderer.send(IPC.closeReady));
});

const host: HostApi = {
  shell: 'electron',
  appInfo: () => call(IPC.appInfo),
  openFiles: (req) => call(IPC.openFiles, req),
  readClipboard: () => call(IPC.readClipboard),
  saveFile: (req) => call(IPC.saveFile, req),
  printToPdf: (req) => call(IPC.printToPdf, req),
  cancelPrint: (jobId) => call(IPC.cancelPrint, jobId),
  writeBackup: (req) => call(IPC.writeBackup, req),
  listBackups: (bookId) => (bookId === undefined ? call(IPC.listBackups) : call(IPC.listBackups, bookId)),
  readBackup: (id) => call(IPC.readBackup, id),
  onMenuCommand(handler: (command: MenuCommand) => void) {
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) handler(command as MenuCommand);
    };
    ipcRenderer.on(IPC.menuCommand, listener);
    return () => void ipcRenderer.removeListener(IPC.menuCommand, listener);
  },
  log(level, message, detail) {
    ipcRenderer.send(IPC.log, level, String(message).slice(0, 20_000), detail === undefined ? undefined : String(detail).slice(0, 200_000));
  },
  onOpenFile(handler: (file: HostFile) => void) {
    let active = true;
    const listener = (_event: IpcRendererEvent, file: HostFile) => {
      if (active) handler(file);
    };
    ipcRenderer.on(IPC.openFile, listener);
    // Files that arrived before anyone listened (the app was started by double-clicking a book file).
    void call<HostFile[]>(IPC.takeOpenFiles).then((files) => {
      if (active) for (const f of files) handler(f);
    });
    return () => {
      active = false;
      ipcRenderer.removeListener(IPC.openFile, listener);
    };
  },
  onBeforeClose(handler) {
    closeHandlers.add(handler);
    ipcRenderer.send(IPC.closeGuard, true);
    return () => {
      closeHandlers.delete(handler);
      if (closeHandlers.size === 0) ipcRenderer.send(IPC.closeGuard, false);
    };
  },
};

contextBridge.exposeInMainWorld('yearbookHost', host);
