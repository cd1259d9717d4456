import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/types.js';
import { AlertNotifier } from './alert-notifier.js';
import { createElectronStandIn } from './test-support/electron-stand-in.js';

const alert = (
  id: string,
  severity: Alert['severity'],
  workerId: string | null = 'api',
): Alert => ({
  id,
  time: 1,
  severity,
  kind: 'memory',
  workerId,
  message: `alert ${id}`,
  acknowledged: false,
});

describe('AlertNotifier', () => {
  it('announces new warning and critical alerts once, and not those already present', () => {
    const electron = createElectronStandIn();
    const notifier = new AlertNotifier(electron.Notification);
    const master = { pid: 1 } as never;

    notifier.apply({
      seq: 1,
      time: 1,
      snapshot: { workers: [], alerts: [alert('old', 'critical')], master },
    });
    notifier.apply({
      seq: 2,
      time: 2,
      alerts: [
        alert('old', 'critical'),
        alert('a', 'critical'),
        alert('b', 'info'),
        alert('c', 'warning', null),
      ],
    });
    notifier.apply({ seq: 3, time: 3, alerts: [alert('a', 'critical')] });

    expect(electron.notifications).toEqual([
      { title: 'Critical: api', body: 'alert a', urgency: 'critical' },
      { title: 'Warning: master', body: 'alert c', urgency: 'normal' },
    ]);
  });

  it('sums up a burst instead of showing every alert', () => {
    const electron = createElectronStandIn();
    const notifier = new AlertNotifier(electron.Notification);

    notifier.apply({
      seq: 1,
      time: 1,
      alerts: ['1', '2', '3', '4', '5'].map((id) => alert(id, 'warning')),
    });

    expect(electron.notifications).toHaveLength(4);
    expect(electron.notifications[3]?.body).toBe('2 more alerts in the panel');
  });
});
