import { afterEach, describe, expect, it, vi } from 'vitest';
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
import {
  createElectronStandIn,
  type StandInWindow,
} from '../main/test-support/electron-stand-in.js';
import { runMain } from '../main/run-main.js';
import { Master } from '../master/master.js';
import { nodeWorker, silentLogger, waitFor } from '../master/test-support/fixtures.js';
import { createBridge, type RendererIpc } from './index.js';

const exposed = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: () => Promise.resolve(null), on: () => {}, removeListener: () => {} },
}));

/** An ipcRenderer that records what the bridge asks and lets the test push events. */
function recordingIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipc: RendererIpc = {
    invoke(channel, ...args) {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener(channel, listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  };
  const push = (batch: EventBatch) => {
    for (const listener of listeners.get(IPC_EVENT_CHANNEL) ?? []) listener({}, batch);
  };
  const listening = () => listeners.get(IPC_EVENT_CHANNEL)?.length ?? 0;
  return { ipc, invoked, push, listening };
}

describe('preload bridge', () => {
  it('exposes one object, window.hsu, with invoke and subscribe only', () => {
    expect([...exposed.keys()]).toEqual(['hsu']);
    expect(Object.keys(exposed.get('hsu') as object).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('invokes each method on its contract channel', async () => {
    const { ipc, invoked } = recordingIpc();
    const bridge = createBridge(ipc);

    for (const method of API_METHODS) await bridge.invoke(method, undefined);
    const result = await bridge.invoke('workers.get', { id: 'api' });

    expect(invoked.slice(0, API_METHODS.length).map((c) => c.channel)).toEqual(
      API_METHODS.map(ipcChannel),
    );
    expect(invoked.at(-1)).toEqual({ channel: ipcChannel('workers.get'), args: [{ id: 'api' }] });
    expect(result).toEqual({ ok: true, value: ipcChannel('workers.get') });
  });

  it('turns a failed invoke into an error result', async () => {
    const bridge = createBridge({
      ...recordingIpc().ipc,
      invoke: () => Promise.reject(new Error('No handler registered')),
    });

    expect(await bridge.invoke('workers.list')).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'No handler registered' },
    });
  });

  it('removes exactly the listener that unsubscribes', () => {
    const { ipc, invoked, push, listening } = recordingIpc();
    const bridge = createBridge(ipc);
    const seen: string[] = [];
    const a = (batch: EventBatch) => seen.push(`a${batch.seq}`);
    const b = (batch: EventBatch) => seen.push(`b${batch.seq}`);

    const offA1 = bridge.subscribe(a);
    const offA2 = bridge.subscribe(a);
    const offB = bridge.subscribe(b);
    push({ seq: 1, time: 0 });
    offA1();
    offA1();
    push({ seq: 2, time: 0 });
    offB();
    push({ seq: 3, time: 0 });
    offA2();
    push({ seq: 4, time: 0 });

    expect(seen).toEqual(['a1', 'a1', 'b1', 'a2', 'b2', 'a3']);
    expect(listening()).toBe(0);
    expect(invoked.map((c) => c.channel)).toEqual([
      IPC_SUBSCRIBE_CHANNEL,
      IPC_SUBSCRIBE_CHANNEL,
      IPC_SUBSCRIBE_CHANNEL,
      IPC_UNSUBSCRIBE_CHANNEL,
    ]);
  });
});

describe('preload bridge over the main process', () => {
  let master: Master | null = null;

  afterEach(async () => {
    await master?.shutdown();
  });

  it('reaches the real master and receives its batches', async () => {
    const electron = createElectronStandIn();
    master = new Master({ logger: silentLogger });
    master.addWorker(nodeWorker('echo', 'console.log("ready"); setInterval(() => {}, 1000)'));
    const hub = new EventHub({ master, logger: silentLogger });
    await runMain(electron, {
      master,
      router: createRouter({ master, logger: silentLogger }),
      hub,
      logger: silentLogger,
      rendererIndex: '/app/dist/renderer/index.html',
      preloadPath: '/app/dist/electron/preload/index.cjs',
      iconPath: 'tray.png',
      shutdownTimeoutMs: 5_000,
    });
    const bridge = createBridge(electron.rendererIpc(electron.windows[0] as StandInWindow));
    const batches: EventBatch[] = [];

    const unsubscribe = bridge.subscribe((batch) => batches.push(batch));
    await waitFor('the snapshot', () => batches[0]?.snapshot);
    const started = await bridge.invoke('workers.start', { id: 'echo' });
    await waitFor('the output line', () =>
      batches.some((b) => b.logs?.some((l) => l.lines.some((line) => line.text === 'ready'))),
    );
    unsubscribe();

    expect(batches[0]?.snapshot?.workers.map((w) => w.id)).toEqual(['echo']);
    expect(started).toMatchObject({ ok: true, value: { id: 'echo', state: 'running' } });
    expect(await bridge.invoke('workers.get', { id: '../echo' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    await waitFor('the main process to stop sending', () => hub.subscriberCount === 1);
    hub.close();
  });
});
