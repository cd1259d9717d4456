import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkerModule } from '../../../shared/module.js';
import type { RunHandle } from '../worker/runner.js';
import { InlineModuleRunner } from './inline-runner.js';
import { NativeModuleRegistry } from './native-registry.js';
import {
  HEARTBEAT_PLUGIN,
  makeTempDir,
  memoryLogger,
  moduleConfig,
  recordEvents,
  startAliveServer,
  waitFor,
  type AliveServer,
  type TempDir,
} from './test-support/module-fixtures.js';

/** A module whose behaviour each test shapes through a few hooks. */
function testModule(hooks: Partial<WorkerModule> = {}): WorkerModule {
  let running = false;
  return {
    initialize: () => undefined,
    start: () => {
      running = true;
    },
    stop: () => {
      running = false;
    },
    isHealthy: () => running,
    getInfo: () => ({
      name: 'test-module',
      version: '1.0.0',
      description: 'a module for tests',
      author: 'tests',
      endpoints: [],
    }),
    ...hooks,
  };
}

let registry: NativeModuleRegistry;
let log: ReturnType<typeof memoryLogger>;
let dir: TempDir;
const handles: RunHandle[] = [];

function runner(id: string, fields: Record<string, unknown>): InlineModuleRunner {
  return new InlineModuleRunner(moduleConfig(id, fields), { registry, logger: log.logger });
}

function nativeRunner(id: string, module: () => WorkerModule, fields = {}): InlineModuleRunner {
  registry.register(id, module);
  return runner(id, { module_type: 'native', module_name: id, ...fields });
}

async function launch(target: InlineModuleRunner, recorded = recordEvents()): Promise<RunHandle> {
  const handle = await target.launch(recorded.events, new AbortController().signal);
  handles.push(handle);
  return handle;
}

beforeEach(async () => {
  registry = new NativeModuleRegistry();
  log = memoryLogger();
  dir = await makeTempDir();
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.terminate(1000)));
  await dir.remove();
});

describe('InlineModuleRunner lifecycle', () => {
  it('launches a native module, reports it healthy, and stops it on terminate', async () => {
    const target = nativeRunner('native-a', () => testModule());
    expect(target.describeExecutable()).toEqual({ path: 'in-proc-module:native-a', exists: true });

    const handle = await launch(target);

    expect(handle.pid).toBeNull();
    expect(await target.isHealthy()).toBe(true);
    expect(target.moduleDiagnostics()).toMatchObject({
      moduleInfo: { name: 'test-module', version: '1.0.0' },
      moduleType: 'native',
      isolation: 'inline',
    });

    const exit = await handle.terminate(1000);

    expect(exit).toMatchObject({ code: 0, signal: null });
    await expect(handle.exited).resolves.toEqual(exit);
    expect(await target.isHealthy()).toBe(false);
  });

  it('runs a plugin file and forwards its context.log lines to the worker log', async () => {
    const target = runner('beat', {
      module_type: 'plugin',
      module_path: HEARTBEAT_PLUGIN,
      entry_point: 'createModule',
      config: { interval_ms: 20 },
    });
    const recorded = recordEvents();

    const handle = await launch(target, recorded);

    await waitFor('two heartbeats', () => recorded.logs.some((l) => l.text === 'heartbeat 2'));
    expect(await target.isHealthy()).toBe(true);
    expect(target.moduleDiagnostics().moduleInfo?.name).toBe('heartbeat-plugin');
    await handle.terminate(1000);
    expect(recorded.logs.at(-1)?.text).toMatch(/^heartbeat stopped after \d+ beats$/);
  });

  it('says which native modules exist when the name is unknown', async () => {
    registry.register('other', () => testModule());
    const target = runner('x', { module_type: 'native', module_name: 'missing' });
    expect(target.describeExecutable().exists).toBe(false);
    await expect(launch(target)).rejects.toThrow(
      'no native module registered as "missing" (registered: other)',
    );
  });
});

