// Every alert the master raises, in one bounded stream that the UI lists and acknowledges.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Alert, AlertKind, AlertSeverity } from '../../../shared/types.js';
import { assertNever } from '../../../shared/types.js';
import { BoundedRing } from '../monitor/bounded-ring.js';

export const DEFAULT_ALERT_CAPACITY = 500;

export interface NewAlert {
  severity: AlertSeverity;
  kind: AlertKind;
  workerId: string | null;
  message: string;
}

export interface AlertStoreOptions {
  capacity?: number;
  /** When given, each raised alert is also logged at a level fitting its severity. */
  logger?: Logger;
}

export interface AlertStoreEvents {
  /** A new alert, or one that changed (acknowledged). */
  alert: [alert: Alert];
}

export class AlertStore extends EventEmitter<AlertStoreEvents> {
  private readonly alerts: BoundedRing<Alert>;
  private readonly logger: Logger | undefined;

  constructor(options: AlertStoreOptions = {}) {
    super();
    this.alerts = new BoundedRing(options.capacity ?? DEFAULT_ALERT_CAPACITY);
    this.logger = options.logger;
  }

  raise(input: NewAlert): Alert {
    const alert: Alert = { id: randomUUID(), time: Date.now(), ...input, acknowledged: false };
    this.alerts.push(alert);
    this.log(alert);
    this.emit('alert', alert);
    return alert;
  }

  /** Returns 1 when the alert was unacknowledged and now is, else 0. */
  acknowledge(id: string): number {
    const changed = this.alerts.replace(
      (alert) => alert.id === id && !alert.acknowledged,
      (alert) => ({ ...alert, acknowledged: true }),
    );
    if (!changed) return 0;
    this.emit('alert', changed);
    return 1;
  }

  /** Acknowledges every alert; returns how many changed. */
  acknowledgeAll(): number {
    let count = 0;
    for (const alert of this.alerts.toArray()) count += this.acknowledge(alert.id);
    return count;
  }

  /** Newest first. */
  list(): Alert[] {
    return this.alerts.toArray().reverse();
  }

  get(id: string): Alert | undefined {
    return this.alerts.toArray().find((alert) => alert.id === id);
  }

  get unacknowledgedCount(): number {
    return this.alerts.toArray().filter((alert) => !alert.acknowledged).length;
  }

  private log(alert: Alert): void {
    if (!this.logger) return;
    const fields = { alert: alert.id, kind: alert.kind, worker: alert.workerId ?? undefined };
    switch (alert.severity) {
      case 'info':
        this.logger.info(fields, alert.message);
        return;
      case 'warning':
        this.logger.warn(fields, alert.message);
        return;
      case 'critical':
        this.logger.error(fields, alert.message);
        return;
      default:
        assertNever(alert.severity, 'alert severity');
    }
  }
}
