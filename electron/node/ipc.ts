// IPC validation: every message from a renderer is checked for its sender and against the zod schemas of
// shared/host/host.ts before any handler sees it. The main process registers handlers only through
// createIpcRouter, so an unvalidated channel cannot exist.
import { z } from 'zod';
import {
  BackupRequestSchema,
  IPC,
  OpenFilesRequestSchema,
  PrintToPdfRequestSchema,
  SaveFileRequestSchema,
  type AppInfo,
  type BackupInfo,
  type ClipboardContent,
  type HostFile,
  type SaveResult,
} from '../../shared/host/host';
import { UserError, describeError } from '../../shared/model/errors';
import { APP_ORIGIN, PRINT_PATH_PREFIX, isAppUrl } from './protocol';

const ShortId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
export const BackupIdSchema = z.string().min(1).max(160).regex(/^[A-Za-z0-9_-]{1,64}\/[0-9]{8}T[0-9]{9}Z(?:-[0-9]+)?$/);
export const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

/** Argument lists of the invoke channels (renderer → main, with a reply). */
export const invokeSchemas = {
  [IPC.appInfo]: z.tuple([]),
  [IPC.openFiles]: z.tuple([OpenFilesRequestSchema]),
  [IPC.readClipboard]: z.tuple([]),
  [IPC.saveFile]: z.tuple([SaveFileRequestSchema]),
  [IPC.printToPdf]: z.tuple([PrintToPdfRequestSchema.extend({ jobId: ShortId })]),
  [IPC.cancelPrint]: z.tuple([ShortId]),
  [IPC.writeBackup]: z.tuple([BackupRequestSchema.extend({ bookId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) })]),
  [IPC.listBackups]: z.tuple([z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional()]),
  [IPC.readBackup]: z.tuple([BackupIdSchema]),
  [IPC.takeOpenFiles]: z.tuple([]),
} as const;

/** Argument lists of the fire-and-forget channels (renderer → main, no reply). */
export const sendSchemas = {
  [IPC.log]: z.tuple([LogLevelSchema, z.string().max(20_000), z.string().max(200_000).optional()]),
  [IPC.closeGuard]: z.tuple([z.boolean()]),
  [IPC.closeReady]: z.tuple([]),
} as const;

export type InvokeChannel = keyof typeof invokeSchemas;
export type SendChannel = keyof typeof sendSchemas;
export type InvokeArgs<C extends InvokeChannel> = z.output<(typeof invokeSchemas)[C]>;
export type SendArgs<C extends SendChannel> = z.output<(typeof sendSchemas)[C]>;

/** What each invoke handler returns (the HostApi method's resolved value). */
export interface InvokeResults {
  [IPC.appInfo]: AppInfo;
  [IPC.openFiles]: HostFile[];
  [IPC.readClipboard]: ClipboardContent;
  [IPC.saveFile]: SaveResult;
  [IPC.printToPdf]: Uint8Array;
  [IPC.cancelPrint]: void;
  [IPC.writeBackup]: BackupInfo;
  [IPC.listBackups]: BackupInfo[];
  [IPC.readBackup]: Uint8Array;
  [IPC.takeOpenFiles]: HostFile[];
}

/** The part of Electron's IpcMainInvokeEvent / IpcMainEvent this module reads. */
export interface IpcEventLike {
  senderFrame?: { url: string; parent?: unknown } | null;
  /** Identifies the web contents, for handlers that answer to one window. */
  sender?: { id: number };
}

export class IpcRejectedError extends UserError {}

/**
 * A sender is trusted when its frame is a top-level frame showing the app origin, and not one of the
 * print pages (those are static documents with scripts disabled; they never talk to the main process).
 */
export function isTrustedSender(event: IpcEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame || !isAppUrl(frame.url)) return false;
  if (frame.parent) return false;
  try {
    const u = new URL(frame.url);
    if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return false;
    if (decodeURIComponent(u.pathname).startsWith(PRINT_PATH_PREFIX)) return false;
  } catch {
    return false;
  }
  return true;
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`)
    .join('; ');
}

export function validateInvoke<C extends InvokeChannel>(channel: C, event: IpcEventLike, args: unknown[]): InvokeArgs<C> {
  if (!isTrustedSender(event)) {
    throw new IpcRejectedError('shell.ipc.untrusted', {}, `${channel} from ${event.senderFrame?.url ?? '(no frame)'}`);
  }
  const schema = invokeSchemas[channel];
  if (!schema) throw new IpcRejectedError('shell.ipc.rejected', { channel: String(channel) }, 'unknown channel');
  const r = schema.safeParse(args);
  if (!r.success) throw new IpcRejectedError('shell.ipc.rejected', { channel }, summarizeIssues(r.error));
  return r.data as InvokeArgs<C>;
}

export function validateSend<C extends SendChannel>(channel: C, event: IpcEventLike, args: unknown[]): SendArgs<C> {
  if (!isTrustedSender(event)) {
    throw new IpcRejectedError('shell.ipc.untrusted', {}, `${channel} from ${event.senderFrame?.url ?? '(no frame)'}`);
  }
  const r = sendSchemas[channel].safeParse(args);
  if (!r.success) throw new IpcRejectedError('shell.ipc.rejected', { channel }, summarizeIssues(r.error));
  return r.data as SendArgs<C>;
}

export type InvokeHandlers = {
  [C in InvokeChannel]: (args: InvokeArgs<C>, event: IpcEventLike) => Promise<InvokeResults[C]> | InvokeResults[C];
};
export type SendHandlers = { [C in SendChannel]: (args: SendArgs<C>, event: IpcEventLike) => void };

export interface RouterLog {
  warn(message: string, detail?: string): void;
  error(message: string, detail?: string): void;
}

/**
 * Wraps the handlers so that each one receives only validated arguments. Errors reach the renderer as
 * their Chinese message (Electron passes only the message across); the detail goes to the log.
 */
export function createIpcRouter(invoke: InvokeHandlers, send: SendHandlers, log: RouterLog) {
  return {
    invokeChannels: Object.keys(invokeSchemas) as InvokeChannel[],
    sendChannels: Object.keys(sendSchemas) as SendChannel[],
    async invoke(channel: InvokeChannel, event: IpcEventLike, args: unknown[]): Promise<unknown> {
      let parsed;
      try {
        parsed = validateInvoke(channel, event, args);
      } catch (e) {
        log.warn(`IPC ${channel} rejected`, describeError(e));
        throw e;
      }
      try {
        const handler = invoke[channel] as (a: unknown, ev: IpcEventLike) => unknown;
        return await handler(parsed, event);
      } catch (e) {
        log.error(`IPC ${channel} failed`, describeError(e));
        throw e;
      }
    },
    send(channel: SendChannel, event: IpcEventLike, args: unknown[]): void {
      try {
        const parsed = validateSend(channel, event, args);
        (send[channel] as (a: unknown, ev: IpcEventLike) => void)(parsed, event);
      } catch (e) {
        log.warn(`IPC ${channel} rejected`, describeError(e));
      }
    },
  };
}
export type IpcRouter = ReturnType<typeof createIpcRouter>;
