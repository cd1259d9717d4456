import { describe, expect, it } from 'vitest';
import { EMPTY_PANEL, LOG_LIMIT, METRICS_LIMIT, type PanelData } from './panel-data.js';
import { acknowledgeAlerts, applyBatch, seedWorkerHistory } from './reducers.js';
import { alert, batch, line, masterStats, snapshot, summary } from './test-fixtures.js';

function started(...ids: string[]): PanelData {
  return applyBatch(EMPTY_PANEL, batch(0, { snapshot: snapshot(ids.map((id) => summary(id))) }));
}

describe('applyBatch with a snapshot', () => {
  it('replaces workers, alerts and master and counts the snapshot', () => {
    const data = applyBatch(
      EMPTY_PANEL,
      batch(1, {
        snapshot: snapshot([summary('api'), summary('web')], {
          alerts: [alert('a1', 10), alert('a2', 20)],
          master: masterStats({ memoryHistory: [{ time: 1, rss: 5, heapUsed: 3 }] }),
        }),
      }),
    );

    expect(data.workerIds).toEqual(['api', 'web']);
    expect(data.workers.api?.state).toBe('running');
    expect(data.alerts.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(data.masterMemory).toEqual([{ time: 1, rss: 5, heapUsed: 3 }]);
    expect(data.epoch).toBe(1);
    expect(data.lastSeq).toBe(1);
  });

  it('drops workers missing from a later snapshot, with their histories', () => {
    let data = started('api', 'web');
    data = applyBatch(data, batch(1, { logs: [{ workerId: 'web', lines: [line(1)] }] }));

    data = applyBatch(data, batch(2, { snapshot: snapshot([summary('api')]) }));

    expect(data.workerIds).toEqual(['api']);
    expect(data.workers.web).toBeUndefined();
    expect(data.logs.web).toBeUndefined();
  });

  it('keeps histories across a reconnect to the same master but not to a new one', () => {
    let data = started('api');
    data = applyBatch(data, batch(1, { logs: [{ workerId: 'api', lines: [line(1), line(2)] }] }));

    const reconnected = applyBatch(data, batch(0, { snapshot: snapshot([summary('api')]) }));
    const restarted = applyBatch(
      data,
      batch(0, { snapshot: snapshot([summary('api')], { master: masterStats({ pid: 43 }) }) }),
    );

    expect(reconnected.logs.api).toHaveLength(2);
    expect(restarted.logs.api).toBeUndefined();
  });

  it('keeps the objects of workers whose summary did not change', () => {
    const data = started('api', 'web');

    const next = applyBatch(
      data,
      batch(1, { snapshot: snapshot([summary('api'), summary('web', { state: 'stopping' })]) }),
    );

    expect(next.workers.api).toBe(data.workers.api);
    expect(next.workers.web).not.toBe(data.workers.web);
    expect(next.workerIds).toBe(data.workerIds);
  });
});

describe('applyBatch with events', () => {
  it('replaces only the summaries that changed, so other rows keep their references', () => {
    const data = started('api', 'web');

    const next = applyBatch(
      data,
      batch(1, { workers: [summary('api', { state: 'stopping' }), summary('web')] }),
    );

    expect(next.workers.api?.state).toBe('stopping');
    expect(next.workers.web).toBe(data.workers.web);
    expect(next.workerIds).toBe(data.workerIds);
  });

  it('appends a worker it did not know and removes one that is gone', () => {
    const data = started('api', 'web');

    const next = applyBatch(data, batch(1, { workers: [summary('new')], removed: ['web'] }));

    expect(next.workerIds).toEqual(['api', 'new']);
    expect(next.workers.web).toBeUndefined();
  });

  it('groups transitions, health results and samples per worker', () => {
    const data = started('api', 'web');
    const transition = {
      time: 5,
      from: 'running',
      to: 'stopping',
      cause: 'operator',
      error: null,
    } as const;

    const next = applyBatch(
      data,
      batch(1, {
        transitions: [{ workerId: 'api', transition }],
        health: [
          {
            workerId: 'web',
            status: 'healthy',
            result: { time: 1, ok: true, latencyMs: 3, message: '' },
          },
          {
            workerId: 'web',
            status: 'unhealthy',
            result: { time: 2, ok: false, latencyMs: 1000, message: 'timeout' },
          },
        ],
        metrics: [
          { workerId: 'api', sample: { time: 1, cpuPercent: 2, memoryBytes: 3, processCount: 1 } },
        ],
      }),
    );

    expect(next.transitions.api).toEqual([transition]);
    expect(next.transitions.web).toBeUndefined();
    expect(next.health.web?.status).toBe('unhealthy');
    expect(next.health.web?.history.map((r) => r.ok)).toEqual([true, false]);
    expect(next.metrics.api).toHaveLength(1);
  });

  it('ignores events for workers it does not know', () => {
    const data = started('api');

    const next = applyBatch(data, batch(1, { logs: [{ workerId: 'ghost', lines: [line(1)] }] }));

    expect(next.logs.ghost).toBeUndefined();
  });

  it('bounds the log of a worker and skips lines it already holds', () => {
    let data = started('api');
    const lines = Array.from({ length: LOG_LIMIT + 10 }, (_, i) => line(i));

    data = applyBatch(data, batch(1, { logs: [{ workerId: 'api', lines }] }));
    data = applyBatch(
      data,
      batch(2, { logs: [{ workerId: 'api', lines: [line(LOG_LIMIT + 9), line(LOG_LIMIT + 10)] }] }),
    );

    const held = data.logs.api ?? [];
    expect(held).toHaveLength(LOG_LIMIT);
    expect(held[0]?.seq).toBe(11);
    expect(held.at(-1)?.seq).toBe(LOG_LIMIT + 10);
    expect(new Set(held.map((l) => l.seq)).size).toBe(LOG_LIMIT);
  });

  it('bounds the samples of a worker', () => {
    let data = started('api');
    for (let i = 0; i < METRICS_LIMIT + 5; i++) {
      data = applyBatch(
        data,
        batch(i, {
          metrics: [
            {
              workerId: 'api',
              sample: { time: i, cpuPercent: i, memoryBytes: 1, processCount: 1 },
            },
          ],
        }),
      );
    }

    expect(data.metrics.api).toHaveLength(METRICS_LIMIT);
    expect(data.metrics.api?.[0]?.time).toBe(5);
  });

  it('updates alerts by id and keeps them newest first', () => {
    let data = started('api');
    data = applyBatch(data, batch(1, { alerts: [alert('a1', 10), alert('a2', 30)] }));

    data = applyBatch(
      data,
      batch(2, { alerts: [alert('a1', 10, { acknowledged: true }), alert('a3', 20)] }),
    );

    expect(data.alerts.map((a) => a.id)).toEqual(['a2', 'a3', 'a1']);
    expect(data.alerts.find((a) => a.id === 'a1')?.acknowledged).toBe(true);
  });

  it('appends master memory samples and records config changes', () => {
    const data = started('api');

    const next = applyBatch(
      data,
      batch(1, {
        master: { time: 9, rss: 100, heapUsed: 50 },
        config: { path: 'workers.yaml', mtimeMs: 77, valid: true },
      }),
    );

    expect(next.masterMemory.at(-1)).toEqual({ time: 9, rss: 100, heapUsed: 50 });
    expect(next.config?.mtimeMs).toBe(77);
  });

  it('leaves untouched slices as they were', () => {
    const data = applyBatch(
      started('api'),
      batch(1, { logs: [{ workerId: 'api', lines: [line(1)] }] }),
    );

    const next = applyBatch(data, batch(2, { master: { time: 9, rss: 1, heapUsed: 1 } }));

    expect(next.logs).toBe(data.logs);
    expect(next.workers).toBe(data.workers);
    expect(next.alerts).toBe(data.alerts);
  });
});

describe('seedWorkerHistory', () => {
  it('merges fetched lines with lines that arrived meanwhile, in order and once each', () => {
    let data = started('api');
    data = applyBatch(data, batch(1, { logs: [{ workerId: 'api', lines: [line(5), line(6)] }] }));

    data = seedWorkerHistory(data, 'api', { logs: [line(3), line(4), line(5)] });

    expect(data.logs.api?.map((l) => l.seq)).toEqual([3, 4, 5, 6]);
  });

  it('merges health results and samples by time', () => {
    let data = started('api');
    data = applyBatch(
      data,
      batch(1, {
        health: [
          {
            workerId: 'api',
            status: 'unhealthy',
            result: { time: 3, ok: false, latencyMs: 9, message: 'x' },
          },
        ],
      }),
    );

    data = seedWorkerHistory(data, 'api', {
      health: {
        status: 'healthy',
        history: [
          { time: 1, ok: true, latencyMs: 1, message: '' },
          { time: 3, ok: false, latencyMs: 9, message: 'x' },
        ],
      },
      metrics: [{ time: 2, cpuPercent: 1, memoryBytes: 1, processCount: 1 }],
    });

    expect(data.health.api?.history.map((r) => r.time)).toEqual([1, 3]);
    // The status from the event is newer than the one fetched before it.
    expect(data.health.api?.status).toBe('unhealthy');
    expect(data.metrics.api).toHaveLength(1);
  });

  it('does nothing for a worker that is not known', () => {
    const data = started('api');

    expect(seedWorkerHistory(data, 'ghost', { logs: [line(1)] })).toBe(data);
  });
});

describe('acknowledgeAlerts', () => {
  it('marks the named alerts, or all of them', () => {
    const data = applyBatch(started('api'), batch(1, { alerts: [alert('a1', 1), alert('a2', 2)] }));

    const one = acknowledgeAlerts(data, ['a1']);
    const all = acknowledgeAlerts(data, 'all');

    expect(one.alerts.map((a) => [a.id, a.acknowledged])).toEqual([
      ['a2', false],
      ['a1', true],
    ]);
    expect(all.alerts.every((a) => a.acknowledged)).toBe(true);
    expect(acknowledgeAlerts(all, 'all')).toBe(all);
  });
});
