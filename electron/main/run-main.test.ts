import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_METHODS,
  IPC_EVENT_CHANNEL,
  IPC_SUBSCRIBE_CHANNEL,
  IPC_UNSUBSCRIBE_CHANNEL,
  ipcChannel,
  type EventBatch,
} from '../../shared/api-contract.js';
import { EventHub } from '../api/event-hub.js';
import { createRouter } from '../api/router.js';
import { Master } from '../master/master.js';
import { isAlive, nodeWorker, silentLogger, waitFor } from '../master/test-support/fixtures.js';
import { DESKTOP_CSP } from './hardening.js';
import { REFUSED } from './ipc-bridge.js';
import { runMain, type MainDeps, type MainHandle } from './run-main.js';
import {
  createElectronStandIn,
  StandInEvent,
  type StandInElectron,
  type StandInWindow,
} from './test-support/electron-stand-in.js';

const rendererIndex = join(tmpdir(), 'hsu-panel', 'renderer', 'index.html');

describe('runMain', () => {
  let electron: StandInElectron;
  let master: Master;
  let deps: MainDeps;
  let handle: MainHandle;
  let window: StandInWindow;

  const invoke = (channel: string, input?: unknown, frame = window.webContents.mainFrame) => {
    const handler = electron.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler(window.webContents.invokeEvent(frame), input));
  };

  beforeEach(async () => {
    electron = createElectronStandIn();
    master = new Master({ logger: silentLogger });
    master.addWorker(nodeWorker('sleeper', 'setInterval(() => {}, 1000)'));
    const router = createRouter({ master, logger: silentLogger });
    deps = {
      master,
      router,
      hub: new EventHub({ master, logger: silentLogger }),
      logger: silentLogger,
      rendererIndex,
      preloadPath: '/app/dist/electron/preload/index.cjs',
      iconPath: '/app/build/tray.png',
      shutdownTimeoutMs: 10_000,
    };
    const started = await runMain(electron, deps);
    if (!started) throw new Error('runMain refused to start');
    handle = started;
    window = electron.windows[0] as StandInWindow;
  });

  afterEach(async () => {
    deps.hub.close();
    await master.shutdown();
  });

  it('opens one window with secure preferences on the renderer page', () => {
    expect(electron.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loadedFile).toBe(rendererIndex);
    expect(window.visible).toBe(false);
    window.listeners.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('sets a strict CSP on every response and denies every permission', () => {
    const listener = electron.sessionState.headersListener;
    let headers: Record<string, string[] | string> | undefined;
    listener?.({ url: 'file:///x', responseHeaders: { 'X-Other': ['kept'] } }, (response) => {
      headers = response.responseHeaders;
    });
    let granted: boolean | null = null;
    electron.sessionState.permissionRequest?.({}, 'media', (ok) => (granted = ok));

    expect(headers).toEqual({ 'X-Other': ['kept'], 'Content-Security-Policy': [DESKTOP_CSP] });
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval/);
    expect(granted).toBe(false);
    expect(electron.sessionState.permissionCheck?.()).toBe(false);
  });

  it('blocks navigation and new windows', () => {
    const navigation = new StandInEvent();
    window.webContents.listeners.emit('will-navigate', navigation, 'https://example.com/');

    expect(navigation.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('registers exactly the contract channels', () => {
    const expected = new Set([
      ...API_METHODS.map(ipcChannel),
      IPC_SUBSCRIBE_CHANNEL,
      IPC_UNSUBSCRIBE_CHANNEL,
    ]);

    expect(new Set(electron.ipcHandlers.keys())).toEqual(expected);
  });

  it('answers the panel frame and refuses any other frame', async () => {
    const { mainFrame } = window.webContents;
    const child = { ...mainFrame, routingId: mainFrame.routingId + 100 };
    const navigatedAway = { ...mainFrame, url: 'https://attacker.example/index.html' };

    const fromChild = await invoke(ipcChannel('workers.start'), { id: 'sleeper' }, child);
    const fromElsewhere = await invoke(
      ipcChannel('workers.start'),
      { id: 'sleeper' },
      navigatedAway,
    );
    const withHash = await invoke(ipcChannel('workers.list'), undefined, {
      ...mainFrame,
      url: `${mainFrame.url}#/workers/sleeper`,
    });

    expect(fromChild).toEqual(REFUSED);
    expect(fromElsewhere).toEqual(REFUSED);
    expect(master.getSummary('sleeper').state).toBe('idle');
    expect(withHash).toMatchObject({ ok: true, value: [{ id: 'sleeper' }] });
  });

  it('streams batches to the window after it subscribes', async () => {
    expect(await invoke(IPC_SUBSCRIBE_CHANNEL)).toBe(true);
    const batches = () =>
      window.webContents.sent
        .filter((m) => m.channel === IPC_EVENT_CHANNEL)
        .map((m) => m.args[0] as EventBatch);

    expect(batches()[0]?.snapshot?.workers.map((w) => w.id)).toEqual(['sleeper']);
    await invoke(ipcChannel('workers.start'), { id: 'sleeper' });
    await waitFor('a running summary', () =>
      batches().some((b) => b.workers?.some((w) => w.state === 'running')),
    );

    expect(await invoke(IPC_UNSUBSCRIBE_CHANNEL)).toBe(true);
    const count = batches().length;
    await invoke(ipcChannel('workers.stop'), { id: 'sleeper' });
    await waitFor('the tray to see the stop', () => electron.trays[0]?.tooltip.includes('0 of 1'));
    expect(batches()).toHaveLength(count);
  });

  it('shows worker counts in the tray and acts from its menu', async () => {
    const tray = electron.trays[0];
    expect(tray?.tooltip).toBe('HSU Master: 0 of 1 running');

    tray?.item(/^Start all/).click?.();
    await waitFor('the tray to count the worker', () => tray?.tooltip.includes('1 of 1 running'));
    expect(tray?.item(/^Workers:/).label).toBe('Workers: 1 of 1 running');

    tray?.item(/^Stop all/).click?.();
    await waitFor('the worker to stop', () => master.getSummary('sleeper').state === 'idle');
  });

  it('focuses the window when a second instance starts', () => {
    electron.emitApp('second-instance');

    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('stops every worker before it exits on quit', async () => {
    const order: string[] = electron.calls;
    const realShutdown = master.shutdown.bind(master);
    master.shutdown = async () => {
      order.push('shutdown started');
      await realShutdown();
      order.push('shutdown finished');
    };
    await master.startWorker('sleeper');
    const pid = master.getSummary('sleeper').pid as number;

    electron.app.quit();
    const again = electron.emitApp('before-quit');
    await handle.exited;

    expect(again.defaultPrevented).toBe(true);
    expect(order).toEqual(['quit', 'shutdown started', 'shutdown finished', 'exit 0']);
    expect(isAlive(pid)).toBe(false);
    expect(window.progress.at(-1)).toBe(1);
    expect(electron.trays[0]?.destroyed).toBe(true);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(electron.emitApp('before-quit').defaultPrevented).toBe(false);
  });
});

describe('runMain as a second instance', () => {
  it('quits without opening a window', async () => {
    const electron = createElectronStandIn();
    electron.singleInstanceLock = false;
    const master = new Master({ logger: silentLogger });

    const handle = await runMain(electron, {
      master,
      router: createRouter({ master, logger: silentLogger }),
      hub: new EventHub({ master, logger: silentLogger }),
      logger: silentLogger,
      rendererIndex,
      preloadPath: 'preload.cjs',
      iconPath: 'tray.png',
      shutdownTimeoutMs: 1_000,
    });

    expect(handle).toBeNull();
    expect(electron.windows).toHaveLength(0);
    expect(electron.calls).toEqual(['quit']);
  });
});
