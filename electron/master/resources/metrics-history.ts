import type { ResourceSample } from '../../../shared/types.js';
import { BoundedRing } from '../monitor/bounded-ring.js';

export const DEFAULT_METRICS_HISTORY = 600;

/** The last N resource samples of one worker, oldest first, for charts. */
export class MetricsHistory extends BoundedRing<ResourceSample> {
  constructor(capacity = DEFAULT_METRICS_HISTORY) {
    super(capacity);
  }

  /** A history long enough to cover `historyMs` at one sample every `intervalMs`. */
  static covering(historyMs: number, intervalMs: number): MetricsHistory {
    return new MetricsHistory(Math.max(1, Math.ceil(historyMs / Math.max(1, intervalMs))));
  }
}
