// Runs an operator action on workers and records the outcome where the table shows it.
import { assertNever } from '../../../shared/types.js';
import type { ApiOutput, ApiResult } from '../../../shared/api-contract.js';
import { getClient } from '../api/client.js';
import { usePanelStore } from '../store/store.js';
import { useTableUi } from '../store/table-ui.js';
import { ACTION_LABELS, canRun, type WorkerAction } from './worker-actions.js';

function invoke(id: string, action: WorkerAction): Promise<ApiResult<ApiOutput<'workers.start'>>> {
  const client = getClient();
  switch (action) {
    case 'start':
      return client.invoke('workers.start', { id });
    case 'stop':
      return client.invoke('workers.stop', { id });
    case 'restart':
      return client.invoke('workers.restart', { id });
    case 'force-restart':
      return client.invoke('workers.restart', { id, force: true });
    default:
      return assertNever(action, 'worker action');
  }
}

export async function runWorkerAction(id: string, action: WorkerAction): Promise<void> {
  const ui = useTableUi.getState();
  ui.setBusy(id, action);
  ui.setError(id, null);
  const result = await invoke(id, action);
  useTableUi.getState().setBusy(id, null);
  if (result.ok) usePanelStore.getState().upsertWorker(result.value);
  else
    useTableUi.getState().setError(id, `${ACTION_LABELS[action]} failed: ${result.error.message}`);
}

/** The rows an action or shortcut applies to: the selection, or else the focused row. */
export function actionTargets(): string[] {
  const { selected, focusedId } = useTableUi.getState();
  const ids = usePanelStore.getState().workerIds;
  const chosen = ids.filter((id) => selected[id]);
  if (chosen.length > 0) return chosen;
  return focusedId !== null && ids.includes(focusedId) ? [focusedId] : [];
}

/** Runs `action` on every target whose state allows it; the others are left alone. */
export async function runOnTargets(action: WorkerAction, targets = actionTargets()): Promise<void> {
  const workers = usePanelStore.getState().workers;
  const runnable = targets.filter((id) => {
    const worker = workers[id];
    return worker !== undefined && canRun(action, worker.state);
  });
  await Promise.all(runnable.map((id) => runWorkerAction(id, action)));
}
