// Which operator actions each worker state allows, and how they map onto API calls.
import type { WorkerState } from '../../../shared/types.js';

export const WORKER_ACTIONS = ['start', 'stop', 'restart', 'force-restart'] as const;
export type WorkerAction = (typeof WORKER_ACTIONS)[number];

export const ACTION_LABELS: Record<WorkerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  'force-restart': 'Force restart',
};

const restartable: readonly WorkerState[] = [
  'running',
  'backoff',
  'degraded',
  'failed_start',
  'exited',
];

const ALLOWED: Record<WorkerAction, readonly WorkerState[]> = {
  start: ['idle', 'exited', 'failed_start', 'degraded', 'backoff'],
  stop: ['starting', 'running', 'backoff'],
  restart: restartable,
  'force-restart': restartable,
};

export function canRun(action: WorkerAction, state: WorkerState): boolean {
  return ALLOWED[action].includes(state);
}
