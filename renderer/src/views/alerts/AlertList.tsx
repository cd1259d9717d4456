import type { Alert, AlertSeverity } from '../../../../shared/types.js';
import { Notice } from '../../components/Notice.js';
import { AlertItem } from './AlertItem.js';

const SEVERITIES: readonly { severity: AlertSeverity; title: string }[] = [
  { severity: 'critical', title: 'Critical' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Information' },
];

/** Alerts grouped by severity, most severe first, newest first within each group. */
export function AlertList({ alerts, emptyText }: { alerts: readonly Alert[]; emptyText: string }) {
  if (alerts.length === 0) return <Notice kind="empty">{emptyText}</Notice>;
  return (
    <div className="alert-groups">
      {SEVERITIES.map(({ severity, title }) => {
        const group = alerts.filter((alert) => alert.severity === severity);
        if (group.length === 0) return null;
        return (
          <section
            key={severity}
            className="alert-group"
            data-severity-group={severity}
            aria-label={title}
          >
            <h2>
              {title} <span className="count">({group.length})</span>
            </h2>
            <ul className="alert-list">
              {group.map((alert) => (
                <AlertItem key={alert.id} alert={alert} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
