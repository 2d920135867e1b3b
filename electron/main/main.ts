// Electron main process. Thin by design: it wires the plain Node modules of electron/node (protocol,
// IPC validation, backups, safe writes, print jobs, menu template, log, settings) to Electron's APIs.
// Logic belongs in electron/node, where it is unit-tested without Electron.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  shell,
  webContents,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IPC, type AppInfo, type HostFile, type MenuCommand } from '../../shared/host/host';
import type { ShellAction } from '../../shared/host/menu';
import { t, type MessageKey, type MessageParams } from '../../shared/i18n';
import { FONT_LOAD_SCRIPT } from '../../shared/export/fontLoad';
import { describeError } from '../../shared/model/errors';
import { BackupStore } from '../node/backups';
import { CloseGuard } from '../node/closeGuard';
import { bookFilesInArgv, readChosenFiles, readHostFile, withExtension, writeHostFile } from '../node/files';
import { createIpcRouter, type IpcEventLike } from '../node/ipc';
import { createFileLogger } from '../node/log';
import { buildMenuTemplate } from '../node/menu';
import { bookResources } from '../node/print/resources';
import { PrintJobs, type PrintDriver } from '../node/printJobs';
import { APP_ENTRY_URL, APP_SCHEME, serveAppRequest } from '../node/protocol';
import { loadSettings, saveSettings, visibleWindowState, type ShellSettings } from '../node/settings';
import { hardenApp, hardenSession, hardenWebContents } from './security';

const DEV = !app.isPackaged;
const tr = (key: MessageKey, params: MessageParams = {}) => t(key, params, 'zh');

// The profile folder holds IndexedDB (every book), backups, logs and settings. It is fixed and ASCII so
// that renaming the product can never orphan the user's data. Tests point it elsewhere.
app.setPath('userData', process.env.YEARBOOK_USER_DATA || path.join(app.getPath('appData'), 'YearbookWorkbench'));
if (process.platform === 'win32') app.setAppUserModelId('cn.yearbook.workbench');

// Must happen before "ready": app:// behaves like https (standard URL parsing, secure context,
// fetch, IndexedDB keyed by the origin app://yearbook).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
hardenApp();

const userData = app.getPath('userData');
const log = createFileLogger({ dir: path.join(userData, 'logs'), echo: process.env.YEARBOOK_LOG_STDERR === '1' });
const rendererRoot = path.join(__dirname, '..', 'renderer');
const devIcon = path.join(__dirname, '..', '..', 'build', 'icons', '512x512.png');
// The bundled print fonts (@fontsource, OFL): copied to resources/fonts by electron-builder, read from
// node_modules in a development run. electron/node/print/fonts.ts looks there.
process.env.YEARBOOK_FONTS_DIR ??= app.isPackaged
  ? path.join(process.resourcesPath, 'fonts')
  : path.join(__dirname, '..', '..', 'node_modules', '@fontsource');
// Print documents load fonts.css and the fonts from app://yearbook/__yearbook/…; book images come inline.
const printResources = bookResources(new Map(), new Map());
const backupDir = path.join(userData, 'backups');
const jobs = new PrintJobs();
const pendingFiles: HostFile[] = [];
const openSubscribers = new Set<number>();
let settings: ShellSettings;
let backups: BackupStore;
let mainWindow: BrowserWindow | null = null;
let lastDir: string | undefined;
let quitting = false;

process.on('uncaughtException', (e) => log.error('uncaught exception', describeError(e)));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', describeError(e)));

// Every web contents (windows, devtools): no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open denied', url.slice(0, 300));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview denied');
  });
});

const closeGuard = new CloseGuard({
  ask: (id) => webContents.fromId(id)?.send(IPC.beforeClose),
  close: (id) => BrowserWindow.fromWebContents(webContents.fromId(id)!)?.close(),
  onTimeout: (id) => log.warn(`window ${id}: the renderer did not confirm closing in time; closing anyway`),
});

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the profile; it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    void openPaths(bookFilesInArgv(argv, cwd));
  });
  app.on('will-finish-launching', () => {
    app.on('open-file', (event, filePath) => {
      event.preventDefault();
      void openPaths([filePath]);
    });
  });
  app.whenReady().then(start, (e: unknown) => {
    log.error('startup failed', describeError(e));
    dialog.showErrorBox(tr('app.name'), describeError(e));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  log.info(`start ${app.getName()} ${app.getVersion()} (Electron ${process.versions.electron}, ${os.type()} ${os.release()} ${process.arch})`);
  settings = await loadSettings(userData, (d) => log.warn('settings file ignored in part', d));
  backups = new BackupStore({ dir: backupDir, keep: settings.backupKeep });
  hardenSession(log, DEV);

  protocol.handle(APP_SCHEME, async (request) => {
    const r = await serveAppRequest(request.method, request.url, {
      rootDir: rendererRoot,
      printPage: (token) => jobs.page(token),
      resource: printResources,
      onRejected: (url, reason) => log.warn(`app:// refused (${reason})`, url.slice(0, 300)),
    });
    return new Response(r.body as ConstructorParameters<typeof Response>[0], { status: r.status, headers: r.headers });
  });

  wireIpc();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        dev: DEV,
        t: (k) => tr(k),
        sendCommand,
        shellAction,
        appName: tr('app.name'),
      }) as MenuItemConstructorOptions[],
    ),
  );

  mainWindow = createMainWindow();
  void openPaths(bookFilesInArgv(process.argv, process.cwd()));

  app.on('activate', () => {
    if (!BrowserWindow.getAllWindows().some((w) => !w.isDestroyed() && w === mainWindow)) mainWindow = createMainWindow();
  });
}

