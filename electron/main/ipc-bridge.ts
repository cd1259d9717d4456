// IPC over the router: one invoke channel per API method plus subscribe/unsubscribe. Only the
// panel's own main frame, showing the app's own page, is answered.
import type { Logger } from 'pino';
import {
  API_METHODS,
  IPC_EVENT_CHANNEL,
  IPC_SUBSCRIBE_CHANNEL,
  IPC_UNSUBSCRIBE_CHANNEL,
  ipcChannel,
  type ApiResult,
} from '../../shared/api-contract.js';
import type { EventHub } from '../api/event-hub.js';
import type { Router } from '../api/router.js';
import type { ElectronSurface, InvokeEventSurface, WindowSurface } from './electron-surface.js';

export interface IpcBridgeOptions {
  ipcMain: ElectronSurface['ipcMain'];
  router: Router;
  hub: EventHub;
  /** The panel window, or null while there is none. */
  window: () => WindowSurface | null;
  /** file:// URL of the renderer's index.html. */
  appUrl: string;
  logger: Logger;
}

export const REFUSED: ApiResult<never> = {
  ok: false,
  error: { kind: 'auth', message: 'refused: not sent by the panel window' },
};

/** The channels registered, for checks; returns a function that removes them all. */
export function registerIpc(options: IpcBridgeOptions): () => void {
  const { ipcMain, router, hub, logger } = options;
  const log = logger.child({ component: 'ipc' });
  let unsubscribe: (() => void) | null = null;
  const watched = new WeakSet<WindowSurface>();
  const trusted = (event: InvokeEventSurface, channel: string): WindowSurface | null => {
    const window = options.window();
    if (window && isPanelFrame(event, window, options.appUrl)) return window;
    log.warn(
      { channel, frame: event.senderFrame?.url ?? null },
      'refused IPC from a foreign frame',
    );
    return null;
  };

  const channels = API_METHODS.map((method) => {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, (event, input) =>
      trusted(event, channel) ? router.call(method, input) : REFUSED,
    );
    return channel;
  });

  ipcMain.handle(IPC_SUBSCRIBE_CHANNEL, (event) => {
    const window = trusted(event, IPC_SUBSCRIBE_CHANNEL);
    if (!window) return false;
    // A reloaded page subscribes again; it gets a fresh snapshot on a fresh subscription.
    unsubscribe?.();
    unsubscribe = hub.subscribe((batch) => {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, batch);
    });
    if (!watched.has(window)) {
      watched.add(window);
      window.on('closed', () => stopEvents());
    }
    return true;
  });
  ipcMain.handle(IPC_UNSUBSCRIBE_CHANNEL, (event) => {
    if (!trusted(event, IPC_UNSUBSCRIBE_CHANNEL)) return false;
    stopEvents();
    return true;
  });

  function stopEvents(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return () => {
    stopEvents();
    for (const channel of [...channels, IPC_SUBSCRIBE_CHANNEL, IPC_UNSUBSCRIBE_CHANNEL]) {
      ipcMain.removeHandler(channel);
    }
  };
}

/** The sender is the window's main frame and shows the app's page (whatever its hash). */
export function isPanelFrame(
  event: InvokeEventSurface,
  window: WindowSurface,
  appUrl: string,
): boolean {
  const frame = event.senderFrame;
  if (!frame || window.isDestroyed() || event.sender.id !== window.webContents.id) return false;
  const main = window.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  const expected = withoutQueryAndHash(appUrl);
  return expected !== null && withoutQueryAndHash(frame.url) === expected;
}

function withoutQueryAndHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return null;
  }
}
