import { afterEach, describe, expect, it, vi } from 'vitest';
import { useHealthChecks, watchHealthChecks } from './health-checks.js';
import { EMPTY_PANEL } from './panel-data.js';
import { usePanelStore } from './store.js';
import { batch, snapshot, summary } from './test-fixtures.js';

const WITH_CHECK = `
workers:
  - { id: web, type: process, executable_path: node, health_check: { type: process } }
  - { id: ticker, type: process, executable_path: node }
`;
const WITHOUT_CHECK = `
workers:
  - { id: web, type: process, executable_path: node }
  - { id: ticker, type: process, executable_path: node }
`;

let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
  usePanelStore.setState({ ...EMPTY_PANEL });
  useHealthChecks.setState({ ids: null });
});

describe('watchHealthChecks', () => {
  it('reads the file once connected, and again when it changes on disk', async () => {
    const texts = [WITH_CHECK, WITHOUT_CHECK];
    let reads = 0;
    stop = watchHealthChecks(() => Promise.resolve(texts[reads++] ?? ''));
    expect(reads).toBe(0);

    const store = usePanelStore.getState();
    store.applyBatch(batch(0, { snapshot: snapshot([summary('web'), summary('ticker')]) }));
    await vi.waitFor(() => expect(useHealthChecks.getState().ids).not.toBeNull());
    expect(useHealthChecks.getState().ids).toEqual(new Set(['web']));

    // A batch that changes nothing about the file or the workers reads nothing again.
    store.applyBatch(batch(1, { workers: [summary('web', { cpu: 3 })] }));
    expect(reads).toBe(1);

    const config = { path: 'workers.yaml', mtimeMs: 5, valid: true };
    store.applyBatch(batch(2, { config }));
    await vi.waitFor(() => expect(useHealthChecks.getState().ids?.size).toBe(0));
    expect(reads).toBe(2);
  });
});
