import { useShallow } from 'zustand/react/shallow';
import { runOnTargets } from '../../lib/run-worker-action.js';
import { ACTION_LABELS, WORKER_ACTIONS, canRun } from '../../lib/worker-actions.js';
import { usePanelStore } from '../../store/store.js';
import { useWorkerIds } from '../../store/selectors.js';
import { useTableUi } from '../../store/table-ui.js';

/** The row actions, for every selected worker whose state allows them. */
export function BulkActions() {
  const ids = useWorkerIds();
  const selected = useTableUi(useShallow((s) => ids.filter((id) => s.selected[id])));
  const states = usePanelStore(
    useShallow((s) => selected.flatMap((id) => (s.workers[id] ? [s.workers[id].state] : []))),
  );
  return (
    <div className="bulk-actions" role="group" aria-label="Actions on selected workers">
      <span className="bulk-count" data-selected-count={selected.length}>
        {selected.length} selected
      </span>
      {WORKER_ACTIONS.map((action) => (
        <button
          key={action}
          type="button"
          data-bulk-action={action}
          aria-label={`${ACTION_LABELS[action]} selected`}
          disabled={!states.some((state) => canRun(action, state))}
          onClick={() => void runOnTargets(action, selected)}
        >
          {ACTION_LABELS[action]}
        </button>
      ))}
    </div>
  );
}