function createMainWindow(): BrowserWindow {
  const saved = visibleWindowState(settings.window, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    width: saved?.width ?? 1440,
    height: saved?.height ?? 900,
    ...(saved?.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: tr('app.name'),
    backgroundColor: '#f6f4ef',
    // Packaged builds carry the icon in the executable and the .desktop file; a development run uses build/.
    ...(process.platform === 'linux' && existsSync(devIcon) ? { icon: devIcon } : {}),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: DEV || process.env.YEARBOOK_DEVTOOLS === '1',
    },
  });
  if (saved?.maximized) win.maximize();
  hardenWebContents(win.webContents, log, { isPrint: false });
  const id = win.webContents.id;
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    rememberWindow(win);
    if (closeGuard.onClose(id) === 'wait') event.preventDefault();
  });
  win.on('closed', () => {
    closeGuard.forget(id);
    openSubscribers.delete(id);
    if (mainWindow === win) mainWindow = null;
    if (quitting) app.quit();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    openSubscribers.delete(id);
    closeGuard.setGuarded(id, false);
    dialog.showMessageBoxSync(win, { type: 'warning', title: tr('app.name'), message: tr('shell.crash.renderer', { reason: details.reason }) });
    win.webContents.reload();
  });
  win.webContents.on('did-start-loading', () => {
    // A reload forgets the renderer's subscriptions.
    openSubscribers.delete(id);
    closeGuard.setGuarded(id, false);
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log.error('loading the app failed', describeError(e)));
  return win;
}

function rememberWindow(win: BrowserWindow): void {
  if (win.isDestroyed() || win.isFullScreen()) return;
  const maximized = win.isMaximized();
  const b = maximized ? (settings.window ?? win.getNormalBounds()) : win.getBounds();
  settings = { ...settings, window: { x: b.x, y: b.y, width: Math.max(640, b.width), height: Math.max(480, b.height), maximized } };
  saveSettings(userData, settings).catch((e: unknown) => log.warn('saving settings failed', describeError(e)));
}

function windowOf(event: IpcEventLike): BrowserWindow | null {
  const wc = event.sender ? webContents.fromId(event.sender.id) : undefined;
  return (wc && BrowserWindow.fromWebContents(wc)) ?? mainWindow;
}

function targetWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow();
  return focused && focused === mainWindow ? focused : mainWindow;
}

function sendCommand(command: MenuCommand): void {
  const win = targetWindow();
  if (win && !win.isDestroyed()) win.webContents.send(IPC.menuCommand, command);
}

function shellAction(action: ShellAction): void {
  const win = targetWindow();
  switch (action) {
    case 'quit':
      app.quit();
      break;
    case 'openLogFolder':
      void shell.openPath(path.dirname(log.file));
      break;
    case 'openBackupFolder':
      void fs.mkdir(backupDir, { recursive: true }).then(() => shell.openPath(backupDir));
      break;
    case 'toggleDevTools':
      win?.webContents.toggleDevTools();
      break;
    case 'reload':
      win?.webContents.reload();
      break;
    case 'toggleFullScreen':
      win?.setFullScreen(!win.isFullScreen());
      break;
    case 'minimize':
      win?.minimize();
      break;
    case 'closeWindow':
      win?.close();
      break;
  }
}

async function openPaths(paths: string[]): Promise<void> {
  for (const p of paths) {
    try {
      const file = await readHostFile(p);
      log.info(`open requested: ${p}`);
      const win = mainWindow;
      if (win && !win.isDestroyed() && openSubscribers.has(win.webContents.id)) win.webContents.send(IPC.openFile, file);
      else pendingFiles.push(file);
    } catch (e) {
      log.error(`cannot open ${p}`, describeError(e));
      dialog.showErrorBox(tr('app.name'), e instanceof Error ? e.message : String(e));
    }
  }
}

