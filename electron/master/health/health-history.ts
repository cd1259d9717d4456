import type { HealthCheckResult } from '../../../shared/types.js';
import { BoundedRing } from '../monitor/bounded-ring.js';

export const DEFAULT_HEALTH_HISTORY = 200;

/** The last N health check results of one worker, oldest first. */
export class HealthHistory extends BoundedRing<HealthCheckResult> {
  constructor(capacity = DEFAULT_HEALTH_HISTORY) {
    super(capacity);
  }
}
