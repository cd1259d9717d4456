// What every part shares: the built master (dist/), a silent logger, bounded waits, transition
// timing, and a guard that kills every process a part started if it ends early.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';

const DIST = new URL('../../dist/', import.meta.url);

export async function loadBuild() {
  const [{ Master }, schema] = await Promise.all([
    import(new URL('electron/master/master.js', DIST).href),
    import(new URL('shared/config-schema.js', DIST).href),
  ]);
  return { Master, schema };
}

export const distUrl = (path) => new URL(path, DIST);

export const silentLogger = pino({ level: 'silent' });

export const sleep = (msDelay) => new Promise((resolve) => setTimeout(resolve, msDelay));

/** Polls until `probe` is truthy, or throws after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs = 30_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

/** Resolves with the time (performance.now) of a worker's next transition into `state`. */
export class TransitionClock {
  #waiting = new Map();

  constructor(master) {
    master.on('transition', (workerId, transition) => {
      const at = performance.now();
      const key = `${workerId}\u0000${transition.to}`;
      const list = this.#waiting.get(key);
      if (!list) return;
      this.#waiting.delete(key);
      for (const resolve of list) resolve(at);
    });
  }

  next(workerId, state, timeoutMs = 30_000) {
    const key = `${workerId}\u0000${state}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${workerId} did not reach ${state} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const list = this.#waiting.get(key) ?? [];
      list.push((at) => {
        clearTimeout(timer);
        resolve(at);
      });
      this.#waiting.set(key, list);
    });
  }
}

/** A master on a config built in code; `master` settings are parsed with their defaults. */
export function makeMaster(build, { master = {}, workers = [] } = {}) {
  const config = {
    path: null,
    dir: tmpdir(),
    master: build.schema.masterConfig.parse(master),
    workers,
  };
  const instance = new build.Master({ logger: silentLogger, config, version: 'bench' });
  guard.masters.add(instance);
  return instance;
}

export function processConfig(build, id, command, args, extra = {}) {
  return build.schema.processWorker.parse({
    id,
    type: 'process',
    executable_path: command,
    args,
    ...extra,
  });
}

/** Stops everything the master runs and its timers; bounded so a part cannot hang here. */
export async function closeMaster(masterInstance) {
  const done = masterInstance.shutdown().then(() => 'done');
  const outcome = await Promise.race([done, sleep(60_000).then(() => 'timeout')]);
  if (outcome === 'timeout') await masterInstance.killAll();
  guard.masters.delete(masterInstance);
}

/** A bare spawn with the options the process runner uses; resolves on its 'spawn' event. */
export async function bareSpawn(command, args) {
  const child = spawn(command, args, {
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  guard.children.add(child);
  child.stdout.resume();
  child.stderr.resume();
  child.once('exit', () => guard.children.delete(child));
  await once(child, 'spawn');
  return child;
}

export async function killBare(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
}

export async function tempDir(prefix = 'hsu-bench-') {
  const path = await mkdtemp(join(tmpdir(), prefix));
  guard.dirs.add(path);
  return {
    path,
    remove: async () => {
      guard.dirs.delete(path);
      await rm(path, { recursive: true, force: true });
    },
  };
}

/**
 * Whatever a part leaves running when it fails or is interrupted: worker process groups,
 * bare children, temp folders. Synchronous, so it also runs on 'exit'.
 */
const guard = { masters: new Set(), children: new Set(), dirs: new Set() };

function killEverything() {
  for (const masterInstance of guard.masters) {
    for (const summary of masterInstance.listWorkers()) {
      if (summary.pid === null) continue;
      for (const target of [-summary.pid, summary.pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  }
  for (const child of guard.children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
  for (const dir of guard.dirs) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', killEverything);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killEverything();
    process.exit(130);
  });
}

/** Runs a part's main; on failure prints the error and exits non-zero after cleaning up. */
export function runPart(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
      process.exit(1);
    },
  );
}

/** Serves `master` on the API side of the build, with a fresh event hub and token. */
export async function serveMaster(api, master, options = {}) {
  const hub = new api.EventHub({ master, logger: silentLogger });
  const token = api.generateToken();
  const server = await api.startServer({
    router: api.createRouter({ master, logger: silentLogger }),
    hub,
    token,
    ...options,
    logger: silentLogger,
  });
  return { hub, token, server };
}

/** The API side of the build: router, event hub and the headless server. */
export async function loadServerBuild() {
  const [router, hub, server] = await Promise.all([
    import(distUrl('electron/api/router.js').href),
    import(distUrl('electron/api/event-hub.js').href),
    import(distUrl('electron/server/index.js').href),
  ]);
  return {
    createRouter: router.createRouter,
    EventHub: hub.EventHub,
    startServer: server.startServer,
    generateToken: server.generateToken,
  };
}
