// Whether and when a worker that ended is started again: the restart policy and its back-off.
import type { RestartConfig } from '../../../shared/config-schema.js';
import { durationMs } from '../../../shared/duration.js';
import type { ExitInfo } from '../../../shared/types.js';

export type RestartDecision =
  | { restart: false; reason: string }
  | { restart: true; delayMs: number; attempt: number }
  | { restart: false; giveUp: true; reason: string };

export function exitFailed(exit: ExitInfo): boolean {
  return exit.code !== 0 || exit.signal !== null;
}

/** retry_delay × backoff_factor^n, capped at max_delay. */
export function backoffDelay(config: RestartConfig, retriesSoFar: number): number {
  const base = durationMs(config.retry_delay) * config.backoff_factor ** retriesSoFar;
  return Math.min(base, durationMs(config.max_delay));
}

/**
 * Decides what follows an unplanned end of a run. `failed` is true for a crash, a failed
 * start, an unhealthy worker or a limit breach; a clean exit only restarts under `always`.
 */
export function decideRestart(
  config: RestartConfig,
  failed: boolean,
  retriesSoFar: number,
): RestartDecision {
  if (config.policy === 'never') return { restart: false, reason: 'restart policy is never' };
  if (config.policy === 'on-failure' && !failed) {
    return { restart: false, reason: 'exited cleanly (restart policy on-failure)' };
  }
  if (retriesSoFar >= config.max_retries) {
    return {
      restart: false,
      giveUp: true,
      reason: `gave up after ${config.max_retries} restart${config.max_retries === 1 ? '' : 's'}`,
    };
  }
  return { restart: true, delayMs: backoffDelay(config, retriesSoFar), attempt: retriesSoFar + 1 };
}
