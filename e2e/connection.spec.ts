// The connection banner: a page with a wrong token is refused, and a page whose master goes
// away says so and recovers when a master is back at the same address.
import { expect, test } from '@playwright/test';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE, yamlList } from './support/workers.js';

const CONFIG = `
workers:
  - id: steady
    type: process
    executable_path: ${NODE}
    args: ${yamlList(['-e', 'setInterval(() => {}, 60_000)'])}
`;

const masters: ServedMaster[] = [];

test.afterEach(async () => {
  await Promise.all(masters.splice(0).map((m) => m.stop()));
});

test('a page with a wrong token shows that the master refused it', async ({ page }) => {
  const master = await serve(CONFIG);
  masters.push(master);
  const workers = new WorkersPage(page, `${master.origin}/?token=not-the-token`);
  await workers.goto('#/workers');

  await expect(workers.connection).toHaveAttribute('data-connection', 'unauthorized');
  await expect(workers.connection).toContainText('refused');
  await expect(page.locator('main [data-notice="error"]')).toContainText('refused');
  await expect(workers.table).toHaveCount(0);
});

test('the banner shows a lost connection and clears when the master is back', async ({ page }) => {
  const first = await serve(CONFIG);
  masters.push(first);
  const workers = new WorkersPage(page, first.url);
  await workers.open();
  await workers.expectState('steady', 'running');
  const before = await workers.waitForNewPid('steady', null);
  await expect(workers.connection).toHaveAttribute('data-connection', 'open');
  await expect(workers.connection).toBeEmpty();

  await first.stop();
  await expect(workers.connection).toHaveAttribute('data-connection', 'reconnecting');
  await expect(workers.connection).toContainText('Connection to the master lost');

  // Same port and token: the page's next attempt finds the new master.
  const port = Number(new URL(first.origin).port);
  const second = await serve(CONFIG, {}, { port, token: first.token });
  masters.push(second);
  await expect(workers.connection).toHaveAttribute('data-connection', 'open', { timeout: 30_000 });
  await workers.expectState('steady', 'running');
  const pid = await workers.waitForNewPid('steady', before);
  const listed = await second.api<{ id: string; pid: number | null }[]>('/api/workers');
  expect(listed.find((w) => w.id === 'steady')?.pid).toBe(pid);
});
