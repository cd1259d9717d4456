// What a worker prints reaches the log viewer as text: markup stays inert and ANSI colours
// become styles, never visible escape characters.
import { expect, test } from '@playwright/test';
import { WorkerDetailPage } from './pages/worker-detail-page.js';
import { serve, type ServedMaster } from './support/serve.js';
import { NODE } from './support/workers.js';

const MARKUP = '<img src=x onerror=alert(1)>';

const PRINTER = `
console.log(${JSON.stringify(MARKUP)});
console.log('\\u001b[31mred alert\\u001b[0m and \\u001b[1;32mbold green\\u001b[0m');
console.error('to stderr');
setInterval(() => {}, 60_000);
`;

const CHATTY = `
for (let i = 1; i <= 500; i += 1) console.log(\`line \${i}\`);
setInterval(() => {}, 60_000);
`;

let master: ServedMaster;

test.beforeAll(async () => {
  master = await serve(
    `
workers:
  - id: printer
    type: process
    executable_path: ${NODE}
    args: [printer.mjs]
  - id: chatty
    type: process
    executable_path: ${NODE}
    args: [chatty.mjs]
`,
    { 'printer.mjs': PRINTER, 'chatty.mjs': CHATTY },
  );
});

test.afterAll(async () => {
  await master?.stop();
});

test('log lines show markup as text and ANSI colours without escape codes', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const detail = new WorkerDetailPage(page, master.url);
  await detail.open('printer');

  const stdout = detail.logText('stdout');
  await expect(stdout).toHaveText([MARKUP, 'red alert and bold green']);
  await expect(detail.log.locator('img')).toHaveCount(0);
  await expect(detail.logText('stderr')).toHaveText(['to stderr']);

  const coloured = stdout.nth(1);
  expect(await coloured.textContent()).toBe('red alert and bold green');
  expect(await coloured.innerHTML()).not.toContain('\u001b');
  await expect(coloured.getByText('red alert', { exact: true })).toHaveCSS(
    'color',
    /^rgb\(\d+, 0, 0\)$/,
  );
  await expect(coloured.getByText('bold green', { exact: true })).toHaveCSS('font-weight', '700');

  // Every line keeps its stream and sequence number for the viewer's filters.
  await expect(detail.logLines.first()).toHaveAttribute('data-seq', /^\d+$/);
  expect(dialogs).toEqual([]);
});

test('a long log stays a bounded box that follows the newest line', async ({ page }) => {
  const detail = new WorkerDetailPage(page, master.url);
  await detail.open('chatty');
  await detail.log.scrollIntoViewIfNeeded();

  await expect(detail.logText('stdout').filter({ hasText: /^line 500$/ })).toBeInViewport();
  // Virtualised: far fewer rows in the page than lines in the log.
  expect(await detail.logLines.count()).toBeLessThan(100);
  const box = await detail.log.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(430);

  await detail.page.getByRole('searchbox', { name: 'Filter log lines' }).fill('line 25');
  await expect(detail.logText('stdout')).toHaveText([
    'line 25',
    ...Array.from({ length: 10 }, (_, i) => `line ${250 + i}`),
  ]);
});
