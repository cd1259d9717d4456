import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunHandle } from '../worker/runner.js';
import { NativeModuleRegistry } from './native-registry.js';
import {
  HEARTBEAT_PLUGIN,
  hasSettled,
  makeTempDir,
  memoryLogger,
  moduleConfig,
  recordEvents,
  startAliveServer,
  waitFor,
  type AliveServer,
  type TempDir,
} from './test-support/module-fixtures.js';
import { ThreadModuleRunner } from './thread-runner.js';

/** Plugin source: a module whose methods are the given bodies (JavaScript statements). */
function pluginSource(methods: { start?: string; stop?: string; top?: string } = {}): string {
  return `${methods.top ?? ''}
export function create() {
  let running = false;
  let context = null;
  return {
    initialize(_config, _signal, given) { context = given; },
    async start() { ${methods.start ?? ''}; running = true; },
    async stop() { ${methods.stop ?? ''}; running = false; },
    isHealthy() { return running; },
    getInfo() {
      return {
        name: 'thread-test', version: '0.1.0', description: '', author: 'tests', endpoints: [],
      };
    },
  };
}`;
}

let dir: TempDir;
let log: ReturnType<typeof memoryLogger>;
let server: AliveServer;
const handles: RunHandle[] = [];

function pluginRunner(id: string, path: string, fields: Record<string, unknown> = {}) {
  const config = moduleConfig(id, {
    module_type: 'plugin',
    module_path: path,
    entry_point: 'create',
    ...fields,
  });
  return new ThreadModuleRunner(config, {
    registry: new NativeModuleRegistry(),
    logger: log.logger,
  });
}

async function launch(runner: ThreadModuleRunner, recorded = recordEvents()): Promise<RunHandle> {
  const handle = await runner.launch(recorded.events, new AbortController().signal);
  handles.push(handle);
  return handle;
}

beforeEach(async () => {
  dir = await makeTempDir();
  log = memoryLogger();
  server = await startAliveServer();
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.terminate(500, { force: true })));
  await server.close();
  await dir.remove();
});

describe('ThreadModuleRunner lifecycle', () => {
  it('runs a plugin in a thread: logs, health, heap figures, then a clean stop', async () => {
    const runner = pluginRunner('beat', HEARTBEAT_PLUGIN, {
      entry_point: 'createModule',
      config: { interval_ms: 20 },
      resources: { memory: { max_rss_mb: 64 } },
    });
    const recorded = recordEvents();

    const handle = await launch(runner, recorded);

    expect(handle.pid).toBeNull();
    expect(runner.heapLimitMb).toBe(64);
    await waitFor('two heartbeats', () => recorded.logs.some((l) => l.text === 'heartbeat 2'));
    expect(await runner.isHealthy()).toBe(true);
    expect(runner.moduleDiagnostics()).toMatchObject({
      moduleInfo: { name: 'heartbeat-plugin' },
      moduleType: 'plugin',
      isolation: 'thread',
    });
    const sample = await waitFor('a heap sample', () => runner.sampleResources());
    expect(sample.memoryBytes).toBeGreaterThan(0);
    expect(sample.cpuPercent).toBeNull();

    const exit = await handle.terminate(2000);

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(await runner.isHealthy()).toBe(false);
    expect(runner.sampleResources()).toBeNull();
  });

  it("forwards the thread's console output to the worker log", async () => {
    const path = await dir.plugin(
      'talker',
      pluginSource({ start: "console.log('out line'); console.error('err line')" }),
    );
    const recorded = recordEvents();
    await launch(pluginRunner('talker', path), recorded);

    await waitFor('both lines', () => recorded.logs.length >= 2);
    expect(recorded.logs).toEqual(
      expect.arrayContaining([
        { stream: 'stdout', text: 'out line' },
        { stream: 'stderr', text: 'err line' },
      ]),
    );
  });
});

describe('ThreadModuleRunner failures', () => {
  it('rejects launch with "module panic" when start throws in the thread', async () => {
    const path = await dir.plugin(
      'throws',
      pluginSource({ start: "throw new Error('no socket')" }),
    );
    await expect(launch(pluginRunner('throws', path))).rejects.toThrow('module panic: no socket');
  });

  it('rejects launch naming what a plugin lacks, without calling it a panic', async () => {
    const path = await dir.plugin('partial', `export const create = () => ({ start() {} });`);
    const launched = launch(pluginRunner('partial', path));
    await expect(launched).rejects.toThrow(
      `plugin ${path} export "create" yields an object ` +
        'without initialize(), stop(), isHealthy(), getInfo()',
    );
    await expect(launched).rejects.not.toThrow('module panic');
  });

  it('reports a throw from a timer in the thread as a panic, and the thread goes on', async () => {
    const path = await dir.plugin(
      'timer-throw',
      pluginSource({ start: "setTimeout(() => { throw new Error('thread tick exploded'); }, 10)" }),
    );
    const recorded = recordEvents();
    const handle = await launch(pluginRunner('timer-throw', path), recorded);

    await waitFor('the panic', () => recorded.panics.length > 0);

    expect(recorded.panics[0]?.message).toBe('thread tick exploded');
    expect(recorded.panics[0]?.stack).toContain('timer-throw.mjs');
    expect(await hasSettled(handle.exited)).toBe(false);
    expect(await server.ask()).toBe('still here');
  });

  it('ends a thread that runs out of heap, and the test process lives on', async () => {
    const path = await dir.plugin(
      'hog',
      pluginSource({
        top: 'const hoard = [];',
        start:
          'setInterval(() => { ' +
          'for (let i = 0; i < 200; i++) hoard.push(new Array(1000).fill(i)); }, 1)',
      }),
    );
    const recorded = recordEvents();
    const handle = await launch(
      pluginRunner('hog', path, { resources: { memory: { max_rss_mb: 16 } } }),
      recorded,
    );

    const exit = await handle.exited;

    expect(exit.code).not.toBe(0);
    expect(exit.signal).toBeNull();
    expect(recorded.panics.map((error) => error.message)).toContain(
      'module thread ran out of memory (heap limit 16 MB)',
    );
    expect(await server.ask()).toBe('still here');
  });
});

describe('ThreadModuleRunner terminate', () => {
  it('terminates a thread whose stop() loops forever once gracefulMs is up', async () => {
    const path = await dir.plugin('spin-on-stop', pluginSource({ stop: 'while (true) {}' }));
    const handle = await launch(pluginRunner('spin-on-stop', path));

    const startedAt = Date.now();
    const exit = await handle.terminate(300);

    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(exit.code).not.toBe(0);
    expect(await hasSettled(handle.exited)).toBe(true);
    expect(await server.ask()).toBe('still here');
  });

  it('terminates a thread spinning in a timer, which cannot hear the stop request', async () => {
    const path = await dir.plugin(
      'spin-in-timer',
      pluginSource({ start: "setTimeout(() => { context.log('spinning'); while (true) {} }, 10)" }),
    );
    const recorded = recordEvents();
    const handle = await launch(pluginRunner('spin-in-timer', path), recorded);
    await waitFor('the spin to begin', () => recorded.logs.some((l) => l.text === 'spinning'));

    const exit = await handle.terminate(300);

    expect(exit.code).not.toBe(0);
    expect(await hasSettled(handle.exited)).toBe(true);
    expect(await server.ask()).toBe('still here');
  });
});
