// Applying the saved file touches only what changed: a changed worker restarts, an added one
// starts, a removed one stops, the rest keep their processes, and an operator's stop holds.
import { afterEach, expect, it } from 'vitest';
import { isAlive, waitFor } from '../test-support/fixtures.js';
import { openStore, type StoreHarness } from './test-fixtures.js';

const NODE = JSON.stringify(process.execPath);

function workersYaml(workers: { id: string; tag: string }[]): string {
  const entries = workers.map(
    ({ id, tag }) => `  # worker ${id}
  - id: ${id}
    type: process
    executable_path: ${NODE}
    args: ["-e", "setInterval(()=>{},1000)", "${tag}"]
`,
  );
  const master = 'master:\n  log_level: error\n  force_shutdown_timeout: 5s\n';
  return `# applied by the tests\n${master}workers:\n${entries.join('')}`;
}

let harness: StoreHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function runningHarness(ids: string[]): Promise<StoreHarness> {
  harness = await openStore(workersYaml(ids.map((id) => ({ id, tag: 'v1' }))), { start: true });
  const h = harness;
  await waitFor('every worker running', () =>
    h.master.listWorkers().every((w) => w.state === 'running' && w.pid !== null),
  );
  return h;
}

const pidOf = (h: StoreHarness, id: string) => h.master.getSummary(id).pid;

it('restarts only the changed worker, starts the added one and stops the removed one', async () => {
  const h = await runningHarness(['a', 'b', 'c']);
  const before = { a: pidOf(h, 'a'), b: pidOf(h, 'b'), c: pidOf(h, 'c') };
  expect((await h.store.get()).pendingApply).toBe(false);

  const saved = await h.store.save(
    workersYaml([
      { id: 'a', tag: 'v1' },
      { id: 'b', tag: 'v2' },
      { id: 'd', tag: 'v1' },
    ]),
  );
  expect(saved.pendingApply).toBe(true);
  const plan = await h.store.plan();
  expect(plan).toEqual({
    start: ['d'],
    stop: ['c'],
    restart: ['b'],
    unchanged: ['a'],
    keptStopped: [],
  });

  const outcome = await h.store.apply();

  expect(outcome).toEqual({ plan, errors: [] });
  expect((await h.store.get()).pendingApply).toBe(false);
  expect(pidOf(h, 'a')).toBe(before.a);
  await waitFor('b running again', () => h.master.getSummary('b').state === 'running');
  expect(pidOf(h, 'b')).not.toBe(before.b);
  expect(h.master.getWorker('c')).toBeUndefined();
  await waitFor('the removed worker gone', () => !isAlive(before.c as number));
  await waitFor('d running', () => h.master.getSummary('d').state === 'running');
  expect(pidOf(h, 'd')).toEqual(expect.any(Number));
});

it('leaves a worker the operator stopped stopped, even when its settings changed', async () => {
  const h = await runningHarness(['a', 'b']);
  const pidB = pidOf(h, 'b');
  await h.master.stopWorker('a');

  await h.store.save(
    workersYaml([
      { id: 'a', tag: 'v2' },
      { id: 'b', tag: 'v1' },
    ]),
  );
  const outcome = await h.store.apply();

  expect(outcome.plan).toMatchObject({ keptStopped: ['a'], unchanged: ['b'], restart: [] });
  expect(h.master.getSummary('a')).toMatchObject({ state: 'idle', pid: null });
  const config = h.master.getWorker('a')?.config;
  expect(config?.type === 'process' ? config.args : []).toContain('v2');
  expect(pidOf(h, 'b')).toBe(pidB);
});
