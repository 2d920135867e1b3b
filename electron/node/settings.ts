// Settings of the desktop shell, kept in userData/settings.json: backup rotation and the window's last
// position. A missing or damaged file falls back to the defaults (and is rewritten on the next save);
// it never stops the application from starting.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BACKUP_KEEP } from './backups';
import { writeFileAtomic } from './safeWrite';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(16384),
  height: z.number().int().min(480).max(16384),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const ShellSettingsSchema = z.object({
  /** How many backups are kept per book (the newest ones). */
  backupKeep: z.number().int().min(1).max(1000).default(DEFAULT_BACKUP_KEEP),
  window: WindowStateSchema.optional(),
});
export type ShellSettings = z.infer<typeof ShellSettingsSchema>;

export const SETTINGS_FILE = 'settings.json';

export async function loadSettings(dir: string, onProblem?: (detail: string) => void): Promise<ShellSettings> {
  const file = path.join(dir, SETTINGS_FILE);
  let raw: unknown = {};
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') onProblem?.(`${file}: ${String(e)}`);
  }
  const r = ShellSettingsSchema.safeParse(raw);
  if (r.success) return r.data;
  onProblem?.(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  // Keep whatever fields are valid on their own.
  const obj = (typeof raw === 'object' && raw ? raw : {}) as Record<string, unknown>;
  const keep = ShellSettingsSchema.shape.backupKeep.safeParse(obj.backupKeep);
  const win = WindowStateSchema.safeParse(obj.window);
  return ShellSettingsSchema.parse({ ...(keep.success ? { backupKeep: keep.data } : {}), ...(win.success ? { window: win.data } : {}) });
}

export async function saveSettings(dir: string, settings: ShellSettings): Promise<void> {
  await writeFileAtomic(path.join(dir, SETTINGS_FILE), JSON.stringify(ShellSettingsSchema.parse(settings), null, 2) + '\n', { mkdirs: true });
}

/** Keeps a saved window position only if it is still visible on one of the current displays. */
export function visibleWindowState(
  state: WindowState | undefined,
  displays: { x: number; y: number; width: number; height: number }[],
): WindowState | undefined {
  if (!state) return undefined;
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width } = state;
  const onScreen = displays.some((d) => x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y && y + 40 <= d.y + d.height);
  if (onScreen) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}
