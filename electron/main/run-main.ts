// The Electron main process, thin: one hardened window over the router, a tray, notifications,
// and a quit that stops every worker first. Electron comes in as a parameter so tests can hand
// in a stand-in.
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { EventHub } from '../api/event-hub.js';
import type { Router } from '../api/router.js';
import type { MasterApi } from '../master/master-api.js';
import { AlertNotifier } from './alert-notifier.js';
import type { ElectronSurface, WindowSurface } from './electron-surface.js';
import { GracefulQuit } from './graceful-quit.js';
import { guardEveryContents, hardenSession, secureWebPreferences } from './hardening.js';
import { registerIpc } from './ipc-bridge.js';
import { PanelTray } from './panel-tray.js';
import { WorkerTally } from './worker-tally.js';

export interface MainDeps {
  master: Pick<MasterApi, 'shutdown'>;
  router: Router;
  hub: EventHub;
  logger: Logger;
  /** Absolute path of the built renderer's index.html. */
  rendererIndex: string;
  /** Absolute path of the bundled (CommonJS) preload script. */
  preloadPath: string;
  iconPath: string;
  /** master.force_shutdown_timeout in milliseconds. */
  shutdownTimeoutMs: number;
}

export interface MainHandle {
  readonly window: WindowSurface;
  /** Settles once quitting has stopped the workers and exited the app. */
  readonly exited: Promise<void>;
}

/** Resolves to null when another instance already runs (it is focused instead). */
export async function runMain(
  electron: ElectronSurface,
  deps: MainDeps,
): Promise<MainHandle | null> {
  const { app } = electron;
  const logger = deps.logger.child({ component: 'main' });
  if (!app.requestSingleInstanceLock()) {
    logger.info('another instance is running; handing over to it');
    app.quit();
    return null;
  }
  guardEveryContents(app);
  await app.whenReady();
  hardenSession(electron.session.defaultSession);

  const window = new electron.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'HSU Master',
    show: false,
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  let current: WindowSurface | null = window;
  window.on('closed', () => (current = null));
  window.once('ready-to-show', () => window.show());
  const showWindow = (): void => {
    if (!current) return;
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  };
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => app.quit());

  const disposeIpc = registerIpc({
    ipcMain: electron.ipcMain,
    router: deps.router,
    hub: deps.hub,
    window: () => current,
    appUrl: pathToFileURL(deps.rendererIndex).href,
    logger,
  });

  const tally = new WorkerTally();
  const notifier = new AlertNotifier(electron.Notification);
  const tray = new PanelTray({
    electron,
    iconPath: deps.iconPath,
    router: deps.router,
    tally,
    showWindow,
    quit: () => app.quit(),
    logger,
  });
  const quit = new GracefulQuit({
    app,
    master: deps.master,
    tally,
    window: () => current,
    shutdownTimeoutMs: deps.shutdownTimeoutMs,
    beforeExit: () => {
      stopWatching();
      disposeIpc();
      tray.destroy();
      deps.hub.close();
    },
    logger,
  });
  const stopWatching = deps.hub.subscribe((batch) => {
    tally.apply(batch);
    tray.refresh();
    notifier.apply(batch);
    quit.progress();
  });

  void window.loadFile(deps.rendererIndex).catch((error: unknown) => {
    logger.error({ err: error, file: deps.rendererIndex }, 'the panel page failed to load');
  });
  return { window, exited: quit.done };
}
