// Native notifications for new warning and critical alerts. Alerts already present when the
// panel starts are not announced again; a burst is summed up rather than shown one by one.
import type { EventBatch } from '../../shared/api-contract.js';
import type { Alert } from '../../shared/types.js';
import type { ElectronSurface } from './electron-surface.js';

const MAX_PER_BATCH = 3;

export class AlertNotifier {
  private readonly seen = new Set<string>();

  constructor(private readonly notification: ElectronSurface['Notification']) {}

  apply(batch: EventBatch): void {
    for (const alert of batch.snapshot?.alerts ?? []) this.seen.add(alert.id);
    const fresh = (batch.alerts ?? []).filter(
      (alert) => !this.seen.has(alert.id) && !alert.acknowledged && alert.severity !== 'info',
    );
    for (const alert of fresh) this.seen.add(alert.id);
    if (fresh.length === 0 || !this.notification.isSupported()) return;
    for (const alert of fresh.slice(0, MAX_PER_BATCH)) this.show(alert);
    if (fresh.length > MAX_PER_BATCH) {
      const rest = fresh.length - MAX_PER_BATCH;
      new this.notification({
        title: 'HSU Master',
        body: `${rest} more alerts in the panel`,
      }).show();
    }
  }

  private show(alert: Alert): void {
    const subject = alert.workerId ?? 'master';
    const critical = alert.severity === 'critical';
    new this.notification({
      title: `${critical ? 'Critical' : 'Warning'}: ${subject}`,
      body: alert.message,
      urgency: critical ? 'critical' : 'normal',
    }).show();
  }
}
