// Builds the native application menu template from the shared menu definition (shared/host/menu.ts).
// The result is plain data shaped like Electron's MenuItemConstructorOptions, so electron/main only
// passes it to Menu.buildFromTemplate, and this module is tested without Electron.
import type { MenuCommand } from '../../shared/host/host';
import { APP_MENU, type MenuDef, type ShellAction } from '../../shared/host/menu';
import type { MessageKey } from '../../shared/i18n';

export interface MenuTemplateItem {
  label?: string;
  accelerator?: string;
  role?: string;
  type?: 'normal' | 'separator' | 'submenu';
  submenu?: MenuTemplateItem[];
  click?: () => void;
}

export interface MenuBuildOptions {
  platform: NodeJS.Platform;
  /** Development build: adds reload and developer tools. */
  dev: boolean;
  /** Translates a catalog key (Chinese by default). */
  t: (key: MessageKey) => string;
  /** Sends a command to the focused window's renderer. */
  sendCommand: (command: MenuCommand) => void;
  /** Performs a shell action in the main process. */
  shellAction: (action: ShellAction) => void;
  appName: string;
}

export function buildMenuTemplate(opts: MenuBuildOptions, menu: readonly MenuDef[] = APP_MENU): MenuTemplateItem[] {
  const mac = opts.platform === 'darwin';
  const out: MenuTemplateItem[] = [];
  if (mac) {
    // The macOS application menu (About, Hide, Quit …) is provided by the system role.
    out.push({ label: opts.appName, role: 'appMenu' });
  }
  for (const m of menu) {
    const submenu: MenuTemplateItem[] = [];
    for (const item of m.items) {
      switch (item.kind) {
        case 'separator':
          if (submenu.length && submenu[submenu.length - 1]!.type !== 'separator') submenu.push({ type: 'separator' });
          break;
        case 'command':
          submenu.push({
            label: opts.t(item.label),
            ...(item.accelerator ? { accelerator: item.accelerator } : {}),
            click: () => opts.sendCommand(item.command),
          });
          break;
        case 'role':
          submenu.push({ label: opts.t(item.label), role: item.role, ...(item.accelerator ? { accelerator: item.accelerator } : {}) });
          break;
        case 'shell':
          if (item.devOnly && !opts.dev) break;
          if (mac && item.action === 'quit') break; // in the application menu on macOS
          submenu.push({
            label: opts.t(item.label),
            ...(item.accelerator ? { accelerator: item.accelerator } : {}),
            click: () => opts.shellAction(item.action),
          });
          break;
      }
    }
    while (submenu.length && submenu[submenu.length - 1]!.type === 'separator') submenu.pop();
    out.push({ label: opts.t(m.label), type: 'submenu', submenu });
    if (mac && m.id === 'view') out.push({ label: opts.t('shell.menu.window'), role: 'windowMenu' });
  }
  return out;
}
