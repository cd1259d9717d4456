// A worker that grows past its memory limit raises a critical alert; acknowledging it takes it
// out of the unacknowledged count in the navigation.
import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlertsPage } from './pages/alerts-page.js';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE } from './support/workers.js';

// Once the file named by GROW_FLAG exists, grows by 8 MiB of touched memory every 50 ms up to
// 160 MiB, then holds it.
const HOG = `
import { existsSync } from 'node:fs';
const held = [];
const timer = setInterval(() => {
  if (!existsSync(process.env.GROW_FLAG)) return;
  held.push(Buffer.alloc(8 * 1024 * 1024, 1));
  if (held.length === 20) clearInterval(timer);
}, 50);
setInterval(() => {}, 60_000);
`;

let master: ServedMaster;

test.beforeAll(async () => {
  master = await serve(
    `
master:
  sample_interval: 250ms
workers:
  - id: hog
    type: process
    executable_path: ${NODE}
    args: [hog.mjs]
    environment: { GROW_FLAG: grow.flag }
    resources:
      memory: { max_rss_mb: 100, warning_percent: 90, policy: alert }
`,
    { 'hog.mjs': HOG },
  );
});

test.afterAll(async () => {
  await master?.stop();
});

test('a memory-limit breach raises an alert that can be acknowledged', async ({ page }) => {
  const alerts = new AlertsPage(page, master.url);
  await alerts.open();
  await expect(alerts.page.getByText('No alerts.')).toBeVisible();
  await expect(alerts.alertBadge).toHaveCount(0);
  await writeFile(join(master.dir, 'grow.flag'), '');

  const breach = alerts.items({ kind: 'memory', severity: 'critical' });
  await expect(breach).toHaveCount(1, { timeout: 20_000 });
  await expect(breach).toHaveAttribute('data-acknowledged', 'false');
  const message = await alerts.message(breach);
  expect(message).toMatch(/^hog: /);

  // The badge counts exactly the alerts not yet acknowledged.
  const unacknowledged = alerts.items({ acknowledged: false });
  const before = await unacknowledged.count();
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(alerts.alertBadge).toHaveAttribute('data-unacknowledged', String(before));

  await alerts.acknowledgeButton(message).click();
  await expect(breach).toHaveAttribute('data-acknowledged', 'true');
  await expect(breach.getByRole('button')).toHaveCount(0);
  await expect(unacknowledged).toHaveCount(before - 1);
  await expect.poll(() => alerts.unacknowledgedCount()).toBe(before - 1);

  // A fresh page sees the acknowledgement too: it lives in the master, not in this tab.
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await expect(workers.health('hog')).toBeVisible();
  await expect.poll(() => alerts.unacknowledgedCount()).toBe(before - 1);

  await alerts.open();
  if (before > 1) {
    await alerts.acknowledgeAllButton.click();
    await expect(unacknowledged).toHaveCount(0);
  }
  await expect(alerts.alertBadge).toHaveCount(0);
  await expect(alerts.acknowledgeAllButton).toBeDisabled();
});
