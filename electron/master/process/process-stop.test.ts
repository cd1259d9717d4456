import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pidtree from 'pidtree';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunHandle } from '../worker/runner.js';
import { eventually, isGone, RunTracker, within, workerConfig } from './test-helpers.js';

const NODE = process.execPath;
const runs = new RunTracker();
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'hsu-stop-'));
});
afterEach(() => runs.cleanup());
afterAll(() => rm(tmp, { recursive: true, force: true }));

// A background child that starts a session of its own, out of reach of a group signal; the
// worker waits for the mark it leaves once it is out, so no test races the setsid.
const ESCAPE = `setsid sh -c 'touch "$MARK"; exec sleep 300' &`;
const AWAIT_ESCAPE = 'while [ ! -e "$MARK" ]; do sleep 0.02; done;';
let marks = 0;
const markEnv = () => ({ environment: { MARK: path.join(tmp, `escaped-${++marks}`) } });

/** The worker and every descendant it has now, once it has at least `atLeast` of them. */
async function processTree(handle: RunHandle, atLeast: number): Promise<number[]> {
  const pid = handle.pid as number;
  let tree: number[] = [];
  const grown = await eventually(async () => {
    tree = await pidtree(pid, { root: true });
    return tree.length > atLeast;
  });
  expect(grown, `descendants of ${pid}`).toBe(true);
  return tree;
}

describe('ProcessRun.terminate', () => {
  it('stops a worker that exits on SIGTERM gracefully', async () => {
    const script = `
      process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const [handle, output] = await runs.launch(workerConfig(NODE, ['-e', script]));
    await output.waitFor((text) => text === 'ready');

    const info = await handle.terminate(30_000);

    expect(info).toMatchObject({ code: 0, signal: null });
    expect(info.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(await handle.exited).toBe(info);
    await output.waitFor((text) => text === 'bye');
  });

  it('kills a worker that ignores SIGTERM once the graceful time is up', async () => {
    const script = `
      process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const [handle, output] = await runs.launch(workerConfig(NODE, ['-e', script]));
    await output.waitFor((text) => text === 'ready');
    const gracefulMs = 700;

    const started = performance.now();
    const info = await handle.terminate(gracefulMs);
    const took = performance.now() - started;

    expect(took).toBeGreaterThanOrEqual(gracefulMs);
    expect(info.signal).toBe('SIGKILL');
    expect(isGone(handle.pid as number)).toBe(true);
    await output.waitFor((text) => text === 'ignoring SIGTERM');
  });

  it('sends the configured stop signal', async () => {
    const script = `
      process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(0); });
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const config = workerConfig(NODE, ['-e', script], { stop_signal: 'SIGINT' });
    const [handle, output] = await runs.launch(config);
    await output.waitFor((text) => text === 'ready');

    expect(await handle.terminate(30_000)).toMatchObject({ code: 0, signal: null });
    await output.waitFor((text) => text === 'got SIGINT');
  });

  it('kills at once when forced', async () => {
    const script =
      "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);";
    const [handle, output] = await runs.launch(workerConfig(NODE, ['-e', script]));
    await output.waitFor((text) => text === 'ready');

    const info = await within(handle.terminate(60_000, { force: true }), 20_000);

    expect(info).toMatchObject({ signal: 'SIGKILL' });
  });

  it('escalates a graceful stop in progress when forced', async () => {
    const script =
      "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);";
    const [handle, output] = await runs.launch(workerConfig(NODE, ['-e', script]));
    await output.waitFor((text) => text === 'ready');

    const graceful = handle.terminate(60_000);
    const forced = handle.terminate(0, { force: true });

    expect(await within(forced, 20_000)).toMatchObject({ signal: 'SIGKILL' });
    expect(await graceful).toBe(await forced);
  });

  it('returns the exit of a run that already ended', async () => {
    const [handle] = await runs.launch(workerConfig('sh', ['-c', 'exit 7']));
    const exited = await handle.exited;

    expect(await handle.terminate(1000)).toBe(exited);
    expect(exited.code).toBe(7);
  });
});

describe('no orphans', () => {
  it.each([
    ['a shell waiting on a child', 'sleep 300 & wait', 1],
    ['a shell that execs with a child', 'sleep 300 & echo started; exec sleep 301', 1],
  ])('leaves nothing of %s behind', async (_name, script, children) => {
    const [handle] = await runs.launch(workerConfig('sh', ['-c', script]));
    const tree = await processTree(handle, children);
    for (const pid of tree) runs.adopt(pid);

    await handle.terminate(1000);

    expect(tree.filter((pid) => !isGone(pid))).toEqual([]);
  });

  it('leaves nothing behind of a child that left the group', async () => {
    const script = `${ESCAPE} sleep 301 & ${AWAIT_ESCAPE} echo ready; wait`;
    const [handle, output] = await runs.launch(workerConfig('sh', ['-c', script], markEnv()));
    await output.waitFor((text) => text === 'ready');
    const tree = await processTree(handle, 2);
    for (const pid of tree) runs.adopt(pid);

    await handle.terminate(1000);

    expect(tree.filter((pid) => !isGone(pid))).toEqual([]);
  });

  it('settles the exit at once although a child still holds the output pipe', async () => {
    const [handle, output] = await runs.launch(
      workerConfig('sh', ['-c', 'sleep 30 & echo $!; exit 3']),
    );
    const child = Number(await output.waitFor((text) => /^\d+$/.test(text)));
    runs.adopt(child);

    const info = await within(handle.exited, 10_000);

    expect(info).toMatchObject({ code: 3, signal: null });
    // What the worker left in its group goes with it.
    expect(await eventually(() => isGone(child))).toBe(true);
  });

  it('settles the exit when a child outside the group keeps the pipe open', async () => {
    const [handle, output] = await runs.launch(
      workerConfig('sh', ['-c', `${ESCAPE} ${AWAIT_ESCAPE} echo $!; exit 3`], markEnv()),
    );
    const child = Number(await output.waitFor((text) => /^\d+$/.test(text)));
    runs.adopt(child);

    const info = await within(handle.exited, 10_000);

    expect(info).toMatchObject({ code: 3, signal: null });
    expect(isGone(child)).toBe(false);
  });
});
