import type { HealthStatus } from '../../../shared/types.js';

/**
 * `checked` false: the worker has no health check, so "unknown" would read as a check that
 * never answered; it shows "none" instead. Null or left out: not known, shown as it is.
 */
export function HealthBadge({
  status,
  checked = null,
}: {
  status: HealthStatus;
  checked?: boolean | null;
}) {
  if (status === 'unknown' && checked === false) {
    return (
      <span className="badge health-none" data-health="none" title="no health check">
        <span className="dot" aria-hidden="true" />
        none
      </span>
    );
  }
  return (
    <span className={`badge health-${status}`} data-health={status}>
      <span className="dot" aria-hidden="true" />
      {status}
    </span>
  );
}