describe('InlineModuleRunner start failures', () => {
  it('rejects launch with "module panic" when start throws', async () => {
    const target = nativeRunner('throws', () =>
      testModule({
        start: () => {
          throw new Error('cannot bind');
        },
      }),
    );
    await expect(launch(target)).rejects.toThrow('module panic: cannot bind');
  });

  it('rejects launch with "module panic" when initialize rejects', async () => {
    const target = nativeRunner('rejects', () =>
      testModule({ initialize: () => Promise.reject(new Error('bad config')) }),
    );
    await expect(launch(target)).rejects.toThrow('module panic: bad config');
  });

  it('rejects launch when a callback scheduled by start throws before start finishes', async () => {
    const target = nativeRunner('late', () =>
      testModule({
        start: () =>
          new Promise<void>(() => {
            setTimeout(() => {
              throw new Error('timer failed during start');
            }, 5);
          }),
      }),
    );
    await expect(launch(target)).rejects.toThrow('module panic: timer failed during start');
  });

  it('gives up after startup_timeout on a start that never settles, and stops it', async () => {
    let stopped = false;
    const target = nativeRunner(
      'hangs',
      () =>
        testModule({
          start: () => new Promise<void>(() => undefined),
          stop: () => {
            stopped = true;
          },
        }),
      { startup_timeout: '100ms' },
    );
    await expect(launch(target)).rejects.toThrow('module start timed out after 100ms');
    expect(stopped).toBe(true);
  });
});

describe('InlineModuleRunner panics after start', () => {
  let server: AliveServer;

  beforeEach(async () => {
    server = await startAliveServer();
  });
  afterEach(() => server.close());

  /** A module that, once armed, fails from a timer it set up inside start(). */
  function failingLater(fail: () => void): { module: () => WorkerModule; arm: () => void } {
    let armed = false;
    let timer: NodeJS.Timeout | undefined;
    const module = (): WorkerModule =>
      testModule({
        start: () => {
          timer = setInterval(() => {
            if (!armed) return;
            armed = false;
            fail();
          }, 5);
        },
        stop: () => clearInterval(timer),
        isHealthy: () => timer !== undefined,
      });
    return { module, arm: () => (armed = true) };
  }

  it('routes a throw in a module timer to that runner only; the process lives on', async () => {
    const failing = failingLater(() => {
      throw new Error('tick exploded');
    });
    const faulty = nativeRunner('faulty', failing.module);
    const bystander = nativeRunner('bystander', () => testModule());
    const faultyEvents = recordEvents();
    const bystanderEvents = recordEvents();
    await launch(faulty, faultyEvents);
    await launch(bystander, bystanderEvents);

    failing.arm();
    await waitFor('the panic', () => faultyEvents.panics.length > 0);

    expect(faultyEvents.panics[0]?.message).toBe('tick exploded');
    expect(bystanderEvents.panics).toEqual([]);
    expect(await server.ask()).toBe('still here');
    expect(await faulty.isHealthy()).toBe(true);
    const logged = log.entries().find((entry) => entry.msg === 'module panic: tick exploded');
    expect(logged).toMatchObject({ worker: 'faulty', origin: 'uncaughtException' });
    expect((logged?.err as { stack: string }).stack).toContain('tick exploded');
  });

  it('routes an unhandled rejection from module code to its runner', async () => {
    const failing = failingLater(() => void Promise.reject(new Error('nobody caught me')));
    const target = nativeRunner('rejecting', failing.module);
    const recorded = recordEvents();
    await launch(target, recorded);

    failing.arm();
    await waitFor('the panic', () => recorded.panics.length > 0);

    expect(recorded.panics[0]?.message).toBe('nobody caught me');
    expect(await server.ask()).toBe('still here');
  });
});

describe('errors no module owns', () => {
  it('are logged as unattributed and leave every runner alone', async () => {
    const recorded = recordEvents();
    await launch(
      nativeRunner('innocent', () => testModule()),
      recorded,
    );

    setTimeout(() => {
      throw new Error('thrown by the master itself');
    }, 1);
    const logged = await waitFor('the log line', () =>
      log.entries().find((entry) => entry.attributed === false),
    );

    expect((logged.err as { message: string }).message).toBe('thrown by the master itself');
    expect(recorded.panics).toEqual([]);
    expect(await launch(nativeRunner('after', () => testModule()))).toBeDefined();
  });
});

describe('InlineModuleRunner terminate', () => {
  it('drops a module whose stop never finishes after gracefulMs', async () => {
    const target = nativeRunner('stuck', () =>
      testModule({ stop: () => new Promise<void>(() => undefined) }),
    );
    const handle = await launch(target);

    const exit = await handle.terminate(100);

    expect(exit.code).toBe(1);
    expect(log.entries().some((entry) => String(entry.msg).includes('module stop timed out'))).toBe(
      true,
    );
  });
});
