// The workers.yaml editor against a real `hsu-master serve`: form edits written with every
// comment kept, errors beside their fields, apply touching only what changed, and a file
// broken on disk that the running workers never see.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { serve, type ServedMaster } from './support/serve.js';
import { ConfigEditorPage } from './pages/config-editor-page.js';

const NODE = JSON.stringify(process.execPath);
const IDLE = JSON.stringify('setInterval(() => {}, 1000)');

const WORKERS_YAML = `# Workers for the editor tests
master:
  log_level: info
  force_shutdown_timeout: 10s   # bound on stopping

workers:
  # the first idle worker
  - id: alpha
    type: process
    executable_path: ${NODE}
    args: [-e, ${IDLE}]   # waits forever
    environment:
      MODE: "first"   # read by nobody
  # the second idle worker
  - id: beta
    type: process
    executable_path: ${NODE}
    args: [-e, ${IDLE}]
    health_check:
      type: tcp
      tcp: { port: 9 }
      run_options: { interval: 30s, timeout: 1s }
`;

interface Summary {
  id: string;
  state: string;
  pid: number | null;
}

/** Comments in file order, each without the code before it. */
const comments = (text: string) =>
  text.split('\n').flatMap((line) => {
    const at = line.search(/(^|\s)#/);
    return at < 0 ? [] : [line.slice(line.indexOf('#', at))];
  });

async function runningPids(master: ServedMaster, ids: string[]): Promise<Record<string, number>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const workers = await master.api<Summary[]>('/api/workers');
    const running = workers.filter((w) => ids.includes(w.id) && w.state === 'running' && w.pid);
    if (running.length === ids.length) {
      return Object.fromEntries(running.map((w) => [w.id, w.pid as number]));
    }
    if (Date.now() > deadline) throw new Error(`not all running: ${JSON.stringify(workers)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let master: ServedMaster;
let editor: ConfigEditorPage;

async function openEditor(page: Page): Promise<void> {
  editor = new ConfigEditorPage(page, master.url);
  await editor.open();
}

test.beforeEach(async () => {
  master = await serve(WORKERS_YAML);
});

test.afterEach(async () => {
  await master.stop();
});

test('a changed argument is saved with every comment of the file kept', async ({ page }) => {
  await openEditor(page);
  await editor.selectWorker('alpha');
  await editor.listItems('alpha', 'args').nth(1).fill('setInterval(() => {}, 2000)');

  await expect(editor.diffLines('added')).toContainText(['setInterval(() => {}, 2000)']);
  await expect(editor.diffLines('removed')).toContainText(['setInterval(() => {}, 1000)']);
  const preview = await editor.previewText();
  await editor.save();

  const onDisk = await readFile(master.configPath, 'utf8');
  expect(onDisk).toBe(preview);
  expect(onDisk).toContain('args: [ -e, "setInterval(() => {}, 2000)" ]');
  expect(comments(onDisk)).toEqual(comments(WORKERS_YAML));
  // Every line the edit did not touch is as it was.
  const before = WORKERS_YAML.split('\n');
  const changed = onDisk.split('\n').filter((line, i) => line !== before[i]);
  expect(changed).toHaveLength(1);
});

test('an invalid value is flagged beside its field and holds Save back', async ({ page }) => {
  await openEditor(page);
  await editor.selectWorker('beta');
  const port = editor.field('beta', 'health_check.tcp.port');
  await port.fill('70000');

  const error = editor.fieldError('workers.1.health_check.tcp.port');
  await expect(error).toHaveText('must be at most 65535');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(port).toHaveAttribute(
    'aria-describedby',
    (await error.locator('..').getAttribute('id')) ?? '',
  );
  await expect(editor.saveButton).toBeDisabled();
  await expect(editor.problemSummary).toContainText('beta: health_check.tcp.port');

  await editor.field('beta', 'restart.retry_delay').fill('soon');
  await expect(editor.fieldError('workers.1.restart.retry_delay')).toContainText(
    'is not a duration',
  );
  await expect(editor.problemSummary.locator('li')).toHaveCount(2);

  // Only the master knows which programs exist: its check arrives once typing pauses.
  await editor.selectWorker('alpha');
  await editor.field('alpha', 'executable_path').fill('no-such-program-here');
  const missing = editor.fieldError('workers.0.executable_path');
  await expect(missing).toHaveAttribute('data-issue-source', 'server');
  await expect(missing).toContainText('no-such-program-here');
  await expect(editor.saveButton).toBeDisabled();
  await editor.field('alpha', 'executable_path').fill(process.execPath);
  await expect(missing).toHaveCount(0);

  await editor.selectWorker('beta');
  await port.fill('7000');
  await editor.field('beta', 'restart.retry_delay').fill('2s');
  await expect(editor.problemSummary).toHaveCount(0);
  await expect(editor.saveButton).toBeEnabled();
});

test('apply restarts only the changed worker', async ({ page }) => {
  const before = await runningPids(master, ['alpha', 'beta']);
  await openEditor(page);
  await editor.selectWorker('alpha');
  await editor.field('alpha', 'environment MODE').fill('second');
  await editor.save();

  const plan = await editor.openApplyPlan();
  expect(await editor.planIds(plan, 'restart')).toEqual(['alpha']);
  expect(await editor.planIds(plan, 'unchanged')).toEqual(['beta']);
  expect(await editor.planIds(plan, 'start')).toEqual([]);
  const outcome = await editor.confirmApply();
  await expect(outcome).toHaveAttribute('data-apply-outcome', 'ok');

  await expect
    .poll(async () => (await runningPids(master, ['alpha', 'beta']))['alpha'], { timeout: 30_000 })
    .not.toBe(before['alpha']);
  const after = await runningPids(master, ['alpha', 'beta']);
  expect(after['beta']).toBe(before['beta']);
  await expect(page.locator('[data-pending-apply="false"]')).toBeVisible();
});

test('a file broken on disk shows its errors while the workers keep running', async ({ page }) => {
  const before = await runningPids(master, ['alpha', 'beta']);
  await openEditor(page);
  await writeFile(master.configPath, `${WORKERS_YAML}  - id: [broken\n`);

  await expect(editor.diskBanner).toBeVisible();
  await expect(editor.diskBanner).toContainText('keeps running the last good configuration');
  const errors = editor.fileErrors;
  await expect(errors.first()).toBeVisible();
  for (const text of await errors.allTextContents()) {
    expect(text).toMatch(/workers\.yaml:\d+:\d+ \S/);
  }
  expect(await runningPids(master, ['alpha', 'beta'])).toEqual(before);

  // Fixed on disk again: Reload takes it up, after confirming that unsaved edits go.
  await editor.selectWorker('alpha');
  await editor.field('alpha', 'environment MODE').fill('mine');
  await writeFile(master.configPath, WORKERS_YAML.replace('"first"', '"third"'));
  await expect(editor.fileErrors).toHaveCount(0);
  await editor.diskBanner.getByRole('button', { name: 'Reload', exact: true }).click();
  await editor.page.getByRole('button', { name: 'Discard and reload', exact: true }).click();
  await expect(editor.diskBanner).toHaveCount(0);
  await expect(editor.field('alpha', 'environment MODE')).toHaveValue('third');
});

test('an operator adds a worker, fixes what the form points out, saves and applies', async ({
  page,
}) => {
  const before = await runningPids(master, ['alpha', 'beta']);
  await openEditor(page);
  await editor.addWorker('process');
  const form = editor.workerAt(2);
  await expect(form).toHaveAttribute('data-config-worker', 'process-1');
  await expect(form.locator('[data-field-error="workers.2.executable_path"]')).toBeVisible();
  await expect(editor.saveButton).toBeDisabled();

  const id = form.getByLabel('id', { exact: true });
  await id.fill('gamma worker');
  await expect(form.locator('[data-field-error="workers.2.id"]')).toContainText('must be 1-64');
  await expect(editor.saveButton).toBeDisabled();
  await id.fill('gamma');
  await editor.field('gamma', 'executable_path').fill(process.execPath);
  await editor.addListItem('gamma', 'args', '-e');
  await editor.addListItem('gamma', 'args', 'setInterval(() => {}, 1000)');
  await expect(editor.problemSummary).toHaveCount(0);
  await editor.save();

  const plan = await editor.openApplyPlan();
  expect(await editor.planIds(plan, 'start')).toEqual(['gamma']);
  expect(await editor.planIds(plan, 'restart')).toEqual([]);
  await editor.confirmApply();

  const after = await runningPids(master, ['alpha', 'beta', 'gamma']);
  expect(after['alpha']).toBe(before['alpha']);
  expect(after['beta']).toBe(before['beta']);
});
