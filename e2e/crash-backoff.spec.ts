// A worker that keeps crashing: the table follows its restarts through back-off until the
// policy gives up, and the detail timeline says why at each step.
import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlertsPage } from './pages/alerts-page.js';
import { WorkerDetailPage } from './pages/worker-detail-page.js';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE } from './support/workers.js';

// Runs quietly until the test creates the file named by CRASH_FLAG; from then on every run
// crashes after 300 ms. So the crashes begin once the page is watching.
const CRASHER = `
import { existsSync } from 'node:fs';
const crashSoon = () => setTimeout(() => process.exit(1), 300);
if (existsSync(process.env.CRASH_FLAG)) crashSoon();
else {
  const timer = setInterval(() => {
    if (!existsSync(process.env.CRASH_FLAG)) return;
    clearInterval(timer);
    crashSoon();
  }, 50);
}
`;

const CONFIG = `
workers:
  - id: crasher
    type: process
    executable_path: ${NODE}
    args: [crasher.mjs]
    environment: { CRASH_FLAG: crash.flag }
    restart:
      policy: on-failure
      retry_delay: 500ms
      backoff_factor: 2
      max_retries: 3
`;

let master: ServedMaster;

test.beforeAll(async () => {
  master = await serve(CONFIG, { 'crasher.mjs': CRASHER });
});

test.afterAll(async () => {
  await master?.stop();
});

test('a crashing worker backs off, restarts three times and ends degraded', async ({ page }) => {
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await workers.expectState('crasher', 'running');
  await expect(workers.cell('crasher', 'restarts')).toHaveText('0');
  const history = await workers.recordRow('crasher');
  await writeFile(join(master.dir, 'crash.flag'), '');

  // Delays of 0.5 s, 1 s and 2 s: 4 runs of 0.3 s and 3.5 s of waiting before it gives up.
  await workers.expectState('crasher', 'degraded', 20_000);
  const seen = await history();
  expect(seen.restarts).toEqual(['0', '1', '2', '3']);
  expect(seen.states).toContain('backoff');
  expect(seen.states.indexOf('backoff')).toBeLessThan(seen.states.indexOf('degraded'));
  await expect(workers.cell('crasher', 'pid')).toHaveText('–');
  await expect(workers.cell('crasher', 'restarts')).toHaveText('3');
  await expect(workers.button('crasher', 'Start')).toBeEnabled();

  const detail = new WorkerDetailPage(page, master.url);
  await detail.open('crasher');
  await expect(detail.state).toHaveAttribute('data-state', 'degraded');
  await expect(detail.transitions('backoff')).toHaveCount(3);
  await expect(detail.transitions('degraded')).toHaveCount(1);
  // Newest first: the give-up, then each back-off with its crash, delay and attempt.
  await expect(detail.transitions().first()).toHaveAttribute('data-transition-to', 'degraded');
  await expect(detail.transitions('backoff').locator('.timeline-cause')).toHaveText([
    'exited with code 1; restarting in 2.0s (attempt 3 of 3)',
    'exited with code 1; restarting in 1.0s (attempt 2 of 3)',
    'exited with code 1; restarting in 500ms (attempt 1 of 3)',
  ]);
  await expect(detail.transitions('backoff').locator('.timeline-error')).toHaveText(
    Array<string>(3).fill('exited with code 1'),
  );
  await expect(detail.transitions('degraded').locator('.timeline-cause')).toHaveText(
    'gave up after 3 restarts: exited with code 1',
  );
  await expect(detail.field('retryCount')).toHaveText('3');
  await expect(detail.field('lastExit')).toContainText('code 1');

  const alerts = new AlertsPage(page, master.url);
  await alerts.open();
  await expect(alerts.items({ kind: 'degraded', severity: 'critical' })).toHaveCount(1);
});
