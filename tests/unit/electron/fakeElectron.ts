// A stand-in for the `electron` module (the binary cannot run here): just enough of the API surface that
// electron/main and electron/preload use, recording every call so tests can check the wiring.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const state = {
  tmp: mkdtempSync(path.join(os.tmpdir(), 'yb-fake-electron-')),
  paths: {} as Record<string, string>,
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (req: Request) => Promise<Response> | Response>(),
  invokeHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  sendHandlers: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  menuTemplate: null as unknown,
  windows: [] as FakeBrowserWindow[],
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void),
  permissionCheck: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  dialogs: { open: [] as unknown[], save: [] as unknown[], errors: [] as string[] },
  clipboard: { html: '', text: '' },
  nextOpen: { canceled: true, filePaths: [] as string[] },
  nextSave: { canceled: true, filePath: '' as string | undefined },
  sandboxEnabled: false,
  readyResolve: null as null | (() => void),
  appEvents: new EventEmitter(),
  quitCalls: 0,
  pdfBytes: new TextEncoder().encode('%PDF-1.7 fake'),
};

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  id = nextId++;
  url = '';
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  printed: unknown[] = [];
  destroyed = false;
  constructor(readonly owner: FakeBrowserWindow) {
    super();
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  getURL() {
    return this.url;
  }
  async executeJavaScript() {
    return 0;
  }
  async printToPDF(options: unknown) {
    this.printed.push(options);
    return Buffer.from(state.pdfBytes);
  }
  reload() {}
  toggleDevTools() {}
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return state.windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(wc: FakeWebContents) {
    return wc?.owner ?? null;
  }
  static getFocusedWindow() {
    return state.windows.find((w) => !w.destroyed) ?? null;
  }
  webContents: FakeWebContents;
  destroyed = false;
  loaded: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents(this);
    state.windows.push(this);
  }
  async loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.url = url;
    // Let the protocol handler answer, as Chromium would.
    const handler = state.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (handler) await handler(new Request(url));
  }
  show() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  minimize() {}
  close() {
    const ev = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    this.emit('close', ev);
    if (!ev.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  isFullScreen() {
    return false;
  }
  setFullScreen() {}
  isMaximized() {
    return false;
  }
  getBounds() {
    return { x: 10, y: 10, width: 1400, height: 900 };
  }
  getNormalBounds() {
    return this.getBounds();
  }
}

export const app = {
  isPackaged: false,
  commandLine: { appendSwitch() {}, removeSwitch() {} },
  setPath(name: string, p: string) {
    state.paths[name] = p;
  },
  getPath(name: string) {
    return state.paths[name] ?? path.join(state.tmp, name);
  },
  setAppUserModelId() {},
  requestSingleInstanceLock() {
    return true;
  },
  enableSandbox() {
    state.sandboxEnabled = true;
  },
  on(event: string, fn: (...a: unknown[]) => void) {
    state.appEvents.on(event, fn);
    return app;
  },
  whenReady() {
    return new Promise<void>((resolve) => {
      state.readyResolve = resolve;
    });
  },
  getName() {
    return '年鉴编纂工作台';
  },
  getVersion() {
    return '0.1.0';
  },
  quit() {
    state.quitCalls++;
  },
  exit() {},
};

export const protocol = {
  registerSchemesAsPrivileged(s: unknown[]) {
    state.schemes.push(...s);
  },
  handle(scheme: string, fn: (req: Request) => Promise<Response>) {
    state.protocolHandlers.set(scheme, fn);
  },
};

export const ipcMain = {
  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
    state.invokeHandlers.set(channel, fn);
  },
  on(channel: string, fn: (event: unknown, ...args: unknown[]) => void) {
    state.sendHandlers.set(channel, fn);
  },
};

export const Menu = {
  buildFromTemplate(t: unknown) {
    return t;
  },
  setApplicationMenu(m: unknown) {
    state.menuTemplate = m;
  },
};

export const dialog = {
  async showOpenDialog(...args: unknown[]) {
    state.dialogs.open.push(args[args.length - 1]);
    return state.nextOpen;
  },
  async showSaveDialog(...args: unknown[]) {
    state.dialogs.save.push(args[args.length - 1]);
    return state.nextSave;
  },
  showErrorBox(_title: string, message: string) {
    state.dialogs.errors.push(message);
  },
  showMessageBoxSync() {
    return 0;
  },
};

/** The system clipboard: tests set state.clipboard. */
export const clipboard = {
  async read() {
    const c = state.clipboard;
    return c.html ? [{ types: ['text/html', 'text/plain'], getType: async (t: string) => new Blob([t === 'text/html' ? c.html : c.text]) }] : [];
  },
  async readText() {
    return state.clipboard.text;
  },
};

export const screen = {
  getAllDisplays() {
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  },
};

export const shell = {
  async openPath() {
    return '';
  },
};

export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler(h: typeof state.permissionRequest) {
      state.permissionRequest = h;
    },
    setPermissionCheckHandler(h: typeof state.permissionCheck) {
      state.permissionCheck = h;
    },
    setDevicePermissionHandler() {},
    webRequest: {
      onBeforeRequest(_filter: unknown, h: typeof state.beforeRequest) {
        state.beforeRequest = h;
      },
    },
  }),
};

export const webContents = {
  fromId(id: number) {
    return state.windows.find((w) => w.webContents.id === id)?.webContents;
  },
};

export const BrowserWindow = FakeBrowserWindow;
export default { app, protocol, ipcMain, Menu, dialog, clipboard, screen, shell, session, webContents, BrowserWindow };
