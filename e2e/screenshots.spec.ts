// A screenshot of every view with live data, under test-results/screenshots/, for a person to
// look at; the assertions only make sure each view has its data before the picture is taken.
import { expect, test, type Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AlertsPage } from './pages/alerts-page.js';
import { MasterPage } from './pages/master-page.js';
import { PanelPage } from './pages/panel-page.js';
import { WorkerDetailPage } from './pages/worker-detail-page.js';
import { WorkersPage } from './pages/workers-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE, freePort, yamlList } from './support/workers.js';

const example = (name: string) =>
  readFile(new URL(`../config/workers/${name}`, import.meta.url), 'utf8');

const COLOURED = `
let n = 0;
setInterval(() => {
  n += 1;
  console.log(\`\\u001b[32mok\\u001b[0m request \${n} served in \\u001b[1m\${n % 7}\\u001b[0m ms\`);
  if (n % 3 === 0) console.error(\`\\u001b[33mwarn\\u001b[0m slow request \${n}\`);
}, 200);
`;

let master: ServedMaster;

test.beforeAll(async () => {
  const [webPort, modulePort] = [await freePort(), await freePort()];
  master = await serve(
    `
master:
  sample_interval: 250ms
  memory_monitor: { interval: 500ms, threshold_mb: 4096 }
workers:
  - id: web
    type: process
    executable_path: ${NODE}
    args: [http-service.mjs]
    environment: { PORT: "${webPort}" }
    health_check:
      type: http
      http: { url: "http://127.0.0.1:${webPort}/health" }
      run_options: { interval: 300ms, timeout: 200ms, initial_delay: 300ms }
    resources:
      memory: { max_rss_mb: 1, policy: alert }
  - id: ticker
    type: process
    executable_path: ${NODE}
    args: [coloured.mjs]
  - id: crasher
    type: process
    executable_path: ${NODE}
    args: ${yamlList(['-e', 'setTimeout(() => process.exit(3), 200)'])}
    restart: { policy: on-failure, retry_delay: 100ms, max_retries: 1 }
  - id: stopped
    type: process
    enabled: false
    executable_path: ${NODE}
    args: ${yamlList(['-e', 'setInterval(() => {}, 60_000)'])}
  - id: hello
    type: module
    module_type: native
    module_name: http-module
    isolation: inline
    config: { host: 127.0.0.1, port: ${modulePort} }
    health_check:
      type: module
      run_options: { interval: 500ms, timeout: 200ms }
`,
    { 'http-service.mjs': await example('http-service.mjs'), 'coloured.mjs': COLOURED },
  );
});

test.afterAll(async () => {
  await master?.stop();
});

/** Waits until a chart draws a line through at least `points` samples. */
async function expectLine(chart: Locator, points = 4): Promise<void> {
  const curve = chart.locator('path.recharts-line-curve');
  await expect
    .poll(async () => ((await curve.getAttribute('d')) ?? '').split(/[LC]/).length, {
      message: 'the chart draws a line',
    })
    .toBeGreaterThanOrEqual(points);
}

test('a screenshot of every view', async ({ page }) => {
  const workers = new WorkersPage(page, master.url);
  await workers.open();
  await workers.expectState('web', 'running');
  await workers.expectState('hello', 'running');
  await workers.expectState('crasher', 'degraded');
  await expect(workers.health('web')).toHaveAttribute('data-health', 'healthy');
  await workers.screenshot('workers');

  const detail = new WorkerDetailPage(page, master.url);
  await detail.open('web');
  await expectLine(detail.chart('health'));
  await expectLine(detail.chart('CPU'));
  await expectLine(detail.chart('Memory'));
  await expect(detail.logLines.first()).toBeVisible();
  await detail.screenshot('worker-detail');

  await detail.open('ticker');
  await expect(detail.logLines.nth(10)).toBeVisible();
  await detail.screenshot('worker-detail-logs');

  await detail.open('crasher');
  await expect(detail.transitions('degraded')).toHaveCount(1);
  await detail.screenshot('worker-detail-degraded');

  await detail.open('hello');
  await expect(detail.field('moduleName')).toHaveText('http-module');
  await detail.screenshot('worker-detail-module');

  const alerts = new AlertsPage(page, master.url);
  await alerts.open();
  await expect(alerts.items({ kind: 'memory' }).first()).toBeVisible();
  await expect(alerts.items({ kind: 'degraded' })).toHaveCount(1);
  await alerts.screenshot('alerts');

  const masterPage = new MasterPage(page, master.url);
  await masterPage.open();
  await expect(masterPage.field('pid')).toHaveText(/^\d+$/);
  await expectLine(masterPage.chart('Resident memory'), 2);
  await expectLine(masterPage.chart('Heap used'), 2);
  await masterPage.screenshot('master');

  const panel = new PanelPage(page, master.url);
  await panel.goto('#/config');
  await expect(page.locator('main').getByText('workers.yaml').first()).toBeVisible();
  await panel.screenshot('config');
});
