import type { WorkerState } from '../../../shared/types.js';

const LABELS: Record<WorkerState, string> = {
  idle: 'idle',
  starting: 'starting',
  running: 'running',
  stopping: 'stopping',
  exited: 'exited',
  backoff: 'backoff',
  failed_start: 'failed start',
  degraded: 'degraded',
};

/** A worker state as colour and word, so it reads without colour too. */
export function StateBadge({ state }: { state: WorkerState }) {
  return (
    <span className={`badge state-${state}`}>
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
