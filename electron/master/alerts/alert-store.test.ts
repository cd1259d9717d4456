import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/types.js';
import { AlertStore } from './alert-store.js';

function raiseMany(store: AlertStore, count: number): Alert[] {
  return Array.from({ length: count }, (_, i) =>
    store.raise({ severity: 'warning', kind: 'memory', workerId: 'api', message: `alert ${i}` }),
  );
}

describe('AlertStore', () => {
  it('raises alerts with unique ids, newest first', () => {
    const store = new AlertStore();
    const before = Date.now();

    const [first, second] = raiseMany(store, 2);

    expect(first?.id).not.toBe(second?.id);
    expect(first).toMatchObject({ severity: 'warning', kind: 'memory', acknowledged: false });
    expect(first?.time).toBeGreaterThanOrEqual(before);
    expect(store.list().map((a) => a.message)).toEqual(['alert 1', 'alert 0']);
    expect(store.unacknowledgedCount).toBe(2);
  });

  it('keeps only the newest alerts past its capacity', () => {
    const store = new AlertStore({ capacity: 5 });

    raiseMany(store, 12);

    expect(store.list().map((a) => a.message)).toEqual([
      'alert 11',
      'alert 10',
      'alert 9',
      'alert 8',
      'alert 7',
    ]);
    expect(store.unacknowledgedCount).toBe(5);
  });

  it('acknowledges one alert once, or all that are left', () => {
    const store = new AlertStore();
    const [first] = raiseMany(store, 3);
    const id = first?.id ?? '';

    const once = store.acknowledge(id);
    const twice = store.acknowledge(id);
    const unknown = store.acknowledge('no-such-alert');
    const rest = store.acknowledgeAll();

    expect([once, twice, unknown, rest]).toEqual([1, 0, 0, 2]);
    expect(store.get(id)?.acknowledged).toBe(true);
    expect(store.unacknowledgedCount).toBe(0);
    expect(store.acknowledgeAll()).toBe(0);
  });

  it('tells its listener about new and changed alerts', () => {
    const store = new AlertStore();
    const heard: Alert[] = [];
    store.on('alert', (alert) => heard.push(alert));

    const raised = store.raise({
      severity: 'critical',
      kind: 'health',
      workerId: null,
      message: 'down',
    });
    store.acknowledge(raised.id);

    expect(heard).toEqual([raised, { ...raised, acknowledged: true }]);
    expect(raised.acknowledged).toBe(false);
  });
});