function createPrintDriver(): PrintDriver {
  let pageUrl: string | undefined;
  const win = new BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
    },
  });
  hardenWebContents(win.webContents, log, { isPrint: true, printUrl: () => pageUrl });
  return {
    load: async (url) => {
      pageUrl = url;
      await win.loadURL(url);
    },
    settle: async () => {
      // The page's own scripts are blocked by its CSP; this runs from the main process. Print documents are
      // hidden on screen, so the faces their text needs are loaded explicitly (shared/export/fontLoad.ts).
      const fonts = win.webContents.executeJavaScript(FONT_LOAD_SCRIPT, true);
      const timeout = new Promise((resolve) => setTimeout(resolve, 30_000));
      await Promise.race([fonts, timeout]).catch((e: unknown) => log.warn('waiting for fonts failed', describeError(e)));
    },
    print: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
    destroy: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

function wireIpc(): void {
  const router = createIpcRouter(
    {
      [IPC.appInfo]: (): AppInfo => ({
        name: tr('app.name'),
        version: app.getVersion(),
        shell: 'electron',
        os: `${os.type()} ${os.release()} ${process.arch}`,
        canPrintPdf: true,
      }),
      [IPC.openFiles]: async ([req], event) => {
        const win = windowOf(event);
        // Windows and Linux cannot pick files and folders in one dialog: a folder choice is its own dialog.
        const properties: Electron.OpenDialogOptions['properties'] = req.folders ? ['openDirectory'] : ['openFile'];
        if (req.multiple) properties.push('multiSelections');
        const options: Electron.OpenDialogOptions = {
          ...(req.title ? { title: req.title } : {}),
          ...(lastDir ? { defaultPath: lastDir } : {}),
          ...(req.folders ? {} : { filters: req.filters }),
          properties,
        };
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        if (r.canceled || r.filePaths.length === 0) return [];
        lastDir = path.dirname(r.filePaths[0]!);
        // Sizes are checked before reading; folders become the files in them (electron/node/files.ts).
        const files = await readChosenFiles(r.filePaths, req);
        log.info(`open dialog: ${files.length} file(s), ${files.filter((f) => f.error).length} not read`);
        return files;
      },
      [IPC.readClipboard]: async () => {
        // HTML as Word, WPS or a browser put it there (sanitised in the renderer before recognition).
        let html = '';
        for (const item of await clipboard.read()) {
          if (!item.types.includes('text/html')) continue;
          html = await (await item.getType('text/html')).text();
          break;
        }
        return { html, text: await clipboard.readText() };
      },
      [IPC.saveFile]: async ([req], event) => {
        const win = windowOf(event);
        const options: Electron.SaveDialogOptions = {
          ...(req.title ? { title: req.title } : {}),
          defaultPath: path.join(lastDir ?? app.getPath('documents'), path.basename(req.defaultName)),
          filters: req.filters,
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (r.canceled || !r.filePath) return { saved: false };
        const target = withExtension(r.filePath, req.filters.flatMap((f) => f.extensions));
        await writeHostFile(target, req.bytes);
        lastDir = path.dirname(target);
        log.info(`saved ${target} (${req.bytes.byteLength} bytes)`);
        return { saved: true, name: path.basename(target), path: target };
      },
      [IPC.printToPdf]: async ([req]) => {
        log.info(`print job ${req.jobId}: ${req.html.length} chars, ${req.pageWidthMm}×${req.pageHeightMm} mm`);
        const started = Date.now();
        const pdf = await jobs.run(req, createPrintDriver);
        log.info(`print job ${req.jobId}: ${pdf.byteLength} bytes in ${Date.now() - started} ms`);
        return pdf;
      },
      [IPC.cancelPrint]: ([jobId]) => {
        if (jobs.cancel(jobId)) log.info(`print job ${jobId} cancelled`);
      },
      [IPC.writeBackup]: async ([req]) => {
        const info = await backups.write(req.bookId, req.bookTitle, req.bytes);
        log.info(`backup ${info.id} (${info.byteLength} bytes)`);
        return info;
      },
      [IPC.listBackups]: ([bookId]) => backups.list(bookId),
      [IPC.readBackup]: ([id]) => backups.read(id),
      [IPC.takeOpenFiles]: (_args, event) => {
        if (event.sender) openSubscribers.add(event.sender.id);
        return pendingFiles.splice(0, pendingFiles.length);
      },
    },
    {
      [IPC.log]: ([level, message, detail]) => log.log(level, message, detail, 'renderer'),
      [IPC.closeGuard]: ([on], event) => {
        if (event.sender) closeGuard.setGuarded(event.sender.id, on);
      },
      [IPC.closeReady]: (_args, event) => {
        if (event.sender) closeGuard.ready(event.sender.id);
      },
    },
    log,
  );
  for (const channel of router.invokeChannels) ipcMain.handle(channel, (event, ...args) => router.invoke(channel, event, args));
  for (const channel of router.sendChannels) ipcMain.on(channel, (event, ...args) => router.send(channel, event, args));
}

app.on('before-quit', () => {
  quitting = true;
  jobs.cancelAll();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin' || quitting) app.quit();
});
