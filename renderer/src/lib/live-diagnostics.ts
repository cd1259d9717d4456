// Diagnostics are fetched once per state change; between fetches the figures that events carry
// (summary, samples, health results, transitions) are laid over them so the view stays live.
import type {
  ResourceSample,
  StateTransition,
  WorkerDiagnostics,
  WorkerSummary,
} from '../../../shared/types.js';
import type { WorkerHealth } from '../store/panel-data.js';

export interface LiveParts {
  summary: WorkerSummary | undefined;
  metrics: readonly ResourceSample[] | undefined;
  health: WorkerHealth | undefined;
  transitions: readonly StateTransition[] | undefined;
}

/**
 * What the current run uses, or null when there is no run. Samples outlive the run they
 * measured (they stay for the charts), so one taken before this run started does not count.
 */
function currentUsage(
  fetched: WorkerDiagnostics,
  summary: WorkerSummary,
  metrics: readonly ResourceSample[] | undefined,
): ResourceSample | null {
  const started = summary.startTime;
  if (started === null) return null;
  const newest = metrics?.at(-1);
  if (newest && newest.time >= started) return newest;
  return fetched.startTime === started ? fetched.resourceUsage : null;
}

export function liveDiagnostics(fetched: WorkerDiagnostics, live: LiveParts): WorkerDiagnostics {
  const { summary, metrics, health, transitions } = live;
  const merged: WorkerDiagnostics = {
    ...fetched,
    resourceUsage: metrics?.at(-1) ?? fetched.resourceUsage,
    healthHistory: health ? [...health.history] : fetched.healthHistory,
    transitions: transitions ? [...transitions] : fetched.transitions,
  };
  if (!summary) return merged;
  return {
    ...merged,
    resourceUsage: currentUsage(fetched, summary, metrics),
    state: summary.state,
    enabled: summary.enabled,
    processId: summary.pid,
    startTime: summary.startTime,
    healthStatus: summary.health,
    restarts: summary.restarts,
    lastError: summary.lastError,
    nextRestartAt: summary.nextRestartAt,
  };
}
