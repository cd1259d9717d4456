import type { HealthStatus } from '../../../shared/types.js';

export function HealthBadge({ status }: { status: HealthStatus }) {
  return (
    <span className={`badge health-${status}`} data-health={status}>
      <span className="dot" aria-hidden="true" />
      {status}
    </span>
  );
}
