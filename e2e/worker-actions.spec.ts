// Operator actions on real processes: the buttons and the keyboard shortcuts, checked against
// the REST API and the operating system.
import { expect, test } from '@playwright/test';
import type { WorkerSummary } from '../shared/types.js';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE, isAlive, yamlList } from './support/workers.js';

const IDLE_FOREVER = yamlList(['-e', 'setInterval(() => {}, 60_000)']);

const CONFIG = `
workers:
${['alpha', 'beta', 'gamma']
  .map(
    (id) => `  - id: ${id}
    type: process
    executable_path: ${NODE}
    args: ${IDLE_FOREVER}
    graceful_timeout: 2s
    restart: { policy: on-failure, retry_delay: 200ms }`,
  )
  .join('\n')}
`;

let master: ServedMaster;

test.beforeAll(async () => {
  master = await serve(CONFIG);
});

test.afterAll(async () => {
  await master?.stop();
});

async function apiPid(id: string): Promise<number | null> {
  const workers = await master.api<WorkerSummary[]>('/api/workers');
  return workers.find((w) => w.id === id)?.pid ?? null;
}

test('start, stop and restart a worker with the row buttons', async ({ page }) => {
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await workers.expectState('alpha', 'running');
  const first = await workers.waitForNewPid('alpha', null);
  expect(await apiPid('alpha')).toBe(first);

  await workers.button('alpha', 'Restart').click();
  const second = await workers.waitForNewPid('alpha', first);
  await workers.expectState('alpha', 'running');
  expect(await apiPid('alpha')).toBe(second);
  await expect.poll(() => isAlive(first), { message: 'the old process is gone' }).toBe(false);

  await workers.button('alpha', 'Stop').click();
  await workers.expectState('alpha', 'idle');
  await expect(workers.cell('alpha', 'pid')).toHaveText('–');
  expect(await apiPid('alpha')).toBeNull();
  await expect.poll(() => isAlive(second), { message: 'the stopped process is gone' }).toBe(false);
  await expect(workers.button('alpha', 'Stop')).toBeDisabled();

  await workers.button('alpha', 'Start').click();
  await workers.expectState('alpha', 'running');
  const third = await workers.waitForNewPid('alpha', null);
  expect(third).not.toBe(second);
  expect(await apiPid('alpha')).toBe(third);
  expect(isAlive(third)).toBe(true);
});

test('arrow down and r restart the focused worker', async ({ page }) => {
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await workers.expectState('beta', 'running');
  await workers.expectState('gamma', 'running');
  const beta = await workers.waitForNewPid('beta', null);
  const gamma = await workers.waitForNewPid('gamma', null);

  await workers.row('beta').focus();
  await page.keyboard.press('ArrowDown');
  await expect(workers.row('gamma')).toBeFocused();
  await page.keyboard.press('r');

  const restarted = await workers.waitForNewPid('gamma', gamma);
  await workers.expectState('gamma', 'running');
  expect(await apiPid('gamma')).toBe(restarted);
  expect(await workers.pid('beta')).toBe(beta);
  expect(await apiPid('beta')).toBe(beta);
});
