// Picks the host at startup: the preload bridge in Electron, the browser implementation elsewhere.
// The renderer reaches the operating system only through the HostApi returned here.
import type { HostApi, MenuCommand } from '../../shared/host';
import { WebHost } from './webHost';

declare global {
  interface Window {
    /** Exposed by electron/preload through contextBridge. */
    yearbookHost?: HostApi;
  }
}

export function pickHost(win: Window = window): HostApi {
  const bridge = win.yearbookHost;
  if (bridge && bridge.shell === 'electron') return bridge;
  return new WebHost({ window: win });
}

/** In web mode the app draws its own menu bar and sends its commands through the host. */
export function menuDispatcher(host: HostApi): ((c: MenuCommand) => void) | null {
  return host instanceof WebHost ? (c) => host.dispatchMenuCommand(c) : null;
}

export { WebHost };
