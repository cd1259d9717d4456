// Saving refuses invalid text and writes atomically with a backup; outside edits are seen,
// and a broken one shows its errors while the running workers carry on.
import { chmod, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api-contract.js';
import { silentLogger, waitFor } from '../test-support/fixtures.js';
import { ConfigStore, type ConfigFileChange } from './config-store.js';
import { ALIGNED, openStore, otherFiles, readText, type StoreHarness } from './test-fixtures.js';

let harness: StoreHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function record(h: StoreHarness): ConfigFileChange[] {
  const changes: ConfigFileChange[] = [];
  h.store.onChanged((change) => changes.push(change));
  return changes;
}

const runningPids = (h: StoreHarness) =>
  Object.fromEntries(h.master.listWorkers().map((w) => [w.id, w.pid]));

describe('ConfigStore.save', () => {
  it('refuses an invalid text with its problems and leaves the file alone', async () => {
    harness = await openStore(ALIGNED);
    const before = await stat(harness.file);
    const broken = ALIGNED.replace('  log_level: info', '  log_level: loud');

    const error = await harness.store.save(broken).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.kind).toBe('validation');
    expect(apiError.message).toBe('workers.yaml has 1 problem');
    expect(apiError.issues).toEqual([
      expect.objectContaining({ path: 'master.log_level', line: 6, column: 14 }),
    ]);
    expect(await readText(harness.file)).toBe(ALIGNED);
    expect((await stat(harness.file)).mtimeMs).toBe(before.mtimeMs);
    expect(await otherFiles(harness.dir.path, ['workers.yaml'])).toEqual([]);
  });

  it('keeps the previous version in workers.yaml.bak, the mode, and no temp file', async () => {
    harness = await openStore(ALIGNED);
    await chmod(harness.file, 0o640);
    const next = ALIGNED.replace('log_level: info', 'log_level: debug');

    const view = await harness.store.save(next);

    expect(await readText(harness.file)).toBe(next);
    expect(await readText(`${harness.file}.bak`)).toBe(ALIGNED);
    expect((await stat(harness.file)).mode & 0o777).toBe(0o640);
    expect(await otherFiles(harness.dir.path, ['workers.yaml', 'workers.yaml.bak'])).toEqual([]);
    expect(view).toMatchObject({ valid: true, errors: [], pendingApply: true, text: next });
  });

  it('reports the problems of a text without saving it', async () => {
    harness = await openStore(ALIGNED);
    const report = await harness.store.validate(ALIGNED.replace('id: ticker', 'id: web'));
    expect(report.valid).toBe(false);
    expect(report.workers).toBe(2);
    expect(report.errors[0]?.message).toMatch(/duplicate worker id "web"/);
    expect(await harness.store.validate(ALIGNED)).toEqual({ valid: true, errors: [], workers: 2 });
  });
});

describe('ConfigStore watching', () => {
  it('sees an outside edit, and not the echo of its own save', async () => {
    harness = await openStore(ALIGNED);
    const h = harness;
    const changes = record(h);

    // A second store on the same file sees the save as an outside edit: once it has, the
    // first store's watcher has had the same events to echo.
    const witness = new ConfigStore({ path: h.file, master: h.master, logger: silentLogger });
    await witness.init();
    const witnessed = record({ ...h, store: witness });
    await h.store.save(ALIGNED.replace('sample_interval: 1s', 'sample_interval: 2s'));
    await waitFor('the witness to see the save', () => witnessed.length > 0).finally(() =>
      witness.close(),
    );
    const outside = ALIGNED.replace('sample_interval: 1s', 'sample_interval: 3s');
    await writeFile(h.file, outside);

    await waitFor('the outside edit', () => changes.length > 0);
    expect(changes).toEqual([{ path: h.file, mtimeMs: changes[0]?.mtimeMs, valid: true }]);
    expect(changes[0]?.mtimeMs).toBe((await stat(h.file)).mtimeMs);
    expect((await h.store.get()).text).toBe(outside);
  });

  it('sees a file replaced by rename, as editors save', async () => {
    harness = await openStore(ALIGNED);
    const h = harness;
    const changes = record(h);
    const temp = path.join(h.dir.path, 'edit.tmp');
    await writeFile(temp, ALIGNED.replace('log_level: info', 'log_level: warn'));
    await rename(temp, h.file);

    await waitFor('the replaced file', () => changes.length > 0);
    expect((await h.store.get()).text).toContain('log_level: warn');
  });

  it('shows a broken outside edit with line and column while workers keep running', async () => {
    harness = await openStore(ALIGNED, { start: true });
    const h = harness;
    await waitFor('workers running', () => h.master.listWorkers().every((w) => w.pid !== null));
    const pids = runningPids(h);
    const changes = record(h);

    await writeFile(h.file, ALIGNED.replace('    type: process\n', '    type: proces\n'));
    const brokenLine = ALIGNED.split('\n').indexOf('    type: process') + 1;

    await waitFor('the broken edit', () => changes.some((c) => !c.valid));
    const view = await h.store.get();
    expect(view.valid).toBe(false);
    expect(view.pendingApply).toBe(true);
    expect(view.errors[0]).toMatchObject({ file: h.file, line: brokenLine, column: 11 });
    await expect(h.store.plan()).rejects.toMatchObject({ kind: 'validation' });
    await expect(h.store.apply()).rejects.toMatchObject({ kind: 'validation' });
    expect(runningPids(h)).toEqual(pids);
    expect(h.master.listWorkers().every((w) => w.state === 'running')).toBe(true);
  });
});
