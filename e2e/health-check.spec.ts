// An HTTP health check that starts failing: the table's health and state follow it, the
// detail chart marks the failed checks, and the master restarts the worker.
import { expect, test } from '@playwright/test';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkerDetailPage } from './pages/worker-detail-page.js';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE, freePort } from './support/workers.js';

// Serves /health on PORT: 200 until the file named by FAIL_FLAG exists, 500 while it does.
const SERVICE = `
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
createServer((req, res) => {
  const failing = existsSync(process.env.FAIL_FLAG);
  res.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' });
  res.end(failing ? 'failing' : 'ok');
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
`;

let master: ServedMaster;
let flag: string;

test.beforeAll(async () => {
  const port = await freePort();
  master = await serve(
    `
workers:
  - id: service
    type: process
    executable_path: ${NODE}
    args: [service.mjs]
    environment: { PORT: "${port}", FAIL_FLAG: fail.flag }
    health_check:
      type: http
      http: { url: "http://127.0.0.1:${port}/health" }
      run_options: { interval: 500ms, timeout: 400ms, initial_delay: 1s, retries: 3 }
    restart: { policy: on-failure, retry_delay: 300ms, max_retries: 10 }
`,
    { 'service.mjs': SERVICE },
  );
  flag = join(master.dir, 'fail.flag');
});

test.afterAll(async () => {
  await master?.stop();
});

test('a failing health check shows in the table and the chart, and restarts the worker', async ({
  page,
}) => {
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await expect(workers.health('service')).toHaveAttribute('data-health', 'healthy');
  await workers.expectState('service', 'running');
  const before = await workers.waitForNewPid('service', null);
  // A slow start on a busy machine may already have cost a restart; count from here.
  const restarts = await workers.restarts('service');

  await writeFile(flag, '');
  // One failure makes it degraded, three in a row unhealthy; then the master restarts it.
  await expect(workers.health('service')).toHaveAttribute('data-health', /degraded|unhealthy/);
  await expect.poll(() => workers.restarts('service')).toBeGreaterThan(restarts);
  const after = await workers.waitForNewPid('service', before);
  expect(after).not.toBe(before);

  const detail = new WorkerDetailPage(page, master.url);
  await detail.open('service');
  await expect(detail.failedHealthDots.first()).toBeVisible({ timeout: 30_000 });
  expect(await detail.failedHealthDots.count()).toBeGreaterThanOrEqual(3);
  await expect(detail.chart('health').locator('.chart-latest')).toContainText(/[1-9]\d* failed/);
  await expect(detail.transitions().filter({ hasText: 'unhealthy' }).first()).toBeVisible();

  // Once /health answers 200 again, the worker settles as healthy.
  await rm(flag);
  await expect(detail.field('healthStatus').locator('[data-health]')).toHaveAttribute(
    'data-health',
    'healthy',
  );
  await expect(detail.state).toHaveAttribute('data-state', 'running');
});
