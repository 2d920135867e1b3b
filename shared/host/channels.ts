// IPC channel names and the menu command list: plain constants without zod, so the sandboxed preload
// bundle stays small. host.ts re-exports both and builds its schemas from them.

/** Commands the application menu can send (validated as MenuCommandSchema in host.ts). */
export const MENU_COMMANDS = [
  'file.newBook',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.import',
  'file.importClipboard',
  'file.exportPdf',
  'file.exportDocx',
  'file.backupNow',
  'file.restoreBackup',
  'edit.undo',
  'edit.redo',
  'edit.undoBookChange',
  'edit.find',
  'edit.replace',
  'edit.findInBook',
  'edit.commandPalette',
  'view.toggleOutline',
  'view.toggleSidePanel',
  'view.preview',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'tools.validate',
  'tools.nextProblem',
  'tools.prevProblem',
  'tools.editorialSummary',
  'tools.houseStyle',
  'help.about',
  'help.shortcuts',
  // Working on a volume: the selected outline node, the contributor registry.
  'outline.rename',
  'outline.moveTo',
  'outline.setStage',
  'outline.delete',
  'view.contributors',
  'view.copyContributors',
  // The side panel's tabs.
  'view.sideDetails',
  'view.sideHistory',
  'view.sideProblems',
  // 来稿原文: the imported draft the open section came from.
  'view.source',
] as const;

/** IPC channel names, shared by preload and main so they cannot drift apart. */
export const IPC = {
  appInfo: 'host:app-info',
  openFiles: 'host:open-files',
  readClipboard: 'host:read-clipboard',
  saveFile: 'host:save-file',
  printToPdf: 'host:print-to-pdf',
  cancelPrint: 'host:cancel-print',
  writeBackup: 'host:write-backup',
  listBackups: 'host:list-backups',
  readBackup: 'host:read-backup',
  menuCommand: 'host:menu-command',
  log: 'host:log',
  /** main → renderer: a file the OS asked to open; renderer → main (invoke): take the queued ones. */
  openFile: 'host:open-file',
  takeOpenFiles: 'host:take-open-files',
  /** main → renderer: the window is about to close; renderer → main: closeGuard (a handler exists) / closeReady. */
  beforeClose: 'host:before-close',
  closeGuard: 'host:close-guard',
  closeReady: 'host:close-ready',
} as const;
