// The one typed interface between the renderer and the operating system.
// Implemented by the preload bridge in Electron (electron/preload) and by a browser implementation for
// web mode (renderer/host/webHost.ts), so the whole renderer runs in a plain Chromium as well.
// Payload schemas live here so that the main process validates every IPC message against the same shape.
import { z } from 'zod';
import { MENU_COMMANDS } from './channels';
import type { MessageKey } from '../i18n';

export { IPC, MENU_COMMANDS } from './channels';

export const FileFilterSchema = z.object({ name: z.string(), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]+$/)) });
export type FileFilter = z.infer<typeof FileFilterSchema>;

/** The largest size limit a request may ask for (the host never reads more than 1 GB into memory). */
export const MAX_OPEN_LIMIT = 1024 * 1024 * 1024;
const SizeLimit = z.number().int().positive().max(MAX_OPEN_LIMIT);

export const OpenFilesRequestSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(FileFilterSchema).max(20).default([]),
  multiple: z.boolean().default(false),
  /**
   * Choose folders instead of files: each chosen folder gives the files in it (sub-folders included, hidden
   * files left out) whose extension one of the filters names.
   */
  folders: z.boolean().optional(),
  /** Largest file read; larger ones are refused before they are read. */
  maxBytes: SizeLimit.optional(),
  /** Per-extension limits (lower case, without the dot), before maxBytes. */
  maxBytesByExtension: z.record(z.string().regex(/^[a-z0-9]{1,10}$/), SizeLimit).optional(),
  /**
   * A file that cannot be read or is too large comes back as a HostFile with `error` (and no bytes) while the
   * others are read; without it, the first such file fails the whole call.
   */
  perFileErrors: z.boolean().optional(),
});
export type OpenFilesRequest = z.input<typeof OpenFilesRequestSchema>;

export const SaveFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  defaultName: z.string().min(1).max(255),
  filters: z.array(FileFilterSchema).max(20).default([]),
  bytes: z.instanceof(Uint8Array),
  /**
   * saveAs (the default): always ask where to save. save: write without asking to the file this book was
   * last saved to in this session, where the host remembers one for defaultName; otherwise ask.
   */
  mode: z.enum(['save', 'saveAs']).optional(),
});
export type SaveFileRequest = z.input<typeof SaveFileRequestSchema>;

/** Why a file was not read (OpenFilesRequest.perFileErrors). */
export type HostFileError =
  | { reason: 'too-large'; size: number; limit: number }
  | {
      reason: 'unreadable';
      /** The reason in Chinese ("没有读取权限"), or the system's own words for a failure the catalog has no name for. */
      message: string;
      /** The reason as a catalog message, for showing it in the interface's language. */
      reasonKey?: MessageKey;
    }
  /** A chosen folder held no file the filters name (the entry is named after the folder). */
  | { reason: 'empty-folder' }
  /** A chosen folder held more files than a folder gives (MAX_FOLDER_FILES): the first `limit` of them are read,
   * in path order, and this entry (named after the folder) says the rest were not. */
  | { reason: 'folder-truncated'; limit: number };

export interface HostFile {
  /** File name without directories. */
  name: string;
  /** Full path on disk where the host knows it (Electron); absent in web mode. */
  path?: string;
  /** Path inside a chosen or dropped folder ("区民政局/2021/稿件.docx"), where the file came from one. */
  relativePath?: string;
  bytes: Uint8Array;
  /** Size on disk, known before reading. */
  size?: number;
  /** Set when the file was not read (bytes is then empty). */
  error?: HostFileError;
}

/** What the clipboard holds: HTML (copied from Word, WPS or a browser) and plain text; '' when absent. */
export interface ClipboardContent {
  html: string;
  text: string;
}

export interface SaveResult {
  saved: boolean;
  name?: string;
  path?: string;
}

