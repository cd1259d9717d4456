// What applying a new configuration does to the running workers: added ones start, removed
// and newly disabled ones stop, changed ones restart, unchanged ones are not touched, and a
// worker the operator stopped stays stopped.
import { isDeepStrictEqual } from 'node:util';
import type { ApplyPlan } from '../../shared/api-contract.js';
import type { WorkerConfig } from '../../shared/config-schema.js';
import type { WorkerState } from '../../shared/types.js';

export interface PlannedWorker {
  readonly config: WorkerConfig;
  readonly active: boolean;
  readonly state: WorkerState;
}

/** Ended on its own or given up on: a corrected configuration deserves a new start. */
const ENDED_BY_ITSELF: readonly WorkerState[] = ['exited', 'failed_start', 'degraded'];

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
    } else if (!config.enabled) {
      (existing.active ? plan.stop : plan.keptStopped).push(config.id);
    } else if (existing.active || ENDED_BY_ITSELF.includes(existing.state)) {
      plan.restart.push(config.id);
    } else {
      // idle: stopped by the operator (every enabled worker starts with the master).
      plan.keptStopped.push(config.id);
    }
  }
  return plan;
}
