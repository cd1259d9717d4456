import type { WorkerState } from '../../../../shared/types.js';
import { runWorkerAction } from '../../lib/run-worker-action.js';
import {
  ACTION_LABELS,
  WORKER_ACTIONS,
  canRun,
  type WorkerAction,
} from '../../lib/worker-actions.js';

interface RowActionsProps {
  id: string;
  state: WorkerState;
  busy: WorkerAction | undefined;
}

export function RowActions({ id, state, busy }: RowActionsProps) {
  return (
    <div className="actions">
      {WORKER_ACTIONS.map((action) => (
        <button
          key={action}
          type="button"
          className={`action action-${action}`}
          data-action={action}
          aria-label={`${ACTION_LABELS[action]} ${id}`}
          disabled={busy !== undefined || !canRun(action, state)}
          aria-busy={busy === action}
          onClick={() => void runWorkerAction(id, action)}
        >
          {ACTION_LABELS[action]}
        </button>
      ))}
    </div>
  );
}