export const PrintToPdfRequestSchema = z.object({
  /** A complete HTML document (fonts referenced by the export layer). */
  html: z.string().min(1),
  /** Page size including bleed, in millimetres. */
  pageWidthMm: z.number().positive().max(2000),
  pageHeightMm: z.number().positive().max(2000),
  /** Write PDF bookmarks from the document's headings. */
  outline: z.boolean().default(true),
  /** Job id used for progress reports and cancellation. */
  jobId: z.string().min(1).max(64),
});
export type PrintToPdfRequest = z.input<typeof PrintToPdfRequestSchema>;

/** Press variant (印前转换) of a finished PDF: grayscale or CMYK through Ghostscript on the host. */
export const PressPdfRequestSchema = z.object({
  pdf: z.instanceof(Uint8Array),
  mode: z.enum(['gray', 'cmyk']),
  /** Write PDF/X-1a conformance and output intent. */
  pdfx: z.boolean().default(false),
  /** Document title for the PDF/X info. */
  title: z.string().max(400).default(''),
  jobId: z.string().min(1).max(64),
});
export type PressPdfRequest = z.input<typeof PressPdfRequestSchema>;

export const BackupRequestSchema = z.object({
  bookId: z.string().min(1).max(64),
  bookTitle: z.string().max(200),
  bytes: z.instanceof(Uint8Array),
});
export type BackupRequest = z.input<typeof BackupRequestSchema>;

export interface BackupInfo {
  id: string;
  bookId: string;
  bookTitle: string;
  createdAt: string;
  byteLength: number;
}

export interface AppInfo {
  name: string;
  version: string;
  /** electron: the desktop build; web: the renderer in a plain browser. */
  shell: 'electron' | 'web';
  os: string;
  /** Whether the host can print HTML to PDF (the desktop build always; web mode through its local service). */
  canPrintPdf: boolean;
  /** Whether the host can make the press variant (pressPdf: Ghostscript is installed where the host runs). */
  canPressPdf?: boolean;
}

/** Commands the application menu (native in Electron, drawn by the app in web mode) can send. */
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface HostApi {
  readonly shell: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  /** Shows an open dialog; resolves to [] when the user cancels. */
  openFiles(req: OpenFilesRequest): Promise<HostFile[]>;
  /**
   * Reads the clipboard's HTML and text (文件 › 从剪贴板导入). Rejects when the host may not read it (a
   * browser that refuses the permission); the app then asks for Ctrl+V, which always works.
   */
  readClipboard?(): Promise<ClipboardContent>;
  /** Shows a save dialog and writes the bytes; saved is false when the user cancels. */
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  /** Prints a complete HTML document to PDF with Chromium's print engine. */
  printToPdf(req: PrintToPdfRequest): Promise<Uint8Array>;
  /** Cancels a running print job (no effect when it already finished). */
  cancelPrint(jobId: string): Promise<void>;
  /** Converts a PDF for the press (grayscale or CMYK); present where the host offers it (see AppInfo.canPressPdf). */
  pressPdf?(req: PressPdfRequest): Promise<Uint8Array>;
  writeBackup(req: BackupRequest): Promise<BackupInfo>;
  listBackups(bookId?: string): Promise<BackupInfo[]>;
  readBackup(id: string): Promise<Uint8Array>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
  /** Writes to the application log (a file in Electron, the console in web mode). */
  log(level: LogLevel, message: string, detail?: string): void;
  /**
   * Book files the operating system asks the app to open (double-click on a .yearbook file, a second
   * launch with a file, macOS "open with"). Files that arrived before the subscription are delivered
   * right after it. Absent in web mode.
   */
  onOpenFile?(handler: (file: HostFile) => void): () => void;
  /**
   * Registers work that must finish before the window closes (flushing the autosave). The desktop
   * shell waits for it (a few seconds at most) before closing. Absent in web mode (use pagehide there).
   */
  onBeforeClose?(handler: () => Promise<void> | void): () => void;
}
