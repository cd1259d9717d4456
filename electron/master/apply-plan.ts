// What applying a new configuration does to the running workers: added ones start, removed
// ones stop, changed ones restart, unchanged ones are not touched, and a worker that is not
// running (stopped by the operator, or disabled) stays stopped.
import { isDeepStrictEqual } from 'node:util';
import type { ApplyPlan } from '../../shared/api-contract.js';
import type { WorkerConfig } from '../../shared/config-schema.js';

export interface PlannedWorker {
  readonly config: WorkerConfig;
  readonly active: boolean;
}

export function planApply(
  current: ReadonlyMap<string, PlannedWorker>,
  next: readonly WorkerConfig[],
): ApplyPlan {
  const plan: ApplyPlan = { start: [], stop: [], restart: [], unchanged: [], keptStopped: [] };
  const nextIds = new Set(next.map((w) => w.id));
  for (const id of current.keys()) if (!nextIds.has(id)) plan.stop.push(id);
  for (const config of next) {
    const existing = current.get(config.id);
    if (!existing) {
      (config.enabled ? plan.start : plan.keptStopped).push(config.id);
    } else if (isDeepStrictEqual(existing.config, config)) {
      plan.unchanged.push(config.id);
    } else if (existing.active && config.enabled) {
      plan.restart.push(config.id);
    } else {
      plan.keptStopped.push(config.id);
    }
  }
  return plan;
}
