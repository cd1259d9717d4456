import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventBatch } from '../../shared/api-contract.js';
import type { ConfigChange, ConfigPort } from './config-port.js';
import { EventHub } from './event-hub.js';
import { ScriptedMaster, summaryOf } from './test-support/scripted-master.js';

const logger = pino({ level: 'silent' });

function record(hub: EventHub): { batches: EventBatch[]; unsubscribe: () => void } {
  const batches: EventBatch[] = [];
  const unsubscribe = hub.subscribe((batch) => batches.push(batch));
  return { batches, unsubscribe };
}

describe('EventHub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives a new subscriber a snapshot first, then only batches of what happened', () => {
    const master = new ScriptedMaster(['api', 'db']);
    const hub = new EventHub({ master, logger });

    const { batches } = record(hub);
    vi.advanceTimersByTime(1_000);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.seq).toBe(1);
    expect(batches[0]?.snapshot?.workers.map((w) => w.id)).toEqual(['api', 'db']);
    expect(batches[0]?.snapshot?.master.workers.total).toBe(2);
    expect(batches[0]?.snapshot?.alerts).toEqual([]);

    master.emit('worker', summaryOf('api', { state: 'running', pid: 42 }));
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(2);
    expect(batches[1]).toMatchObject({ seq: 2, workers: [{ id: 'api', pid: 42 }] });
    expect(batches[1]?.snapshot).toBeUndefined();
  });

  it('coalesces a burst from 200 workers into one batch with one summary per worker', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const master = new ScriptedMaster(ids);
    const hub = new EventHub({ master, logger });
    const { batches } = record(hub);

    for (let round = 1; round <= 5; round++) {
      for (const id of ids) {
        master.emit('worker', summaryOf(id, { state: 'running', restarts: round }));
        master.emit('metrics', id, {
          time: round,
          cpuPercent: round,
          memoryBytes: 1,
          processCount: 1,
        });
        master.emit('log', id, {
          seq: round,
          time: round,
          stream: 'stdout',
          text: `line ${round}`,
        });
      }
    }
    vi.advanceTimersByTime(100);

    expect(batches).toHaveLength(2);
    const burst = batches[1] as EventBatch;
    expect(burst.workers).toHaveLength(200);
    expect(new Set(burst.workers?.map((w) => w.id)).size).toBe(200);
    expect(burst.workers?.every((w) => w.restarts === 5)).toBe(true);
    expect(burst.metrics).toHaveLength(200);
    expect(burst.metrics?.every((m) => m.sample.time === 5)).toBe(true);
    expect(burst.logs).toHaveLength(200);
    expect(burst.logs?.[0]?.lines.map((l) => l.text)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `line ${n}`),
    );

    master.emit('alert', {
      id: 'a1',
      time: 1,
      severity: 'warning',
      kind: 'cpu',
      workerId: 'w1',
      message: 'cpu high',
      acknowledged: false,
    });
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(3);
    expect(Object.keys(batches[2] as EventBatch).sort()).toEqual(['alerts', 'seq', 'time']);
  });

  it('keeps only the newest log lines of a worker in one batch', () => {
    const master = new ScriptedMaster(['chatty']);
    const hub = new EventHub({ master, logger, maxLogLinesPerWorker: 50 });
    const { batches } = record(hub);

    for (let seq = 1; seq <= 500; seq++) {
      master.emit('log', 'chatty', { seq, time: seq, stream: 'stderr', text: String(seq) });
    }
    vi.advanceTimersByTime(100);

    const lines = batches[1]?.logs?.[0]?.lines ?? [];
    expect(lines).toHaveLength(50);
    expect(lines[0]?.seq).toBe(451);
    expect(lines.at(-1)?.seq).toBe(500);
  });

  it('drops what is pending for a removed worker and reports the removal', () => {
    const master = new ScriptedMaster(['gone']);
    const hub = new EventHub({ master, logger });
    const { batches } = record(hub);

    master.emit('worker', summaryOf('gone', { state: 'stopping' }));
    master.emit('removed', 'gone');
    vi.advanceTimersByTime(100);

    expect(batches[1]?.workers).toBeUndefined();
    expect(batches[1]?.removed).toEqual(['gone']);
  });

  it('forwards configuration changes and stops listening once nobody subscribes', () => {
    const master = new ScriptedMaster(['api']);
    const listeners = new Set<(info: ConfigChange) => void>();
    const config: Pick<ConfigPort, 'onChanged'> = {
      onChanged(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const hub = new EventHub({ master, config: config as ConfigPort, logger });
    const first = record(hub);
    const second = record(hub);

    for (const listener of listeners) listener({ path: 'workers.yaml', mtimeMs: 7, valid: false });
    vi.advanceTimersByTime(100);
    expect(first.batches[1]?.config).toEqual({ path: 'workers.yaml', mtimeMs: 7, valid: false });
    expect(second.batches[1]?.seq).toBe(2);

    first.unsubscribe();
    expect(master.listenerCount()).toBeGreaterThan(0);
    second.unsubscribe();
    expect(master.listenerCount()).toBe(0);
    expect(listeners.size).toBe(0);
  });

  it('keeps serving other subscribers when one throws', () => {
    const master = new ScriptedMaster(['api']);
    const hub = new EventHub({ master, logger });
    hub.subscribe(() => {
      throw new Error('broken window');
    });
    const { batches } = record(hub);

    master.emit('master-memory', { time: 1, rss: 10, heapUsed: 5 });
    vi.advanceTimersByTime(100);

    expect(batches[1]?.master).toEqual({ time: 1, rss: 10, heapUsed: 5 });
  });
});
