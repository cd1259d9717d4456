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
    // The last sample outlives the run it measured; a worker not running uses nothing.
    resourceUsage: summary.startTime === null ? null : merged.resourceUsage,
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
